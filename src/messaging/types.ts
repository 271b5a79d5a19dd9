// The channel-neutral language between adapters, the core and the domain: the bottom layer, which
// imports nothing of the project. Nothing here names a platform's types.

/** What a stored file is read for: the tip it is attached to, or the report file made of it (src/media/uploads.ts). */
/** What a stored upload is read for: a tip's attachment, a report file, or a bulletin recording made in the web chat. */
export type UploadLink = { tipId: number } | { reportFileId: number } | { bulletinRecording: true };

/** Every channel, for schemas that validate stored ones. */
export const CHANNELS = ["telegram", "web", "zalo", "zalobot"] as const;
export type Channel = (typeof CHANNELS)[number];

export type MediaKind = "photo" | "video" | "voice" | "audio" | "document" | "image_file" | "sticker" | "animation";

export type IncomingContent =
  | { kind: "text"; text: string }
  /** A button press (Telegram callback data, a web button, a numbered Zalo choice). */
  | { kind: "choice"; data: string }
  | { kind: "media"; media: MediaKind; fileRef?: string; caption?: string; mime?: string }
  | { kind: "location"; latitude: number; longitude: number }
  /** Anything else a platform can send (polls, contacts, edits, membership changes…). */
  | { kind: "unsupported"; what: string };

export interface Incoming {
  channel: Channel;
  /** Keyed pseudonym of the sender: HMAC(pseudonym key, channel:user id). */
  sender: string;
  /** Where to answer: sealed address plus its keyed tag. */
  chat: { sealed: string; tag: string; isGroup: boolean };
  content: IncomingContent;
  /** Milliseconds since epoch, when the adapter received it. */
  receivedAt: number;
  /**
   * The adapter's verdict that this sender's network is over its flood limit (kept in memory by the
   * adapter; the address itself never reaches the Incoming): a tip filed with it waits in the held queue.
   */
  hold?: boolean;
}

export interface Choice {
  label: string;
  data: string;
}

export interface OutgoingMedia {
  kind: "photo" | "video" | "voice" | "audio" | "location" | "document";
  /** The channel the file reference belongs to. */
  channel: Channel;
  fileRef?: string;
  /** A file kept by this server (src/media/uploads.ts), by its public id, with what it is sent for. */
  webUploadId?: string;
  webLink?: UploadLink;
  /** A name for a file the server made (reports); never a user's original file name. */
  fileName?: string;
  /** A citizen's attachment (a tip's): cleaned before any officer gets it, even on its own platform. */
  citizen?: boolean;
  latitude?: number;
  longitude?: number;
}

export interface OutgoingMessage {
  text: string;
  choices?: Choice[][];
  media?: OutgoingMedia;
  /** Stop officers' clients from forwarding or saving (Telegram protect_content). */
  protect?: boolean;
  /** Carries a secret the server must not keep (a receipt code): blanked once delivered. */
  secret?: boolean;
  /**
   * The question asks for a number (a count in the figures form): a bare number typed is the
   * answer, never a choice. Platforms that number their choices (Zalo) key them otherwise.
   */
  numericAnswer?: boolean;
  /** Messages with the same key in one chat form a thread (Telegram: replies to the first). */
  threadKey?: string;
  /**
   * Not a message: the bot leaves this (group) chat, e.g. a removed alert group. Queued like a
   * message, after the goodbye, so it survives restarts and retries and keeps the chat's order.
   */
  leaveChat?: true;
  /**
   * Not a message: this private chat's command menu (Telegram's setMyCommands; [] takes it away).
   * Queued like a message so it follows a registration in order. Channels without menus skip it.
   */
  commandMenu?: CommandMenuEntry[];
  /**
   * The reader's catalog when it is not the default (src/i18n/messages.ts): for words an adapter
   * adds at send time, such as Zalo's "Gõ 1, 2 hoặc 3" under numbered choices.
   */
  locale?: string;
}

/** One entry of a chat's command menu. */
export interface CommandMenuEntry {
  command: string;
  description: string;
}

/** What a channel sender reports back to the dispatcher. */
export type SendResult =
  | { ok: true; externalMessageId?: string }
  | {
      ok: false;
      retryAfterSeconds?: number;
      permanent: boolean;
      error: string;
      /** The person cannot be reached until they write again (Zalo's interaction window): park the message. */
      unreachable?: boolean;
    };

export interface ChannelSender {
  channel: Channel;
  send(chatId: string, message: OutgoingMessage, thread?: { replyToExternalId?: string }): Promise<SendResult>;
  /** Leaves a group chat. Channels without group chats answer a permanent failure saying why. */
  leave(chatId: string): Promise<SendResult>;
  /** Sets one private chat's command menu; channels without command menus leave it out. */
  setCommandMenu?(chatId: string, entries: CommandMenuEntry[]): Promise<SendResult>;
}

/** What a channel without group chats answers to `leave`: nothing to do, and why. */
export function noGroupsToLeave(channel: Channel): SendResult {
  return { ok: false, permanent: true, error: `${channel}: no group chats, nothing to leave` };
}
