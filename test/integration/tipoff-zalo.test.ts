// Tip-off, follow-up and the officer's side over the Zalo Official Account, against a fake Zalo
// OA on localhost speaking the real wire format, through the real app on a real SQLite file; and
// the anonymity scan for a Zalo tipster (Zalo id, user_id_by_app, display name).
import { existsSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../helpers/harness.js";
import {
  ZALO_OFFICER,
  ZALO_TIPSTER,
  audioEvent,
  businessCardEvent,
  fileEvent,
  followEvent,
  imageEvent,
  linkEvent,
  locationEvent,
  startFakeZaloOa,
  textEvent,
  videoEvent,
  type FakeZaloOa,
} from "../helpers/fake-zalo-oa.js";
import { EXIF_MARKERS, containsText, jpegWithExif } from "../helpers/images.js";
import { AV_SECRETS, avFixture, avMarkersIn } from "../helpers/av.js";

let fake: FakeZaloOa;
let h: Harness;

beforeAll(async () => {
  fake = await startFakeZaloOa();
  h = await createHarness({ zalo: fake });
  await h.authorizeZalo();
});
afterAll(async () => {
  await h.close();
  await fake.close();
});

async function post(event: Record<string, unknown>): Promise<void> {
  const res = await h.postZalo(event);
  expect(res.status).toBe(200);
  await h.settle();
}

const tipster = (text: string) => post(textEvent(ZALO_TIPSTER, text));
const officer = (text: string) => post(textEvent(ZALO_OFFICER, text));
const lastTo = (user: { id: string }) => fake.textsTo(user.id).at(-1) ?? "";

describe("tip-off over Zalo OA", () => {
  let receipt = "";

  it("registers an officer who uses Zalo", async () => {
    const code = await h.invite("officer", { communeCode: "HONGLOC" }, "Đ/c Lò Văn Công An");
    await officer(`/dangky ${code}`);
    expect(fake.textsTo(ZALO_OFFICER.id).join("\n")).toContain("Đăng ký thành công");
  });

  it("greets a new follower with what the bot can do, as numbered choices", async () => {
    await post(followEvent(ZALO_TIPSTER));
    const texts = fake.textsTo(ZALO_TIPSTER.id).join("\n");
    expect(texts).toContain("Báo tin về ma túy mà không cần cho biết họ tên");
    expect(texts).toMatch(/1\. 🚨 Tố giác ma túy\n2\. 🔎 Tôi đã có mã tiếp nhận/);
    expect(lastTo(ZALO_TIPSTER)).toContain("Gõ 1, 2, 3, 4 hoặc 5 để chọn");
  });

  it("files a tip with numbers and words, photo, voice note, video and location", async () => {
    await tipster("1"); // 🚨 Tố giác ma túy
    expect(lastTo(ZALO_TIPSTER)).toContain("Bước 1/5");
    await tipster("Hong Loc");
    // The only commune found is taken at once, with a way to choose another.
    expect(lastTo(ZALO_TIPSTER)).toContain("Bước 2/5");
    expect(lastTo(ZALO_TIPSTER)).toContain("Chọn xã khác");
    await tipster("điểm, người bán lẻ ma túy"); // the words of a choice, any case
    expect(lastTo(ZALO_TIPSTER)).toContain("Bước 3/5");
    await tipster("khong ro thon/xom"); // without diacritics
    expect(lastTo(ZALO_TIPSTER)).toContain("Bước 4/5");
    // A number while only "Quay lại / Hủy" are offered would be a choice; a sentence is text.
    await tipster("Nhà cuối ngõ 3 có người bán ma túy, hay giao hàng lúc 22 giờ. 🚬 ꪀꪱꪒ");
    expect(lastTo(ZALO_TIPSTER)).toContain("Bước 5/5");

    const photoUrl = fake.hostMedia(jpegWithExif(), "image/jpeg");
    await post(imageEvent(ZALO_TIPSTER, photoUrl, "ảnh nhà"));
    // A voice note in raw AAC behind an ID3 tag, and a phone video with its filming place and owner.
    await post(audioEvent(ZALO_TIPSTER, fake.hostMedia(avFixture("voice-id3.aac"), "audio/aac")));
    await post(videoEvent(ZALO_TIPSTER, fake.hostMedia(avFixture("android.mp4"), "video/mp4")));
    await post(locationEvent(ZALO_TIPSTER, "18.5312", "105.7012"));
    // Asked first whether it marks the place, not the tipster's home (issue 10).
    expect(lastTo(ZALO_TIPSTER)).toContain("có phải là nơi xảy ra sự việc");
    await tipster("1"); // Đúng, đây là nơi xảy ra
    expect(lastTo(ZALO_TIPSTER)).toContain("Đã thêm vị trí");
    await post(fileEvent(ZALO_TIPSTER, fake.hostMedia(jpegWithExif(), "image/jpeg"), "IMG_VuThiDua.jpg", "jpg"));
    expect(lastTo(ZALO_TIPSTER)).toContain("Ảnh gửi dạng tệp");
    await post(businessCardEvent(ZALO_TIPSTER));
    await tipster("1"); // Tiếp tục
    expect(lastTo(ZALO_TIPSTER)).toContain("Đính kèm: 1 ảnh, 1 tin nhắn thoại, 1 video, 1 vị trí");
    await tipster("1"); // Gửi tin báo
    const all = fake.textsTo(ZALO_TIPSTER.id).join("\n");
    receipt = /Mã tiếp nhận của bạn: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(all)?.[1] ?? "";
    expect(receipt).not.toBe("");
  });

  it("alerts the officer on Zalo with numbered actions, the photo re-uploaded without EXIF, the voice note and the video as files without their tags", async () => {
    const texts = fake.textsTo(ZALO_OFFICER.id);
    const alert = texts.find((t) => t.includes("TIN BÁO MỚI"))!;
    expect(alert).toContain("Nhà cuối ngõ 3 có người bán ma túy");
    expect(alert).toMatch(/1\. 📥 Tiếp nhận\n2\. 🔍 Đang xác minh\n3\. ✅ Đã xử lý\n4\. 🚫 Không có cơ sở\n5\. 💬 Hỏi người báo tin/);
    const image = fake.uploads.find((u) => u.kind === "image")!;
    expect(image).toBeDefined();
    for (const marker of EXIF_MARKERS) expect(containsText(image.bytes, marker)).toBe(false);
    expect(image.bytes[0]).toBe(0xff);
    const sentImage = fake.messages.find((m) => m.userId === ZALO_OFFICER.id && JSON.stringify(m.attachment ?? {}).includes(image.id));
    expect(sentImage).toBeDefined();
    const files = fake.uploads.filter((u) => u.kind === "file");
    expect(files.map((f) => f.name).sort()).toEqual(["video.mp4", "voice.aac"]);
    for (const file of files) expect(avMarkersIn(file.bytes), file.name).toEqual([]);
    expect(texts.some((t) => t.includes("https://www.google.com/maps?q=18.531200,105.701200"))).toBe(true);
  });

  it("lets the officer take the tip and ask; the tipster answers by number and text", async () => {
    await officer("1"); // 📥 Tiếp nhận
    expect(lastTo(ZALO_TIPSTER)).toContain("đã được cán bộ công an xã tiếp nhận");
    expect(fake.textsTo(ZALO_OFFICER.id).join("\n")).toContain("chuyển sang \"Đã tiếp nhận\"");
    await officer("5"); // 💬 Hỏi người báo tin
    expect(lastTo(ZALO_OFFICER)).toContain("Gõ câu hỏi gửi người báo tin");
    await officer("Người bán đi xe gì?");
    expect(lastTo(ZALO_TIPSTER)).toContain("Người bán đi xe gì?");
    expect(lastTo(ZALO_TIPSTER)).toContain("1. 💬 Trả lời cán bộ");
    await tipster("1");
    await tipster("Xe Exciter màu xanh.");
    await tipster("xong");
    expect(fake.textsTo(ZALO_OFFICER.id).join("\n")).toContain("Xe Exciter màu xanh.");
  });

  it("opens the tip with the receipt code on Zalo and on the web chat", async () => {
    await tipster(receipt.toLowerCase().replace("-", " "));
    expect(lastTo(ZALO_TIPSTER)).toContain("Cán bộ công an xã đã tiếp nhận tin báo của bạn");
    expect(lastTo(ZALO_TIPSTER)).toContain("Người bán đi xe gì?");
    const web = h.web();
    const shown = await web.say(receipt);
    expect(shown.map((m) => m.text).join("\n")).toContain("Người bán đi xe gì?");
  });

  it("answers links, stickers and odd Unicode politely", async () => {
    await tipster("/huy");
    await post(linkEvent(ZALO_TIPSTER, "https://example.com/trang-ban-hang"));
    expect(lastTo(ZALO_TIPSTER)).toContain("Xin chào");
    await tipster("\u200b\u200d");
    await tipster("x".repeat(5000));
    expect(await h.db.inboundUpdate.count({ where: { status: "failed" } })).toBe(0);
  });

  it("leaves nothing that identifies the tipster in the database, its WAL, the logs or officers' messages", async () => {
    const secrets = [ZALO_TIPSTER.id, ZALO_TIPSTER.userIdByApp, ZALO_TIPSTER.displayName, "0912345678", "IMG_VuThiDua", ...EXIF_MARKERS, ...AV_SECRETS];
    const files = [h.dbPath, `${h.dbPath}-wal`].filter(existsSync);
    const stored = files.map((f) => readFileSync(f)).map((b) => b.toString("utf8") + b.toString("latin1"));
    const logs = h.logs.join("\n");
    const toOfficer = [
      ...fake.messages.filter((m) => m.userId !== ZALO_TIPSTER.id).map((m) => JSON.stringify(m)),
      ...fake.uploads.map((u) => u.name + Buffer.from(u.bytes).toString("latin1")),
    ];
    expect(toOfficer.length).toBeGreaterThan(5);
    for (const secret of secrets) {
      for (const blob of stored) expect(blob.includes(secret), `database holds ${secret}`).toBe(false);
      expect(logs.includes(secret), `logs hold ${secret}`).toBe(false);
      for (const message of toOfficer) expect(message.includes(secret), `officer saw ${secret}`).toBe(false);
    }
  });
});
