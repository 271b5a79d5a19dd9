// The Hono app both runtimes serve: small sub-apps mounted on one root.
import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import type { Api } from "grammy";
import type { Db } from "./db/client.js";
import type { Keyring } from "./crypto/keys.js";
import type { Logger } from "./log.js";
import { storeIncoming } from "./inbound/store.js";
import { webChatApp } from "../bots/webchat/api.js";
import { telegramWebhookApp } from "../bots/telegram/webhook.js";
import { zaloWebhookApp } from "../bots/zalo/webhook.js";
import { zaloBotWebhookApp } from "../bots/zalobot/webhook.js";
import { mediaLinkApp } from "./media/links.js";
import type { MediaSources } from "./media/fetch.js";

export interface AppOptions {
  db: Db;
  keys: Keyring;
  log: Logger;
  now: () => Date;
  demo: boolean;
  demoCommuneCode?: string;
  telegram?: { secret: string; api?: Api; botUsername?: string };
  /** Zalo Official Account webhook: app id and OA secret key for the signature. */
  zalo?: { appId: string; oaSecretKey: string };
  /** Zalo Bot webhook: the secret Zalo sends in X-Bot-Api-Secret-Token. */
  zalobot?: { secret: string };
  /** Serves short-lived sealed media links (/media/<token>) for platforms that take only URLs. */
  media?: MediaSources;
  /** Runs background work soon after an incoming is stored (Node: the work loop; Workers: waitUntil). */
  onStored: () => void;
}

export function createApp(opts: AppOptions): Hono {
  const app = new Hono();
  app.use(secureHeaders({ referrerPolicy: "no-referrer" }));

  app.get("/health", async (c) => {
    try {
      await opts.db.$queryRawUnsafe("SELECT 1");
      return c.json({ ok: true, database: "ok" });
    } catch {
      return c.json({ ok: false, database: "unavailable" }, 503);
    }
  });

  if (opts.telegram) {
    app.route(
      "/",
      telegramWebhookApp({
        secret: opts.telegram.secret,
        keys: opts.keys,
        api: opts.telegram.api,
        botUsername: opts.telegram.botUsername,
        log: opts.log,
        ingest: async (channel, externalId, incoming) => {
          const result = await storeIncoming(opts.db, channel, externalId, incoming, opts.now());
          if (result === "stored") opts.onStored();
        },
      }),
    );
  }

  const ingest = async (channel: "zalo" | "zalobot", externalId: string, incoming: Parameters<typeof storeIncoming>[3]) => {
    const result = await storeIncoming(opts.db, channel, externalId, incoming, opts.now());
    if (result === "stored") opts.onStored();
  };
  if (opts.zalo) {
    app.route("/", zaloWebhookApp({ ...opts.zalo, db: opts.db, keys: opts.keys, log: opts.log, now: opts.now, ingest }));
  }
  if (opts.media) app.route("/", mediaLinkApp({ keys: opts.keys, media: opts.media, now: opts.now }));
  if (opts.zalobot) {
    app.route("/", zaloBotWebhookApp({ secret: opts.zalobot.secret, db: opts.db, keys: opts.keys, log: opts.log, now: opts.now, ingest }));
  }

  app.route(
    "/",
    webChatApp({ db: opts.db, keys: opts.keys, demo: opts.demo, demoCommuneCode: opts.demoCommuneCode, now: opts.now, onStored: opts.onStored }),
  );

  app.notFound((c) => c.json({ error: "not found" }, 404));
  // An unexpected failure must not look final to a platform: 503 makes it retry later.
  app.onError((error, c) => {
    opts.log.error("http.error", { path: c.req.path, error: error.message.slice(0, 200) });
    return c.json({ error: "temporarily unavailable" }, 503, { "Retry-After": "5" });
  });
  return app;
}
