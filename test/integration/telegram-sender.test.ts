import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Api } from "grammy";
import { createTelegramBot } from "../../bots/telegram/bot.js";
import { createTelegramSender, splitText } from "../../bots/telegram/sender.js";
import { avFixture, avMarkersIn } from "../helpers/av.js";
import { withheldFileLine } from "../../src/i18n/vi.js";
import { BLOCKED, CHAT_NOT_FOUND, INTERNAL_ERROR, TOO_MANY_REQUESTS, startFakeTelegram, type FakeTelegram } from "../helpers/fake-telegram.js";
import { jpegWithExif } from "../helpers/images.js";
import { reencodeImage } from "../../src/media/reencode.js";
import { viMedia } from "../../src/i18n/vi-media.js";

let fake: FakeTelegram;
let api: Api;
const CHAT = "7312845906";

beforeAll(async () => {
  fake = await startFakeTelegram();
  api = new Api(fake.token, { apiRoot: fake.apiRoot }); // no auto-retry: raw error mapping
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.reset();
});

const sendCalls = () => fake.calls.filter((c) => c.method.startsWith("send"));

describe("Telegram sender", () => {
  it("sends text with an inline keyboard, protect_content and a reply", async () => {
    const sender = createTelegramSender(api);
    expect(sender.channel).toBe("telegram");
    const result = await sender.send(
      CHAT,
      {
        text: "Chọn một việc:",
        choices: [[{ label: "Báo tin", data: "menu:report" }], [{ label: "Hủy", data: "nav:cancel" }, { label: "Giúp", data: "menu:help" }]],
        protect: true,
      },
      { replyToExternalId: "41" },
    );
    const [call] = sendCalls();
    expect(call!.method).toBe("sendMessage");
    expect(result).toEqual({ ok: true, externalMessageId: String((call!.result as { message_id: number }).message_id) });
    expect(call!.payload).toMatchObject({
      chat_id: 7312845906,
      text: "Chọn một việc:",
      protect_content: true,
      reply_parameters: { message_id: 41, allow_sending_without_reply: true },
      reply_markup: {
        inline_keyboard: [
          [{ text: "Báo tin", callback_data: "menu:report" }],
          [
            { text: "Hủy", callback_data: "nav:cancel" },
            { text: "Giúp", callback_data: "menu:help" },
          ],
        ],
      },
    });
  });

  it("sends plain text without extras when none are asked for", async () => {
    const result = await createTelegramSender(api).send(CHAT, { text: "Xin chào" });
    expect(result.ok).toBe(true);
    const [call] = sendCalls();
    expect(call!.payload).toEqual({ chat_id: 7312845906, text: "Xin chào" });
    expect(fake.callsTo("forwardMessage")).toHaveLength(0);
  });

  it("keeps a group chat id negative", async () => {
    await createTelegramSender(api).send("-1009876543210", { text: "Tin mới" });
    expect(sendCalls()[0]!.payload.chat_id).toBe(-1009876543210);
  });

  it("splits long text on line boundaries, replies with the first part and puts buttons on the last", async () => {
    const line = "Dòng thông tin dài về vụ việc ở bản, có dấu tiếng Việt đầy đủ.";
    const text = Array.from({ length: 200 }, (_, i) => `${i}. ${line}`).join("\n");
    expect(text.length).toBeGreaterThan(4096 * 2);
    const result = await createTelegramSender(api).send(
      CHAT,
      { text, choices: [[{ label: "OK", data: "ok" }]], protect: true },
      { replyToExternalId: "7" },
    );
    const calls = sendCalls();
    expect(calls.length).toBe(splitText(text).length);
    expect(calls.length).toBeGreaterThanOrEqual(3);
    for (const call of calls) {
      const part = call.payload.text as string;
      expect(part.length).toBeLessThanOrEqual(4096);
      expect(part.endsWith("\n")).toBe(false);
      expect(call.payload.protect_content).toBe(true);
    }
    expect(calls.map((c) => c.payload.text).join("\n")).toBe(text);
    expect(calls[0]!.payload.reply_parameters).toEqual({ message_id: 7, allow_sending_without_reply: true });
    expect(calls.slice(1).every((c) => c.payload.reply_parameters === undefined)).toBe(true);
    expect(calls.slice(0, -1).every((c) => c.payload.reply_markup === undefined)).toBe(true);
    expect(calls.at(-1)!.payload.reply_markup).toEqual({ inline_keyboard: [[{ text: "OK", callback_data: "ok" }]] });
    // The first message's id is the one to thread replies on.
    expect(result).toEqual({ ok: true, externalMessageId: String((calls[0]!.result as { message_id: number }).message_id) });
  });

  it("splits text without line breaks and never inside a surrogate pair", () => {
    const emoji = "👍".repeat(5000); // 10,000 UTF-16 units, no spaces
    const parts = splitText(emoji);
    expect(parts.join("")).toBe(emoji);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(4096);
      expect(/[\uD800-\uDBFF]$/.test(part)).toBe(false); // no high surrogate cut from its pair
      expect(/^[\uDC00-\uDFFF]/.test(part)).toBe(false);
    }
    expect(splitText("short")).toEqual(["short"]);
    expect(splitText("   ")).toEqual([]);
    const words = Array.from({ length: 1500 }, () => "abcde").join(" ");
    for (const part of splitText(words)) expect(part.startsWith(" ") || part.endsWith(" ")).toBe(false);
  });

  it("rejects callback data over 64 bytes clearly (strict) or as a permanent failure", async () => {
    const long = "x".repeat(40) + "ệ".repeat(9); // 40 + 27 bytes
    const message = { text: "Chọn", choices: [[{ label: "Quá dài", data: long }]] };
    await expect(createTelegramSender(api, { strict: true }).send(CHAT, message)).rejects.toThrow(/callback_data.*64 bytes/);
    const lenient = await createTelegramSender(api, { strict: false }).send(CHAT, message);
    expect(lenient).toMatchObject({ ok: false, permanent: true });
    expect(sendCalls()).toHaveLength(0);
    const exactly64 = await createTelegramSender(api).send(CHAT, { text: "Chọn", choices: [[{ label: "Vừa", data: "y".repeat(64) }]] });
    expect(exactly64.ok).toBe(true);
  });

  it("sends a Telegram photo by file_id with the text as caption and the buttons on it", async () => {
    const result = await createTelegramSender(api).send(CHAT, {
      text: "Ảnh kèm tin #12",
      media: { kind: "photo", channel: "telegram", fileRef: "AgACphoto-large" },
      choices: [[{ label: "Nhận", data: "tip:12:take" }]],
      protect: true,
    });
    expect(result.ok).toBe(true);
    const calls = sendCalls();
    expect(calls.map((c) => c.method)).toEqual(["sendPhoto"]);
    expect(calls[0]!.payload).toMatchObject({ photo: "AgACphoto-large", caption: "Ảnh kèm tin #12", protect_content: true, reply_markup: { inline_keyboard: [[{ text: "Nhận", callback_data: "tip:12:take" }]] } });
  });

  it("sends a long text after the media when it does not fit in a caption", async () => {
    const text = "á".repeat(1500);
    await createTelegramSender(api).send(CHAT, { text, media: { kind: "voice", channel: "telegram", fileRef: "AwACvoice" }, choices: [[{ label: "OK", data: "ok" }]] });
    const calls = sendCalls();
    expect(calls.map((c) => c.method)).toEqual(["sendVoice", "sendMessage"]);
    expect(calls[0]!.payload.caption).toBeUndefined();
    expect(calls[0]!.payload.reply_markup).toBeUndefined();
    expect(calls[1]!.payload).toMatchObject({ text, reply_markup: { inline_keyboard: [[{ text: "OK", callback_data: "ok" }]] } });
  });

  it("sends video, audio and document by file_id, location by sendLocation", async () => {
    const sender = createTelegramSender(api);
    await sender.send(CHAT, { text: "", media: { kind: "video", channel: "telegram", fileRef: "BAACvideo" } });
    await sender.send(CHAT, { text: "a", media: { kind: "audio", channel: "telegram", fileRef: "CQACaudio" } });
    await sender.send(CHAT, { text: "d", media: { kind: "document", channel: "telegram", fileRef: "BQACdoc" } });
    const loc = await sender.send(CHAT, { text: "Vị trí người báo gửi", media: { kind: "location", channel: "zalo", latitude: 19.35, longitude: 105.39 } }, { replyToExternalId: "3" });
    expect(sendCalls().map((c) => c.method)).toEqual(["sendVideo", "sendAudio", "sendDocument", "sendLocation", "sendMessage"]);
    const [, , , location, text] = sendCalls();
    expect(location!.payload).toMatchObject({ latitude: 19.35, longitude: 105.39, reply_parameters: { message_id: 3 } });
    expect(text!.payload.reply_parameters).toBeUndefined();
    expect(loc).toEqual({ ok: true, externalMessageId: expect.any(String) });
  });

  it("sends a citizen's Telegram video cleaned, and withholds one it cannot clean or fetch with a line under the text", async () => {
    const clean = avFixture("android.mp4");
    const media = { zalo: async () => null, telegram: async (id: string) => (id === "BAACgood" ? { bytes: clean, mime: "application/octet-stream" } : id === "BAACcut" ? { bytes: avFixture("truncated.mp4"), mime: "video/mp4" } : null) };
    const sender = createTelegramSender(api, { media });
    await sender.send(CHAT, { text: "📎 TB-1: video", media: { kind: "video", channel: "telegram", fileRef: "BAACgood", citizen: true } });
    await sender.send(CHAT, { text: "📎 TB-1: video", media: { kind: "video", channel: "telegram", fileRef: "BAACcut", citizen: true } });
    await sender.send(CHAT, { text: "📎 TB-1: video", media: { kind: "video", channel: "telegram", fileRef: "BAACbig", citizen: true } });
    await createTelegramSender(api).send(CHAT, { text: "📎 TB-1: tin nhắn thoại", media: { kind: "voice", channel: "telegram", fileRef: "AwACvoice", citizen: true } });
    const calls = sendCalls();
    expect(calls.map((c) => c.method)).toEqual(["sendVideo", "sendMessage", "sendMessage", "sendMessage"]);
    expect(calls[0]!.payload.video).not.toBe("BAACgood");
    expect(avMarkersIn(calls[0]!.files[0]!.bytes)).toEqual([]);
    expect(calls[1]!.payload.text).toBe(`📎 TB-1: video\n\n${withheldFileLine("video")}`);
    expect(calls[2]!.payload.text).toBe(`📎 TB-1: video\n\n${withheldFileLine("video")}`);
    expect(calls[3]!.payload.text).toBe(`📎 TB-1: tin nhắn thoại\n\n${withheldFileLine("voice")}`);
    expect(withheldFileLine("voice")).toMatch(/^⚠️ Tin nhắn thoại kèm theo đã được giữ lại/);
  });

  it("sends only the text for a file of another channel it cannot resolve", async () => {
    const result = await createTelegramSender(api).send(CHAT, { text: "Tin có ảnh (Zalo)", media: { kind: "photo", channel: "zalo", fileRef: "zalo-file-abc" } });
    expect(result.ok).toBe(true);
    expect(sendCalls().map((c) => c.method)).toEqual(["sendMessage"]);
    const web = await createTelegramSender(api).send(CHAT, { text: "Tin có ảnh (web)", media: { kind: "photo", channel: "web", webUploadId: "5".repeat(32), webLink: { tipId: 5 } } });
    expect(web.ok).toBe(true);
    expect(sendCalls().map((c) => c.method)).toEqual(["sendMessage", "sendMessage"]);
  });

  it("uploads a web-chat picture from the web media source as multipart, re-encoded, under a neutral name", async () => {
    const bytes = jpegWithExif();
    const asked: unknown[] = [];
    const sender = createTelegramSender(api, {
      media: {
        web: async (id, link) => {
          asked.push([id, link]);
          return { bytes, mime: "image/jpeg" };
        },
      },
    });
    const result = await sender.send(CHAT, { text: "Ảnh từ web", media: { kind: "photo", channel: "web", webUploadId: "7".repeat(32), webLink: { tipId: 77 } }, protect: true });
    expect(result.ok).toBe(true);
    expect(asked).toEqual([["7".repeat(32), { tipId: 77 }]]);
    const [call] = sendCalls();
    expect(call!.method).toBe("sendPhoto");
    expect(call!.multipart).toBe(true);
    expect(call!.payload).toMatchObject({ caption: "Ảnh từ web", protect_content: "true", chat_id: "7312845906" });
    expect(String(call!.payload.photo)).toMatch(/^attach:\/\//);
    const clean = reencodeImage(bytes)!.bytes;
    expect(call!.files).toEqual([{ field: String(call!.payload.photo).slice("attach://".length), filename: "photo.jpg", size: clean.length, bytes: clean }]);
  });

  it("withholds a picture that does not decode and says so in the text, keeping the message", async () => {
    const sender = createTelegramSender(api, { media: { web: async () => ({ bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 0xff, 0xd9]), mime: "image/jpeg" }) } });
    const result = await sender.send(CHAT, { text: "Ảnh từ web", media: { kind: "photo", channel: "web", webUploadId: "8".repeat(32), webLink: { tipId: 78 } } });
    expect(result.ok).toBe(true);
    const calls = sendCalls();
    expect(calls.map((c) => c.method)).toEqual(["sendMessage"]);
    expect(calls[0]!.payload.text).toBe(`Ảnh từ web\n\n${viMedia.imageWithheld}`);
  });

  it("fails permanently on an empty message", async () => {
    const result = await createTelegramSender(api).send(CHAT, { text: "  " });
    expect(result).toMatchObject({ ok: false, permanent: true });
    expect(sendCalls()).toHaveLength(0);
  });

  it("maps 429 to a retry after retry_after seconds", async () => {
    fake.failNext("sendMessage", TOO_MANY_REQUESTS(2));
    const result = await createTelegramSender(api).send(CHAT, { text: "x" });
    expect(result).toEqual({ ok: false, permanent: false, retryAfterSeconds: 2, error: expect.stringContaining("429") });
  });

  it("maps 403 (blocked) and 400 (chat not found) to permanent failures", async () => {
    fake.failNext("sendMessage", BLOCKED);
    const blocked = await createTelegramSender(api).send(CHAT, { text: "x" });
    expect(blocked).toMatchObject({ ok: false, permanent: true, error: expect.stringContaining("403") });
    expect(blocked).not.toHaveProperty("retryAfterSeconds");
    fake.failNext("sendPhoto", CHAT_NOT_FOUND);
    const missing = await createTelegramSender(api).send(CHAT, { text: "x", media: { kind: "photo", channel: "telegram", fileRef: "f" } });
    expect(missing).toMatchObject({ ok: false, permanent: true, error: expect.stringContaining("chat not found") });
  });

  it("maps 500 and network failures to retryable failures", async () => {
    fake.failNext("sendMessage", INTERNAL_ERROR);
    const server = await createTelegramSender(api).send(CHAT, { text: "x" });
    expect(server).toMatchObject({ ok: false, permanent: false });
    expect(server).not.toHaveProperty("retryAfterSeconds");
    fake.failNext("sendMessage", "network");
    const network = await createTelegramSender(api).send(CHAT, { text: "x" });
    expect(network).toMatchObject({ ok: false, permanent: false, error: expect.stringContaining("network") });
  });

  it("leaves a group with leaveChat; a group it is no longer in fails permanently, Telegram's trouble is retried", async () => {
    const sender = createTelegramSender(api);
    expect(await sender.leave("-1009876543210")).toEqual({ ok: true });
    expect(fake.callsTo("leaveChat").map((c) => c.payload.chat_id)).toEqual([-1009876543210]);
    expect(await sender.leave("-1009876543210")).toMatchObject({ ok: false, permanent: true, error: expect.stringContaining("403") });
    fake.failNext("leaveChat", INTERNAL_ERROR);
    expect(await sender.leave("-1001111111111")).toMatchObject({ ok: false, permanent: false });
  });

  it("reports a failure after a partial send so the dispatcher retries the whole message", async () => {
    const result = await createTelegramSender(api).send(CHAT, { text: "cap", media: { kind: "photo", channel: "telegram", fileRef: "f" }, choices: [[{ label: "A", data: "a" }]] });
    expect(result.ok).toBe(true); // caption fits: only one message
    fake.failNext("sendMessage", BLOCKED);
    const partial = await createTelegramSender(api).send(CHAT, { text: "b".repeat(2000), media: { kind: "photo", channel: "telegram", fileRef: "f" } });
    expect(partial).toMatchObject({ ok: false, permanent: true, error: expect.stringContaining("1 part") });
  });

  describe("with the bot's auto-retry", () => {
    it("waits out a short retry_after itself and passes a long one to the outbox", async () => {
      const bot = createTelegramBot({ token: fake.token, apiRoot: fake.apiRoot, botInfo: fake.bot });
      const sender = createTelegramSender(bot.api);
      fake.failNext("sendMessage", TOO_MANY_REQUESTS(1));
      const started = Date.now();
      const short = await sender.send(CHAT, { text: "x" });
      expect(short.ok).toBe(true);
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      expect(fake.callsTo("sendMessage")).toHaveLength(2);

      fake.failNext("sendMessage", TOO_MANY_REQUESTS(30));
      const long = await sender.send(CHAT, { text: "y" });
      expect(long).toMatchObject({ ok: false, permanent: false, retryAfterSeconds: 30 });
      expect(fake.callsTo("sendMessage")).toHaveLength(3);

      fake.failNext("sendMessage", "network");
      const network = await sender.send(CHAT, { text: "z" });
      expect(network).toMatchObject({ ok: false, permanent: false }); // not retried forever
    });
  });
});
