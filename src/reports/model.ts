// The monthly report as plain data: what the XLSX, the HTML page and the chart are made from.
import type { Db } from "../db/client.js";
import { FIGURE_FIELDS } from "../compliance/fields.js";
import { communePeriod, communeTrend, tipStatsBetween, villageRecognition, type CommuneRef, type ComplianceDeps } from "../compliance/service.js";
import { monthsBegun, periodLabel, type ReviewPeriod } from "../compliance/periods.js";
import { messagesFor } from "../i18n/messages.js";
import { communeUnits } from "../compliance/unit-figures.js";
import { unitColumns } from "../compliance/units.js";
import type { MonthlyReport } from "./types.js";

export type { MonthlyReport };


/**
 * The report of a month, a quarter, six months, a year or a campaign. A month's trend is the six
 * months up to it; a longer period's, its own months begun so far.
 */
export async function buildPeriodReport(db: Db, deps: ComplianceDeps, commune: CommuneRef, period: ReviewPeriod, now: Date): Promise<MonthlyReport> {
  const months = monthsBegun(period, now);
  const last = months.at(-1) ?? period.months[0]!;
  const isMonth = period.kind === "month";
  const [data, tips, trend, units] = await Promise.all([
    communePeriod(db, deps, commune, period, now),
    tipStatsBetween(db, commune.id, period.start, period.end, now),
    communeTrend(db, deps, commune, last, isMonth ? 6 : Math.max(1, months.length)),
    communeUnits(db, commune.id, isMonth || months.length === 0 ? [period.months[0]!] : months),
  ]);
  const words = messagesFor("vi").compliance.period;
  const label = periodLabel(words, period);
  return {
    commune,
    month: data.month,
    period,
    periodLabel: !isMonth && last !== period.months.at(-1) ? words.soFar(label, last) : label,
    generatedAt: now,
    dueDate: period.due,
    fields: FIGURE_FIELDS,
    data,
    tips,
    villageNames: Object.fromEntries(data.villages.map((v) => [v.id, v.name])),
    trend,
    recognition: villageRecognition(deps, data),
    units,
    unitColumns: unitColumns(),
  };
}
