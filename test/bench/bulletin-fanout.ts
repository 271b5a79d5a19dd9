// Benchmark: a bulletin slot fanned out to 10,000 subscribers through the real bulletin job, the
// outbox and the dispatcher (grammY, auto-retry, per-channel pacing), against a fake Bot API on
// localhost that enforces a rate limit and answers 429 with retry_after when it is exceeded.
// Prints the messages per second achieved against the limit, the 429s, repeats and losses, and
// the machine. Not part of `npm test`:
//
//   npm run bench:bulletins                       # 10,000 subscribers, limit 30/s, pacing from channel-limits.json
//   npm run bench:bulletins -- --subscribers 2000 --limit 30 --pace 40   # pace above the limit: 429s handled
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, platform, release, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createKeyring, randomKeyText } from "../../src/crypto/keys.js";
import { addressTagOf, pseudonymOf, sealAddress } from "../../src/crypto/pseudonym.js";
import { openNodeDatabase } from "../../src/db/node.js";
import { createLogger } from "../../src/log.js";
import { importPlacesCsv } from "../../src/places/import.js";
import { runBulletinTick } from "../../src/bulletins/tick.js";
import { DEFAULT_SCHEDULE, previousSlotAtOrBefore } from "../../src/bulletins/schedule.js";
import { dispatchDue } from "../../src/outbox/dispatcher.js";
import { channelLimits, createPacer } from "../../src/outbox/pacing.js";
import { createTelegramBot } from "../../bots/telegram/bot.js";
import { createTelegramSender } from "../../bots/telegram/sender.js";
import { startFakeTelegram } from "../helpers/fake-telegram.js";

const root = resolve(import.meta.dirname, "../..");
const { values } = parseArgs({
  options: {
    subscribers: { type: "string", default: "10000" },
    limit: { type: "string", default: "30" },
    pace: { type: "string", default: String(channelLimits.telegram ?? 25) },
    "retry-after": { type: "string", default: "1" },
  },
});
const N = Number(values.subscribers);
const LIMIT = Number(values.limit);
const PACE = Number(values.pace);
const RETRY_AFTER = Number(values["retry-after"]);

function machine(): string {
  const cpu = cpus();
  return `${cpu.length} cores (${cpu[0]?.model.trim() ?? "?"}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory, Node ${process.version}, ${platform()} ${release()}`;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "phaodai-bench-"));
  const fake = await startFakeTelegram({ rateLimit: { perSecond: LIMIT, retryAfter: RETRY_AFTER } });
  const silent = createLogger("error", () => undefined);
  try {
    const db = openNodeDatabase(`file:${join(dir, "bench.db")}`);
    const keys = await createKeyring(randomKeyText(), randomKeyText());
    await importPlacesCsv(db, readFileSync(join(root, "prisma/seed/sample-places.csv"), "utf8"), { isSample: true });
    const commune = await db.commune.findUniqueOrThrow({ where: { code: "LUNGPHINH" } });
    const slot = previousSlotAtOrBefore(DEFAULT_SCHEDULE, new Date())!;
    await runBulletinTick({ db, keys, log: silent, now: () => new Date(slot.getTime() - 60_000) });

    process.stdout.write(`Preparing ${N} subscribers… `);
    for (let start = 0; start < N; start += 500) {
      const rows = [];
      for (let i = start; i < Math.min(N, start + 500); i++) {
        const address = { channel: "telegram", chatId: String(10_000_000 + i) };
        rows.push({
          pseudonym: await pseudonymOf(keys, "telegram", address.chatId),
          channel: "telegram",
          sealedAddress: await sealAddress(keys, address),
          addressTag: await addressTagOf(keys, address),
          communeId: commune.id,
          language: i % 3 === 0 ? "hnj" : "vie",
          lastIncomingAt: new Date(slot.getTime() - 86_400_000),
        });
      }
      await db.bulletinSubscription.createMany({ data: rows });
    }
    console.log("done.");

    // The slot: the job plans it and queues the fan-out.
    const t0 = performance.now();
    const report = await runBulletinTick({ db, keys, log: silent, now: () => new Date(slot.getTime() + 10_000) }, { fanOutBudget: N + 100 });
    const fanOutMs = performance.now() - t0;
    const queued = await db.outboxMessage.count({ where: { dedupeKey: { startsWith: "b:" } } });

    // The dispatcher, as the work loop runs it, until nothing is left.
    const bot = createTelegramBot({ token: fake.token, apiRoot: fake.apiRoot, botInfo: fake.bot });
    const deps = { db, keys, log: silent, now: () => new Date(), senders: { telegram: createTelegramSender(bot.api) }, pacer: PACE > 0 ? createPacer({ telegram: PACE }) : undefined };
    const t1 = performance.now();
    let lastProgress = t1;
    for (;;) {
      const sent = await dispatchDue(deps, 100);
      const left = await db.outboxMessage.count({ where: { status: "pending" } });
      if (left === 0) break;
      if (sent === 0) await new Promise((r) => setTimeout(r, 200));
      if (performance.now() - lastProgress > 30_000) {
        lastProgress = performance.now();
        console.log(`  … ${queued - left}/${queued} sent after ${((lastProgress - t1) / 1000).toFixed(0)} s`);
      }
    }
    const sendMs = performance.now() - t1;

    const accepted = fake.calls.filter((c) => c.method === "sendMessage" && c.result !== undefined);
    const perChat = new Map<string, number>();
    for (const c of accepted) perChat.set(String(c.payload.chat_id), (perChat.get(String(c.payload.chat_id)) ?? 0) + 1);
    let repeats = 0;
    let losses = 0;
    for (let i = 0; i < N; i++) {
      const n = perChat.get(String(10_000_000 + i)) ?? 0;
      if (n === 0) losses++;
      if (n > 1) repeats += n - 1;
    }
    const failed = await db.outboxMessage.count({ where: { status: "failed" } });
    const rate = accepted.length / (sendMs / 1000);
    const result = {
      subscribers: N,
      slotPlanned: report.planned.aired === 1,
      fanOutQueued: queued,
      fanOutSeconds: +(fanOutMs / 1000).toFixed(2),
      fanOutRowsPerSecond: Math.round(queued / (fanOutMs / 1000)),
      delivered: accepted.length,
      sendSeconds: +(sendMs / 1000).toFixed(1),
      messagesPerSecond: +rate.toFixed(2),
      apiLimitPerSecond: LIMIT,
      pacingPerSecond: PACE || null,
      ofLimit: `${((rate / LIMIT) * 100).toFixed(1)} %`,
      answered429: fake.rateLimited(),
      repeats,
      losses,
      outboxFailed: failed,
      machine: machine(),
    };
    console.log("");
    console.log(`Bulletin fan-out benchmark — ${result.machine}`);
    console.log(`  subscribers                 ${N} (Lùng Phình; every third in Hmong, falling back to Vietnamese)`);
    console.log(`  fan-out queued              ${queued} outbox rows in ${result.fanOutSeconds} s (${result.fanOutRowsPerSecond} rows/s)`);
    console.log(`  delivered                   ${accepted.length} messages in ${result.sendSeconds} s`);
    console.log(`  throughput                  ${result.messagesPerSecond} msg/s against a limit of ${LIMIT}/s (${result.ofLimit}); pacing ${PACE || "off"}`);
    console.log(`  429 answers                 ${result.answered429}`);
    console.log(`  repeats / losses / failed   ${repeats} / ${losses} / ${failed}`);
    mkdirSync(join(root, "bench-results"), { recursive: true });
    const file = join(root, "bench-results", `bulletin-fanout-${N}-${LIMIT}-${PACE}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`  (saved to ${file})`);
    await db.$disconnect();
  } finally {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
