// POST /zalobot/webhook: X-Bot-Api-Secret-Token checked in constant time (401, nothing changes),
// body read with a limit, update made neutral and stored before the 200. Wrapped and flat bodies.
import { Hono } from "hono";
import type { Db } from "../../src/db/client.js";
import type { Keyring } from "../../src/crypto/keys.js";
import { errorCode, type Logger } from "../../src/log.js";
import type { Ingest } from "../../src/inbound/ingest.js";
import { bodyText, limitBody, parseJsonObject, refuse, requireSecret, retryLaterOnError } from "../../src/http/answers.js";
import { parseBotUpdate, toIncoming } from "./normalize.js";

export const SECRET_HEADER = "X-Bot-Api-Secret-Token";
const BODY_LIMIT = 256 * 1024;

export type ZaloBotIngest = Ingest<"zalobot">;

export interface ZaloBotWebhookOptions {
  secret: string;
  db: Db;
  keys: Keyring;
  ingest: ZaloBotIngest;
  now: () => Date;
  log?: Logger;
}

export function zaloBotWebhookApp(opts: ZaloBotWebhookOptions): Hono {
  const app = new Hono();
  app.post("/zalobot/webhook", requireSecret(SECRET_HEADER, opts.secret), limitBody(BODY_LIMIT), async (c) => {
    const text = await bodyText(c);
    const update = text === null ? null : parseJsonObject(text);
    if (!update) return refuse(c, "malformed");
    const parsed = parseBotUpdate(update);
    if (!parsed) return c.json({ ok: true }, 200);
    try {
      const now = opts.now();
      const { externalId, incoming } = await toIncoming(opts.db, opts.keys, parsed, now);
      await opts.ingest("zalobot", externalId, incoming);
    } catch (error) {
      opts.log?.warn("zalobot.webhook.ingest_failed", { error: errorCode(error) });
      return refuse(c, "retry_later");
    }
    return c.json({ ok: true }, 200);
  });
  app.onError(retryLaterOnError(opts.log, "zalobot.webhook.error"));
  return app;
}
