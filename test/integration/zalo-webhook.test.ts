// The Zalo OA and Zalo Bot webhooks at the edge: signature failures and wrong secrets get 401 and
// change nothing, repeats are processed once, echoes and unknown events are acknowledged and
// ignored, malformed bodies never get a 500, unfollow is recorded for bulletin fan-outs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, ZALOBOT_SECRET, type Harness } from "../helpers/harness.js";
import { ZALO_TIPSTER, followEvent, oaEchoEvent, startFakeZaloOa, textEvent, zaloEvent, zaloSignatureOf, type FakeZaloOa } from "../helpers/fake-zalo-oa.js";
import { BOT_TIPSTER, botUpdate, flatBody, startFakeZaloBot, type FakeZaloBot } from "../helpers/fake-zalo-bot.js";
import { addressTagOf } from "../../src/crypto/pseudonym.js";
import { isUnsubscribed } from "../../src/outbox/window.js";
import { sweep } from "../../bots/core/work/sweep.js";
import { loadPendingChoices, matchChoice, numberChoices, storePendingChoices } from "../../bots/core/numbered-choices.js";

let fake: FakeZaloOa;
let bot: FakeZaloBot;
let h: Harness;

beforeAll(async () => {
  fake = await startFakeZaloOa();
  bot = await startFakeZaloBot();
  h = await createHarness({ zalo: fake, zalobot: bot });
  await h.authorizeZalo();
});
afterAll(async () => {
  await h.close();
  await fake.close();
  await bot.close();
});

const counts = async () => ({ inbound: await h.db.inboundUpdate.count(), outbox: await h.db.outboxMessage.count(), presence: await h.db.chatPresence.count() });
const raw = (body: string, headers: Record<string, string>) => h.app.request("/zalo/webhook", { method: "POST", headers, body });

describe("Zalo OA webhook", () => {
  it("refuses a missing, wrong or replayed-with-changes signature with 401 and changes nothing", async () => {
    const before = await counts();
    const event = textEvent(ZALO_TIPSTER, "/start");
    const { body, headers } = fake.signed(event);
    const cases: Array<[string, Record<string, string>]> = [
      [body, { "Content-Type": "application/json" }],
      [body, { ...headers, "X-ZEvent-Signature": "mac=" + "0".repeat(64) }],
      [body, { ...headers, "X-ZEvent-Signature": "garbage" }],
      [body.replace("/start", "/huy"), headers],
      [body, { ...headers, "X-ZEvent-Signature": zaloSignatureOf(body, String(event.timestamp), fake.appId, "wrong-oa-secret") }],
      ["{not json", headers],
      ["", headers],
    ];
    for (const [b, hd] of cases) expect((await raw(b, hd)).status).toBe(401);
    // Signed for another app: the signature is over our app id, so it fails too.
    const other: Record<string, unknown> = { ...event, app_id: "111" };
    const otherBody = JSON.stringify(other);
    expect((await raw(otherBody, { "X-ZEvent-Signature": zaloSignatureOf(otherBody, String(other.timestamp), "111") })).status).toBe(401);
    await h.settle();
    expect(await counts()).toEqual(before);
  });

  it("processes a repeated msg_id once", async () => {
    const event = textEvent(ZALO_TIPSTER, "/baomat");
    expect((await h.postZalo(event)).status).toBe(200);
    expect((await h.postZalo(event)).status).toBe(200);
    await h.settle();
    expect((await h.postZalo(event)).status).toBe(200);
    await h.settle();
    expect(fake.textsTo(ZALO_TIPSTER.id).filter((t) => t.includes("Điều chúng tôi bảo vệ"))).toHaveLength(1);
  });

  it("does nothing for an authentic event older than 15 minutes or from the future, and takes a recent one", async () => {
    const before = await counts();
    const now = h.clock.now.getTime();
    const at = (ms: number, text: string) => ({ ...textEvent(ZALO_TIPSTER, text), timestamp: String(ms) });
    for (const event of [at(now - 16 * 60_000, "/baomat"), at(now + 10 * 60_000, "/baomat"), at(1_543_908_534_740, "/baomat"), { ...textEvent(ZALO_TIPSTER, "/baomat"), timestamp: "soon" }]) {
      expect((await h.postZalo(event)).status).toBe(200);
    }
    await h.settle();
    expect(await counts()).toEqual(before);
    expect(h.logs.filter((l) => l.includes("zalo.webhook.stale")).length).toBeGreaterThanOrEqual(4);
    expect((await h.postZalo(at(now - 10 * 60_000, "/trogiup"))).status).toBe(200);
    expect((await counts()).inbound).toBe(before.inbound + 1);
  });

  it("prunes received-update rows once a repeat can no longer come, and a replay after that is refused by its age", async () => {
    const event = textEvent(ZALO_TIPSTER, "/baomat");
    expect((await h.postZalo(event)).status).toBe(200);
    await h.settle();
    const answered = fake.textsTo(ZALO_TIPSTER.id).filter((t) => t.includes("Điều chúng tôi bảo vệ")).length;
    const rows = await h.db.inboundUpdate.count({ where: { channel: "zalo" } });
    expect(rows).toBeGreaterThan(0);
    h.clock.advanceMinutes(61);
    await sweep(h.deps);
    expect(await h.db.inboundUpdate.count({ where: { channel: "zalo" } })).toBe(0);
    // The same signed event again: no row remembers it, but it is too old to be taken.
    expect((await h.postZalo(event)).status).toBe(200);
    await h.settle();
    expect(fake.textsTo(ZALO_TIPSTER.id).filter((t) => t.includes("Điều chúng tôi bảo vệ"))).toHaveLength(answered);
  });

  it("acknowledges our own echoes, receipts and unknown events, and ignores them", async () => {
    const before = await counts();
    const sent = fake.messages.length;
    for (const event of [oaEchoEvent(ZALO_TIPSTER), zaloEvent("user_seen_message", ZALO_TIPSTER, {}), zaloEvent("user_send_hologram", ZALO_TIPSTER, { text: "?" }), { event_name: "brand_new_thing", app_id: fake.appId, timestamp: "1" }]) {
      expect((await h.postZalo(event)).status).toBe(200);
    }
    await h.settle();
    expect((await counts()).inbound).toBe(before.inbound);
    expect(fake.messages.length).toBe(sent);
  });

  it("never answers malformed but signed bodies with a 500", async () => {
    for (const event of [{ timestamp: "9" }, { event_name: 5, timestamp: "3" }, { event_name: "user_send_text", sender: { id: { nested: true } }, timestamp: "1" }, { event_name: "user_send_text", sender: { id: "1" }, message: "x", timestamp: "2" }]) {
      const res = await h.postZalo(event);
      expect(res.status).toBe(200);
    }
    const arrayBody = "[1,2,3]";
    expect((await raw(arrayBody, { "X-ZEvent-Signature": zaloSignatureOf(arrayBody, "") })).status).toBe(200);
    const huge = JSON.stringify({ ...textEvent(ZALO_TIPSTER, "x"), pad: "y".repeat(300 * 1024) });
    expect((await raw(huge, { "X-ZEvent-Signature": "mac=" + "a".repeat(64) })).status).toBe(413);
    await h.settle();
    expect(await h.db.inboundUpdate.count({ where: { status: "failed" } })).toBe(0);
  });

  it("records an unfollow where a bulletin fan-out can check it, and a new follow clears it", async () => {
    const tag = await addressTagOf(h.keys, { channel: "zalo", chatId: ZALO_TIPSTER.id });
    expect((await h.postZalo(followEvent(ZALO_TIPSTER, "unfollow"))).status).toBe(200);
    expect(await isUnsubscribed(h.db, tag)).toBe(true);
    await h.settle();
    expect((await h.postZalo(followEvent(ZALO_TIPSTER))).status).toBe(200);
    expect(await isUnsubscribed(h.db, tag)).toBe(false);
  });
});

describe("Zalo Bot webhook", () => {
  it("refuses a wrong or missing secret with 401 and changes nothing", async () => {
    const before = await counts();
    expect((await h.postZaloBot(botUpdate(BOT_TIPSTER, { text: "/start" }), "wrong_secret_123")).status).toBe(401);
    expect((await h.app.request("/zalobot/webhook", { method: "POST", body: JSON.stringify(botUpdate(BOT_TIPSTER, { text: "/start" })) })).status).toBe(401);
    expect(await counts()).toEqual(before);
  });

  it("takes wrapped and flat bodies, processes repeats once, and answers malformed ones with 4xx", async () => {
    const update = botUpdate(BOT_TIPSTER, { text: "/baomat" });
    expect((await h.postZaloBot(update)).status).toBe(200);
    expect((await h.postZaloBot(flatBody(update))).status).toBe(200); // the same message, the other shape
    await h.settle();
    expect(bot.textsTo(BOT_TIPSTER.id).filter((t) => t.includes("Điều chúng tôi bảo vệ"))).toHaveLength(1);
    for (const body of ["", "{", "[]", "null"]) {
      const res = await h.postZaloBot(body, ZALOBOT_SECRET);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    expect((await h.postZaloBot({ ok: true, result: { event_name: "message.text.received" } })).status).toBe(200);
  });
});

describe("pending numbered choices", () => {
  it("keeps only the words of global choices from earlier lists (numbers mean the latest list)", async () => {
    const now = new Date();
    const menu = numberChoices([[{ label: "🚨 Tố giác ma túy", data: "menu:report" }], [{ label: "✖️ Hủy", data: "nav:cancel" }]]);
    await storePendingChoices(h.db, "tag", numberChoices([[{ label: "💬 Trả lời cán bộ", data: "r:7" }], [{ label: "Trồng cây thuốc phiện", data: "k:growing" }]]), now);
    await storePendingChoices(h.db, "tag", menu, now);
    const pending = await loadPendingChoices(h.db, "tag", now);
    expect(matchChoice("trả lời cán bộ", pending)).toBe("r:7");
    expect(matchChoice("Trồng cây thuốc phiện", pending)).toBeNull();
    expect(matchChoice("1", pending)).toBe("menu:report");
    expect(pending.find((c) => c.data === "r:7")?.n).toBe(0);
    expect(await loadPendingChoices(h.db, "tag", new Date(now.getTime() + 8 * 86_400_000))).toEqual([]);
  });
});
