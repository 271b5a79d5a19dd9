// Telegram update → neutral Incoming. This is the anonymity boundary: the sender's user id,
// names, username, language code, phone number and file names stop here. Only a keyed
// pseudonym and a sealed reply address (with its keyed tag) leave this file.
import type { Update } from "grammy/types";
import type { Keyring } from "../../src/crypto/keys.js";
import { addressTagOf, pseudonymOf, sealAddress } from "../../src/crypto/pseudonym.js";
import type { Incoming, IncomingContent, MediaKind } from "../../src/messaging/types.js";

export interface NormalizeOptions {
  /**
   * The bot's own username (without "@"). When given, "/cmd@OtherBot" is recognised as meant
   * for another bot and ignored; without it any "@name" after a leading command is stripped.
   */
  botUsername?: string;
}

export interface NormalizedUpdate {
  externalId: string;
  incoming: Incoming | null;
}

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** A Telegram id (user or chat) as decimal text, or null when it is not a sane integer. */
function idText(value: unknown): string | null {
  if (typeof value === "number" && Number.isSafeInteger(value) && value !== 0) return String(value);
  if (typeof value === "string" && /^-?[1-9]\d{0,19}$/.test(value)) return value;
  return null;
}

const MIME = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,63}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,127}$/;

function mimeOf(value: unknown): string | undefined {
  const mime = str(value);
  return mime !== undefined && MIME.test(mime) ? mime.toLowerCase() : undefined;
}

/** Content a person sends that we cannot use: answered with "unsupported" in private chats. */
const UNSUPPORTED_CONTENT = [
  "contact",
  "poll",
  "dice",
  "game",
  "story",
  "invoice",
  "paid_media",
  "checklist",
  "giveaway",
  "giveaway_winners",
  "rich_message",
] as const;

/**
 * Service messages and other things nobody "said" to the bot: ignored even in private chats.
 * Anything neither handled, unsupported nor listed here is answered as unsupported in a private
 * chat (so a person sending some new kind of content still gets an answer) and ignored in groups.
 */
const SERVICE_FIELDS = [
  "new_chat_members",
  "left_chat_member",
  "new_chat_title",
  "new_chat_photo",
  "delete_chat_photo",
  "group_chat_created",
  "supergroup_chat_created",
  "channel_chat_created",
  "message_auto_delete_timer_changed",
  "migrate_to_chat_id",
  "migrate_from_chat_id",
  "pinned_message",
  "successful_payment",
  "refunded_payment",
  "users_shared",
  "chat_shared",
  "connected_website",
  "write_access_allowed",
  "passport_data",
  "proximity_alert_triggered",
  "boost_added",
  "chat_background_set",
  "forum_topic_created",
  "forum_topic_edited",
  "forum_topic_closed",
  "forum_topic_reopened",
  "general_forum_topic_hidden",
  "general_forum_topic_unhidden",
  "giveaway_created",
  "giveaway_completed",
  "gift",
  "gift_upgrade_sent",
  "unique_gift",
  "paid_message_price_changed",
  "direct_message_price_changed",
  "video_chat_scheduled",
  "video_chat_started",
  "video_chat_ended",
  "video_chat_participants_invited",
  "web_app_data",
  "checklist_tasks_done",
  "checklist_tasks_added",
  "chat_owner_left",
  "chat_owner_changed",
  "community_chat_added",
  "community_chat_removed",
  "community_chat_joined",
  "managed_bot_created",
  "poll_option_added",
  "poll_option_deleted",
  "suggested_post_info",
  "suggested_post_approved",
  "suggested_post_approval_failed",
  "suggested_post_declined",
  "suggested_post_paid",
  "suggested_post_refunded",
] as const;

const COMMAND_MENTION = /^(\/[A-Za-z0-9_]{1,64})@([A-Za-z0-9_]{1,64})(?=$|\s)/;

/**
 * "/tinbao@PhaoDaiBot abc" → "/tinbao abc" (only at the very start; the rest is untouched).
 * Returns null when the command names another bot.
 */
export function stripBotMention(text: string, botUsername?: string): string | null {
  const match = COMMAND_MENTION.exec(text);
  if (!match) return text;
  const [whole, command, name] = match;
  if (botUsername && name!.toLowerCase() !== botUsername.replace(/^@/, "").toLowerCase()) return null;
  return command! + text.slice(whole!.length);
}

function largestPhoto(sizes: unknown): string | undefined {
  if (!Array.isArray(sizes)) return undefined;
  let best: string | undefined;
  let bestArea = -1;
  for (const size of sizes) {
    if (!isObj(size)) continue;
    const fileId = str(size.file_id);
    if (!fileId) continue;
    const w = typeof size.width === "number" ? size.width : 0;
    const h = typeof size.height === "number" ? size.height : 0;
    const area = Number.isFinite(w * h) ? w * h : 0;
    if (area >= bestArea) {
      best = fileId;
      bestArea = area;
    }
  }
  return best;
}

function media(kind: MediaKind, file: unknown, message: Obj): IncomingContent | null {
  const fileRef = isObj(file) ? str(file.file_id) : undefined;
  if (!fileRef) return null;
  const content: IncomingContent & { kind: "media" } = { kind: "media", media: kind, fileRef };
  const caption = str(message.caption);
  if (caption !== undefined) content.caption = caption;
  const mime = isObj(file) ? mimeOf(file.mime_type) : undefined;
  if (mime) content.mime = mime;
  return content;
}

function coordinate(value: unknown, limit: number): number | null {
  return typeof value === "number" && Number.isFinite(value) && Math.abs(value) <= limit ? value : null;
}

type ContentResult = { content: IncomingContent } | { ignore: true };

/** Maps a message's content. Never copies contact data, file names, performers or venue titles. */
function messageContent(message: Obj, isGroup: boolean, botUsername: string | undefined): ContentResult {
  const unsupported = (what: string): ContentResult => (isGroup ? { ignore: true } : { content: { kind: "unsupported", what } });

  if ("text" in message) {
    const text = str(message.text);
    if (text === undefined) return { ignore: true };
    const stripped = stripBotMention(text, botUsername);
    if (stripped === null) return { ignore: true };
    return { content: { kind: "text", text: stripped } };
  }

  const candidates: Array<[string, () => IncomingContent | null]> = [
    // Order matters: an animation also carries `document`, a live photo also carries `photo`.
    ["animation", () => media("animation", message.animation, message)],
    ["sticker", () => media("sticker", message.sticker, message)],
    [
      "photo",
      () => {
        const fileRef = largestPhoto(message.photo);
        if (!fileRef) return null;
        const caption = str(message.caption);
        return caption !== undefined ? { kind: "media", media: "photo", fileRef, caption } : { kind: "media", media: "photo", fileRef };
      },
    ],
    ["video", () => media("video", message.video, message)],
    ["video_note", () => media("video", message.video_note, message)],
    ["voice", () => media("voice", message.voice, message)],
    ["audio", () => media("audio", message.audio, message)],
    [
      "document",
      () => {
        const mime = isObj(message.document) ? mimeOf(message.document.mime_type) : undefined;
        // Photos sent as files keep their EXIF (GPS included): the core refuses them by kind.
        return media(mime?.startsWith("image/") ? "image_file" : "document", message.document, message);
      },
    ],
    [
      "location",
      () => {
        const venue = isObj(message.venue) ? message.venue : undefined;
        const loc = venue && isObj(venue.location) ? venue.location : isObj(message.location) ? message.location : undefined;
        if (!loc) return null;
        const latitude = coordinate(loc.latitude, 90);
        const longitude = coordinate(loc.longitude, 180);
        if (latitude === null || longitude === null) return null;
        return { kind: "location", latitude, longitude };
      },
    ],
  ];
  for (const [field, build] of candidates) {
    if (field === "location" ? !("location" in message || "venue" in message) : !(field in message)) continue;
    const content = build();
    return content ? { content } : unsupported(field);
  }
  for (const field of UNSUPPORTED_CONTENT) if (field in message) return unsupported(field);
  for (const field of SERVICE_FIELDS) if (field in message) return { ignore: true };
  return unsupported("other");
}

async function build(
  keys: Keyring,
  userId: string,
  chatId: string,
  isGroup: boolean,
  content: IncomingContent,
  receivedAt: number,
): Promise<Incoming> {
  const address = { channel: "telegram", chatId };
  const [sender, sealed, tag] = await Promise.all([
    pseudonymOf(keys, "telegram", userId),
    sealAddress(keys, address),
    addressTagOf(keys, address),
  ]);
  return { channel: "telegram", sender, chat: { sealed, tag, isGroup }, content, receivedAt };
}

function isHuman(from: unknown): from is Obj {
  return isObj(from) && from.is_bot !== true;
}

async function convert(update: Obj, keys: Keyring, receivedAt: number, options: NormalizeOptions): Promise<Incoming | null> {
  // Only new messages in private chats and groups, and button presses, are for the core.
  // Edits, channel posts, business/guest messages, reactions, inline queries, membership
  // changes, polls and payments are ignored (null).
  if (isObj(update.message)) {
    const message = update.message;
    if (!isHuman(message.from)) return null; // bots, channels, anonymous admins, or no sender
    if (isObj(message.sender_chat)) return null; // sent on behalf of a chat: no person to answer
    const userId = idText(message.from.id);
    const chat = isObj(message.chat) ? message.chat : undefined;
    const chatId = chat ? idText(chat.id) : null;
    if (!userId || !chat || !chatId) return null;
    const type = str(chat.type);
    if (type === "channel") return null;
    const isGroup = type !== "private";
    const result = messageContent(message, isGroup, options.botUsername);
    if ("ignore" in result) return null;
    return build(keys, userId, chatId, isGroup, result.content, receivedAt);
  }

  if (isObj(update.callback_query)) {
    const query = update.callback_query;
    if (!isHuman(query.from)) return null;
    const userId = idText(query.from.id);
    const data = str(query.data);
    if (!userId || data === undefined) return null; // game buttons carry no data: not ours
    let chatId: string | null = userId; // no message (inline message): the user's private chat
    let isGroup = false;
    if (query.message !== undefined) {
      const chat = isObj(query.message) && isObj(query.message.chat) ? query.message.chat : undefined;
      chatId = chat ? idText(chat.id) : null;
      if (!chat || !chatId) return null;
      const type = str(chat.type);
      if (type === "channel") return null;
      isGroup = type !== "private";
    }
    return build(keys, userId, chatId, isGroup, { kind: "choice", data }, receivedAt);
  }

  return null;
}

/**
 * Turns any Telegram update into a neutral Incoming, or null when the core has nothing to do
 * with it. Never throws: unusable shapes give `incoming: null`.
 */
export async function updateToIncoming(
  update: Update,
  keys: Keyring,
  receivedAt: number,
  options: NormalizeOptions = {},
): Promise<NormalizedUpdate> {
  let externalId = "";
  try {
    const raw: unknown = update;
    if (!isObj(raw)) return { externalId, incoming: null };
    externalId = String(raw.update_id);
    return { externalId, incoming: await convert(raw, keys, receivedAt, options) };
  } catch {
    return { externalId, incoming: null };
  }
}
