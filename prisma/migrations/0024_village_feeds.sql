-- Village feeds for loudspeakers and podcast apps (issue 15): a private RSS feed and M3U playlist per
-- village behind a long random token kept only as a keyed hash; the recordings' cleaned type and
-- length; and which deliveries a feed device confirmed as played.
CREATE TABLE "VillageFeed" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "villageId" INTEGER NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "rotatedAt" DATETIME
);
CREATE UNIQUE INDEX "VillageFeed_villageId_key" ON "VillageFeed"("villageId");
CREATE UNIQUE INDEX "VillageFeed_tokenHash_key" ON "VillageFeed"("tokenHash");

CREATE TABLE "FeedAudio" (
    "versionId" INTEGER NOT NULL PRIMARY KEY,
    "fileRef" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "checkedAt" DATETIME NOT NULL
);

ALTER TABLE "BulletinDelivery" ADD COLUMN "answeredByFeedId" INTEGER;
-- A feed reads one village's deliveries: without this index every read would scan them all.
CREATE INDEX "BulletinDelivery_villageId_idx" ON "BulletinDelivery"("villageId");
