-- Duplicates and spam (issue 12): a tip marked as a duplicate names the original of the same commune;
-- tips marked spam are counted per sender and commune under a keyed hash of their own purpose, with
-- no column naming a tip, so the count cannot be joined with tips, conversations or preferences.
ALTER TABLE "Tip" ADD COLUMN "duplicateOfId" INTEGER;

CREATE TABLE "SpamMark" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "hash" TEXT NOT NULL,
    "communeId" INTEGER NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL
);
CREATE UNIQUE INDEX "SpamMark_hash_communeId_key" ON "SpamMark"("hash", "communeId");
