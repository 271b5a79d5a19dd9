-- No receipt code rests in the database (issue 10). Web-chat messages carrying one are marked and
-- blanked once the browser has them; the outbox blanks them on delivery (no column needed).
ALTER TABLE "WebChatMessage" ADD COLUMN "secret" BOOLEAN NOT NULL DEFAULT false;

-- Receipt-code messages already delivered before this change: blank them now. The phrase is the
-- fixed part of vi.flow.submitted ("Mã tiếp nhận của bạn:").
UPDATE "OutboxMessage" SET "payload" = '{"text":"","secret":true}'
WHERE "status" IN ('sent', 'failed', 'cancelled') AND "payload" LIKE '%Mã tiếp nhận của bạn:%';
UPDATE "WebChatMessage" SET "payload" = '{"text":"🔑 Tin nhắn chứa mã tiếp nhận đã được xóa khỏi máy chủ để bảo vệ bạn."}'
WHERE "payload" LIKE '%Mã tiếp nhận của bạn:%';
