// The monthly report files open: the XLSX is read back and its numbers checked, the PNG decodes to
// the expected size and has a chart on it, the HTML page is Vietnamese and printable. Downloads
// are held to the reader's scope.
import { addMonths, formatMonthVN, monthOf } from "../../src/util/vietnam-time.js";
import ExcelJS from "exceljs";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, fileWebTip, type Harness, type WebClient, type WebMessage } from "../helpers/harness.js";
import { FIGURE_FIELDS } from "../../src/compliance/fields.js";
import { criteriaRegistry } from "../../src/compliance/criteria.js";
import { defaultComplianceDeps, saveFigures } from "../../src/compliance/service.js";
import { createNodeReportRenderers } from "../../src/reports/node-renderers.js";
import { CHART_HEIGHT, CHART_WIDTH } from "../../src/reports/chart.js";

let h: Harness;
let leader: WebClient;
let month: string;
let files: WebMessage[] = [];

function figures(over: Record<string, number>): Record<string, number> {
  const base = Object.fromEntries(FIGURE_FIELDS.map((f) => [f.id, 0]));
  return { ...base, tip_box: 1, hotline_board: 1, propaganda_sessions: 1, anti_drug_models: 1, ...over };
}

beforeAll(async () => {
  h = await createHarness();
  h.deps.compliance = defaultComplianceDeps({ renderers: createNodeReportRenderers() });
  month = monthOf(h.clock.now);
  const villages = await h.db.village.findMany({ where: { commune: { code: "HONGLOC" } }, orderBy: { code: "asc" } });
  // This month: 100/200/300/400 households, all committed but 10 in the last village; 12 addicts in all.
  const now = h.clock.now;
  for (const [i, v] of villages.entries()) {
    const households = (i + 1) * 100;
    const values = figures({ households, households_committed: i === 3 ? households - 10 : households, addicts_total: 3, addicts_with_file: 3, addicts_in_treatment: 3, addicts_in_community: 3, baseline_addicts: 3 });
    expect((await saveFigures(h.db, { villageId: v.id, month, values, staffId: null, source: "csv", basedOnVersion: 0, now })).ok).toBe(true);
    // Two months ago: only the first two villages reported.
    if (i < 2) await saveFigures(h.db, { villageId: v.id, month: addMonths(month, -2), values: figures({ households, households_committed: households }), staffId: null, source: "csv", basedOnVersion: 0, now });
  }
  await fileWebTip(h.web(), { village: "Thôn Tân Hòa" });
  await fileWebTip(h.web());
  leader = h.web();
  await leader.say(`/dangky ${await h.invite("leader", { communeCode: "HONGLOC" }, "Chủ tịch UBND xã")}`);
  const out = await leader.say("/baocao");
  expect(out.map((m) => m.text).join("\n")).toContain(`Đang lập báo cáo tháng ${formatMonthVN(month)}`);
  files = out.filter((m) => m.media?.uploadUrl);
}, 60_000);
afterAll(async () => h.close());

async function download(client: WebClient, url: string): Promise<Response> {
  return h.app.request(url, { headers: { "X-Chat-Token": client.token } });
}

describe("/baocao", () => {
  it("sends a spreadsheet, a printable page and a chart, each with a file name", () => {
    expect(files.map((f) => f.media!.fileName)).toEqual([
      `bao-cao-hongloc-${month}.xlsx`,
      `bao-cao-hongloc-${month}.html`,
      `bao-cao-hongloc-${month}.png`,
    ]);
    expect(files.map((f) => f.media!.kind)).toEqual(["document", "document", "photo"]);
  });

  it("the XLSX opens, has one sheet per part, and its numbers are right", async () => {
    const res = await download(leader, files[0]!.media!.uploadUrl!);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Disposition")).toContain("attachment");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Tổng hợp", "Tiêu chí", "Số liệu thôn", "Số liệu ban, ngành, đoàn thể", "Tin báo", "Phát thanh", "Xu hướng", "Công nhận thôn"]);

    const villages = wb.getWorksheet("Số liệu thôn")!;
    const header = (villages.getRow(1).values as unknown[]).slice(1);
    const col = (label: string) => header.indexOf(label) + 1;
    const householdsCol = col("Số hộ gia đình đang cư trú");
    const committedCol = col("Số hộ đã ký cam kết không tham gia tệ nạn ma túy");
    const addictsCol = col("Người nghiện ma túy (tổng số)");
    expect(householdsCol).toBeGreaterThan(0);
    const rows = [2, 3, 4, 5].map((r) => villages.getRow(r));
    expect(rows.map((r) => r.getCell(1).value)).toEqual(["HL-01", "HL-02", "HL-03", "HL-04"]);
    expect(rows.map((r) => r.getCell(householdsCol).value)).toEqual([100, 200, 300, 400]);
    const totals = villages.getRow(6);
    expect(totals.getCell(2).value).toBe("Tổng");
    expect(totals.getCell(householdsCol).value).toBe(1000);
    expect(totals.getCell(committedCol).value).toBe(990);
    expect(totals.getCell(addictsCol).value).toBe(12);

    const criteria = wb.getWorksheet("Tiêu chí")!;
    const byText = new Map<string, ExcelJS.Row>();
    criteria.eachRow((row, n) => n > 1 && byText.set(String(row.getCell(2).value), row));
    expect(byText.size).toBe(criteriaRegistry().default.criteria.length);
    const addicts = byText.get("Tổng số người nghiện ma túy ngoài cộng đồng dưới 10 người")!;
    expect(addicts.getCell(3).value).toBe("❌ Chưa đạt");
    expect(addicts.getCell(4).value).toBe(12);
    const households = byText.get("100% đại diện hộ gia đình cam kết không tham gia tội phạm, tệ nạn ma túy")!;
    expect(households.getCell(4).value).toBeCloseTo(0.99);
    expect(households.getCell(4).numFmt).toBe("0.0%");
    const model = byText.get("Xây dựng và duy trì hiệu quả ít nhất 01 mô hình về phòng, chống tội phạm, tệ nạn ma túy trên địa bàn cấp xã")!;
    expect(model.getCell(3).value).toBe("✅ Đạt");
    // A rule, not a number: each total beside its figure at registration, and the plan's requirement (issue 14).
    const reduced = byText.get("Kiềm chế, làm giảm tổng số người nghiện và tổng số người sử dụng trái phép chất ma túy cư trú trên địa bàn so với khi đăng ký xây dựng xã không ma túy")!;
    // 12 addicts now and 12 at registration: no change is not a reduction.
    expect(reduced.getCell(3).value).toBe("❌ Chưa đạt");
    expect(reduced.getCell(4).value).toBe(
      "Người nghiện ma túy (tổng số): 12; Số người nghiện khi đăng ký xây dựng xã không ma túy: 12; Người sử dụng trái phép chất ma túy (tổng số): 0; Số người sử dụng trái phép khi đăng ký xây dựng xã không ma túy: 0",
    );
    expect(reduced.getCell(5).value).toBe("tổng số người nghiện và tổng số người sử dụng trái phép, mỗi số đều giảm so với số đã rà soát khi đăng ký (hoặc đã bằng 0)");
    // The source column names the plan and its item, not our copy of it (issue 17).
    expect(String(criteria.getRow(1).getCell(7).value)).toBe("Nguồn");
    expect(addicts.getCell(7).value).toBe("KH huyện Như Xuân (Thanh Hóa) 2024–2025, mục II, tiêu chí 1");
    expect(model.getCell(7).value).toBe("KH huyện Như Xuân (Thanh Hóa) 2024–2025, mục II, tiêu chí 10");
    criteria.eachRow((row, n) => n > 1 && expect(String(row.getCell(7).value)).not.toMatch(/seed|dòng \d/i));

    const tips = wb.getWorksheet("Tin báo")!;
    const tipRows = new Map<string, unknown>();
    tips.eachRow((row) => tipRows.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(tipRows.get("Tin báo trong tháng")).toBe(2);
    expect(tipRows.get("Mới, chờ tiếp nhận")).toBe(2);
    expect(tipRows.get("Thôn Tân Hòa")).toBe(1);

    const trend = wb.getWorksheet("Xu hướng")!;
    const last = trend.getRow(7);
    expect(last.getCell(1).value).toBe(formatMonthVN(month));
    expect(last.getCell(2).value).toBe(2);
    expect(last.getCell(5).value).toBe(4);
    expect(trend.getRow(5).getCell(5).value).toBe(2);
    expect(trend.getImages()).toHaveLength(1);

    const summary = wb.getWorksheet("Tổng hợp")!;
    const due = summary.getRow(6).getCell(2);
    expect(due.numFmt).toBe("dd/mm/yyyy");
    expect((due.value as Date).getUTCDate()).toBe(25);
  });

  it("the PNG is a valid image of the expected size with a chart drawn on it", async () => {
    const res = await download(leader, files[2]!.media!.uploadUrl!);
    expect(res.headers.get("Content-Type")).toBe("image/png");
    const png = PNG.sync.read(Buffer.from(await res.arrayBuffer()));
    expect([png.width, png.height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
    let red = 0;
    let dark = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
      if (r > 150 && g < 110 && b < 110) red++;
      if (r < 80 && g < 80 && b < 80) dark++;
    }
    expect(red).toBeGreaterThan(500); // the tip bars
    expect(dark).toBeGreaterThan(500); // title and labels in the font
  });

  it("the HTML page is Vietnamese, printable, with the chart embedded", async () => {
    const res = await download(leader, files[1]!.media!.uploadUrl!);
    const html = await res.text();
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain("BÁO CÁO KẾT QUẢ XÂY DỰNG &quot;XÃ KHÔNG MA TÚY&quot; — XÃ HỒNG LỘC, HÀ TĨNH");
    expect(html).toContain("@page { size: A4");
    expect(html).toContain("<svg");
    expect(html).toContain("1.000"); // households in Vietnamese number format
    expect(html).toContain("Chưa có dữ liệu phát thanh");
    expect(html).toMatch(/Hạn gửi: 25\/\d\d\/\d{4}/);
    expect(html).toContain("<small>KH xã Hồng Lộc (Hà Tĩnh) 2026–2030, mục II.2.2; KH xã Phượng Tiến (Thái Nguyên) 2026, mục II, mục tiêu 10</small>");
    expect(html).not.toMatch(/seed|dòng \d/i);
  });

  it("keeps report files to those who may read them", async () => {
    const url = files[0]!.media!.uploadUrl!;
    const other = h.web();
    await other.say(`/dangky ${await h.invite("leader", { communeCode: "PHUONGTIEN" })}`);
    expect((await download(other, url)).status).toBe(403);
    const head = h.web();
    await head.say(`/dangky ${await h.invite("village_head", { villageCode: "HL-01" })}`);
    expect((await download(head, url)).status).toBe(403);
    expect((await download(h.web(), url)).status).toBe(403);
    const officer = h.web();
    await officer.say(`/dangky ${await h.invite("officer", { communeCode: "HONGLOC" })}`);
    expect((await download(officer, url)).status).toBe(200);
  });

  it("without Node renderers (Workers) the report is the HTML page alone, said plainly", async () => {
    h.deps.compliance = defaultComplianceDeps();
    const out = await leader.say(`/baocao ${formatMonthVN(month)}`);
    expect(out.filter((m) => m.media).map((m) => m.media!.fileName)).toEqual([`bao-cao-hongloc-${month}.html`]);
    expect(out.map((m) => m.text).join("\n")).toContain("cần máy chủ chạy trên Node");
    h.deps.compliance = defaultComplianceDeps({ renderers: createNodeReportRenderers() });
  });

  it("/thongke names the villages with no propaganda recorded", async () => {
    const hl3 = await h.db.village.findUniqueOrThrow({ where: { code: "HL-03" } });
    const current = await h.db.villageFigures.findUniqueOrThrow({ where: { villageId_month: { villageId: hl3.id, month } } });
    await saveFigures(h.db, { villageId: hl3.id, month, values: { ...JSON.parse(current.data), propaganda_sessions: 0 }, staffId: null, source: "csv", basedOnVersion: current.version, now: h.clock.now });
    const out = (await leader.say("/thongke")).map((m) => m.text).join("\n");
    expect(out).toContain("Thôn có tuyên truyền trong tháng: 3/4");
    expect(out).toContain("Chưa có buổi tuyên truyền nào được ghi nhận: Thôn Phú Lộc");
  });

  it("/bieudo sends the chart alone", async () => {
    const out = await leader.say("/bieudo");
    expect(out).toHaveLength(1);
    expect(out[0]!.media).toMatchObject({ kind: "photo" });
    expect(out[0]!.text).toContain("6 tháng đến tháng");
  });
});
