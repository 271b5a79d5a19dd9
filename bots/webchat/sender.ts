import type { Db } from "../../src/db/client.js";
import type { Keyring } from "../../src/crypto/keys.js";
import { addressTagOf } from "../../src/crypto/pseudonym.js";
import { vi } from "../../src/i18n/vi.js";
import { noGroupsToLeave, type ChannelSender, type OutgoingMessage } from "../../src/messaging/types.js";

export interface WebChatPayload {
  text: string;
  choices?: { label: string; data: string }[][];
  media?: { kind: string; uploadUrl?: string; fileName?: string; latitude?: number; longitude?: number };
  /** Carries a receipt code: the page keeps it in view with a copy button (the server blanks it once fetched). */
  secret?: boolean;
}

/** Renders a neutral message for the browser. Media held by another platform cannot be shown here. */
export function renderForWeb(message: OutgoingMessage): WebChatPayload {
  const payload: WebChatPayload = { text: message.text };
  if (message.choices) payload.choices = message.choices;
  if (message.secret) payload.secret = true;
  const media = message.media;
  if (media) {
    if (media.kind === "location") payload.media = { kind: "location", latitude: media.latitude, longitude: media.longitude };
    else if (media.webUploadId !== undefined) {
      payload.media = { kind: media.kind, uploadUrl: `/webchat/api/uploads/${media.webUploadId}` };
      if (media.fileName) payload.media.fileName = media.fileName;
    }
    else payload.text = `${message.text}\n${vi.web.mediaElsewhere(vi.media[media.kind] ?? media.kind)}`;
  }
  return payload;
}

/** "Sending" to a browser stores the message until the page fetches it. */
export function createWebChatSender(db: Db, keys: Keyring): ChannelSender {
  return {
    channel: "web",
    // No group chats on this channel (alert groups are Telegram only): nothing to leave.
    async leave() {
      return noGroupsToLeave("web");
    },
    async send(chatId, message) {
      const addressTag = await addressTagOf(keys, { channel: "web", chatId });
      const row = await db.webChatMessage.create({ data: { addressTag, payload: JSON.stringify(renderForWeb(message)), secret: message.secret === true } });
      return { ok: true, externalMessageId: String(row.id) };
    },
  };
}
