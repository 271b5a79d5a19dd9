// The monthly report as a spreadsheet (exceljs): one sheet per part, numbers as numbers (the
// viewer's Excel shows them in its locale: 1.234,5 in Vietnamese), dates as dd/mm/yyyy, the
// chart image on the trend sheet. Node only (see README, "Statistics and reports").
import { formatMonthVN, vietnamWallClock } from "../util/vietnam-time.js";
import ExcelJS from "exceljs";
import { categoryLabel } from "../tips/categories.js";
import { sourceLabel } from "../tips/sources.js";
import { viIntake } from "../i18n/vi-intake.js";
import { vi } from "../i18n/vi.js";
import { viCompliance as t } from "../i18n/vi-compliance.js";
import { formatNumberVN } from "../compliance/month.js";
import { figureLabel, missingText, notBroadcastText, recognitionReason, requiredText, valueText } from "./describe.js";
import type { MonthlyReport } from "./model.js";
import { viUnits } from "../i18n/vi-units.js";
import { unitTotals } from "../compliance/units.js";

const u = viUnits.report;

/**
 * "Số liệu các ban, ngành, đoàn thể": one row per unit (its figures; blank where the unit is not
 * asked the figure, "chưa có số liệu" where it did not enter it), then the total row: the sum over
 * the units asked each figure, said to be partial when one of them has no value.
 */
function unitsSheet(wb: ExcelJS.Workbook, r: MonthlyReport, period: boolean): void {
  const sheet = wb.addWorksheet(u.sheet);
  const columns = r.unitColumns;
  header(sheet, [u.colUnit, ...columns.map((f) => f.label), t.report.colVersion, t.report.colUpdated, ...(period ? [t.period.monthsReported] : [])], [30, ...columns.map(() => 14), 8, 16, ...(period ? [14] : [])]);
  sheet.getRow(1).height = 90;
  for (const x of r.units) {
    const values = columns.map((f) => (!x.unit.fields.some((g) => g.id === f.id) ? null : (x.figures?.values[f.id] ?? u.missing)));
    const row = sheet.addRow([x.unit.name, ...values, x.figures?.version ?? null, x.figures ? vnDate(x.figures.updatedAt) : null, ...(period ? [`${x.monthsReported ?? 0}/${r.trend.length}`] : [])]);
    row.getCell(columns.length + 3).numFmt = "dd/mm/yyyy hh:mm";
  }
  const totals = unitTotals(r.units.map((x) => ({ unit: x.unit, values: x.figures?.values ?? null })), columns);
  const row = sheet.addRow([t.report.total, ...columns.map((f) => (totals[f.id]!.complete ? totals[f.id]!.sum : u.partial(formatNumberVN(totals[f.id]!.sum))))]);
  row.font = { bold: true };
}

/** Excel dates have no zone: write the Vietnam wall-clock time. */
const vnDate = vietnamWallClock;

function header(ws: ExcelJS.Worksheet, titles: string[], widths: number[]): void {
  ws.columns = titles.map((title, i) => ({ header: title, width: widths[i] ?? 16 }));
  const row = ws.getRow(1);
  row.font = { bold: true };
  row.alignment = { vertical: "middle", wrapText: true };
  ws.views = [{ state: "frozen", ySplit: 1 }];
}

export async function renderReportXlsx(r: MonthlyReport, chartPng?: Uint8Array): Promise<Uint8Array> {
  const d = r.data;
  const wb = new ExcelJS.Workbook();
  wb.creator = "Pháo Đài";
  wb.created = r.generatedAt;

  const summary = wb.addWorksheet(t.report.sheetSummary);
  header(summary, [t.report.colItem, t.report.colValue], [44, 48]);
  const put = (label: string, value: string | number | Date, numFmt?: string) => {
    const row = summary.addRow([label, value]);
    if (numFmt) row.getCell(2).numFmt = numFmt;
  };
  put(t.report.province, r.commune.provinceName);
  put(t.report.commune, r.commune.name);
  if (r.period.kind === "month") put(t.report.month, formatMonthVN(r.month));
  else put(t.report.period, r.periodLabel);
  put(t.report.generated, vnDate(r.generatedAt), "dd/mm/yyyy hh:mm");
  put(t.report.due, vnDate(r.dueDate), "dd/mm/yyyy");
  put(t.report.criteriaSet, d.criteriaSetName);
  put(`${t.report.criteriaCounts}: ${t.statusWord.met}`, d.counts.met, "#,##0");
  put(`${t.report.criteriaCounts}: ${t.statusWord.not_met}`, d.counts.not_met, "#,##0");
  put(`${t.report.criteriaCounts}: ${t.statusWord.unknown}`, d.counts.unknown, "#,##0");
  put(t.report.villagesReported, d.villages.filter((v) => v.figures).length, "#,##0");
  put(t.report.colVillages, d.villages.length, "#,##0");
  put(u.unitsReported, r.units.filter((x) => x.figures).length, "#,##0");
  put(r.period.kind === "month" ? t.report.tipsTotal : t.report.tipsInPeriod, r.tips.total, "#,##0");
  put(t.report.tipsOpen, r.tips.open, "#,##0");
  if (r.tips.medianTakeMinutes !== null) put(t.report.medianTake, r.tips.medianTakeMinutes / 60, "#,##0.0");
  if (r.tips.medianCloseMinutes !== null) put(t.report.medianClose, r.tips.medianCloseMinutes / 60, "#,##0.0");
  summary.addRow([]);
  summary.addRow([t.report.footer]);

  const criteria = wb.addWorksheet(t.report.sheetCriteria);
  header(criteria, ["#", t.report.colCriterion, t.report.colStatus, t.report.colValue, t.report.colRequired, t.report.colMissing, t.report.colSource], [5, 60, 16, 12, 16, 40, 30]);
  d.results.forEach((c, i) => {
    // A number where there is one; the words where the value is a rule or known only in part.
    const value = c.value !== null && c.display !== "check" ? c.value : c.status === "unknown" && c.display !== "check" ? null : valueText(c);
    const row = criteria.addRow([i + 1, c.text, `${t.status[c.status]} ${t.statusWord[c.status]}`, value, requiredText(c), missingText(c, 50), c.source]);
    row.getCell(4).numFmt = c.display === "percent" ? "0.0%" : "#,##0";
    row.alignment = { vertical: "top", wrapText: true };
  });

  const villages = wb.addWorksheet(t.report.sheetVillages);
  const period = r.period.kind !== "month";
  header(villages, [t.report.colVillageCode, t.report.colVillage, ...r.fields.map((f) => f.label), t.report.colVersion, t.report.colUpdated, ...(period ? [t.period.monthsReported] : [])], [10, 22, ...r.fields.map(() => 14), 8, 16, ...(period ? [14] : [])]);
  villages.getRow(1).height = 90;
  for (const v of d.villages) {
    const values = r.fields.map((f) => v.figures?.values[f.id] ?? null);
    const row = villages.addRow([v.code, v.name, ...values, v.figures?.version ?? null, v.figures ? vnDate(v.figures.updatedAt) : null, ...(period ? [`${v.monthsReported ?? 0}/${r.trend.length}`] : [])]);
    row.getCell(r.fields.length + 4).numFmt = "dd/mm/yyyy hh:mm";
  }
  // As on the printable page: the sum when every village entered the item, else the known part, said so.
  const totals = villages.addRow([
    "",
    t.report.total,
    ...r.fields.map((f) => {
      const sum = d.villages.reduce((s, v) => s + (v.figures?.values[f.id] ?? 0), 0);
      return d.villages.every((v) => v.figures?.values[f.id] !== undefined) ? sum : t.summary.partial(formatNumberVN(sum));
    }),
  ]);
  totals.font = { bold: true };

  unitsSheet(wb, r, period);

  const tips = wb.addWorksheet(t.report.sheetTips);
  header(tips, [t.report.colItem, t.report.colCount], [48, 12]);
  tips.addRow([t.tips.byStatus]).font = { bold: true };
  for (const [status, n] of Object.entries(r.tips.byStatus)) tips.addRow([vi.status[status] ?? status, n]);
  tips.addRow([t.tips.byCategory]).font = { bold: true };
  for (const c of r.tips.byCategory) tips.addRow([categoryLabel(c.category), c.count]);
  tips.addRow([t.tips.byVillage]).font = { bold: true };
  for (const v of r.tips.byVillage) tips.addRow([v.villageId === null ? t.tips.unknownVillage : (r.villageNames[v.villageId] ?? String(v.villageId)), v.count]);
  tips.addRow([viIntake.stats.bySource]).font = { bold: true };
  for (const s of r.tips.bySource) tips.addRow([sourceLabel(s.source), s.count]);
  tips.addRow([r.period.kind === "month" ? t.report.tipsTotal : t.report.tipsInPeriod, r.tips.total]).font = { bold: true };

  const coverage = wb.addWorksheet(t.report.sheetCoverage);
  header(coverage, [t.report.colVillage, figureLabel("propaganda_sessions"), t.report.colDelivered, t.report.colConfirmed, t.report.colNotBroadcast], [24, 22, 14, 12, 40]);
  for (const v of d.villages) {
    const c = v.coverage;
    coverage.addRow([
      v.name,
      v.figures?.values.propaganda_sessions ?? null,
      d.coverageKnown ? (c?.slotsDelivered ?? 0) : null,
      d.coverageKnown ? (c?.confirmedBroadcast ?? 0) : null,
      notBroadcastText(c),
    ]);
  }
  if (!d.coverageKnown) coverage.addRow([t.report.coverageUnknown]);

  const trend = wb.addWorksheet(t.report.sheetTrend);
  header(trend, [t.report.colMonth, t.report.colTips, t.report.colReached, t.report.colVillages, t.report.colReported, t.report.colCriteriaMet, t.report.colCriteriaTotal], [10, 10, 18, 10, 18, 12, 14]);
  for (const p of r.trend) trend.addRow(p.recorded ? [formatMonthVN(p.month), p.tips, p.villagesReached, p.villages, p.villagesReported, p.criteriaMet, p.criteriaTotal] : [formatMonthVN(p.month), t.report.notRecorded]);
  if (chartPng) {
    const image = wb.addImage({ buffer: chartPng as unknown as ExcelJS.Buffer, extension: "png" });
    trend.addImage(image, { tl: { col: 0, row: r.trend.length + 2 }, ext: { width: 800, height: 400 } });
  }

  if (r.recognition) {
    const sheet = wb.addWorksheet(t.report.sheetRecognition);
    header(sheet, [t.report.colVillageCode, t.report.colVillage, t.report.colRecognition, t.report.colCriteriaMetOf, t.report.colReason], [10, 24, 20, 12, 70]);
    for (const v of r.recognition.villages) {
      const row = sheet.addRow([v.code, v.name, t.report.recognitionWord[v.status], t.report.metOf(v.results.filter((x) => x.status === "met").length, v.results.length), recognitionReason(v)]);
      row.alignment = { vertical: "top", wrapText: true };
    }
    sheet.addRow([]);
    sheet.addRow([t.report.criteriaSet, r.recognition.setName]);
  }

  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
