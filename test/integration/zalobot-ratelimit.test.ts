// Zalo Bot rate limits: a 429 holds the channel for the wait it names (`parameters.retry_after`, as
// on Telegram) or for a default, and the message then goes out once; a 5xx is retried with back-off.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, outboxTarget, type Harness } from "../helpers/harness.js";
import { startFakeZaloBot, type FakeZaloBot } from "../helpers/fake-zalo-bot.js";
import { enqueue } from "../../src/outbox/outbox.js";
import { dispatchDue, backoffMs } from "../../src/outbox/dispatcher.js";

let fake: FakeZaloBot;
let h: Harness;
beforeEach(async () => {
  fake = await startFakeZaloBot();
  h = await createHarness({ zalobot: fake, places: false });
});
afterEach(async () => {
  await h.close();
  await fake.close();
});

async function queue(chatId: string, text: string) {
  await enqueue(h.db, await outboxTarget(h.keys, "zalobot", chatId), { text }, { now: h.clock.now });
}

describe("Zalo Bot refusals", () => {
  it.each([
    ["429 with retry_after", 429, 90, 90_000],
    ["429 without it", 429, undefined, 30_000],
    ["a server error", 502, undefined, backoffMs(1)],
  ])("%s: waits as told, then sends once", async (_label, code, retryAfter, waitMs) => {
    await queue("zb-chat-1", "tin nhắn thử");
    fake.failNext("sendMessage", code, "scripted", 1, retryAfter);
    expect(await dispatchDue(h.deps)).toBe(0);
    const row = await h.db.outboxMessage.findFirstOrThrow({});
    expect(row.status).toBe("pending");
    expect(row.nextAttemptAt.getTime() - h.clock.now.getTime()).toBe(waitMs);
    h.clock.advanceMinutes(waitMs / 60_000 - 0.05);
    expect(await dispatchDue(h.deps)).toBe(0);
    h.clock.advanceMinutes(0.1);
    expect(await dispatchDue(h.deps)).toBe(1);
    // Two calls reached the API: the refused one and the one delivered; no third.
    expect(fake.textsTo("zb-chat-1")).toEqual(["tin nhắn thử", "tin nhắn thử"]);
    expect((await h.db.outboxMessage.findFirstOrThrow({})).status).toBe("sent");
    h.clock.advanceMinutes(60);
    expect(await dispatchDue(h.deps)).toBe(0);
    expect(fake.textsTo("zb-chat-1")).toHaveLength(2);
  });
});
