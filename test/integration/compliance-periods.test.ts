// Quarterly, six-month, yearly and campaign reports (issue 14) end to end: figures saved for some
// months of some villages, a tip of the quarter, /baocao with a period on the web chat and over
// Telegram, the admin CLI's --period, and the files read cell by cell.
import ExcelJS from "exceljs";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { vnParts } from "../../src/util/vietnam-time.js";
import { createHarness, fileWebTip, type Harness, type WebClient } from "../helpers/harness.js";
import { startFakeTelegram, textUpdate, type ApiCall, type FakeTelegram, type TestUser } from "../helpers/fake-telegram.js";
import { postTelegramSettled } from "../helpers/channels.js";
import { FIGURE_FIELDS } from "../../src/compliance/fields.js";
import { defaultComplianceDeps, saveFigures } from "../../src/compliance/service.js";
import { createNodeReportRenderers } from "../../src/reports/node-renderers.js";
import { runAdmin } from "../../src/cli/admin.js";

const LEADER: TestUser = { id: 7_990_001, is_bot: false, first_name: "Phan Văn", last_name: "Tâm", username: "chutich_q3", language_code: "vi" };

let fake: FakeTelegram;
let h: Harness;
let leader: WebClient;
/** Last year: its third quarter and its June are over whatever day the suite runs. */
let Y: number;
const texts = (list: { text: string }[]) => list.map((m) => m.text).join("\n");
const ZERO = Object.fromEntries(FIGURE_FIELDS.map((f) => [f.id, 0]));

async function workbookOf(files: { media?: { uploadUrl?: string } }[], index = 0): Promise<ExcelJS.Workbook> {
  const res = await h.app.request(files[index]!.media!.uploadUrl!, { headers: { "X-Chat-Token": leader.token } });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
  return wb;
}
const cells = (ws: ExcelJS.Worksheet, row: number) => (ws.getRow(row).values as unknown[]).slice(1);
const summaryValue = (wb: ExcelJS.Workbook, label: string) => {
  const ws = wb.getWorksheet("Tổng hợp")!;
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === label) return ws.getRow(r).getCell(2).value;
  return undefined;
};

beforeAll(async () => {
  fake = await startFakeTelegram();
  h = await createHarness({ telegram: fake });
  h.deps.compliance = defaultComplianceDeps({ renderers: createNodeReportRenderers() });
  Y = vnParts(h.clock.now).year - 1;
  const villages = await h.db.village.findMany({ where: { commune: { code: "HONGLOC" } }, orderBy: { code: "asc" } });
  const save = (i: number, month: string, over: Record<string, number>) =>
    saveFigures(h.db, { villageId: villages[i]!.id, month, values: { ...ZERO, ...over }, staffId: null, source: "csv", basedOnVersion: 0, now: h.clock.now });
  // Thượng Phú every month of the quarter: sessions add up (1 + 2 + 3), households are the latest (102).
  for (const [m, sessions, households] of [["07", 1, 100], ["08", 2, 101], ["09", 3, 102]] as const) expect((await save(0, `${Y}-${m}`, { propaganda_sessions: sessions, households, households_committed: households })).ok).toBe(true);
  // Tân Hòa skipped August: its sessions of the quarter are not known, its households are September's.
  expect((await save(1, `${Y}-07`, { propaganda_sessions: 1, households: 88, households_committed: 88 })).ok).toBe(true);
  expect((await save(1, `${Y}-09`, { propaganda_sessions: 2, households: 90, households_committed: 90, hot_spots: 1 })).ok).toBe(true);
  // June: the action month.
  expect((await save(0, `${Y}-06`, { propaganda_sessions: 4, households: 99, households_committed: 99, offenders_found: 2, offenders_handled: 2 })).ok).toBe(true);
  // One tip of the quarter (filed now, dated in August as if it had come then).
  await fileWebTip(h.web());
  const tip = await h.db.tip.findFirstOrThrow({ orderBy: { id: "desc" } });
  await h.db.tip.update({ where: { id: tip.id }, data: { createdAt: new Date(Date.UTC(Y, 7, 15, 3)), lastAlertAt: new Date(Date.UTC(Y, 7, 15, 3)) } });
  leader = h.web();
  await leader.say(`/dangky ${await h.invite("leader", { communeCode: "HONGLOC" }, "Chủ tịch UBND xã")}`);
}, 60_000);
afterAll(async () => {
  await h.close();
  await fake.close();
});

describe("/baocao for a period", () => {
  it("a quarter: flows summed, stocks the latest, months entered per village, the quarter's tips and months", async () => {
    const out = await leader.say(`/baocao q3/${Y}`);
    const all = texts(out);
    expect(all).toContain(`⏳ Đang lập báo cáo quý III/${Y}…`);
    expect(all).toContain(`📄 Báo cáo quý III/${Y} — xã Hồng Lộc. Hạn gửi cấp trên: 25/09/${Y}.`);
    const files = out.filter((m) => m.media?.uploadUrl);
    expect(files.map((f) => f.media!.fileName)).toEqual([`bao-cao-hongloc-${Y}-q3.xlsx`, `bao-cao-hongloc-${Y}-q3.html`, `bao-cao-hongloc-${Y}-q3.png`]);
    expect(files.map((f) => f.text)).toEqual([`Bảng tính báo cáo quý III/${Y}`, `Báo cáo quý III/${Y} (mở bằng trình duyệt, in hoặc lưu PDF)`, `Biểu đồ từng tháng của quý III/${Y}: tin báo, thôn được tuyên truyền, tiêu chí đạt`]);

    const wb = await workbookOf(files);
    expect(summaryValue(wb, "Kỳ báo cáo")).toBe(`quý III/${Y}`);
    expect(summaryValue(wb, "Tháng")).toBeUndefined();
    expect(summaryValue(wb, "Tin báo trong kỳ")).toBe(1);
    const villages = wb.getWorksheet("Số liệu thôn")!;
    const header = cells(villages, 1) as string[];
    const col = (label: string) => header.indexOf(label);
    expect(header.at(-1)).toBe("Số tháng thôn đã nhập số liệu");
    const row = (n: number) => cells(villages, n);
    const sessions = col("Số buổi tuyên truyền phòng, chống ma túy trong tháng");
    const households = col("Số hộ gia đình đang cư trú");
    const spots = col("Điểm, tụ điểm phức tạp về ma túy");
    expect([row(2)[0], row(2)[sessions], row(2)[households], row(2).at(-1)]).toEqual(["HL-01", 6, 102, "3/3"]);
    expect([row(3)[0], row(3)[sessions] ?? null, row(3)[households], row(3)[spots], row(3).at(-1)]).toEqual(["HL-02", null, 90, 1, "2/3"]);
    expect([row(4)[0], row(4)[households] ?? null, row(4).at(-1)]).toEqual(["HL-03", null, "0/3"]);
    const trend = wb.getWorksheet("Xu hướng")!;
    expect([2, 3, 4].map((r) => cells(trend, r).slice(0, 2))).toEqual([[`07/${Y}`, 0], [`08/${Y}`, 1], [`09/${Y}`, 0]]);
    expect(cells(trend, 5).length).toBe(0);

    const html = await (await h.app.request(files[1]!.media!.uploadUrl!, { headers: { "X-Chat-Token": leader.token } })).text();
    expect(html).toContain(`<title>BÁO CÁO KẾT QUẢ XÂY DỰNG &quot;XÃ KHÔNG MA TÚY&quot; — XÃ HỒNG LỘC, HÀ TĨNH — quý III/${Y}</title>`);
    expect(html).toContain(`Quý III/${Y} · Lập lúc`);
    expect(html).toContain('<tr><td>Số tháng thôn đã nhập số liệu</td><td class="n">3/3</td><td class="n">2/3</td><td class="n">0/3</td><td class="n">0/3</td>');
  });

  it("the June action month, with the campaign's own due date", async () => {
    const out = await leader.say(`/baocao thanghanhdong/${Y}`);
    expect(texts(out)).toContain(`📄 Báo cáo Tháng hành động phòng, chống ma túy năm ${Y} — xã Hồng Lộc. Hạn gửi cấp trên: 03/07/${Y}.`);
    const wb = await workbookOf(out.filter((m) => m.media?.uploadUrl));
    expect(summaryValue(wb, "Kỳ báo cáo")).toBe(`Tháng hành động phòng, chống ma túy năm ${Y}`);
    const villages = wb.getWorksheet("Số liệu thôn")!;
    const offenders = (cells(villages, 1) as string[]).indexOf("Người vi phạm pháp luật về ma túy phát hiện");
    expect(cells(villages, 2)[offenders]).toBe(2);
    expect(wb.getWorksheet("Xu hướng")!.rowCount).toBe(2);
  });

  it("a year and six months: sums over the months entered", async () => {
    const year = await leader.say(`/baocao nam/${Y}`);
    const wb = await workbookOf(year.filter((m) => m.media?.uploadUrl));
    expect(summaryValue(wb, "Kỳ báo cáo")).toBe(`năm ${Y}`);
    const villages = wb.getWorksheet("Số liệu thôn")!;
    const header = cells(villages, 1) as string[];
    // Thượng Phú entered June to September: its sessions of the year are unknown (no January…), its latest households are September's.
    expect([cells(villages, 2)[header.indexOf("Số hộ gia đình đang cư trú")], cells(villages, 2).at(-1)]).toEqual([102, "4/12"]);
    expect(wb.getWorksheet("Xu hướng")!.rowCount).toBe(13);
    expect(texts(await leader.say(`/baocao 6thang/${Y}`))).toContain(`📄 Báo cáo 6 tháng đầu năm ${Y} — xã Hồng Lộc.`);
  });

  it("a year still running is reported up to this month", async () => {
    const real = h.clock.now;
    h.clock.now = new Date(Date.UTC(Y + 1, 4, 15, 3)); // 15 May of the year after Y
    try {
      expect(texts(await leader.say(`/baocao nam/${Y + 1}`))).toContain(`📄 Báo cáo năm ${Y + 1} (đến tháng 05/${Y + 1}) — xã Hồng Lộc.`);
    } finally {
      h.clock.now = real;
    }
  });

  it("refuses a period not begun, and a period on a command that reads months", async () => {
    expect(texts(await leader.say("/baocao nam/2099"))).toContain("Năm 2099 chưa bắt đầu, chưa có gì để báo cáo.");
    expect(texts(await leader.say(`/thongke q3/${Y}`))).toContain("Chỉ /baocao lập báo cáo theo quý");
    expect(texts(await leader.say("/baocao q9/2026"))).toContain("Không");
    // Another commune's quarter: refused as its month would be.
    expect(texts(await leader.say(`/baocao PHUONGTIEN q3/${Y}`))).toContain("không có quyền");
  });

  it("over Telegram, as documents named after the period", async () => {
    const toLeader = (call: ApiCall) => String(call.payload.chat_id) === String(LEADER.id);
    for (const text of [`/start ${await h.invite("leader", { communeCode: "HONGLOC" }, "Phó Chủ tịch UBND xã")}`, `/baocao quy3/${Y}`]) {
      await postTelegramSettled(h, textUpdate(text, { user: LEADER }));
    }
    expect(fake.callsTo("sendDocument").filter(toLeader).map((d) => d.files[0]?.filename)).toEqual([`bao-cao-hongloc-${Y}-q3.xlsx`, `bao-cao-hongloc-${Y}-q3.html`]);
  });

  it("by the admin CLI with --period", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const dir = mkdtempSync(join(tmpdir(), "phaodai-period-"));
    const env = { DATABASE_URL: `file:${h.dbPath}`, PORT: "0", APP_ENV: "test", DEMO_MODE: "off" };
    const code = await runAdmin(["compliance-report", "--commune", "HONGLOC", "--period", `q3/${Y}`, "--out", dir], env, { out: (l) => out.push(l), err: (l) => err.push(l) });
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const stem = join(dir, `bao-cao-hongloc-${Y}-q3`);
    expect(out).toEqual([`${stem}.xlsx`, `${stem}.html`, `${stem}.png`]);
    for (const f of out) expect(existsSync(f)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(`${stem}.xlsx`);
    expect(summaryValue(wb, "Kỳ báo cáo")).toBe(`quý III/${Y}`);
    expect(await runAdmin(["compliance-report", "--commune", "HONGLOC", "--period", "q9"], env, { out: () => {}, err: (l) => err.push(l) })).toBe(2);
    expect(err.at(-1)).toContain("--period q4/2026");
  });
});
