// One intake path for every channel (src/inbound/ingest.ts): a storage failure is logged the same way
// whichever channel brought the update, answered 503 (the platform sends it again) or retried by
// polling, and nothing is lost once storage is back; background work starts once per new row.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Harness } from "../helpers/harness.js";
import { startChannels, type Channels } from "../helpers/channels.js";
import { textUpdate, type FakeTelegram } from "../helpers/fake-telegram.js";
import { textEvent, ZALO_TIPSTER, type FakeZaloOa } from "../helpers/fake-zalo-oa.js";
import { botUpdate, BOT_TIPSTER, type FakeZaloBot } from "../helpers/fake-zalo-bot.js";
import { createIngest } from "../../src/inbound/ingest.js";
import { createLogger } from "../../src/log.js";
import { STORAGE_HINTS } from "../../src/db/storage-health.js";
import { createTelegramBot } from "../../bots/telegram/bot.js";
import { startTelegramPolling } from "../../bots/telegram/polling.js";
import { ZaloBotClient } from "../../bots/zalobot/client.js";
import { startZaloBotPolling } from "../../bots/zalobot/polling.js";
import type { Polling } from "../../src/inbound/polling-loop.js";

let c: Channels;
let h: Harness;
let tg: FakeTelegram;
let oa: FakeZaloOa;
let zbot: FakeZaloBot;

beforeAll(async () => {
  c = await startChannels({ zalobot: true });
  ({ h, tg, zalo: oa } = c);
  zbot = c.bot!;
});
afterAll(async () => c.close());
beforeEach(() => {
  h.logs.length = 0;
});

// A real SQLite refusal: the insert of a received update fails as on a full disk.
const fillDisk = () => h.db.$executeRawUnsafe(`CREATE TRIGGER IF NOT EXISTS full_disk BEFORE INSERT ON InboundUpdate BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
const freeDisk = () => h.db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS full_disk`);

const writeFailures = (logs: string[]) =>
  logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.event === "storage.write_failed").map(({ channel, reason, hint }) => ({ channel, reason, hint }));
const failure = (channel: string) => ({ channel, reason: "disk_full", hint: STORAGE_HINTS.disk_full });

async function waitUntil(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("a storage failure on every webhook and the web chat", () => {
  const web = () => h.web();
  it.each<[string, () => Promise<Response>, number]>([
    ["telegram", () => h.postTelegram(textUpdate("/trogiup")), 200],
    ["zalo", () => h.postZalo(textEvent(ZALO_TIPSTER, "/trogiup")), 200],
    ["zalobot", () => h.postZaloBot(botUpdate(BOT_TIPSTER, { text: "/trogiup" })), 200],
    ["web", async () => web().send({ text: "/trogiup" }), 202],
  ])("%s: logged as storage.write_failed, answered 503 with Retry-After, taken when retried", async (channel, post, okStatus) => {
    const before = await h.db.inboundUpdate.count();
    await fillDisk();
    let res: Response;
    try {
      res = await post();
    } finally {
      await freeDisk();
    }
    expect(res.status).toBe(503);
    expect(res.headers.get("Retry-After")).toBe("5");
    expect(writeFailures(h.logs)).toEqual([failure(channel)]);
    expect(await h.db.inboundUpdate.count()).toBe(before);
    expect((await post()).status).toBe(okStatus);
    expect(await h.db.inboundUpdate.count()).toBe(before + 1);
    await h.settle();
  });
});

describe("a storage failure while polling", () => {
  let polling: Polling | undefined;
  afterAll(async () => {
    await polling?.stop();
  });

  it.each([
    ["telegram", () => {
      tg.enqueueUpdate(textUpdate("/trogiup"));
      return (ingest: ReturnType<typeof createIngest>, log: ReturnType<typeof createLogger>) =>
        startTelegramPolling(createTelegramBot({ token: tg.token, apiRoot: tg.apiRoot, botInfo: tg.bot }), h.keys, ingest, { log, retryDelayMs: 10 });
    }],
    ["zalobot", () => {
      zbot.enqueueUpdate(botUpdate(BOT_TIPSTER, { text: "/trogiup" }));
      return (ingest: ReturnType<typeof createIngest>, log: ReturnType<typeof createLogger>) =>
        startZaloBotPolling(new ZaloBotClient({ token: zbot.token, apiRoot: zbot.apiRoot }), { db: h.db, keys: h.keys, now: () => h.clock.now, log }, ingest, { timeoutSeconds: 1, retryDelayMs: 10 });
    }],
  ] as const)("%s: logged the same way, retried until stored, work started once", async (channel, enqueue) => {
    const logs: string[] = [];
    const log = createLogger("debug", (line) => logs.push(line));
    let started = 0;
    const ingest = createIngest({ db: h.db, log, now: () => h.clock.now, onStored: () => started++ });
    const before = await h.db.inboundUpdate.count({ where: { channel } });
    await fillDisk();
    polling = enqueue()(ingest, log);
    try {
      await waitUntil(() => writeFailures(logs).length >= 2, "two failed writes");
    } finally {
      await freeDisk();
    }
    await waitUntil(async () => (await h.db.inboundUpdate.count({ where: { channel } })) === before + 1, "the update stored");
    await polling.stop();
    polling = undefined;
    expect(new Set(writeFailures(logs).map((f) => JSON.stringify(f)))).toEqual(new Set([JSON.stringify(failure(channel))]));
    expect(logs.some((l) => l.includes(`"${channel}.polling.ingest_failed"`))).toBe(true);
    expect(started).toBe(1);
    await h.settle();
  });
});

describe("the ingest", () => {
  it("starts background work for a new row only: a repeat is stored and handled once", async () => {
    let started = 0;
    const ingest = createIngest({ db: h.db, log: createLogger("error", () => {}), now: () => h.clock.now, onStored: () => started++ });
    const incoming = { channel: "web", sender: "s", chat: { sealed: "x", tag: "t", isGroup: false }, content: { kind: "text", text: "a" }, receivedAt: 0 } as const;
    expect(await ingest("web", "repeat-1", incoming)).toBe("stored");
    expect(await ingest("web", "repeat-1", incoming)).toBe("duplicate");
    expect(await ingest("telegram", "ignored-1", null)).toBe("ignored");
    expect(started).toBe(1);
    await h.db.inboundUpdate.deleteMany({ where: { externalId: "repeat-1" } });
  });
});

describe("numbered choices on Zalo OA and Zalo Bot", () => {
  it("are rendered by one renderer: the same message reads the same on both, the map link before the text", async () => {
    const message = {
      text: "Vị trí đã nhận. Đồng chí xác nhận:",
      media: { kind: "location" as const, channel: "telegram" as const, latitude: 18.5, longitude: 105.7 },
      choices: [[{ label: "✅ Đúng", data: "loc:ok" }], [{ label: "✖️ Hủy", data: "nav:cancel" }]],
    };
    expect((await h.deps.senders.zalo!.send(ZALO_TIPSTER.id, message)).ok).toBe(true);
    expect((await h.deps.senders.zalobot!.send(BOT_TIPSTER.id, message)).ok).toBe(true);
    const oaTexts = oa.textsTo(ZALO_TIPSTER.id).slice(-1);
    expect(zbot.textsTo(BOT_TIPSTER.id).slice(-1)).toEqual(oaTexts);
    expect(oaTexts[0]).toMatch(/^📍[^\n]*\nhttps:[^\n]*\n\nVị trí đã nhận\. Đồng chí xác nhận:\n\n1\. ✅ Đúng\n2\. ✖️ Hủy\n/u);
  });
});
