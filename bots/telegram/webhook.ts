// The Telegram webhook as a Hono sub-app. We do not use grammY's webhookCallback: it throws on a
// malformed JSON body, which Hono turns into a 500 that Telegram retries again and again. Here
// every outcome is chosen: 401 wrong secret, 413 too big, 400 not an update, 503 storage failed
// (Telegram retries later), 200 only once the update is stored — carrying the acknowledgement of a
// button press as a method call, so no extra request to Telegram is made per press.
import { Hono } from "hono";
import type { Api } from "grammy";
import type { Update } from "grammy/types";
import type { Keyring } from "../../src/crypto/keys.js";
import { safeEqual } from "../../src/crypto/keys.js";
import type { Logger } from "../../src/log.js";
import type { Incoming } from "../../src/messaging/types.js";
import { updateToIncoming } from "./normalize.js";

export const WEBHOOK_BODY_LIMIT = 1024 * 1024;
const SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

export type TelegramIngest = (channel: "telegram", externalId: string, incoming: Incoming | null) => Promise<void>;

export interface TelegramWebhookOptions {
  secret: string;
  keys: Keyring;
  ingest: TelegramIngest;
  now?: () => number;
  /** The bot's username, to tell "/cmd@ThisBot" from "/cmd@OtherBot" in groups. */
  botUsername?: string;
  /** Only event names and codes are logged: never bodies, ids or names. */
  log?: Logger;
}

type BodyResult = { ok: true; text: string } | { ok: false; tooLarge: boolean };

async function readLimited(request: Request, limit: number): Promise<BodyResult> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) return { ok: false, tooLarge: true };
  if (!request.body) return { ok: true, text: "" };
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, tooLarge: true };
      }
      parts.push(value);
    }
  } catch {
    return { ok: false, tooLarge: false };
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.byteLength;
  }
  return { ok: true, text: new TextDecoder().decode(bytes) };
}

function errorCode(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === "string" ? `${error.name}:${code}` : error.name;
  }
  return typeof error;
}

/** The id of a button press in an update, if it is one. */
export function callbackQueryId(update: unknown): string | null {
  if (typeof update !== "object" || update === null) return null;
  const query = (update as { callback_query?: { id?: unknown } }).callback_query;
  return typeof query?.id === "string" && query.id !== "" && query.id.length <= 256 ? query.id : null;
}

/** Acknowledges a button press (long polling); failures only mean the button spins a little longer. */
export async function answerCallbackBestEffort(api: Api | undefined, update: unknown): Promise<void> {
  if (!api || typeof update !== "object" || update === null) return;
  const query = (update as { callback_query?: { id?: unknown } }).callback_query;
  if (typeof query?.id !== "string" || query.id === "") return;
  try {
    // grammY on Node types its signal after the abort-controller package; a native one works.
    const signal = AbortSignal.timeout(2_000) as unknown as Parameters<Api["answerCallbackQuery"]>[2];
    await api.answerCallbackQuery(query.id, undefined, signal);
  } catch {
    // best effort
  }
}

export function telegramWebhookApp(opts: TelegramWebhookOptions): Hono {
  const now = opts.now ?? (() => Date.now());
  const app = new Hono();

  app.post("/telegram/webhook", async (c) => {
    const given = c.req.header(SECRET_HEADER) ?? "";
    if (opts.secret === "" || !safeEqual(given, opts.secret)) return c.body(null, 401);

    const body = await readLimited(c.req.raw, WEBHOOK_BODY_LIMIT);
    if (!body.ok) return body.tooLarge ? c.json({ ok: false }, 413) : c.json({ ok: false }, 400);
    let update: unknown;
    try {
      update = JSON.parse(body.text);
    } catch {
      return c.json({ ok: false }, 400);
    }
    if (typeof update !== "object" || update === null || Array.isArray(update)) return c.json({ ok: false }, 400);
    const updateId = (update as { update_id?: unknown }).update_id;
    if (typeof updateId !== "number" || !Number.isSafeInteger(updateId) || updateId < 0) return c.json({ ok: false }, 400);

    const { externalId, incoming } = await updateToIncoming(update as Update, opts.keys, now(), { botUsername: opts.botUsername });
    try {
      await opts.ingest("telegram", externalId, incoming);
    } catch (error) {
      opts.log?.warn("telegram.webhook.ingest_failed", { error: errorCode(error) });
      return c.json({ ok: false }, 503);
    }
    // A button press is acknowledged in the answer itself (Telegram runs a method given in a webhook's
    // reply): the button stops spinning with no request of ours, and only once the press is stored.
    const callbackId = callbackQueryId(update);
    if (callbackId) return c.json({ method: "answerCallbackQuery", callback_query_id: callbackId }, 200);
    return c.json({ ok: true }, 200);
  });

  // Never a 500: Telegram would retry it just the same, and a 503 says "try later" honestly.
  app.onError((error, c) => {
    opts.log?.error("telegram.webhook.error", { error: errorCode(error) });
    return c.json({ ok: false }, 503);
  });

  return app;
}
