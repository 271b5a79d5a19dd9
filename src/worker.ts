// Cloudflare Workers entry: the same app and core on D1. Keys come from Worker secrets;
// background work runs in waitUntil after each request and on the cron trigger. Due messages go
// through the queue OUTBOX_QUEUE (cron → queue → consumer, src/outbox/queued.ts), paced per channel
// by the Durable Object CHANNEL_PACER; a request sends only the rows it wrote itself.
import { PrismaD1 } from "@prisma/adapter-d1";
import { PrismaClient } from "./db/generated/worker/client.js";
import type { Db } from "./db/client.js";
import { attachSql, d1Sql, type D1Like } from "./db/sql.js";
import { attachMediaStore, databaseMediaStore, layeredMediaStore, r2MediaStore, type R2BucketLike } from "./media/store.js";
import { ConfigError, parseConfig, type AppConfig } from "./config/schema.js";
import { adminCommandsWith } from "./cli/registry.js";
import { zaloCommands } from "../bots/zalo/cli.js";
import { createKeyring, type Keyring } from "./crypto/keys.js";
import { createLogger } from "./log.js";
import { createApp } from "./app.js";
import { createIngest } from "./inbound/ingest.js";
import { bindingLimiter, MemoryLimiter, type RateLimitBinding } from "./http/limiter.js";
import { workerClientAddress } from "./http/client-address.js";
import { bindingMinuteLimiter } from "./tips/limits.js";
import { createProofGate, DEFAULT_PROOF_SETTINGS, type ProofGate } from "../bots/webchat/proof.js";
import { type WorkDeps } from "../bots/core/work/runner.js";
import { processPending } from "../bots/core/work/process.js";
import { sweep } from "../bots/core/work/sweep.js";
import { dispatchDue } from "./outbox/dispatcher.js";
import { CriteriaFileError, criteriaRegistry } from "./compliance/criteria.js";
import { defaultComplianceDeps } from "./compliance/service.js";
import { createPacer } from "./outbox/pacing.js";
import { durablePacer, type PacerNamespace } from "./outbox/pacer-object.js";
import { consumeOutboxWork, lastOutboxId, queueDueWork, type WorkMessage, type WorkProducer } from "./outbox/queued.js";
import { countStatements } from "./db/d1-count.js";
import { createChannels, webhookOptions } from "./channels.js";
import { commandMenu } from "../bots/core/help.js";
import { setCitizenMenu } from "../bots/telegram/menu.js";
import { coreSettingsOf } from "./config/core-settings.js";
import { telegramBotUsername } from "../bots/telegram/identity.js";
// The posters' PDF fonts, bundled as Data modules (wrangler.toml [[rules]]): the file system of Node is not here.
import beVietnamProRegular from "@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf";
import beVietnamProBold from "@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf";

/** Every admin command, the platform adapters' own registered here (signed admin requests, `--remote`). */
const adminCommands = adminCommandsWith(zaloCommands);

const POSTER_FONTS = { regular: new Uint8Array(beVietnamProRegular), bold: new Uint8Array(beVietnamProBold) };

/** The largest web chat video on Workers without R2 (bytes in D1): under its 2,000,000-byte row, with room for the row's other columns. */
const D1_MAX_VIDEO_BYTES = 1_900_000;

/** Of D1's 1,000 statements per invocation (paid plan), what the bulletin job may take up to; the sweep's other jobs run after it. */
const WORK_STATEMENT_BUDGET = 850;

export interface Env {
  DB: ConstructorParameters<typeof PrismaD1>[0];
  /** wrangler.toml [[ratelimits]]: tips per client network; absent (tests, local), the in-memory limiter per isolate. */
  WEB_TIP_LIMITER?: RateLimitBinding;
  /** wrangler.toml [[ratelimits]]: web chat messages per conversation per minute; absent, RateHit rows in D1. */
  WEB_MESSAGE_LIMITER?: RateLimitBinding;
  /** wrangler.toml [[queues.producers]]: due outbox rows as messages; absent, the cron sends them itself. */
  OUTBOX_QUEUE?: WorkProducer;
  /** wrangler.toml [[durable_objects.bindings]]: one pacer per channel for all instances; absent, per isolate. */
  CHANNEL_PACER?: PacerNamespace;
  /** wrangler.toml [[r2_buckets]]: the bytes of uploads and report files; absent, they stay in D1 rows (at most 1.9 MB a video). */
  MEDIA?: R2BucketLike;
  [name: string]: unknown;
}

interface WorkerExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
}

/** Cloudflare's MessageBatch, as far as the consumer uses it. */
interface WorkBatch {
  readonly queue: string;
  readonly messages: readonly WorkMessage[];
}

export { ChannelPacer } from "./outbox/pacer-object.js";

/** A request's own rows: replies and alerts (priority 0 and up) written after `before`. */
const OWN_ROWS = { minPriority: 0 };
/** Of those, how many per channel the request sends itself; more go through the queue. */
const OWN_SENDS_PER_CHANNEL = 20;

let keyring: { text: string; keys: Keyring } | null = null;
// The bot's @username, read from D1 (or getMe) once an hour per isolate, not on every request.
let botName: { name: string | undefined; at: number } | null = null;
async function botUsernameOf(db: Db, api: Parameters<typeof telegramBotUsername>[1], configured?: string): Promise<string | undefined> {
  if (configured) return configured;
  if (botName && Date.now() - botName.at < 3_600_000) return botName.name;
  botName = { name: await telegramBotUsername(db, api, new Date()), at: Date.now() };
  return botName.name;
}
let citizenMenuSet = false;
// Per isolate: consecutive invocations in one isolate share the channel pacing.
const pacer = createPacer();
// Per isolate too: spent proofs and the fallback network limiter outlive one request, not the isolate.
let guards: { keys: Keyring; proofGate: ProofGate; limiter: MemoryLimiter } | null = null;

async function build(env: Env) {
  const strings = Object.fromEntries(Object.entries(env).filter(([, v]) => typeof v === "string")) as Record<string, string>;
  const config = parseConfig({ APP_ENV: "production", DEMO_MODE: "off", ...strings });
  const log = createLogger(config.logLevel);
  const keyText = `${config.keys.pseudonymKey}|${config.keys.vaultKey}`;
  if (!keyring || keyring.text !== keyText) {
    keyring = { text: keyText, keys: await createKeyring(config.keys.pseudonymKey!, config.keys.vaultKey!) };
  }
  const keys = keyring.keys;
  // One client per request, as the D1 adapter expects; its statements counted (D1: 1,000 per invocation).
  const { db: d1, counter } = countStatements(env.DB as object);
  const db = attachSql(new PrismaClient({ adapter: new PrismaD1(d1 as Env["DB"]) }) as unknown as Db, d1Sql(d1 as unknown as D1Like));
  // New files in R2; a file stored in its D1 row before the binding was added is still read there.
  if (env.MEDIA) attachMediaStore(db, layeredMediaStore(r2MediaStore(env.MEDIA), databaseMediaStore(db)));
  const now = () => new Date();
  const { senders, media, bot, articles } = await createChannels({ config, db, keys, log, now, initBot: false });
  const deps: WorkDeps = {
    articles,
    db,
    keys,
    log,
    now,
    senders,
    // No report renderers on Workers: /baocao answers with the HTML page (see README).
    compliance: defaultComplianceDeps({ criteria: criteriaRegistry(), ...config.compliance }),
    pacer: env.CHANNEL_PACER ? durablePacer(env.CHANNEL_PACER) : pacer,
    // D1's 1,000 statements per invocation, less a reserve for the sweep's other jobs after the bulletins'.
    statementsLeft: () => WORK_STATEMENT_BUDGET - counter.count,
    settings: coreSettingsOf(config),
  };
  /** Logs the invocation's D1 statements once its work is done (a request's at debug level: there are many). */
  const statements = (invocation: "fetch" | "scheduled" | "queue") =>
    (invocation === "fetch" ? log.debug : log.info)("worker.statements", { invocation, statements: counter.count });
  return { config, deps, bot, log, media, statements };
}

/** Signed admin commands for an operator's command line (`--remote`), when ADMIN_API_KEY is set; no report renderers here. */
const adminApiOf = (config: AppConfig) => (config.adminApiKey ? { adminApi: { key: config.adminApiKey, commands: adminCommands, config, posterFonts: () => POSTER_FONTS } } : {});

function isolateGuards(keys: Keyring, web: { powMaxNumber: number; tipsPerNetworkPerMinute: number }) {
  if (!guards || guards.keys !== keys) {
    guards = {
      keys,
      proofGate: createProofGate(keys, () => new Date(), { ...DEFAULT_PROOF_SETTINGS, maxNumber: web.powMaxNumber }),
      limiter: new MemoryLimiter(web.tipsPerNetworkPerMinute, 60_000),
    };
  }
  return guards;
}

export default {
  async fetch(request: Request, env: Env, ctx: WorkerExecutionContext): Promise<Response> {
    let built;
    try {
      built = await build(env);
    } catch (error) {
      const message = error instanceof ConfigError || error instanceof CriteriaFileError ? error.message : "configuration error";
      console.error(message);
      return new Response(JSON.stringify({ error: "server not configured" }), { status: 503, headers: { "Content-Type": "application/json" } });
    }
    const { config, deps, bot, log, media, statements } = built;
    // After the answer: handle what this request stored, send what that wrote (not the whole outbox).
    const ownWork = async () => {
      const before = await lastOutboxId(deps.db);
      await processPending(deps);
      await dispatchDue(deps, OWN_SENDS_PER_CHANNEL, { afterId: before, ...OWN_ROWS });
      if (env.OUTBOX_QUEUE) await queueDueWork(deps, env.OUTBOX_QUEUE, { afterId: before, ...OWN_ROWS });
      statements("fetch");
    };
    const app = createApp({
      db: deps.db,
      keys: deps.keys,
      log,
      now: deps.now,
      demo: config.demo,
      // With R2 a video may be as large as on Node; in D1 a row holds at most 2,000,000 bytes.
      uploadLimits: env.MEDIA ? config.uploads : { ...config.uploads, maxVideoBytes: D1_MAX_VIDEO_BYTES },
      ...webhookOptions(config, config.telegram.kind === "webhook" && bot ? await botUsernameOf(deps.db, bot.api, config.telegram.username) : undefined),
      media: config.publicUrl ? media : undefined,
      feeds: config.publicUrl ? { publicUrl: config.publicUrl } : undefined,
      ...adminApiOf(config),
      // Work for a new row runs after the answer, within this invocation (waitUntil).
      ingest: createIngest({
        db: deps.db,
        log,
        now: deps.now,
        onStored: () => ctx.waitUntil(ownWork().catch((e) => log.error("work.failed", { error: String(e).slice(0, 200) }))),
      }),
      webChat: {
        proofGate: isolateGuards(deps.keys, config.web).proofGate,
        tipLimiter: env.WEB_TIP_LIMITER ? bindingLimiter(env.WEB_TIP_LIMITER) : isolateGuards(deps.keys, config.web).limiter,
        ...(env.WEB_MESSAGE_LIMITER ? { messageLimiter: bindingMinuteLimiter(env.WEB_MESSAGE_LIMITER) } : {}),
        clientAddress: workerClientAddress,
      },
      console: { settings: deps.settings, compliance: deps.compliance, media, zaloOaUrl: config.zaloOaUrl, posterFonts: () => POSTER_FONTS },
    });
    return app.fetch(request);
  },

  async scheduled(_controller: unknown, env: Env, ctx: WorkerExecutionContext): Promise<void> {
    const { deps, bot, log, statements } = await build(env);
    ctx.waitUntil(
      (async () => {
        // The citizens' Telegram menu, once per isolate (Node sets it at start; a Worker has no start).
        if (bot && !citizenMenuSet) {
          await setCitizenMenu(bot.api, commandMenu({ staff: null, channel: "telegram" }), log);
          citizenMenuSet = true;
        }
        await processPending(deps);
        await sweep(deps);
        // Due rows (a bulletin slot's first minute included) go to the queue's consumers; without
        // the queue binding, this run sends a batch itself.
        if (env.OUTBOX_QUEUE) await queueDueWork(deps, env.OUTBOX_QUEUE);
        else await dispatchDue(deps);
        statements("scheduled");
      })(),
    );
  },

  /** The outbox queue's consumer (wrangler.toml [[queues.consumers]]): sends the rows of each message. */
  async queue(batch: WorkBatch, env: Env): Promise<void> {
    const { deps, log, statements } = await build(env);
    const result = await consumeOutboxWork(deps, batch.messages);
    log.info("outbox.queue_batch", { messages: batch.messages.length, sent: result.sent, waiting: result.waiting, stale: result.stale });
    statements("queue");
  },
};
