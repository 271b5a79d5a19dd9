// The Hono app both runtimes serve: small sub-apps mounted on one root.
import type { UploadLimits } from "./media/uploads.js";
import { Hono } from "hono";
import { securityHeaders } from "./http/security.js";
import type { Db } from "./db/client.js";
import type { Keyring } from "./crypto/keys.js";
import type { Logger } from "./log.js";
import type { Ingest } from "./inbound/ingest.js";
import { refuse, TEMPORARILY_UNAVAILABLE } from "./http/answers.js";
import type { IntakeGauge } from "./util/yield.js";
import { classifyStorageError, probeStorage, STORAGE_HINTS } from "./db/storage-health.js";
import { webChatApp } from "../bots/webchat/api.js";
import { telegramWebhookApp } from "../bots/telegram/webhook.js";
import { zaloWebhookApp } from "../bots/zalo/webhook.js";
import { zaloBotWebhookApp } from "../bots/zalobot/webhook.js";
import { mediaLinkApp } from "./media/links.js";
import type { MediaSources } from "./media/fetch.js";
import { MemoryLimiter, type NetworkLimiter } from "./http/limiter.js";
import type { MinuteLimiter } from "./tips/limits.js";
import type { ClientAddress } from "./http/client-address.js";
import { createProofGate, DEFAULT_PROOF_SETTINGS, type ProofGate, type ProofSettings } from "../bots/webchat/proof.js";
import { consoleApp, type ConsoleOptions } from "./console/app.js";
import { adminApiApp, type AdminApiOptions } from "./http/admin-api.js";
import { feedsApp } from "./feeds/app.js";
import type { CoreSettings } from "./messaging/deps.js";
import { defaultComplianceDeps, type ComplianceDeps } from "./compliance/service.js";

/** Web chat flood guards: proof-of-work cost, and tips per client network (memory only). */
export interface WebChatGuards {
  proof?: Partial<ProofSettings>;
  /** A gate kept across requests (Workers build the app per request; its spent-proof map must outlive one). */
  proofGate?: ProofGate;
  /** Tips per minute from one network before they go to the held queue (in-memory limiter). */
  tipsPerNetworkPerMinute?: number;
  /** A platform limiter (Workers' rate limiting binding); the in-memory one when absent. */
  tipLimiter?: NetworkLimiter;
  /** Messages per conversation per minute on a platform limiter (Workers' binding); RateHit rows when absent. */
  messageLimiter?: MinuteLimiter;
  clientAddress?: ClientAddress;
}

export const DEFAULT_TIPS_PER_NETWORK_PER_MINUTE = 3;

export interface AppOptions {
  db: Db;
  keys: Keyring;
  log: Logger;
  now: () => Date;
  demo: boolean;
  demoCommuneCode?: string;
  uploadLimits?: UploadLimits;
  telegram?: { secret: string; botUsername?: string };
  /** Zalo Official Account webhook: app id and OA secret key for the signature. */
  zalo?: { appId: string; oaSecretKey: string };
  /** Zalo Bot webhook: the secret Zalo sends in X-Bot-Api-Secret-Token. */
  zalobot?: { secret: string };
  /** Serves short-lived sealed media links (/media/<token>) for platforms that take only URLs. */
  media?: MediaSources;
  /** Counts requests in progress, so background work can give way to them (Node). */
  intake?: IntakeGauge;
  /** Stores what every channel receives and starts background work for it (src/inbound/ingest.ts). */
  ingest: Ingest;
  webChat?: WebChatGuards;
  /** The staff console at /canbo/ (src/console): the core's settings (tip rules, PUBLIC_URL) and the compliance rules. */
  console?: { settings: CoreSettings; compliance?: ComplianceDeps; /** Where a village head's page reads recordings (without PUBLIC_URL too); `media` when absent. */ media?: MediaSources; /** The Telegram bot's username: invitation QR codes and posters open it. */ telegramBot?: string; /** The Zalo OA's page (ZALO_OA_URL): posters print its QR code. */ zaloOaUrl?: string; /** The posters' PDF fonts, as the runtime reads them. */ posterFonts?: ConsoleOptions["posterFonts"] };
  /** Village feeds for loudspeakers and podcast apps at /phat/<token>/ (src/feeds): needs PUBLIC_URL; recordings from `media`. */
  feeds?: { publicUrl: string };
  /** Signed admin commands at POST /quantri/lenh (src/http/admin-api.ts), when ADMIN_API_KEY is set. */
  adminApi?: Omit<AdminApiOptions, "db" | "keys" | "log" | "now">;
}

export function createApp(opts: AppOptions): Hono {
  const app = new Hono();
  app.use(securityHeaders());
  const gauge = opts.intake;
  if (gauge) {
    app.use(async (_c, next) => {
      gauge.active++;
      try {
        await next();
      } finally {
        gauge.active--;
      }
    });
  }

  // Reads are not enough: a full disk or a read-only file still answers SELECT. The probe writes.
  app.get("/health", async (c) => {
    const problem = await probeStorage(opts.db, opts.now());
    if (!problem) return c.json({ ok: true, database: "ok" });
    opts.log.error("storage.unhealthy", { reason: problem, hint: STORAGE_HINTS[problem] });
    return c.json({ ok: false, database: problem, hint: STORAGE_HINTS[problem] }, 503, { "Retry-After": "30" });
  });

  const { ingest } = opts;
  if (opts.telegram) {
    app.route("/", telegramWebhookApp({ secret: opts.telegram.secret, keys: opts.keys, botUsername: opts.telegram.botUsername, log: opts.log, ingest }));
  }
  if (opts.zalo) {
    app.route("/", zaloWebhookApp({ ...opts.zalo, db: opts.db, keys: opts.keys, log: opts.log, now: opts.now, ingest }));
  }
  if (opts.media) app.route("/", mediaLinkApp({ keys: opts.keys, media: opts.media, now: opts.now, db: opts.db }));
  if (opts.zalobot) {
    app.route("/", zaloBotWebhookApp({ secret: opts.zalobot.secret, db: opts.db, keys: opts.keys, log: opts.log, now: opts.now, ingest }));
  }

  if (opts.console) {
    const { settings, compliance } = opts.console;
    const recordings = opts.console.media ?? opts.media;
    app.route("/", consoleApp({ db: opts.db, keys: opts.keys, now: opts.now, settings, compliance: compliance ?? defaultComplianceDeps(), mediaLinks: opts.media !== undefined, log: opts.log, media: recordings, telegramBot: opts.console.telegramBot ?? opts.telegram?.botUsername, zaloOaUrl: opts.console.zaloOaUrl, posterFonts: opts.console.posterFonts }));
  }

  if (opts.adminApi) app.route("/", adminApiApp({ ...opts.adminApi, db: opts.db, keys: opts.keys, log: opts.log, now: opts.now }));

  if (opts.feeds) app.route("/", feedsApp({ db: opts.db, keys: opts.keys, log: opts.log, now: opts.now, publicUrl: opts.feeds.publicUrl, media: opts.media }));

  const guards = opts.webChat ?? {};
  app.route(
    "/",
    webChatApp({
      db: opts.db,
      keys: opts.keys,
      demo: opts.demo,
      demoCommuneCode: opts.demoCommuneCode,
      now: opts.now,
      uploadLimits: opts.uploadLimits,
      ingest,
      proof: guards.proofGate ?? createProofGate(opts.keys, opts.now, { ...DEFAULT_PROOF_SETTINGS, ...guards.proof }),
      tipLimiter: guards.tipLimiter ?? new MemoryLimiter(guards.tipsPerNetworkPerMinute ?? DEFAULT_TIPS_PER_NETWORK_PER_MINUTE, 60_000),
      messageLimiter: guards.messageLimiter,
      clientAddress: guards.clientAddress,
    }),
  );

  app.notFound((c) => c.json({ error: "not found" }, 404));
  // An unexpected failure must not look final to a platform: 503 makes it retry later.
  app.onError((error, c) => {
    const reason = classifyStorageError(error);
    if (reason) opts.log.error("storage.write_failed", { path: c.req.path, reason, hint: STORAGE_HINTS[reason] });
    else opts.log.error("http.error", { path: c.req.path, error: error.message.slice(0, 200) });
    return refuse(c, "retry_later", TEMPORARILY_UNAVAILABLE);
  });
  return app;
}
