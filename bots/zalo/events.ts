// Zalo OA webhook event → what the core needs. This is the anonymity boundary for Zalo: the
// user's id (sender.id / follower.id) leaves this file only to be pseudonymised by the webhook;
// user_id_by_app, names, file names, link titles, business cards and submitted forms never do.
import type { IncomingContent, MediaKind } from "../../src/messaging/types.js";

export type ZaloEvent =
  /** Something a person said. A message with several attachments gives one event per attachment. */
  | { type: "message"; externalId: string; userId: string; content: IncomingContent }
  | { type: "follow"; userId: string; timestamp: string }
  | { type: "unfollow"; userId: string; timestamp: string }
  | { type: "ignore"; reason: string };

type Obj = Record<string, unknown>;

const isObj = (value: unknown): value is Obj => typeof value === "object" && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/** Zalo ids are digit strings; test fixtures and redacted samples may hold letters. */
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

function coordinate(value: unknown, limit: number): number | null {
  const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
  return Number.isFinite(n) && Math.abs(n) <= limit ? n : null;
}

const IMAGE_EXTENSIONS = /^(jpe?g|png|gif|webp|heic|heif|bmp|tiff?)$/i;

/** Events from our own sends, receipts and OA bookkeeping: acknowledged and ignored. */
const QUIET_EVENTS = /^(oa_send_|user_received_message|user_seen_message|add_user_to_tag|remove_user_from_tag|user_reacted_message|oa_reacted_message)/;

/** Message events and the media kind each attachment becomes (the Telegram twin's kind). */
const MEDIA_EVENTS: Record<string, MediaKind> = {
  user_send_image: "photo",
  user_send_gif: "animation",
  user_send_sticker: "sticker",
  user_send_audio: "voice",
  user_send_video: "video",
};

function attachmentsOf(message: Obj): Obj[] {
  const list = message.attachments;
  return Array.isArray(list) ? list.filter(isObj) : [];
}

function mediaContent(kind: MediaKind, attachment: Obj, caption: string | undefined): IncomingContent | null {
  const payload = isObj(attachment.payload) ? attachment.payload : {};
  const url = urlText(payload.url) ?? (kind === "sticker" ? str(payload.id) : undefined);
  if (!url) return kind === "sticker" ? { kind: "media", media: "sticker" } : null;
  const content: IncomingContent & { kind: "media" } = { kind: "media", media: kind, fileRef: url };
  if (caption !== undefined && caption.trim() !== "") content.caption = caption;
  return content;
}

function fileContent(attachment: Obj): IncomingContent | null {
  const payload = isObj(attachment.payload) ? attachment.payload : {};
  const url = urlText(payload.url);
  if (!url) return null;
  // The file name is never copied: only its extension decides whether it is a photo kept as a
  // file (EXIF and GPS intact), which the core refuses, or a document, which it refuses too.
  const type = str(payload.type) ?? str(payload.name)?.split(".").pop() ?? "";
  return { kind: "media", media: IMAGE_EXTENSIONS.test(type.replace(/^\./, "")) ? "image_file" : "document", fileRef: url };
}

function contentsOf(eventName: string, message: Obj): IncomingContent[] | null {
  const text = str(message.text);
  switch (eventName) {
    case "user_send_text":
    case "anonymous_send_text":
      return text === undefined ? null : [{ kind: "text", text }];
    case "user_send_link": {
      // On Telegram a link is text: the same here (the words, else the address).
      const attachment = attachmentsOf(message)[0];
      const url = attachment && isObj(attachment.payload) ? urlText(attachment.payload.url) : undefined;
      const said = text?.trim() ? text : url;
      return said === undefined ? null : [{ kind: "text", text: said }];
    }
    case "user_send_location": {
      const attachment = attachmentsOf(message)[0];
      const payload = attachment && isObj(attachment.payload) ? attachment.payload : undefined;
      const coordinates = payload && isObj(payload.coordinates) ? payload.coordinates : undefined;
      const latitude = coordinate(coordinates?.latitude, 90);
      const longitude = coordinate(coordinates?.longitude, 180);
      if (latitude === null || longitude === null) return [{ kind: "unsupported", what: "location" }];
      return [{ kind: "location", latitude, longitude }];
    }
    case "user_send_file": {
      const contents = attachmentsOf(message).map(fileContent).filter((c): c is IncomingContent => c !== null);
      return contents.length > 0 ? contents : [{ kind: "unsupported", what: "file" }];
    }
    case "user_send_business_card":
      return [{ kind: "unsupported", what: "business_card" }];
    case "user_submit_info":
      return [{ kind: "unsupported", what: "submit_info" }];
  }
  const kind = MEDIA_EVENTS[eventName];
  if (kind) {
    const contents = attachmentsOf(message)
      .map((a, i) => mediaContent(kind, a, i === 0 ? text : undefined))
      .filter((c): c is IncomingContent => c !== null);
    return contents.length > 0 ? contents : [{ kind: "unsupported", what: eventName }];
  }
  return null;
}

/** Reads one webhook body (already authenticated). Never throws; unknown shapes are ignored. */
export function parseZaloEvent(body: unknown): ZaloEvent[] {
  try {
    if (!isObj(body)) return [{ type: "ignore", reason: "not an object" }];
    const eventName = str(body.event_name);
    if (!eventName) return [{ type: "ignore", reason: "no event_name" }];
    if (QUIET_EVENTS.test(eventName)) return [{ type: "ignore", reason: eventName }];
    const timestamp = str(body.timestamp) ?? (typeof body.timestamp === "number" ? String(body.timestamp) : "");

    if (eventName === "follow" || eventName === "unfollow") {
      const follower = isObj(body.follower) ? body.follower : undefined;
      const userId = idText(follower?.id);
      if (!userId) return [{ type: "ignore", reason: `${eventName} without follower` }];
      return [{ type: eventName, userId, timestamp }];
    }

    if (!eventName.startsWith("user_send_") && eventName !== "anonymous_send_text" && !eventName.startsWith("user_submit_")) {
      return [{ type: "ignore", reason: "unknown event" }];
    }
    const sender = isObj(body.sender) ? body.sender : undefined;
    const userId = idText(sender?.id);
    const message = isObj(body.message) ? body.message : {};
    if (!userId) return [{ type: "ignore", reason: "no sender" }];
    // Without a msg_id (forms), the event is identified by who and when. The webhook stores only a
    // keyed hash of this id, never the id itself.
    const msgId = idText(message.msg_id) ?? (/^\d{1,20}$/.test(timestamp) ? `${eventName}:${userId}:${timestamp}` : null);
    if (!msgId) return [{ type: "ignore", reason: "no message id" }];
    const contents = contentsOf(eventName, message);
    if (!contents) return [{ type: "ignore", reason: "unknown event" }];
    return contents.map((content, i) => ({ type: "message", externalId: i === 0 ? msgId : `${msgId}:${i}`, userId, content }));
  } catch {
    return [{ type: "ignore", reason: "unreadable" }];
  }
}
