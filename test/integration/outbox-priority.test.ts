// Outbox priority and per-channel pacing against the fake Bot API: a tip alert queued behind a
// bulletin fan-out goes first, and a 429 holds the whole channel for retry_after.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, outboxTarget, type Harness } from "../helpers/harness.js";
import { TOO_MANY_REQUESTS, startFakeTelegram, type FakeTelegram } from "../helpers/fake-telegram.js";
import { enqueue } from "../../src/outbox/outbox.js";
import { dispatchDue } from "../../src/outbox/dispatcher.js";
import { createPacer } from "../../src/outbox/pacing.js";
import { startFakeZaloBot } from "../helpers/fake-zalo-bot.js";

let fake: FakeTelegram;
let h: Harness;
beforeEach(async () => {
  fake = await startFakeTelegram();
  h = await createHarness({ telegram: fake, places: false });
});
afterEach(async () => {
  await h.close();
  await fake.close();
});

const target = (chatId: string) => outboxTarget(h.keys, "telegram", chatId);

describe("outbox priority and pacing", () => {
  it("sends an alert queued after a bulletin fan-out first, and keeps each chat's order", async () => {
    for (let i = 0; i < 5; i++) await enqueue(h.db, await target(String(9000 + i)), { text: `bản tin ${i}` }, { priority: -2, now: h.clock.now });
    await enqueue(h.db, await target("777"), { text: "TIN BÁO MỚI" }, { now: h.clock.now });
    // A low-priority message queued earlier to the alert's chat still goes before a later one there.
    await enqueue(h.db, await target("9000"), { text: "cảnh báo cho 9000" }, { now: h.clock.now });
    await dispatchDue(h.deps, 3);
    const texts = fake.callsTo("sendMessage").map((c) => String(c.payload.text));
    expect(texts[0]).toBe("TIN BÁO MỚI");
    await dispatchDue(h.deps);
    const all = fake.callsTo("sendMessage").map((c) => String(c.payload.text));
    expect(all.indexOf("bản tin 0")).toBeLessThan(all.indexOf("cảnh báo cho 9000"));
    expect(all).toHaveLength(7);
  });

  it("paces a channel and holds it after a 429 with retry_after", async () => {
    const pacer = createPacer({ telegram: 50 });
    const deps = { ...h.deps, pacer };
    for (let i = 0; i < 10; i++) await enqueue(h.db, await target(String(100 + i)), { text: `tin ${i}` }, { now: h.clock.now });
    const started = performance.now();
    expect(await dispatchDue(deps)).toBe(10);
    expect(performance.now() - started).toBeGreaterThanOrEqual(9 * 20 - 5); // 10 sends at 50/s

    for (let i = 0; i < 3; i++) await enqueue(h.db, await target(String(200 + i)), { text: `sau ${i}` }, { now: h.clock.now });
    // auto-retry inside grammY waits out short retry_after itself; a long one comes back to the outbox.
    fake.failNext("sendMessage", TOO_MANY_REQUESTS(40), 3);
    expect(await dispatchDue(deps)).toBe(0);
    expect(pacer.heldFor("telegram")).toBeGreaterThan(30_000);
    const calls = fake.callsTo("sendMessage").length;
    expect(await dispatchDue(deps)).toBe(0); // held: nothing is even tried
    expect(fake.callsTo("sendMessage").length).toBe(calls);
    expect(await h.db.outboxMessage.count({ where: { status: "pending" } })).toBe(3);
  });

  it("sends each channel in its own lane: Telegram's pacing does not hold back Zalo Bot rows queued after it", async () => {
    const zalobot = await startFakeZaloBot();
    const both = await createHarness({ telegram: fake, zalobot, places: false });
    try {
      const pacer = createPacer({ telegram: 5, zalobot: 1000 });
      for (let i = 0; i < 6; i++) await enqueue(both.db, await outboxTarget(both.keys, "telegram", String(300 + i)), { text: `telegram ${i}` }, { now: both.clock.now });
      for (let i = 0; i < 6; i++) await enqueue(both.db, await outboxTarget(both.keys, "zalobot", `zb${i}`), { text: `zalo ${i}` }, { now: both.clock.now });
      expect(await dispatchDue({ ...both.deps, pacer })).toBe(12);
      const telegramAt = fake.callsTo("sendMessage").map((c) => c.at);
      const zaloAt = zalobot.callsTo("sendMessage").map((c) => c.at);
      expect(telegramAt).toHaveLength(6);
      expect(zaloAt).toHaveLength(6);
      // Telegram at 5/s needs a second for its six; the Zalo rows, queued after them, are all out
      // before Telegram's third (at 400 ms), not after its sixth.
      expect(Math.max(...zaloAt)).toBeLessThan(telegramAt[2]!);
      expect(telegramAt[5]! - telegramAt[0]!).toBeGreaterThanOrEqual(5 * 200 - 100); // paced (arrival times jitter a little)
    } finally {
      await both.close();
      await zalobot.close();
    }
  });
});
