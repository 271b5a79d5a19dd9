// POST /zalo/webhook: the Zalo OA event endpoint. Order of work: read the raw body (limited),
// verify X-ZEvent-Signature over it (401 and nothing changes when wrong or missing), read the
// event, pseudonymise, store the neutral incoming (repeats of a msg_id are dropped by the store's
// unique key), answer 200. The core handles it afterwards. Never a 500: a storage failure is a 503
// (Zalo re-sends), anything unusable but authentic is acknowledged with 200 and ignored.
import { Hono, type MiddlewareHandler } from "hono";
import type { Db } from "../../src/db/client.js";
import type { Keyring } from "../../src/crypto/keys.js";
import { errorCode, type Logger } from "../../src/log.js";
import { addressTagOf, pseudonymOf, sealAddress } from "../../src/crypto/pseudonym.js";
import { markFollowed, markUnfollowed } from "../../src/outbox/window.js";
import type { Incoming, IncomingContent } from "../../src/messaging/types.js";
import type { Ingest } from "../../src/inbound/ingest.js";
import { bodyText, limitBody, parseJsonObject, refuse, retryLaterOnError } from "../../src/http/answers.js";
import { parseZaloEvent } from "./events.js";
import { dropBulletinsToUnfollowed } from "../../src/bulletins/subscriptions.js";
import { loadPendingChoices, matchChoice } from "../core/numbered-choices.js";
import { SIGNATURE_HEADER, verifyZaloSignature } from "./signature.js";
import { ZALO_COVER_PATH } from "../../src/config/schema.js";
import { digestCoverPng } from "./cover.js";

export const ZALO_BODY_LIMIT = 256 * 1024;

/**
 * An authentic event is taken only within this window of its own timestamp (ms, in the signed
 * body): a recorded event replayed later does nothing, so received-update rows, which catch
 * repeats, need keeping only a little longer than this (src/inbound/prune.ts). Zalo re-sends an
 * unanswered event within seconds (reference/zalo.md), far inside the window.
 */
export const ZALO_EVENT_MAX_AGE_MS = 15 * 60_000;
/** Clocks differ a little; an event from further in the future than this is no live event. */
export const ZALO_EVENT_MAX_AHEAD_MS = 5 * 60_000;

/** Whether an event's timestamp is live now. */
export function isLiveZaloEvent(timestamp: string, now: Date): boolean {
  if (!/^\d{10,16}$/.test(timestamp)) return false;
  const age = now.getTime() - Number(timestamp);
  return age <= ZALO_EVENT_MAX_AGE_MS && age >= -ZALO_EVENT_MAX_AHEAD_MS;
}

export type ZaloIngest = Ingest<"zalo">;

export interface ZaloWebhookOptions {
  appId: string;
  oaSecretKey: string;
  db: Db;
  keys: Keyring;
  ingest: ZaloIngest;
  now: () => Date;
  /** Only event names and codes are logged: never bodies, ids or names. */
  log?: Logger;
}

/** What the follow greeting asks of the core (a hidden command). */
export const FOLLOW_COMMAND = "/chao";

export async function chatOf(keys: Keyring, userId: string) {
  const address = { channel: "zalo", chatId: userId };
  const [sender, sealed, tag] = await Promise.all([pseudonymOf(keys, "zalo", userId), sealAddress(keys, address), addressTagOf(keys, address)]);
  return { sender, chat: { sealed, tag, isGroup: false } };
}

export function zaloWebhookApp(opts: ZaloWebhookOptions): Hono {
  const { db, keys, log } = opts;
  const app = new Hono();

  // The digest article's default cover: Zalo fetches it from PUBLIC_URL when the article is created.
  app.get(ZALO_COVER_PATH, (c) => c.body(digestCoverPng() as Uint8Array<ArrayBuffer>, 200, { "Content-Type": "image/png", "Cache-Control": "public, max-age=86400" }));

  // The signature is checked over the raw text, so the header's presence is all that can be checked first.
  const signed: MiddlewareHandler = async (c, next) => (c.req.header(SIGNATURE_HEADER) ? next() : refuse(c, "unauthenticated"));
  app.post("/zalo/webhook", signed, limitBody(ZALO_BODY_LIMIT), async (c) => {
    const signature = c.req.header(SIGNATURE_HEADER)!;
    const text = await bodyText(c);
    if (text === null) return refuse(c, "malformed");
    let event: unknown;
    try {
      event = JSON.parse(text);
    } catch {
      return refuse(c, "unauthenticated"); // without a readable timestamp the signature cannot be checked
    }
    const obj = parseJsonObject(text);
    const timestamp = obj && (typeof obj.timestamp === "string" || typeof obj.timestamp === "number") ? String(obj.timestamp) : "";
    if (!(await verifyZaloSignature(signature, opts.appId, text, timestamp, opts.oaSecretKey))) return refuse(c, "unauthenticated");
    if (obj && obj.app_id !== undefined && String(obj.app_id) !== opts.appId) return refuse(c, "unauthenticated");

    const now = opts.now();
    // Answered 200 like any authentic event Zalo should not re-send, but nothing is stored or done.
    if (!isLiveZaloEvent(timestamp, now)) {
      log?.warn("zalo.webhook.stale", { ageMinutes: /^\d+$/.test(timestamp) ? Math.round((now.getTime() - Number(timestamp)) / 60_000) : null });
      return c.json({ ok: true }, 200);
    }
    try {
      for (const item of parseZaloEvent(event)) {
        if (item.type === "ignore") {
          log?.debug("zalo.webhook.ignored", { reason: item.reason.slice(0, 60) });
          continue;
        }
        const { sender, chat } = await chatOf(keys, item.userId);
        if (item.type === "unfollow") {
          await markUnfollowed(db, "zalo", chat.tag, now);
          await dropBulletinsToUnfollowed(db, chat.tag);
          log?.info("zalo.webhook.unfollow");
          continue;
        }
        let content: IncomingContent;
        let externalId: string;
        if (item.type === "follow") {
          await markFollowed(db, "zalo", chat.tag, now);
          content = { kind: "text", text: FOLLOW_COMMAND };
          externalId = await keys.tag("zalo-event", `follow:${item.userId}:${item.timestamp}`);
        } else {
          content = item.content;
          externalId = await keys.tag("zalo-event", item.externalId);
          if (content.kind === "text") {
            // "2" or the words of a choice shown in this chat become that choice.
            const data = matchChoice(content.text, await loadPendingChoices(db, chat.tag, now));
            if (data !== null) content = { kind: "choice", data };
          }
        }
        const incoming: Incoming = { channel: "zalo", sender, chat, content, receivedAt: now.getTime() };
        // Presence (the interaction window) and the release of held messages are noted when the
        // update is handled, not here: the 200 waits only for the update to be stored.
        await opts.ingest("zalo", externalId, incoming);
      }
    } catch (error) {
      log?.warn("zalo.webhook.ingest_failed", { error: errorCode(error) });
      return refuse(c, "retry_later");
    }
    return c.json({ ok: true }, 200);
  });

  app.onError(retryLaterOnError(log, "zalo.webhook.error"));
  return app;
}
