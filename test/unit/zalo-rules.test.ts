// Pure Zalo rules, table-driven: the webhook signature (with the reference's test vector), event
// reading, numbered choices and error codes (picture metadata: test/unit/reencode.test.ts).
import { renderForZalo, splitForZalo, withMediaNote } from "../../bots/core/numbered-text.js";
import { describe, expect, it } from "vitest";
import { verifyZaloSignature, zaloSignature } from "../../bots/zalo/signature.js";
import { parseZaloEvent } from "../../bots/zalo/events.js";
import { foldChoiceText, matchChoice, numberChoices } from "../../bots/core/numbered-choices.js";
import { classifyZaloError, secondsUntilVietnamMorning } from "../../bots/zalo/errors.js";
import { parseBotUpdate } from "../../bots/zalobot/normalize.js";
import { viZalo } from "../../src/i18n/vi-zalo.js";

const VECTOR_BODY =
  '{"app_id":"360846524940903967","sender":{"id":"246845883529197922"},"user_id_by_app":"552177279717587730","recipient":{"id":"388613280878808645"},"event_name":"user_send_text","message":{"text":"message","msg_id":"96d3cdf3af150460909"},"timestamp":"154390853474"}';
const VECTOR_MAC = "d6b2f460776baf661c24636ed1650d166ae50c282a0408ac80ef5550f76d0d05";

describe("Zalo OA webhook signature", () => {
  it("matches the reference test vector", async () => {
    expect(await zaloSignature("360846524940903967", VECTOR_BODY, "154390853474", "test-oa-secret")).toBe(VECTOR_MAC);
  });
  it.each([
    [`mac=${VECTOR_MAC}`, true],
    [VECTOR_MAC, true],
    [`MAC=${VECTOR_MAC.toUpperCase()}`, true],
    [`mac=${VECTOR_MAC.slice(0, -1)}0`, false],
    [`mac=${VECTOR_MAC.slice(0, 10)}`, false],
    ["", false],
    ["mac=", false],
    [`sha256=${VECTOR_MAC}`, false],
  ])("header %j → %s", async (header, ok) => {
    expect(await verifyZaloSignature(header, "360846524940903967", VECTOR_BODY, "154390853474", "test-oa-secret")).toBe(ok);
  });
  it("fails for another body, timestamp, app id or secret", async () => {
    const h = `mac=${VECTOR_MAC}`;
    expect(await verifyZaloSignature(h, "360846524940903967", VECTOR_BODY.replace("message", "massage"), "154390853474", "test-oa-secret")).toBe(false);
    expect(await verifyZaloSignature(h, "360846524940903967", VECTOR_BODY, "154390853475", "test-oa-secret")).toBe(false);
    expect(await verifyZaloSignature(h, "360846524940903968", VECTOR_BODY, "154390853474", "test-oa-secret")).toBe(false);
    expect(await verifyZaloSignature(h, "360846524940903967", VECTOR_BODY, "154390853474", "other-secret")).toBe(false);
  });
});

const user = { id: "246845883529197922" };
const envelope = (event_name: string, message: Record<string, unknown>) => ({
  app_id: "1",
  sender: user,
  user_id_by_app: "552177279717587730",
  recipient: { id: "9" },
  event_name,
  message: { msg_id: "m1", ...message },
  timestamp: "154390853474",
});
const att = (type: string, payload: Record<string, unknown>) => ({ attachments: [{ type, payload }] });

describe("Zalo OA events → neutral content", () => {
  it.each<[string, unknown, unknown]>([
    ["text", envelope("user_send_text", { text: "Chào A4B" }), { kind: "text", text: "Chào A4B" }],
    ["anonymous text", envelope("anonymous_send_text", { text: "ẩn danh" }), { kind: "text", text: "ẩn danh" }],
    ["image", envelope("user_send_image", { text: "ảnh", ...att("image", { url: "https://f1.zdn.vn/a.jpg", thumbnail: "https://f1.zdn.vn/t.jpg" }) }), { kind: "media", media: "photo", fileRef: "https://f1.zdn.vn/a.jpg", caption: "ảnh" }],
    ["audio is a voice note", envelope("user_send_audio", att("audio", { url: "https://f1.zdn.vn/a.aac" })), { kind: "media", media: "voice", fileRef: "https://f1.zdn.vn/a.aac" }],
    ["video", envelope("user_send_video", att("video", { url: "https://f1.zdn.vn/v.mp4" })), { kind: "media", media: "video", fileRef: "https://f1.zdn.vn/v.mp4" }],
    ["gif", envelope("user_send_gif", att("gif", { url: "https://f1.zdn.vn/g.gif" })), { kind: "media", media: "animation", fileRef: "https://f1.zdn.vn/g.gif" }],
    ["sticker", envelope("user_send_sticker", att("sticker", { id: "abc", url: "https://zalo-api.zadn.vn/s" })), { kind: "media", media: "sticker", fileRef: "https://zalo-api.zadn.vn/s" }],
    ["location (strings)", envelope("user_send_location", att("location", { coordinates: { latitude: "10.7", longitude: "106.6" } })), { kind: "location", latitude: 10.7, longitude: 106.6 }],
    ["location out of range", envelope("user_send_location", att("location", { coordinates: { latitude: "99", longitude: "106.6" } })), { kind: "unsupported", what: "location" }],
    ["photo as a file", envelope("user_send_file", att("file", { url: "https://f1.zdn.vn/f", name: "IMG_1.JPG", size: "1", type: "jpg" })), { kind: "media", media: "image_file", fileRef: "https://f1.zdn.vn/f" }],
    ["document", envelope("user_send_file", att("file", { url: "https://f1.zdn.vn/f", name: "a.pdf", type: "pdf" })), { kind: "media", media: "document", fileRef: "https://f1.zdn.vn/f" }],
    ["link is text", envelope("user_send_link", att("link", { url: "https://example.com/x", description: "Nguyễn Văn A" })), { kind: "text", text: "https://example.com/x" }],
    ["business card copies nothing", envelope("user_send_business_card", att("contact", { phone: "0912345678" })), { kind: "unsupported", what: "business_card" }],
    ["javascript: URL is no media", envelope("user_send_image", att("image", { url: "javascript:alert(1)" })), { kind: "unsupported", what: "user_send_image" }],
  ])("%s", (_name, body, content) => {
    const [event] = parseZaloEvent(body);
    expect(event).toMatchObject({ type: "message", userId: user.id, content });
    expect(JSON.stringify((event as { content: unknown }).content)).not.toContain("552177279717587730");
  });

  it.each([
    ["our own echo", { ...envelope("oa_send_text", { text: "x" }) }],
    ["receipt", envelope("user_received_message", {})],
    ["seen", envelope("user_seen_message", {})],
    ["unknown event", envelope("user_did_something_new", {})],
    ["no event name", { sender: user }],
    ["not an object", [1, 2]],
    ["null", null],
    ["no sender", { ...envelope("user_send_text", { text: "x" }), sender: {} }],
    ["text missing", envelope("user_send_text", {})],
  ])("ignores %s", (_name, body) => {
    expect(parseZaloEvent(body)).toEqual([expect.objectContaining({ type: "ignore" })]);
  });

  it("reads follow and unfollow by follower.id, and one event per attachment", () => {
    expect(parseZaloEvent({ event_name: "follow", follower: { id: "77" }, oa_id: "9", timestamp: "5" })).toEqual([{ type: "follow", userId: "77", timestamp: "5" }]);
    expect(parseZaloEvent({ event_name: "unfollow", follower: { id: "77" }, timestamp: "6" })[0]).toMatchObject({ type: "unfollow" });
    const two = parseZaloEvent(envelope("user_send_image", { attachments: [{ type: "image", payload: { url: "https://a/1" } }, { type: "image", payload: { url: "https://a/2" } }] }));
    expect(two.map((e) => (e as { externalId: string }).externalId)).toEqual(["m1", "m1:1"]);
  });
});

describe("numbered choices", () => {
  const numbered = numberChoices([
    [{ label: "🚨 Tố giác ma túy", data: "menu:report" }],
    [{ label: "Không rõ thôn/xóm", data: "v:none" }],
    [
      { label: "⬅️ Quay lại", data: "nav:back" },
      { label: "✖️ Hủy", data: "nav:cancel" },
    ],
  ]);
  it("renders numbered lines and the hint", () => {
    expect(renderForZalo("Chọn:", numbered)).toEqual([`Chọn:\n\n1. 🚨 Tố giác ma túy\n2. Không rõ thôn/xóm\n3. ⬅️ Quay lại\n4. ✖️ Hủy\n${viZalo.choices.hint(4)}`]);
    expect(viZalo.choices.hint(3)).toContain("Gõ 1, 2 hoặc 3");
    expect(viZalo.choices.hint(12)).toContain("từ 1 đến 12");
  });
  it.each([
    ["1", "menu:report"],
    [" 2 ", "v:none"],
    ["3.", "nav:back"],
    ["số 4", "nav:cancel"],
    ["４", "nav:cancel"], // full-width digit
    ["HỦY", "nav:cancel"],
    ["huy", "nav:cancel"],
    ["quay lai", "nav:back"],
    ["khong ro thon xom", "v:none"],
    ["tố giác ma túy", "menu:report"],
    ["5", null],
    ["0", null],
    ["12", null],
    ["ABCD-7KMN", null],
    ["Hủy bỏ giúp tôi", null],
    ["Nhà số 1 ngõ 3", null],
    ["\u200b", null],
    ["🚨", null],
  ])("%j → %s", (typed, data) => {
    expect(matchChoice(typed, numbered)).toBe(data);
  });
  it("folds labels without diacritics, emoji or punctuation", () => {
    expect(foldChoiceText("✅ Đã xử lý!")).toBe("da xu ly");
    expect(foldChoiceText("ꪀꪱꪒ Tai Viet")).toBe("ꪀꪱꪒ tai viet");
  });
});

describe("Zalo error codes", () => {
  const noon = new Date("2026-03-02T05:00:00Z"); // 12:00 in Vietnam
  it.each([
    [-230, { kind: "unreachable" }],
    [-213, { kind: "unreachable" }],
    [-232, { kind: "unreachable" }],
    [-32, { kind: "retry", afterSeconds: 60 }],
    [-100, { kind: "retry" }],
    [-216, { kind: "retry" }],
    [-201, { kind: "permanent" }],
    [-124, { kind: "permanent" }],
  ])("%i → %j", (code, action) => {
    expect(classifyZaloError(code, noon)).toEqual(action);
  });
  it("waits for the Vietnamese morning on -234 (night hours)", () => {
    expect(classifyZaloError(-234, new Date("2026-03-02T16:00:00Z"))).toEqual({ kind: "retry", afterSeconds: 7 * 3600 + 60 }); // 23:00 → 06:01
    expect(secondsUntilVietnamMorning(new Date("2026-03-01T22:30:00Z"))).toBe(31 * 60); // 05:30 → 06:01
  });
  it("splits long texts for Zalo's 2,000 characters", () => {
    const parts = splitForZalo(`${"a".repeat(1500)}\n${"b".repeat(1500)}`);
    expect(parts).toEqual(["a".repeat(1500), "b".repeat(1500)]);
    expect(splitForZalo("😀".repeat(2500)).every((p) => [...p].length <= 2000)).toBe(true);
  });
});

describe("Zalo Bot updates", () => {
  const message = { from: { id: "u1", display_name: "Ai Đó", is_bot: false }, chat: { id: "c1", chat_type: "PRIVATE" }, message_id: "m1", date: 1 };
  it.each<[string, unknown, unknown]>([
    ["wrapped text", { ok: true, result: { event_name: "message.text.received", message: { ...message, text: "Xin chào" } } }, { kind: "text", text: "Xin chào" }],
    ["flat text", { event_name: "message.text.received", message: { ...message, text: "Xin chào" } }, { kind: "text", text: "Xin chào" }],
    ["docs sample without event name", { ok: true, result: { message: { ...message, text: "Xin chào" } } }, { kind: "text", text: "Xin chào" }],
    ["image", { event_name: "message.image.received", message: { ...message, photo_url: "https://b.zdn.vn/p.jpg", caption: "ảnh" } }, { kind: "media", media: "photo", fileRef: "https://b.zdn.vn/p.jpg", caption: "ảnh" }],
    ["sticker", { event_name: "message.sticker.received", message: { ...message, sticker: "s" } }, { kind: "media", media: "sticker" }],
    ["unsupported", { event_name: "message.unsupported.received", message }, { kind: "unsupported", what: "unsupported" }],
  ])("%s", (_n, body, content) => {
    expect(parseBotUpdate(body)).toMatchObject({ userId: "u1", chatId: "c1", isGroup: false, content });
  });
  it.each([["a bot", { event_name: "message.text.received", message: { ...message, from: { id: "b", is_bot: true }, text: "x" } }], ["no message", { ok: true, result: {} }], ["garbage", "x"]])("ignores %s", (_n, body) => {
    expect(parseBotUpdate(body)).toBeNull();
  });
});

describe("a line standing for a file, on Zalo OA and Zalo Bot alike", () => {
  it.each([
    ["📎 Ghi âm: https://x/media/v1.a", "🔊 Ghi âm bản tin ở trên: bạn có thể mở để nghe.", "📎 Ghi âm: https://x/media/v1.a\n\n🔊 Ghi âm bản tin ở trên: bạn có thể mở để nghe."],
    ["⚠️ Video kèm theo đã được giữ lại", "", "⚠️ Video kèm theo đã được giữ lại"],
    ["📍 Vị trí: 18.5, 105.7", "   ", "📍 Vị trí: 18.5, 105.7"],
  ])("%j before %j", (note, text, expected) => {
    expect(withMediaNote(note, text)).toBe(expected);
  });
});
