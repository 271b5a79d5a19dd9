-- The weekly digest article on the Zalo OA, broadcast to followers within Zalo's quota (issue 15,
-- docs/zalo-reach.md): one row per Vietnam ISO week, claimed by the unique week.
CREATE TABLE "ZaloDigest" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "week" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "errorCode" INTEGER,
    "itemIds" TEXT NOT NULL DEFAULT '',
    "languages" TEXT NOT NULL DEFAULT '',
    "articleToken" TEXT,
    "articleId" TEXT,
    "messageId" TEXT,
    "verifyTries" INTEGER NOT NULL DEFAULT 0,
    "followers" INTEGER,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "sentAt" DATETIME
);
CREATE UNIQUE INDEX "ZaloDigest_week_key" ON "ZaloDigest"("week");
