// Audiences beyond villages (issue 15), through the real app on a real SQLite file, on two channels:
// the admin adds a school and a business to Lùng Phình on the command line and invites a teacher
// (Telegram) and a business contact (web chat); an officer writes an urgent warning for the villages
// and the schools (with Quay lại on the new step), the leader approves it with "Phát ngay": the
// teacher gets it and confirms, the business contact and another commune's teacher do not. At a
// September slot a catalog bulletin tagged for pupils reaches the school (once, not at its evening
// re-airing) and the teacher gives a typed reason; /tiendo counts per audience kind. The console's
// form offers only the kinds the commune has; a bulletin chosen there for businesses reaches the
// business contact, who confirms in the web chat.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, type WebClient } from "../helpers/harness.js";
import { callbackUpdate, startFakeTelegram, textUpdate, type FakeTelegram } from "../helpers/fake-telegram.js";
import { bulletinsTo, buttonsOf, postAndSettle, registerTelegramStaff, telegramUser, textsTo, tick, toChat, vnTime } from "../helpers/bulletins.js";
import { captureAdmin } from "../helpers/admin-cli.js";
import { consoleRequests } from "../helpers/console-requests.js";
import { airLocalBulletin, reviewLocalBulletin } from "../../src/bulletins/local.js";
import { recordAudienceAnswer, addAudience, listAudiences } from "../../src/bulletins/audiences.js";

const WARNING_TITLE = "Ma túy trá hình kẹo ngọt ở cổng trường";
const WARNING_TEXT =
  "Bà con chú ý: có người lạ mời học sinh ăn kẹo ngọt ở cổng trường tiểu học. Kẹo này có thể chứa ma túy. Không cho trẻ nhận quà của người lạ. Thấy người khả nghi, báo ngay công an xã.";
const SCHOOL = "Trường PTDTBT Tiểu học Lùng Phình";
const BUSINESS = "Nhà nghỉ Bình Minh";

let fake: FakeTelegram;
let h: Harness;
let env: Record<string, string>;
const OFFICER = telegramUser("Công an xã Lùng Phình");
const HEAD = telegramUser("Trưởng thôn Lùng Phình");
const TEACHER = telegramUser("Cô giáo Lùng Phình");
let leader: WebClient;
let business: WebClient;
let otherTeacher: WebClient;
let schoolId = 0;
let businessId = 0;
let otherSchoolId = 0;

const texts = (list: { text: string }[]) => list.map((m) => m.text).join("\n");
const lastTo = (chatId: number) => fake.calls.filter(toChat(chatId)).at(-1)!;
const lastText = (chatId: number) => String(lastTo(chatId).payload.text);
const officerPress = (data: string) => postAndSettle(h, callbackUpdate(data, { user: OFFICER }));
const officerSay = (text: string) => postAndSettle(h, textUpdate(text, { user: OFFICER }));
const teacherPress = (data: string) => postAndSettle(h, callbackUpdate(data, { user: TEACHER }));
const admin = (...argv: string[]) => captureAdmin(argv, env, () => h.clock.now);
const codeOf = (out: string) => /MOI-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(out)?.[0] ?? "";
async function sendChoice(client: WebClient, data: string): Promise<string> {
  h.clock.advanceMinutes(0.05);
  expect((await client.send({ choice: data })).status).toBe(202);
  return texts(await client.read());
}

beforeAll(async () => {
  fake = await startFakeTelegram();
  h = await createHarness({ telegram: fake });
  env = { DATABASE_URL: `file:${h.dbPath}`, PORT: "0", APP_ENV: "test", DEMO_MODE: "off" };
  h.clock.now = vnTime("2026-06-16 09:00"); // a Tuesday: the next slot is Thursday 06:30
  await tick(h);
  await registerTelegramStaff(h, fake, OFFICER, "officer", { communeCode: "LUNGPHINH" }, "Đ/c Công An Lùng Phình");
  await registerTelegramStaff(h, fake, HEAD, "village_head", { villageCode: "LP-01" }, "Trưởng thôn LP-01");
  leader = h.web();
  h.clock.advanceMinutes(0.05);
  expect(texts(await leader.say(`/dangky ${await h.invite("leader", { communeCode: "LUNGPHINH" }, "Đ/c Chủ Tịch Lùng Phình")}`))).toContain("Đăng ký thành công");
});

afterAll(async () => {
  await h.close();
  await fake.close();
});

describe("the admin's list of schools and businesses", () => {
  it("adds, lists and refuses what is wrong, on the command line", async () => {
    const school = await admin("audiences", "--commune", "lungphinh", "--add", "school", "--name", SCHOOL);
    expect(school.code, school.err).toBe(0);
    expect(school.out).toContain(`Đã thêm trường học «${SCHOOL}»`);
    expect(school.out).toContain("invite teacher --audience");
    schoolId = Number(/mã số (\d+)/.exec(school.out)?.[1]);
    const biz = await admin("audiences", "--commune", "LUNGPHINH", "--add", "business", "--name", `  ${BUSINESS} `);
    expect(biz.code, biz.err).toBe(0);
    businessId = Number(/mã số (\d+)/.exec(biz.out)?.[1]);
    const other = await admin("audiences", "--commune", "HONGLOC", "--add", "school", "--name", "Trường Tiểu học Hồng Lộc");
    otherSchoolId = Number(/mã số (\d+)/.exec(other.out)?.[1]);
    expect(new Set([schoolId, businessId, otherSchoolId]).size).toBe(3);

    const listed = await admin("audiences", "--commune", "LUNGPHINH");
    expect(listed.out).toContain(SCHOOL);
    expect(listed.out).toContain(BUSINESS);
    expect(listed.out).not.toContain("Hồng Lộc");

    expect((await admin("audiences", "--commune", "LUNGPHINH", "--add", "village", "--name", "Thôn 1")).err).toContain("Loại «village» không có");
    expect((await admin("audiences", "--commune", "KHONGCO", "--add", "school", "--name", "Trường A")).err).toContain("Không có xã mã KHONGCO");
    expect((await admin("audiences", "--commune", "LUNGPHINH", "--add", "school", "--name", "A")).err).toContain("Tên cần từ 2 đến 120 ký tự");
    // Another commune's audience cannot be removed through this one.
    expect((await admin("audiences", "--commune", "LUNGPHINH", "--remove", String(otherSchoolId))).code).toBe(1);
    // A temporary one, removed: no longer listed, no invitation for it.
    const temp = await admin("audiences", "--commune", "LUNGPHINH", "--add", "business", "--name", "Quán karaoke Sao Mai");
    const tempId = Number(/mã số (\d+)/.exec(temp.out)?.[1]);
    expect((await admin("audiences", "--commune", "LUNGPHINH", "--remove", String(tempId))).out).toContain("Đã gỡ «Quán karaoke Sao Mai»");
    expect((await admin("audiences", "--commune", "LUNGPHINH")).out).not.toContain("Sao Mai");
    expect((await admin("invite", "business_contact", "--audience", String(tempId))).err).toContain(`mã số ${tempId}`);

    // The domain's one scope check: a commune admin of Hồng Lộc sees and adds nothing in Lùng Phình.
    const hl = await h.db.commune.findUniqueOrThrow({ where: { code: "HONGLOC" } });
    const hlAdmin = { role: "admin", communeId: hl.id, villageId: null, provinceId: null, active: true };
    expect(await listAudiences(h.db, hlAdmin, "LUNGPHINH")).toEqual({ ok: false, reason: "not_found" });
    expect(await addAudience(h.db, hlAdmin, { communeCode: "LUNGPHINH", kind: "school", name: "Trường B" }, h.clock.now)).toEqual({ ok: false, reason: "not_found" });
    expect((await listAudiences(h.db, hlAdmin, "HONGLOC")).ok).toBe(true);
  });

  it("invites a teacher and a business contact for their audience; they register on Telegram and in the web chat", async () => {
    expect((await admin("invite", "teacher", "--commune", "LUNGPHINH")).err).toContain("cần --audience");
    expect((await admin("invite", "teacher", "--audience", String(businessId))).err).toContain("chỉ nhận cho trường học");
    expect((await admin("invite", "officer", "--commune", "LUNGPHINH", "--audience", String(schoolId))).err).toContain("--audience chỉ dùng với vai trò");
    const teacherInvite = await admin("invite", "--role", "teacher", "--audience", String(schoolId), "--name", "Cô giáo Lan");
    expect(teacherInvite.code, teacherInvite.err).toBe(0);
    expect(teacherInvite.out).toContain("giáo viên — xã Lùng Phình");
    await postAndSettle(h, textUpdate(`/start ${codeOf(teacherInvite.out)}`, { user: TEACHER }));
    expect(textsTo(fake, TEACHER.id).join("\n")).toContain("Đăng ký thành công");
    expect(textsTo(fake, TEACHER.id).join("\n")).toContain(`nhận bản tin phòng, chống ma túy xã gửi tới ${SCHOOL}`);
    const bizInvite = await admin("invite", "phutrachcoso", "--audience", String(businessId), "--name", "Chủ nhà nghỉ Bình Minh");
    expect(bizInvite.code, bizInvite.err).toBe(0);
    business = h.web();
    h.clock.advanceMinutes(0.05);
    expect(texts(await business.say(`/dangky ${codeOf(bizInvite.out)}`))).toContain("Đăng ký thành công");
    otherTeacher = h.web();
    h.clock.advanceMinutes(0.05);
    expect(texts(await otherTeacher.say(`/dangky ${await h.invite("teacher", { audienceId: otherSchoolId }, "Thầy giáo Hồng Lộc")}`))).toContain("Đăng ký thành công");
    const staff = await h.db.staff.findMany({ where: { role: { in: ["teacher", "business_contact"] } }, orderBy: { id: "asc" } });
    const lp = await h.db.commune.findUniqueOrThrow({ where: { code: "LUNGPHINH" } });
    expect(staff.map((s) => [s.displayName, s.role, s.audienceId, s.communeId === lp.id])).toEqual([
      ["Cô giáo Lan", "teacher", schoolId, true],
      ["Chủ nhà nghỉ Bình Minh", "business_contact", businessId, true],
      ["Thầy giáo Hồng Lộc", "teacher", otherSchoolId, false],
    ]);
    expect((await admin("audiences", "--commune", "LUNGPHINH")).out).toMatch(new RegExp(`${SCHOOL} — 1 người nhận`));
    for (const c of [leader, business, otherTeacher]) await c.read();
  });
});

describe("an urgent warning for the villages and the schools, aired at once", () => {
  let deliveryId = 0;

  it("asks where else it goes after the text, with a way back, and shows it in the preview", async () => {
    await officerSay("/vietbantin");
    await officerPress("lbk:warning");
    await officerSay(WARNING_TITLE);
    await officerSay(WARNING_TEXT);
    expect(lastText(OFFICER.id)).toContain("Gửi thêm tới: trường học / doanh nghiệp / không?");
    expect(buttonsOf(lastTo(OFFICER.id)).map((b) => b.callback_data)).toEqual(["lbu:school", "lbu:business", "lbu:both", "lbu:none", "nav:back", "nav:cancel"]);
    await officerPress("nav:back");
    expect(lastText(OFFICER.id)).toContain(`Đang có: «${WARNING_TEXT}»`);
    await officerPress("lbg");
    expect(lastText(OFFICER.id)).toContain("Gửi thêm tới");
    await officerSay("trường học");
    expect(lastText(OFFICER.id)).toContain("Gửi thêm tới");
    await officerPress("lbu:school");
    const preview = lastText(OFFICER.id);
    expect(preview).toContain("Xem lại trước khi gửi duyệt");
    expect(preview).toContain("Gửi thêm tới: trường học");
    await officerPress("nav:back");
    expect(lastText(OFFICER.id)).toContain("Gửi thêm tới: trường học / doanh nghiệp / không?");
    await officerPress("lbu:school");
    await officerPress("lbc:submit");
    expect(lastText(OFFICER.id)).toContain(`Đã gửi «${WARNING_TITLE}» cho 1 người duyệt`);
    const row = await h.db.localBulletin.findFirstOrThrow();
    expect(row).toMatchObject({ kind: "warning", audiences: "school", status: "pending" });
  });

  it("is approved by the leader with Phát ngay: the teacher gets it; the business contact and another commune's teacher do not", async () => {
    const request = texts(await leader.read());
    expect(request).toContain("Gửi thêm tới: trường học");
    await leader.press("Duyệt");
    expect(texts(await leader.press("📢 Phát ngay"))).toContain(`Đã phát «${WARNING_TITLE}»`);
    await tick(h);
    expect(bulletinsTo(fake, HEAD.id).map((c) => String(c.payload.text)).join("\n")).toContain(WARNING_TEXT);
    const got = bulletinsTo(fake, TEACHER.id);
    expect(got).toHaveLength(1);
    const text = String(got[0]!.payload.text);
    expect(text).toContain(`Gửi ${SCHOOL}`);
    expect(text).toContain(`CẢNH BÁO KHẨN: ${WARNING_TITLE}`);
    expect(text).toContain(WARNING_TEXT);
    expect(text).toContain("tuyên truyền bản tin này cho học sinh");
    const delivery = await h.db.audienceDelivery.findFirstOrThrow({ where: { audienceId: schoolId } });
    deliveryId = delivery.id;
    expect(delivery.status).toBe("pending");
    expect(buttonsOf(got[0]!).map((b) => [b.text, b.callback_data])).toEqual([
      ["✅ Đã tuyên truyền", `aud:${deliveryId}`],
      ["Chưa tuyên truyền được", `aun:${deliveryId}`],
    ]);
    expect(texts(await business.read())).not.toContain(WARNING_TITLE);
    expect(texts(await otherTeacher.read())).not.toContain(WARNING_TITLE);
    expect(await h.db.audienceDelivery.count({ where: { audienceId: { in: [businessId, otherSchoolId] } } })).toBe(0);
  });

  it("takes the teacher's confirmation, and nobody else's", async () => {
    expect(await sendChoice(business, `aud:${deliveryId}`)).toContain("gửi cho đơn vị khác");
    expect(await sendChoice(otherTeacher, `aun:${deliveryId}`)).toContain("gửi cho đơn vị khác");
    expect(await sendChoice(leader, `aud:${deliveryId}`)).toContain("gửi cho đơn vị khác");
    const other = await h.db.staff.findFirstOrThrow({ where: { displayName: "Thầy giáo Hồng Lộc" } });
    expect(await recordAudienceAnswer(h.deps, other, deliveryId, { status: "done" })).toEqual({ ok: false, reason: "forbidden" });
    expect(await sendChoice(business, "aud:999999")).toContain("Không tìm thấy buổi gửi này");
    expect((await h.db.audienceDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).status).toBe("pending");
    await teacherPress(`aud:${deliveryId}`);
    expect(lastText(TEACHER.id)).toContain(`Đã ghi nhận: ${SCHOOL} đã tuyên truyền`);
    expect(await h.db.audienceDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).toMatchObject({ status: "done", reason: null });
    await officerSay("/tiendo");
    expect(lastText(OFFICER.id)).toContain("Trường học: 1/1 đã tuyên truyền");
    expect(lastText(OFFICER.id)).not.toContain("Doanh nghiệp, cơ sở:");
  });
});

describe("a catalog bulletin tagged for pupils at the slot", () => {
  it("reaches the school once (not at the evening re-airing); the teacher gives a typed reason; /tiendo counts", async () => {
    const before = bulletinsTo(fake, TEACHER.id).length;
    h.clock.now = vnTime("2026-09-07 06:31"); // a Monday of the new school year: its period's items are tagged for pupils
    await tick(h);
    const slot = await h.db.bulletinSlot.findFirstOrThrow({ where: { scheduledAt: vnTime("2026-09-07 06:30"), communeId: (await h.db.commune.findUniqueOrThrow({ where: { code: "LUNGPHINH" } })).id }, include: { item: true } });
    expect(slot.item!.tags.split(",")).toContain("hoc-sinh");
    const got = bulletinsTo(fake, TEACHER.id).slice(before);
    expect(got).toHaveLength(1);
    expect(String(got[0]!.payload.text)).toContain(slot.item!.title);
    // Tagged for pupils only: the business hears nothing.
    expect(texts(await business.read())).not.toContain(slot.item!.title);
    const delivery = await h.db.audienceDelivery.findFirstOrThrow({ where: { slotId: slot.id } });
    expect(delivery).toMatchObject({ audienceId: schoolId, kind: "school", status: "pending" });

    await teacherPress(`aun:${delivery.id}`);
    expect(lastText(TEACHER.id)).toContain(`Vì sao ${SCHOOL} chưa tuyên truyền được`);
    expect(buttonsOf(lastTo(TEACHER.id)).map((b) => b.callback_data)).toEqual([
      `aur:${delivery.id}:no_session`,
      `aur:${delivery.id}:absent`,
      `aur:${delivery.id}:closed`,
      `aur:${delivery.id}:other`,
      "nav:cancel",
    ]);
    await teacherPress(`aur:${delivery.id}:other`);
    expect(lastText(TEACHER.id)).toContain("gõ ngắn gọn lý do");
    await postAndSettle(h, textUpdate("Trường tổ chức thi học kỳ, tuần sau tuyên truyền", { user: TEACHER }));
    expect(lastText(TEACHER.id)).toContain("chưa tuyên truyền được bản tin buổi");
    expect(await h.db.audienceDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: "not_done", reason: "other", reasonText: "Trường tổ chức thi học kỳ, tuần sau tuyên truyền" });

    // The evening airing of the same bulletin goes to the village heads again, not to the school.
    h.clock.now = vnTime("2026-09-07 18:31");
    await tick(h);
    expect(bulletinsTo(fake, TEACHER.id).slice(before)).toHaveLength(1);
    await officerSay("/tiendo");
    const progress = lastText(OFFICER.id);
    expect(progress).toContain("Trường học: 0/1 đã tuyên truyền, 1 chưa tuyên truyền được");
    expect(progress).toContain(`${SCHOOL}: Trường tổ chức thi học kỳ, tuần sau tuyên truyền`);
  });
});

describe("the console's form", () => {
  const PAGE = "/canbo/bantin/viet";
  const { post, get, register, signIn } = consoleRequests(() => h, { stepMinutes: 0.05 });
  const TITLE = "Nhà nghỉ, karaoke: không để kẻ xấu lợi dụng";
  const TEXT = "Chủ nhà nghỉ, quán karaoke nhắc người lao động: không để khách sử dụng ma túy trong cơ sở; thấy dấu hiệu thì báo ngay công an xã.";

  it("offers the commune's own kinds, keeps the choice, and the business contact gets it when aired", async () => {
    const officerCookie = await signIn(await register("officer", { communeCode: "LUNGPHINH" }, "Đ/c Công An Hai"));
    const html = await (await get(PAGE, officerCookie)).text();
    expect(html).toContain("Gửi thêm tới (ngoài trưởng thôn và người đăng ký)");
    expect(html).toContain('name="audience_school"');
    expect(html).toContain('name="audience_business"');
    // Hồng Lộc has a school only: its form offers that, and a forged business box is dropped.
    const hlCookie = await signIn(await register("officer", { communeCode: "HONGLOC" }, "Đ/c Công An Hồng Lộc"));
    const hlHtml = await (await get(PAGE, hlCookie)).text();
    expect(hlHtml).toContain('name="audience_school"');
    expect(hlHtml).not.toContain('name="audience_business"');
    expect((await post(PAGE, { kind: "bulletin", title: "Bản tin Hồng Lộc", text: TEXT, audience_business: "1" }, hlCookie)).status).toBe(303);
    expect((await h.db.localBulletin.findFirstOrThrow({ where: { title: "Bản tin Hồng Lộc" } })).audiences).toBe("");

    expect((await post(PAGE, { kind: "bulletin", title: TITLE, text: TEXT, audience_business: "1" }, officerCookie)).status).toBe(303);
    const row = await h.db.localBulletin.findFirstOrThrow({ where: { title: TITLE } });
    expect(row.audiences).toBe("business");
    const leaderRow = await h.db.staff.findFirstOrThrow({ where: { displayName: "Đ/c Chủ Tịch Lùng Phình" } });
    expect(await reviewLocalBulletin(h.deps, leaderRow, row.id, "approve")).toMatchObject({ ok: true });
    h.clock.advanceMinutes(60);
    expect(await airLocalBulletin(h.deps, leaderRow, row.id, "now")).toMatchObject({ ok: true, when: "now" });
    const before = bulletinsTo(fake, TEACHER.id).length;
    await business.read();
    await tick(h);
    const got = await business.read();
    expect(texts(got)).toContain(`Gửi ${BUSINESS}`);
    expect(texts(got)).toContain(TEXT);
    expect(texts(got)).toContain("cho người lao động của cơ sở");
    expect(got.flatMap((m) => m.choices ?? []).flat().map((c) => c.label)).toEqual(["✅ Đã tuyên truyền", "Chưa tuyên truyền được"]);
    expect(bulletinsTo(fake, TEACHER.id)).toHaveLength(before);
    expect(texts(await business.press("✅ Đã tuyên truyền"))).toContain(`Đã ghi nhận: ${BUSINESS} đã tuyên truyền`);
    await officerSay("/tiendo");
    expect(lastText(OFFICER.id)).toContain("Doanh nghiệp, cơ sở: 1/1 đã tuyên truyền");
  });
});

describe("the contact's console page (/canbo/tuyentruyen)", () => {
  const { post, get, signIn } = consoleRequests(() => h, { stepMinutes: 0.05 });
  const TITLE = "Nhà nghỉ, karaoke: không để kẻ xấu lợi dụng";

  it("lists what the business was sent with the answer given, and takes a new answer through the chat's function", async () => {
    const cookie = await signIn(business);
    expect((await get("/canbo", cookie)).headers.get("location")).toBe("/canbo/tuyentruyen");
    const html = await (await get("/canbo/tuyentruyen", cookie)).text();
    expect(html).toContain(`Bản tin gửi ${BUSINESS}, xã Lùng Phình`);
    expect(html).toContain(TITLE);
    expect(html).toContain("Chủ nhà nghỉ, quán karaoke nhắc người lao động");
    expect(html).toMatch(/✅ Đã tuyên truyền \(ghi nhận lúc \d{2}:\d{2}/);
    // The pupils' bulletins went to the school only.
    expect(html).not.toContain(WARNING_TITLE);
    const delivery = await h.db.audienceDelivery.findFirstOrThrow({ where: { audienceId: businessId } });
    // No recording for this bulletin: no player, and its recording is not found.
    expect(html).not.toContain("<audio");
    expect((await get(`/canbo/tuyentruyen/${delivery.id}/ghiam`, cookie)).status).toBe(404);

    const noReason = await post(`/canbo/tuyentruyen/${delivery.id}/chua`, { reason: "", note: "" }, cookie);
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("Hãy chọn lý do trong danh sách");
    const noText = await post(`/canbo/tuyentruyen/${delivery.id}/chua`, { reason: "other", note: "  " }, cookie);
    expect(noText.status).toBe(400);
    expect(await h.db.audienceDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: "done" });

    const answered = await post(`/canbo/tuyentruyen/${delivery.id}/chua`, { reason: "closed", note: "" }, cookie);
    expect(answered.status).toBe(303);
    expect(answered.headers.get("location")).toBe(`/canbo/tuyentruyen?kq=${delivery.id}#b${delivery.id}`);
    expect(await h.db.audienceDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: "not_done", reason: "closed", reasonText: null });
    const after = await (await get(`/canbo/tuyentruyen?kq=${delivery.id}`, cookie)).text();
    expect(after).toContain(`Đã ghi nhận: ${BUSINESS} chưa tuyên truyền được bản tin buổi`);
    expect(after).toContain("Chưa tuyên truyền được: Đang nghỉ hoặc tạm đóng cửa");
    expect((await post(`/canbo/tuyentruyen/${delivery.id}/xong`, {}, cookie)).status).toBe(303);
    expect(await h.db.audienceDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: "done", reason: null });
  });

  it("shows another audience's contact nothing of it, and answers their forged forms with 404; an officer has no such page", async () => {
    const delivery = await h.db.audienceDelivery.findFirstOrThrow({ where: { audienceId: businessId } });
    const before = await h.db.audienceDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    const other = await signIn(otherTeacher);
    const html = await (await get("/canbo/tuyentruyen", other)).text();
    expect(html).toContain("Bản tin gửi Trường Tiểu học Hồng Lộc, xã Hồng Lộc");
    // Its own school got September's bulletin for pupils; the business's bulletin is not there.
    expect(html).toContain("Chưa trả lời");
    expect(html).not.toContain(TITLE);
    expect((await post(`/canbo/tuyentruyen/${delivery.id}/chua`, { reason: "closed" }, other)).status).toBe(404);
    expect((await post(`/canbo/tuyentruyen/${delivery.id}/xong`, {}, other)).status).toBe(404);
    expect((await get(`/canbo/tuyentruyen/${delivery.id}/ghiam`, other)).status).toBe(404);
    expect(await h.db.audienceDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toEqual(before);
    expect((await get("/canbo/tuyentruyen", await signIn(leader))).status).toBe(403);
  });
});
