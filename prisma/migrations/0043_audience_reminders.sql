-- A school's or business's contact who has not answered "Đã tuyên truyền" is reminded once, the next
-- morning, as a village head is (issue 15): when, and whether it was done.
ALTER TABLE "AudienceDelivery" ADD COLUMN "remindAt" DATETIME;
ALTER TABLE "AudienceDelivery" ADD COLUMN "remindedAt" DATETIME;
CREATE INDEX "AudienceDelivery_status_remindedAt_remindAt_idx" ON "AudienceDelivery"("status", "remindedAt", "remindAt");
