-- Alert groups belong to the commune (issue 10): a group receives alerts only while active; revoking
-- the staff member who registered it deactivates it until another officer registers it again.
ALTER TABLE "AlertGroup" ADD COLUMN "active" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "AlertGroup" ADD COLUMN "deactivatedAt" DATETIME;
CREATE INDEX "AlertGroup_communeId_active_idx" ON "AlertGroup"("communeId", "active");

-- Registrations, removals and deactivations of a commune's alert groups: no platform ids, no addresses.
CREATE TABLE "StaffAudit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "communeId" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "actorStaffId" INTEGER,
    "subject" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "StaffAudit_communeId_createdAt_idx" ON "StaffAudit"("communeId", "createdAt");
