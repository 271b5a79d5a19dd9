// Across channels: a tip filed on Zalo handled by an officer on Telegram and the reverse, media
// re-uploaded without metadata, the receipt code used on another channel, a staff member linking
// a second account and choosing where alerts go, and the weekly reminder for staff on Zalo.
import { startChannels, toChat, type Channels } from "../helpers/channels.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness } from "../helpers/harness.js";
import { textUpdate, callbackUpdate, photoUpdate, TIPSTER, type FakeTelegram, type TestUser } from "../helpers/fake-telegram.js";
import { ZALO_OFFICER, ZALO_TIPSTER, audioEvent, imageEvent, type FakeZaloOa } from "../helpers/fake-zalo-oa.js";
import { fileZaloTip, zaloSay } from "../helpers/zalo-flow.js";
import { fixture, jpegSegments, plantedIn } from "../helpers/images.js";
import { reminderDue } from "../../src/staff/reminders.js";
import { sweep } from "../../bots/core/work/sweep.js";

const OFFICER: TestUser = { id: 5_550_777, is_bot: false, first_name: "Trần", last_name: "Văn Trực", username: "tran_truc_ca", language_code: "vi" };

let c: Channels;
let tg: FakeTelegram;
let zalo: FakeZaloOa;
let h: Harness;

beforeAll(async () => {
  c = await startChannels();
  ({ tg, zalo, h } = c);
});
afterAll(async () => c.close());

const telegram = (update: unknown) => c.telegram(update);
const telegramTexts = (id: number) => c.telegramTexts(id);

describe("Zalo tipster, Telegram officer", () => {
  let tipId = 0;
  let receipt = "";

  it("alerts the Telegram officer of a Zalo tip, with the Zalo photo re-uploaded without EXIF", async () => {
    const code = await h.invite("officer", { communeCode: "HONGLOC" }, "Đ/c Trần Văn Trực");
    await telegram(textUpdate(`/start ${code}`, { user: OFFICER }));
    await zaloSay(h, ZALO_TIPSTER, "/start");
    await zaloSay(h, ZALO_TIPSTER, "Hồng Lộc");
    await zaloSay(h, ZALO_TIPSTER, "1");
    await zaloSay(h, ZALO_TIPSTER, "không rõ thôn/xóm");
    await zaloSay(h, ZALO_TIPSTER, "Người lạ giao hàng ở bến xe lúc chiều tối.");
    const photo = fixture("gps.jpg");
    expect((await h.postZalo(imageEvent(ZALO_TIPSTER, zalo.hostMedia(photo, "image/jpeg")))).status).toBe(200);
    await h.settle();
    expect((await h.postZalo(audioEvent(ZALO_TIPSTER, zalo.hostMedia(new Uint8Array([0xff, 0xf1, 0x50, 0x80, 1, 2, 3, 4]), "audio/aac")))).status).toBe(200);
    await h.settle();
    await zaloSay(h, ZALO_TIPSTER, "1");
    await zaloSay(h, ZALO_TIPSTER, "1");
    receipt = /Mã tiếp nhận của bạn: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(zalo.textsTo(ZALO_TIPSTER.id).join("\n"))![1]!;

    const alert = tg.calls.find((c) => toChat(OFFICER.id)(c) && String(c.payload.text).includes("TIN BÁO MỚI"))!;
    const buttons = (alert.payload.reply_markup as { inline_keyboard: { callback_data: string }[][] }).inline_keyboard.flat();
    tipId = Number(/^t:(\d+):/.exec(buttons[0]!.callback_data)![1]);
    const sent = tg.callsTo("sendPhoto").find(toChat(OFFICER.id))!;
    expect(sent.multipart).toBe(true);
    expect(sent.files).toHaveLength(1);
    // Re-encoded: not one planted marker (GPS, owner, serial, XMP, maker note, bytes after EOI) arrives.
    expect(plantedIn(photo).length).toBeGreaterThan(5);
    expect(plantedIn(sent.files[0]!.bytes)).toEqual([]);
    expect(jpegSegments(sent.files[0]!.bytes)).not.toContain("APP1");
    expect(sent.files[0]!.filename).toBe("photo.jpg");
    expect(String(sent.payload.protect_content)).toBe("true");
    // A Zalo voice note (AAC) is not a Telegram voice (OGG/Opus): it arrives as a document.
    const voice = tg.callsTo("sendDocument").find(toChat(OFFICER.id))!;
    expect(voice.files[0]).toMatchObject({ filename: "voice.aac", size: 8 });
  });

  it("carries the Telegram officer's question to Zalo and the answer back", async () => {
    await telegram(callbackUpdate(`t:${tipId}:take`, { user: OFFICER }));
    expect(zalo.textsTo(ZALO_TIPSTER.id).at(-1)).toContain("đã được cán bộ công an xã tiếp nhận");
    await telegram(callbackUpdate(`t:${tipId}:ask`, { user: OFFICER }));
    await telegram(textUpdate("Người lạ đi xe gì?", { user: OFFICER }));
    expect(zalo.textsTo(ZALO_TIPSTER.id).at(-1)).toContain("Người lạ đi xe gì?");
    await zaloSay(h, ZALO_TIPSTER, "1");
    await zaloSay(h, ZALO_TIPSTER, "Xe tải nhỏ màu trắng.");
    await zaloSay(h, ZALO_TIPSTER, "xong");
    expect(telegramTexts(OFFICER.id).join("\n")).toContain("Xe tải nhỏ màu trắng.");
  });

  it("opens the Zalo tip with its receipt code on Telegram", async () => {
    await telegram(textUpdate(receipt));
    const shown = telegramTexts(TIPSTER.id).at(-1)!;
    expect(shown).toContain("Người lạ đi xe gì?");
    expect(shown).toContain("Xe tải nhỏ màu trắng.");
  });
});

describe("staff on two messengers", () => {
  it("links the officer's Zalo account with a one-time code and moves alerts to Zalo", async () => {
    await telegram(textUpdate("/lienket", { user: OFFICER }));
    const code = /(LK-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(telegramTexts(OFFICER.id).at(-1)!)![1]!;
    await zaloSay(h, ZALO_OFFICER, `/lienket ${code}`);
    expect(zalo.textsTo(ZALO_OFFICER.id).at(-1)).toContain("Đã liên kết tài khoản Zalo (Official Account) này với Đ/c Trần Văn Trực");
    await zaloSay(h, ZALO_OFFICER, `/lienket ${code}`);
    expect(zalo.textsTo(ZALO_OFFICER.id).at(-1)).toContain("đã thuộc về đồng chí");
    await zaloSay(h, ZALO_TIPSTER, `/lienket ${code}`);
    expect(zalo.textsTo(ZALO_TIPSTER.id).at(-1)).toContain("đã được dùng");

    await zaloSay(h, ZALO_OFFICER, "/toi");
    expect(zalo.textsTo(ZALO_OFFICER.id).at(-1)).toContain("Đ/c Trần Văn Trực — công an xã");
    await zaloSay(h, ZALO_OFFICER, "/kenhcanhbao");
    expect(zalo.textsTo(ZALO_OFFICER.id).at(-1)).toMatch(/qua Telegram\. Chọn kênh nhận cảnh báo:\n\n1\. Telegram\n2\. Zalo \(Official Account\)\n3\. ✖️ Hủy/);
    await zaloSay(h, ZALO_OFFICER, "2");
    expect(zalo.textsTo(ZALO_OFFICER.id).at(-1)).toContain("Từ nay cảnh báo tin báo sẽ gửi đến đồng chí qua Zalo (Official Account)");
  });

  it("sends the next tip's alert, with a Telegram photo re-uploaded, to Zalo only", async () => {
    const telegramBefore = telegramTexts(OFFICER.id).length;
    tg.setFileContent("AgACphoto-large", fixture("padded.jpg")); // EXIF after the frame header: the old stripper let it through
    await c.telegramDraft("Bán ma túy qua mạng, giao tận nhà.");
    await telegram(photoUpdate());
    await telegram(callbackUpdate("m:continue"));
    await telegram(callbackUpdate("s:submit"));
    const alert = zalo.textsTo(ZALO_OFFICER.id).find((t) => t.includes("Bán ma túy qua mạng"));
    expect(alert).toContain("TIN BÁO MỚI");
    expect(telegramTexts(OFFICER.id).slice(telegramBefore).join("\n")).not.toContain("Bán ma túy qua mạng");
    const upload = zalo.uploads.filter((u) => u.kind === "image").at(-1)!;
    expect(upload.mime).toBe("image/jpeg");
    expect(plantedIn(upload.bytes)).toEqual([]);
    // The officer takes it from Zalo by typing the number.
    await zaloSay(h, ZALO_OFFICER, "1");
    expect(telegramTexts(TIPSTER.id).at(-1)).toContain("đã được cán bộ công an xã tiếp nhận");
  });

  it("reminds the officer on Zalo to interact before the 7-day window closes, once per silence", async () => {
    const reminders = () => zalo.textsTo(ZALO_OFFICER.id).filter((t) => t.includes("Kính gửi đồng chí")).length;
    h.clock.advanceMinutes(4 * 24 * 60);
    await sweep(h.deps);
    await h.settle();
    expect(reminders()).toBe(0);
    h.clock.advanceMinutes(2 * 24 * 60);
    await sweep(h.deps);
    await sweep(h.deps);
    await h.settle();
    expect(reminders()).toBe(1);
    expect(zalo.textsTo(ZALO_OFFICER.id).at(-1)).toContain("1. ✔️ Tôi vẫn nhận tin");
    await zaloSay(h, ZALO_OFFICER, "1");
    expect(zalo.textsTo(ZALO_OFFICER.id).at(-1)).toContain("Cảm ơn đồng chí");
    h.clock.advanceMinutes(3 * 24 * 60);
    await sweep(h.deps);
    await h.settle();
    expect(reminders()).toBe(1);
    h.clock.advanceMinutes(3 * 24 * 60);
    await sweep(h.deps);
    await h.settle();
    expect(reminders()).toBe(2);
  });

  it.each([
    [0, null, false],
    [4.9, null, false],
    [5, null, true],
    [6, 1, true], // reminded before the last message
    [6, 6, false], // reminded after it, no answer yet
  ])("reminder due after %f days silent, reminded on day %s → %s", (silentDays, remindedDay, due) => {
    const day = 86_400_000;
    const lastSeen = new Date(10 * day);
    const now = new Date(10 * day + silentDays * day);
    const remindedAt = remindedDay === null ? null : new Date(10 * day + (remindedDay === 1 ? -day : remindedDay * day));
    expect(reminderDue(now, lastSeen, remindedAt)).toBe(due);
  });
});

describe("a tip filed on Zalo", () => {
  it("is found by its receipt code from the web chat too", async () => {
    const { receipt } = await fileZaloTip(h, zalo, { id: "3141592653589793238", userIdByApp: "2718281828459045235", displayName: "Người thứ ba" });
    const shown = await h.web().say(receipt);
    expect(shown.map((m) => m.text).join("\n")).toContain("Trạng thái:");
  });
});
