// Tips that do not come by chat (issue 12): an officer on Telegram enters a phone tip with /nhaptin
// (with a step back), a tip-box letter under a printed slip's code, and the letter's writer follows it
// up by that code on Zalo: status, the officer's take and question, the answer back. Statistics count
// by source; the register (/sotinbao) is read back from its XLSX cell by cell; nothing identifies the
// Zalo writer, and no slip code is stored in plain text.
import { existsSync, readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startChannels, toChat, type Channels } from "../helpers/channels.js";
import { callbackUpdate, textUpdate, TIPSTER, type TestUser } from "../helpers/fake-telegram.js";
import { ZALO_OFFICER, ZALO_TIPSTER } from "../helpers/fake-zalo-oa.js";
import { zaloSay } from "../helpers/zalo-flow.js";
import { issueSlips } from "../../src/tips/slips.js";
import { defaultComplianceDeps } from "../../src/compliance/service.js";
import { createNodeReportRenderers } from "../../src/reports/node-renderers.js";
import { vietnamWallClock } from "../../src/util/vietnam-time.js";
import { resultLabel } from "../../src/tips/results.js";

const OFFICER: TestUser = { id: 5_550_901, is_bot: false, first_name: "Hà", last_name: "Văn Nhập", username: "ha_nhap_ca", language_code: "vi" };
const OFFICER_NAME = "Đ/c Hà Văn Nhập";
const LEADER: TestUser = { id: 5_550_902, is_bot: false, first_name: "Phan", last_name: "Lãnh Đạo", username: "phan_ld", language_code: "vi" };
const OTHER_OFFICER: TestUser = { id: 5_550_903, is_bot: false, first_name: "Đinh", last_name: "Xã Khác", username: "dinh_pt", language_code: "vi" };

let c: Channels;
const texts = (user: TestUser) => c.telegramTexts(user.id);
const last = (user: TestUser) => texts(user).at(-1) ?? "";
const as = (user: TestUser) => ({
  say: (text: string) => c.telegram(textUpdate(text, { user })),
  press: (data: string) => c.telegram(callbackUpdate(data, { user })),
});
/** The callback data of the last message's button whose label contains `label`. */
function button(user: TestUser, label: string): string {
  const calls = c.tg.calls.filter(toChat(user.id)).filter((call) => call.payload.reply_markup);
  for (const call of calls.reverse()) {
    const rows = (call.payload.reply_markup as { inline_keyboard?: { text: string; callback_data: string }[][] }).inline_keyboard ?? [];
    const found = rows.flat().find((b) => b.text.includes(label));
    if (found) return found.callback_data;
  }
  throw new Error(`no button "${label}" for ${user.id}`);
}

let slipCodes: string[] = [];
let phoneTipId = 0;
let letterTipId = 0;
let chatTipId = 0;

beforeAll(async () => {
  c = await startChannels();
  // A fixed day early in a month: the register's tests move 25 days on and read "this month", which
  // from the real date could fall in the next month (it did, run on 6 December).
  c.h.clock.now = new Date(Date.UTC(2026, 10, 2, 2));
  c.h.deps.compliance = defaultComplianceDeps({ renderers: createNodeReportRenderers() });
  const { h } = c;
  await c.telegram(textUpdate(`/start ${await h.invite("officer", { communeCode: "HONGLOC" }, "Đ/c Hà Văn Nhập")}`, { user: OFFICER }));
  await c.telegram(textUpdate(`/start ${await h.invite("leader", { communeCode: "HONGLOC" }, "Đ/c Phan Lãnh Đạo")}`, { user: LEADER }));
  await c.telegram(textUpdate(`/start ${await h.invite("officer", { communeCode: "PHUONGTIEN" }, "Đ/c Đinh Xã Khác")}`, { user: OTHER_OFFICER }));
  await zaloSay(h, ZALO_OFFICER, `/dangky ${await h.invite("officer", { communeCode: "HONGLOC" }, "Đ/c Lò Văn Công An")}`);
  const commune = await h.db.commune.findUniqueOrThrow({ where: { code: "HONGLOC" } });
  const village = await h.db.village.findUniqueOrThrow({ where: { code: "HL-02" } });
  slipCodes = (await issueSlips(h.db, h.keys, { communeId: commune.id, villageIds: [village.id], perVillage: 2, now: h.clock.now })).map((s) => s.code);
}, 60_000);
afterAll(async () => c.close());

describe("a phone tip entered by an officer", () => {
  it("shows /nhaptin in the officer's help, /sotinbao to officers and leaders", async () => {
    await as(OFFICER).say("/trogiup");
    expect(last(OFFICER)).toContain("/nhaptin — nhập tin báo nhận qua điện thoại");
    expect(last(OFFICER)).toContain("/sotinbao — sổ tiếp nhận, xử lý tin báo");
    await as(LEADER).say("/trogiup");
    expect(last(LEADER)).toContain("/sotinbao — sổ tiếp nhận, xử lý tin báo");
    expect(last(LEADER)).not.toContain("/nhaptin");
  });

  it("refuses /nhaptin to a leader and to a citizen, politely", async () => {
    await as(LEADER).say("/nhaptin");
    expect(last(LEADER)).toContain("Chỉ cán bộ công an xã");
    await c.telegram(textUpdate("/nhaptin"));
    expect(texts(TIPSTER).at(-1)).not.toContain("Tin báo này đồng chí nhận được từ đâu");
  });

  it("goes source → village → category → words → confirm, with a way back, and alerts the commune as a chat tip", async () => {
    const officer = as(OFFICER);
    await officer.say("/nhaptin");
    expect(last(OFFICER)).toContain("Tin báo này đồng chí nhận được từ đâu?");
    expect(button(OFFICER, "Điện thoại, đường dây nóng")).toBe("ns:hotline");
    await officer.press("ns:hotline");
    expect(last(OFFICER)).toContain("Việc xảy ra ở thôn/xóm nào?");
    await officer.press("nav:back");
    expect(last(OFFICER)).toContain("Tin báo này đồng chí nhận được từ đâu?");
    await officer.press("ns:hotline");
    await officer.press(button(OFFICER, "Thôn Thượng Phú"));
    expect(last(OFFICER)).toContain("Tin báo thuộc loại nào?");
    await officer.say("tôi không biết"); // not a category: asked again
    expect(texts(OFFICER).slice(-2).join("\n")).toContain("Đồng chí bấm một nút bên dưới");
    await officer.press("k:selling");
    expect(last(OFFICER)).toContain("Không ghi họ tên, số điện thoại");
    await officer.say("Người gọi điện báo: có người bán ma túy ở quán nước đầu thôn, tối nào cũng có xe máy đến.");
    expect(last(OFFICER)).toContain("Nguồn tin: Điện thoại, đường dây nóng");
    expect(last(OFFICER)).toContain("Thôn/xóm: Thôn Thượng Phú");
    await officer.press("nc:save");
    const saved = texts(OFFICER).find((t) => t.includes("Đã lưu tin báo"))!;
    const caseNumber = /Đã lưu tin báo (HONGLOC-\d{5})/.exec(saved)![1]!;
    expect(saved).toContain("câu hỏi gửi người báo tin sẽ chỉ được lưu lại");
    const tip = await c.h.db.tip.findUniqueOrThrow({ where: { caseNumber }, include: { replyAddress: true, events: true } });
    phoneTipId = tip.id;
    expect(tip).toMatchObject({ source: "hotline", category: "selling", status: "new", channel: "telegram" });
    expect(tip.replyAddress).toBeNull();
    const officerRow = await c.h.db.staff.findFirstOrThrow({ where: { displayName: "Đ/c Hà Văn Nhập" } });
    expect(tip.events.find((e) => e.kind === "created")?.actorStaffId).toBe(officerRow.id);
    // The same alert as a chat tip, with its buttons, to the commune's officers (here: this one, privately).
    const alert = texts(OFFICER).find((t) => t.includes("TIN BÁO MỚI") && t.includes(caseNumber));
    expect(alert).toContain("Người gọi điện báo");
    expect(alert).toContain("📝 Nguồn tin: Điện thoại, đường dây nóng (cán bộ nhập, không qua chatbot)");
    expect(button(OFFICER, "Tiếp nhận")).toBe(`t:${tip.id}:take`);
  });

  it("takes, verifies and closes it as any tip; questions are only stored", async () => {
    await as(OFFICER).press(`t:${phoneTipId}:take`);
    await as(OFFICER).press(`t:${phoneTipId}:ask`);
    await as(OFFICER).say("Người gọi có nói giờ nào không?");
    expect(last(OFFICER)).toContain("Tin này không đến qua chatbot");
    expect(await c.h.db.tipEvent.count({ where: { tipId: phoneTipId, kind: "question" } })).toBe(1);
    await as(OFFICER).press(`t:${phoneTipId}:done`);
    // Closing asks for its result, then an optional note (issue 12).
    await as(OFFICER).press("trs:administrative");
    await as(OFFICER).press("tsk");
    expect((await c.h.db.tip.findUniqueOrThrow({ where: { id: phoneTipId } })).status).toBe("done");
  });
});

describe("a tip-box letter entered under a slip's code and followed up by that code on Zalo", () => {
  it("checks the slip's code: not a code, a wrong one, another commune's officer", async () => {
    await as(OTHER_OFFICER).say("/nhaptin");
    await as(OTHER_OFFICER).press("ns:tipbox");
    await as(OTHER_OFFICER).say(slipCodes[0]!);
    expect(last(OTHER_OFFICER)).toContain("Không tìm thấy phiếu có mã này");
    await as(OTHER_OFFICER).say("/huy");
    expect(last(OTHER_OFFICER)).toContain("Đã hủy, chưa lưu tin báo nào.");

    const officer = as(OFFICER);
    await officer.say("/nhaptin");
    await officer.press("ns:tipbox");
    expect(last(OFFICER)).toContain("Gõ mã in trên phiếu hòm thư");
    await officer.say("xin chào");
    expect(last(OFFICER)).toContain("Đây không phải mã phiếu");
    await officer.say("3467-ACDE");
    expect(last(OFFICER)).toContain("Không tìm thấy phiếu có mã này");
  });

  it("binds the letter to the slip: the village comes from the slip, the tip takes the slip's receipt hash", async () => {
    const officer = as(OFFICER);
    await officer.say(slipCodes[0]!.toLowerCase().replace("-", " "));
    expect(texts(OFFICER).slice(-2).join("\n")).toContain("Đúng phiếu của Thôn Tân Hòa.");
    expect(last(OFFICER)).toContain("Tin báo thuộc loại nào?");
    // Back from the category leads to the slip question, not to a village the slip fixed.
    await officer.press("nav:back");
    expect(last(OFFICER)).toContain("Gõ mã in trên phiếu hòm thư");
    await officer.say(slipCodes[0]!);
    await officer.press("k:cultivation");
    await officer.say("Thư trong hòm: nhà cuối xóm trồng cây thuốc phiện sau vườn, xen trong ngô.");
    expect(last(OFFICER)).toContain("Phiếu hòm thư: có mã phiếu");
    await officer.press("nc:save");
    const saved = last(OFFICER);
    expect(saved).toContain("Tin gắn với mã trên phiếu");
    const caseNumber = /Đã lưu tin báo (HONGLOC-\d{5})/.exec(saved)![1]!;
    const tip = await c.h.db.tip.findUniqueOrThrow({ where: { caseNumber }, include: { village: true, replyAddress: true } });
    letterTipId = tip.id;
    expect(tip).toMatchObject({ source: "tipbox", category: "cultivation" });
    expect(tip.village?.code).toBe("HL-02");
    expect(tip.replyAddress).toBeNull();
    const slip = await c.h.db.tipSlip.findUniqueOrThrow({ where: { usedByTipId: tip.id } });
    expect(slip.receiptHash).toBe(tip.receiptHash);
  });

  it("refuses the same slip twice", async () => {
    await as(OFFICER).say("/nhaptin");
    await as(OFFICER).press("ns:tipbox");
    await as(OFFICER).say(slipCodes[0]!);
    expect(last(OFFICER)).toContain("đã được nhập vào một tin báo rồi");
    // A letter not written on a slip goes on without a code, to the village question.
    await as(OFFICER).press("nm:none");
    expect(last(OFFICER)).toContain("Việc xảy ra ở thôn/xóm nào?");
    await as(OFFICER).press("nav:cancel");
    expect(last(OFFICER)).toContain("Đã hủy, chưa lưu tin báo nào.");
  });

  it("lets the writer read the status by the code on Zalo, binds that chat, and carries the officer's question and the answer", async () => {
    const { h, zalo } = c;
    await zaloSay(h, ZALO_TIPSTER, slipCodes[0]!);
    const shown = zalo.textsTo(ZALO_TIPSTER.id).slice(-3).join("\n");
    expect(shown).toContain("Trạng thái");
    expect(shown).toContain("câu hỏi của cán bộ về tin báo này sẽ được gửi đến bạn tại đây");
    expect(await h.db.replyAddress.count({ where: { tipId: letterTipId } })).toBe(1);
    await zaloSay(h, ZALO_TIPSTER, "3"); // Thoát

    await as(OFFICER).press(`t:${letterTipId}:take`);
    expect(zalo.textsTo(ZALO_TIPSTER.id).at(-1)).toContain("đã được cán bộ công an xã tiếp nhận");
    await as(OFFICER).press(`t:${letterTipId}:ask`);
    await as(OFFICER).say("Nhà cuối xóm là nhà bên trái hay bên phải đường?");
    expect(zalo.textsTo(ZALO_TIPSTER.id).at(-1)).toContain("Nhà cuối xóm là nhà bên trái hay bên phải đường?");
    await zaloSay(h, ZALO_TIPSTER, "1");
    await zaloSay(h, ZALO_TIPSTER, "Bên phải, có hàng rào tre.");
    await zaloSay(h, ZALO_TIPSTER, "xong");
    expect(texts(OFFICER).join("\n")).toContain("Bên phải, có hàng rào tre.");

    // The code opens the tip on another chat too, but only the first chat got the address.
    await c.telegram(textUpdate(slipCodes[0]!));
    expect(texts(TIPSTER).at(-1)).toContain("Bên phải, có hàng rào tre.");
    expect(texts(TIPSTER).join("\n")).not.toContain("sẽ được gửi đến bạn tại đây");
    expect(await h.db.replyAddress.count({ where: { tipId: letterTipId } })).toBe(1);
  });

  it("does not bind an unused slip's code to anything: it is a wrong code for a citizen", async () => {
    await zaloSay(c.h, ZALO_TIPSTER, "/theodoi");
    await zaloSay(c.h, ZALO_TIPSTER, slipCodes[1]!);
    expect(c.zalo.textsTo(ZALO_TIPSTER.id).at(-1)).toContain("Mã tiếp nhận không đúng");
    await zaloSay(c.h, ZALO_TIPSTER, "/huy");
  });
});

describe("statistics and the register", () => {
  it("counts the month's tips by source in /tinbao_tk", async () => {
    await c.telegramDraft("Có người lạ bán hàng cấm ở chợ phiên.");
    await c.telegram(callbackUpdate("m:continue"));
    await c.telegram(callbackUpdate("s:submit"));
    chatTipId = (await c.h.db.tip.findFirstOrThrow({ where: { source: "chat" }, orderBy: { id: "desc" } })).id;
    await as(LEADER).say("/tinbao_tk");
    const stats = last(LEADER);
    expect(stats).toContain("Theo nguồn tin:");
    expect(stats).toContain("Điện thoại, đường dây nóng: 1");
    expect(stats).toContain("Thư trong hòm thư tố giác: 1");
    expect(stats).toContain("Qua chatbot (Zalo, Telegram, trang web): 1");
    // By result (the phone tip was closed with one) and the art. 147 overdue count, as issue 12 asks.
    expect(stats).toMatch(/Theo kết quả xử lý:\n• [^\n]+: 1/);
    expect(stats).toContain("Không có tin nào quá hạn xác minh.");
  });

  it("sends the register as XLSX whose rows match the tips cell by cell, with overdue days", async () => {
    c.h.clock.advanceMinutes(25 * 24 * 60); // 25 days on: the open tips are 5 days past the 20-day period
    await as(LEADER).say("/sotinbao");
    const doc = c.tg.callsTo("sendDocument").filter(toChat(LEADER.id)).at(-1)!;
    expect(doc.files[0]!.filename).toMatch(/^so-tin-bao-HONGLOC-\d{8}-\d{8}\.xlsx$/);
    expect(String(doc.payload.caption)).toContain("3 tin");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(doc.files[0]!.bytes) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("Sổ tin báo")!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(["STT", "Số tin báo", "Ngày nhận tin", "Ngày tiếp nhận xử lý", "Ngày kết thúc", "Trạng thái", "Loại tin", "Thôn/xóm", "Nguồn tin", "Số ngày quá hạn", "Kết quả xử lý", "Cán bộ phụ trách"]);
    expect(ws.rowCount).toBe(4);
    const tips = await c.h.db.tip.findMany({ where: { id: { in: [phoneTipId, letterTipId, chatTipId] } }, orderBy: { id: "asc" } });
    const minute = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 16) : d);
    const wall = (d: Date | null) => (d ? vietnamWallClock(d).toISOString().slice(0, 16) : null);
    // The result in words and the responsible officer by name (staff names, never a citizen's).
    const officerName = async (id: number | null) => (id === null ? null : (await c.h.db.staff.findUniqueOrThrow({ where: { id } })).displayName);
    expect(tips[0]!.result).not.toBeNull();
    const expected = [
      [1, tips[0]!.caseNumber, wall(tips[0]!.createdAt), wall(tips[0]!.takenAt), wall(tips[0]!.closedAt), "Đã xử lý", "Điểm, người bán lẻ ma túy", "Thôn Thượng Phú", "Điện thoại, đường dây nóng", 0, resultLabel(tips[0]!.result!), await officerName(tips[0]!.officerStaffId)],
      [2, tips[1]!.caseNumber, wall(tips[1]!.createdAt), wall(tips[1]!.takenAt), null, "Đã tiếp nhận", "Trồng cây có chứa chất ma túy (cây thuốc phiện, cần sa)", "Thôn Tân Hòa", "Thư trong hòm thư tố giác", 5, null, await officerName(tips[1]!.officerStaffId)],
      [3, tips[2]!.caseNumber, wall(tips[2]!.createdAt), null, null, "Mới, chờ tiếp nhận", "Điểm, người bán lẻ ma túy", "Không rõ", "Qua chatbot (Zalo, Telegram, trang web)", 5, null, null],
    ];
    expect(expected[0]![11]).toBeTruthy();
    expect(tips[0]!.takenAt).not.toBeNull();
    for (const [i, row] of expected.entries()) {
      const cells = Array.from({ length: 12 }, (_, col) => {
        const value = ws.getRow(i + 2).getCell(col + 1).value;
        return minute(value ?? null);
      });
      expect(cells, `row ${i + 2}`).toEqual(row);
    }
    const info = wb.getWorksheet("Thông tin")!;
    expect(info.getRow(2).getCell(2).value).toBe("Hồng Lộc");
    // Nothing of the tips' words, nothing of who sent them.
    const all = JSON.stringify(wb.model);
    for (const secret of ["quán nước đầu thôn", "thuốc phiện sau vườn", ZALO_TIPSTER.displayName, String(TIPSTER.id)]) expect(all).not.toContain(secret);
  });

  it("filters the register by source and status, and answers a wrong word politely", async () => {
    const before = c.tg.callsTo("sendDocument").length;
    await as(OFFICER).say("/sotinbao tipbox");
    const doc = c.tg.callsTo("sendDocument").filter(toChat(OFFICER.id)).at(-1)!;
    expect(c.tg.callsTo("sendDocument").length).toBe(before + 1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(doc.files[0]!.bytes) as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet("Sổ tin báo")!.rowCount).toBe(2);
    expect(wb.getWorksheet("Thông tin")!.getRow(4).getCell(2).value).toBe("Nguồn tin: Thư trong hòm thư tố giác");
    // "cuatoi": only the tips this officer is responsible for, every row naming them.
    await as(OFFICER).say("/sotinbao cuatoi");
    const mineDoc = c.tg.callsTo("sendDocument").filter(toChat(OFFICER.id)).at(-1)!;
    const mine = new ExcelJS.Workbook();
    await mine.xlsx.load(Buffer.from(mineDoc.files[0]!.bytes) as unknown as ExcelJS.Buffer);
    const me = await c.h.db.staff.findFirstOrThrow({ where: { displayName: OFFICER_NAME } });
    const responsible = await c.h.db.tip.count({ where: { officerStaffId: me.id } });
    expect(responsible).toBeGreaterThan(0);
    const mineSheet = mine.getWorksheet("Sổ tin báo")!;
    expect(mineSheet.rowCount).toBe(responsible + 1);
    for (let r = 2; r <= mineSheet.rowCount; r++) expect(mineSheet.getRow(r).getCell(12).value).toBe(OFFICER_NAME);
    await as(OFFICER).say("/sotinbao daxuly agency");
    expect(last(OFFICER)).toContain("Không có tin báo nào");
    await as(OFFICER).say("/sotinbao linhtinh");
    expect(last(OFFICER)).toContain('Không hiểu "linhtinh"');
    await as(OFFICER).say("/sotinbao 31/12/2026-01/01/2026");
    expect(last(OFFICER)).toContain("Khoảng ngày không hợp lệ");
    // Another commune's officer reads only their own commune's register: none of these tips.
    await as(OTHER_OFFICER).say("/sotinbao");
    expect(last(OTHER_OFFICER)).toContain("Không có tin báo nào");
  });
});

describe("an officer on Zalo, with numbered choices", () => {
  it("enters an in-person tip by typing numbers and words, steps back, and the alert reaches the commune", async () => {
    const { h, zalo } = c;
    expect(zalo.textsTo(ZALO_OFFICER.id).join("\n")).toContain("Lò Văn Công An");
    const say = (text: string) => zaloSay(h, ZALO_OFFICER, text);
    const lastZalo = () => zalo.textsTo(ZALO_OFFICER.id).at(-1) ?? "";
    await say("/nhaptin");
    expect(lastZalo()).toMatch(/1\. Điện thoại, đường dây nóng\n2\. Thư trong hòm thư tố giác\n3\. Người dân đến báo trực tiếp\n4\. Cơ quan, đơn vị khác chuyển đến/);
    await say("3");
    expect(lastZalo()).toContain("Việc xảy ra ở thôn/xóm nào?");
    await say("Thôn Phú Lộc");
    expect(lastZalo()).toContain("Tin báo thuộc loại nào?");
    await say("/quaylai");
    expect(lastZalo()).toContain("Việc xảy ra ở thôn/xóm nào?");
    await say("HL-03");
    await say("Người ngáo đá, loạn thần do ma túy");
    await say("Bà con đến trụ sở báo: thanh niên trong xóm la hét, cầm dao đi ngoài đường.");
    expect(lastZalo()).toContain("Nguồn tin: Người dân đến báo trực tiếp");
    await say("1"); // Lưu tin báo
    const saved = zalo.textsTo(ZALO_OFFICER.id).find((t) => t.includes("Đã lưu tin báo"))!;
    const caseNumber = /(HONGLOC-\d{5})/.exec(saved)![1]!;
    const tip = await h.db.tip.findUniqueOrThrow({ where: { caseNumber }, include: { village: true } });
    expect(tip).toMatchObject({ source: "in_person", category: "psychosis", channel: "zalo" });
    expect(tip.village?.code).toBe("HL-03");
    // Every officer of the commune gets the alert, the Telegram one included.
    expect(texts(OFFICER).some((t) => t.includes("TIN BÁO MỚI") && t.includes(caseNumber))).toBe(true);
  });
});

describe("anonymity", () => {
  it("leaves nothing of the Zalo writer, nor any slip's code, in the database, the logs or officers' messages", async () => {
    const { h, tg } = c;
    const secrets = [ZALO_TIPSTER.id, ZALO_TIPSTER.userIdByApp, ZALO_TIPSTER.displayName, ...slipCodes, ...slipCodes.map((s) => s.replace("-", ""))];
    const files = [h.dbPath, `${h.dbPath}-wal`].filter(existsSync);
    const stored = files.map((f) => readFileSync(f)).map((b) => b.toString("utf8") + b.toString("latin1"));
    const logs = h.logs.join("\n");
    const toOfficers = tg.calls.filter((call) => !toChat(TIPSTER.id)(call)).map((call) => JSON.stringify(call.payload));
    expect(toOfficers.length).toBeGreaterThan(10);
    for (const secret of secrets) {
      for (const blob of stored) expect(blob.includes(secret), `database holds ${secret}`).toBe(false);
      expect(logs.includes(secret), `logs hold ${secret}`).toBe(false);
      for (const message of toOfficers) expect(message.includes(secret), `officers saw ${secret}`).toBe(false);
    }
  });
});
