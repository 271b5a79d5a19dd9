-- A tip's whole life (issue 12): its responsible officer, the verification deadline of the Criminal
-- Procedure Code art. 147 with extensions and reminders, the result it was closed with, the old tip a
-- late detail started it from; and on its events, who a reassignment went from and to.
ALTER TABLE "Tip" ADD COLUMN "officerStaffId" INTEGER;
ALTER TABLE "Tip" ADD COLUMN "dueAt" DATETIME;
ALTER TABLE "Tip" ADD COLUMN "extensions" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Tip" ADD COLUMN "reminderLevel" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Tip" ADD COLUMN "result" TEXT;
ALTER TABLE "Tip" ADD COLUMN "previousTipId" INTEGER;
ALTER TABLE "TipEvent" ADD COLUMN "toStaffId" INTEGER;
ALTER TABLE "TipEvent" ADD COLUMN "fromStaffId" INTEGER;
-- Taken tips already have an officer: who took them.
UPDATE "Tip" SET "officerStaffId" = "takenByStaffId" WHERE "takenByStaffId" IS NOT NULL;
CREATE INDEX "Tip_status_dueAt_idx" ON "Tip"("status", "dueAt");
