// The monthly report as plain data: what the XLSX, the HTML page and the chart are made from.
import { type MonthKey, monthRange } from "../util/vietnam-time.js";
import type { Db } from "../db/client.js";
import { FIGURE_FIELDS } from "../compliance/fields.js";
import { communeMonth, communeTrend, tipStatsFor, villageRecognition, type CommuneRef, type ComplianceDeps } from "../compliance/service.js";
import type { MonthlyReport } from "./types.js";

export type { MonthlyReport };


/** The day the report is due: `dueDay` of the reported month, as the plans say ("trước ngày 25 hằng tháng"). */
export function dueDateOf(month: MonthKey, dueDay: number): Date {
  const { start } = monthRange(month);
  return new Date(start.getTime() + (dueDay - 1) * 86_400_000);
}

export async function buildMonthlyReport(db: Db, deps: ComplianceDeps, commune: CommuneRef, month: MonthKey, now: Date): Promise<MonthlyReport> {
  const [data, tips, trend] = await Promise.all([
    communeMonth(db, deps, commune, month),
    tipStatsFor(db, commune.id, month),
    communeTrend(db, deps, commune, month, 6),
  ]);
  return {
    commune,
    month,
    generatedAt: now,
    dueDate: dueDateOf(month, deps.reportDueDay),
    fields: FIGURE_FIELDS,
    data,
    tips,
    villageNames: Object.fromEntries(data.villages.map((v) => [v.id, v.name])),
    trend,
    recognition: villageRecognition(deps, data),
  };
}
