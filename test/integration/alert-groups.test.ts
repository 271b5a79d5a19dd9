// Alert groups belong to the commune (issue 10): listed and removed by its officers, leaders and
// admins (chat and admin CLI), deactivated when their registrant is revoked, alerts then reaching
// officers privately, re-registered by another officer; every change audited and told to leaders.
// Telegram through a fake Bot API on localhost, the real app and a real SQLite file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, fileWebTip, outboxTarget, type Harness } from "../helpers/harness.js";
import { GROUP_CHAT, INTERNAL_ERROR, callbackUpdate, startFakeTelegram, textUpdate, type ApiCall, type FakeTelegram, type TestUser } from "../helpers/fake-telegram.js";
import { toChat } from "../helpers/channels.js";
import { captureAdmin } from "../helpers/admin-cli.js";
import { enqueue } from "../../src/outbox/outbox.js";

const user = (id: number, first: string): TestUser => ({ id, is_bot: false, first_name: first, username: `u${id}`, language_code: "vi" });
const OFFICER_A = user(5_560_001, "An");
const OFFICER_B = user(5_560_002, "Bình");
const LEADER = user(5_560_003, "Lãnh");
const OFFICER_X = user(5_560_004, "Xuân");
const HEAD = user(5_560_005, "Hà");
const GROUP_2 = { id: -1_001_234_567_890, type: "supergroup" as const, title: "Nhóm thứ hai" };

let fake: FakeTelegram;
let h: Harness;
const staffIds: Record<string, number> = {};

async function post(update: unknown): Promise<void> {
  const res = await h.postTelegram(update);
  expect(res.status).toBe(200);
  await h.settle();
}

const textsTo = (chatId: number) => fake.calls.filter(toChat(chatId)).map((c) => String(c.payload.text ?? c.payload.caption ?? ""));
const lastTo = (chatId: number) => fake.calls.filter(toChat(chatId)).at(-1)!;
const buttonsOf = (call: ApiCall) => ((call.payload.reply_markup as { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined)?.inline_keyboard ?? []).flat();
/** What reached a chat from now on. */
function mark(chatId: number) {
  const from = fake.calls.length;
  return () => fake.calls.slice(from).filter(toChat(chatId)).map((c) => String(c.payload.text ?? c.payload.caption ?? ""));
}

const admin = (...argv: string[]) => captureAdmin(argv, { DATABASE_URL: `file:${h.dbPath}`, PORT: "0" }, () => h.clock.now);

async function groupId(): Promise<number> {
  return (await h.db.alertGroup.findFirstOrThrow({ orderBy: { id: "desc" } })).id;
}

async function newTip(): Promise<void> {
  await fileWebTip(h.web(), { text: `Có người lạ giao hàng ở bãi sông, lần ${Math.random().toString(36).slice(2, 8)}.` });
  await h.settle();
}

beforeAll(async () => {
  fake = await startFakeTelegram();
  h = await createHarness({ telegram: fake });
  const people: Array<[TestUser, string, Record<string, string>, string]> = [
    [OFFICER_A, "officer", { communeCode: "HONGLOC" }, "Đ/c Trần Văn An"],
    [OFFICER_B, "officer", { communeCode: "HONGLOC" }, "Đ/c Lê Thị Bình"],
    [LEADER, "leader", { communeCode: "HONGLOC" }, "Đ/c Nguyễn Lãnh Đạo"],
    [OFFICER_X, "officer", { communeCode: "NAMSACH" }, "Đ/c Phạm Nam Sách"],
  ];
  for (const [who, role, scope, name] of people) {
    await post(textUpdate(`/start ${await h.invite(role, scope, name)}`, { user: who }));
    staffIds[name] = (await h.db.staff.findFirstOrThrow({ where: { displayName: name } })).id;
  }
  const village = await h.db.village.findFirstOrThrow({ where: { commune: { code: "HONGLOC" } } });
  await post(textUpdate(`/start ${await h.invite("village_head", { villageCode: village.code }, "Trưởng thôn Hà")}`, { user: HEAD }));
});
afterAll(async () => {
  await h.close();
  await fake.close();
});

describe("the commune's alert groups", () => {
  it("registers a group, audits it and tells the commune's leaders privately", async () => {
    await post(textUpdate("/nhomcanhbao@PhaoDaiBot", { user: OFFICER_A, chat: GROUP_CHAT }));
    expect(textsTo(GROUP_CHAT.id).at(-1)).toContain("Nhóm này sẽ nhận cảnh báo tin báo mới của xã Hồng Lộc");
    expect(textsTo(LEADER.id).at(-1)).toMatch(/Một nhóm Telegram nhận cảnh báo của xã Hồng Lộc vừa được đăng ký bởi Đ\/c Trần Văn An lúc \d\d:\d\d/);
    // Officers are not told (only leaders).
    expect(textsTo(OFFICER_B.id).join("\n")).not.toContain("vừa được đăng ký");
    const audit = await h.db.staffAudit.findMany();
    expect(audit).toEqual([expect.objectContaining({ action: "alertgroup.registered", actorStaffId: staffIds["Đ/c Trần Văn An"], subject: `alertgroup:${await groupId()}` })]);
    const group = await h.db.alertGroup.findFirstOrThrow();
    for (const secret of [String(GROUP_CHAT.id), group.sealedAddress, group.addressTag]) expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it("lists the groups in a private chat, with who registered them and when, never their address", async () => {
    const id = await groupId();
    const group = await h.db.alertGroup.findUniqueOrThrow({ where: { id } });
    for (const who of [OFFICER_B, LEADER]) {
      await post(textUpdate("/nhomcanhbao", { user: who }));
      const listing = lastTo(who.id);
      const text = String(listing.payload.text);
      expect(text).toContain("Xã Hồng Lộc có 1 nhóm nhận cảnh báo");
      expect(text).toMatch(new RegExp(`#${id} — nhóm Telegram — đăng ký lúc \\d\\d:\\d\\d \\d\\d/\\d\\d/\\d{4} bởi Đ/c Trần Văn An — đang nhận cảnh báo`));
      for (const secret of [String(GROUP_CHAT.id), group.sealedAddress, group.addressTag, GROUP_CHAT.title]) expect(JSON.stringify(listing.payload)).not.toContain(secret);
      expect(buttonsOf(listing)).toEqual([{ text: `🗑️ Gỡ nhóm #${id}`, callback_data: `ag:r:${id}` }]);
    }
    // A village head has no business with alert groups.
    await post(textUpdate("/nhomcanhbao", { user: HEAD }));
    expect(textsTo(HEAD.id).at(-1)).toContain("không có quyền");
    expect(textsTo(HEAD.id).at(-1)).not.toContain(`#${id}`);
  });

  it("refuses an officer of another commune by every path, forged buttons included", async () => {
    const id = await groupId();
    await post(textUpdate("/nhomcanhbao HONGLOC", { user: OFFICER_X }));
    expect(textsTo(OFFICER_X.id).at(-1)).toContain("không có quyền xem hay gỡ");
    for (const data of [`ag:r:${id}`, `ag:y:${id}`, "ag:y:1e20", `ag:y:${"9".repeat(40)}`, "ag:y:-1", "ag:y:", "ag:q:1", `ag:l:${(await h.db.commune.findUniqueOrThrow({ where: { code: "HONGLOC" } })).id}`]) {
      await post(callbackUpdate(data, { user: OFFICER_X }));
      const answer = textsTo(OFFICER_X.id).at(-1)!;
      expect(answer, data).toMatch(/Không tìm thấy nhóm này|không có quyền xem hay gỡ/);
      expect(answer, data).not.toContain("Trần Văn An");
    }
    // Registering the same group for their own commune does not take it over.
    await post(textUpdate("/nhomcanhbao", { user: OFFICER_X, chat: GROUP_CHAT }));
    expect(textsTo(GROUP_CHAT.id).at(-1)).toContain("đang nhận cảnh báo của một xã khác");
    // A citizen pressing the same button is not staff.
    await post(callbackUpdate(`ag:y:${id}`));
    expect(fake.callsTo("leaveChat")).toHaveLength(0);
    expect(await h.db.alertGroup.findUniqueOrThrow({ where: { id } })).toMatchObject({ communeId: (await h.db.commune.findUniqueOrThrow({ where: { code: "HONGLOC" } })).id, active: true, createdByStaffId: staffIds["Đ/c Trần Văn An"] });
    expect(await h.db.staffAudit.count()).toBe(1);
  });

  it("revoking the registrant stops alerts to the group at once; the next tip reaches the officers privately", async () => {
    const id = await groupId();
    // An alert queued to the group but not sent yet must not go out after the revocation.
    await enqueue(h.db, await outboxTarget(h.keys, "telegram", String(GROUP_CHAT.id)), { text: "CẢNH BÁO CÒN CHỜ GỬI" }, { now: h.clock.now });
    const revoked = await admin("revoke-staff", String(staffIds["Đ/c Trần Văn An"]));
    expect(revoked.code).toBe(0);
    const group = mark(GROUP_CHAT.id);
    const officerB = mark(OFFICER_B.id);
    const officerA = mark(OFFICER_A.id);
    await h.settle();
    expect(group().join("\n")).not.toContain("CẢNH BÁO CÒN CHỜ GỬI");
    expect(group().join("\n")).toContain("tạm ngừng nhận cảnh báo");
    expect(textsTo(LEADER.id).at(-1)).toContain("đã ngừng nhận cảnh báo");
    expect(textsTo(LEADER.id).at(-1)).toContain("(Đ/c Trần Văn An) đã bị thu hồi quyền");
    expect(textsTo(LEADER.id).at(-1)).toContain("gửi riêng cho từng cán bộ công an xã");
    expect(await h.db.staffAudit.findFirst({ where: { action: "alertgroup.deactivated" } })).toMatchObject({ subject: `alertgroup:${id}`, actorStaffId: null });

    await newTip();
    expect(officerB().join("\n")).toContain("TIN BÁO MỚI");
    expect(group().join("\n")).not.toContain("TIN BÁO MỚI");
    expect(officerA().join("\n")).not.toContain("TIN BÁO MỚI");

    await post(textUpdate("/nhomcanhbao", { user: LEADER }));
    expect(textsTo(LEADER.id).at(-1)).toContain("đã ngừng nhận cảnh báo (người đăng ký đã bị thu hồi quyền)");
    expect(textsTo(LEADER.id).at(-1)).toContain("Không nhóm nào đang nhận cảnh báo");
  });

  it("a group whose registrant was made inactive by any path receives nothing", async () => {
    // Even without the domain's deactivation (a row changed by hand), an inactive registrant means no alerts.
    await post(textUpdate("/nhomcanhbao", { user: OFFICER_B, chat: GROUP_2 }));
    const bId = staffIds["Đ/c Lê Thị Bình"];
    await h.db.staff.update({ where: { id: bId }, data: { active: false } });
    const group2 = mark(GROUP_2.id);
    await newTip();
    expect(group2().join("\n")).not.toContain("TIN BÁO MỚI");
    await h.db.staff.update({ where: { id: bId }, data: { active: true } });
    await h.db.alertGroup.deleteMany({ where: { addressTag: (await outboxTarget(h.keys, "telegram", String(GROUP_2.id))).addressTag } });
  });

  it("another active officer registers the group again: it gets the alerts, the officer no longer privately", async () => {
    const id = await groupId();
    const groupRow = await h.db.alertGroup.findFirstOrThrow({ where: { addressTag: (await outboxTarget(h.keys, "telegram", String(GROUP_CHAT.id))).addressTag } });
    await post(textUpdate("/nhomcanhbao", { user: OFFICER_B, chat: GROUP_CHAT }));
    expect(textsTo(GROUP_CHAT.id).at(-1)).toContain("lại nhận cảnh báo tin báo mới của xã Hồng Lộc, do Đ/c Lê Thị Bình đăng ký lại");
    expect(textsTo(LEADER.id).at(-1)).toContain("vừa được đăng ký lại bởi Đ/c Lê Thị Bình");
    expect(await h.db.alertGroup.findUniqueOrThrow({ where: { id: groupRow.id } })).toMatchObject({ active: true, createdByStaffId: staffIds["Đ/c Lê Thị Bình"], deactivatedAt: null });
    expect(await h.db.staffAudit.findFirst({ where: { action: "alertgroup.reactivated" } })).toMatchObject({ actorStaffId: staffIds["Đ/c Lê Thị Bình"], subject: `alertgroup:${groupRow.id}` });
    expect(id).toBeGreaterThan(0);

    const group = mark(GROUP_CHAT.id);
    const officerB = mark(OFFICER_B.id);
    await newTip();
    expect(group().join("\n")).toContain("TIN BÁO MỚI");
    expect(officerB().join("\n")).not.toContain("TIN BÁO MỚI");
  });

  it("removes a group after a confirmation, with a way back; the bot says goodbye and leaves", async () => {
    const id = (await h.db.alertGroup.findFirstOrThrow({ where: { active: true } })).id;
    await post(textUpdate("/nhomcanhbao", { user: LEADER }));
    await post(callbackUpdate(`ag:r:${id}`, { user: LEADER }));
    const confirm = lastTo(LEADER.id);
    expect(String(confirm.payload.text)).toContain(`Gỡ nhóm Telegram #${id} (đăng ký bởi Đ/c Lê Thị Bình)?`);
    const buttons = buttonsOf(confirm);
    expect(buttons.map((b) => b.text)).toEqual(["🗑️ Gỡ nhóm", "⬅️ Quay lại"]);
    // The way back: the list again, nothing removed.
    await post(callbackUpdate(buttons[1]!.callback_data, { user: LEADER }));
    expect(String(lastTo(LEADER.id).payload.text)).toContain("Xã Hồng Lộc có 1 nhóm nhận cảnh báo");
    expect(await h.db.alertGroup.count({ where: { id } })).toBe(1);

    await post(callbackUpdate(`ag:r:${id}`, { user: LEADER }));
    // The goodbye fails once at Telegram: the outbox retries it, then leaves.
    fake.failNext("sendMessage", INTERNAL_ERROR);
    const group = mark(GROUP_CHAT.id);
    await post(callbackUpdate(buttonsOf(lastTo(LEADER.id))[0]!.callback_data, { user: LEADER }));
    expect(textsTo(LEADER.id).some((t) => t.includes(`Đã gỡ nhóm #${id}`))).toBe(true);
    expect(await h.db.alertGroup.count({ where: { id } })).toBe(0);
    expect(fake.callsTo("leaveChat")).toHaveLength(0);
    h.clock.advanceMinutes(1);
    await h.settle();
    const calls = fake.calls.filter(toChat(GROUP_CHAT.id));
    const goodbye = calls.findIndex((c) => c.method === "sendMessage" && String(c.payload.text).includes("Bot xin rời nhóm"));
    const leave = calls.findIndex((c) => c.method === "leaveChat");
    expect(goodbye).toBeGreaterThanOrEqual(0);
    expect(leave).toBeGreaterThan(goodbye);
    expect(fake.callsTo("leaveChat")).toHaveLength(1);
    expect(group().filter((t) => t.includes("Bot xin rời nhóm"))).toHaveLength(2); // the failed try and the retry
    expect(textsTo(LEADER.id).some((t) => t.includes("vừa được gỡ bởi Đ/c Nguyễn Lãnh Đạo"))).toBe(true);
    expect(await h.db.staffAudit.findFirst({ where: { action: "alertgroup.removed" } })).toMatchObject({ actorStaffId: staffIds["Đ/c Nguyễn Lãnh Đạo"], subject: `alertgroup:${id}` });

    // Pressing the confirmation again removes nothing more.
    await post(callbackUpdate(`ag:y:${id}`, { user: LEADER }));
    expect(textsTo(LEADER.id).at(-1)).toContain("Không tìm thấy nhóm này");
    const officerB = mark(OFFICER_B.id);
    await newTip();
    expect(officerB().join("\n")).toContain("TIN BÁO MỚI");
  });

  it("the admin command line lists and removes groups through the same rules", async () => {
    await post(textUpdate("/nhomcanhbao", { user: OFFICER_B, chat: GROUP_2 }));
    const id = await groupId();
    const row = await h.db.alertGroup.findUniqueOrThrow({ where: { id } });
    const listed = await admin("groups", "list", "--commune", "hongloc");
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(new RegExp(`^#${id} xã Hồng Lộc — nhóm Telegram — đăng ký lúc .+ bởi Đ/c Lê Thị Bình — đang nhận cảnh báo$`));
    for (const secret of [String(GROUP_2.id), row.sealedAddress, row.addressTag]) expect(listed.out).not.toContain(secret);
    expect((await admin("groups", "list")).out).toBe(listed.out);
    expect((await admin("groups", "list", "--commune", "NAMSACH")).out).toBe("Chưa có nhóm nào nhận cảnh báo.");
    expect((await admin("groups", "list", "--commune", "NOWHERE")).code).toBe(1);
    expect((await admin("groups", "remove", "1e20")).code).toBe(2);
    expect((await admin("groups", "frobnicate")).code).toBe(2);
    expect((await admin("help")).out).toContain("groups list");

    const removed = await admin("groups", "remove", String(id));
    expect(removed.code).toBe(0);
    expect(removed.out).toContain(`Đã gỡ nhóm #${id}`);
    await h.settle();
    expect(fake.callsTo("leaveChat").filter(toChat(GROUP_2.id))).toHaveLength(1);
    expect(textsTo(LEADER.id).at(-1)).toContain("vừa được gỡ bởi quản trị hệ thống (dòng lệnh)");
    expect(await h.db.staffAudit.findFirst({ where: { action: "alertgroup.removed", subject: `alertgroup:${id}` } })).toMatchObject({ actorStaffId: null });
    expect((await admin("groups", "remove", String(id))).code).toBe(1);
    expect((await admin("groups", "list")).out).toBe("Chưa có nhóm nào nhận cảnh báo.");
  });

  it("a leave queued for a channel without groups does nothing and says why", async () => {
    const target = await outboxTarget(h.keys, "web", "web-chat-without-groups");
    const before = await h.db.webChatMessage.count();
    await enqueue(h.db, target, { text: "", leaveChat: true }, { now: h.clock.now });
    await h.settle();
    expect(await h.db.outboxMessage.findFirstOrThrow({ where: { addressTag: target.addressTag } })).toMatchObject({ status: "failed", lastError: "web: no group chats, nothing to leave", sealedAddress: null });
    expect(await h.db.webChatMessage.count()).toBe(before);
  });
});
