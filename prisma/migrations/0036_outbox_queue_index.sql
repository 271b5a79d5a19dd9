-- The queue consumer on Workers asks, per message, whether a higher-priority row of its channel is
-- still due (alerts before bulletins across consumers, src/outbox/queued.ts): an index keeps that a
-- range of a few rows during a national fan-out of tens of thousands of pending rows.
CREATE INDEX "OutboxMessage_status_channel_priority_idx" ON "OutboxMessage"("status", "channel", "priority");
