// The tip register as a spreadsheet (exceljs, Node only, as the monthly report): one row per tip,
// dates as dd/mm/yyyy hh:mm in Vietnam wall-clock time, days overdue as a number; a second sheet
// says which commune, period and filters, and how overdue days are counted.
import ExcelJS from "exceljs";
import { vietnamWallClock } from "../util/vietnam-time.js";
import { categoryLabel } from "../tips/categories.js";
import { sourceLabel } from "../tips/sources.js";
import type { RegisterMeta, RegisterRow } from "../tips/register.js";
import { deadlineRules } from "../tips/deadlines.js";
import { vi } from "../i18n/vi.js";
import { viIntake } from "../i18n/vi-intake.js";

const t = viIntake.register;

const DATE_TIME = "dd/mm/yyyy hh:mm";

export async function renderRegisterXlsx(meta: RegisterMeta, rows: RegisterRow[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = viIntake.register.title;
  wb.created = meta.generatedAt;
  const ws = wb.addWorksheet(t.sheet);
  ws.columns = t.columns.map((header, i) => ({ header, width: [6, 18, 17, 17, 17, 16, 40, 20, 28, 12, 30, 24][i] ?? 16 }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { vertical: "middle", wrapText: true };
  ws.views = [{ state: "frozen", ySplit: 1 }];
  rows.forEach((r, i) => {
    const row = ws.addRow([
      i + 1,
      r.caseNumber,
      vietnamWallClock(r.receivedAt),
      r.takenAt ? vietnamWallClock(r.takenAt) : null,
      r.closedAt ? vietnamWallClock(r.closedAt) : null,
      vi.status[r.status] ?? r.status,
      categoryLabel(r.category),
      r.villageName ?? t.unknownVillage,
      sourceLabel(r.source),
      r.overdueDays,
      r.result,
      r.officer,
    ]);
    for (const col of [3, 4, 5]) row.getCell(col).numFmt = DATE_TIME;
    row.alignment = { vertical: "top", wrapText: true };
  });

  const info = wb.addWorksheet(t.infoSheet);
  info.columns = [{ width: 22 }, { width: 90 }];
  info.addRow([t.title]).font = { bold: true };
  info.addRow([t.commune, meta.communeName]);
  info.addRow([t.period, meta.periodText]);
  info.addRow([t.filters, meta.filters.length > 0 ? meta.filters.join("; ") : t.noFilters]);
  info.addRow([t.total, rows.length]);
  const generated = info.addRow([t.generated, vietnamWallClock(meta.generatedAt)]);
  generated.getCell(2).numFmt = DATE_TIME;
  info.addRow([]);
  info.addRow([t.overdueRule(deadlineRules.verifyDays)]);
  info.addRow([t.privacy]);

  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
