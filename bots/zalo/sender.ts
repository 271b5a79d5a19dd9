// Neutral OutgoingMessage → Zalo OA consultation messages. Choices become numbered lines (and are
// remembered for the chat); pictures from any channel are fetched, stripped of metadata and
// uploaded; voice, audio and video go as files under neutral names; a location becomes a map link.
import type { Db } from "../../src/db/client.js";
import type { Keyring } from "../../src/crypto/keys.js";
import { addressTagOf } from "../../src/crypto/pseudonym.js";
import { fetchMediaBytes, type MediaSources } from "../../src/media/fetch.js";
import { vi } from "../../src/i18n/vi.js";
import { viZaloMedia } from "../../src/i18n/vi-zalo.js";
import type { ChannelSender, OutgoingMedia, OutgoingMessage, SendResult } from "../core/types.js";
import { numberChoices, renderWithChoices, storePendingChoices } from "./choices.js";
import { classifyZaloError } from "./errors.js";
import { ZaloApiError, ZaloHttpError, ZaloTokenError, type ZaloOaClient } from "./client.js";

export const ZALO_TEXT_LIMIT = 2000;
const IMAGE_LIMIT = 1024 * 1024;
const FILE_LIMIT = 5 * 1024 * 1024;

const FILE_EXT: Record<string, string> = {
  "audio/ogg": "ogg",
  "audio/mpeg": "mp3",
  "audio/mp4": "m4a",
  "audio/aac": "aac",
  "audio/x-m4a": "m4a",
  "video/mp4": "mp4",
  "video/quicktime": "mov",
  "video/webm": "webm",
  "application/pdf": "pdf",
};

/** Splits at line breaks (else spaces, else hard) into chunks Zalo accepts. */
export function splitForZalo(text: string, limit = ZALO_TEXT_LIMIT): string[] {
  const chunks: string[] = [];
  let rest = text;
  while ([...rest].length > limit) {
    const chars = [...rest];
    const window = chars.slice(0, limit).join("");
    let cut = window.lastIndexOf("\n");
    if (cut < window.length / 2) cut = window.lastIndexOf(" ");
    if (cut < window.length / 2) cut = window.length;
    chunks.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^[\n ]/, "");
  }
  chunks.push(rest);
  return chunks.filter((c) => c.trim() !== "");
}

/** Maps a failure to what the dispatcher needs. Errors name no person. */
export function zaloSendResult(error: unknown, now: Date): SendResult & { ok: false } {
  if (error instanceof ZaloApiError) {
    const action = classifyZaloError(error.code, now);
    if (action.kind === "unreachable") return { ok: false, permanent: false, unreachable: true, error: error.message };
    if (action.kind === "retry") return { ok: false, permanent: false, error: error.message, ...(action.afterSeconds !== undefined ? { retryAfterSeconds: action.afterSeconds } : {}) };
    return { ok: false, permanent: true, error: error.message };
  }
  if (error instanceof ZaloTokenError) return { ok: false, permanent: false, retryAfterSeconds: 300, error: error.message };
  if (error instanceof ZaloHttpError) return { ok: false, permanent: false, error: error.message };
  return { ok: false, permanent: false, error: `zalo: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300) };
}

export interface ZaloSenderOptions {
  client: ZaloOaClient;
  db: Db;
  keys: Keyring;
  /** Where media of every channel can be fetched from (for re-upload). */
  media?: MediaSources;
  now?: () => Date;
}

export function createZaloSender(opts: ZaloSenderOptions): ChannelSender {
  const { client } = opts;
  const now = opts.now ?? (() => new Date());

  /** Sends the media part; returns the message id, or a line to add to the text when it cannot be sent. */
  async function sendMedia(userId: string, media: OutgoingMedia, caption: string | undefined): Promise<{ id?: string; note?: string }> {
    const kindName = vi.media[media.kind] ?? media.kind;
    if (media.kind === "location") {
      if (typeof media.latitude !== "number" || typeof media.longitude !== "number") return {};
      return { note: viZaloMedia.location(media.latitude, media.longitude) };
    }
    const found = await fetchMediaBytes(opts.media ?? {}, media);
    if (!found) return { note: viZaloMedia.unavailable(kindName) };
    if (media.kind === "photo" && found.mime.startsWith("image/") && found.bytes.length <= IMAGE_LIMIT) {
      const attachmentId = await client.uploadImage(found.bytes, found.mime);
      return { id: await client.sendImage(userId, { attachmentId }, caption) };
    }
    if (found.bytes.length > FILE_LIMIT) return { note: viZaloMedia.unavailable(kindName) };
    const name = `${media.kind}.${FILE_EXT[found.mime] ?? (found.mime === "image/png" ? "png" : found.mime.startsWith("image/") ? "jpg" : "bin")}`;
    const token = await client.uploadFile(found.bytes, name, found.mime);
    return { id: await client.sendFile(userId, token) };
  }

  return {
    channel: "zalo",
    async send(userId, message: OutgoingMessage): Promise<SendResult> {
      const numbered = numberChoices(message.choices);
      let firstId: string | undefined;
      let sent = 0;
      try {
        let text = message.text;
        if (message.media) {
          const captionFits = text.trim() !== "" && [...text].length <= ZALO_TEXT_LIMIT && numbered.length === 0;
          const result = await sendMedia(userId, message.media, message.media.kind === "photo" && captionFits ? text : undefined);
          if (result.id) {
            firstId = result.id;
            sent++;
            if (message.media.kind === "photo" && captionFits) text = "";
          }
          if (result.note) text = text.trim() === "" ? result.note : `${text}\n${result.note}`;
        }
        const chunks = splitForZalo(renderWithChoices(text, numbered));
        for (const chunk of chunks) {
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
