// Intake benchmark: complete tip-off conversations from many simulated citizens at once, as Telegram
// webhook updates (up to 100 concurrent connections, Telegram's maximum), through the real Node
// server (a child process) with its SQLite file and outbox; officers' alerts go to a fake Bot API.
// The floor for comparison: a minimal Hono route on the same stack that only inserts one row.
//
//   npm run bench:intake -- [--citizens 2500] [--concurrency 100]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { startFakeTelegram, textUpdate, callbackUpdate, type TestUser, type FakeTelegram } from "../helpers/fake-telegram.js";
import { runAdmin } from "../../src/cli/admin.js";
import { SAMPLE_PLACES_CSV } from "../../src/node.js";
import { createPoster, freePort, startChild, waitUntil } from "../helpers/server-process.js";
import { describeMachine, machineInfo, peakRssMiB, quantile, round, writeResult } from "./machine.js";

const SECRET = "bench_webhook_secret";
const { values: flags } = parseArgs({
  options: { citizens: { type: "string", default: "2500" }, concurrency: { type: "string", default: "100" }, keep: { type: "boolean", default: false } },
});
const CITIZENS = Number(flags.citizens);
const CONCURRENCY = Number(flags.concurrency);
const UPDATES_PER_CITIZEN = 8;

function citizen(i: number): TestUser {
  return { id: 7_100_000_000 + i, is_bot: false, first_name: `Người dân ${i}`, last_name: "Thử", username: `bench_user_${i}`, language_code: "vi" };
}

/** The eight updates of one complete tip-off, in order. */
function conversation(i: number, communeId: number): string[] {
  const user = citizen(i);
  return [
    textUpdate("/start", { user }),
    textUpdate("Hồng Lộc", { user }),
    callbackUpdate(`c:${communeId}`, { user }),
    callbackUpdate("k:selling", { user }),
    callbackUpdate("v:none", { user }),
    textUpdate(`Tin báo thử số ${i}: có người bán ma túy ở quán nước đầu cầu, tối nào cũng có xe máy đến lúc 22 giờ.`, { user }),
    callbackUpdate("m:continue", { user }),
    callbackUpdate("s:submit", { user }),
  ].map((u) => JSON.stringify(u));
}

interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  non200: number;
}

/** `concurrency` connections, each playing whole conversations in order (one chat's updates never overlap). */
let resets = 0;
const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);

async function drive(port: number, conversations: string[][]): Promise<LoadResult> {
  const client = createPoster(port, "/telegram/webhook", { "X-Telegram-Bot-Api-Secret-Token": SECRET }, CONCURRENCY);
  const latencies: number[] = [];
  let non200 = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (;;) {
        const index = next++;
        if (index >= conversations.length) return;
        for (const body of conversations[index]!) {
          const { status, ms } = await client.post(body);
          latencies.push(ms);
          if (status !== 200) non200++;
        }
      }
    }),
  );
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
  console.log(`Intake benchmark on ${describeMachine(machine)}`);
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
  const quiet = { out: () => undefined, err: (l: string) => console.error(l) };
  await runAdmin(["import-places", SAMPLE_PLACES_CSV, "--sample"], env, quiet);
  let code = "";
  await runAdmin(["invite", "officer", "--commune", "HONGLOC", "--name", "Cán bộ trực"], env, { out: (l) => (code ||= /MOI-[A-Z0-9-]{9}/.exec(l)?.[0] ?? ""), err: quiet.err });
  const communeId = (new Database(dbPath, { readonly: true }).prepare("SELECT id FROM Commune WHERE code = 'HONGLOC'").get() as { id: number }).id;

  const port = await freePort();
  const server = (await startChild("src/node.ts", { ...env, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` }, /is running/, nodeArgs)).process;
  const officer: TestUser = { id: 7_000_000_001, is_bot: false, first_name: "Cán bộ" };
  await drive(port, [[JSON.stringify(textUpdate(`/start ${code}`, { user: officer }))]]);
  const isAlert = (c: { method: string; payload: Record<string, unknown> }) => c.method === "sendMessage" && String(c.payload.chat_id) === String(officer.id) && String(c.payload.text).startsWith("🚨 TIN BÁO MỚI");
  if (!(await waitFor(() => fake.calls.some((c) => String(c.payload.text ?? "").includes("Đăng ký thành công")), 10_000))) throw new Error("officer did not register");

  // Warm-up (JIT, SQLite page cache), then the measured burst.
  const warm = Math.min(200, Math.ceil(CITIZENS / 10));
  await drive(port, Array.from({ length: warm }, (_, i) => conversation(1_000_000 + i, communeId)));
  await waitFor(() => fake.calls.filter(isAlert).length >= warm, 120_000);
  const alertsBefore = fake.calls.filter(isAlert).length;

  const conversations = Array.from({ length: CITIZENS }, (_, i) => conversation(i, communeId));
  const burstStarted = performance.now();
  const product = await drive(port, conversations);
  const drained = await waitFor(() => fake.calls.filter(isAlert).length - alertsBefore >= CITIZENS, 600_000);
  const drainSeconds = (performance.now() - burstStarted) / 1000;
  const alerts = fake.calls.filter(isAlert).length - alertsBefore;
  const productPeak = peakRssMiB(server.pid!);
  server.kill("SIGTERM");

  const db = new Database(dbPath, { readonly: true });
  const tips = (db.prepare("SELECT count(*) AS n FROM Tip").get() as { n: number }).n - warm;
  const duplicates = (db.prepare("SELECT count(*) AS n FROM (SELECT payload FROM OutboxMessage WHERE payload LIKE '%TIN BÁO MỚI%' GROUP BY payload HAVING count(*) > 1)").get() as { n: number }).n;
  db.close();

  // The floor: the same bodies to a route that only inserts a row.
  const floorPort = await freePort();
  const floor = (await startChild("test/bench/floor-server.ts", { DATABASE_URL: `file:${join(dir, "floor.db")}`, PORT: String(floorPort) }, /listening/)).process;
  await drive(floorPort, Array.from({ length: warm }, (_, i) => conversation(2_000_000 + i, communeId)));
  const floorResult = await drive(floorPort, conversations);
  const floorPeak = peakRssMiB(floor.pid!);
  floor.kill("SIGTERM");
  await fake.close();

  const result = {
    machine,
    settings: { citizens: CITIZENS, updatesPerCitizen: UPDATES_PER_CITIZEN, concurrency: CONCURRENCY, warmupCitizens: warm },
    product: { ...product, peakRssMiB: productPeak },
    endToEnd: { drained, seconds: round(drainSeconds, 2), tipsStored: tips, alertsDelivered: alerts, duplicateAlerts: duplicates, updatesPerSecond: round((CITIZENS * UPDATES_PER_CITIZEN) / drainSeconds, 0) },
    floor: { ...floorResult, peakRssMiB: floorPeak },
    ratio: round(floorResult.perSecond / product.perSecond, 2),
  };
  console.log("Webhook intake (answered 200 once stored):");
  console.log(`  ${result.product.perSecond} updates/s over ${result.product.seconds} s; latency p50 ${product.latencyMs.p50} ms, p95 ${product.latencyMs.p95} ms, p99 ${product.latencyMs.p99} ms, max ${product.latencyMs.max} ms; non-200: ${product.non200}; peak RSS ${productPeak} MiB`);
  console.log("End to end (every tip handled and its alert delivered to the fake Bot API):");
  console.log(`  ${result.endToEnd.updatesPerSecond} updates/s; ${tips} tips stored, ${alerts} alerts delivered, ${duplicates} duplicates, drained: ${drained} in ${result.endToEnd.seconds} s`);
  console.log("Floor (Hono + Prisma, one INSERT per request):");
  console.log(`  ${floorResult.perSecond} requests/s; latency p50 ${floorResult.latencyMs.p50} ms, p95 ${floorResult.latencyMs.p95} ms, p99 ${floorResult.latencyMs.p99} ms; peak RSS ${floorPeak} MiB`);
  console.log(`Floor ÷ product: ${result.ratio}; idle keep-alive sockets reset and retried: ${resets}`);
  console.log(`\nWritten to ${writeResult("intake", result)}`);
  if (!flags.keep) rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
