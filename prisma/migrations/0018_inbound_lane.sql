-- Updates of one person must not overtake each other (issue 19): on Workers every request starts its
-- own work pass, so a claim skips a person whose earlier update is still being handled. The lane is
-- the sender's pseudonym (a keyed hash, as Conversation holds it), blanked once the update is handled.
ALTER TABLE "InboundUpdate" ADD COLUMN "lane" TEXT;
CREATE INDEX "InboundUpdate_status_lane_idx" ON "InboundUpdate"("status", "lane");
