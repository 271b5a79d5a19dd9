// A bulletin fan-out killed under load, shared by the fault test (test/faults/bulletin-kill-load.test.ts,
// moderate) and the benchmark (test/bench/bulletin-kill.ts, large). Thousands of subscribers on
// Telegram and Zalo and village heads on both in two communes; a fake Bot API and a fake Zalo OA that
// enforce a rate limit and refuse beyond it; tip-off conversations and messages arriving by webhook
// all the while; the server process (test/helpers/bulletin-load-child.ts) killed with SIGKILL at
// random points of the fan-out — once while it is being queued, then while messages go out — and
// restarted each time, until the fan-out is done. At every kill the database is read as the process
// left it: the messages whose send was in flight (claimed, not marked sent) are the only ones that
// may arrive twice, and every webhook answered 200 before the kill must be stored. The scenario
// returns what it saw; the callers judge (the test asserts, the benchmark prints).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { createKeyring, randomKeyText, type Keyring } from "../../src/crypto/keys.js";
import { addressTagOf, pseudonymOf, sealAddress } from "../../src/crypto/pseudonym.js";
import { openNodeDatabase } from "../../src/db/node.js";
import { createLogger } from "../../src/log.js";
import { importPlacesCsv } from "../../src/places/import.js";
import { SAMPLE_PLACES_CSV } from "../../src/node.js";
import { runBulletinTick } from "../../src/bulletins/tick.js";
import { DEFAULT_SCHEDULE, previousSlotAtOrBefore } from "../../src/bulletins/schedule.js";
import { ZaloOaClient } from "../../bots/zalo/client.js";
import { createTokenStore } from "../../bots/zalo/tokens.js";
import { callbackUpdate, startFakeTelegram, textUpdate, type FakeTelegram, type TestUser } from "./fake-telegram.js";
import { setZaloEventClock, startFakeZaloOa, textEvent, type FakeZaloOa, type ZaloUser } from "./fake-zalo-oa.js";
import { startRateLimitProxy, type RateLimitProxy, type Refusal } from "./rate-limit-proxy.js";
import { freePort, projectRoot } from "./server-process.js";

export interface ScenarioOptions {
  subscribers: number;
  /** SIGKILLs before the run that is let finish (the first while queuing, the others while sending). */
  kills: number;
  seed: number;
  telegramLimitPerSecond: number;
  zaloLimit: { max: number; windowMs: number; refusal: Refusal; sharedLimitHit?: { afterForwarded: number; count: number } };
  pace: { telegram: number; zalo: number };
  /**
   * Webhooks keep arriving until the fan-out is done: citizens filing a whole tip-off on Telegram
   * (8 updates each) and citizens writing two messages on Zalo, in turn, by `webhookConcurrency`
   * senders that wait up to `webhookGapMs` between updates. At most this many of each.
   */
  maxCitizens: number;
  webhookConcurrency: number;
  webhookGapMs: number;
  /** Gives up (and reports unfinished) after this long. */
  timeoutMs: number;
  /** Extra arguments for node in the server process (e.g. --cpu-prof). */
  childNodeArgs?: string[];
  log?: (line: string) => void;
}

export interface KillRecord {
  round: number;
  phase: "queuing" | "sending";
  /** Bulletin rows queued and messages delivered when the process died. */
  queuedAtKill: number;
  deliveredAtKill: number;
  /** Outbox rows claimed but not marked sent at the kill (their send may or may not have arrived). */
  inFlight: string[];
  webhooksAnsweredBefore: number;
  /** Webhooks answered 200 before the kill but not in the database after it (must be none). */
  answeredNotStored: string[];
  msSinceStart: number;
  /** Peak resident memory of the killed process (Linux), MiB. */
  peakRssMiB: number | null;
}

export interface ScenarioResult {
  finished: boolean;
  seed: number;
  subscribers: { telegram: number; zalo: number };
  heads: number;
  headMessagesExpected: number;
  expectedRecipients: number;
  kills: KillRecord[];
  restarts: number;
  /** Bulletin messages the platforms accepted, and per recipient outcome. */
  delivered: number;
  missed: string[];
  /** Recipients who got a message twice although it was not in flight at any kill. */
  unexplainedRepeats: string[];
  /** Repeats explained by a send in flight at a kill. */
  explainedRepeats: string[];
  outboxNotSent: number;
  slots: Array<{ commune: string; status: string; subscribersQueued: number; expected: number }>;
  webhooks: { sent: number; answered200: number; retriedAfterFailure: number; latencyMs: { p50: number; p95: number; p99: number; max: number } };
  inboundNotDone: number;
  tips: { expected: number; stored: number; textsTwice: number };
  rateLimited: { telegram: number; zalo: number };
  seconds: { total: number; fanOut: number };
  /** Peak resident memory of the last server process (Linux), MiB. */
  lastPeakRssMiB: number | null;
  childStderr: string;
}

const TG_SECRET = "bulletin_kill_secret";
const CHILD = resolve(import.meta.dirname, "bulletin-load-child.ts");
const HEAD_HEADER = "BẢN TIN PHÒNG, CHỐNG MA TÚY";
const SUBSCRIBER_HEADER = "Bản tin phòng, chống ma túy — xã";
const COMMUNES = ["LUNGPHINH", "NHUXUAN"];

/** A small seeded generator (mulberry32): the same seed, the same kill points. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function peakRss(pid: number | undefined): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Math.round(Number(match[1]) / 102.4) / 10 : null;
  } catch {
    return null;
  }
}

interface Webhook {
  id: string;
  /** The id the server stores it under (InboundUpdate.externalId). */
  externalId: string;
  path: string;
  body: string;
  headers: Record<string, string>;
  answeredAt?: number;
  latencyMs?: number;
  failures: number;
}

export async function runBulletinKillScenario(opts: ScenarioOptions): Promise<ScenarioResult> {
  const say = opts.log ?? (() => undefined);
  const random = rng(opts.seed);
  const dir = mkdtempSync(join(tmpdir(), "phaodai-bkill-"));
  const dbPath = join(dir, "bkill.db");
  const keyText = { pseudonym: randomKeyText(), vault: randomKeyText() };
  const keys: Keyring = await createKeyring(keyText.pseudonym, keyText.vault);
  const fakeTg: FakeTelegram = await startFakeTelegram({ rateLimit: { perSecond: opts.telegramLimitPerSecond, retryAfter: 1 } });
  const fakeZalo: FakeZaloOa = await startFakeZaloOa();
  const proxy: RateLimitProxy = await startRateLimitProxy(fakeZalo.apiRoot, {
    max: opts.zaloLimit.max,
    windowMs: opts.zaloLimit.windowMs,
    refusal: opts.zaloLimit.refusal,
    ...(opts.zaloLimit.sharedLimitHit ? { sharedLimitHit: opts.zaloLimit.sharedLimitHit } : {}),
    limited: (method, path) => method === "POST" && path === "/v3.0/oa/message/cs",
  });
  let child: ChildProcess | null = null;
  let childStderr = "";
  let stopping = false;
  let nextConversation = 0;
  const started = Date.now();
  try {
    // ---- The database as a running server would have it.
    const db = openNodeDatabase(`file:${dbPath}`);
    await importPlacesCsv(db, readFileSync(SAMPLE_PLACES_CSV, "utf8"), { isSample: true });
    const slot = previousSlotAtOrBefore(DEFAULT_SCHEDULE, new Date())!;
    const silent = createLogger("error", () => undefined);
    await runBulletinTick({ db, keys, log: silent, now: () => new Date(slot.getTime() - 60_000) });
    await new ZaloOaClient({ appId: fakeZalo.appId, appSecret: fakeZalo.appSecret, apiRoot: proxy.url, oauthRoot: fakeZalo.oauthRoot, tokens: createTokenStore(db, keys, fakeZalo.appId) }).exchangeCode(fakeZalo.issueCode());

    const hongLoc = await db.commune.findUniqueOrThrow({ where: { code: "HONGLOC" } });
    const officer: TestUser = { id: 6_400_000_001, is_bot: false, first_name: "Cán bộ trực" };
    await db.staff.create({
      data: { pseudonym: await pseudonymOf(keys, "telegram", String(officer.id)), channel: "telegram", sealedAddress: await sealAddress(keys, { channel: "telegram", chatId: String(officer.id) }), displayName: "Công an Hồng Lộc", role: "officer", communeId: hongLoc.id },
    });

    // Village heads: every village of the two communes, on Telegram and Zalo in turn.
    const headChat = new Map<number, { channel: "telegram" | "zalo"; chatId: string }>();
    let n = 0;
    for (const code of COMMUNES) {
      const commune = await db.commune.findUniqueOrThrow({ where: { code }, include: { villages: { orderBy: { code: "asc" } } } });
      for (const village of commune.villages) {
        const channel = n % 2 === 0 ? "telegram" : "zalo";
        const chatId = channel === "telegram" ? String(7_800_000_000 + n) : `30${String(n).padStart(17, "0")}`;
        const staff = await db.staff.create({
          data: { pseudonym: await pseudonymOf(keys, channel, chatId), channel, sealedAddress: await sealAddress(keys, { channel, chatId }), displayName: `Trưởng thôn ${village.name}`, role: "village_head", communeId: commune.id, villageId: village.id },
        });
        headChat.set(staff.id, { channel, chatId });
        n++;
      }
    }

    // Subscribers: half on Telegram, half on Zalo (all recently active), in both communes and their languages.
    const communeRows = await db.commune.findMany({ where: { code: { in: COMMUNES } } });
    const subscriberByTag = new Map<string, { channel: "telegram" | "zalo"; chatId: string; communeId: number }>();
    const expectedPerCommune = new Map<number, number>();
    for (let start = 0; start < opts.subscribers; start += 500) {
      const rows = [];
      for (let i = start; i < Math.min(opts.subscribers, start + 500); i++) {
        const channel = i % 2 === 0 ? "telegram" : "zalo";
        const chatId = channel === "telegram" ? String(20_000_000 + i) : `50${String(i).padStart(17, "0")}`;
        const address = { channel, chatId };
        const commune = communeRows[i % communeRows.length]!;
        const languages = commune.languages.split(",");
        const addressTag = await addressTagOf(keys, address);
        subscriberByTag.set(addressTag, { channel, chatId, communeId: commune.id });
        expectedPerCommune.set(commune.id, (expectedPerCommune.get(commune.id) ?? 0) + 1);
        rows.push({
          pseudonym: await pseudonymOf(keys, channel, chatId),
          channel,
          sealedAddress: await sealAddress(keys, address),
          addressTag,
          communeId: commune.id,
          language: languages[Math.floor(i / 2) % languages.length]!,
          lastIncomingAt: new Date(slot.getTime() - 3_600_000),
        });
      }
      await db.bulletinSubscription.createMany({ data: rows });
    }
    await db.$disconnect();

    // ---- Webhooks that keep arriving: whole Telegram tip-offs, and Zalo messages.
    // Conversations are made when a sender starts one: even numbers a Telegram tip-off, odd ones Zalo messages.
    const webhooks: Array<{ kind: "telegram" | "zalo"; list: Webhook[] }> = [];
    const makeConversation = async (n: number): Promise<{ kind: "telegram" | "zalo"; list: Webhook[] }> => {
      const i = Math.floor(n / 2);
      if (n % 2 === 0) {
        const user: TestUser = { id: 6_500_000_000 + i, is_bot: false, first_name: `Người báo ${i}` };
        const base = 910_000_000 + i * 10;
        const updates = [
          textUpdate("/start", { user, updateId: base }),
          textUpdate("Hồng Lộc", { user, updateId: base + 1 }),
          callbackUpdate(`c:${hongLoc.id}`, { user, updateId: base + 2 }),
          callbackUpdate("k:selling", { user, updateId: base + 3 }),
          callbackUpdate("v:none", { user, updateId: base + 4 }),
          textUpdate(`Tin số ${i}: có người bán ma túy ở bến xe, tối nào cũng có.`, { user, updateId: base + 5 }),
          callbackUpdate("m:continue", { user, updateId: base + 6 }),
          callbackUpdate("s:submit", { user, updateId: base + 7 }),
        ];
        return {
          kind: "telegram",
          list: updates.map((u) => ({ id: `tg:${u.update_id}`, externalId: String(u.update_id), path: "/telegram/webhook", body: JSON.stringify(u), headers: { "Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": TG_SECRET }, failures: 0 })),
        };
      }
      const zaloUser: ZaloUser = { id: `77${String(i).padStart(17, "0")}`, userIdByApp: `88${String(i).padStart(17, "0")}`, displayName: `Người dùng Zalo ${i}` };
      const list: Webhook[] = [];
      for (const text of ["Xin chào", "/baomat"]) {
        const event = textEvent(zaloUser, text);
        const signed = fakeZalo.signed(event);
        const msgId = (event.message as { msg_id: string }).msg_id;
        list.push({ id: `zalo:${msgId}`, externalId: await keys.tag("zalo-event", msgId), path: "/zalo/webhook", body: signed.body, headers: signed.headers, failures: 0 });
      }
      return { kind: "zalo", list };
    };
    /** The webhooks of the conversations started so far. */
    const startedWebhooks = () => webhooks.flatMap((c) => c.list);

    // ---- The server process, started, killed, restarted.
    const port = await freePort();
    const offset = slot.getTime() + 5_000 - Date.now();
    // The server lives at the slot's time: Zalo events are stamped on its clock (older ones are refused).
    setZaloEventClock(() => Date.now() + offset);
    const childEnv = {
      ...process.env,
      DB_PATH: dbPath,
      PSEUDONYM_KEY: keyText.pseudonym,
      VAULT_KEY: keyText.vault,
      PORT: String(port),
      CLOCK_OFFSET_MS: String(offset),
      PACE: JSON.stringify(opts.pace),
      INTERVAL_MS: "50",
      SWEEP_MS: "250",
      TG_TOKEN: fakeTg.token,
      TG_API_ROOT: fakeTg.apiRoot,
      TG_BOT_INFO: JSON.stringify(fakeTg.bot),
      TG_SECRET,
      ZALO_APP_ID: fakeZalo.appId,
      ZALO_APP_SECRET: fakeZalo.appSecret,
      ZALO_OA_SECRET: fakeZalo.oaSecret,
      ZALO_API_ROOT: proxy.url,
      ZALO_OAUTH_ROOT: fakeZalo.oauthRoot,
    };
    let restarts = 0;
    const startChild = () =>
      new Promise<{ proc: ChildProcess; exited: Promise<void> }>((resolveStart, reject) => {
        const proc = spawn(process.execPath, [...(opts.childNodeArgs ?? []), "--import", "tsx", CHILD], { cwd: projectRoot, env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
        let out = "";
        let ready = false;
        const exited = new Promise<void>((r) => proc.once("exit", () => r()));
        proc.stdout!.on("data", (c: Buffer) => {
          out += c.toString();
          if (!ready && out.includes("ready")) {
            ready = true;
            resolveStart({ proc, exited });
          }
        });
        proc.stderr!.on("data", (c: Buffer) => (childStderr = (childStderr + c.toString()).slice(-20_000)));
        void exited.then(() => {
          if (!ready) reject(new Error(`server process exited before it was ready: ${childStderr.slice(-1000)}`));
        });
      });

    // Counting what the platforms accepted.
    let tgCursor = 0;
    let zaloCursor = 0;
    const received = new Map<string, string[]>(); // "telegram:<chat>" / "zalo:<user>" → bulletin texts
    let delivered = 0;
    const countDeliveries = () => {
      for (; tgCursor < fakeTg.calls.length; tgCursor++) {
        const c = fakeTg.calls[tgCursor]!;
        if (c.method !== "sendMessage" || c.result === undefined) continue;
        const text = String(c.payload.text ?? "");
        if (!text.includes(HEAD_HEADER) && !text.includes(SUBSCRIBER_HEADER)) continue;
        const key = `telegram:${String(c.payload.chat_id)}`;
        received.set(key, [...(received.get(key) ?? []), text]);
        delivered++;
      }
      for (; zaloCursor < fakeZalo.messages.length; zaloCursor++) {
        const m = fakeZalo.messages[zaloCursor]!;
        const text = m.text ?? "";
        if (!text.includes(HEAD_HEADER) && !text.includes(SUBSCRIBER_HEADER)) continue; // a long bulletin's later parts carry no header
        const key = `zalo:${m.userId}`;
        received.set(key, [...(received.get(key) ?? []), text]);
        delivered++;
      }
      return delivered;
    };

    // Webhook posters: each conversation in order; an update not answered 200 is sent again, as the platforms do.
    const base = `http://127.0.0.1:${port}`;
    let webhooksDone = false;
    let fanOutDone = false;
    const post = async (w: Webhook) => {
      while (!stopping) {
        const t0 = performance.now();
        try {
          const res = await fetch(base + w.path, { method: "POST", headers: w.headers, body: w.body, signal: AbortSignal.timeout(10_000) });
          await res.arrayBuffer();
          if (res.status === 200) {
            w.latencyMs = performance.now() - t0;
            w.answeredAt = Date.now();
            return;
          }
        } catch {
          // Connection refused or reset: the server is down. Try again shortly.
        }
        w.failures++;
        await sleep(50);
      }
    };
    const posters = Promise.all(
      Array.from({ length: opts.webhookConcurrency }, async () => {
        // New conversations start until the fan-out is done; each one started is played to its end.
        while (!stopping && !fanOutDone && nextConversation < 2 * opts.maxCitizens) {
          const conversation = await makeConversation(nextConversation++);
          webhooks.push(conversation);
          for (const w of conversation.list) {
            await post(w);
            await sleep(Math.floor(random() * opts.webhookGapMs)); // people type: updates arrive all through the fan-out
          }
        }
      }),
    ).then(() => {
      webhooksDone = true;
    });

    const readOnly = () => new Database(dbPath, { readonly: true, fileMustExist: true });
    const queuedRows = () => {
      const d = readOnly();
      try {
        return (d.prepare("SELECT count(*) AS n FROM OutboxMessage WHERE dedupeKey LIKE 'b:%'").get() as { n: number }).n;
      } finally {
        d.close();
      }
    };
    const headCount = headChat.size;
    const expectedTotal = opts.subscribers + headCount; // at least one message per head (more for several languages)
    const kills: KillRecord[] = [];
    let fanOutStarted = 0;
    let fanOutEnded = 0;
    let finished = false;
    let lastPeakRssMiB: number | null = null;

    for (let round = 0; round <= opts.kills; round++) {
      const { proc, exited } = await startChild();
      child = proc;
      if (round > 0) restarts++;
      if (round === 0) fanOutStarted = Date.now();
      say(`round ${round}: server started (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      if (round < opts.kills) {
        const phase: KillRecord["phase"] = round === 0 ? "queuing" : "sending";
        if (phase === "queuing") {
          const target = Math.max(1, Math.floor(expectedTotal * (0.05 + random() * 0.5)));
          while (queuedRows() < target && Date.now() - started < opts.timeoutMs) await sleep(3);
        } else {
          const done = countDeliveries();
          const left = Math.max(0, expectedTotal - done);
          const target = done + Math.max(1, Math.floor(left * (0.1 + random() * 0.5)));
          while (countDeliveries() < target && Date.now() - started < opts.timeoutMs) await sleep(1);
        }
        const rss = peakRss(proc.pid);
        proc.kill("SIGKILL");
        await exited;
        child = null;
        // The database as the dead process left it.
        const d = readOnly();
        const inFlight = (d.prepare("SELECT dedupeKey FROM OutboxMessage WHERE status = 'pending' AND claimedUntil IS NOT NULL AND dedupeKey IS NOT NULL").all() as { dedupeKey: string }[]).map((r) => r.dedupeKey);
        const stored = new Set((d.prepare("SELECT externalId FROM InboundUpdate").all() as { externalId: string }[]).map((r) => r.externalId));
        const queued = (d.prepare("SELECT count(*) AS n FROM OutboxMessage WHERE dedupeKey LIKE 'b:%'").get() as { n: number }).n;
        d.close();
        const answered = startedWebhooks().filter((w) => w.answeredAt !== undefined);
        kills.push({
          round,
          phase,
          queuedAtKill: queued,
          deliveredAtKill: countDeliveries(),
          inFlight,
          webhooksAnsweredBefore: answered.length,
          answeredNotStored: answered.filter((w) => !stored.has(w.externalId)).map((w) => w.id),
          msSinceStart: Date.now() - started,
          peakRssMiB: rss,
        });
        say(`  killed while ${phase}: ${queued} bulletin rows queued, ${countDeliveries()} delivered, ${inFlight.length} in flight, ${answered.length} webhooks answered`);
        continue;
      }
      // The last run: let it finish the fan-out and handle every webhook.
      for (;;) {
        countDeliveries();
        if (Date.now() - started > opts.timeoutMs) break;
        if (!fanOutDone) {
          const d = readOnly();
          const left = (d.prepare("SELECT (SELECT count(*) FROM OutboxMessage WHERE dedupeKey LIKE 'b:%' AND status != 'sent') + (SELECT count(*) FROM BulletinSlot WHERE status = 'sending') AS n").get() as { n: number }).n;
          d.close();
          if (left === 0) {
            fanOutDone = true;
            fanOutEnded = Date.now();
          }
        }
        if (webhooksDone) {
          const d = readOnly();
          const left = (d.prepare("SELECT (SELECT count(*) FROM OutboxMessage WHERE status IN ('pending','parked')) + (SELECT count(*) FROM InboundUpdate WHERE status != 'done') + (SELECT count(*) FROM BulletinSlot WHERE status = 'sending') AS n").get() as { n: number }).n;
          d.close();
          if (left === 0) {
            finished = true;
            break;
          }
        }
        await sleep(100);
      }
      lastPeakRssMiB = peakRss(proc.pid);
      proc.kill("SIGKILL");
      await exited;
      child = null;
    }
    stopping = true;
    await posters;
    countDeliveries();

    // ---- What arrived, per recipient.
    const d = readOnly();
    const inFlightKeys = new Set(kills.flatMap((k) => k.inFlight));
    const headRows = d.prepare("SELECT dedupeKey, payload FROM OutboxMessage WHERE dedupeKey LIKE 'b:%:h:%'").all() as { dedupeKey: string; payload: string }[];
    const missed: string[] = [];
    const unexplained: string[] = [];
    const explained: string[] = [];
    for (const [tag, sub] of subscriberByTag) {
      const key = `${sub.channel}:${sub.chatId}`;
      const got = received.get(key)?.length ?? 0;
      const mayRepeat = [...inFlightKeys].some((k) => k.endsWith(`:s:${tag}`));
      if (got === 0) missed.push(key);
      else if (got > 1) (mayRepeat && got === 2 ? explained : unexplained).push(`${key} ×${got}`);
    }
    // Heads: each of their messages (one per language) exactly once.
    const headExpected = new Map<string, { keys: string[] }>();
    for (const row of headRows) {
      const staffId = Number(row.dedupeKey.split(":")[3]);
      const chat = headChat.get(staffId);
      if (!chat) continue;
      const key = `${chat.channel}:${chat.chatId}`;
      headExpected.set(key, { keys: [...(headExpected.get(key)?.keys ?? []), row.dedupeKey] });
    }
    for (const [key, { keys: rowKeys }] of headExpected) {
      const texts = received.get(key) ?? [];
      const distinct = new Map<string, number>();
      for (const t of texts) distinct.set(t, (distinct.get(t) ?? 0) + 1);
      if (distinct.size < rowKeys.length) missed.push(`${key} (${distinct.size}/${rowKeys.length} languages)`);
      const mayRepeat = rowKeys.some((k) => inFlightKeys.has(k));
      for (const [, count] of distinct) if (count > 1) (mayRepeat && count === 2 ? explained : unexplained).push(`${key} ×${count}`);
    }
    for (const headId of headChat.keys()) {
      const chat = headChat.get(headId)!;
      if (!headExpected.has(`${chat.channel}:${chat.chatId}`)) missed.push(`head ${chat.channel}:${chat.chatId} (nothing queued)`);
    }
    const outboxNotSent = (d.prepare("SELECT count(*) AS n FROM OutboxMessage WHERE dedupeKey LIKE 'b:%' AND status != 'sent'").get() as { n: number }).n;
    const slotRows = d.prepare("SELECT c.code AS code, c.id AS communeId, s.status AS status, s.subscribersQueued AS queued FROM BulletinSlot s JOIN Commune c ON c.id = s.communeId WHERE c.code IN ('LUNGPHINH','NHUXUAN') ORDER BY c.code").all() as { code: string; communeId: number; status: string; queued: number }[];
    const inboundNotDone = (d.prepare("SELECT count(*) AS n FROM InboundUpdate WHERE status != 'done'").get() as { n: number }).n;
    const tipTexts = (d.prepare("SELECT text FROM Tip").all() as { text: string }[]).map((t) => t.text);
    d.close();
    const textCounts = new Map<string, number>();
    for (const t of tipTexts) textCounts.set(t, (textCounts.get(t) ?? 0) + 1);
    const allWebhooks = startedWebhooks();
    const tipsExpected = webhooks.filter((c) => c.kind === "telegram").length;
    const latencies = allWebhooks.filter((w) => w.latencyMs !== undefined).map((w) => w.latencyMs!);
    return {
      finished,
      seed: opts.seed,
      subscribers: { telegram: Math.ceil(opts.subscribers / 2), zalo: Math.floor(opts.subscribers / 2) },
      heads: headCount,
      headMessagesExpected: headRows.length,
      expectedRecipients: subscriberByTag.size + headCount,
      kills,
      restarts,
      delivered,
      missed,
      unexplainedRepeats: unexplained,
      explainedRepeats: explained,
      outboxNotSent,
      slots: slotRows.map((s) => ({ commune: s.code, status: s.status, subscribersQueued: s.queued, expected: expectedPerCommune.get(s.communeId) ?? 0 })),
      webhooks: {
        sent: allWebhooks.length,
        answered200: allWebhooks.filter((w) => w.answeredAt !== undefined).length,
        retriedAfterFailure: allWebhooks.filter((w) => w.failures > 0).length,
        latencyMs: { p50: quantile(latencies, 0.5), p95: quantile(latencies, 0.95), p99: quantile(latencies, 0.99), max: quantile(latencies, 1) },
      },
      inboundNotDone,
      tips: { expected: tipsExpected, stored: tipTexts.length, textsTwice: [...textCounts.values()].filter((c) => c > 1).length },
      rateLimited: { telegram: fakeTg.rateLimited(), zalo: proxy.refused() },
      seconds: { total: (Date.now() - started) / 1000, fanOut: ((fanOutEnded || Date.now()) - fanOutStarted) / 1000 },
      lastPeakRssMiB,
      childStderr: childStderr.slice(-4000),
    };
  } finally {
    stopping = true;
    child?.kill("SIGKILL");
    await proxy.close();
    await fakeZalo.close();
    await fakeTg.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
