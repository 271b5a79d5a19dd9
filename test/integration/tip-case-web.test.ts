// A tip's whole life in the web chat (issue 12), with the tipster and the officers all in browsers:
// registered by code, taken from the alert, noted (the tipster never sees it), asked and answered
// (ask-again and open choices), extended with a reason, reassigned by a leader (both officers told),
// closed with a result and a note (the tipster hears only that it was dealt with), a closed tip
// offering only "Mở lại", the timeline with who and when, /quaylai and /huy inside the steps, a detail
// within 30 days reopening it and one past 30 days starting a new linked tip with its own code. Then a
// phone tip entered with /nhaptin and a tip-box letter followed up by its slip's code in a browser;
// the register (/sotinbao) read back from its XLSX cell by cell; and the anonymity scan: no session
// token, network address, receipt or slip code on disk or in the logs.
import { existsSync, readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, fileWebTip, type Harness, type WebClient, type WebMessage } from "../helpers/harness.js";
import { issueSlips } from "../../src/tips/slips.js";
import { formatDateTimeVN, formatDateVN, vietnamWallClock } from "../../src/util/vietnam-time.js";
import { viCase } from "../../src/i18n/vi-case.js";
import { viStaff } from "../../src/i18n/vi-staff.js";
import { viIntake } from "../../src/i18n/vi-intake.js";
import { vi } from "../../src/i18n/vi.js";
import { resultLabel } from "../../src/tips/results.js";

const CITIZEN_IP = "198.51.100.41";
const WRITER_IP = "203.0.113.58";
const A = "Đ/c Nguyễn Văn Một";
const B = "Đ/c Lê Thị Hai";
const LEADER = "Đ/c Phạm Chủ Tịch";
const who = { a: `${A} (công an xã)`, b: `${B} (công an xã)`, leader: `${LEADER} (lãnh đạo xã)` };

let h: Harness;
let officerA: WebClient;
let officerB: WebClient;
let leader: WebClient;
let citizen: WebClient;
let writer: WebClient;
let receipt = "";
let linkedReceipt = "";
let tipId = 0;
let caseNumber = "";
let slipCodes: string[] = [];
const staffIds: Record<string, number> = {};

const texts = (messages: { text: string }[]) => messages.map((m) => m.text);
const labels = (m: WebMessage | undefined) => (m?.choices ?? []).flat().map((c) => c.label);
const tip = () => h.db.tip.findUniqueOrThrow({ where: { id: tipId } });
/** Sends choice data as the page does for a button. */
async function send(client: WebClient, data: string): Promise<WebMessage[]> {
  expect((await client.send({ choice: data })).status).toBe(202);
  return client.read();
}
/** The tip view as this staff member sees it (the last message of the reply). */
async function view(client: WebClient, id = tipId): Promise<WebMessage> {
  return (await send(client, `l:${id}`)).at(-1)!;
}
/** When an event of the tip happened, as the timeline prints it. */
async function at(kind: string, id = tipId): Promise<string> {
  return formatDateTimeVN((await h.db.tipEvent.findFirstOrThrow({ where: { tipId: id, kind }, orderBy: { id: "desc" } })).createdAt);
}

async function register(role: string, communeCode: string, name: string): Promise<WebClient> {
  const client = h.web();
  const replies = await client.say(`/dangky ${await h.invite(role, { communeCode }, name)}`);
  expect(replies[0]!.text).toContain("Đăng ký thành công");
  staffIds[name] = (await h.db.staff.findFirstOrThrow({ where: { displayName: name } })).id;
  return client;
}

beforeAll(async () => {
  h = await createHarness();
  const commune = await h.db.commune.findUniqueOrThrow({ where: { code: "HONGLOC" } });
  const village = await h.db.village.findUniqueOrThrow({ where: { code: "HL-02" } });
  slipCodes = (await issueSlips(h.db, h.keys, { communeId: commune.id, villageIds: [village.id], perVillage: 2, now: h.clock.now })).map((s) => s.code);
});
afterAll(async () => h.close());

describe("a tip's whole life in the web chat", () => {
  it("registers two officers and a leader of Hồng Lộc by their codes", async () => {
    officerA = await register("officer", "HONGLOC", A);
    officerB = await register("officer", "HONGLOC", B);
    leader = await register("leader", "HONGLOC", LEADER);
    const rows = await h.db.staff.findMany({ where: { displayName: { in: [A, B, LEADER] } }, orderBy: { id: "asc" } });
    expect(rows.map((s) => [s.displayName, s.role, s.active])).toEqual([[A, "officer", true], [B, "officer", true], [LEADER, "leader", true]]);
  });

  it("files a tip from a browser; officer A takes it from the alert, which names them and starts the 20-day period", async () => {
    citizen = h.web(undefined, { ip: CITIZEN_IP });
    receipt = await fileWebTip(citizen, { text: "Quán nước đầu cầu bán ma túy cho thanh niên, tối nào cũng có." });
    const row = await h.db.tip.findFirstOrThrow({ orderBy: { id: "desc" } });
    ({ id: tipId, caseNumber } = row);
    expect(row).toMatchObject({ channel: "web", status: "new", officerStaffId: null });

    const alert = (await officerA.read()).find((m) => m.text.includes(`TIN BÁO MỚI ${caseNumber}`))!;
    expect(alert.choices!.flat().find((c) => c.label === vi.buttons.take)!.data).toBe(`t:${tipId}:take`);
    await Promise.all([officerB.read(), leader.read()]);
    const taken = await officerA.press(vi.buttons.take);
    expect(texts(taken).join("\n")).toContain(`${caseNumber}: ${A} chuyển sang "Đã tiếp nhận"`);
    const row2 = await tip();
    expect(row2).toMatchObject({ status: "taken", officerStaffId: staffIds[A] });
    expect(row2.dueAt!.getTime() - row2.takenAt!.getTime()).toBe(20 * 86_400_000);
    expect(texts(await citizen.read())).toEqual([vi.tipster.taken(formatDateVN(row.createdAt))]);

    const shown = await view(officerA);
    expect(shown.text).toContain(viCase.view.officer(who.a));
    expect(shown.text).toContain(viCase.view.due(formatDateVN(row2.dueAt!)));
    expect(labels(shown)).toEqual(expect.arrayContaining([viCase.buttons.note, viCase.buttons.assign, viCase.buttons.extend, vi.buttons.resolve]));
    expect(labels(shown)).not.toContain(viCase.buttons.reopen);
  });

  it("keeps an internal note the tipster never sees; /huy and /quaylai in the note step save nothing", async () => {
    await view(officerA);
    expect(texts(await officerA.press(viCase.buttons.note))).toEqual([viCase.note.ask(caseNumber)]);
    expect(texts(await officerA.say("/huy"))).toEqual([viCase.note.cancelled]);
    await view(officerA);
    await officerA.press(viCase.buttons.note);
    expect(texts(await officerA.say("/quaylai"))).toEqual([viCase.note.cancelled]);
    // After Hủy the next words are not a note.
    expect(texts(await officerA.say("Chỉ là lời nói, không phải ghi chú."))).not.toContain(viCase.note.saved(caseNumber));
    expect(await h.db.tipEvent.count({ where: { tipId, kind: "note" } })).toBe(0);
    await view(officerA);
    await officerA.press(viCase.buttons.note);
    expect(texts(await officerA.say("   "))).toEqual([viCase.note.empty]);
    expect(texts(await officerA.say("Đã cho tổ an ninh thôn theo dõi quán từ tối nay."))).toEqual([viCase.note.saved(caseNumber)]);
    const note = await h.db.tipEvent.findFirstOrThrow({ where: { tipId, kind: "note" } });
    expect(note).toMatchObject({ actorStaffId: staffIds[A], text: "Đã cho tổ an ninh thôn theo dõi quán từ tối nay." });
    expect(await citizen.read()).toEqual([]);
  });

  it("asks the tipster; their answer reaches the officer with Hỏi tiếp and Mở choices", async () => {
    await view(officerA);
    expect(texts(await officerA.press(vi.buttons.ask))).toEqual([viStaff.desk.askQuestion(caseNumber)]);
    // The asker reads it sent, and the commune's thread of the tip carries the question.
    expect(texts(await officerA.say("Người bán thường đi xe gì?"))).toEqual([`💬 ${caseNumber}: ${A} hỏi người báo tin:\nNgười bán thường đi xe gì?`, viStaff.desk.questionSent(caseNumber)]);
    const question = (await citizen.read()).find((m) => m.text.includes("Người bán thường đi xe gì?"))!;
    expect(labels(question)).toContain(vi.buttons.replyToOfficer);
    expect(texts(await citizen.press(vi.buttons.replyToOfficer))).toContain(vi.tipster.replyPrompt);
    await citizen.say("Xe Wave màu đỏ.");
    await citizen.press("f:done");
    const answer = (await officerA.read()).find((m) => m.text.includes("Xe Wave màu đỏ."))!;
    expect(answer.text).toContain(caseNumber);
    expect(answer.choices!.flat()).toEqual([
      { label: viCase.buttons.askAgain, data: `t:${tipId}:ask` },
      { label: viCase.buttons.open(caseNumber), data: `l:${tipId}` },
    ]);
    // Hỏi tiếp opens the question step again; Hủy leaves it without asking.
    expect(texts(await officerA.press(viCase.buttons.askAgain))).toEqual([viStaff.desk.askQuestion(caseNumber)]);
    expect(texts(await officerA.say("/huy"))).toEqual([viStaff.desk.askCancelled]);
    expect((await officerA.press(viCase.buttons.open(caseNumber))).at(-1)!.text).toContain(`${caseNumber} — Đã tiếp nhận`);
    expect(await h.db.tipEvent.count({ where: { tipId, kind: "question" } })).toBe(1);
  });

  it("extends the verification period with a reason; /huy and /quaylai keep the deadline", async () => {
    const before = (await tip()).dueAt!;
    const newDue = formatDateVN(new Date(before.getTime() + 40 * 86_400_000));
    await view(officerA);
    expect(texts(await officerA.press(viCase.buttons.extend))).toEqual([viCase.extend.ask(caseNumber, newDue)]);
    expect(texts(await officerA.say("/huy"))).toEqual([viCase.extend.cancelled]);
    await view(officerA);
    await officerA.press(viCase.buttons.extend);
    expect(texts(await officerA.say("/quaylai"))).toEqual([viCase.extend.cancelled]);
    expect(await tip()).toMatchObject({ dueAt: before, extensions: 0 });
    await view(officerA);
    await officerA.press(viCase.buttons.extend);
    expect(texts(await officerA.say("Cần xác minh thêm ở hai thôn."))).toEqual([viCase.extend.done(caseNumber, newDue)]);
    const after = await tip();
    expect(after.dueAt!.getTime() - before.getTime()).toBe(40 * 86_400_000);
    expect(after.extensions).toBe(1);
    expect(await citizen.read()).toEqual([]);
  });

  it("lets the leader reassign it to officer B: B is told with an open choice, A that it is no longer theirs", async () => {
    const shown = await view(leader);
    expect(labels(shown)).toContain(viCase.buttons.assign);
    const list = (await leader.press(viCase.buttons.assign)).at(-1)!;
    expect(list.text).toBe(viCase.assign.choose(caseNumber));
    await Promise.all([officerA.read(), officerB.read()]);
    // Only the commune's other active officers: not the current one, not the leader.
    expect(list.choices!.flat()).toEqual([{ label: viCase.buttons.officer(B), data: `tas:${tipId}:${staffIds[B]}` }]);
    expect(texts(await leader.press(viCase.buttons.officer(B)))).toEqual([viCase.assign.done(caseNumber, B)]);
    expect((await tip()).officerStaffId).toBe(staffIds[B]);
    const toB = await officerB.read();
    expect(toB.map((m) => [m.text, m.choices?.flat().map((c) => c.data)])).toEqual([[viCase.assign.toNew(caseNumber, who.leader), [`l:${tipId}`]]]);
    expect(texts(await officerA.read())).toEqual([viCase.assign.toPrevious(caseNumber, who.leader, B)]);
    expect(await citizen.read()).toEqual([]);
  });

  it("closes with a result and a note, through /huy and /quaylai; the tipster gets only the neutral notice", async () => {
    await view(officerB);
    const results = (await officerB.press(vi.buttons.resolve)).at(-1)!;
    expect(results.text).toBe(viCase.close.chooseResult(caseNumber, "Đã xử lý"));
    expect(labels(results)).toEqual(expect.arrayContaining(["Xử lý hình sự (chuyển khởi tố)", "Xử lý vi phạm hành chính", "Đã nhắc nhở, giáo dục", "Chuyển cơ quan khác giải quyết"]));
    expect(texts(await officerB.say("/huy"))).toEqual([viCase.close.cancelled]);
    expect((await tip()).status).toBe("taken");

    await view(officerB);
    await officerB.press(vi.buttons.resolve);
    // Typing instead of choosing asks again; a forged result for the other kind of closing is refused.
    expect((await officerB.say("xong rồi")).at(-1)!.text).toBe(viCase.close.useResults);
    expect((await send(officerB, "trs:not_verified")).at(-1)!.text).toBe(viCase.close.useResults);
    expect(texts(await officerB.press("Xử lý vi phạm hành chính"))).toEqual([viCase.close.askNote("Xử lý vi phạm hành chính")]);
    // Quay lại from the note goes back to the results, not out.
    expect((await officerB.say("/quaylai")).at(-1)!.text).toBe(viCase.close.chooseResult(caseNumber, "Đã xử lý"));
    await officerB.press("Xử lý vi phạm hành chính");
    expect(texts(await officerB.say("/huy"))).toEqual([viCase.close.cancelled]);
    expect((await tip()).status).toBe("taken");

    await view(officerB);
    await officerB.press(vi.buttons.resolve);
    await officerB.press("Xử lý vi phạm hành chính");
    expect((await officerB.say("Phạt hành chính chủ quán 7.500.000 đồng.")).at(-1)!.text).toBe(viCase.close.done(caseNumber, "Đã xử lý", "Xử lý vi phạm hành chính"));
    const closed = await tip();
    expect(closed).toMatchObject({ status: "done", result: "administrative" });
    expect(closed.closedAt).not.toBeNull();
    expect(await h.db.tipEvent.findFirstOrThrow({ where: { tipId, kind: "result" } })).toMatchObject({ actorStaffId: staffIds[B] });

    const toTipster = texts(await citizen.read());
    expect(toTipster).toEqual([viCase.tipster.closed(formatDateVN(closed.createdAt))]);
    for (const secret of ["hành chính", "7.500.000", "Phạt", "Lê Thị Hai", "gia hạn", "Nguyễn Văn Một"]) expect(toTipster[0]).not.toContain(secret);
  });

  it("offers only Mở lại on the closed tip and shows every step in its timeline, with who and when", async () => {
    const shown = await view(officerB);
    expect(labels(shown)).toEqual([viCase.buttons.reopen]);
    expect(shown.text).toContain(viCase.view.result("Xử lý vi phạm hành chính"));
    // Officer A no longer has it: nothing to press.
    expect(labels(await view(officerA))).toEqual([]);
    expect(labels(await view(leader))).toEqual([viCase.buttons.reopen]);
    // Mở lại asks for a reason; Hủy leaves it closed.
    expect(texts(await officerB.press(viCase.buttons.reopen))).toEqual([viCase.reopen.ask(caseNumber)]);
    expect(texts(await officerB.say("/huy"))).toEqual([viCase.reopen.cancelled]);
    expect((await tip()).status).toBe("done");

    const created = formatDateTimeVN((await tip()).createdAt);
    const resultAt = await at("result");
    const statusTimes = (await h.db.tipEvent.findMany({ where: { tipId, kind: "status" }, orderBy: { id: "asc" } })).map((e) => formatDateTimeVN(e.createdAt));
    const expected = [
      viCase.timeline.created(created),
      viCase.timeline.status(statusTimes[0]!, who.a, "Đã tiếp nhận"),
      viCase.timeline.note(await at("note"), who.a, "Đã cho tổ an ninh thôn theo dõi quán từ tối nay."),
      viCase.timeline.question(await at("question"), who.a, "Người bán thường đi xe gì?"),
      viCase.timeline.answer(await at("followup"), "Xe Wave màu đỏ."),
      viCase.timeline.extended(await at("extended"), who.a, "Cần xác minh thêm ở hai thôn."),
      viCase.timeline.assigned(await at("assigned"), who.leader, who.b),
      viCase.timeline.result(resultAt, who.b, "Xử lý vi phạm hành chính"),
    ];
    const lines = shown.text.split("\n");
    const timeline = lines.slice(lines.indexOf(viCase.view.timelineTitle) + 1);
    for (const line of expected) expect(timeline).toContain(line);
    // In the order they happened.
    expect(expected.map((l) => timeline.indexOf(l))).toEqual([...expected.map((l) => timeline.indexOf(l))].sort((x, y) => x - y));
    expect(timeline.join("\n")).toContain(`${statusTimes.at(-1)} — ${who.b}: chuyển sang "Đã xử lý"`);
  });

  it("reopens the closed tip for review when the tipster adds a detail within 30 days, and alerts its officers", async () => {
    h.clock.advanceMinutes(10 * 24 * 60);
    await Promise.all([officerA.read(), officerB.read(), leader.read()]);
    const opened = await citizen.say(`/theodoi ${receipt}`);
    expect(opened.at(-1)!.choices!.flat().map((c) => c.data)).toContain("f:add");
    await citizen.press("f:add");
    const reply = await citizen.say("Tối qua quán lại bán tiếp.");
    expect(texts(reply)).toContain(viCase.tipster.reopenedByDetail);
    expect(await tip()).toMatchObject({ status: "verifying", closedAt: null, result: null });
    const toB = texts(await officerB.read());
    expect(toB.filter((t) => t === viCase.reopen.byDetail(caseNumber))).toHaveLength(1);
    expect(toB.join("\n")).toContain("Tối qua quán lại bán tiếp.");
    await citizen.press("f:done");
    expect((await view(officerB)).text).toContain(viCase.timeline.reopenedByDetail(await at("reopened_detail")));
  });

  it("past 30 days after closing, a detail starts a new tip linked to it, with a new receipt code", async () => {
    await view(officerB);
    await officerB.press(vi.buttons.unfounded);
    await officerB.press("trs:not_verified");
    expect((await officerB.press(viCase.buttons.skipNote)).at(-1)!.text).toBe(viCase.close.done(caseNumber, "Không có cơ sở", "Không xác minh được"));
    expect((await tip()).status).toBe("unfounded");
    expect(texts(await citizen.read())).toEqual([viCase.tipster.closed(formatDateVN((await tip()).createdAt))]);

    h.clock.advanceMinutes(31 * 24 * 60);
    await Promise.all([officerA.read(), officerB.read(), leader.read()]);
    await citizen.say("/theodoi");
    await citizen.say(receipt);
    await citizen.press("f:add");
    const before = await h.db.tip.count();
    const reply = texts(await citizen.say("Quán lại mở bán, giờ bán cả ban ngày.")).join("\n");
    expect((await tip()).status).toBe("unfounded");
    expect(await h.db.tip.count()).toBe(before + 1);
    const linked = await h.db.tip.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(linked).toMatchObject({ previousTipId: tipId, status: "new", channel: "web", text: "Quán lại mở bán, giờ bán cả ban ngày." });
    linkedReceipt = /Mã tiếp nhận mới của bạn: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(reply)![1]!;
    expect(reply).toContain(viCase.tipster.newLinked(linkedReceipt));
    expect(linkedReceipt).not.toBe(receipt);
    // Every officer gets the new tip's alert, then a word on the old one with a choice to open it.
    for (const officer of [officerA, officerB]) {
      const got = await officer.read();
      const alert = got.findIndex((m) => m.text.includes(`TIN BÁO MỚI ${linked.caseNumber}`));
      expect(alert).toBeGreaterThanOrEqual(0);
      expect(got[alert]!.text).toContain("Quán lại mở bán, giờ bán cả ban ngày.");
      expect(got[alert]!.choices!.flat().map((c) => c.data)).toContain(`t:${linked.id}:take`);
      expect(got[alert + 1]).toMatchObject({ text: viCase.view.previousTip(caseNumber), choices: [[{ label: viCase.buttons.open(caseNumber), data: `l:${tipId}` }]] });
    }
    await citizen.press("f:done");
    // The new code opens the new tip, from another browser too.
    expect(texts(await h.web().say(`/theodoi ${linkedReceipt}`)).join("\n")).toContain("Tin báo đã đến công an xã và đang chờ cán bộ tiếp nhận.");
    expect((await view(officerA, linked.id)).text).toContain(`• ${viCase.view.previousTip(caseNumber)}`);
  });
});

describe("a phone tip and a tip-box letter entered in the web chat", () => {
  it("takes a phone tip with /nhaptin, alerting the commune like a chat tip", async () => {
    expect((await officerA.say("/nhaptin")).at(-1)!.text).toContain("Tin báo này đồng chí nhận được từ đâu?");
    expect((await officerA.press("ns:hotline")).at(-1)!.text).toContain("Việc xảy ra ở thôn/xóm nào?");
    expect((await officerA.say("/quaylai")).at(-1)!.text).toContain("Tin báo này đồng chí nhận được từ đâu?");
    await officerA.press("ns:hotline");
    await officerA.press("Thôn Thượng Phú");
    expect((await officerA.press("k:selling")).at(-1)!.text).toContain("Không ghi họ tên, số điện thoại");
    const confirm = (await officerA.say("Người gọi điện báo: có người bán ma túy ở quán nước đầu thôn.")).at(-1)!.text;
    expect(confirm).toContain("Nguồn tin: Điện thoại, đường dây nóng");
    expect(confirm).toContain("Thôn/xóm: Thôn Thượng Phú");
    const saved = texts(await officerA.press(viIntake.flow.buttons.save)).join("\n");
    const phoneCase = /Đã lưu tin báo (HONGLOC-\d{5})/.exec(saved)![1]!;
    const row = await h.db.tip.findUniqueOrThrow({ where: { caseNumber: phoneCase }, include: { replyAddress: true, village: true } });
    expect(row).toMatchObject({ source: "hotline", category: "selling", status: "new", channel: "web", replyAddress: null });
    expect(row.village?.name).toBe("Thôn Thượng Phú");
    const alert = (await officerB.read()).find((m) => m.text.includes(`TIN BÁO MỚI ${phoneCase}`))!;
    expect(alert.text).toContain("📝 Nguồn tin: Điện thoại, đường dây nóng (cán bộ nhập, không qua chatbot)");
    expect(alert.choices!.flat().map((c) => c.data)).toContain(`t:${row.id}:take`);
  });

  it("enters a tip-box letter under its slip's code; its writer follows it up by that code in a browser and answers", async () => {
    await officerA.read();
    await officerA.say("/nhaptin");
    expect((await officerA.press("ns:tipbox")).at(-1)!.text).toContain("Gõ mã in trên phiếu hòm thư");
    expect(texts(await officerA.say(slipCodes[0]!)).join("\n")).toContain("Đúng phiếu của Thôn Tân Hòa.");
    await officerA.press("k:cultivation");
    await officerA.say("Thư trong hòm: nhà cuối xóm trồng cây thuốc phiện sau vườn.");
    const saved = texts(await officerA.press(viIntake.flow.buttons.save)).join("\n");
    expect(saved).toContain("Tin gắn với mã trên phiếu");
    const letter = await h.db.tip.findUniqueOrThrow({ where: { caseNumber: /Đã lưu tin báo (HONGLOC-\d{5})/.exec(saved)![1]! } });
    expect(letter).toMatchObject({ source: "tipbox", category: "cultivation" });
    expect((await h.db.tipSlip.findUniqueOrThrow({ where: { usedByTipId: letter.id } })).receiptHash).toBe(letter.receiptHash);

    writer = h.web(undefined, { ip: WRITER_IP });
    await writer.say("/theodoi");
    const shown = texts(await writer.say(slipCodes[0]!)).join("\n");
    expect(shown).toContain("Trạng thái");
    expect(shown).toContain(viIntake.slipBound);
    expect(await h.db.replyAddress.count({ where: { tipId: letter.id } })).toBe(1);
    await writer.press("f:exit");

    await send(officerA, `t:${letter.id}:take`);
    expect(texts(await writer.read())).toEqual([vi.tipster.taken(formatDateVN(letter.createdAt))]);
    await send(officerA, `t:${letter.id}:ask`);
    expect((await officerA.say("Nhà cuối xóm bên trái hay bên phải đường?")).at(-1)!.text).toBe(viStaff.desk.questionSent(letter.caseNumber));
    expect(texts(await writer.read()).join("\n")).toContain("Nhà cuối xóm bên trái hay bên phải đường?");
    await writer.press(vi.buttons.replyToOfficer);
    await writer.say("Bên phải, có hàng rào tre.");
    await writer.press("f:done");
    const answer = (await officerA.read()).find((m) => m.text.includes("Bên phải, có hàng rào tre."))!;
    expect(answer.choices!.flat().map((c) => c.data)).toEqual([`t:${letter.id}:ask`, `l:${letter.id}`]);
    expect(await h.db.tipEvent.count({ where: { tipId: letter.id, kind: "followup", text: "Bên phải, có hàng rào tre." } })).toBe(1);
  });
});

describe("the register read from the web chat", () => {
  it("sends the leader the register as XLSX whose rows match the commune's tips cell by cell", async () => {
    const tips = await h.db.tip.findMany({ orderBy: { id: "asc" } });
    expect(tips.map((t) => t.source)).toEqual(["chat", "chat", "hotline", "tipbox"]);
    await leader.read();
    const files = (await leader.say(`/sotinbao ${formatDateVN(tips[0]!.createdAt)}-${formatDateVN(h.clock.now)}`)).filter((m) => m.media?.uploadUrl);
    expect(files).toHaveLength(1);
    expect(files[0]!.text).toContain("4 tin");
    const res = await h.app.request(files[0]!.media!.uploadUrl!, { headers: { "X-Chat-Token": leader.token } });
    expect(res.status).toBe(200);
    // Only staff of the commune open it: not the tipster's browser.
    expect((await h.app.request(files[0]!.media!.uploadUrl!, { headers: { "X-Chat-Token": citizen.token } })).status).toBe(403);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("Sổ tin báo")!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(["STT", "Số tin báo", "Ngày nhận tin", "Ngày tiếp nhận xử lý", "Ngày kết thúc", "Trạng thái", "Loại tin", "Thôn/xóm", "Nguồn tin", "Số ngày quá hạn", "Kết quả xử lý", "Cán bộ phụ trách"]);
    expect(ws.rowCount).toBe(5);
    const officerOf = async (id: number | null) => (id === null ? null : (await h.db.staff.findUniqueOrThrow({ where: { id } })).displayName);
    const [o0, o3] = [await officerOf(tips[0]!.officerStaffId), await officerOf(tips[3]!.officerStaffId)];
    expect([o0, o3].every(Boolean)).toBe(true);
    const minute = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 16) : d);
    const wall = (d: Date | null) => (d ? vietnamWallClock(d).toISOString().slice(0, 16) : null);
    const chat = "Qua chatbot (Zalo, Telegram, trang web)";
    const selling = "Điểm, người bán lẻ ma túy";
    const expected = [
      [1, tips[0]!.caseNumber, wall(tips[0]!.createdAt), wall(tips[0]!.takenAt), wall(tips[0]!.closedAt), "Không có cơ sở", selling, "Không rõ", chat, 0, resultLabel(tips[0]!.result!), o0],
      [2, tips[1]!.caseNumber, wall(tips[1]!.createdAt), null, null, "Mới, chờ tiếp nhận", selling, "Không rõ", chat, 0, null, null],
      [3, tips[2]!.caseNumber, wall(tips[2]!.createdAt), null, null, "Mới, chờ tiếp nhận", selling, "Thôn Thượng Phú", "Điện thoại, đường dây nóng", 0, null, await officerOf(tips[2]!.officerStaffId)],
      [4, tips[3]!.caseNumber, wall(tips[3]!.createdAt), wall(tips[3]!.takenAt), null, "Đã tiếp nhận", "Trồng cây có chứa chất ma túy (cây thuốc phiện, cần sa)", "Thôn Tân Hòa", "Thư trong hòm thư tố giác", 0, null, o3],
    ];
    expect(tips[0]!.takenAt).not.toBeNull();
    expect(tips[0]!.closedAt).not.toBeNull();
    for (const [i, row] of expected.entries()) {
      const cells = Array.from({ length: 12 }, (_, col) => minute(ws.getRow(i + 2).getCell(col + 1).value ?? null));
      expect(cells, `row ${i + 2}`).toEqual(row);
    }
    // Nothing of the tips' words.
    const all = JSON.stringify(wb.model);
    for (const words of ["Quán nước đầu cầu", "thuốc phiện sau vườn", "Xe Wave"]) expect(all).not.toContain(words);
  });
});

describe("anonymity after the web chat's case flows", () => {
  it("leaves no session token, network address, receipt or slip code in the database, its WAL or the logs", async () => {
    const files = [h.dbPath, `${h.dbPath}-wal`].filter(existsSync);
    expect(files).toContain(`${h.dbPath}-wal`);
    const stored = files.map((f) => readFileSync(f)).map((b) => b.toString("utf8") + b.toString("latin1"));
    const logs = h.logs.join("\n");
    // The receipt codes shown in the browser were blanked on the server once the page had them.
    expect(await h.db.webChatMessage.count({ where: { secret: true } })).toBe(0);
    expect(logs.length).toBeGreaterThan(0);
    const secrets = [citizen.token, writer.token, CITIZEN_IP, WRITER_IP, receipt, linkedReceipt, receipt.replace("-", ""), ...slipCodes, ...slipCodes.map((s) => s.replace("-", ""))];
    for (const secret of secrets) {
      for (const blob of stored) expect(blob.includes(secret), `database holds ${secret}`).toBe(false);
      expect(logs.includes(secret), `logs hold ${secret}`).toBe(false);
    }
    // Nor did any officer read them.
    const toStaff = [...officerA.all, ...officerB.all, ...leader.all].map((m) => JSON.stringify(m));
    expect(toStaff.some((m) => m.includes("Diễn biến"))).toBe(true);
    for (const secret of secrets) for (const m of toStaff) expect(m.includes(secret), `staff saw ${secret}`).toBe(false);
  });
});
