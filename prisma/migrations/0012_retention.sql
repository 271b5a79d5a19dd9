-- Retention of closed tips (issue 10, Law 91/2025/QH15): an admin's keep with a reason, and when
-- a tip's content was erased. The sweep finds due tips by closing date.
ALTER TABLE "Tip" ADD COLUMN "keepUntil" DATETIME;
ALTER TABLE "Tip" ADD COLUMN "keepReason" TEXT;
ALTER TABLE "Tip" ADD COLUMN "erasedAt" DATETIME;
CREATE INDEX "Tip_closedAt_erasedAt_idx" ON "Tip"("closedAt", "erasedAt");
