// Benchmark (issue 19): one province at national density on Workers. workerd (wrangler dev) with a
// local D1, the local outbox Queue and the ChannelPacer Durable Object; 100 communes × 20 villages,
// a village head per village (half on Telegram, half on Zalo Bot, alternating by village) and 1,000
// citizen subscribers (spread evenly over the communes, alternating Telegram / Zalo Bot). Every
// commune's schedule is set to the same minute (the worst case a province's database can see: the
// default schedule spreads communes over 30 minutes, about 3–4 a minute in a province of 100), then
// the cron runs once a minute, as Cloudflare's does, until every head and subscriber has the bulletin.
// The fakes answer 429 beyond the platform's limit. A few citizens' webhooks arrive during the slot
// (fetch invocations under a backlog). Prints rates against the pace and the limit, 429s, D1
// statements per invocation against 1,000, minutes to deliver, duplicates, and the extrapolation to
// 64,000 heads; a floor measured in the same run (the fakes' own throughput for the same sends).
// Not part of `npm test`:
//
//   npm run bench:national                                 # 100 communes × 20 villages, 1,000 subscribers
//   npm run bench:national -- --communes 10 --subscribers 100 --cron-every 20   # a quick run
import { parseArgs } from "node:util";
import { createKeyring, randomKeyText, type Keyring } from "../../src/crypto/keys.js";
import { addressTagOf, pseudonymOf, sealAddress } from "../../src/crypto/pseudonym.js";
import { channelLimits } from "../../src/outbox/pacing.js";
import { startFakeTelegram } from "../helpers/fake-telegram.js";
import { startFakeZaloBot } from "../helpers/fake-zalo-bot.js";
import { d1Query, startLocalWorker, type LocalWorker } from "../helpers/workerd.js";
import { textUpdate } from "../helpers/telegram-updates.js";
import { describeMachine, machineInfo, quantile, round, writeResult } from "./machine.js";

const { values } = parseArgs({
  options: {
    communes: { type: "string", default: "100" },
    villages: { type: "string", default: "20" },
    subscribers: { type: "string", default: "1000" },
    /** Seconds between cron runs: 60 is Cloudflare's every-minute trigger. */
    "cron-every": { type: "string", default: "60" },
    /** Telegram: about 30 messages a second for one bot (docs/cloudflare-limits.md). */
    "telegram-limit": { type: "string", default: "30" },
    /** Zalo Bot documents none (docs/zalo-reach.md, open question 8): Telegram's is assumed. */
    "zalobot-limit": { type: "string", default: "30" },
    /** Seconds between citizens' webhook updates during the slot (0: none). */
    "updates-every": { type: "string", default: "5" },
    "timeout-minutes": { type: "string", default: "30" },
  },
});
const COMMUNES = Number(values.communes);
const VILLAGES = Number(values.villages);
const SUBSCRIBERS = Number(values.subscribers);
const CRON_EVERY_MS = Number(values["cron-every"]) * 1_000;
const TELEGRAM_LIMIT = Number(values["telegram-limit"]);
const ZALOBOT_LIMIT = Number(values["zalobot-limit"]);
const UPDATES_EVERY_MS = Number(values["updates-every"]) * 1_000;
const TIMEOUT_MS = Number(values["timeout-minutes"]) * 60_000;
const NATIONAL_HEADS = 64_000;
const D1_STATEMENTS_PER_INVOCATION = 1_000;
const WEBHOOK_SECRET = "bench_national_secret";
for (const [name, v] of Object.entries({ COMMUNES, VILLAGES, SUBSCRIBERS, CRON_EVERY_MS, TELEGRAM_LIMIT, ZALOBOT_LIMIT, TIMEOUT_MS })) {
  if (!Number.isInteger(v) || v <= 0) throw new Error(`${name} must be a positive whole number`);
}

type BenchChannel = "telegram" | "zalobot";
interface Recipient {
  kind: "head" | "subscriber";
  channel: BenchChannel;
  chatId: string;
}

// Chat ids of the platforms' shapes; heads and subscribers never share one.
const telegramChat = (kind: Recipient["kind"], i: number) => String((kind === "head" ? 8_800_000 : 7_700_000) + i);
const zaloChat = (kind: Recipient["kind"], i: number) => `${kind === "head" ? "5b" : "6c"}${i.toString(16).padStart(18, "0")}`;
const prismaDate = (d: Date) => d.toISOString().replace("Z", "+00:00");
const sqlText = (s: string) => `'${s.replaceAll("'", "''")}'`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Multi-row INSERTs of at most `per` rows: a seed of 5,000 rows in a few dozen statements. */
function inserts(table: string, columns: string[], rows: string[][], per = 200): string[] {
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += per) {
    const tuples = rows.slice(i, i + per).map((r) => `(${r.join(", ")})`);
    out.push(`INSERT INTO ${table} (${columns.join(", ")}) VALUES ${tuples.join(",\n")};`);
  }
  return out;
}

async function seedSql(keys: Keyring, recipients: Recipient[]): Promise<string> {
  const now = prismaDate(new Date());
  const statements = ["INSERT INTO Province (code, name) VALUES ('BNT', 'Tỉnh mô phỏng');"];
  const communes: string[][] = [];
  const villages: string[][] = [];
  const staff: string[][] = [];
  const subs: string[][] = [];
  for (let c = 1; c <= COMMUNES; c++) {
    const code = `BNT${String(c).padStart(3, "0")}`;
    communes.push([sqlText(code), sqlText(`Xã số ${c}`), sqlText(`xa so ${c}`), "1"]);
  }
  let head = 0;
  for (let c = 1; c <= COMMUNES; c++) {
    for (let v = 1; v <= VILLAGES; v++) {
      head++;
      villages.push([sqlText(`BNT${String(c).padStart(3, "0")}-${String(v).padStart(3, "0")}`), sqlText(`Thôn số ${v}`), String(c)]);
      const channel: BenchChannel = head % 2 === 1 ? "telegram" : "zalobot";
      const chatId = channel === "telegram" ? telegramChat("head", head) : zaloChat("head", head);
      recipients.push({ kind: "head", channel, chatId });
      staff.push([
        sqlText(await pseudonymOf(keys, channel, chatId)),
        sqlText(channel),
        sqlText(await sealAddress(keys, { channel, chatId })),
        sqlText(`Trưởng thôn ${head}`),
        "'village_head'",
        String(c),
        String(head), // villages are inserted in the same order: the head's village id
      ]);
    }
  }
  for (let s = 1; s <= SUBSCRIBERS; s++) {
    const channel: BenchChannel = s % 2 === 1 ? "telegram" : "zalobot";
    const chatId = channel === "telegram" ? telegramChat("subscriber", s) : zaloChat("subscriber", s);
    recipients.push({ kind: "subscriber", channel, chatId });
    const address = { channel, chatId };
    subs.push([
      sqlText(await pseudonymOf(keys, channel, chatId)),
      sqlText(channel),
      sqlText(await sealAddress(keys, address)),
      sqlText(await addressTagOf(keys, address)),
      String(((s - 1) % COMMUNES) + 1),
      "'vie'",
      sqlText(now),
      sqlText(now),
    ]);
  }
  statements.push(...inserts("Commune", ["code", "name", "searchName", "provinceId"], communes));
  statements.push(...inserts("Village", ["code", "name", "communeId"], villages));
  statements.push(...inserts("Staff", ["pseudonym", "channel", "sealedAddress", "displayName", "role", "communeId", "villageId"], staff));
  statements.push(...inserts("BulletinSubscription", ["pseudonym", "channel", "sealedAddress", "addressTag", "communeId", "language", "createdAt", "lastIncomingAt"], subs));
  return statements.join("\n");
}

/** The most sends within any one second (a sliding window over arrival times). */
function busiestSecond(sorted: number[]): number {
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= 1_000) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

/** A pause longer than this between two sends of a channel ends a burst (the channel had nothing due). */
const IDLE_GAP_MS = 2_000;

/**
 * Messages a second: overall (first to last send, idle minutes between cron runs included), and
 * steady, while the channel had work: over its bursts (sends closer than IDLE_GAP_MS), each trimmed
 * of its first and last 10 % so the ramp-up and the tail do not count.
 */
function rates(sorted: number[]): { overall: number; steady: number; bursts: number } {
  if (sorted.length < 2) return { overall: 0, steady: 0, bursts: sorted.length };
  const overall = ((sorted.length - 1) * 1_000) / Math.max(1, sorted.at(-1)! - sorted[0]!);
  const bursts: number[][] = [[sorted[0]!]];
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]! - sorted[i - 1]! > IDLE_GAP_MS) bursts.push([]);
    bursts.at(-1)!.push(sorted[i]!);
  }
  let sends = 0;
  let ms = 0;
  for (const b of bursts) {
    if (b.length < 10) continue;
    const from = Math.floor(b.length * 0.1);
    const to = Math.ceil(b.length * 0.9) - 1;
    sends += to - from;
    ms += b[to]! - b[from]!;
  }
  return { overall, steady: ms > 0 ? (sends * 1_000) / ms : overall, bursts: bursts.length };
}

interface StatementLine {
  invocation: "fetch" | "scheduled" | "queue";
  statements: number;
}

function statementLines(worker: LocalWorker): StatementLine[] {
  return worker
    .output()
    .split("\n")
    .filter((l) => l.includes('"event":"worker.statements"'))
    .map((l) => JSON.parse(l.slice(l.indexOf("{"))) as StatementLine);
}

/** Each cron run's statements in order, with the slots it finished fanning out (logged before its count). */
function cronRuns(worker: LocalWorker): Array<{ statements: number; slotsFannedOut: number }> {
  const runs: Array<{ statements: number; slotsFannedOut: number }> = [];
  let fanned = 0;
  for (const l of worker.output().split("\n")) {
    if (l.includes('"event":"bulletins.fanned_out"')) fanned++;
    else if (l.includes('"event":"worker.statements"') && l.includes('"invocation":"scheduled"')) {
      runs.push({ statements: (JSON.parse(l.slice(l.indexOf("{"))) as StatementLine).statements, slotsFannedOut: fanned });
      fanned = 0;
    }
  }
  return runs;
}

/** The floor: the same number of sends straight from Node to fakes without a limit, 6 at a time (a Worker's connections). */
async function fakeThroughput(channel: BenchChannel, sends: number): Promise<number> {
  const fake = channel === "telegram" ? await startFakeTelegram() : await startFakeZaloBot();
  const url = `${fake.apiRoot}/bot${fake.token}/sendMessage`;
  const chatIds = channel === "telegram" ? (i: number) => telegramChat("head", i) : (i: number) => zaloChat("head", i);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 6 }, async () => {
      while (next < sends) {
        const i = ++next;
        const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ chat_id: chatIds(i), text: `Bản tin ${i}` }) });
        await res.arrayBuffer();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1_000;
  await fake.close();
  return sends / seconds;
}

async function main() {
  const machine = machineInfo();
  const benchStart = Date.now();
  console.log(`Machine: ${describeMachine(machine)}`);
  const keyText = { pseudonym: randomKeyText(), vault: randomKeyText() };
  const keys = await createKeyring(keyText.pseudonym, keyText.vault);
  const telegram = await startFakeTelegram({ rateLimit: { perSecond: TELEGRAM_LIMIT } });
  const zalobot = await startFakeZaloBot(undefined, { rateLimit: { perSecond: ZALOBOT_LIMIT } });
  const recipients: Recipient[] = [];
  const seed = await seedSql(keys, recipients);
  const heads = recipients.filter((r) => r.kind === "head").length;
  console.log(
    `Seeding one province: ${COMMUNES} communes × ${VILLAGES} villages, ${heads} village heads (half Telegram, half Zalo Bot), ` +
      `${SUBSCRIBERS} subscribers (${Math.ceil(SUBSCRIBERS / COMMUNES)} a commune at most, half Telegram, half Zalo Bot)…`,
  );
  let worker: LocalWorker | null = null;
  let failed = false;
  try {
    const seedStart = Date.now();
    worker = await startLocalWorker({
      name: "national",
      scheduled: true,
      seedSql: seed,
      vars: {
        PSEUDONYM_KEY: keyText.pseudonym,
        VAULT_KEY: keyText.vault,
        TELEGRAM_BOT_TOKEN: telegram.token,
        TELEGRAM_API_ROOT: telegram.apiRoot,
        TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
        ZALO_BOT_TOKEN: zalobot.token,
        ZALO_BOT_API_ROOT: zalobot.apiRoot,
        ZALO_BOT_WEBHOOK_SECRET: `${WEBHOOK_SECRET}_zb`,
        PUBLIC_URL: "https://phaodai.example",
        // A request's statement count is logged at debug level (src/worker.ts).
        LOG_LEVEL: "debug",
      },
    });
    const w = worker;
    const persistTo = w.persistTo;
    const count = (table: string) => d1Query<{ n: number }>(persistTo, `SELECT count(*) AS n FROM ${table}`)[0]!.n;
    const seeded = { communes: count("Commune"), villages: count("Village"), heads: count("Staff"), subscribers: count("BulletinSubscription") };
    console.log(`Seeded in ${round((Date.now() - seedStart) / 1_000)} s (migrations, seed, wrangler dev start): ${JSON.stringify(seeded)}`);

    const cron = async () => {
      const res = await w.fetch(`/__scheduled?cron=*+*+*+*+*`);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`/__scheduled answered ${res.status}`);
    };
    // The first run writes the catalog and every commune's default schedule.
    await cron();
    // Done when it has written the schedules and logged its statements (the end of its work).
    const firstRunLogged = () => statementLines(w).some((l) => l.invocation === "scheduled");
    for (const deadline = Date.now() + 120_000; !firstRunLogged() || count("BulletinSchedule") < COMMUNES; ) {
      if (Date.now() > deadline) throw new Error("the first cron run did not write every commune's schedule");
      await sleep(1_000);
    }
    const warmup = statementLines(w).length;
    // The whole province's slot in the minute just begun (Vietnam time, UTC+7).
    const slot = new Date(Math.floor((Date.now() - 60_000) / 60_000) * 60_000);
    const vn = new Date(slot.getTime() + 7 * 3_600_000);
    const time = `${String(vn.getUTCHours()).padStart(2, "0")}:${String(vn.getUTCMinutes()).padStart(2, "0")}`;
    d1Query(persistTo, `UPDATE BulletinSchedule SET days = '1,2,3,4,5,6,7', times = '${time}', cursorAt = '${prismaDate(new Date(slot.getTime() - 600_000))}', nextDueAt = '${prismaDate(slot)}'`);

    const total = recipients.length;
    const byChat = new Map(recipients.map((r) => [`${r.channel}:${r.chatId}`, 0]));
    const deliveredTimes: Record<BenchChannel, number[]> = { telegram: [], zalobot: [] };
    let seenTelegram = 0;
    let seenZalo = 0;
    // Sends the platforms accepted, per recipient (a refused one delivered nothing).
    const collect = () => {
      for (; seenTelegram < telegram.calls.length; seenTelegram++) {
        const c = telegram.calls[seenTelegram]!;
        if (c.method !== "sendMessage" || c.result === undefined) continue;
        const key = `telegram:${String(c.payload.chat_id)}`;
        const n = byChat.get(key);
        if (n === undefined) continue;
        byChat.set(key, n + 1);
        deliveredTimes.telegram.push(c.at);
      }
      for (; seenZalo < zalobot.calls.length; seenZalo++) {
        const c = zalobot.calls[seenZalo]!;
        if (c.method !== "sendMessage" || c.refused) continue;
        const key = `zalobot:${String(c.payload.chat_id)}`;
        const n = byChat.get(key);
        if (n === undefined) continue;
        byChat.set(key, n + 1);
        deliveredTimes.zalobot.push(c.at);
      }
      return [...byChat.values()].filter((n) => n > 0).length;
    };

    console.log(`Slot due at ${time} (Vietnam) in all ${COMMUNES} communes; a cron run every ${CRON_EVERY_MS / 1_000} s until ${total} recipients have it…`);
    const slotStart = Date.now();
    let cronCount = 0;
    let nextCron = slotStart;
    let nextUpdate = slotStart + UPDATES_EVERY_MS;
    let citizens = 0;
    let webhookFailures = 0;
    let lastReport = slotStart;
    for (;;) {
      const now = Date.now();
      if (collect() === total) break;
      if (now - slotStart > TIMEOUT_MS) {
        console.log(`Timed out after ${TIMEOUT_MS / 60_000} min`);
        failed = true;
        break;
      }
      if (now >= nextCron) {
        await cron();
        cronCount++;
        nextCron += CRON_EVERY_MS;
      }
      if (UPDATES_EVERY_MS > 0 && now >= nextUpdate) {
        // A citizen writes during the backlog: the request answers and sends only its own reply.
        citizens++;
        const update = textUpdate("/start", { user: { id: 6_100_000 + citizens, is_bot: false, first_name: "Bench" } });
        const res = await w.fetch(`/telegram/webhook`, { method: "POST", headers: { "Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET }, body: JSON.stringify(update) });
        await res.arrayBuffer();
        if (res.status !== 200) webhookFailures++;
        nextUpdate += UPDATES_EVERY_MS;
      }
      if (now - lastReport >= 30_000) {
        lastReport = now;
        console.log(`  ${round((now - slotStart) / 60_000, 2)} min: ${collect()} of ${total} delivered, ${cronCount} cron runs`);
      }
      await sleep(200);
    }
    const lastSend = Math.max(...deliveredTimes.telegram, ...deliveredTimes.zalobot);
    const firstSend = Math.min(...deliveredTimes.telegram, ...deliveredTimes.zalobot);
    const minutes = (lastSend - slotStart) / 60_000;
    // Let the last invocations log their statements and the outbox settle.
    await sleep(5_000);
    const unsent = d1Query<{ status: string; n: number }>(persistTo, `SELECT status, count(*) AS n FROM OutboxMessage WHERE status <> 'sent' GROUP BY status`);
    const outboxSent = d1Query<{ n: number }>(persistTo, `SELECT count(*) AS n FROM OutboxMessage WHERE status = 'sent'`)[0]!.n;

    const duplicates = [...byChat.values()].filter((n) => n > 1).length;
    const missing = [...byChat.values()].filter((n) => n === 0).length;
    const lines = statementLines(w).slice(warmup);
    const byKind = (kind: StatementLine["invocation"]) => lines.filter((l) => l.invocation === kind).map((l) => l.statements);
    const stmt = Object.fromEntries(
      (["scheduled", "queue", "fetch"] as const).map((k) => {
        const xs = byKind(k);
        return [k, { invocations: xs.length, max: xs.length ? Math.max(...xs) : 0, p95: xs.length ? quantile(xs, 0.95) : 0, p50: xs.length ? quantile(xs, 0.5) : 0 }];
      }),
    ) as Record<StatementLine["invocation"], { invocations: number; max: number; p95: number; p50: number }>;
    const crons = cronRuns(w).slice(1);
    const warmupMax = Math.max(0, ...statementLines(w).slice(0, warmup).map((l) => l.statements));
    const overBudget = [...statementLines(w)].filter((l) => l.statements > D1_STATEMENTS_PER_INVOCATION).length;

    const perChannel = (["telegram", "zalobot"] as const).map((channel) => {
      const times = [...deliveredTimes[channel]].sort((a, b) => a - b);
      const r = rates(times);
      const refused = channel === "telegram" ? telegram.rateLimited() : zalobot.rateLimited();
      return {
        channel,
        delivered: times.length,
        heads: recipients.filter((x) => x.channel === channel && x.kind === "head").length,
        subscribers: recipients.filter((x) => x.channel === channel && x.kind === "subscriber").length,
        overall: round(r.overall),
        steady: round(r.steady),
        bursts: r.bursts,
        busiestSecond: busiestSecond(times),
        pace: channelLimits[channel] ?? 0,
        platformLimit: channel === "telegram" ? TELEGRAM_LIMIT : ZALOBOT_LIMIT,
        refused429: refused,
        paceFloorSeconds: round(times.length / (channelLimits[channel] ?? 1)),
      };
    });
    const floors = Object.fromEntries(await Promise.all(perChannel.map(async (c) => [c.channel, round(await fakeThroughput(c.channel, Math.max(c.delivered, 1)))]))) as Record<BenchChannel, number>;
    const combinedSteady = perChannel.reduce((a, c) => a + c.steady, 0);
    const telegramSteady = perChannel.find((c) => c.channel === "telegram")!.steady;
    const extrapolated = {
      splitMinutes: round(NATIONAL_HEADS / combinedSteady / 60),
      telegramOnlyMinutes: round(NATIONAL_HEADS / telegramSteady / 60),
      /** Each province's database is its own shard, but the channel's pace is national (one bot, one pacer). */
      note: "the pace is per channel for the whole country (one bot per platform, one pacer): shards do not add to it",
    };

    console.log("");
    console.log(`Rows seeded: ${seeded.communes} communes, ${seeded.villages} villages, ${seeded.heads} village heads, ${seeded.subscribers} subscribers`);
    for (const c of perChannel) {
      console.log(
        `${c.channel.padEnd(8)} ${c.delivered} delivered (${c.heads} heads, ${c.subscribers} subscribers): steady ${c.steady} msg/s while sending (${c.bursts} bursts), overall ${c.overall} msg/s, ` +
          `busiest second ${c.busiestSecond}; pace ${c.pace}/s (channel-limits.json), platform limit ${c.platformLimit}/s; ${c.refused429} × 429; ` +
          `floor: the pace alone needs ${c.paceFloorSeconds} s, the fake takes ${floors[c.channel]} msg/s straight from Node`,
      );
    }
    console.log(
      `D1 statements per invocation (limit ${D1_STATEMENTS_PER_INVOCATION}): ` +
        (["scheduled", "queue", "fetch"] as const).map((k) => `${k === "scheduled" ? "cron" : k === "queue" ? "consumer" : "fetch"} max ${stmt[k].max}, p95 ${stmt[k].p95}, p50 ${stmt[k].p50} over ${stmt[k].invocations}`).join("; ") +
        `; the first cron run (catalog, ${COMMUNES} schedules) ${warmupMax}`,
    );
    console.log(`Cron runs in order (statements / slots fanned out): ${crons.map((c) => `${c.statements}/${c.slotsFannedOut}`).join(", ")}`);
    console.log(
      `Slot delivered in ${round(minutes, 2)} min from the due cron run (first send after ${round((firstSend - slotStart) / 1_000)} s), ${cronCount} cron runs; ` +
        `${citizens} citizens' webhooks during it (${webhookFailures} not 200)`,
    );
    console.log(`Duplicates: ${duplicates}; missing: ${missing}; outbox: ${outboxSent} sent, not sent ${JSON.stringify(unsent)}`);
    console.log(
      `Extrapolated to ${NATIONAL_HEADS.toLocaleString("en")} heads at the measured steady rate: ${extrapolated.splitMinutes} min split over Telegram and Zalo Bot, ` +
        `${extrapolated.telegramOnlyMinutes} min on Telegram alone (${extrapolated.note})`,
    );
    console.log(`Whole benchmark: ${round((Date.now() - benchStart) / 60_000, 1)} min`);
    const problems = [
      ...(duplicates > 0 ? [`${duplicates} recipients got the bulletin more than once`] : []),
      ...(missing > 0 ? [`${missing} recipients never got it`] : []),
      ...(overBudget > 0 ? [`${overBudget} invocations passed ${D1_STATEMENTS_PER_INVOCATION} D1 statements`] : []),
    ];
    const path = writeResult("national", {
      machine,
      settings: { communes: COMMUNES, villages: VILLAGES, subscribers: SUBSCRIBERS, cronEverySeconds: CRON_EVERY_MS / 1_000, telegramLimit: TELEGRAM_LIMIT, zalobotLimit: ZALOBOT_LIMIT, updatesEverySeconds: UPDATES_EVERY_MS / 1_000 },
      seeded,
      perChannel,
      floors,
      statements: { ...stmt, firstCron: warmupMax, overBudget, cronRuns: crons },
      minutes: round(minutes, 2),
      cronRuns: cronCount,
      citizens,
      webhookFailures,
      duplicates,
      missing,
      outbox: { sent: outboxSent, unsent },
      extrapolated,
      problems,
    });
    console.log(`Written to ${path}`);
    if (problems.length > 0) {
      console.log(`FAILED: ${problems.join("; ")}`);
      failed = true;
    }
  } finally {
    await worker?.stop();
    await telegram.close();
    await zalobot.close();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
