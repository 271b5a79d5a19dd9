// The Telegram webhook as a Hono sub-app. We do not use grammY's webhookCallback: it throws on a
// malformed JSON body, which Hono turns into a 500 that Telegram retries again and again. Here
// every outcome is chosen: 401 wrong secret, 413 too big, 400 not an update, 503 storage failed
// (Telegram retries later), 200 only once the update is stored — carrying the acknowledgement of a
// button press as a method call, so no extra request to Telegram is made per press.
import { Hono } from "hono";
import type { Api } from "grammy";
import type { Update } from "grammy/types";
import type { Keyring } from "../../src/crypto/keys.js";
import { errorCode, type Logger } from "../../src/log.js";
import type { Ingest } from "../../src/inbound/ingest.js";
import { bodyText, limitBody, parseJsonObject, refuse, requireSecret, retryLaterOnError } from "../../src/http/answers.js";
import { updateToIncoming } from "./normalize.js";

export const WEBHOOK_BODY_LIMIT = 1024 * 1024;
const SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

export type TelegramIngest = Ingest<"telegram">;

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

  app.post("/telegram/webhook", requireSecret(SECRET_HEADER, opts.secret), limitBody(WEBHOOK_BODY_LIMIT), async (c) => {
    const text = await bodyText(c);
    const update = text === null ? null : parseJsonObject(text);
    const updateId = update?.update_id;
    if (typeof updateId !== "number" || !Number.isSafeInteger(updateId) || updateId < 0) return refuse(c, "malformed");

    const { externalId, incoming } = await updateToIncoming(update as unknown as Update, opts.keys, now(), { botUsername: opts.botUsername });
    try {
      await opts.ingest("telegram", externalId, incoming);
    } catch (error) {
      opts.log?.warn("telegram.webhook.ingest_failed", { error: errorCode(error) });
      return refuse(c, "retry_later");
    }
    // A button press is acknowledged in the answer itself (Telegram runs a method given in a webhook's
    // reply): the button stops spinning with no request of ours, and only once the press is stored.
    const callbackId = callbackQueryId(update);
    if (callbackId) return c.json({ method: "answerCallbackQuery", callback_query_id: callbackId }, 200);
    return c.json({ ok: true }, 200);
  });

  app.onError(retryLaterOnError(opts.log, "telegram.webhook.error"));

  return app;
}
