-- Zalo adapters (issue 3): the OA token pair, pending numbered choices, chat presence for the
-- interaction window and unfollows, and staff accounts on several messengers.

CREATE TABLE "ZaloToken" (
    "appId" TEXT NOT NULL PRIMARY KEY,
    "generation" INTEGER NOT NULL,
    "accessToken" TEXT NOT NULL,
    "refreshToken" TEXT NOT NULL,
    "accessExpiresAt" DATETIME NOT NULL,
    "refreshExpiresAt" DATETIME NOT NULL,
    "refreshingUntil" DATETIME,
    "lastError" TEXT,
    "updatedAt" DATETIME NOT NULL
);

CREATE TABLE "PendingChoice" (
    "addressTag" TEXT NOT NULL PRIMARY KEY,
    "choices" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

CREATE TABLE "ChatPresence" (
    "addressTag" TEXT NOT NULL PRIMARY KEY,
    "channel" TEXT NOT NULL,
    "lastSeenAt" DATETIME NOT NULL,
    "unfollowedAt" DATETIME,
    "remindedAt" DATETIME
);

CREATE TABLE "StaffLink" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "staffId" INTEGER NOT NULL,
    "channel" TEXT NOT NULL,
    "pseudonym" TEXT NOT NULL,
    "sealedAddress" TEXT NOT NULL,
    "alerts" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL
);
CREATE UNIQUE INDEX "StaffLink_pseudonym_key" ON "StaffLink"("pseudonym");
CREATE INDEX "StaffLink_staffId_idx" ON "StaffLink"("staffId");

CREATE TABLE "StaffLinkCode" (
    "codeHash" TEXT NOT NULL PRIMARY KEY,
    "staffId" INTEGER NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME
);

-- Parked outbox rows (a Zalo user outside the interaction window) are found by chat.
CREATE INDEX "OutboxMessage_addressTag_status_idx" ON "OutboxMessage"("addressTag", "status");
