// Zalo Bot update → neutral Incoming. The anonymity boundary for Zalo Bot: from.id, display_name,
// first_name and the chat id stop here; only a keyed pseudonym and a sealed address leave.
import type { Db } from "../../src/db/client.js";
import type { Keyring } from "../../src/crypto/keys.js";
import { addressTagOf, pseudonymOf, sealAddress } from "../../src/crypto/pseudonym.js";
import type { Incoming, IncomingContent } from "../../src/messaging/types.js";
import { loadPendingChoices, matchChoice } from "../core/numbered-choices.js";

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => typeof value === "object" && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

function idText(value: unknown): string | null {
  const text = typeof value === "number" && Number.isSafeInteger(value) ? String(value) : str(value);
  return text !== undefined && /^[A-Za-z0-9_-]{1,64}$/.test(text) ? text : null;
}

function urlText(value: unknown): string | undefined {
  const text = str(value);
  if (!text || text.length > 2048) return undefined;
  try {
    const url = new URL(text);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

export interface ParsedBotUpdate {
  messageId: string;
  userId: string;
  chatId: string;
  isGroup: boolean;
  content: IncomingContent;
}

/** The update inside a body: wrapped {ok, result:{…}} or flat {event_name, message}. */
export function unwrapUpdate(body: unknown): Obj | null {
  if (!isObj(body)) return null;
  if ("result" in body) return isObj(body.result) ? body.result : null;
  return body;
}

/** Pure: reads one update. Null when the core has nothing to do with it. Never throws. */
export function parseBotUpdate(body: unknown): ParsedBotUpdate | null {
  try {
    const update = unwrapUpdate(body);
    if (!update || !isObj(update.message)) return null;
    const message = update.message;
    const from = isObj(message.from) ? message.from : undefined;
    if (!from || from.is_bot === true) return null;
    const userId = idText(from.id);
    const chat = isObj(message.chat) ? message.chat : undefined;
    const chatId = idText(chat?.id) ?? userId;
    const messageId = idText(message.message_id);
    if (!userId || !chatId || !messageId) return null;
    const isGroup = str(chat?.chat_type)?.toUpperCase() === "GROUP";
    const eventName = str(update.event_name) ?? "";
    const text = str(message.text);
    const photo = urlText(message.photo_url);
    let content: IncomingContent;
    if (eventName === "message.image.received" || (!eventName && photo)) {
      if (!photo) return isGroup ? null : { messageId, userId, chatId, isGroup, content: { kind: "unsupported", what: "image" } };
      const caption = str(message.caption);
      content = caption?.trim() ? { kind: "media", media: "photo", fileRef: photo, caption } : { kind: "media", media: "photo", fileRef: photo };
    } else if (eventName === "message.sticker.received" || (!eventName && "sticker" in message)) {
      content = { kind: "media", media: "sticker" };
    } else if (eventName === "message.text.received" || (!eventName && text !== undefined)) {
      if (text === undefined) return null;
      content = { kind: "text", text };
    } else if (eventName === "message.unsupported.received" || eventName.startsWith("message.")) {
      if (isGroup) return null;
      content = { kind: "unsupported", what: eventName.replace(/^message\.|\.received$/g, "") || "other" };
    } else {
      return null;
    }
    return { messageId, userId, chatId, isGroup, content };
  } catch {
    return null;
  }
}

/** Parsed update → stored-ready Incoming: pseudonym, sealed address, and typed numbers made choices. */
export async function toIncoming(db: Db, keys: Keyring, parsed: ParsedBotUpdate, now: Date): Promise<{ externalId: string; incoming: Incoming }> {
  const address = { channel: "zalobot", chatId: parsed.chatId };
  const [sender, sealed, tag, externalId] = await Promise.all([
    pseudonymOf(keys, "zalobot", parsed.userId),
    sealAddress(keys, address),
    addressTagOf(keys, address),
    keys.tag("zalobot-msg", parsed.messageId),
  ]);
  let content = parsed.content;
  if (content.kind === "text") {
    const data = matchChoice(content.text, await loadPendingChoices(db, tag, now));
    if (data !== null) content = { kind: "choice", data };
  }
  return { externalId, incoming: { channel: "zalobot", sender, chat: { sealed, tag, isGroup: parsed.isGroup }, content, receivedAt: now.getTime() } };
}
