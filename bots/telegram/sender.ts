// Neutral OutgoingMessage → Telegram Bot API calls. Always new messages or copies by file_id,
// never a forward (a forward shows who originally sent it).
import { GrammyError, HttpError, InputFile, type Api } from "grammy";
import type { InlineKeyboardMarkup, Message, ReplyParameters } from "grammy/types";
import type { ChannelSender, Choice, OutgoingMedia, OutgoingMessage, SendResult } from "../../src/messaging/types.js";
import { isWithheld, fetchMediaBytes, type MediaSources, type MediaWithheld } from "../../src/media/fetch.js";
import { withheldLine } from "../../src/i18n/vi-media.js";
import { setChatMenu } from "./menu.js";

export const TEXT_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;
export const CALLBACK_DATA_LIMIT = 64;

export interface TelegramSenderOptions {
  /**
   * Fetches media held elsewhere so it can be uploaded: web-chat uploads and server-made files (report
   * pages) as they are stored, another platform's (Zalo) stripped of metadata. Without it such media
   * is skipped (text only).
   */
  media?: MediaSources;
  /**
   * Invalid buttons (callback data over 64 bytes, empty label) are a programming error. Strict
   * (the default when NODE_ENV is "development" or "test") throws; otherwise the message fails
   * permanently with a clear error, without calling Telegram.
   */
  strict?: boolean;
}

const encoder = new TextEncoder();

function defaultStrict(): boolean {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.NODE_ENV === "development" || env?.NODE_ENV === "test";
}

/** Inline keyboard for the choices, or an error message when a button is invalid. */
export function inlineKeyboard(choices: Choice[][] | undefined): InlineKeyboardMarkup | undefined | { invalid: string } {
  if (!choices) return undefined;
  const rows = choices.filter((row) => row.length > 0);
  if (rows.length === 0) return undefined;
  for (const row of rows) {
    for (const choice of row) {
      const bytes = encoder.encode(choice.data).length;
      if (bytes < 1 || bytes > CALLBACK_DATA_LIMIT) {
        return { invalid: `Telegram callback_data must be 1–${CALLBACK_DATA_LIMIT} bytes of UTF-8; "${choice.data}" has ${bytes}` };
      }
      if (choice.label.trim() === "") return { invalid: `Telegram button for "${choice.data}" has an empty label` };
    }
  }
  return { inline_keyboard: rows.map((row) => row.map((c) => ({ text: c.label, callback_data: c.data }))) };
}

/**
 * Splits text into chunks of at most `limit` UTF-16 units (Telegram counts at most that many
 * characters): at the last line break in the window when there is one in its second half, else at
 * the last space, else hard (never inside a surrogate pair). Whitespace-only chunks are dropped.
 */
export function splitText(text: string, limit = TEXT_LIMIT): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    let cut = window.lastIndexOf("\n");
    let skip = 1;
    if (cut < limit / 2) {
      cut = Math.max(window.lastIndexOf(" "), window.lastIndexOf("\t"));
      if (cut < limit / 2) {
        cut = limit;
        skip = 0;
        const code = rest.charCodeAt(cut - 1);
        if (code >= 0xd800 && code <= 0xdbff) cut -= 1; // keep a surrogate pair together
      }
    }
    chunks.push(rest.slice(0, cut));
    rest = rest.slice(cut + skip);
  }
  chunks.push(rest);
  return chunks.filter((chunk) => chunk.trim() !== "");
}

function chatIdOf(chatId: string): number | string {
  return /^-?\d{1,16}$/.test(chatId) && Number.isSafeInteger(Number(chatId)) ? Number(chatId) : chatId;
}

function replyParameters(replyTo: string | undefined): ReplyParameters | undefined {
  if (!replyTo || !/^\d{1,15}$/.test(replyTo)) return undefined;
  const id = Number(replyTo);
  return id > 0 ? { message_id: id, allow_sending_without_reply: true } : undefined;
}

/** Maps a failed Bot API call to what the dispatcher needs. Errors name no person. */
export function toSendResult(error: unknown): SendResult & { ok: false } {
  if (error instanceof GrammyError) {
    const text = `telegram ${error.error_code}: ${error.description}`.slice(0, 300);
    if (error.error_code === 429) {
      const retry = error.parameters?.retry_after;
      return typeof retry === "number" && retry >= 0
        ? { ok: false, permanent: false, retryAfterSeconds: retry, error: text }
        : { ok: false, permanent: false, error: text };
    }
    // 5xx: Telegram's trouble. 401/404: our token is wrong (every call fails), not this chat's fault.
    if (error.error_code >= 500 || error.error_code === 401 || error.error_code === 404) {
      return { ok: false, permanent: false, error: text };
    }
    // 403 blocked/kicked, 400 chat not found, migrated group, bad request: retrying will not help.
    return { ok: false, permanent: true, error: text };
  }
  if (error instanceof HttpError) return { ok: false, permanent: false, error: `telegram network: ${error.message}`.slice(0, 300) };
  return { ok: false, permanent: false, error: `telegram: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300) };
}

const EXT: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "video/mp4": "mp4",
  "video/webm": "webm",
  "video/quicktime": "mov",
  "video/3gpp": "3gp",
  "audio/ogg": "ogg",
  "audio/mpeg": "mp3",
  "audio/mp4": "m4a",
  "audio/aac": "aac",
  "audio/amr": "amr",
  "audio/wav": "wav",
  "audio/webm": "weba",
  "application/pdf": "pdf",
};

/** A neutral name: never the uploader's original file name. */
function fileName(kind: OutgoingMedia["kind"], mime: string): string {
  return `${kind}.${EXT[mime.toLowerCase()] ?? "bin"}`;
}

/**
 * How a voice recording from another platform plays on Telegram: OGG/Opus as a voice note, MP3 and
 * M4A in the audio player (sendAudio takes only those), anything else (AAC, AMR…) as a file.
 */
export function voiceAs(mime: string): "voice" | "audio" | "document" {
  if (mime === "audio/ogg") return "voice";
  return mime === "audio/mpeg" || mime === "audio/mp4" || mime === "audio/x-m4a" ? "audio" : "document";
}

type FileMedia = OutgoingMedia & { kind: "photo" | "video" | "voice" | "audio" | "document" };

export function createTelegramSender(api: Api, options: TelegramSenderOptions = {}): ChannelSender {
  const strict = options.strict ?? defaultStrict();

  /**
   * The file to send and how: a voice note from another platform that is not OGG/Opus goes as a
   * document. Bytes from another platform or the web chat come through fetchMediaBytes, so every
   * picture is re-encoded and every video or recording rewritten; withheld when that cannot be.
   */
  async function fileSource(media: FileMedia): Promise<{ file: InputFile | string; as: FileMedia["kind"] } | MediaWithheld | null> {
    const as = media.kind;
    // Telegram re-compresses photos; a citizen's video, voice note or audio file (an MP3's performer
    // and title show in the player) is fetched and cleaned like any other platform's, or withheld.
    const clean = media.citizen === true && media.kind !== "photo";
    if (clean && media.channel === "telegram" && !options.media?.telegram) return { withheld: "file" };
    if (media.channel === "telegram" && media.fileRef && !clean) return { file: media.fileRef, as };
    if ((media.webUploadId !== undefined || media.fileRef) && options.media) {
      const found = await fetchMediaBytes(options.media, media);
      if (isWithheld(found)) return found;
      if (found) {
        const name = media.webUploadId !== undefined && media.fileName ? media.fileName : fileName(media.kind, found.mime);
        return { file: new InputFile(found.bytes, name), as: media.kind === "voice" ? voiceAs(found.mime) : as };
      }
    }
    // A citizen's Telegram file that cannot be fetched (over the Bot API's 20 MB) cannot be checked either.
    if (clean && media.channel === "telegram") return { withheld: "file" };
    return null; // a file of another platform that cannot be fetched: text only
  }

  return {
    channel: "telegram",
    async leave(chatIdText): Promise<SendResult> {
      try {
        await api.leaveChat(chatIdOf(chatIdText));
        return { ok: true };
      } catch (error) {
        return toSendResult(error);
      }
    },
    async setCommandMenu(chatIdText, entries): Promise<SendResult> {
      try {
        await setChatMenu(api, chatIdOf(chatIdText), entries);
        return { ok: true };
      } catch (error) {
        return toSendResult(error);
      }
    },
    async send(chatIdText, message: OutgoingMessage, thread): Promise<SendResult> {
      const keyboard = inlineKeyboard(message.choices);
      if (keyboard && "invalid" in keyboard) {
        if (strict) throw new Error(keyboard.invalid);
        return { ok: false, permanent: true, error: keyboard.invalid };
      }
      const chatId = chatIdOf(chatIdText);
      let replyTo = replyParameters(thread?.replyToExternalId);
      const protect = message.protect ? { protect_content: true as const } : {};
      let firstId: number | undefined;
      let sentCount = 0;

      // Each step sends one message; reply_parameters goes on the first one only.
      const common = () => {
        const extra = { ...protect, ...(replyTo ? { reply_parameters: replyTo } : {}) };
        replyTo = undefined;
        return extra;
      };
      const record = (sent: Message) => {
        firstId ??= sent.message_id;
        sentCount++;
      };

      try {
        let text = message.text;
        let keyboardPending = keyboard;
        const media = message.media;
        if (media?.kind === "location") {
          if (typeof media.latitude === "number" && typeof media.longitude === "number") {
            const markup = text.trim() === "" && keyboardPending ? { reply_markup: keyboardPending } : {};
            if ("reply_markup" in markup) keyboardPending = undefined;
            record(await api.sendLocation(chatId, media.latitude, media.longitude, { ...common(), ...markup }));
          }
        } else if (media) {
          const found = await fileSource(media as FileMedia);
          // A file that could not be made safe: the officer reads why, under the tip.
          if (isWithheld(found)) text = `${text}\n\n${withheldLine(found.withheld, media.kind)}`.trim();
          else if (found !== null) {
            const source = found.file;
            const withCaption = text.trim() !== "" && text.length <= CAPTION_LIMIT;
            const extra = {
              ...common(),
              ...(withCaption ? { caption: text } : {}),
              ...((withCaption || text.trim() === "") && keyboardPending ? { reply_markup: keyboardPending } : {}),
            };
            if (withCaption) text = "";
            if ("reply_markup" in extra) keyboardPending = undefined;
            switch (found.as) {
              case "photo":
                record(await api.sendPhoto(chatId, source, extra));
                break;
              case "video":
                record(await api.sendVideo(chatId, source, extra));
                break;
              case "voice":
                record(await api.sendVoice(chatId, source, extra));
                break;
              case "audio":
                record(await api.sendAudio(chatId, source, extra));
                break;
              case "document":
                record(await api.sendDocument(chatId, source, extra));
                break;
            }
          }
        }

        const chunks = splitText(text);
        for (let i = 0; i < chunks.length; i++) {
          const last = i === chunks.length - 1;
          const markup = last && keyboardPending ? { reply_markup: keyboardPending } : {};
          record(await api.sendMessage(chatId, chunks[i]!, { ...common(), ...markup }));
        }
        if (firstId === undefined) return { ok: false, permanent: true, error: "nothing to send: empty text and no usable media" };
        return { ok: true, externalMessageId: String(firstId) };
      } catch (error) {
        const result = toSendResult(error);
        // A retry resends the whole message: the parts already delivered will repeat.
        return sentCount > 0 ? { ...result, error: `${result.error} (after ${sentCount} part(s) sent)` } : result;
      }
    },
  };
}
