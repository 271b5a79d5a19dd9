// Duplicates and spam on Telegram (issue 12), through the real app and a fake Bot API: "Trùng tin"
// with the original's case number (wrong, other commune's, the same and a closed tip's numbers
// refused in words), both tipsters following up by their codes; "Tin rác" behind a confirmation,
// three marks against one citizen holding their fourth tip (no alert) while another citizen's still
// alerts, "Không phải tin rác" restoring normal alerting; crafted buttons of another commune refused;
// and the anonymity scan, with the spam hashes matching no pseudonym or address tag.
import { beforeAll, describe, expect, it } from "vitest";
import type { Harness } from "../helpers/harness.js";
import { telegramButtons, telegramSession, toChat } from "../helpers/channels.js";
import { sweep } from "../../bots/core/work/sweep.js";
import { expectSpamHashesUnjoinable, storedBlobs } from "../helpers/spam-marks.js";
import { TIPSTER, callbackUpdate, textUpdate, type ApiCall, type FakeTelegram, type TestUser } from "../helpers/fake-telegram.js";
import { markSpam, unmarkSpam } from "../../src/tips/marks.js";
import { addressTagOf, pseudonymOf } from "../../src/crypto/pseudonym.js";
import { viCase } from "../../src/i18n/vi-case.js";

const OFFICER: TestUser = { id: 5_550_201, is_bot: false, first_name: "Trần", last_name: "Văn Ba", username: "ca_ba", language_code: "vi" };
const STRANGER: TestUser = { id: 5_550_204, is_bot: false, first_name: "Đỗ", last_name: "Xã Bên", username: "ca_ben", language_code: "vi" };
const SECOND: TestUser = { id: 7_412_009_311, is_bot: false, first_name: "Sùng Thị Mai", last_name: "Vàng", username: "sung_mai_88", language_code: "hmn" };
const SPAMMER: TestUser = { id: 7_598_220_147, is_bot: false, first_name: "Kẻ Phá", last_name: "Đám", username: "pha_dam_1999", language_code: "vi" };

const staffIds: Record<string, number> = {};
const ids = { original: 0, duplicate: 0, closed: 0 };
const receipts = { original: "", duplicate: "" };

const tg = telegramSession();
let fake: FakeTelegram;
let h: Harness;
beforeAll(() => {
  ({ fake, h } = tg);
});

const { post, textsTo, lastTo, since } = tg;
const buttonsOf = telegramButtons;
const tipOf = (id: number) => h.db.tip.findUniqueOrThrow({ where: { id } });
const codeIn = (text: string) => /Mã tiếp nhận của bạn: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(text)?.[1] ?? "";

/** Files a tip in Hồng Lộc as `user`; returns its id and what the user read after pressing "Gửi". */
async function fileTip(user: TestUser, text: string): Promise<{ id: number; replies: string[] }> {
  const commune = await h.db.commune.findUniqueOrThrow({ where: { code: "HONGLOC" } });
  for (const step of [textUpdate("/start", { user }), textUpdate("Hồng Lộc", { user }), callbackUpdate(`c:${commune.id}`, { user }), callbackUpdate("k:selling", { user }), callbackUpdate("v:none", { user }), textUpdate(text, { user }), callbackUpdate("m:continue", { user })]) await post(step);
  const mark = fake.calls.length;
  await post(callbackUpdate("s:submit", { user }));
  return { id: (await h.db.tip.findFirstOrThrow({ orderBy: { id: "desc" } })).id, replies: since(mark, user) };
}
async function view(user: TestUser, id: number): Promise<ApiCall> {
  await post(callbackUpdate(`l:${id}`, { user }));
  return lastTo(user);
}
/** Marks the tip spam as the officer: "Tin rác", then the confirmation. */
async function spam(id: number): Promise<void> {
  await post(callbackUpdate(`tmk:${id}:s`, { user: OFFICER }));
  expect(textsTo(OFFICER).at(-1)).toContain("là tin rác?");
  await post(callbackUpdate("tmy", { user: OFFICER }));
  expect(textsTo(OFFICER).at(-1)).toContain("Đã đánh dấu");
}

describe("duplicates and spam on Telegram", () => {
  it("registers an officer of Hồng Lộc and one of another commune", async () => {
    for (const [user, name, commune] of [[OFFICER, "Đ/c Trần Văn Ba", "HONGLOC"], [STRANGER, "Đ/c Đỗ Xã Bên", "NAMSACH"]] as const) {
      await post(textUpdate(`/start ${await h.invite("officer", { communeCode: commune }, name)}`, { user }));
      staffIds[user.username!] = (await h.db.staff.findFirstOrThrow({ where: { displayName: name } })).id;
    }
  });

  it("marks a tip as a duplicate of the commune's open tip, refusing wrong numbers in words", async () => {
    const original = await fileTip(TIPSTER, "Quán nước đầu cầu bán ma túy, tối nào cũng có.");
    const duplicate = await fileTip(SECOND, "Ở quán nước cạnh cầu có bán ma túy.");
    const closed = await fileTip(TIPSTER, "Có người hút ở bãi sông.");
    Object.assign(ids, { original: original.id, duplicate: duplicate.id, closed: closed.id });
    receipts.original = codeIn(original.replies.join("\n"));
    receipts.duplicate = codeIn(duplicate.replies.join("\n"));
    await post(callbackUpdate(`t:${ids.closed}:unfounded`, { user: OFFICER }));
    await post(callbackUpdate("trs:not_verified", { user: OFFICER }));
    await post(callbackUpdate("tsk", { user: OFFICER }));
    const [o, d, c] = await Promise.all([ids.original, ids.duplicate, ids.closed].map(tipOf));

    const shown = await view(OFFICER, ids.duplicate);
    expect(buttonsOf(shown).map((b) => b.text)).toEqual(expect.arrayContaining(["🔁 Trùng tin", "🗑 Tin rác"]));
    // The closing list never offers the results these actions set.
    await post(callbackUpdate(`t:${ids.duplicate}:done`, { user: OFFICER }));
    expect(buttonsOf(lastTo(OFFICER)).map((b) => b.text)).not.toContain("Trùng với tin báo khác");
    await post(callbackUpdate("trs:duplicate", { user: OFFICER }));
    expect(textsTo(OFFICER).at(-1)).toContain("Hãy chọn một kết quả");
    await post(textUpdate("/huy", { user: OFFICER }));

    await post(callbackUpdate(`tmk:${ids.duplicate}:d`, { user: OFFICER }));
    expect(textsTo(OFFICER).at(-1)).toContain(`Gõ số hiệu tin báo gốc mà tin ${d!.caseNumber} trùng với`);
    await post(textUpdate("HONGLOC-99999", { user: OFFICER }));
    expect(textsTo(OFFICER).at(-1)).toContain('Xã không có tin báo số hiệu "HONGLOC-99999"');
    await post(textUpdate("NAMSACH-00001", { user: OFFICER }));
    expect(textsTo(OFFICER).at(-1)).toContain("Chỉ đánh dấu trùng với tin báo của cùng xã");
    await post(textUpdate(String(ids.duplicate), { user: OFFICER }));
    expect(textsTo(OFFICER).at(-1)).toContain(`Đó chính là tin ${d!.caseNumber}`);
    await post(textUpdate("cầu bến", { user: OFFICER }));
    expect(textsTo(OFFICER).at(-1)).toContain("Xã không có tin báo số hiệu");
    await post(textUpdate(c!.caseNumber, { user: OFFICER }));
    expect(textsTo(OFFICER).at(-1)).toContain(`Tin gốc ${c!.caseNumber} đã kết thúc`);
    // Quay lại has no earlier step: nothing is marked.
    await post(textUpdate("/quaylai", { user: OFFICER }));
    expect(textsTo(OFFICER).at(-1)).toContain("không bị đánh dấu trùng");
    expect((await tipOf(ids.duplicate)).status).toBe("new");

    const mark = fake.calls.length;
    await post(callbackUpdate(`tmk:${ids.duplicate}:d`, { user: OFFICER }));
    await post(textUpdate(` ${o!.caseNumber.toLowerCase()} `, { user: OFFICER }));
    expect(textsTo(OFFICER).at(-1)).toContain(`Đã đánh dấu ${d!.caseNumber} trùng với ${o!.caseNumber}`);
    expect(await tipOf(ids.duplicate)).toMatchObject({ status: "done", result: "duplicate", duplicateOfId: ids.original });
    expect((await tipOf(ids.original)).status).toBe("new");
    // The duplicate's tipster hears the neutral closing notice, nothing of the other tip.
    const toSecond = since(mark, SECOND);
    expect(toSecond).toHaveLength(1);
    expect(toSecond[0]).toBe(viCase.tipster.closed(toSecond[0]!.match(/ngày (\S+) /)![1]!));
    expect(since(mark, TIPSTER)).toEqual([]);

    expect(String((await view(OFFICER, ids.original)).payload.text)).toContain(`Đ/c Trần Văn Ba (công an xã) ghi nhận tin trùng: ${d!.caseNumber}`);
    const dupView = await view(OFFICER, ids.duplicate);
    expect(String(dupView.payload.text)).toContain(`Đ/c Trần Văn Ba (công an xã) đánh dấu trùng với ${o!.caseNumber}`);
    expect(String(dupView.payload.text)).toContain("Kết quả: Trùng với tin báo khác");
    expect(buttonsOf(dupView).map((b) => b.text)).toEqual(["🔓 Mở lại"]);
  });

  it("lets both tipsters follow up: the duplicate's details reach the original's officer, never the other tipster", async () => {
    const o = await tipOf(ids.original);
    await post(textUpdate("/theodoi", { user: SECOND }));
    await post(textUpdate(receipts.duplicate, { user: SECOND }));
    expect(buttonsOf(lastTo(SECOND)).map((b) => b.callback_data)).toContain("f:add");
    await post(callbackUpdate("f:add", { user: SECOND }));
    await post(textUpdate("Người bán đi xe máy Wave màu xanh.", { user: SECOND }));
    expect(textsTo(SECOND).at(-1)).toContain("Đã chuyển thông tin bổ sung đến cán bộ đang xử lý vụ việc");
    await post(callbackUpdate("f:done", { user: SECOND }));
    // The duplicate stays closed; the original's officers read the detail under the original.
    expect((await tipOf(ids.duplicate)).status).toBe("done");
    const alert = fake.calls.filter(toChat(OFFICER.id)).find((c) => String(c.payload.text).includes("Người bán đi xe máy Wave màu xanh."))!;
    expect(String(alert.payload.text)).toContain(`BỔ SUNG cho tin báo ${o.caseNumber}`);
    expect(buttonsOf(alert).map((b) => b.callback_data)).toEqual([`l:${ids.original}`]);
    expect(String((await view(OFFICER, ids.original)).payload.text)).toContain("người báo tin của một tin trùng gửi thêm: Người bán đi xe máy Wave màu xanh.");

    // The original's tipster adds and reads as ever, and never sees the other tipster's words.
    await post(callbackUpdate(`t:${ids.original}:ask`, { user: OFFICER }));
    await post(textUpdate("Quán mở đến mấy giờ?", { user: OFFICER }));
    expect(textsTo(TIPSTER).at(-1)).toContain("Quán mở đến mấy giờ?");
    expect(textsTo(SECOND).join("\n")).not.toContain("Quán mở đến mấy giờ?");
    await post(textUpdate("/theodoi"));
    await post(textUpdate(receipts.original));
    await post(callbackUpdate("f:add"));
    await post(textUpdate("Quán mở đến nửa đêm."));
    expect(textsTo(TIPSTER).at(-1)).toContain("Đã");
    await post(callbackUpdate("f:refresh"));
    expect(textsTo(TIPSTER).at(-1)).toContain("Quán mở đến nửa đêm.");
    expect(textsTo(TIPSTER).join("\n")).not.toContain("Wave màu xanh");
    await post(callbackUpdate("f:exit"));
    expect(textsTo(OFFICER).some((t) => t.includes("Quán mở đến nửa đêm."))).toBe(true);
  });

  it("refuses every marking button and domain call to an officer of another commune", async () => {
    for (const data of [`tmk:${ids.original}:d`, `tmk:${ids.original}:s`, `tmk:${ids.duplicate}:n`]) {
      await post(callbackUpdate(data, { user: STRANGER }));
      // Another commune's tip does not exist for them (src/tips/scope.ts), by button as by id.
      expect(textsTo(STRANGER).at(-1)).toContain("Không tìm thấy tin báo này");
    }
    await post(callbackUpdate(`tmk:${ids.original}:zz`, { user: STRANGER }));
    expect(textsTo(STRANGER).at(-1)).toContain("Không tìm thấy tin báo này");
    const stranger = await h.db.staff.findUniqueOrThrow({ where: { id: staffIds.ca_ben } });
    expect(await markSpam(h.deps, stranger, ids.original)).toEqual({ ok: false, reason: "not_found" });
    expect(await unmarkSpam(h.deps, stranger, ids.original)).toEqual({ ok: false, reason: "not_found" });
    expect((await view(STRANGER, ids.original)).payload.reply_markup).toBeUndefined();
    expect((await tipOf(ids.original)).status).toBe("new");
    expect(await h.db.tipEvent.count({ where: { kind: { in: ["spam_marked", "spam_unmarked"] } } })).toBe(0);
  });

  it("holds a citizen's fourth tip after three were marked spam, while another citizen's still alerts", async () => {
    const spamIds: number[] = [];
    const spamCodes: string[] = [];
    for (const n of [1, 2, 3]) {
      h.clock.advanceMinutes(61); // apart, so no flood limit is what holds anything
      const { id, replies } = await fileTip(SPAMMER, `Tin linh tinh số ${n}, không có gì.`);
      spamIds.push(id);
      spamCodes.push(codeIn(replies.join("\n")));
      if (n === 1) {
        // The confirmation: typing is asked again, Hủy changes nothing.
        await post(callbackUpdate(`tmk:${id}:s`, { user: OFFICER }));
        await post(textUpdate("có", { user: OFFICER }));
        expect(textsTo(OFFICER).at(-1)).toContain("Hãy bấm nút xác nhận");
        await post(textUpdate("/huy", { user: OFFICER }));
        expect(textsTo(OFFICER).at(-1)).toContain("không có gì thay đổi");
        expect((await tipOf(id)).status).toBe("new");
      }
      const mark = fake.calls.length;
      await spam(id);
      expect(await tipOf(id)).toMatchObject({ status: "unfounded", result: "spam" });
      expect(since(mark, SPAMMER)).toEqual([viCase.tipster.closed(since(mark, SPAMMER)[0]!.match(/ngày (\S+) /)![1]!)]);
    }
    expect(await h.db.spamMark.findMany()).toEqual([expect.objectContaining({ count: 3 })]);
    const events = await h.db.tipEvent.findMany({ where: { kind: "spam_marked" } });
    expect(events.map((e) => [e.tipId, e.actorStaffId])).toEqual(spamIds.map((id) => [id, staffIds.ca_ba]));

    h.clock.advanceMinutes(61);
    const mark = fake.calls.length;
    const fourth = await fileTip(SPAMMER, "Lại một tin linh tinh nữa.");
    expect((await tipOf(fourth.id)).hold).toBe("held");
    expect(since(mark, OFFICER).join("\n")).not.toContain("Lại một tin linh tinh nữa.");
    expect(since(mark, OFFICER).join("\n")).toContain("Có 1 tin báo đang chờ xem xét");
    // The sender reads exactly what any tipster reads on filing, their code aside.
    const other = await fileTip(SECOND, "Có người lạ giao hàng ở ngõ 3 lúc nửa đêm.");
    expect((await tipOf(other.id)).hold).toBeNull();
    expect(since(mark, OFFICER).join("\n")).toContain("Có người lạ giao hàng ở ngõ 3 lúc nửa đêm.");
    const masked = (replies: string[]) => replies.map((r) => r.replace(/[A-Z0-9]{4}-[A-Z0-9]{4}/, "CODE"));
    expect(masked(fourth.replies)).toEqual(masked(other.replies));
    // The held queue lists it for review, as any held tip.
    await post(textUpdate("/tinbao giu", { user: OFFICER }));
    expect(textsTo(OFFICER).at(-1)).toContain((await tipOf(fourth.id)).caseNumber);
    // Another citizen's marks are their own: this one is not held.
    expect((await tipOf(other.id)).hold).toBeNull();

    // A detail on an old spam tip reopens it into the held queue, not with an alert, in the usual words.
    const before = fake.calls.length;
    await post(textUpdate("/theodoi", { user: SPAMMER }));
    await post(textUpdate(spamCodes[1]!, { user: SPAMMER }));
    await post(callbackUpdate("f:add", { user: SPAMMER }));
    await post(textUpdate("Tin linh tinh bổ sung.", { user: SPAMMER }));
    expect(textsTo(SPAMMER).at(-1)).toBe(viCase.tipster.reopenedByDetail);
    await post(callbackUpdate("f:done", { user: SPAMMER }));
    expect(await tipOf(spamIds[1]!)).toMatchObject({ status: "verifying", hold: "held", result: null });
    expect(since(before, OFFICER).join("\n")).not.toContain("Tin linh tinh bổ sung.");
    expect(since(before, OFFICER).join("\n")).not.toContain("được mở lại");
  });

  it("undoes a mark with Không phải tin rác: counted down, reopened, audited; the next tip alerts again", async () => {
    const first = (await h.db.tipEvent.findFirstOrThrow({ where: { kind: "spam_marked" }, orderBy: { id: "asc" } })).tipId;
    const shown = await view(OFFICER, first);
    expect(buttonsOf(shown).map((b) => b.text)).toEqual(["🔓 Mở lại", "↩️ Không phải tin rác"]);
    await post(callbackUpdate(`tmk:${first}:n`, { user: OFFICER }));
    expect(textsTo(OFFICER).at(-1)).toContain("không phải tin rác?");
    await post(callbackUpdate("tmy", { user: OFFICER }));
    expect(textsTo(OFFICER).at(-1)).toContain("Đã gỡ dấu tin rác");
    expect(await tipOf(first)).toMatchObject({ status: "verifying", result: null });
    expect(await h.db.spamMark.findMany()).toEqual([expect.objectContaining({ count: 2 })]);
    expect(await h.db.tipEvent.findFirst({ where: { tipId: first, kind: "spam_unmarked" } })).toMatchObject({ actorStaffId: staffIds.ca_ba });
    const text = String((await view(OFFICER, first)).payload.text);
    expect(text).toContain("Đ/c Trần Văn Ba (công an xã) đánh dấu tin rác");
    expect(text).toContain("Đ/c Trần Văn Ba (công an xã) xác định không phải tin rác");
    // Taken back once only: a stale button says so, and the count stays.
    await post(callbackUpdate(`tmk:${first}:n`, { user: OFFICER }));
    expect(textsTo(OFFICER).at(-1)).toContain("không mang dấu tin rác");
    expect(await h.db.spamMark.findMany()).toEqual([expect.objectContaining({ count: 2 })]);

    // Two officers' presses at once on another mark: counted down once.
    const second = (await h.db.tipEvent.findMany({ where: { kind: "spam_marked" }, orderBy: { id: "asc" } }))[2]!.tipId;
    const officer = await h.db.staff.findUniqueOrThrow({ where: { id: staffIds.ca_ba } });
    const both = await Promise.all([unmarkSpam(h.deps, officer, second), unmarkSpam(h.deps, officer, second)]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(await h.db.spamMark.findMany()).toEqual([expect.objectContaining({ count: 1 })]);
    expect(await h.db.tipEvent.count({ where: { tipId: second, kind: "spam_unmarked" } })).toBe(1);

    h.clock.advanceMinutes(61);
    const mark = fake.calls.length;
    const fifth = await fileTip(SPAMMER, "Xe tải lạ đỗ ở đầu bản lúc 2 giờ sáng.");
    expect((await tipOf(fifth.id)).hold).toBeNull();
    expect(since(mark, OFFICER).join("\n")).toContain("Xe tải lạ đỗ ở đầu bản lúc 2 giờ sáng.");
  });

  it("leaves nothing that identifies a citizen in the database, the logs or staff's messages; spam hashes match no pseudonym", async () => {
    const citizens = [TIPSTER, SECOND, SPAMMER];
    const secrets = citizens.flatMap((u) => [String(u.id), u.username!, u.first_name, u.last_name!]);
    const stored = storedBlobs(h);
    const toStaff = fake.calls.filter((c) => !citizens.some((u) => toChat(u.id)(c))).map((c) => JSON.stringify(c.payload));
    expect(toStaff.some((m) => m.includes("đánh dấu tin rác"))).toBe(true);
    for (const secret of secrets) {
      for (const blob of stored) expect(blob.includes(secret), `database holds ${secret}`).toBe(false);
      expect(h.logs.join("\n").includes(secret), `logs hold ${secret}`).toBe(false);
      for (const message of toStaff) expect(message.includes(secret), `staff saw ${secret}`).toBe(false);
    }
    const hashes = await expectSpamHashesUnjoinable(h, [
      await pseudonymOf(h.deps.keys, "telegram", String(SPAMMER.id)),
      await addressTagOf(h.deps.keys, { channel: "telegram", chatId: String(SPAMMER.id) }),
    ]);
    expect(hashes).toHaveLength(1);
    // The row names no tip and keeps only the day.
    const row = (await h.db.spamMark.findFirstOrThrow()) as Record<string, unknown>;
    expect(Object.keys(row).sort()).toEqual(["communeId", "count", "hash", "id", "updatedAt"]);
    expect((row.updatedAt as Date).getTime() % 86_400_000).toBe(0);
    expect(h.logs.join("\n")).not.toContain(hashes[0]!);
  });

  it("forgets a sender's marks 180 days after the last one: the sweep deletes the row", async () => {
    await sweep(h.deps);
    expect(await h.db.spamMark.count()).toBe(1);
    h.clock.advanceMinutes(181 * 24 * 60);
    await sweep(h.deps);
    expect(await h.db.spamMark.count()).toBe(0);
  });
});
