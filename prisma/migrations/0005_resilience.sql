-- When a stored update was claimed for handling, so a claim left by a crash or a storage failure
-- can be released by the periodic sweep on any runtime.
ALTER TABLE "InboundUpdate" ADD COLUMN "claimedAt" DATETIME;

-- One row the health check rewrites, to find out whether the database still takes writes.
CREATE TABLE "HealthProbe" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL
);
