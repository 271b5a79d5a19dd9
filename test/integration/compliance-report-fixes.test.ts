// The monthly report and /thongke where bulletins reached only some villages (issue 14, "fixes found
// on the way"): a real SQLite file, bulletin records as the bulletins write them, the report made by
// /baocao in the web chat and its files read cell by cell.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMonths, formatMonthVN, monthOf, monthRange } from "../../src/util/vietnam-time.js";
import { createHarness, type Harness, type WebClient } from "../helpers/harness.js";
import { FIGURE_FIELDS } from "../../src/compliance/fields.js";
import { defaultComplianceDeps, saveFigures } from "../../src/compliance/service.js";
import { createNodeReportRenderers } from "../../src/reports/node-renderers.js";

let h: Harness;
let leader: WebClient;
let month: string;
let xlsx: ExcelJS.Workbook;
let html: string;
const texts = (list: { text: string }[]) => list.map((m) => m.text).join("\n");
const TYPED_REASON = "Loa thôn hỏng dây, đang chờ sửa";

beforeAll(async () => {
  h = await createHarness();
  h.deps.compliance = defaultComplianceDeps({ renderers: createNodeReportRenderers() });
  month = monthOf(h.clock.now);
  const villages = await h.db.village.findMany({ where: { commune: { code: "HONGLOC" } }, orderBy: { code: "asc" } });
  expect(villages.map((v) => v.code)).toEqual(["HL-01", "HL-02", "HL-03", "HL-04"]);
  const commune = await h.db.commune.findUniqueOrThrow({ where: { code: "HONGLOC" } });
  const all = Object.fromEntries(FIGURE_FIELDS.map((f) => [f.id, 0]));
  // This month two villages entered figures, two did not; last month only the first one.
  const save = (i: number, m: string, over: Record<string, number>) =>
    saveFigures(h.db, { villageId: villages[i]!.id, month: m, values: { ...all, ...over }, staffId: null, source: "csv", basedOnVersion: 0, now: h.clock.now });
  expect((await save(0, month, { households: 120, addicts_total: 4, propaganda_sessions: 2 })).ok).toBe(true);
  expect((await save(1, month, { households: 80, addicts_total: 1, propaganda_sessions: 0 })).ok).toBe(true);
  expect((await save(0, addMonths(month, -1), { households: 119 })).ok).toBe(true);
  // Two bulletins this month: Thượng Phú's head broadcast both; Tân Hòa's could not and typed why
  // once, picked a listed reason once; Phú Lộc and Trung Sơn have no village head registered.
  const { start } = monthRange(month);
  for (const [n, hours] of [[0, 30], [1, 80]] as const) {
    const slot = await h.db.bulletinSlot.create({ data: { communeId: commune.id, scheduledAt: new Date(start.getTime() + hours * 3_600_000), status: "sent" } });
    const delivery = (villageId: number, status: string, reason: string | null = null, reasonText: string | null = null) => ({ slotId: slot.id, villageId, status, reason, reasonText, languages: "vie", remindAt: slot.scheduledAt });
    await h.db.bulletinDelivery.createMany({
      data: [
        delivery(villages[0]!.id, "broadcast"),
        n === 0 ? delivery(villages[1]!.id, "not_broadcast", "other", TYPED_REASON) : delivery(villages[1]!.id, "not_broadcast", "power"),
        delivery(villages[2]!.id, "no_head"),
        delivery(villages[3]!.id, "no_head"),
      ],
    });
  }
  leader = h.web();
  await leader.say(`/dangky ${await h.invite("leader", { communeCode: "HONGLOC" }, "Chủ tịch UBND xã")}`);
  const out = await leader.say("/baocao");
  const files = out.filter((m) => m.media?.uploadUrl);
  const get = async (i: number) => h.app.request(files[i]!.media!.uploadUrl!, { headers: { "X-Chat-Token": leader.token } });
  xlsx = new ExcelJS.Workbook();
  await xlsx.xlsx.load(Buffer.from(await (await get(0)).arrayBuffer()) as unknown as ExcelJS.Buffer);
  html = await (await get(1)).text();
}, 60_000);
afterAll(async () => h.close());

describe("the report and /thongke, fixed", () => {
  it("the XLSX \"Tổng\" row carries the known sums, said to be partial, as the printable page does", () => {
    const sheet = xlsx.getWorksheet("Số liệu thôn")!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = (label: string) => header.indexOf(label) + 1;
    const totals = sheet.getRow(6);
    expect(totals.getCell(2).value).toBe("Tổng");
    expect(totals.getCell(col("Số hộ gia đình đang cư trú")).value).toBe("200 (chưa đủ các thôn)");
    expect(totals.getCell(col("Người nghiện ma túy (tổng số)")).value).toBe("5 (chưa đủ các thôn)");
    expect(sheet.getRow(4).getCell(col("Số hộ gia đình đang cư trú")).value).toBeNull();
    expect(html).toContain("200 (chưa đủ các thôn)");
  });

  it("a reason typed for \"Lý do khác\" is in the XLSX and the page, beside the listed ones", () => {
    const sheet = xlsx.getWorksheet("Phát thanh")!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(["Thôn", "Số buổi tuyên truyền phòng, chống ma túy trong tháng", "Bản tin đã gửi", "Đã phát", "Chưa phát được (lý do)"]);
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(row(2)).toEqual(["Thôn Thượng Phú", 2, 2, 2, ""]);
    const tanHoa = row(3);
    expect(tanHoa.slice(0, 4)).toEqual(["Thôn Tân Hòa", 0, 2, 0]);
    expect(String(tanHoa[4]).split("; ").sort()).toEqual([`Lý do khác (gõ chữ): 1 (“${TYPED_REASON}”)`, "Mất điện: 1"]);
    // Villages without a head received nothing, so they answered nothing.
    expect(row(4)).toEqual(["Thôn Phú Lộc", null, 0, 0, ""].map((x) => (x === null ? undefined : x)));
    expect(html).toContain(`Lý do khác (gõ chữ): 1 (“${TYPED_REASON}”)`);
  });

  it("the page's coverage column holding session counts is named after them, not \"Thôn được tuyên truyền\"", () => {
    const section = html.slice(html.indexOf("IV. Phát thanh, tuyên truyền"), html.indexOf("V. Xu hướng 6 tháng"));
    expect(section).toContain("<th>Thôn</th><th>Số buổi tuyên truyền phòng, chống ma túy trong tháng</th><th>Bản tin đã gửi</th>");
    expect(section).not.toContain("Thôn được tuyên truyền");
    expect(section).toMatch(/<td>Thôn Thượng Phú<\/td><td class="n">2<\/td><td class="n">2<\/td><td class="n">2<\/td>/);
  });

  it("months before the commune's first record are not counted as 0, in the XLSX, the page and the chart", () => {
    const sheet = xlsx.getWorksheet("Xu hướng")!;
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    // Rows 2–5: four months before last month's figures, the first record; 6 and 7: last month and this.
    for (let n = 2; n <= 5; n++) expect(row(n)).toEqual([formatMonthVN(addMonths(month, n - 7)), "chưa có trên hệ thống"]);
    expect(row(6)).toEqual([formatMonthVN(addMonths(month, -1)), 0, 0, 4, 1, expect.any(Number), expect.any(Number)]);
    // This month: Thượng Phú held sessions and broadcast; Tân Hòa neither.
    expect(row(7).slice(0, 5)).toEqual([formatMonthVN(month), 0, 1, 4, 2]);
    const trend = html.slice(html.indexOf("V. Xu hướng 6 tháng"));
    expect(trend.match(/chưa có trên hệ thống/g)).toHaveLength(4);
    expect(trend).not.toContain(`<td>${formatMonthVN(addMonths(month, -5))}</td><td class="n">0</td>`);
    // The chart: bars and points only for the two recorded months.
    const svg = html.slice(html.indexOf("<svg"), html.indexOf("</svg>"));
    expect(svg.match(/<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="[\d.]+" fill="#c0392b" opacity="0.85"\/>/g)).toHaveLength(2);
    expect(svg.match(/<circle /g)).toHaveLength(4);
  });

  it("/thongke names the villages with no village head to receive bulletins beside \"2/2 đã phát\"", async () => {
    const out = texts(await leader.say("/thongke"));
    expect(out).toContain("Phát thanh: 2/4 bản tin đã phát");
    expect(out).toContain("  2/4 thôn chưa có trưởng thôn đăng ký nhận bản tin, nên chưa nhận được bản tin nào: Thôn Phú Lộc, Thôn Trung Sơn");
  });

  it("/bieudo without a renderer says which months are not recorded", async () => {
    h.deps.compliance = defaultComplianceDeps();
    const out = texts(await leader.say("/bieudo"));
    expect(out).toContain(`${formatMonthVN(addMonths(month, -5))}: chưa có trên hệ thống`);
    expect(out).toContain(`${formatMonthVN(addMonths(month, -1))}: Tin báo 0`);
    h.deps.compliance = defaultComplianceDeps({ renderers: createNodeReportRenderers() });
  });
});
