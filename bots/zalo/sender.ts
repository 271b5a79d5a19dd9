// Neutral OutgoingMessage → Zalo OA consultation messages. Choices become numbered lines (and are
// remembered for the chat), kept together in the last part of a long text; pictures from any
// channel are fetched, stripped of metadata and uploaded (≤ 1 MB as an image, else as a file);
// recordings, videos and server-made files (reports) go as files under neutral or server-made
// names (≤ 5 MB); a file Zalo will not carry becomes a sealed short-lived link, or is explained; a
// location becomes a map link.
import { formatDateTimeVN } from "../../src/util/vietnam-time.js";
import type { Db } from "../../src/db/client.js";
import type { Keyring } from "../../src/crypto/keys.js";
import { addressTagOf } from "../../src/crypto/pseudonym.js";
import { fetchMediaBytes, isWithheld, type MediaSources } from "../../src/media/fetch.js";
import { withheldLine } from "../../src/i18n/vi-media.js";
import { vi } from "../../src/i18n/vi.js";
import { viZaloMedia } from "../../src/i18n/vi-zalo.js";
import { noGroupsToLeave, type ChannelSender, type OutgoingMedia, type OutgoingMessage, type SendResult } from "../../src/messaging/types.js";
import { numberChoices, storePendingChoices } from "../core/numbered-choices.js";
import { renderForZalo, withMediaNote, ZALO_TEXT_LIMIT } from "../core/numbered-text.js";
import { messagesFor } from "../../src/i18n/messages.js";
import { downloadName, mediaLinkExpiry, sealMediaLink } from "../../src/media/links.js";
import { viZaloDelivery } from "../../src/i18n/vi-zalo-delivery.js";
import { classifyZaloError } from "./errors.js";
import { ZaloApiError, ZaloHttpError, ZaloTokenError, type ZaloOaClient } from "./client.js";

/** Reported limits of the OA upload endpoints (reference/zalo.md). */
export const IMAGE_LIMIT = 1024 * 1024;
export const FILE_LIMIT = 5 * 1024 * 1024;

/** Maps a failure to what the dispatcher needs. Errors name no person. */
export function zaloSendResult(error: unknown, now: Date): SendResult & { ok: false } {
  if (error instanceof ZaloApiError) {
    const action = classifyZaloError(error.code, now);
    if (action.kind === "unreachable") return { ok: false, permanent: false, unreachable: true, error: error.message };
    if (action.kind === "retry") return { ok: false, permanent: false, error: error.message, ...(action.afterSeconds !== undefined ? { retryAfterSeconds: action.afterSeconds } : {}) };
    return { ok: false, permanent: true, error: error.message };
  }
  if (error instanceof ZaloTokenError) return { ok: false, permanent: false, retryAfterSeconds: 300, error: error.message };
  if (error instanceof ZaloHttpError) return { ok: false, permanent: false, error: error.message, ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}) };
  return { ok: false, permanent: false, error: `zalo: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300) };
}

export interface ZaloSenderOptions {
  client: ZaloOaClient;
  db: Db;
  keys: Keyring;
  /** Where media of every channel can be fetched from (for re-upload). */
  media?: MediaSources;
  now?: () => Date;
  /**
   * The server's public address: a file Zalo will not carry (over 5 MB, or a type it refuses) is
   * then offered as a sealed short-lived download link (src/media/links.ts); without it, explained.
   */
  publicUrl?: string;
}

/** Zalo refused the upload itself (a type or size it does not take): retrying will not help. */
function uploadRefused(error: unknown, now: Date): boolean {
  return error instanceof ZaloApiError && classifyZaloError(error.code, now).kind === "permanent";
}

export function createZaloSender(opts: ZaloSenderOptions): ChannelSender {
  const { client } = opts;
  const now = opts.now ?? (() => new Date());

  /** A line offering the file by a sealed link, or saying why it could not come. */
  async function fallback(userId: string, media: OutgoingMedia, label: string, why: { tooBig: number } | "refused"): Promise<string> {
    if (opts.publicUrl) {
      const url = await sealMediaLink(opts.keys, opts.publicUrl, media, now(), { channel: "zalo", chatId: userId });
      return viZaloDelivery.link(label, url, formatDateTimeVN(mediaLinkExpiry(now())));
    }
    return why === "refused" ? viZaloDelivery.refused(label) : viZaloDelivery.tooBig(label, why.tooBig, FILE_LIMIT);
  }

  /** Sends the media part; returns the message id, or a line to add to the text when it cannot be sent. */
  async function sendMedia(userId: string, media: OutgoingMedia, caption: string | undefined): Promise<{ id?: string; note?: string; captioned?: boolean }> {
    const kindName = vi.media[media.kind] ?? media.kind;
    if (media.kind === "location") {
      if (typeof media.latitude !== "number" || typeof media.longitude !== "number") return {};
      return { note: viZaloMedia.location(media.latitude, media.longitude) };
    }
    const found = await fetchMediaBytes(opts.media ?? {}, media);
    if (isWithheld(found)) return { note: withheldLine(found.withheld, media.kind) };
    if (!found) return { note: viZaloMedia.unavailable(kindName) };
    const mime = found.mime.split(";")[0]!.trim().toLowerCase();
    const name = downloadName(media, mime);
    const label = media.fileName ? name : media.kind === "voice" || media.kind === "audio" ? viZaloDelivery.recording : kindName;
    if (media.kind === "photo" && mime.startsWith("image/") && found.bytes.length <= IMAGE_LIMIT) {
      try {
        const attachmentId = await client.uploadImage(found.bytes, mime);
        return { id: await client.sendImage(userId, { attachmentId }, caption), captioned: caption !== undefined };
      } catch (error) {
        if (!uploadRefused(error, now())) throw error;
        // Refused as an image: try it as a file below.
      }
    }
    // Bigger pictures, recordings, videos and documents go as files under a neutral or server-made name.
    if (found.bytes.length > FILE_LIMIT) return { note: await fallback(userId, media, label, { tooBig: found.bytes.length }) };
    let token: string;
    try {
      token = await client.uploadFile(found.bytes, name, mime);
    } catch (error) {
      if (!uploadRefused(error, now())) throw error;
      return { note: await fallback(userId, media, label, "refused") };
    }
    return { id: await client.sendFile(userId, token) };
  }

  return {
    channel: "zalo",
    // No group chats on this channel (alert groups are Telegram only): nothing to leave.
    async leave() {
      return noGroupsToLeave("zalo");
    },
    async send(userId, message: OutgoingMessage): Promise<SendResult> {
      const numbered = numberChoices(message.choices, message.numericAnswer);
      let firstId: string | undefined;
      let sent = 0;
      try {
        let text = message.text;
        if (message.media) {
          const captionFits = text.trim() !== "" && text.length <= ZALO_TEXT_LIMIT && numbered.length === 0;
          const result = await sendMedia(userId, message.media, message.media.kind === "photo" && captionFits ? text : undefined);
          if (result.id) {
            firstId = result.id;
            sent++;
            if (result.captioned) text = "";
          }
          if (result.note) text = withMediaNote(result.note, text);
        }
        for (const chunk of renderForZalo(text, numbered, ZALO_TEXT_LIMIT, messagesFor(message.locale))) {
          const id = await client.sendText(userId, chunk);
          firstId ??= id;
          sent++;
        }
        if (firstId === undefined) return { ok: false, permanent: true, error: "nothing to send: empty text and no usable media" };
        if (numbered.length > 0) {
          await storePendingChoices(opts.db, await addressTagOf(opts.keys, { channel: "zalo", chatId: userId }), numbered, now());
        }
        return { ok: true, externalMessageId: firstId };
      } catch (error) {
        const result = zaloSendResult(error, now());
        return sent > 0 ? { ...result, error: `${result.error} (after ${sent} part(s) sent)` } : result;
      }
    },
  };
}
