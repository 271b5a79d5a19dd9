// Neutral OutgoingMessage → Zalo Bot sendMessage / sendPhoto. No buttons on this platform either:
// choices are numbered lines, remembered for the chat. sendPhoto takes only a URL: with a public
// URL the photo goes as a short-lived sealed link to our server (bytes fetched from the source
// channel and re-encoded; a picture that cannot be is withheld and the text says so); without one,
// no photo can be sent (a Zalo address would hand out bytes nobody cleaned) and the text says so. Other files (a report, a recording)
// cannot be sent at all: with a public URL they come as a sealed short-lived download link in the
// text (src/media/links.ts checks a report's scope on every download).
import { formatDateTimeVN } from "../../src/util/vietnam-time.js";
import type { Db } from "../../src/db/client.js";
import type { Keyring } from "../../src/crypto/keys.js";
import { addressTagOf } from "../../src/crypto/pseudonym.js";
import { vi } from "../../src/i18n/vi.js";
import { viZaloMedia } from "../../src/i18n/vi-zalo.js";
import { noGroupsToLeave, type ChannelSender, type OutgoingMessage, type SendResult } from "../../src/messaging/types.js";
import { numberChoices, storePendingChoices } from "../core/numbered-choices.js";
import { renderForZalo, withMediaNote, ZALO_TEXT_LIMIT } from "../core/numbered-text.js";
import { messagesFor } from "../../src/i18n/messages.js";
import { viZaloDelivery } from "../../src/i18n/vi-zalo-delivery.js";
import { ZaloBotApiError, type ZaloBotClient } from "./client.js";
import { DEFAULT_RATE_LIMIT_WAIT_SECONDS } from "../../src/util/retry-after.js";
import { mediaLinkExpiry, sealMediaLink } from "../../src/media/links.js";
import { fetchMediaBytes, isWithheld, type MediaSources } from "../../src/media/fetch.js";
import { withheldLine } from "../../src/i18n/vi-media.js";

export function zaloBotSendResult(error: unknown): SendResult & { ok: false } {
  if (error instanceof ZaloBotApiError) {
    if (error.code === 429) {
      // A rate limit holds the whole channel (the dispatcher pauses it) for the wait named, or a default.
      return { ok: false, permanent: false, error: error.message, retryAfterSeconds: error.retryAfterSeconds ?? DEFAULT_RATE_LIMIT_WAIT_SECONDS };
    }
    if (error.code >= 500 || error.code === 401 || error.code === 404 || error.code === 408) {
      return { ok: false, permanent: false, error: error.message, ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}) };
    }
    return { ok: false, permanent: true, error: error.message };
  }
  return { ok: false, permanent: false, error: error instanceof Error ? error.message.slice(0, 300) : "zalobot: error" };
}

export function createZaloBotSender(opts: { client: ZaloBotClient; db: Db; keys: Keyring; now?: () => Date; publicUrl?: string; media?: MediaSources }): ChannelSender {
  const now = opts.now ?? (() => new Date());
  return {
    channel: "zalobot",
    // No group chats on this channel (alert groups are Telegram only): nothing to leave.
    async leave() {
      return noGroupsToLeave("zalobot");
    },
    async send(chatId, message: OutgoingMessage): Promise<SendResult> {
      const numbered = numberChoices(message.choices, message.numericAnswer);
      let text = message.text;
      let firstId: string | undefined;
      let sent = 0;
      try {
        const media = message.media;
        if (media?.kind === "location" && typeof media.latitude === "number" && typeof media.longitude === "number") {
          text = withMediaNote(viZaloMedia.location(media.latitude, media.longitude), text);
        } else if (media) {
          // The platform fetches a link later: a file our server would refuse to serve is named now
          // (a picture that does not decode, a citizen's video or recording that cannot be cleaned).
          const check = opts.media && (media.kind === "photo" ? !!opts.publicUrl : media.webUploadId === undefined);
          const checked = check && opts.media ? await fetchMediaBytes(opts.media, media) : null;
          const url = media.kind === "photo" && !isWithheld(checked) && opts.publicUrl ? await sealMediaLink(opts.keys, opts.publicUrl, media, now(), { channel: "zalobot", chatId }) : null;
          if (isWithheld(checked)) {
            text = withMediaNote(withheldLine(checked.withheld, media.kind), text);
          } else if (url) {
            const captionFits = numbered.length === 0 && text.length <= ZALO_TEXT_LIMIT;
            firstId = await opts.client.sendPhoto(chatId, url, captionFits ? text : undefined);
            sent++;
            if (captionFits) text = "";
          } else if (media.kind !== "photo" && opts.publicUrl && (media.fileRef || media.webUploadId !== undefined)) {
            // No file sending on this platform: a report or a recording comes as a private short-lived link.
            const label = media.fileName && /\.[A-Za-z0-9]{2,5}$/.test(media.fileName) ? media.fileName : media.kind === "voice" || media.kind === "audio" ? viZaloDelivery.recording : (vi.media[media.kind] ?? media.kind);
            const link = viZaloDelivery.link(label, await sealMediaLink(opts.keys, opts.publicUrl, media, now(), { channel: "zalobot", chatId }), formatDateTimeVN(mediaLinkExpiry(now())));
            text = withMediaNote(link, text);
          } else {
            text = withMediaNote(viZaloMedia.unavailable(vi.media[media.kind] ?? media.kind), text);
          }
        }
        for (const chunk of renderForZalo(text, numbered, ZALO_TEXT_LIMIT, messagesFor(message.locale))) {
          const id = await opts.client.sendMessage(chatId, chunk);
          firstId ??= id;
          sent++;
        }
        if (firstId === undefined) return { ok: false, permanent: true, error: "nothing to send" };
        if (numbered.length > 0) await storePendingChoices(opts.db, await addressTagOf(opts.keys, { channel: "zalobot", chatId }), numbered, now());
        return { ok: true, externalMessageId: firstId };
      } catch (error) {
        const result = zaloBotSendResult(error);
        return sent > 0 ? { ...result, error: `${result.error} (after ${sent} part(s) sent)` } : result;
      }
    },
  };
}
