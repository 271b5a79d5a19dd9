-- The staff console (issue 13): one-time sign-in links and browser sessions, each stored only as a
-- keyed hash of what the browser holds. A session ends when it is idle 12 hours, when its staff
-- member is revoked, or when they sign out (the row is deleted).
CREATE TABLE "ConsoleSignIn" (
    "tokenHash" TEXT NOT NULL PRIMARY KEY,
    "staffId" INTEGER NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL
);
CREATE INDEX "ConsoleSignIn_staffId_idx" ON "ConsoleSignIn"("staffId");

CREATE TABLE "ConsoleSession" (
    "idHash" TEXT NOT NULL PRIMARY KEY,
    "staffId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL
);
CREATE INDEX "ConsoleSession_staffId_idx" ON "ConsoleSession"("staffId");
