// POST /zalobot/webhook: X-Bot-Api-Secret-Token checked in constant time (401, nothing changes),
// body read with a limit, update made neutral and stored before the 200. Wrapped and flat bodies.
import { Hono } from "hono";
import type { Db } from "../../src/db/client.js";
import type { Keyring } from "../../src/crypto/keys.js";
import { safeEqual } from "../../src/crypto/keys.js";
import type { Logger } from "../../src/log.js";
import type { Incoming } from "../../src/messaging/types.js";
import { errorCode, readLimited } from "../zalo/http.js";
import { parseBotUpdate, toIncoming } from "./normalize.js";

export const SECRET_HEADER = "X-Bot-Api-Secret-Token";
const BODY_LIMIT = 256 * 1024;

export type ZaloBotIngest = (channel: "zalobot", externalId: string, incoming: Incoming) => Promise<void>;

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
  app.post("/zalobot/webhook", async (c) => {
    const given = c.req.header(SECRET_HEADER) ?? "";
    if (opts.secret === "" || !safeEqual(given, opts.secret)) return c.body(null, 401);
    const body = await readLimited(c.req.raw, BODY_LIMIT);
    if (!body.ok) return body.tooLarge ? c.json({ ok: false }, 413) : c.json({ ok: false }, 400);
    let update: unknown;
    try {
      update = JSON.parse(body.text);
    } catch {
      return c.json({ ok: false }, 400);
    }
    if (typeof update !== "object" || update === null || Array.isArray(update)) return c.json({ ok: false }, 400);
    const parsed = parseBotUpdate(update);
    if (!parsed) return c.json({ ok: true }, 200);
    try {
      const now = opts.now();
      const { externalId, incoming } = await toIncoming(opts.db, opts.keys, parsed, now);
      await opts.ingest("zalobot", externalId, incoming);
    } catch (error) {
      opts.log?.warn("zalobot.webhook.ingest_failed", { error: errorCode(error) });
      return c.json({ ok: false }, 503);
    }
    return c.json({ ok: true }, 200);
  });
  app.onError((error, c) => {
    opts.log?.error("zalobot.webhook.error", { error: errorCode(error) });
    return c.json({ ok: false }, 503);
  });
  return app;
}
