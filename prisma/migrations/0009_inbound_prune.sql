-- Received-update rows are pruned by channel and age once a repeat can no longer come (src/inbound/prune.ts).
CREATE INDEX "InboundUpdate_channel_status_receivedAt_idx" ON "InboundUpdate"("channel", "status", "receivedAt");
