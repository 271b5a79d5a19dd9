// A reporting unit's month (issue 14), end to end on the real app and a real SQLite file: the
// health station's member on the web chat and the youth union's on Telegram (a fake Bot API on
// localhost) are invited, register, enter their month with /capnhat (back, keep, edit, cancel, a
// summary before saving, revisions kept); the schools' member who has not entered is reminded
// before the due day, once; the officer's /thongke shows the units and which have not reported;
// the monthly report's spreadsheet and page have the units' sheet and section, read cell by cell;
// a quarter adds each figure by its rule. Another commune's staff and another unit see nothing.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, fileWebTip, type Harness, type WebClient, type WebMessage } from "../helpers/harness.js";
import { callbackUpdate, startFakeTelegram, textUpdate, type ApiCall, type FakeTelegram, type TestUser } from "../helpers/fake-telegram.js";
import { sweep } from "../../bots/core/work/sweep.js";
import { communeRef, defaultComplianceDeps } from "../../src/compliance/service.js";
import { communeUnitsAs, saveUnitFigures, unitFiguresAs } from "../../src/compliance/unit-figures.js";
import { REPORTING_UNITS, unitByKind } from "../../src/compliance/units.js";
import { parsePeriodArg } from "../../src/compliance/periods.js";
import { buildPeriodReport } from "../../src/reports/model.js";
import { createNodeReportRenderers } from "../../src/reports/node-renderers.js";
import { renderReportXlsx } from "../../src/reports/xlsx.js";

const YOUTH: TestUser = { id: 7_880_001, is_bot: false, first_name: "Hồ Văn", last_name: "Tùng", username: "bithudoan_hl", language_code: "vi" };

/** 2026-12-DD at HH:00 Vietnam time. */
const vn = (day: number, hour: number, month = 12) => new Date(Date.UTC(2026, month - 1, day, hour - 7));
const MONTH = "2026-12";
const texts = (list: { text: string }[]) => list.map((m) => m.text).join("\n");

let fake: FakeTelegram;
let h: Harness;
let health: WebClient;
let schools: WebClient;
let officer: WebClient;
let leader: WebClient;
let otherOfficer: WebClient;

/** A client that types at a human pace (2 s a message), under the web chat's 40 messages a minute. */
function paced(client: WebClient): WebClient {
  const { say, press } = client;
  client.say = (text) => (h.clock.advanceMinutes(2 / 60), say(text));
  client.press = (label) => (h.clock.advanceMinutes(2 / 60), press(label));
  return client;
}

async function post(update: unknown): Promise<void> {
  const res = await h.postTelegram(update);
  expect(res.status).toBe(200);
  await h.settle();
}
const toChat = (id: number) => (call: ApiCall) => String(call.payload.chat_id) === String(id);
const lastText = (id: number) => String(fake.calls.filter(toChat(id)).at(-1)?.payload.text ?? "");
const lastButtons = (id: number) =>
  ((fake.calls.filter(toChat(id)).at(-1)?.payload.reply_markup as { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined)?.inline_keyboard ?? []).flat();

const staffNamed = (displayName: string) => h.db.staff.findFirstOrThrow({ where: { displayName } });

beforeAll(async () => {
  fake = await startFakeTelegram();
  h = await createHarness({ telegram: fake });
  h.deps.compliance = defaultComplianceDeps({ renderers: createNodeReportRenderers() });
  h.clock.now = vn(5, 9);
  officer = paced(h.web());
  await officer.say(`/dangky ${await h.invite("officer", { communeCode: "HONGLOC" }, "Đ/c Trần Công Thuận")}`);
  leader = paced(h.web());
  await leader.say(`/dangky ${await h.invite("leader", { communeCode: "HONGLOC" }, "Chủ tịch UBND xã")}`);
  otherOfficer = paced(h.web());
  await otherOfficer.say(`/dangky ${await h.invite("officer", { communeCode: "PHUONGTIEN" }, "Đ/c Lê Văn Bình")}`);
}, 60_000);
afterAll(async () => {
  await h.close();
  await fake.close();
});

describe("a reporting unit's invitation", () => {
  it("carries the unit: the member registers as the unit of the commune", async () => {
    health = paced(h.web());
    const welcome = texts(await health.say(`/dangky ${await h.invite("reporting_unit", { communeCode: "HONGLOC", unitKind: "health_station" }, "Trạm trưởng Trạm Y tế")}`));
    expect(welcome).toContain("cán bộ ban, ngành, đoàn thể, Trạm Y tế xã, xã Hồng Lộc");
    const member = await staffNamed("Trạm trưởng Trạm Y tế");
    expect(member).toMatchObject({ role: "reporting_unit", unitKind: "health_station", villageId: null });
    schools = paced(h.web());
    await schools.say(`/dangky ${await h.invite("reporting_unit", { communeCode: "HONGLOC", unitKind: "schools" }, "Hiệu trưởng Trường THCS")}`);
    expect((await staffNamed("Hiệu trưởng Trường THCS")).unitKind).toBe("schools");
  });

  it("is refused without a unit, with an unknown unit, or tied to a village", async () => {
    await expect(h.invite("reporting_unit", { communeCode: "HONGLOC" })).rejects.toThrow("cần đơn vị (--unit)");
    await expect(h.invite("reporting_unit", { communeCode: "HONGLOC", unitKind: "football_club" })).rejects.toThrow("health_station");
    await expect(h.invite("reporting_unit", { villageCode: "HL-01", unitKind: "schools" })).rejects.toThrow("không gắn với thôn");
  });
});

describe("/capnhat for the health station on the web chat", () => {
  const unit = unitByKind("health_station")!;

  it("asks the unit's own figures, with a way back, an edit from the summary and a save", async () => {
    expect(texts(await health.say("/help"))).toContain("/capnhat [tháng] — nhập hoặc sửa số liệu tháng của đơn vị");
    const intro = texts(await health.say("/capnhat"));
    expect(intro).toContain("Cập nhật số liệu tháng 12/2026 — Trạm Y tế xã, xã Hồng Lộc");
    expect(intro).toContain(`Câu 1/${unit.fields.length} — Xét nghiệm`);
    expect(health.last()!.choices!.flat().map((c) => c.label)).toEqual(expect.arrayContaining(["⬅️ Quay lại", "✖️ Hủy", "⏭️ Chưa có số liệu", "0"]));
    expect(texts(await health.say("mười hai"))).toMatch(/Chưa đọc được số[\s\S]*Câu 1\//);
    expect(texts(await health.say("12"))).toContain("Câu 2/3 — Tư vấn");
    expect(texts(await health.press("nav:back"))).toContain("Câu 1/3");
    expect(texts(await health.say("15"))).toContain("Câu 2/3");
    expect(texts(await health.press("fg:zero"))).toContain("Câu 3/3 — Điều trị");
    const summary = texts(await health.say("4"));
    expect(summary).toContain("Kiểm tra số liệu tháng 12/2026 — Trạm Y tế xã trước khi lưu");
    expect(summary).toContain("1. Lượt xét nghiệm chất ma túy phối hợp với Công an xã trong tháng: 15");
    expect(summary).toContain("2. Người sau cai nghiện, người sử dụng được tư vấn, hỗ trợ về y tế, tâm lý trong tháng: 0");
    expect(summary).toContain("3. Người đang điều trị nghiện bằng thuốc thay thế (Methadone…): 4");
    expect(await h.db.unitFigures.count()).toBe(0);
    expect(texts(await health.press("fg:edit"))).toContain("Gõ số thứ tự của mục cần sửa (1–3)");
    expect(texts(await health.say("2"))).toContain("Câu 2/3");
    expect(texts(await health.say("6"))).toContain("tâm lý trong tháng: 6");
    expect(texts(await health.press("fg:save"))).toContain("Đã lưu số liệu tháng 12/2026 của Trạm Y tế xã (lần cập nhật 1)");
    const row = await h.db.unitFigures.findFirstOrThrow({ where: { unitKind: "health_station" } });
    expect(JSON.parse(row.data)).toEqual({ drug_tests: 15, after_rehab_counselled: 6, methadone_patients: 4 });
    expect(row.updatedByStaffId).toBe((await staffNamed("Trạm trưởng Trạm Y tế")).id);
  });

  it("keeps corrections with who and when; Hủy saves nothing", async () => {
    h.clock.advanceMinutes(30);
    const intro = texts(await health.say("/capnhat"));
    expect(intro).toMatch(/Tháng này đã có số liệu \(lần cập nhật 1, lúc \d\d:\d\d \d\d\/\d\d\/\d{4}, bởi Trạm trưởng Trạm Y tế\)/);
    expect(intro).toContain("(Đã nhập: 15)");
    expect(health.last()!.choices!.flat().map((c) => c.label)).toContain("↩️ Giữ: 15");
    await health.press("fg:keep");
    await health.press("fg:keep");
    await health.say("5");
    expect(texts(await health.press("fg:save"))).toContain("(lần cập nhật 2)");
    const revisions = await h.db.unitFigureRevision.findMany({ where: { unitKind: "health_station" }, orderBy: { version: "asc" } });
    expect(revisions.map((r) => [r.version, JSON.parse(r.data).methadone_patients])).toEqual([
      [1, 4],
      [2, 5],
    ]);
    expect(revisions[1]!.createdAt.getTime() - revisions[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(30 * 60_000);
    expect(new Set(revisions.map((r) => r.staffId)).size).toBe(1);

    await health.say("/capnhat");
    await health.say("1");
    expect(texts(await health.press("nav:cancel"))).toContain("Đã thoát, số liệu chưa được lưu");
    expect(await h.db.unitFigureRevision.count()).toBe(2);
    // Back from the first question leaves the form; a village code is not a month.
    await health.say("/capnhat");
    expect(texts(await health.press("nav:back"))).toContain("Đã thoát");
    expect(texts(await health.say("/capnhat HL-01"))).toContain('Không hiểu "HL-01"');
    expect(texts(await health.say("/capnhat 01/2027"))).toContain("chưa tới");
  });

  it("/thongke shows the member their unit's month only; the commune's tips and villages stay closed", async () => {
    const own = texts(await health.say("/thongke"));
    expect(own).toContain("SỐ LIỆU THÁNG 12/2026 — TRẠM Y TẾ XÃ, XÃ HỒNG LỘC");
    expect(own).toContain("Cập nhật lần 2");
    expect(own).toContain("Người đang điều trị nghiện bằng thuốc thay thế (Methadone…): 5");
    expect(own).not.toContain("thôn");
    expect(texts(await health.say("/tinbao"))).not.toContain("HONGLOC-");
    expect(texts(await health.say("/baocao"))).not.toContain("Đang lập báo cáo");
  });
});

describe("/capnhat for the youth union on Telegram", () => {
  it("registers by the deep link and enters the month with buttons and typed numbers", async () => {
    await post(textUpdate(`/start ${await h.invite("reporting_unit", { communeCode: "HONGLOC", unitKind: "youth_union" }, "Bí thư Đoàn xã")}`, { user: YOUTH }));
    const sent = fake.calls.filter(toChat(YOUTH.id)).map((c) => String(c.payload.text ?? ""));
    expect(sent[0]).toBe("✅ Đăng ký thành công. Chào đồng chí Bí thư Đoàn xã — cán bộ ban, ngành, đoàn thể, Đoàn Thanh niên xã, xã Hồng Lộc.");
    // The help that follows lists the unit's own commands, not the villages' nor the tips'.
    expect(sent[1]).toContain("/capnhat [tháng] — nhập hoặc sửa số liệu tháng của đơn vị");
    expect(sent[1]).not.toContain("/tinbao");
    await post(textUpdate("/capnhat", { user: YOUTH }));
    expect(lastText(YOUTH.id)).toContain("Câu 1/3 — Tuyên truyền");
    expect(lastButtons(YOUTH.id).map((b) => b.callback_data)).toEqual(expect.arrayContaining(["fg:zero", "fg:skip", "nav:back", "nav:cancel"]));
    await post(textUpdate("3", { user: YOUTH }));
    await post(textUpdate("1.200", { user: YOUTH }));
    expect(lastText(YOUTH.id)).toContain("Câu 3/3 — Giúp đỡ");
    await post(textUpdate("2", { user: YOUTH }));
    expect(lastText(YOUTH.id)).toContain("Lượt đoàn viên, thanh thiếu niên được tuyên truyền trong tháng: 1.200");
    await post(callbackUpdate("fg:save", { user: YOUTH }));
    expect(lastText(YOUTH.id)).toContain("Đã lưu số liệu tháng 12/2026 của Đoàn Thanh niên xã (lần cập nhật 1)");
    const row = await h.db.unitFigures.findFirstOrThrow({ where: { unitKind: "youth_union" } });
    expect(JSON.parse(row.data)).toEqual({ propaganda_sessions: 3, youth_reached: 1200, people_helped: 2 });
  });
});

describe("reminders before the due day", () => {
  it("from the 20th the unit that has not reported is reminded once; the ones that have are not", async () => {
    h.clock.now = vn(19, 10);
    await sweep(h.deps);
    expect(texts(await schools.read())).not.toContain("Nhắc");
    h.clock.now = vn(20, 9);
    await Promise.all([sweep(h.deps), sweep(h.deps)]);
    const got = texts(await schools.read());
    expect(got).toContain("🔔 Nhắc đồng chí: Các trường học chưa gửi số liệu tháng 12/2026 về Công an xã. Báo cáo tháng của xã hạn gửi ngày 25/12/2026. Gõ /capnhat");
    expect(got.match(/Nhắc đồng chí/g)).toHaveLength(1);
    expect(texts(await health.read())).not.toContain("Nhắc");
    expect(fake.calls.filter(toChat(YOUTH.id)).map((c) => String(c.payload.text ?? ""))).not.toEqual(expect.arrayContaining([expect.stringContaining("Nhắc")]));
    h.clock.now = vn(21, 9);
    await sweep(h.deps);
    expect(texts(await schools.read())).not.toContain("Nhắc");
  });

  it("the leaders' reminder names the units still missing", async () => {
    h.clock.now = vn(22, 9);
    await sweep(h.deps);
    expect(texts(await leader.read())).toContain(`Còn ${REPORTING_UNITS.length - 2} ban, ngành, đoàn thể chưa gửi số liệu: Phòng Văn hóa – Xã hội, Các trường học, Ủy ban Mặt trận Tổ quốc xã`);
  });
});

describe("the officer's /thongke and the scope", () => {
  it("shows every unit of the commune, which have reported and their figures", async () => {
    const out = texts(await officer.say("/thongke"));
    expect(out).toContain("Các ban, ngành, đoàn thể:");
    expect(out).toContain(`• Đã gửi số liệu: 2/${REPORTING_UNITS.length} đơn vị`);
    expect(out).toContain("• Chưa gửi: Phòng Văn hóa – Xã hội, Các trường học, Ủy ban Mặt trận Tổ quốc xã, Hội Liên hiệp Phụ nữ xã, Hội Nông dân xã, Hội Cựu chiến binh xã");
    expect(out).toContain("– Trạm Y tế xã: Lượt xét nghiệm chất ma túy phối hợp với Công an xã trong tháng 15; ");
    expect(out).toContain("– Đoàn Thanh niên xã: Số buổi tuyên truyền phòng, chống ma túy trong tháng 3; Lượt đoàn viên, thanh thiếu niên được tuyên truyền trong tháng 1.200;");
  });

  it("another commune's officer sees none of it; a unit sees no other unit; nobody writes another's", async () => {
    const other = texts(await otherOfficer.say("/thongke"));
    expect(other).toContain(`• Đã gửi số liệu: 0/${REPORTING_UNITS.length} đơn vị`);
    expect(other).not.toContain("Trạm Y tế xã: ");
    const hongLoc = await h.db.commune.findUniqueOrThrow({ where: { code: "HONGLOC" } });
    const outsider = await staffNamed("Đ/c Lê Văn Bình");
    const member = await staffNamed("Trạm trưởng Trạm Y tế");
    expect(await communeUnitsAs(h.db, outsider, hongLoc.id, [MONTH])).toEqual({ ok: false, reason: "not_found" });
    expect(await unitFiguresAs(h.db, outsider, hongLoc.id, "health_station", MONTH)).toEqual({ ok: false, reason: "not_found" });
    expect(await unitFiguresAs(h.db, member, hongLoc.id, "youth_union", MONTH)).toEqual({ ok: false, reason: "not_found" });
    const own = await communeUnitsAs(h.db, member, hongLoc.id, [MONTH]);
    expect(own.ok && own.units.map((u) => u.unit.kind)).toEqual(["health_station"]);
    const now = h.clock.now;
    expect(await saveUnitFigures(h.db, member, { communeId: hongLoc.id, unitKind: "schools", month: MONTH, values: { propaganda_sessions: 9 }, basedOnVersion: 0, now })).toEqual({ ok: false, reason: "not_found" });
    expect(await saveUnitFigures(h.db, outsider, { communeId: hongLoc.id, unitKind: "health_station", month: MONTH, values: { drug_tests: 1 }, basedOnVersion: 2, now })).toEqual({ ok: false, reason: "not_found" });
    const phuongTien = await h.db.commune.findUniqueOrThrow({ where: { code: "PHUONGTIEN" } });
    expect(await saveUnitFigures(h.db, member, { communeId: phuongTien.id, unitKind: "health_station", month: MONTH, values: { drug_tests: 1 }, basedOnVersion: 0, now })).toEqual({ ok: false, reason: "not_found" });
    expect(await h.db.unitFigures.count()).toBe(2);
  });

  it("a tip's button pressed by a unit's member names no case, open or closed (found by the fuzzer)", async () => {
    await fileWebTip(h.web(), { text: "Có người lạ bán ma túy ở đầu thôn vào buổi tối." });
    const tip = await h.db.tip.findFirstOrThrow({ orderBy: { id: "desc" } });
    for (const status of ["new", "done"]) {
      await h.db.tip.update({ where: { id: tip.id }, data: { status } });
      for (const action of ["ask", "take", "note"]) {
        // A forged button on each channel: the web chat's choice, Telegram's callback.
        expect((await health.send({ choice: `t:${tip.id}:${action}` })).status).toBe(202);
        const out = texts(await health.read());
        expect(out).toContain("không có quyền");
        await post(callbackUpdate(`t:${tip.id}:${action}`, { user: YOUTH }));
        for (const said of [out, lastText(YOUTH.id)]) {
          expect(said).not.toContain(tip.caseNumber);
          expect(said).not.toContain("bán ma túy");
        }
      }
    }
  });
});

describe("the monthly report", () => {
  let files: WebMessage[] = [];
  const download = async (client: WebClient, url: string) => h.app.request(url, { headers: { "X-Chat-Token": client.token } });

  beforeAll(async () => {
    h.clock.now = vn(23, 9);
    const out = await leader.say("/baocao");
    files = out.filter((m) => m.media?.uploadUrl);
  }, 60_000);

  it("has the units' sheet: a row per unit, blank where a unit is not asked, and a total row", async () => {
    const res = await download(leader, files.find((f) => f.media!.fileName!.endsWith(".xlsx"))!.media!.uploadUrl!);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet("Số liệu ban, ngành, đoàn thể")!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = (label: string) => header.indexOf(label) + 1;
    expect(header[0]).toBe("Đơn vị");
    const sessions = col("Số buổi tuyên truyền phòng, chống ma túy trong tháng");
    const tests = col("Lượt xét nghiệm chất ma túy phối hợp với Công an xã trong tháng");
    const methadone = col("Người đang điều trị nghiện bằng thuốc thay thế (Methadone…)");
    const youth = col("Lượt đoàn viên, thanh thiếu niên được tuyên truyền trong tháng");
    const helped = col("Người sau cai nghiện, người có nguy cơ cao được giúp đỡ, cảm hóa");
    const version = col("Lần sửa");
    for (const c of [sessions, tests, methadone, youth, helped, version]) expect(c).toBeGreaterThan(1);
    const rows = REPORTING_UNITS.map((_, i) => sheet.getRow(i + 2));
    expect(rows.map((r) => r.getCell(1).value)).toEqual(REPORTING_UNITS.map((u) => u.name));
    const byName = (name: string) => rows.find((r) => r.getCell(1).value === name)!;
    const healthRow = byName("Trạm Y tế xã");
    expect([healthRow.getCell(tests).value, healthRow.getCell(methadone).value, healthRow.getCell(sessions).value, healthRow.getCell(version).value]).toEqual([15, 5, null, 2]);
    const youthRow = byName("Đoàn Thanh niên xã");
    expect([youthRow.getCell(sessions).value, youthRow.getCell(youth).value, youthRow.getCell(helped).value, youthRow.getCell(tests).value]).toEqual([3, 1200, 2, null]);
    const schoolsRow = byName("Các trường học");
    expect([schoolsRow.getCell(sessions).value, schoolsRow.getCell(version).value]).toEqual(["chưa có số liệu", null]);
    const totals = sheet.getRow(REPORTING_UNITS.length + 2);
    expect(totals.getCell(1).value).toBe("Tổng");
    expect(totals.font?.bold).toBe(true);
    // Only the health station is asked for drug tests and methadone: its values are the totals.
    expect(totals.getCell(tests).value).toBe(15);
    expect(totals.getCell(methadone).value).toBe(5);
    expect(totals.getCell(youth).value).toBe(1200);
    // Six other units are asked for sessions and have not reported: the known part, said so.
    expect(totals.getCell(sessions).value).toBe("3 (chưa đủ các đơn vị)");
    expect(totals.getCell(helped).value).toBe("2 (chưa đủ các đơn vị)");
    expect(sheet.rowCount).toBe(REPORTING_UNITS.length + 2);

    const summary = wb.getWorksheet("Tổng hợp")!;
    const line = [...Array(summary.rowCount).keys()].map((i) => summary.getRow(i + 1)).find((r) => r.getCell(1).value === "Ban, ngành, đoàn thể đã gửi số liệu")!;
    expect(line.getCell(2).value).toBe(2);
  });

  it("has the units' section on the printable page", async () => {
    const res = await download(leader, files.find((f) => f.media!.fileName!.endsWith(".html"))!.media!.uploadUrl!);
    const html = await res.text();
    expect(html).toContain("<h2>VII. Số liệu các ban, ngành, đoàn thể</h2>");
    expect(html).toContain(`2/${REPORTING_UNITS.length} ban, ngành, đoàn thể đã gửi số liệu`);
    expect(html).toMatch(/<tr><td>Trạm Y tế xã<\/td>.*<td class="n">15<\/td>/);
    expect(html).toContain("<b>3 (chưa đủ các đơn vị)</b>");
  });

  it("a quarter sums the flows over its months and keeps the latest stock", async () => {
    const hongLoc = (await communeRef(h.db, (await h.db.commune.findUniqueOrThrow({ where: { code: "HONGLOC" } })).id))!;
    const member = await staffNamed("Trạm trưởng Trạm Y tế");
    const now = h.clock.now;
    for (const [month, values] of [
      ["2026-10", { drug_tests: 10, after_rehab_counselled: 1, methadone_patients: 9 }],
      ["2026-11", { drug_tests: 20, methadone_patients: 7 }],
    ] as const) expect((await saveUnitFigures(h.db, member, { communeId: hongLoc.id, unitKind: "health_station", month, values, basedOnVersion: 0, now })).ok).toBe(true);
    const period = parsePeriodArg("q4/2026", now, 25)!;
    const report = await buildPeriodReport(h.db, h.deps.compliance!, hongLoc, period, now);
    const healthUnit = report.units.find((u) => u.unit.kind === "health_station")!;
    // Tests: 10 + 20 + 15; counselling skipped in November stays unknown; methadone: December's 5.
    expect(healthUnit.figures!.values).toEqual({ drug_tests: 45, methadone_patients: 5 });
    expect(healthUnit.monthsReported).toBe(3);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderReportXlsx(report)) as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet("Số liệu ban, ngành, đoàn thể")!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const row = sheet.getRow(REPORTING_UNITS.findIndex((u) => u.kind === "health_station") + 2);
    expect(row.getCell(header.indexOf("Lượt xét nghiệm chất ma túy phối hợp với Công an xã trong tháng") + 1).value).toBe(45);
    expect(row.getCell(header.indexOf("Người sau cai nghiện, người sử dụng được tư vấn, hỗ trợ về y tế, tâm lý trong tháng") + 1).value).toBe("chưa có số liệu");
    expect(row.getCell(header.length).value).toBe("3/3");
  });
});
