// Telegram updates as the Bot API sends them, for tests: every kind of message, callback and
// membership change, from a distinctive default citizen (tests search the adapter's output for
// every one of these values) or any user and chat.
import type { Update } from "grammy/types";

export interface TestUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export const TIPSTER: TestUser = {
  id: 7_312_845_906,
  is_bot: false,
  first_name: "Lầu Thị Mỷ",
  last_name: "Giàng Xuân Páo",
  username: "lau_thi_my_bandoc87",
  language_code: "hmn-x-kq7zv",
};

export const TIPSTER_PHONE = "+84 912 345 678";

export const GROUP_CHAT = { id: -1_009_876_543_210, type: "supergroup" as const, title: "Tổ công tác xã Thanh Xuân" };

let updateCounter = 500_000_000;
let messageCounter = 1_000;

export function nextUpdateId(): number {
  return ++updateCounter;
}

export interface BuildOptions {
  user?: TestUser;
  /** A group chat instead of the user's private chat. */
  chat?: Record<string, unknown>;
  updateId?: number;
  messageId?: number;
}

export function privateChatOf(user: TestUser): Record<string, unknown> {
  return {
    id: user.id,
    type: "private",
    first_name: user.first_name,
    ...(user.last_name ? { last_name: user.last_name } : {}),
    ...(user.username ? { username: user.username } : {}),
  };
}

/** A message with the given content fields, from the user, in their private chat by default. */
export function buildMessage(content: Record<string, unknown>, opts: BuildOptions = {}): Record<string, unknown> {
  const user = opts.user ?? TIPSTER;
  return {
    message_id: opts.messageId ?? ++messageCounter,
    from: { ...user },
    chat: opts.chat ?? privateChatOf(user),
    date: Math.floor(Date.now() / 1000),
    ...content,
  };
}

/** A whole update around one field (message, edited_message, callback_query…). */
export function buildUpdate(field: string, value: unknown, opts: BuildOptions = {}): Update {
  return { update_id: opts.updateId ?? nextUpdateId(), [field]: value } as unknown as Update;
}

export function messageUpdate(content: Record<string, unknown>, opts: BuildOptions = {}): Update {
  return buildUpdate("message", buildMessage(content, opts), opts);
}

export function textUpdate(text: string, opts: BuildOptions = {}): Update {
  const entities = /^\/\S+/.exec(text) ? [{ type: "bot_command", offset: 0, length: /^\/\S+/.exec(text)![0].length }] : undefined;
  return messageUpdate({ text, ...(entities ? { entities } : {}) }, opts);
}

export function callbackUpdate(data: string, opts: BuildOptions & { withoutMessage?: boolean } = {}): Update {
  const user = opts.user ?? TIPSTER;
  const message = buildMessage({ from: { id: 123456789, is_bot: true, first_name: "Pháo Đài", username: "PhaoDaiBot" }, text: "Chọn:" }, opts);
  return buildUpdate(
    "callback_query",
    {
      id: `cbq-${nextUpdateId()}`,
      from: { ...user },
      chat_instance: "-4429871234567890",
      data,
      ...(opts.withoutMessage ? { inline_message_id: "AAAAAFakeInline" } : { message }),
    },
    opts,
  );
}

export function photoUpdate(opts: BuildOptions & { caption?: string } = {}): Update {
  return messageUpdate(
    {
      photo: [
        { file_id: "AgACphoto-small", file_unique_id: "AQADs", width: 90, height: 67, file_size: 1_200 },
        { file_id: "AgACphoto-large", file_unique_id: "AQADl", width: 1280, height: 960, file_size: 98_000 },
        { file_id: "AgACphoto-medium", file_unique_id: "AQADm", width: 320, height: 240, file_size: 12_000 },
      ],
      ...(opts.caption !== undefined ? { caption: opts.caption } : {}),
    },
    opts,
  );
}

export function documentUpdate(mime: string, opts: BuildOptions & { caption?: string; fileName?: string } = {}): Update {
  return messageUpdate(
    {
      document: { file_id: "BQACdoc", file_unique_id: "AgADd", file_name: opts.fileName ?? "IMG_20250101_LauThiMy.jpg", mime_type: mime, file_size: 2_400_000 },
      ...(opts.caption !== undefined ? { caption: opts.caption } : {}),
    },
    opts,
  );
}

export function voiceUpdate(opts: BuildOptions = {}): Update {
  return messageUpdate({ voice: { file_id: "AwACvoice", file_unique_id: "AgADv", duration: 7, mime_type: "audio/ogg" } }, opts);
}

export function videoUpdate(opts: BuildOptions & { caption?: string } = {}): Update {
  return messageUpdate(
    {
      video: { file_id: "BAACvideo", file_unique_id: "AgADvi", width: 720, height: 1280, duration: 12, mime_type: "video/mp4", file_name: "VID_LauThiMy.mp4" },
      ...(opts.caption !== undefined ? { caption: opts.caption } : {}),
    },
    opts,
  );
}

export function videoNoteUpdate(opts: BuildOptions = {}): Update {
  return messageUpdate({ video_note: { file_id: "DQACnote", file_unique_id: "AgADn", length: 240, duration: 5 } }, opts);
}

export function audioUpdate(opts: BuildOptions = {}): Update {
  return messageUpdate(
    { audio: { file_id: "CQACaudio", file_unique_id: "AgADa", duration: 60, performer: TIPSTER.first_name, title: "ghi âm", mime_type: "audio/mpeg", file_name: "lau_thi_my.mp3" } },
    opts,
  );
}

export function stickerUpdate(opts: BuildOptions = {}): Update {
  return messageUpdate(
    { sticker: { file_id: "CAACsticker", file_unique_id: "AgADs", type: "regular", width: 512, height: 512, is_animated: false, is_video: false, emoji: "👍" } },
    opts,
  );
}

export function animationUpdate(opts: BuildOptions = {}): Update {
  const file = { file_id: "CgACanim", file_unique_id: "AgADan", width: 320, height: 240, duration: 2, mime_type: "video/mp4", file_name: "anim.mp4" };
  return messageUpdate({ animation: file, document: { ...file } }, opts);
}

export function locationUpdate(latitude = 19.3567, longitude = 105.3947, opts: BuildOptions = {}): Update {
  return messageUpdate({ location: { latitude, longitude } }, opts);
}

export function venueUpdate(opts: BuildOptions = {}): Update {
  const location = { latitude: 19.3612, longitude: 105.4011 };
  return messageUpdate(
    { location, venue: { location, title: "Nhà văn hóa bản Pù Lầu", address: "Bản Pù Lầu, xã Thanh Xuân", foursquare_id: "4b0588" } },
    opts,
  );
}

export function contactUpdate(opts: BuildOptions = {}): Update {
  const user = opts.user ?? TIPSTER;
  return messageUpdate(
    { contact: { phone_number: TIPSTER_PHONE, first_name: user.first_name, last_name: user.last_name, user_id: user.id, vcard: `BEGIN:VCARD\nTEL:${TIPSTER_PHONE}\nEND:VCARD` } },
    opts,
  );
}

export function pollUpdate(opts: BuildOptions = {}): Update {
  return messageUpdate(
    {
      poll: {
        id: "5123456789012345678",
        question: "Bản có ai bán ma túy không?",
        options: [
          { text: "Có", voter_count: 0 },
          { text: "Không", voter_count: 0 },
        ],
        total_voter_count: 0,
        is_closed: false,
        is_anonymous: true,
        type: "regular",
        allows_multiple_answers: false,
      },
    },
    opts,
  );
}

export function diceUpdate(opts: BuildOptions = {}): Update {
  return messageUpdate({ dice: { emoji: "🎲", value: 4 } }, opts);
}

export function editedTextUpdate(text: string, opts: BuildOptions = {}): Update {
  return buildUpdate("edited_message", { ...buildMessage({ text }, opts), edit_date: Math.floor(Date.now() / 1000) }, opts);
}

export function channelPostUpdate(text: string, opts: BuildOptions = {}): Update {
  return buildUpdate(
    "channel_post",
    { message_id: ++messageCounter, sender_chat: { id: -1_001_111_111_111, type: "channel", title: "Kênh xã" }, chat: { id: -1_001_111_111_111, type: "channel", title: "Kênh xã" }, date: 1, text },
    opts,
  );
}

function memberUpdate(field: "my_chat_member" | "chat_member", opts: BuildOptions): Update {
  const user = opts.user ?? TIPSTER;
  return buildUpdate(
    field,
    {
      chat: opts.chat ?? privateChatOf(user),
      from: { ...user },
      date: 1,
      old_chat_member: { status: "member", user: { id: 123456789, is_bot: true, first_name: "Pháo Đài" } },
      new_chat_member: { status: "kicked", user: { id: 123456789, is_bot: true, first_name: "Pháo Đài" }, until_date: 0 },
    },
    opts,
  );
}

export function myChatMemberUpdate(opts: BuildOptions = {}): Update {
  return memberUpdate("my_chat_member", opts);
}

export function chatMemberUpdate(opts: BuildOptions = {}): Update {
  return memberUpdate("chat_member", { chat: GROUP_CHAT, ...opts });
}

export function reactionUpdate(opts: BuildOptions = {}): Update {
  const user = opts.user ?? TIPSTER;
  return buildUpdate(
    "message_reaction",
    { chat: opts.chat ?? privateChatOf(user), message_id: 10, user: { ...user }, date: 1, old_reaction: [], new_reaction: [{ type: "emoji", emoji: "👍" }] },
    opts,
  );
}

export function inlineQueryUpdate(query: string, opts: BuildOptions = {}): Update {
  const user = opts.user ?? TIPSTER;
  return buildUpdate("inline_query", { id: "inl-1", from: { ...user }, query, offset: "", chat_type: "sender" }, opts);
}

export function newChatMembersUpdate(opts: BuildOptions = {}): Update {
  const user = opts.user ?? TIPSTER;
  return messageUpdate({ new_chat_members: [{ ...user }] }, { chat: GROUP_CHAT, ...opts });
}

export function leftChatMemberUpdate(opts: BuildOptions = {}): Update {
  const user = opts.user ?? TIPSTER;
  return messageUpdate({ left_chat_member: { ...user } }, { chat: GROUP_CHAT, ...opts });
}
