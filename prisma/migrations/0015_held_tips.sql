-- Tips accepted beyond the flood limits wait in a held queue for an officer (issue 10): no alert,
-- escalation, list or statistic counts them until released; dismissed ones never.
ALTER TABLE "Tip" ADD COLUMN "hold" TEXT;
CREATE INDEX "Tip_communeId_hold_idx" ON "Tip"("communeId", "hold");
