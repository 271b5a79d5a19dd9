import { beforeAll, describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { createKeyring, randomKeyText, type Keyring } from "../../src/crypto/keys.js";
import { addressTagOf, openAddress, pseudonymOf } from "../../src/crypto/pseudonym.js";
import type { Incoming, IncomingContent } from "../../src/messaging/types.js";
import { stripBotMention, updateToIncoming } from "../../bots/telegram/normalize.js";
import {
  GROUP_CHAT,
  TIPSTER,
  TIPSTER_PHONE,
  animationUpdate,
  audioUpdate,
  buildMessage,
  buildUpdate,
  callbackUpdate,
  channelPostUpdate,
  chatMemberUpdate,
  contactUpdate,
  diceUpdate,
  documentUpdate,
  editedTextUpdate,
  inlineQueryUpdate,
  leftChatMemberUpdate,
  locationUpdate,
  messageUpdate,
  myChatMemberUpdate,
  newChatMembersUpdate,
  photoUpdate,
  pollUpdate,
  reactionUpdate,
  stickerUpdate,
  textUpdate,
  venueUpdate,
  videoNoteUpdate,
  videoUpdate,
  voiceUpdate,
} from "../helpers/fake-telegram.js";

let keys: Keyring;
beforeAll(async () => {
  keys = await createKeyring(randomKeyText(), randomKeyText());
});

/** Everything that would identify the tipster if it got past the adapter. */
const FORBIDDEN = [
  String(TIPSTER.id),
  TIPSTER.username!,
  TIPSTER.first_name,
  TIPSTER.last_name!,
  TIPSTER.language_code!,
  TIPSTER_PHONE,
  TIPSTER_PHONE.replace(/\D/g, ""),
  "912345678",
  "LauThiMy",
  "lau_thi_my",
  String(GROUP_CHAT.id),
  GROUP_CHAT.title,
];
const FORBIDDEN_KEYS = ["from", "user", "username", "first_name", "last_name", "language_code", "phone_number", "file_name", "performer", "vcard", "title"];

function expectNoLeak(incoming: Incoming | null): void {
  const json = JSON.stringify(incoming);
  for (const value of FORBIDDEN) expect(json, `leaked ${value}`).not.toContain(value);
  const keysIn = new Set<string>();
  JSON.parse(json, (key, value) => {
    keysIn.add(key);
    return value;
  });
  for (const key of FORBIDDEN_KEYS) expect(keysIn.has(key), `key ${key}`).toBe(false);
}

type Row = {
  name: string;
  update: () => Update;
  /** null: ignored; otherwise the expected content (compared with toEqual). */
  content: IncomingContent | null;
  isGroup?: boolean;
};

const rows: Row[] = [
  { name: "text", update: () => textUpdate("Nhà số 5 có người bán"), content: { kind: "text", text: "Nhà số 5 có người bán" } },
  { name: "command", update: () => textUpdate("/start lang_bn01"), content: { kind: "text", text: "/start lang_bn01" } },
  { name: "command with bot mention in a group", update: () => textUpdate("/tinbao@PhaoDaiBot abc", { chat: GROUP_CHAT }), content: { kind: "text", text: "/tinbao abc" }, isGroup: true },
  { name: "empty text", update: () => textUpdate(""), content: { kind: "text", text: "" } },
  { name: "callback", update: () => callbackUpdate("menu:report"), content: { kind: "choice", data: "menu:report" } },
  { name: "callback in a group", update: () => callbackUpdate("tip:12:take", { chat: GROUP_CHAT }), content: { kind: "choice", data: "tip:12:take" }, isGroup: true },
  { name: "callback without message", update: () => callbackUpdate("menu:help", { withoutMessage: true }), content: { kind: "choice", data: "menu:help" } },
  { name: "photo", update: () => photoUpdate({ caption: "ảnh đầu ngõ" }), content: { kind: "media", media: "photo", fileRef: "AgACphoto-large", caption: "ảnh đầu ngõ" } },
  { name: "photo without caption", update: () => photoUpdate(), content: { kind: "media", media: "photo", fileRef: "AgACphoto-large" } },
  { name: "photo sent as a file", update: () => documentUpdate("image/jpeg"), content: { kind: "media", media: "image_file", fileRef: "BQACdoc", mime: "image/jpeg" } },
  { name: "pdf document", update: () => documentUpdate("application/pdf", { fileName: "to_giac_LauThiMy.pdf" }), content: { kind: "media", media: "document", fileRef: "BQACdoc", mime: "application/pdf" } },
  { name: "voice", update: () => voiceUpdate(), content: { kind: "media", media: "voice", fileRef: "AwACvoice", mime: "audio/ogg" } },
  { name: "video", update: () => videoUpdate({ caption: "clip" }), content: { kind: "media", media: "video", fileRef: "BAACvideo", caption: "clip", mime: "video/mp4" } },
  { name: "video note", update: () => videoNoteUpdate(), content: { kind: "media", media: "video", fileRef: "DQACnote" } },
  { name: "audio", update: () => audioUpdate(), content: { kind: "media", media: "audio", fileRef: "CQACaudio", mime: "audio/mpeg" } },
  { name: "sticker", update: () => stickerUpdate(), content: { kind: "media", media: "sticker", fileRef: "CAACsticker" } },
  { name: "animation (also carries document)", update: () => animationUpdate(), content: { kind: "media", media: "animation", fileRef: "CgACanim", mime: "video/mp4" } },
  { name: "location", update: () => locationUpdate(19.3567, 105.3947), content: { kind: "location", latitude: 19.3567, longitude: 105.3947 } },
  { name: "venue", update: () => venueUpdate(), content: { kind: "location", latitude: 19.3612, longitude: 105.4011 } },
  { name: "location out of range", update: () => locationUpdate(400, 105), content: { kind: "unsupported", what: "location" } },
  { name: "contact", update: () => contactUpdate(), content: { kind: "unsupported", what: "contact" } },
  { name: "poll in private", update: () => pollUpdate(), content: { kind: "unsupported", what: "poll" } },
  { name: "dice in private", update: () => diceUpdate(), content: { kind: "unsupported", what: "dice" } },
  { name: "unknown future content in private", update: () => messageUpdate({ hologram: { id: 1 } }), content: { kind: "unsupported", what: "other" } },
  { name: "poll in a group", update: () => pollUpdate({ chat: GROUP_CHAT }), content: null },
  { name: "contact in a group", update: () => contactUpdate({ chat: GROUP_CHAT }), content: null },
  { name: "edited message", update: () => editedTextUpdate("sửa lại"), content: null },
  { name: "channel post", update: () => channelPostUpdate("thông báo"), content: null },
  { name: "my_chat_member (blocked)", update: () => myChatMemberUpdate(), content: null },
  { name: "chat_member", update: () => chatMemberUpdate(), content: null },
  { name: "message_reaction", update: () => reactionUpdate(), content: null },
  { name: "inline_query", update: () => inlineQueryUpdate("ma túy"), content: null },
  { name: "new_chat_members", update: () => newChatMembersUpdate(), content: null },
  { name: "left_chat_member", update: () => leftChatMemberUpdate(), content: null },
  { name: "pinned message in private", update: () => messageUpdate({ pinned_message: { message_id: 1, date: 1, chat: { id: 1, type: "private" } } }), content: null },
  { name: "bot sender", update: () => textUpdate("xin chào", { user: { ...TIPSTER, is_bot: true } }), content: null },
  { name: "anonymous group admin", update: () => messageUpdate({ text: "hi", from: { id: 1087968824, is_bot: true, first_name: "Group" }, sender_chat: GROUP_CHAT }, { chat: GROUP_CHAT }), content: null },
  { name: "missing from", update: () => buildUpdate("message", { message_id: 1, date: 1, chat: { id: 5, type: "private" }, text: "hi" }), content: null },
  { name: "missing chat", update: () => buildUpdate("message", { message_id: 1, date: 1, from: { ...TIPSTER }, text: "hi" }), content: null },
  { name: "business message", update: () => buildUpdate("business_message", buildMessage({ text: "hi" })), content: null },
  { name: "callback without data (game)", update: () => buildUpdate("callback_query", { id: "1", from: { ...TIPSTER }, chat_instance: "1", game_short_name: "g" }), content: null },
];

describe("updateToIncoming", () => {
  it.each(rows)("$name", async ({ update, content, isGroup }) => {
    const u = update();
    const result = await updateToIncoming(u, keys, 1_700_000_000_000, { botUsername: "PhaoDaiBot" });
    expect(result.externalId).toBe(String(u.update_id));
    expectNoLeak(result.incoming);
    if (content === null) {
      expect(result.incoming).toBeNull();
      return;
    }
    const incoming = result.incoming!;
    expect(incoming).not.toBeNull();
    expect(incoming.channel).toBe("telegram");
    expect(incoming.content).toEqual(content);
    expect(incoming.receivedAt).toBe(1_700_000_000_000);
    expect(incoming.chat.isGroup).toBe(isGroup ?? false);
    expect(incoming.sender).toBe(await pseudonymOf(keys, "telegram", String(TIPSTER.id)));
    const chatId = String(isGroup ? GROUP_CHAT.id : TIPSTER.id);
    expect(await openAddress(keys, incoming.chat.sealed)).toEqual({ channel: "telegram", chatId });
    expect(incoming.chat.tag).toBe(await addressTagOf(keys, { channel: "telegram", chatId }));
    expect(Object.keys(incoming).sort()).toEqual(["channel", "chat", "content", "receivedAt", "sender"]);
  });

  it("gives different users different pseudonyms and the same user the same one", async () => {
    const a1 = await updateToIncoming(textUpdate("a"), keys, 1);
    const a2 = await updateToIncoming(textUpdate("b"), keys, 2);
    const b = await updateToIncoming(textUpdate("c", { user: { ...TIPSTER, id: TIPSTER.id + 1 } }), keys, 3);
    expect(a1.incoming!.sender).toBe(a2.incoming!.sender);
    expect(a1.incoming!.chat.tag).toBe(a2.incoming!.chat.tag);
    expect(a1.incoming!.chat.sealed).not.toBe(a2.incoming!.chat.sealed); // fresh IV each time
    expect(b.incoming!.sender).not.toBe(a1.incoming!.sender);
  });

  const exactTexts: Array<[string, string]> = [
    ["Hmong (RPA)", "Muaj neeg muag yeeb tshuaj nyob hauv zos. Kuv tsis qhia kuv lub npe."],
    ["Tai Viet U+AA80–U+AADF", "\uAA80\uAA81\uAAB0\uAA95\uAAB8\uAAC0\uAADB\uAADC\uAADD\uAADE\uAADF"],
    ["emoji with ZWJ, skin tone and flags", "👨‍👩‍👧‍👦 👍🏽 🇻🇳 ❤️‍🔥"],
    ["zero-width and bidi marks", "\u200Bbắt\u200C\u200Dđầu\uFEFF\u2060\u200E\u200F"],
    ["NFD Vietnamese is not normalised", "Tie\u0302\u0301ng Vie\u0323\u0302t"],
    ["leading and trailing whitespace, CRLF, tabs", "  \t xin chào \r\n\r\n  "],
    ["lone surrogate survives as is", "a\uD800b"],
    ["a bot mention not at the start", "Xin chào /tinbao@PhaoDaiBot abc"],
  ];
  it.each(exactTexts)("passes text byte-exact: %s", async (_name, text) => {
    const { incoming } = await updateToIncoming(textUpdate(text), keys, 1);
    expect(incoming!.content.kind).toBe("text");
    const got = (incoming!.content as { text: string }).text;
    expect(got).toBe(text);
    expect(got.length).toBe(text.length);
    expect([...got].map((c) => c.codePointAt(0))).toEqual([...text].map((c) => c.codePointAt(0)));
  });

  it("passes callback data and captions byte-exact", async () => {
    const data = "x:\uAA80\u200D👍🏽";
    const cb = await updateToIncoming(callbackUpdate(data), keys, 1);
    expect(cb.incoming!.content).toEqual({ kind: "choice", data });
    const caption = "  \uAA80 ảnh\u200B ";
    const photo = await updateToIncoming(photoUpdate({ caption }), keys, 1);
    expect((photo.incoming!.content as { caption?: string }).caption).toBe(caption);
  });

  it("answers a callback without a message in the user's private chat", async () => {
    const { incoming } = await updateToIncoming(callbackUpdate("menu:help", { withoutMessage: true, chat: GROUP_CHAT }), keys, 1);
    expect(await openAddress(keys, incoming!.chat.sealed)).toEqual({ channel: "telegram", chatId: String(TIPSTER.id) });
    expect(incoming!.chat.isGroup).toBe(false);
  });

  it("ignores commands meant for another bot when the bot's name is known", async () => {
    const other = await updateToIncoming(textUpdate("/tinbao@OtherBot abc", { chat: GROUP_CHAT }), keys, 1, { botUsername: "PhaoDaiBot" });
    expect(other.incoming).toBeNull();
    const unknownName = await updateToIncoming(textUpdate("/tinbao@OtherBot abc", { chat: GROUP_CHAT }), keys, 1);
    expect(unknownName.incoming!.content).toEqual({ kind: "text", text: "/tinbao abc" });
    const caseless = await updateToIncoming(textUpdate("/start@phaodaibot"), keys, 1, { botUsername: "PhaoDaiBot" });
    expect(caseless.incoming!.content).toEqual({ kind: "text", text: "/start" });
  });

  it("strips only a leading command mention", () => {
    expect(stripBotMention("/tinbao@PhaoDaiBot abc")).toBe("/tinbao abc");
    expect(stripBotMention("/tinbao@PhaoDaiBot\nabc")).toBe("/tinbao\nabc");
    expect(stripBotMention("/start@PhaoDaiBot")).toBe("/start");
    expect(stripBotMention(" /start@PhaoDaiBot")).toBe(" /start@PhaoDaiBot");
    expect(stripBotMention("/start@PhaoDaiBotx", "PhaoDaiBot")).toBeNull();
    expect(stripBotMention("email a@b.vn")).toBe("email a@b.vn");
    expect(stripBotMention("/a@b.c")).toBe("/a@b.c");
  });

  it("never throws, whatever the shape", async () => {
    const throwing = new Proxy({}, { get() { throw new Error("boom"); }, has() { throw new Error("boom"); } });
    const getterBomb = { update_id: 9, message: { get from(): never { throw new Error("boom"); }, chat: { id: 1, type: "private" }, text: "x" } };
    const shapes: unknown[] = [
      null,
      undefined,
      42,
      "update",
      [],
      {},
      { update_id: 1 },
      { update_id: 1, message: null },
      { update_id: 1, message: [] },
      { update_id: 1, message: { from: null, chat: null } },
      { update_id: 1, message: { from: [], chat: [], text: "x" } },
      { update_id: 1, message: { from: { id: "abc" }, chat: { id: 1, type: "private" }, text: "x" } },
      { update_id: 1, message: { from: { id: 1.5 }, chat: { id: 1, type: "private" }, text: "x" } },
      { update_id: 1, message: { from: { id: 1 }, chat: { id: {} }, text: "x" } },
      { update_id: 1, message: { from: { id: 1 }, chat: { id: Number.MAX_VALUE, type: "private" }, text: "x" } },
      { update_id: 1, message: { from: { id: 1 }, chat: { id: 1, type: "private" }, text: 12 } },
      { update_id: 1, message: { from: { id: 1 }, chat: { id: 1, type: "private" }, photo: "nope" } },
      { update_id: 1, message: { from: { id: 1 }, chat: { id: 1, type: "private" }, photo: [null, 3, { width: 1 }] } },
      { update_id: 1, message: { from: { id: 1 }, chat: { id: 1, type: "private" }, location: { latitude: "1", longitude: null } } },
      { update_id: 1, message: { from: { id: 1 }, chat: { id: 1, type: "private" }, document: { file_id: 5, mime_type: {} } } },
      { update_id: 1, callback_query: { id: "1", from: { id: 1 }, data: "x", message: null } },
      { update_id: 1, callback_query: { id: "1", from: { id: 1 }, data: "x", message: { chat: null } } },
      { update_id: 1, callback_query: { id: "1", from: { id: 1 }, data: 7 } },
      throwing,
      { update_id: 2, message: throwing },
      getterBomb,
    ];
    for (const shape of shapes) {
      const result = await updateToIncoming(shape as Update, keys, 1);
      expect(typeof result.externalId).toBe("string");
      if (result.incoming) expectNoLeak(result.incoming);
    }
    // Odd-but-valid values still work: a string user id, a photo without sizes becomes unsupported.
    const stringId = await updateToIncoming({ update_id: 3, message: { from: { id: "42" }, chat: { id: "42", type: "private" }, text: "x" } } as unknown as Update, keys, 1);
    expect(stringId.incoming?.sender).toBe(await pseudonymOf(keys, "telegram", "42"));
    const noSizes = await updateToIncoming({ update_id: 4, message: { from: { id: 1 }, chat: { id: 1, type: "private" }, photo: [] } } as unknown as Update, keys, 1);
    expect(noSizes.incoming?.content).toEqual({ kind: "unsupported", what: "photo" });
  });
});
