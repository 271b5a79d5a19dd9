// Intake benchmark: complete tip-off conversations from many simulated citizens at once, as Telegram
// webhook updates (up to 100 concurrent connections, Telegram's maximum), through the real Node
// server (a child process) with its SQLite file and outbox; officers' alerts go to a fake Bot API.
// The floor for comparison: a minimal Hono route on the same stack that only inserts one row.
//
// Two loads: paced at --rate updates/s (open loop, as a campaign's citizens write: the next update of a
// chat only after the previous one was answered, at most --concurrency in flight) for latency; and
// as fast as --concurrency connections go (closed loop) for the most it can take.
//
// --channel zalo does the same with signed Zalo OA events (signature check included) against a fake OA.
//
//   npm run bench:intake -- [--citizens 1000] [--concurrency 100] [--rate 1000] [--channel telegram|zalo] [--skip-drain]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { startFakeZaloOa, textEvent, ZALO_APP_ID, ZALO_APP_SECRET, ZALO_OA_SECRET, type FakeZaloOa, type ZaloUser } from "../helpers/fake-zalo-oa.js";
import { startFakeTelegram, textUpdate, callbackUpdate, type TestUser, type FakeTelegram } from "../helpers/fake-telegram.js";
import { runAdmin } from "../../src/cli/admin.js";
import { SAMPLE_PLACES_CSV } from "../../src/node.js";
import { createPoster, freePort, startChild, waitUntil } from "../helpers/server-process.js";
import { describeMachine, machineInfo, peakRssMiB, quantile, round, writeResult } from "./machine.js";

const SECRET = "bench_webhook_secret";
const { values: flags } = parseArgs({
  options: {
    citizens: { type: "string", default: "1000" },
    concurrency: { type: "string", default: "100" },
    rate: { type: "string", default: "1000" },
    keep: { type: "boolean", default: false },
    "skip-drain": { type: "boolean", default: false },
    channel: { type: "string", default: "telegram" },
  },
});
const CITIZENS = Number(flags.citizens);
const CONCURRENCY = Number(flags.concurrency);
const RATE = Number(flags.rate);
const CHANNEL = flags.channel === "zalo" ? "zalo" : "telegram";
const UPDATES_PER_CITIZEN = 8;

function citizen(i: number): TestUser {
  return { id: 7_100_000_000 + i, is_bot: false, first_name: `Người dân ${i}`, last_name: "Thử", username: `bench_user_${i}`, language_code: "vi" };
}

interface Delivery {
  body: string;
  headers?: Record<string, string>;
}

let zaloOa: FakeZaloOa | null = null;
const tipText = (i: number) => `Tin báo thử số ${i}: có người bán ma túy ở quán nước đầu cầu, tối nào cũng có xe máy đến lúc 22 giờ.`;

/** The eight updates of one complete tip-off, in order: Telegram updates, or signed Zalo OA events. */
function conversation(i: number, communeId: number): Delivery[] {
  if (zaloOa) {
    const fake = zaloOa;
    const user: ZaloUser = { id: String(8_100_000_000_000_000_000n + BigInt(i)), userIdByApp: String(6_000_000_000 + i), displayName: `Người dân ${i}` };
    // Choices on Zalo are typed: by number or by their words.
    return ["/start", "Hồng Lộc", "1", "không rõ thôn/xóm", tipText(i), "1", "gửi tin báo"].map((text) => fake.signed(textEvent(user, text)));
  }
  const user = citizen(i);
  return [
    textUpdate("/start", { user }),
    textUpdate("Hồng Lộc", { user }),
    callbackUpdate(`c:${communeId}`, { user }),
    callbackUpdate("k:selling", { user }),
    callbackUpdate("v:none", { user }),
    textUpdate(tipText(i), { user }),
    callbackUpdate("m:continue", { user }),
    callbackUpdate("s:submit", { user }),
  ].map((u) => ({ body: JSON.stringify(u) }));
}

interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  non200: number;
}

let resets = 0;
const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);

/**
 * Plays whole conversations (one chat's updates in order, the next only after the previous was
 * answered). Without `rate`: `concurrency` connections as fast as they go. With `rate`: updates are
 * started at that pace (missed starts are not made up), never more than `concurrency` in flight.
 */
async function drive(port: number, conversations: Delivery[][], rate?: number): Promise<LoadResult> {
  const client = createPoster(port, `/${CHANNEL}/webhook`, { "X-Telegram-Bot-Api-Secret-Token": SECRET }, CONCURRENCY);
  const latencies: number[] = [];
  let non200 = 0;
  await client.preconnect(CONCURRENCY);
  const started = performance.now();
  const send = async (delivery: Delivery) => {
    const { status, ms } = await client.post(delivery.body, delivery.headers);
    latencies.push(ms);
    if (status !== 200) non200++;
  };
  if (rate === undefined) {
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (;;) {
          const index = next++;
          if (index >= conversations.length) return;
          for (const body of conversations[index]!) await send(body);
        }
      }),
    );
  } else {
    await new Promise<void>((done) => {
      const ready = conversations.map((_, i) => i);
      const position = conversations.map(() => 0);
      let inFlight = 0;
      let started_ = 0;
      let finished = 0;
      const timer = setInterval(() => {
        const expected = Math.floor(((performance.now() - started) / 1000) * rate);
        while (started_ < expected && inFlight < CONCURRENCY && ready.length > 0) {
          const c = ready.shift()!;
          const body = conversations[c]![position[c]!++]!;
          started_++;
          inFlight++;
          void send(body).then(() => {
            inFlight--;
            if (position[c]! < conversations[c]!.length) ready.push(c);
            else if (++finished === conversations.length) {
              clearInterval(timer);
              done();
            }
          });
        }
        started_ = Math.max(started_, expected); // a start missed (too many in flight) is not made up
      }, 1);
    });
  }
  const seconds = (performance.now() - started) / 1000;
  resets += client.resets();
  client.close();
  return {
    requests: latencies.length,
    seconds: round(seconds, 2),
    perSecond: round(latencies.length / seconds, 0),
    latencyMs: { p50: round(quantile(latencies, 0.5), 2), p95: round(quantile(latencies, 0.95), 2), p99: round(quantile(latencies, 0.99), 2), max: round(quantile(latencies, 1), 2) },
    non200,
  };
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  return waitUntil(check, timeoutMs).then(() => true, () => false);
}

async function main(): Promise<void> {
  const machine = machineInfo();
  console.log(`Intake benchmark (${CHANNEL === "zalo" ? "signed Zalo OA events" : "Telegram updates"}) on ${describeMachine(machine)}`);
  console.log(`${CITIZENS} citizens × ${UPDATES_PER_CITIZEN} updates, ${CONCURRENCY} concurrent connections\n`);
  const dir = mkdtempSync(join(tmpdir(), "phaodai-bench-"));
  const fake: FakeTelegram = await startFakeTelegram();
  const dbPath = join(dir, "data", "bench.db");
  const env: Record<string, string> = {
    DATABASE_URL: `file:${dbPath}`,
    APP_ENV: "development",
    DEMO_MODE: "off",
    LOG_LEVEL: "warn",
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    // A campaign day: the per-person and global tip limits are raised so every simulated tip counts.
    TIPS_PER_HOUR: "1000",
    GLOBAL_TIPS_PER_MINUTE: "1000000",
  };
  if (CHANNEL === "zalo") {
    // Citizens on Zalo OA, the officer on Telegram: the alerts cross channels, as they do in a commune.
    zaloOa = await startFakeZaloOa();
    Object.assign(env, { ZALO_APP_ID, ZALO_APP_SECRET, ZALO_OA_SECRET_KEY: ZALO_OA_SECRET, ZALO_API_ROOT: zaloOa.apiRoot, ZALO_OAUTH_ROOT: zaloOa.oauthRoot });
  }
  const quiet = { out: () => undefined, err: (l: string) => console.error(l) };
  await runAdmin(["import-places", SAMPLE_PLACES_CSV, "--sample"], env, quiet);
  let code = "";
  await runAdmin(["invite", "officer", "--commune", "HONGLOC", "--name", "Cán bộ trực"], env, { out: (l) => (code ||= /MOI-[A-Z0-9-]{9}/.exec(l)?.[0] ?? ""), err: quiet.err });
  if (zaloOa) await runAdmin(["zalo-token", zaloOa.issueCode()], env, quiet);
  const communeId = (new Database(dbPath, { readonly: true }).prepare("SELECT id FROM Commune WHERE code = 'HONGLOC'").get() as { id: number }).id;

  const port = await freePort();
  const child = await startChild("src/node.ts", { ...env, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` }, /is running/, nodeArgs);
  const server = child.process;
  const officer: TestUser = { id: 7_000_000_001, is_bot: false, first_name: "Cán bộ" };
  const telegram = createPoster(port, "/telegram/webhook", { "X-Telegram-Bot-Api-Secret-Token": SECRET }, 1);
  await telegram.post(JSON.stringify(textUpdate(`/start ${code}`, { user: officer })));
  telegram.close();
  const isAlert = (c: { method: string; payload: Record<string, unknown> }) => c.method === "sendMessage" && String(c.payload.chat_id) === String(officer.id) && String(c.payload.text).startsWith("🚨 TIN BÁO MỚI");
  if (!(await waitFor(() => fake.calls.some((c) => String(c.payload.text ?? "").includes("Đăng ký thành công")), 10_000))) throw new Error("officer did not register");

  // Warm-up (JIT, SQLite page cache), then the measured burst.
  const warm = Math.min(200, Math.ceil(CITIZENS / 10));
  await drive(port, Array.from({ length: warm }, (_, i) => conversation(1_000_000 + i, communeId)));
  await waitFor(() => fake.calls.filter(isAlert).length >= warm, 120_000);
  const alertsBefore = fake.calls.filter(isAlert).length;

  const set = (offset: number) => Array.from({ length: CITIZENS }, (_, i) => conversation(offset + i, communeId));
  // 1. Paced, as a campaign's citizens write; the work thread handles meanwhile. Then until every
  //    tip is handled and its alert delivered: the end-to-end rate.
  const burstStarted = performance.now();
  const paced = await drive(port, set(0), RATE);
  const drained = flags["skip-drain"] ? false : await waitFor(() => fake.calls.filter(isAlert).length - alertsBefore >= CITIZENS, 900_000);
  const drainSeconds = (performance.now() - burstStarted) / 1000;
  const alerts = fake.calls.filter(isAlert).length - alertsBefore;
  // 2. As fast as 100 connections go: the most the webhook takes.
  const product = await drive(port, set(3_000_000));
  const productPeak = peakRssMiB(server.pid!);
  server.kill("SIGTERM");
  const warnings = child.output().split("\n").filter((l) => /"level":"(warn|error)"/.test(l));

  const db = new Database(dbPath, { readonly: true });
  const tips = (db.prepare("SELECT text FROM Tip").all() as { text: string }[]).filter((t) => Number(/^Tin báo thử số (\d+):/.exec(t.text)?.[1] ?? -1) < CITIZENS && /^Tin báo thử số \d+:/.test(t.text)).length;
  const duplicates = (db.prepare("SELECT count(*) AS n FROM (SELECT payload FROM OutboxMessage WHERE payload LIKE '%TIN BÁO MỚI%' GROUP BY payload HAVING count(*) > 1)").get() as { n: number }).n;
  db.close();

  // The floor: the same bodies to a route that only inserts a row, paced and flat out.
  const floorPort = await freePort();
  const floor = (await startChild("test/bench/floor-server.ts", { DATABASE_URL: `file:${join(dir, "floor.db")}`, PORT: String(floorPort) }, /listening/)).process;
  await drive(floorPort, Array.from({ length: warm }, (_, i) => conversation(2_000_000 + i, communeId)));
  const floorPaced = await drive(floorPort, set(0), RATE);
  const floorResult = await drive(floorPort, set(3_000_000));
  const floorPeak = peakRssMiB(floor.pid!);
  floor.kill("SIGTERM");
  await fake.close();
  await zaloOa?.close();

  const line = (r: LoadResult) => `${r.perSecond} updates/s over ${r.seconds} s; latency p50 ${r.latencyMs.p50} ms, p95 ${r.latencyMs.p95} ms, p99 ${r.latencyMs.p99} ms, max ${r.latencyMs.max} ms; non-200: ${r.non200}`;
  const result = {
    machine,
    settings: { channel: CHANNEL, citizens: CITIZENS, updatesPerCitizen: UPDATES_PER_CITIZEN, concurrency: CONCURRENCY, rate: RATE, warmupCitizens: warm },
    product: { paced, saturated: product, peakRssMiB: productPeak },
    endToEnd: { drained, seconds: round(drainSeconds, 2), tipsStored: tips, alertsDelivered: alerts, duplicateAlerts: duplicates, updatesPerSecond: round((CITIZENS * UPDATES_PER_CITIZEN) / drainSeconds, 0) },
    floor: { paced: floorPaced, saturated: floorResult, peakRssMiB: floorPeak },
    ratio: round(floorResult.perSecond / product.perSecond, 2),
  };
  console.log(`Webhook intake (answered 200 once stored), paced at ${RATE}/s:`);
  console.log(`  ${line(paced)}`);
  console.log(`Webhook intake, ${CONCURRENCY} connections flat out:`);
  console.log(`  ${line(product)}; peak RSS ${productPeak} MiB`);
  console.log("End to end (the paced load: every tip handled, its alert delivered to the fake Bot API):");
  if (flags["skip-drain"]) console.log("  skipped (--skip-drain)");
  else console.log(`  ${result.endToEnd.updatesPerSecond} updates/s; ${tips} tips stored, ${alerts} alerts delivered, ${duplicates} duplicates, drained: ${drained} in ${result.endToEnd.seconds} s`);
  console.log(`Floor (Hono + Prisma, one INSERT per request), paced at ${RATE}/s:`);
  console.log(`  ${line(floorPaced)}`);
  console.log("Floor, flat out:");
  console.log(`  ${line(floorResult)}; peak RSS ${floorPeak} MiB`);
  if (warnings.length > 0) console.log(`Server warnings (${warnings.length}):\n  ${warnings.slice(0, 10).join("\n  ")}`);
  console.log(`Floor ÷ product (flat out): ${result.ratio}; idle keep-alive sockets reset and retried: ${resets}`);
  console.log(`\nWritten to ${writeResult(CHANNEL === "zalo" ? "intake-zalo" : "intake", result)}`);
  if (!flags.keep) rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
