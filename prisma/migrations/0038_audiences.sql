-- Audiences beyond villages (issue 15): a commune's schools and businesses at risk, their contacts
-- (a teacher, a business contact: Staff.audienceId, given by the invitation), the audience kinds a
-- commune's own bulletin is also sent to, and the confirmations per audience and slot.
ALTER TABLE "Staff" ADD COLUMN "audienceId" INTEGER;
ALTER TABLE "Invitation" ADD COLUMN "audienceId" INTEGER;
ALTER TABLE "LocalBulletin" ADD COLUMN "audiences" TEXT NOT NULL DEFAULT '';

CREATE TABLE "Audience" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "communeId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "removedAt" DATETIME
);
CREATE INDEX "Audience_communeId_kind_idx" ON "Audience"("communeId", "kind");

CREATE TABLE "AudienceDelivery" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slotId" INTEGER NOT NULL,
    "audienceId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "reasonText" TEXT,
    "answeredAt" DATETIME,
    "answeredByStaffId" INTEGER,
    "createdAt" DATETIME NOT NULL
);
CREATE UNIQUE INDEX "AudienceDelivery_slotId_audienceId_key" ON "AudienceDelivery"("slotId", "audienceId");
CREATE INDEX "AudienceDelivery_audienceId_idx" ON "AudienceDelivery"("audienceId");
