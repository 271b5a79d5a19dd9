// Intake benchmark: complete tip-off conversations from many simulated citizens at once, as Telegram
// webhook updates (up to 100 concurrent connections, Telegram's maximum), through the real Node
// server (a child process) with its SQLite file and outbox; officers' alerts go to a fake Bot API.
// Two floors for comparison, each a child process like the product: a minimal Hono route on the
// same stack (Prisma) that only inserts one row, and a bare one (node:http, one prepared
// better-sqlite3 INSERT).
//
// Two loads: paced at --rate updates/s (open loop, as a campaign's citizens write: the next update of a
// chat only after the previous one was answered, at most --concurrency in flight) for latency; and
// as fast as --concurrency connections go (closed loop) for the most it can take.
//
// --channel zalo does the same with signed Zalo OA events (signature check included) against a fake OA.
//
// Then a measuring run (a second product process with test/bench/probe.ts loaded): SQL statements
// per kind of turn, and the CPU time of fully handled updates (webhook to reply sent); --profile
// also writes that phase's .cpuprofile and prints its hottest frames by package.
//
//   npm run bench:intake -- [--citizens 1000] [--concurrency 100] [--rate 1000] [--channel telegram|zalo] [--skip-drain] [--profile]
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { startFakeZaloOa, textEvent, ZALO_APP_ID, ZALO_APP_SECRET, ZALO_OA_SECRET, type FakeZaloOa, type ZaloUser } from "../helpers/fake-zalo-oa.js";
import { startFakeTelegram, textUpdate, callbackUpdate, type TestUser, type FakeTelegram } from "../helpers/fake-telegram.js";
import { runAdmin } from "../../src/cli/admin.js";
import { SAMPLE_PLACES_CSV } from "../../src/node.js";
import { createPoster, freePort, startChild, waitUntil } from "../helpers/server-process.js";
import { describeMachine, loadAverageNow, machineInfo, peakRssMiB, quantile, round, writeResult } from "./machine.js";
import { summariseProfile, type Profile } from "./profile-summary.js";

const SECRET = "bench_webhook_secret";
const { values: flags } = parseArgs({
  options: {
    citizens: { type: "string", default: "1000" },
    concurrency: { type: "string", default: "100" },
    rate: { type: "string", default: "1000" },
    keep: { type: "boolean", default: false },
    "skip-drain": { type: "boolean", default: false },
    channel: { type: "string", default: "telegram" },
    profile: { type: "boolean", default: false },
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

const benchStarted = performance.now();
/** Where the run is, on stderr (the figures go to stdout). */
const progress = (what: string) => console.error(`[${round((performance.now() - benchStarted) / 1000, 1)} s] ${what}`);

async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  return waitUntil(check, timeoutMs).then(() => true, () => false);
}

const quiet = { out: () => undefined, err: (l: string) => console.error(l) };
const officer: TestUser = { id: 7_000_000_001, is_bot: false, first_name: "Cán bộ" };

/** A fresh SQLite file with the sample places and an officer's invitation: the env and the code. */
async function prepareDatabase(dbPath: string, base: Record<string, string>): Promise<{ env: Record<string, string>; code: string; communeId: number }> {
  const env = { ...base, DATABASE_URL: `file:${dbPath}` };
  await runAdmin(["import-places", SAMPLE_PLACES_CSV, "--sample"], env, quiet);
  let code = "";
  await runAdmin(["invite", "officer", "--commune", "HONGLOC", "--name", "Cán bộ trực"], env, { out: (l) => (code ||= /MOI-[A-Z0-9-]{9}/.exec(l)?.[0] ?? ""), err: quiet.err });
  if (zaloOa) await runAdmin(["zalo-token", zaloOa.issueCode()], env, quiet);
  const db = new Database(dbPath, { readonly: true });
  const communeId = (db.prepare("SELECT id FROM Commune WHERE code = 'HONGLOC'").get() as { id: number }).id;
  db.close();
  return { env, code, communeId };
}

async function registerOfficer(port: number, fake: FakeTelegram, code: string): Promise<void> {
  const from = fake.calls.length;
  const telegram = createPoster(port, "/telegram/webhook", { "X-Telegram-Bot-Api-Secret-Token": SECRET }, 1);
  await telegram.post(JSON.stringify(textUpdate(`/start ${code}`, { user: officer })));
  telegram.close();
  if (!(await waitFor(() => fake.calls.slice(from).some((c) => String(c.payload.text ?? "").includes("Đăng ký thành công")), 10_000))) throw new Error("officer did not register");
}

/** A floor server (a child process, like the product): warmed up, then paced and flat out. */
async function runFloor(script: string, dbPath: string, warm: number, set: (offset: number) => Delivery[][], communeId: number) {
  const port = await freePort();
  const child = (await startChild(script, { DATABASE_URL: `file:${dbPath}`, PORT: String(port) }, /listening/)).process;
  await drive(port, Array.from({ length: warm }, (_, i) => conversation(2_000_000 + i, communeId)));
  const paced = await drive(port, set(0), RATE);
  const saturated = await drive(port, set(3_000_000));
  const peak = peakRssMiB(child.pid!);
  child.kill("SIGTERM");
  return { paced, saturated, peakRssMiB: peak };
}

// ---- The measuring run: statements per turn and CPU per fully handled update -------------------

const STEP_NAMES = ["/start (first)", "commune typed", "commune button", "category button", "village button", "tip text typed", "no-media button", "submit button"] as const;
const KIND_OF_STEP = ["first /start", "text step", "button press", "button press", "button press", "text step", "button press", "button press"] as const;
const TURN_SAMPLES = 5;
const CPU_CITIZENS = 40;

interface Take {
  total: number;
  cpuMs: number;
  statements?: Record<string, number>;
}
interface Turn {
  kind: string;
  step: string;
  statements: Record<string, number>;
  count: number;
  cpuMs: number;
}

const verbOf = (sql: string) => /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? "?";
/** A statement in one line: its verb and table, then the rest, cut short. */
function label(sql: string, width = 150): string {
  const flat = sql.replace(/\s+/g, " ").replace(/`main`\./g, "").replace(/`/g, "").trim();
  return flat.length > width ? `${flat.slice(0, width)}…` : flat;
}
/** Which part of the product a statement serves, by its table: the intake and work queue, the outbox, the dialogue itself, or a transaction's BEGIN/COMMIT. */
function areaOf(sql: string): string {
  const table = /(?:FROM|INTO|UPDATE)\s+(?:`main`\.)?[`"]?(\w+)/i.exec(sql)?.[1] ?? "";
  if (table === "InboundUpdate") return "inbound queue";
  if (table === "OutboxMessage") return "outbox";
  if (/^(BEGIN|COMMIT|ROLLBACK)$/.test(verbOf(sql))) return "transaction";
  return "dialogue";
}
function byArea(statements: Record<string, number>): string {
  const areas = new Map<string, number>();
  for (const [sql, n] of Object.entries(statements)) areas.set(areaOf(sql), (areas.get(areaOf(sql)) ?? 0) + n);
  return ["inbound queue", "dialogue", "outbox", "transaction"].map((a) => `${areas.get(a) ?? 0} ${a}`).join(" + ");
}
function byVerb(statements: Record<string, number>): string {
  const verbs = new Map<string, number>();
  for (const [sql, n] of Object.entries(statements)) verbs.set(verbOf(sql), (verbs.get(verbOf(sql)) ?? 0) + n);
  return [...verbs].sort((a, b) => b[1] - a[1]).map(([v, n]) => `${n} ${v}`).join(", ");
}
const median = (values: number[]) => quantile(values, 0.5);

async function measuringRun(dir: string, base: Record<string, string>, fake: FakeTelegram) {
  const dbPath = join(dir, "data", "measure.db");
  const { env, code, communeId } = await prepareDatabase(dbPath, base);
  const port = await freePort();
  const probePort = await freePort();
  // The timer's pass (default every 500 ms) finds nothing to do here but would add its polls to a
  // turn's statements: every turn's work is started by its own webhook (kick), so slow the timer.
  const child = await startChild("src/node.ts", { ...env, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, PROBE_PORT: String(probePort), DISPATCH_INTERVAL_MS: "5000" }, /is running/, ["--import", "tsx", "--import", "./test/bench/probe.ts"]);
  const probe = async (path: string): Promise<Take> => (await fetch(`http://127.0.0.1:${probePort}${path}`)).json() as Promise<Take>;
  const db = new Database(dbPath, { readonly: true });
  const pending = db.prepare("SELECT (SELECT count(*) FROM InboundUpdate WHERE status = 'pending') + (SELECT count(*) FROM OutboxMessage WHERE status = 'pending') AS n");
  /** Nothing stored waits to be handled or sent, and no statement ran for a while: the turn is over. */
  const idle = async (pollMs: number) => {
    const deadline = Date.now() + 120_000;
    let last = -1;
    for (;;) {
      const { total } = await probe("/total");
      if ((pending.get() as { n: number }).n === 0 && total === last) return;
      if (Date.now() > deadline) throw new Error("the measuring server did not become idle");
      last = total;
      await new Promise((r) => setTimeout(r, pollMs));
    }
  };
  await registerOfficer(port, fake, code);
  const poster = createPoster(port, `/${CHANNEL}/webhook`, { "X-Telegram-Bot-Api-Secret-Token": SECRET }, CONCURRENCY);
  // Warm-up: JIT, statement shapes, page cache; tips exist for /tinbao to list.
  await drive(port, Array.from({ length: 20 }, (_, i) => conversation(4_000_000 + i, communeId)));
  await idle(50);

  // 1. One turn at a time, each until handled and its replies sent.
  progress("measuring run: turns one at a time");
  const turns: Turn[] = [];
  const turn = async (kind: string, step: string, delivery: Delivery) => {
    const before = await probe("/take");
    await poster.post(delivery.body, delivery.headers);
    await idle(30);
    const after = await probe("/take");
    turns.push({ kind, step, statements: after.statements!, count: after.total - before.total, cpuMs: after.cpuMs - before.cpuMs });
  };
  for (let c = 0; c < TURN_SAMPLES; c++) {
    const updates = conversation(5_000_000 + c, communeId);
    for (const [i, delivery] of updates.entries()) {
      if (CHANNEL === "zalo") await turn("Zalo OA text", `Zalo event ${i + 1}`, delivery);
      else await turn(KIND_OF_STEP[i]!, STEP_NAMES[i]!, delivery);
    }
  }
  if (CHANNEL === "telegram") for (let i = 0; i < TURN_SAMPLES; i++) await turn("officer /tinbao", "/tinbao", { body: JSON.stringify(textUpdate("/tinbao", { user: officer })) });

  // 2. CPU per fully handled update: CITIZENS_CPU conversations flat out, until every reply and alert
  //    is sent. The process's idle CPU (timers) over the same time is taken off.
  progress("measuring run: CPU of fully handled updates");
  const idleStart = await probe("/total");
  await new Promise((r) => setTimeout(r, 3_000));
  const idleEnd = await probe("/total");
  const idleCpuPerMs = (idleEnd.cpuMs - idleStart.cpuMs) / 3_000;
  if (flags.profile) await probe("/profile/start");
  const t0 = await probe("/total");
  const started = performance.now();
  const load = await drive(port, Array.from({ length: CPU_CITIZENS }, (_, i) => conversation(6_000_000 + i, communeId)));
  // Polled seldom: the probe's own answers run in the measured process and count in its CPU.
  await idle(1_000);
  const t1 = await probe("/total");
  const elapsedMs = performance.now() - started;
  let profileFile: string | null = null;
  let profile: ReturnType<typeof summariseProfile> | null = null;
  if (flags.profile) {
    mkdirSync(join(process.cwd(), "bench-results"), { recursive: true });
    profileFile = join(process.cwd(), "bench-results", `intake-handled-${Date.now()}.cpuprofile`);
    await probe(`/profile/stop?path=${encodeURIComponent(profileFile)}`);
    profile = summariseProfile(JSON.parse(readFileSync(profileFile, "utf8")) as Profile, 15);
  }
  poster.close();
  child.process.kill("SIGTERM");
  db.close();
  const updates = load.requests;
  const cpuMs = t1.cpuMs - t0.cpuMs;
  return {
    turns,
    cpu: {
      updates,
      seconds: round(elapsedMs / 1000, 1),
      processCpuMs: round(cpuMs, 0),
      idleCpuMsPerSecond: round(idleCpuPerMs * 1000, 2),
      msPerUpdate: round(cpuMs / updates, 2),
      msPerUpdateLessIdle: round((cpuMs - idleCpuPerMs * elapsedMs) / updates, 2),
      statementsPerUpdate: round((t1.total - t0.total) / updates, 1),
      profileBusyMsPerUpdate: profile ? round(profile.busyMs / updates, 2) : null,
    },
    profileFile,
    profileLines: profile?.lines ?? null,
  };
}

function reportTurns(turns: Turn[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  console.log(`SQL statements per turn, one turn at a time until handled and sent (median of ${TURN_SAMPLES}; split by table: the inbound queue, the dialogue, the outbox, and BEGIN/COMMIT):`);
  for (const step of [...new Set(turns.map((t) => t.step))]) {
    const these = turns.filter((t) => t.step === step);
    const typical = these.slice().sort((a, b) => a.count - b.count)[Math.floor(these.length / 2)]!;
    console.log(`  ${step.padEnd(16)} ${String(median(these.map((t) => t.count))).padStart(3)} statements (${byArea(typical.statements)}; ${byVerb(typical.statements)}), CPU ≈ ${round(median(these.map((t) => t.cpuMs)), 1)} ms`);
  }
  console.log("By kind of turn:");
  for (const kind of [...new Set(turns.map((t) => t.kind))]) {
    const these = turns.filter((t) => t.kind === kind);
    const sums = new Map<string, number>();
    for (const t of these) for (const [sql, n] of Object.entries(t.statements)) sums.set(sql, (sums.get(sql) ?? 0) + n);
    const mean = these.reduce((a, t) => a + t.count, 0) / these.length;
    console.log(`  ${kind}: ${round(mean, 1)} statements per turn (median ${median(these.map((t) => t.count))}, ${these.length} turns); most repeated, per turn:`);
    const top = [...sums].sort((a, b) => b[1] - a[1]).slice(0, 6);
    for (const [sql, n] of top) console.log(`    ${round(n / these.length, 1).toFixed(1).padStart(4)} × ${label(sql)}`);
    out[kind] = { meanStatements: round(mean, 1), median: median(these.map((t) => t.count)), top: top.map(([sql, n]) => ({ perTurn: round(n / these.length, 2), sql })) };
  }
  const conversations = turns.filter((t) => t.kind !== "officer /tinbao");
  const sums = new Map<string, number>();
  for (const t of conversations) for (const [sql, n] of Object.entries(t.statements)) sums.set(sql, (sums.get(sql) ?? 0) + n);
  const perConversation = conversations.reduce((a, t) => a + t.count, 0) / TURN_SAMPLES;
  console.log(`A whole tip-off (${UPDATES_PER_CITIZEN} updates): ${round(perConversation, 1)} statements, ${round(perConversation / UPDATES_PER_CITIZEN, 1)} per update; the most repeated, per tip-off:`);
  for (const [sql, n] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${round(n / TURN_SAMPLES, 1).toFixed(1).padStart(5)} × ${label(sql)}`);
  out.perTipOff = { statements: round(perConversation, 1), top: [...sums].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([sql, n]) => ({ perTipOff: round(n / TURN_SAMPLES, 2), sql })) };
  return out;
}

async function main(): Promise<void> {
  const machine = machineInfo();
  console.log(`Intake benchmark (${CHANNEL === "zalo" ? "signed Zalo OA events" : "Telegram updates"}) on ${describeMachine(machine)}`);
  console.log(`${CITIZENS} citizens × ${UPDATES_PER_CITIZEN} updates, ${CONCURRENCY} concurrent connections\n`);
  const dir = mkdtempSync(join(tmpdir(), "phaodai-bench-"));
  const fake: FakeTelegram = await startFakeTelegram();
  const dbPath = join(dir, "data", "bench.db");
  const base: Record<string, string> = {
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
    Object.assign(base, { ZALO_APP_ID, ZALO_APP_SECRET, ZALO_OA_SECRET_KEY: ZALO_OA_SECRET, ZALO_API_ROOT: zaloOa.apiRoot, ZALO_OAUTH_ROOT: zaloOa.oauthRoot });
  }
  const { env, code, communeId } = await prepareDatabase(dbPath, base);

  const port = await freePort();
  const child = await startChild("src/node.ts", { ...env, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` }, /is running/, nodeArgs);
  const server = child.process;
  await registerOfficer(port, fake, code);
  const isAlert = (c: { method: string; payload: Record<string, unknown> }) => c.method === "sendMessage" && String(c.payload.chat_id) === String(officer.id) && String(c.payload.text).startsWith("🚨 TIN BÁO MỚI");

  // Warm-up (JIT, SQLite page cache), then the measured burst.
  const warm = Math.min(200, Math.ceil(CITIZENS / 10));
  await drive(port, Array.from({ length: warm }, (_, i) => conversation(1_000_000 + i, communeId)));
  await waitFor(() => fake.calls.filter(isAlert).length >= warm, 120_000);
  const alertsBefore = fake.calls.filter(isAlert).length;

  const set = (offset: number) => Array.from({ length: CITIZENS }, (_, i) => conversation(offset + i, communeId));
  // 1. Paced, as a campaign's citizens write; the work thread handles meanwhile. Then until every
  //    tip is handled and its alert delivered: the end-to-end rate.
  progress("product: paced");
  const burstStarted = performance.now();
  const paced = await drive(port, set(0), RATE);
  const drained = flags["skip-drain"] ? false : await waitFor(() => fake.calls.filter(isAlert).length - alertsBefore >= CITIZENS, 900_000);
  const drainSeconds = (performance.now() - burstStarted) / 1000;
  const alerts = fake.calls.filter(isAlert).length - alertsBefore;
  // 2. As fast as 100 connections go: the most the webhook takes.
  progress("product: flat out");
  const product = await drive(port, set(3_000_000));
  const productPeak = peakRssMiB(server.pid!);
  server.kill("SIGTERM");
  await child.exited;
  const warnings = child.output().split("\n").filter((l) => /"level":"(warn|error)"/.test(l));

  const db = new Database(dbPath, { readonly: true });
  const tips = (db.prepare("SELECT text FROM Tip").all() as { text: string }[]).filter((t) => Number(/^Tin báo thử số (\d+):/.exec(t.text)?.[1] ?? -1) < CITIZENS && /^Tin báo thử số \d+:/.test(t.text)).length;
  const duplicates = (db.prepare("SELECT count(*) AS n FROM (SELECT payload FROM OutboxMessage WHERE payload LIKE '%TIN BÁO MỚI%' GROUP BY payload HAVING count(*) > 1)").get() as { n: number }).n;
  db.close();

  // The floors: the same bodies, each server a child process like the product, paced and flat out.
  progress("floors");
  const honoFloor = await runFloor("test/bench/floor-server.ts", join(dir, "floor.db"), warm, set, communeId);
  const bareFloor = await runFloor("test/bench/bare-floor-server.ts", join(dir, "bare-floor.db"), warm, set, communeId);
  const loadAfterThroughput = loadAverageNow();

  // The measuring run: statements per turn, CPU per fully handled update (and the profile).
  progress("measuring run");
  const measured = await measuringRun(dir, base, fake);
  await fake.close();
  await zaloOa?.close();

  const line = (r: LoadResult) => `${r.perSecond} updates/s over ${r.seconds} s; latency p50 ${r.latencyMs.p50} ms, p95 ${r.latencyMs.p95} ms, p99 ${r.latencyMs.p99} ms, max ${r.latencyMs.max} ms; non-200: ${r.non200}`;
  const ratios = {
    pacedToHonoFloor: round(paced.perSecond / honoFloor.paced.perSecond, 2),
    pacedToBareFloor: round(paced.perSecond / bareFloor.paced.perSecond, 2),
    flatOutToHonoFloor: round(product.perSecond / honoFloor.saturated.perSecond, 2),
    flatOutToBareFloor: round(product.perSecond / bareFloor.saturated.perSecond, 2),
  };
  console.log(`Webhook intake (answered 200 once stored), paced at ${RATE}/s:`);
  console.log(`  ${line(paced)}`);
  console.log(`Webhook intake, ${CONCURRENCY} connections flat out:`);
  console.log(`  ${line(product)}; peak RSS ${productPeak} MiB`);
  console.log("End to end (the paced load: every tip handled, its alert delivered to the fake Bot API):");
  if (flags["skip-drain"]) console.log("  skipped (--skip-drain)");
  else console.log(`  ${round((CITIZENS * UPDATES_PER_CITIZEN) / drainSeconds, 0)} updates/s; ${tips} tips stored, ${alerts} alerts delivered, ${duplicates} duplicates, drained: ${drained} in ${round(drainSeconds, 2)} s`);
  for (const [name, f] of [["Hono + Prisma floor (one Prisma INSERT per request)", honoFloor], ["Bare floor (node:http, one prepared better-sqlite3 INSERT, WAL)", bareFloor]] as const) {
    console.log(`${name}, paced at ${RATE}/s:`);
    console.log(`  ${line(f.paced)}`);
    console.log(`${name}, flat out:`);
    console.log(`  ${line(f.saturated)}; peak RSS ${f.peakRssMiB} MiB`);
  }
  if (warnings.length > 0) console.log(`Server warnings (${warnings.length}):\n  ${warnings.slice(0, 10).join("\n  ")}`);
  console.log(`\nSummary (updates/s; p50 / p99 ms):`);
  const row = (name: string, p: LoadResult, f: LoadResult) => console.log(`  ${name.padEnd(20)} paced ${String(p.perSecond).padStart(5)}/s  ${p.latencyMs.p50} / ${p.latencyMs.p99}   flat out ${String(f.perSecond).padStart(5)}/s  ${f.latencyMs.p50} / ${f.latencyMs.p99}`);
  row("product", paced, product);
  row("Hono + Prisma floor", honoFloor.paced, honoFloor.saturated);
  row("bare floor", bareFloor.paced, bareFloor.saturated);
  console.log(`  product ÷ Hono + Prisma floor: paced ${ratios.pacedToHonoFloor}, flat out ${ratios.flatOutToHonoFloor}`);
  console.log(`  product ÷ bare floor:          paced ${ratios.pacedToBareFloor}, flat out ${ratios.flatOutToBareFloor}`);
  console.log(`  idle keep-alive sockets reset and retried: ${resets}; load average at start ${machine.loadAverage.join(" ")}, after the throughput runs ${loadAfterThroughput.join(" ")}\n`);

  const turns = reportTurns(measured.turns);
  const c = measured.cpu;
  console.log(`\nCPU of fully handled updates (webhook to reply sent: store, the work loop through the engine, the outbox to the fake Bot API):`);
  console.log(`  ${CPU_CITIZENS} tip-offs, ${c.updates} updates flat out, all handled and sent in ${c.seconds} s: process CPU ${c.processCpuMs} ms = ${c.msPerUpdate} ms per update (${c.msPerUpdateLessIdle} ms less the idle process's ${c.idleCpuMsPerSecond} ms/s); ${c.statementsPerUpdate} SQL statements per update`);
  if (measured.profileLines) {
    console.log(`  profile of that phase: main thread busy ${c.profileBusyMsPerUpdate} ms per update; ${measured.profileFile}`);
    console.log(`  ${measured.profileLines.join("\n  ")}`);
  }
  const result = {
    machine,
    loadAverageAfterThroughput: loadAfterThroughput,
    loadAverageAtEnd: loadAverageNow(),
    settings: { channel: CHANNEL, citizens: CITIZENS, updatesPerCitizen: UPDATES_PER_CITIZEN, concurrency: CONCURRENCY, rate: RATE, warmupCitizens: warm },
    product: { paced, saturated: product, peakRssMiB: productPeak },
    endToEnd: { drained, seconds: round(drainSeconds, 2), tipsStored: tips, alertsDelivered: alerts, duplicateAlerts: duplicates, updatesPerSecond: round((CITIZENS * UPDATES_PER_CITIZEN) / drainSeconds, 0) },
    floor: honoFloor,
    bareFloor,
    ratios,
    cpuPerHandledUpdate: c,
    statementsPerTurn: turns,
    profileFile: measured.profileFile,
  };
  console.log(`\nWritten to ${writeResult(CHANNEL === "zalo" ? "intake-zalo" : "intake", result)}; load average at the end ${result.loadAverageAtEnd.join(" ")}`);
  if (!flags.keep) rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
