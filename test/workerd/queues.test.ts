// The national fan-out on Workers (issue 19) in workerd with local D1, a local Queue and the pacer
// Durable Object: a commune's slot to 300 village heads (150 on a fake Telegram that answers 429
// beyond 30 sends a second, 150 on a fake Zalo Bot) goes cron → queue → consumer, every head gets
// the bulletin exactly once, no second at either fake carries more sends than the channel's pace,
// alerts queued behind a backlog go out before it, and no invocation nears D1's 1,000 statements.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { d1Exec, d1Query, startLocalWorker, type LocalWorker } from "../helpers/workerd.js";
import { createKeyring, randomKeyText, type Keyring } from "../../src/crypto/keys.js";
import { pseudonymOf, sealAddress } from "../../src/crypto/pseudonym.js";
import { startFakeTelegram, type FakeTelegram } from "../helpers/fake-telegram.js";
import { startFakeZaloBot, type FakeZaloBot } from "../helpers/fake-zalo-bot.js";
import { channelLimits } from "../../src/outbox/pacing.js";

const HEADS_PER_CHANNEL = 150;
const TITLE = "BẢN TIN PHÒNG, CHỐNG MA TÚY";
/** Telegram's documented ceiling for one bot (about 30 messages a second); the fake refuses beyond it. */
const TELEGRAM_PLATFORM_LIMIT = 30;
const keyText = { pseudonym: randomKeyText(), vault: randomKeyText() };
const telegramChat = (i: number) => String(8_800_000 + i);
const zaloChat = (i: number) => `5b${i.toString(16).padStart(18, "0")}`;

const prismaDate = (d: Date) => d.toISOString().replace("Z", "+00:00");

let keys: Keyring;
let persistTo: string;
let telegram: FakeTelegram;
let zalobot: FakeZaloBot;
let worker: LocalWorker | null = null;

async function cron(): Promise<void> {
  const res = await worker!.fetch(`/__scheduled?cron=*+*+*+*+*`);
  expect(res.status).toBe(200);
}

/** The most sends of one kind within any one second (a sliding window over the fake's arrival times). */
function busiestSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= 1_000) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

/** The Worker's own count of D1 statements per invocation, from its log lines. */
function statementCounts(): Array<{ invocation: string; statements: number }> {
  return worker!
    .output()
    .split("\n")
    .filter((l) => l.includes('"event":"worker.statements"'))
    .map((l) => JSON.parse(l.slice(l.indexOf("{"))) as { invocation: string; statements: number });
}

beforeAll(async () => {
  keys = await createKeyring(keyText.pseudonym, keyText.vault);
  telegram = await startFakeTelegram({ rateLimit: { perSecond: TELEGRAM_PLATFORM_LIMIT } });
  zalobot = await startFakeZaloBot();
  const rows: string[] = [
    "INSERT INTO Province (code, name) VALUES ('LCA', 'Lào Cai');",
    "INSERT INTO Commune (code, name, searchName, provinceId) VALUES ('BACHA', 'Bắc Hà', 'bac ha', 1);",
  ];
  for (let i = 1; i <= 2 * HEADS_PER_CHANNEL; i++) {
    const telegramHead = i <= HEADS_PER_CHANNEL;
    const channel = telegramHead ? "telegram" : "zalobot";
    const chatId = telegramHead ? telegramChat(i) : zaloChat(i);
    rows.push(`INSERT INTO Village (code, name, communeId) VALUES ('BH-${String(i).padStart(3, "0")}', 'Thôn số ${i}', 1);`);
    rows.push(
      `INSERT INTO Staff (pseudonym, channel, sealedAddress, displayName, role, communeId, villageId) VALUES ('${await pseudonymOf(keys, channel, chatId)}', '${channel}', '${await sealAddress(keys, { channel, chatId })}', 'Trưởng thôn ${i}', 'village_head', 1, ${i});`,
    );
  }
  worker = await startLocalWorker({
    name: "queues",
    scheduled: true,
    seedSql: rows.join("\n"),
    vars: {
      PSEUDONYM_KEY: keyText.pseudonym,
      VAULT_KEY: keyText.vault,
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      TELEGRAM_WEBHOOK_SECRET: "workerd_queues",
      ZALO_BOT_TOKEN: zalobot.token,
      ZALO_BOT_API_ROOT: zalobot.apiRoot,
      ZALO_BOT_WEBHOOK_SECRET: "workerd_queues_zb",
      PUBLIC_URL: "https://phaodai.example",
    },
  });
  ({ persistTo } = worker);
}, 180_000);

afterAll(async () => {
  await worker?.stop();
  await telegram?.close();
  await zalobot?.close();
});

const bulletinsTo = {
  telegram: (chat: string) => telegram.calls.filter((c) => c.method === "sendMessage" && String(c.payload.chat_id) === chat && String(c.payload.text).includes(TITLE)),
  zalobot: (chat: string) => zalobot.calls.filter((c) => c.method === "sendMessage" && c.payload.chat_id === chat && String(c.payload.text).includes(TITLE)),
};

describe("the national fan-out on Workers: cron → Queue → consumer, paced by a Durable Object per channel", () => {
  it("sends a slot to 300 village heads through the queue, each exactly once, never above the channel's pace", async () => {
    await cron(); // the catalog and the commune's schedule
    await expect.poll(() => d1Query<{ n: number }>(persistTo, "SELECT count(*) AS n FROM BulletinSchedule")[0]!.n, { timeout: 60_000, interval: 500 }).toBe(1);
    const now = new Date();
    const slot = new Date(Math.floor((now.getTime() - 60_000) / 60_000) * 60_000);
    const vn = new Date(slot.getTime() + 7 * 3_600_000);
    const time = `${String(vn.getUTCHours()).padStart(2, "0")}:${String(vn.getUTCMinutes()).padStart(2, "0")}`;
    d1Query(persistTo, `UPDATE BulletinSchedule SET days = '1,2,3,4,5,6,7', times = '${time}', cursorAt = '${prismaDate(new Date(slot.getTime() - 600_000))}', nextDueAt = '${prismaDate(slot)}'`);
    await cron();

    const delivered = () =>
      Array.from({ length: HEADS_PER_CHANNEL }, (_, k) => bulletinsTo.telegram(telegramChat(k + 1)).length > 0).filter(Boolean).length +
      Array.from({ length: HEADS_PER_CHANNEL }, (_, k) => bulletinsTo.zalobot(zaloChat(HEADS_PER_CHANNEL + k + 1)).length > 0).filter(Boolean).length;
    await expect.poll(delivered, { timeout: 60_000, interval: 250 }).toBe(2 * HEADS_PER_CHANNEL);
    await expect
      .poll(() => d1Query<{ n: number }>(persistTo, "SELECT count(*) AS n FROM OutboxMessage WHERE status <> 'sent'")[0]!.n, { timeout: 30_000, interval: 500 })
      .toBe(0);

    // Exactly once: one bulletin per head, one outbox row per head, every row sent.
    for (let i = 1; i <= HEADS_PER_CHANNEL; i++) expect(bulletinsTo.telegram(telegramChat(i))).toHaveLength(1);
    for (let i = HEADS_PER_CHANNEL + 1; i <= 2 * HEADS_PER_CHANNEL; i++) expect(bulletinsTo.zalobot(zaloChat(i))).toHaveLength(1);
    expect(d1Query<{ n: number }>(persistTo, "SELECT count(*) AS n FROM OutboxMessage WHERE status = 'sent'")[0]!.n).toBe(2 * HEADS_PER_CHANNEL);
    // It went through the queue: the consumer's batches sent them, the cron run none itself.
    const batches = () =>
      worker!
        .output()
        .split("\n")
        .filter((l) => l.includes('"event":"outbox.queue_batch"'))
        .map((l) => JSON.parse(l.slice(l.indexOf("{"))) as { sent: number });
    // A batch logs after its rows are marked sent, and wrangler's output arrives when it arrives: wait for it.
    await expect.poll(() => batches().reduce((a, b) => a + b.sent, 0), { timeout: 30_000, interval: 250 }).toBe(2 * HEADS_PER_CHANNEL);

    // The pace: the fake Telegram refused nothing, and no second carried more than the channel's pace
    // (one more at most, for a send booked at the edge of a second arriving with the next one).
    expect(telegram.rateLimited()).toBe(0);
    const tgTimes = telegram.calls.filter((c) => c.method === "sendMessage").map((c) => c.at);
    const zbTimes = zalobot.calls.filter((c) => c.method === "sendMessage" && String(c.payload.text).includes(TITLE)).map((c) => c.at);
    const tgBusiest = busiestSecond(tgTimes);
    const zbBusiest = busiestSecond(zbTimes);
    expect(tgBusiest).toBeLessThanOrEqual(channelLimits.telegram! + 1);
    expect(zbBusiest).toBeLessThanOrEqual(channelLimits.zalobot! + 1);
    const rate = (times: number[]) => ((times.length - 1) * 1_000) / (Math.max(...times) - Math.min(...times));

    // D1 statements per invocation, as the Worker counted them: far below 1,000.
    const counts = statementCounts();
    const queue = counts.filter((c) => c.invocation === "queue").map((c) => c.statements);
    const scheduled = counts.filter((c) => c.invocation === "scheduled").map((c) => c.statements);
    console.log(`[queues] statements per invocation: ${JSON.stringify(counts)}`);
    expect(queue.length).toBeGreaterThan(0);
    expect(Math.max(...queue)).toBeLessThan(1_000);
    expect(Math.max(...scheduled)).toBeLessThan(1_000);
    console.log(
      `[queues] telegram ${rate(tgTimes).toFixed(1)}/s (busiest second ${tgBusiest}, pace ${channelLimits.telegram}/s), ` +
        `zalobot ${rate(zbTimes).toFixed(1)}/s (busiest second ${zbBusiest}, pace ${channelLimits.zalobot}/s); ` +
        `D1 statements per invocation: queue max ${Math.max(...queue)} over ${queue.length}, scheduled max ${Math.max(...scheduled)}`,
    );
  }, 180_000);

  it("sends alerts queued behind a backlog of bulletins before any of that backlog", async () => {
    const at = prismaDate(new Date(Date.now() - 1_000));
    const rows: string[] = [];
    const row = async (chatId: string, tag: string, text: string, priority: number) =>
      `INSERT INTO OutboxMessage (channel, sealedAddress, addressTag, payload, status, attempts, nextAttemptAt, createdAt, priority) VALUES ('telegram', '${await sealAddress(keys, { channel: "telegram", chatId })}', '${tag}', '${JSON.stringify({ text })}', 'pending', 0, '${at}', '${at}', ${priority});`;
    // The backlog first (lower ids), then the alerts: first in, first out alone would send the backlog first.
    for (let i = 1; i <= 120; i++) rows.push(await row(telegramChat(i), `backlog:${i}`, `Hàng chờ ${i}`, -1));
    for (let i = 1; i <= 10; i++) rows.push(await row(String(9_900_000 + i), `alert:${i}`, `Cảnh báo ${i}`, 0));
    d1Exec(persistTo, rows.join("\n"));
    const before = telegram.calls.length;
    await cron();
    const phase = () => telegram.calls.slice(before).filter((c) => c.method === "sendMessage");
    await expect.poll(() => phase().length, { timeout: 60_000, interval: 250 }).toBe(130);
    const texts = phase().map((c) => String(c.payload.text));
    const lastAlert = Math.max(...texts.map((t, i) => (t.startsWith("Cảnh báo") ? i : -1)));
    const firstBacklog = texts.findIndex((t) => t.startsWith("Hàng chờ"));
    expect(lastAlert).toBeLessThan(firstBacklog);
    expect(new Set(texts).size).toBe(130);
    expect(telegram.rateLimited()).toBe(0);
  }, 120_000);
});
