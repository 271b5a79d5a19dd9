// Cloudflare Workers entry: the same app and core on D1. Keys come from Worker secrets;
// background work runs in waitUntil after each request and on the cron trigger.
import { PrismaD1 } from "@prisma/adapter-d1";
import { PrismaClient } from "./db/generated/worker/client.js";
import type { Db } from "./db/client.js";
import { attachSql, d1Sql, type D1Like } from "./db/sql.js";
import { ConfigError, parseConfig } from "./config/schema.js";
import { createKeyring, type Keyring } from "./crypto/keys.js";
import { createLogger } from "./log.js";
import { createApp } from "./app.js";
import { createIngest } from "./inbound/ingest.js";
import { bindingLimiter, MemoryLimiter, type RateLimitBinding } from "./http/limiter.js";
import { workerClientAddress } from "./http/client-address.js";
import { createProofGate, DEFAULT_PROOF_SETTINGS, type ProofGate } from "../bots/webchat/proof.js";
import { runWorkOnce, type WorkDeps } from "../bots/core/work/runner.js";
import { sweep } from "../bots/core/work/sweep.js";
import { dispatchDue } from "./outbox/dispatcher.js";
import { CriteriaFileError, criteriaRegistry } from "./compliance/criteria.js";
import { defaultComplianceDeps } from "./compliance/service.js";
import { createPacer } from "./outbox/pacing.js";
import { createChannels, webhookOptions } from "./channels.js";
import { commandMenu } from "../bots/core/help.js";
import { setCitizenMenu } from "../bots/telegram/menu.js";
import { coreSettingsOf } from "./config/core-settings.js";
import { telegramBotUsername } from "../bots/telegram/identity.js";

/** The largest web chat video on Workers: under D1's 2,000,000-byte row, with room for the row's other columns. */
const D1_MAX_VIDEO_BYTES = 1_900_000;

export interface Env {
  DB: ConstructorParameters<typeof PrismaD1>[0];
  /** wrangler.toml [[ratelimits]]: tips per client network; absent (tests, local), the in-memory limiter per isolate. */
  WEB_TIP_LIMITER?: RateLimitBinding;
  [name: string]: unknown;
}

interface WorkerExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
}

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
  // One client per request, as the D1 adapter expects.
  const db = attachSql(new PrismaClient({ adapter: new PrismaD1(env.DB) }) as unknown as Db, d1Sql(env.DB as unknown as D1Like));
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
    pacer,
    settings: coreSettingsOf(config),
  };
  return { config, deps, bot, log, media };
}

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
    const { config, deps, bot, log, media } = built;
    const app = createApp({
      db: deps.db,
      keys: deps.keys,
      log,
      now: deps.now,
      demo: config.demo,
      // D1 stores at most 2,000,000 bytes in a row: a web chat video stays under it.
      uploadLimits: { ...config.uploads, maxVideoBytes: D1_MAX_VIDEO_BYTES },
      ...webhookOptions(config, config.telegram.kind === "webhook" && bot ? await botUsernameOf(deps.db, bot.api, config.telegram.username) : undefined),
      media: config.publicUrl ? media : undefined,
      feeds: config.publicUrl ? { publicUrl: config.publicUrl } : undefined,
      // Work for a new row runs after the answer, within this invocation (waitUntil).
      ingest: createIngest({
        db: deps.db,
        log,
        now: deps.now,
        onStored: () => ctx.waitUntil(runWorkOnce(deps).catch((e) => log.error("work.failed", { error: String(e).slice(0, 200) }))),
      }),
      webChat: {
        proofGate: isolateGuards(deps.keys, config.web).proofGate,
        tipLimiter: env.WEB_TIP_LIMITER ? bindingLimiter(env.WEB_TIP_LIMITER) : isolateGuards(deps.keys, config.web).limiter,
        clientAddress: workerClientAddress,
      },
      console: { settings: deps.settings, compliance: deps.compliance, media, zaloOaUrl: config.zaloOaUrl },
    });
    return app.fetch(request);
  },

  async scheduled(_controller: unknown, env: Env, ctx: WorkerExecutionContext): Promise<void> {
    const { deps, bot, log } = await build(env);
    ctx.waitUntil(
      (async () => {
        // The citizens' Telegram menu, once per isolate (Node sets it at start; a Worker has no start).
        if (bot && !citizenMenuSet) {
          await setCitizenMenu(bot.api, commandMenu({ staff: null, channel: "telegram" }), log);
          citizenMenuSet = true;
        }
        await runWorkOnce(deps);
        await sweep(deps);
        // What the sweep queued (a bulletin slot's first messages) goes out now, not a minute later.
        await dispatchDue(deps);
      })(),
    );
  },
};
