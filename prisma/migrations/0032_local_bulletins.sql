-- Bulletins written by a commune (issue 15): a local item belongs to one commune's catalog only
-- (communeId NULL: the shared catalog) and comes first at the next slot until aired (priority);
-- LocalBulletin holds what an officer or leader wrote until a second person approves or returns it.
ALTER TABLE "BulletinItem" ADD COLUMN "communeId" INTEGER;
ALTER TABLE "BulletinItem" ADD COLUMN "priority" INTEGER NOT NULL DEFAULT 0;
CREATE INDEX "BulletinItem_communeId_idx" ON "BulletinItem"("communeId");

CREATE TABLE "LocalBulletin" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "communeId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "writerStaffId" INTEGER NOT NULL,
    "approverStaffId" INTEGER,
    "decidedAt" DATETIME,
    "itemId" INTEGER,
    "slotId" INTEGER,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);
CREATE UNIQUE INDEX "LocalBulletin_itemId_key" ON "LocalBulletin"("itemId");
CREATE INDEX "LocalBulletin_communeId_status_idx" ON "LocalBulletin"("communeId", "status");
