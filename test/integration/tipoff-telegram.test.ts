// Tip-off over Telegram webhooks, with grammY sending to a fake Bot API server on localhost,
// and the anonymity scan: nothing that identifies the tipster in the database, logs or officers' messages.
import { existsSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AV_SECRETS, avFixture, avMarkersIn } from "../helpers/av.js";
import { containsText, EXIF_MARKERS, jpegWithExif } from "../helpers/images.js";
import { createHarness, PUBLIC_URL, WEBHOOK_SECRET, type Harness } from "../helpers/harness.js";
import { postTelegramSettled, toChat } from "../helpers/channels.js";
import {
  GROUP_CHAT,
  TIPSTER,
  TIPSTER_PHONE,
  callbackUpdate,
  messageUpdate,
  photoUpdate,
  startFakeTelegram,
  textUpdate,
  type FakeTelegram,
  type TestUser,
  contactUpdate,
  documentUpdate,
  locationUpdate,
  voiceUpdate,
  videoUpdate,
} from "../helpers/fake-telegram.js";

const OFFICER: TestUser = { id: 5_550_001, is_bot: false, first_name: "Trần", last_name: "Công An", username: "ca_hongloc", language_code: "vi" };

let fake: FakeTelegram;
let h: Harness;

beforeAll(async () => {
  fake = await startFakeTelegram();
  h = await createHarness({ telegram: fake, settings: { publicUrl: PUBLIC_URL } });
});
afterAll(async () => {
  await h.close();
  await fake.close();
});

const post = (update: unknown) => postTelegramSettled(h, update);

const textsTo = (chatId: number) => fake.calls.filter(toChat(chatId)).map((c) => String(c.payload.text ?? c.payload.caption ?? ""));

describe("tip-off over Telegram", () => {
  let tipId = 0;

  it("registers an officer and the commune's alert group", async () => {
    const code = await h.invite("officer", { communeCode: "HONGLOC" }, "Đ/c Trần Công An");
    await post(textUpdate(`/start ${code}`, { user: OFFICER }));
    expect(textsTo(OFFICER.id).join("\n")).toContain("Đăng ký thành công");
    await post(textUpdate("/nhomcanhbao@PhaoDaiBot", { user: OFFICER, chat: GROUP_CHAT }));
    expect(textsTo(GROUP_CHAT.id).join("\n")).toContain("Nhóm này sẽ nhận cảnh báo");
  });

  it("takes a whole tip-off with photo, voice note and location, and alerts the group with copies", async () => {
    const commune = await h.db.commune.findUniqueOrThrow({ where: { code: "HONGLOC" } });
    await post(textUpdate("/start"));
    await post(textUpdate("Hồng Lộc"));
    const choices = fake.calls.filter(toChat(TIPSTER.id)).at(-1)!.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] };
    // The only commune found is taken at once; a commune button from an earlier search still works.
    expect(choices.inline_keyboard.flat().map((b) => b.text)).toContain("🔍 Chọn xã khác");
    const press = callbackUpdate(`c:${commune.id}`);
    const pressed = await h.postTelegram(press);
    expect(await pressed.json()).toEqual({ method: "answerCallbackQuery", callback_query_id: (press.callback_query as { id: string }).id });
    await h.settle();
    await post(callbackUpdate("k:selling"));
    await post(callbackUpdate("v:none"));
    await post(textUpdate("Nhà cuối ngõ có người bán ma túy, hay giao hàng lúc 22 giờ."));
    await post(photoUpdate({ caption: "ảnh nhà" }));
    // The phone video and voice note as Telegram holds them, with the owner's name and place in tags.
    fake.setFileContent("AwACvoice", avFixture("voice.ogg"));
    fake.setFileContent("BAACvideo", avFixture("android.mp4"));
    await post(voiceUpdate());
    await post(videoUpdate());
    await post(locationUpdate(18.5, 105.7));
    // Asked first whether it marks the place, not the tipster's home (issue 10).
    expect(textsTo(TIPSTER.id).at(-1)).toContain("có phải là nơi xảy ra sự việc");
    await post(callbackUpdate("loc:yes"));
    // A photo sent as a file keeps GPS data: refused with an explanation.
    await post(documentUpdate("image/jpeg"));
    expect(textsTo(TIPSTER.id).at(-1)).toContain("Ảnh gửi dạng tệp");
    // A contact card (with a phone number) is not something the flow takes.
    await post(contactUpdate());
    await post(callbackUpdate("m:continue"));
    expect(textsTo(TIPSTER.id).at(-1)).toContain("3 tệp đính kèm".slice(0, 0) + "Đính kèm: 1 ảnh, 1 tin nhắn thoại, 1 video, 1 vị trí");
    await post(callbackUpdate("s:submit"));
    expect(textsTo(TIPSTER.id).join("\n")).toMatch(/Mã tiếp nhận của bạn: [A-Z0-9]{4}-[A-Z0-9]{4}/);

    const alert = fake.calls.find((c) => toChat(GROUP_CHAT.id)(c) && String(c.payload.text).includes("TIN BÁO MỚI"))!;
    expect(alert.payload.protect_content).toBe(true);
    const buttons = (alert.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard.flat();
    expect(buttons.map((b) => b.text)).toEqual(expect.arrayContaining(["📥 Tiếp nhận", "🔍 Đang xác minh", "✅ Đã xử lý", "🚫 Không có cơ sở", "💬 Hỏi người báo tin"]));
    tipId = Number(/^t:(\d+):/.exec(buttons[0]!.callback_data)![1]);
    const photo = fake.callsTo("sendPhoto").find(toChat(GROUP_CHAT.id))!;
    expect(photo.payload.photo).toBe("AgACphoto-large");
    expect(photo.payload.protect_content).toBe(true);
    // Even on Telegram, a citizen's video and voice note are fetched, cleaned and uploaded again.
    const voice = fake.callsTo("sendVoice").find(toChat(GROUP_CHAT.id))!;
    const video = fake.callsTo("sendVideo").find(toChat(GROUP_CHAT.id))!;
    expect(voice.files.map((f) => f.filename)).toEqual(["voice.ogg"]);
    expect(video.files.map((f) => f.filename)).toEqual(["video.mp4"]);
    for (const file of [...voice.files, ...video.files]) expect(avMarkersIn(file.bytes), file.filename).toEqual([]);
    expect(fake.callsTo("sendLocation").find(toChat(GROUP_CHAT.id))?.payload).toMatchObject({ latitude: 18.5, longitude: 105.7 });
    expect(fake.callsTo("forwardMessage")).toHaveLength(0);
    expect(fake.callsTo("copyMessage")).toHaveLength(0);
  });

  it("processes a repeated update once and refuses a wrong secret", async () => {
    const before = await h.db.inboundUpdate.count();
    const update = textUpdate("/baomat");
    await post(update);
    await post(update);
    expect(await h.db.inboundUpdate.count()).toBe(before + 1);
    expect(textsTo(TIPSTER.id).filter((t) => t.includes("Điều chúng tôi bảo vệ"))).toHaveLength(1);

    const wrong = await h.postTelegram(textUpdate("/start"), "wrong_secret");
    expect(wrong.status).toBe(401);
    const missing = await h.app.request("/telegram/webhook", { method: "POST", body: JSON.stringify(textUpdate("/start")) });
    expect(missing.status).toBe(401);
    expect(await h.db.inboundUpdate.count()).toBe(before + 1);
  });

  it("lets officers act in the group thread and ask the tipster, who answers without being known", async () => {
    await post(callbackUpdate(`t:${tipId}:take`, { user: OFFICER, chat: GROUP_CHAT }));
    const thread = fake.calls.filter(toChat(GROUP_CHAT.id)).at(-1)!;
    expect(String(thread.payload.text)).toContain("Đã tiếp nhận");
    expect(thread.payload.reply_parameters).toMatchObject({ allow_sending_without_reply: true });
    expect(textsTo(TIPSTER.id).at(-1)).toContain("đã được cán bộ công an xã tiếp nhận");

    // A citizen cannot press officers' buttons.
    await post(callbackUpdate(`t:${tipId}:done`));
    expect(textsTo(TIPSTER.id).at(-1)).toContain("chỉ dành cho cán bộ");

    await post(callbackUpdate(`t:${tipId}:ask`, { user: OFFICER, chat: GROUP_CHAT }));
    await post(textUpdate("Người bán đi xe gì?", { user: OFFICER, chat: GROUP_CHAT }));
    expect(textsTo(TIPSTER.id).at(-1)).toContain("Người bán đi xe gì?");
    await post(callbackUpdate(`r:${tipId}`));
    await post(textUpdate("Xe Exciter màu xanh."));
    await post(callbackUpdate("f:done"));
    expect(textsTo(GROUP_CHAT.id).join("\n")).toContain("Xe Exciter màu xanh.");

    const events = await h.db.tipEvent.findMany({ where: { tipId }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.kind)).toEqual(["created", "status", "question", "followup"]);
  });

  it("answers odd updates politely and never with a 500", async () => {
    const odd = [
      messageUpdate({ poll: { id: "1", question: "?", options: [], total_voter_count: 0, is_closed: false, is_anonymous: true, type: "regular", allows_multiple_answers: false } }),
      messageUpdate({ sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 1, height: 1, is_animated: false, is_video: false } }),
      textUpdate("\u200b\u200b"),
      textUpdate("x".repeat(4096)),
      { update_id: 1, edited_message: { message_id: 1, date: 1, chat: { id: 1, type: "private" }, text: "sửa" } },
      { update_id: 2, my_chat_member: {} },
      { update_id: 3 },
    ];
    for (const update of odd) {
      const res = await h.postTelegram(update);
      expect(res.status).toBe(200);
    }
    await h.settle();
    for (const body of ["", "{", "[]", "null", JSON.stringify({ update_id: "x" })]) {
      const res = await h.app.request("/telegram/webhook", { method: "POST", headers: { "X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET }, body });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    expect(await h.db.inboundUpdate.count({ where: { status: "failed" } })).toBe(0);
  });

  /** The staff console's pages the officer opened: scanned with everything else below. */
  const consolePages: string[] = [];

  it("shows the tip in the staff console after /dangnhap in the officer's private chat (never in a group)", async () => {
    await post(textUpdate("/dangnhap@PhaoDaiBot", { user: OFFICER, chat: GROUP_CHAT }));
    expect(textsTo(GROUP_CHAT.id).join("\n")).not.toContain("/canbo/vao/");
    await post(textUpdate("/dangnhap", { user: OFFICER }));
    const sent = fake.calls.filter(toChat(OFFICER.id)).at(-1)!;
    expect(sent.payload.protect_content).toBe(true);
    const token = new RegExp(`${PUBLIC_URL}/canbo/vao/([A-Za-z0-9_-]{43})`).exec(String(sent.payload.text))![1]!;
    const origin = { Origin: PUBLIC_URL, "Content-Type": "application/x-www-form-urlencoded" };
    await post(textUpdate("/dangnhap", { user: OFFICER }));
    const second = new RegExp(`${PUBLIC_URL}/canbo/vao/([A-Za-z0-9_-]{43})`).exec(String(fake.calls.filter(toChat(OFFICER.id)).at(-1)!.payload.text))![1]!;
    const signedIn = await h.app.request(`${PUBLIC_URL}/canbo/vao`, { method: "POST", headers: origin, body: `token=${second}` });
    expect(signedIn.status).toBe(303);
    // With an https PUBLIC_URL the cookie is Secure, even handed on by a proxy as plain http to localhost.
    const proxied = await h.app.request("/canbo/vao", { method: "POST", headers: origin, body: `token=${token}` });
    expect(proxied.headers.get("set-cookie")).toMatch(/; Secure/);
    expect(signedIn.headers.get("set-cookie")).toMatch(/; Secure/);
    const cookie = signedIn.headers.get("set-cookie")!.split(";")[0]!;
    const page = await h.app.request(`https://phaodai.test/canbo/tinbao/${tipId}`, { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Người bán đi xe gì?");
    // The photo opens through a sealed link made for this officer, served by /media/ (cleaned: no EXIF).
    fake.setFileContent("AgACphoto-large", jpegWithExif());
    const photo = /href="(https:\/\/phaodai\.test\/media\/[^"]+)"/.exec(html)![1]!;
    const opened = await h.app.request(photo.replace(PUBLIC_URL, ""));
    expect(opened.status, await opened.clone().text()).toBe(200);
    expect(opened.headers.get("content-type")).toMatch(/^image\//);
    const bytes = new Uint8Array(await opened.arrayBuffer());
    for (const marker of EXIF_MARKERS) expect(containsText(bytes, marker)).toBe(false);
    consolePages.push(html, await (await h.app.request("/canbo/tinbao?trangthai=all", { headers: { Cookie: cookie } })).text());
  });

  it("leaves nothing that identifies the tipster in the database, its WAL, the logs or officers' messages", async () => {
    const secrets = [String(TIPSTER.id), TIPSTER.username!, TIPSTER.first_name, TIPSTER.last_name!, TIPSTER.language_code!, TIPSTER_PHONE, TIPSTER_PHONE.replace(/\s/g, ""), "912345678", "VID_LauThiMy", ...AV_SECRETS];
    const files = [h.dbPath, `${h.dbPath}-wal`].filter(existsSync);
    expect(files.length).toBeGreaterThan(0);
    const stored = files.map((f) => readFileSync(f)).map((b) => b.toString("utf8") + b.toString("latin1"));
    const logs = h.logs.join("\n");
    const toOfficers = [...fake.calls.filter((c) => !toChat(TIPSTER.id)(c)).map((c) => JSON.stringify(c.payload)), ...consolePages];
    expect(consolePages.length).toBe(2);
    expect(toOfficers.length).toBeGreaterThan(5);
    expect(h.logs.length).toBeGreaterThan(5);
    for (const secret of secrets) {
      for (const blob of stored) expect(blob.includes(secret), `database holds ${secret}`).toBe(false);
      expect(logs.includes(secret), `logs hold ${secret}`).toBe(false);
      for (const message of toOfficers) expect(message.includes(secret), `officers saw ${secret}`).toBe(false);
    }
    // Also in the Unicode-normalised forms a name could be stored in.
    for (const blob of stored) expect(blob.includes(TIPSTER.first_name.normalize("NFD"))).toBe(false);
  });
});
