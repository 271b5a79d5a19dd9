// A tip's whole life on Telegram (issue 12), through the real app and a fake Bot API: taken (its
// officer named, the art. 147 deadline set), noted, reassigned by a leader (both officers told),
// asked and answered (ask-again and open buttons), extended, closed with a result (the tipster told in
// neutral words), a closed tip's view offering only "Mở lại", reopened with a reason, a late detail
// reopening it, deadline reminders, overdue first; and the anonymity scan over all of it.
import { existsSync, readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Harness } from "../helpers/harness.js";
import { telegramButtons, telegramSession, toChat } from "../helpers/channels.js";
import { TIPSTER, callbackUpdate, textUpdate, type ApiCall, type FakeTelegram, type TestUser } from "../helpers/fake-telegram.js";
import { photoUpdate } from "../helpers/telegram-updates.js";
import { sweep } from "../../bots/core/work/sweep.js";
import { askTipster } from "../../src/tips/service.js";
import { addNote } from "../../src/tips/case.js";
import { viCase } from "../../src/i18n/vi-case.js";

const OFFICER_A: TestUser = { id: 5_550_101, is_bot: false, first_name: "Nguyễn", last_name: "Văn Một", username: "ca_mot", language_code: "vi" };
const OFFICER_B: TestUser = { id: 5_550_102, is_bot: false, first_name: "Lê", last_name: "Thị Hai", username: "ca_hai", language_code: "vi" };
const LEADER: TestUser = { id: 5_550_103, is_bot: false, first_name: "Phạm", last_name: "Chủ Tịch", username: "ld_xa", language_code: "vi" };
const STRANGER: TestUser = { id: 5_550_104, is_bot: false, first_name: "Hoàng", last_name: "Xã Khác", username: "ca_khac", language_code: "vi" };

let tipId = 0;
let receipt = "";
const staffIds: Record<string, number> = {};

const tg = telegramSession();
let fake: FakeTelegram;
let h: Harness;
beforeAll(() => {
  ({ fake, h } = tg);
});

const { post, textsTo, lastTo, since } = tg;

const buttonsOf = telegramButtons;
const tip = () => h.db.tip.findUniqueOrThrow({ where: { id: tipId } });
/** Files a tip in Hồng Lộc as the tipster; returns its id. */
async function fileTip(text: string): Promise<number> {
  const commune = await h.db.commune.findUniqueOrThrow({ where: { code: "HONGLOC" } });
  for (const step of [textUpdate("/start"), textUpdate("Hồng Lộc"), callbackUpdate(`c:${commune.id}`), callbackUpdate("k:selling"), callbackUpdate("v:none"), textUpdate(text), callbackUpdate("m:continue"), callbackUpdate("s:submit")]) await post(step);
  return (await h.db.tip.findFirstOrThrow({ orderBy: { id: "desc" } })).id;
}
async function view(user: TestUser): Promise<ApiCall> {
  await post(callbackUpdate(`l:${tipId}`, { user }));
  return lastTo(user);
}

describe("a tip's whole life on Telegram", () => {
  it("registers two officers and a leader of Hồng Lộc, and an officer of another commune", async () => {
    for (const [user, role, name, commune] of [
      [OFFICER_A, "officer", "Đ/c Nguyễn Văn Một", "HONGLOC"],
      [OFFICER_B, "officer", "Đ/c Lê Thị Hai", "HONGLOC"],
      [LEADER, "leader", "Đ/c Phạm Chủ Tịch", "HONGLOC"],
      [STRANGER, "officer", "Đ/c Hoàng Xã Khác", "NAMSACH"],
    ] as const) {
      await post(textUpdate(`/start ${await h.invite(role, { communeCode: commune }, name)}`, { user }));
      expect(textsTo(user).join("\n")).toContain("Đăng ký thành công");
      staffIds[user.username!] = (await h.db.staff.findFirstOrThrow({ where: { displayName: name } })).id;
    }
  });

  it("files a tip; taking it names its officer and starts the 20-day verification period", async () => {
    tipId = await fileTip("Quán nước đầu cầu bán ma túy cho thanh niên, tối nào cũng có.");
    receipt = /([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(textsTo(TIPSTER).join("\n"))![1]!;

    await post(callbackUpdate(`t:${tipId}:take`, { user: OFFICER_A }));
    const taken = await tip();
    expect(taken.officerStaffId).toBe(staffIds.ca_mot);
    expect(taken.dueAt!.getTime() - taken.takenAt!.getTime()).toBe(20 * 86_400_000);
    const shown = await view(OFFICER_A);
    expect(String(shown.payload.text)).toContain("Người phụ trách: Đ/c Nguyễn Văn Một (công an xã)");
    expect(String(shown.payload.text)).toMatch(/Hạn xác minh: \d\d\/\d\d\/\d{4}/);
    expect(buttonsOf(shown).map((b) => b.text)).toEqual(expect.arrayContaining(["📝 Ghi chú", "👤 Giao cán bộ khác", "⏳ Gia hạn", "✅ Đã xử lý"]));
    expect(buttonsOf(shown).map((b) => b.text)).not.toContain("🔓 Mở lại");
  });

  it("keeps an internal note that the tipster never sees; the other commune's officer cannot add one", async () => {
    const mark = fake.calls.length;
    await post(callbackUpdate(`t:${tipId}:note`, { user: OFFICER_A }));
    expect(textsTo(OFFICER_A).at(-1)).toContain("người báo tin không bao giờ thấy");
    await post(textUpdate("Đã cho tổ an ninh thôn theo dõi quán từ tối nay.", { user: OFFICER_A }));
    expect(textsTo(OFFICER_A).at(-1)).toContain("Đã lưu ghi chú");
    expect(since(mark, TIPSTER)).toEqual([]);
    const note = await h.db.tipEvent.findFirstOrThrow({ where: { tipId, kind: "note" } });
    expect(note).toMatchObject({ actorStaffId: staffIds.ca_mot, text: "Đã cho tổ an ninh thôn theo dõi quán từ tối nay." });

    await post(callbackUpdate(`t:${tipId}:note`, { user: STRANGER }));
    expect(textsTo(STRANGER).at(-1)).toContain("không có quyền");
    const stranger = { id: staffIds.ca_khac!, displayName: "x", role: "officer", communeId: (await h.db.commune.findUniqueOrThrow({ where: { code: "NAMSACH" } })).id, villageId: null, active: true };
    // Outside their commune the tip does not exist for the domain (as in the console: ids cannot be probed).
    expect(await addNote(h.deps, stranger, tipId, "xem trộm")).toEqual({ ok: false, reason: "not_found" });
    await post(callbackUpdate(`tas:${tipId}:${staffIds.ca_khac}`, { user: STRANGER }));
    expect((await tip()).officerStaffId).toBe(staffIds.ca_mot);
  });

  it("lets a leader reassign it to another officer of the commune: the new one and the old one are told", async () => {
    await post(callbackUpdate(`t:${tipId}:assign`, { user: LEADER }));
    const list = lastTo(LEADER);
    expect(String(list.payload.text)).toContain("Chọn cán bộ công an xã sẽ phụ trách");
    // Only the commune's other active officers: not the current one, not the leader, not another commune's.
    expect(buttonsOf(list).map((b) => b.text)).toEqual(["👤 Đ/c Lê Thị Hai"]);
    // An officer of another commune, forged into the button, is refused.
    await post(callbackUpdate(`tas:${tipId}:${staffIds.ca_khac}`, { user: LEADER }));
    expect(textsTo(LEADER).at(-1)).toContain("không phải cán bộ công an đang hoạt động của xã");
    await post(callbackUpdate(buttonsOf(list)[0]!.callback_data, { user: LEADER }));
    expect(textsTo(LEADER).at(-1)).toContain("Đã giao tin báo");
    expect((await tip()).officerStaffId).toBe(staffIds.ca_hai);
    const toB = lastTo(OFFICER_B);
    expect(String(toB.payload.text)).toContain("đã giao tin báo");
    expect(buttonsOf(toB)[0]!.callback_data).toBe(`l:${tipId}`);
    expect(textsTo(OFFICER_A).at(-1)).toContain("Đồng chí không còn phụ trách tin này");
  });

  it("carries the tipster's answer to the officer with buttons to ask again and to open the tip", async () => {
    await post(callbackUpdate(`t:${tipId}:ask`, { user: OFFICER_B }));
    await post(textUpdate("Người bán thường đi xe gì?", { user: OFFICER_B }));
    expect(textsTo(TIPSTER).at(-1)).toContain("Người bán thường đi xe gì?");
    await post(callbackUpdate(`r:${tipId}`));
    await post(textUpdate("Xe Wave màu đỏ."));
    await post(callbackUpdate("f:done"));
    const answer = fake.calls.filter(toChat(OFFICER_B.id)).find((c) => String(c.payload.text).includes("Xe Wave màu đỏ."))!;
    expect(buttonsOf(answer).map((b) => b.callback_data)).toEqual([`t:${tipId}:ask`, `l:${tipId}`]);
    // A photo as the answer: re-sent to the officer (copied, not forwarded) with the same two buttons.
    await post(callbackUpdate(`r:${tipId}`));
    await post(photoUpdate());
    await post(callbackUpdate("f:done"));
    const photo = fake.calls.filter(toChat(OFFICER_B.id)).filter((c) => c.method === "sendPhoto").at(-1)!;
    expect(String(photo.payload.caption)).toContain((await tip()).caseNumber);
    expect(buttonsOf(photo).map((b) => b.callback_data)).toEqual([`t:${tipId}:ask`, `l:${tipId}`]);
  });

  it("extends the verification period with a reason; the timeline shows everything with who and when", async () => {
    const before = (await tip()).dueAt!;
    await post(callbackUpdate(`t:${tipId}:extend`, { user: OFFICER_B }));
    expect(textsTo(OFFICER_B).at(-1)).toContain("Gõ lý do gia hạn");
    await post(textUpdate("Cần xác minh thêm ở hai thôn.", { user: OFFICER_B }));
    expect(textsTo(OFFICER_B).at(-1)).toContain("Đã gia hạn xác minh");
    const after = await tip();
    expect(after.dueAt!.getTime() - before.getTime()).toBe(40 * 86_400_000);
    expect(after.extensions).toBe(1);

    const text = String((await view(LEADER)).payload.text);
    for (const line of [
      "tin báo đến",
      'Đ/c Nguyễn Văn Một (công an xã): chuyển sang "Đã tiếp nhận"',
      "Đ/c Nguyễn Văn Một (công an xã) ghi chú: Đã cho tổ an ninh thôn theo dõi quán từ tối nay.",
      "Đ/c Phạm Chủ Tịch (lãnh đạo xã) giao cho Đ/c Lê Thị Hai (công an xã) phụ trách",
      "Đ/c Lê Thị Hai (công an xã) hỏi người báo tin: Người bán thường đi xe gì?",
      "người báo tin gửi thêm: Xe Wave màu đỏ.",
      "Đ/c Lê Thị Hai (công an xã) gia hạn xác minh. Lý do: Cần xác minh thêm ở hai thôn.",
    ]) expect(text).toContain(line);
    expect(text).toMatch(/• \d\d:\d\d \d\d\/\d\d\/\d{4} — /);
  });

  it("closes with a result and a note; the tipster hears only that it was dealt with", async () => {
    const mark = fake.calls.length;
    await post(callbackUpdate(`t:${tipId}:done`, { user: OFFICER_B }));
    const results = buttonsOf(lastTo(OFFICER_B)).map((b) => b.text);
    expect(results).toEqual(expect.arrayContaining(["Xử lý hình sự (chuyển khởi tố)", "Xử lý vi phạm hành chính", "Đã nhắc nhở, giáo dục", "Chuyển cơ quan khác giải quyết"]));
    expect((await tip()).status).toBe("taken");
    // Typing instead of choosing asks again; a forged result is not taken.
    await post(textUpdate("xong rồi", { user: OFFICER_B }));
    expect(textsTo(OFFICER_B).at(-1)).toContain("Hãy chọn một kết quả");
    await post(callbackUpdate("trs:not_verified", { user: OFFICER_B }));
    expect(textsTo(OFFICER_B).at(-1)).toContain("Hãy chọn một kết quả");
    await post(callbackUpdate("trs:administrative", { user: OFFICER_B }));
    expect(textsTo(OFFICER_B).at(-1)).toContain("Gõ ghi chú (nếu có)");
    await post(textUpdate("Phạt hành chính chủ quán 7.500.000 đồng.", { user: OFFICER_B }));
    expect(textsTo(OFFICER_B).at(-1)).toContain("kết quả: Xử lý vi phạm hành chính");
    const closed = await tip();
    expect(closed).toMatchObject({ status: "done", result: "administrative" });

    const toTipster = since(mark, TIPSTER);
    expect(toTipster).toHaveLength(1);
    expect(toTipster[0]).toBe(viCase.tipster.closed(toTipster[0]!.match(/ngày (\S+) /)![1]!));
    for (const secret of ["hành chính", "7.500.000", "Phạt", "Lê Thị Hai", "gia hạn"]) expect(toTipster[0]).not.toContain(secret);
  });

  it("offers only Mở lại on a closed tip, refuses questions, and lets only its officer or a leader reopen", async () => {
    const shown = await view(OFFICER_B);
    // Of the actions only "Mở lại"; its files (the photo answer) can still be read again.
    expect(buttonsOf(shown).map((b) => b.text)).toEqual(["📎 Xem tệp đính kèm (1)", "🔓 Mở lại"]);
    expect(String(shown.payload.text)).toContain("Kết quả: Xử lý vi phạm hành chính");
    const photos = fake.calls.filter((c) => c.method === "sendPhoto").length;
    await post(callbackUpdate(`t:${tipId}:files`, { user: OFFICER_B }));
    const resent = fake.calls.filter((c) => c.method === "sendPhoto");
    expect(resent).toHaveLength(photos + 1);
    expect(String(resent.at(-1)!.payload.chat_id)).toBe(String(OFFICER_B.id));
    expect(resent.at(-1)!.payload.protect_content).toBe(true);
    // An officer of another commune gets nothing by the crafted button.
    await post(callbackUpdate(`t:${tipId}:files`, { user: STRANGER }));
    expect(fake.calls.filter((c) => c.method === "sendPhoto")).toHaveLength(photos + 1);
    // Officer A no longer has it: only the files to read, and the domain refuses the rest.
    expect(buttonsOf(await view(OFFICER_A)).map((b) => b.text)).toEqual(["📎 Xem tệp đính kèm (1)"]);
    await post(callbackUpdate(`t:${tipId}:reopen`, { user: OFFICER_A }));
    expect(textsTo(OFFICER_A).at(-1)).toContain("Chỉ cán bộ phụ trách tin báo này hoặc lãnh đạo xã");
    // No question on a closed tip, by a stale button or by the domain.
    await post(callbackUpdate(`t:${tipId}:ask`, { user: OFFICER_B }));
    expect(textsTo(OFFICER_B).at(-1)).toContain("đã kết thúc: chỉ có thể mở lại");
    const b = await h.db.staff.findUniqueOrThrow({ where: { id: staffIds.ca_hai } });
    expect(await askTipster(h.deps, b, tipId, "Còn gì nữa không?")).toEqual({ ok: false, reason: "closed", caseNumber: expect.any(String) as string });
    expect(await h.db.tipEvent.count({ where: { tipId, kind: "question" } })).toBe(1);

    await post(callbackUpdate(`t:${tipId}:reopen`, { user: OFFICER_B }));
    expect(textsTo(OFFICER_B).at(-1)).toContain("Gõ lý do mở lại");
    await post(textUpdate("/huy", { user: OFFICER_B }));
    expect((await tip()).status).toBe("done");
    await post(callbackUpdate(`t:${tipId}:reopen`, { user: OFFICER_B }));
    await post(textUpdate("Chủ quán tái phạm theo báo cáo của thôn.", { user: OFFICER_B }));
    expect(textsTo(OFFICER_B).join("\n")).toContain("Đã mở lại tin báo");
    expect(await tip()).toMatchObject({ status: "verifying", closedAt: null, result: null });
    expect(String((await view(LEADER)).payload.text)).toContain("mở lại tin báo. Lý do: Chủ quán tái phạm theo báo cáo của thôn.");
  });

  it("reopens a closed tip for review when its tipster adds a detail within 30 days, and alerts its officer", async () => {
    await post(callbackUpdate(`t:${tipId}:unfounded`, { user: OFFICER_B }));
    await post(callbackUpdate("trs:not_verified", { user: OFFICER_B }));
    await post(callbackUpdate("tsk", { user: OFFICER_B }));
    expect((await tip()).status).toBe("unfounded");
    expect(textsTo(TIPSTER).at(-1)).toContain("đã được công an xã xem xét, giải quyết xong");

    await post(textUpdate("/theodoi"));
    await post(textUpdate(receipt));
    expect(buttonsOf(lastTo(TIPSTER)).map((x) => x.callback_data)).toContain("f:add");
    await post(callbackUpdate("f:add"));
    await post(textUpdate("Tối qua quán lại bán tiếp."));
    expect(textsTo(TIPSTER).at(-1)).toContain("Tin báo được mở lại");
    expect((await tip()).status).toBe("verifying");
    expect(textsTo(OFFICER_B).filter((t) => t.includes("tin báo được mở lại để xem xét"))).toHaveLength(1);
    await post(callbackUpdate("f:done"));
  });

  it("past 30 days, a detail on the closed tip starts a new tip linked to it, with its own receipt code", async () => {
    await post(callbackUpdate(`t:${tipId}:done`, { user: OFFICER_B }));
    await post(callbackUpdate("trs:reminded", { user: OFFICER_B }));
    await post(callbackUpdate("tsk", { user: OFFICER_B }));
    h.clock.advanceMinutes(31 * 24 * 60);
    await post(textUpdate("/theodoi"));
    await post(textUpdate(receipt));
    await post(callbackUpdate("f:add"));
    const before = await h.db.tip.count();
    await post(textUpdate("Quán lại mở bán, giờ bán cả ban ngày."));
    expect((await tip()).status).toBe("done");
    expect(await h.db.tip.count()).toBe(before + 1);
    const linked = await h.db.tip.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(linked).toMatchObject({ previousTipId: tipId, status: "new", text: "Quán lại mở bán, giờ bán cả ban ngày." });
    const code = /Mã tiếp nhận mới của bạn: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(textsTo(TIPSTER).join("\n"))![1]!;
    expect(code).not.toBe(receipt);
    const old = await tip();
    expect(textsTo(OFFICER_B).join("\n")).toContain(`Tin báo mới từ chi tiết gửi thêm cho tin đã kết thúc ${old.caseNumber}.`);
    // Further details go to the new tip.
    await post(textUpdate("Có thêm một người canh cửa."));
    expect(await h.db.tipEvent.count({ where: { tipId: linked.id, kind: "followup" } })).toBe(1);
    await post(callbackUpdate("f:done"));
    // The new code opens the new tip.
    await post(textUpdate("/theodoi"));
    await post(textUpdate(code));
    expect(textsTo(TIPSTER).at(-1)).toContain("Tin báo đã đến công an xã và đang chờ cán bộ tiếp nhận.");
    await post(callbackUpdate("f:exit"));
    // Out of the way of the list order checked next (only the tips filed there are compared).
    await h.db.tip.update({ where: { id: linked.id }, data: { status: "unfounded", closedAt: h.clock.now } });
  });

  it("reminds the officer before the deadline and the leaders at it; overdue tips come first in /tinbao", async () => {
    // A fresh tip taken by officer A, and a newer one nobody took.
    const lateId = await fileTip("Có người trồng cần sa sau nhà.");
    const freshId = await fileTip("Nhóm thanh niên tụ tập hút ở bãi sông.");
    const [late, fresh] = await Promise.all([lateId, freshId].map((id) => h.db.tip.findUniqueOrThrow({ where: { id } })));
    await post(callbackUpdate(`t:${late!.id}:take`, { user: OFFICER_A }));

    h.clock.advanceMinutes(16 * 24 * 60);
    const mark = fake.calls.length;
    await sweep(h.deps);
    await h.settle();
    expect(since(mark, OFFICER_A).join("\n")).not.toContain("NHẮC HẠN");
    h.clock.advanceMinutes(2 * 24 * 60);
    await sweep(h.deps);
    await h.settle();
    expect(since(mark, OFFICER_A).join("\n")).toContain(`NHẮC HẠN: tin báo ${late!.caseNumber}`);
    expect(since(mark, LEADER).join("\n")).not.toContain(late!.caseNumber);
    h.clock.advanceMinutes(3 * 24 * 60);
    await sweep(h.deps);
    await sweep(h.deps);
    await h.settle();
    const toLeader = since(mark, LEADER).filter((t) => t.includes(late!.caseNumber));
    expect(toLeader).toHaveLength(1);
    expect(toLeader[0]).toContain("đã đến hạn xác minh");
    expect(toLeader[0]).toContain("Người phụ trách: Đ/c Nguyễn Văn Một (công an xã)");
    expect(since(mark, OFFICER_A).filter((t) => t.includes("NHẮC HẠN"))).toHaveLength(1);

    await post(textUpdate("/tinbao", { user: LEADER }));
    const list = textsTo(LEADER).at(-1)!.split("\n");
    expect(list[1]).toContain(late!.caseNumber);
    expect(list[1]).toContain("quá hạn 1 ngày");
    expect(list[2]).toContain(fresh!.caseNumber);

    // A new tip given to officer B before anyone took it stays B's when A takes it; its period starts then.
    await post(callbackUpdate(`t:${fresh!.id}:assign`, { user: LEADER }));
    await post(callbackUpdate(`tas:${fresh!.id}:${staffIds.ca_hai}`, { user: LEADER }));
    await post(callbackUpdate(`t:${fresh!.id}:take`, { user: OFFICER_A }));
    const taken = await h.db.tip.findUniqueOrThrow({ where: { id: fresh!.id } });
    expect(taken).toMatchObject({ status: "taken", officerStaffId: staffIds.ca_hai, takenByStaffId: staffIds.ca_mot });
    expect(taken.dueAt!.getTime() - taken.takenAt!.getTime()).toBe(20 * 86_400_000);
  });

  it("leaves nothing that identifies the tipster in the database, the logs or staff's messages", async () => {
    const secrets = [String(TIPSTER.id), TIPSTER.username!, TIPSTER.first_name, TIPSTER.last_name!];
    const files = [h.dbPath, `${h.dbPath}-wal`].filter(existsSync);
    const stored = files.map((f) => readFileSync(f)).map((b) => b.toString("utf8") + b.toString("latin1"));
    const toStaff = fake.calls.filter((c) => !toChat(TIPSTER.id)(c)).map((c) => JSON.stringify(c.payload));
    expect(toStaff.some((m) => m.includes("Diễn biến"))).toBe(true);
    for (const secret of secrets) {
      for (const blob of stored) expect(blob.includes(secret), `database holds ${secret}`).toBe(false);
      expect(h.logs.join("\n").includes(secret), `logs hold ${secret}`).toBe(false);
      for (const message of toStaff) expect(message.includes(secret), `staff saw ${secret}`).toBe(false);
    }
  });
});
