// The readable monthly report: one printable HTML page (A4), Vietnamese text and numbers, the
// chart embedded as SVG. Pure string building, every value escaped.
import { formatDateTimeVN, formatDateVN, formatMonthVN } from "../util/vietnam-time.js";
import { formatNumberVN, formatPercentVN } from "../compliance/month.js";
import { categoryLabel } from "../tips/categories.js";
import { sourceLabel } from "../tips/sources.js";
import { viIntake } from "../i18n/vi-intake.js";
import { vi } from "../i18n/vi.js";
import { viCompliance as t } from "../i18n/vi-compliance.js";
import { figureLabel, missingText, notBroadcastText, recognitionReason, requiredText, valueText } from "./describe.js";
import type { MonthlyReport } from "./model.js";
import { viUnits } from "../i18n/vi-units.js";
import { unitTotals } from "../compliance/units.js";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** "Số liệu các ban, ngành, đoàn thể": a row per unit and the total row, as the spreadsheet's sheet. */
function unitsSection(r: MonthlyReport, h: (s: string) => void): void {
  const u = viUnits.report;
  const columns = r.unitColumns;
  const period = r.period.kind !== "month";
  h(`<h2>${esc(u.section)}</h2><p>${esc(u.reportedOf(r.units.filter((x) => x.figures).length, r.units.length))}.</p>`);
  h(`<div class="wide"><table><tr><th>${esc(u.colUnit)}</th>${columns.map((f) => `<th>${esc(f.label)}</th>`).join("")}${period ? `<th>${esc(t.period.monthsReported)}</th>` : ""}</tr>`);
  for (const x of r.units) {
    const cells = columns.map((f) => {
      if (!x.unit.fields.some((g) => g.id === f.id)) return `<td></td>`;
      const value = x.figures?.values[f.id];
      return `<td class="n">${value === undefined ? esc(u.missing) : formatNumberVN(value)}</td>`;
    });
    h(`<tr><td>${esc(x.unit.name)}</td>${cells.join("")}${period ? `<td class="n">${x.monthsReported ?? 0}/${r.trend.length}</td>` : ""}</tr>`);
  }
  const totals = unitTotals(r.units.map((x) => ({ unit: x.unit, values: x.figures?.values ?? null })), columns);
  h(`<tr><th>${esc(t.report.total)}</th>${columns.map((f) => `<td class="n"><b>${esc(totals[f.id]!.complete ? formatNumberVN(totals[f.id]!.sum) : u.partial(formatNumberVN(totals[f.id]!.sum)))}</b></td>`).join("")}${period ? "<td></td>" : ""}</tr>`);
  h(`</table></div>`);
}

export function renderReportHtml(r: MonthlyReport, chartSvg: string): string {
  const d = r.data;
  const rows: string[] = [];
  const h = (s: string) => rows.push(s);
  h(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`);
  h(`<title>${esc(t.report.heading(r.commune.name, r.commune.provinceName))} — ${esc(r.periodLabel)}</title>`);
  h(`<style>
    @page { size: A4; margin: 15mm; }
    body { font-family: "Be Vietnam Pro", "Noto Sans", Arial, sans-serif; color: #1a1a1a; font-size: 13px; max-width: 1000px; margin: 0 auto; padding: 12px; }
    h1 { font-size: 18px; text-align: center; margin: 4px 0; } h2 { font-size: 15px; margin-top: 22px; border-bottom: 1px solid #999; }
    .sub { text-align: center; color: #444; } table { border-collapse: collapse; width: 100%; margin: 6px 0; }
    th, td { border: 1px solid #bbb; padding: 3px 6px; vertical-align: top; } th { background: #f0f0f0; }
    td.n { text-align: right; white-space: nowrap; } td.met, td.not_met, td.unknown { white-space: nowrap; } .met { color: #1e8449; } .not_met { color: #c0392b; } .unknown { color: #7d6608; }
    .chart svg { width: 100%; height: auto; } .foot { color: #555; margin-top: 20px; font-size: 12px; }
    .wide { overflow-x: auto; } @media print { .wide { overflow: visible; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
  </style></head><body>`);
  h(`<h1>${esc(t.report.heading(r.commune.name, r.commune.provinceName))}</h1>`);
  h(`<p class="sub">${esc(t.report.subheading(r.periodLabel, formatDateTimeVN(r.generatedAt), formatDateVN(r.dueDate)))}</p>`);
  h(`<p>${esc(t.report.criteriaSet)}: ${esc(d.criteriaSetName)}. ${esc(t.criteria.counts(d.counts.met, d.counts.not_met, d.counts.unknown))}. ${esc(t.summary.reported(d.villages.filter((v) => v.figures).length, d.villages.length))}.</p>`);
  h(`<div class="chart">${chartSvg}</div>`);

  h(`<h2>${esc(t.report.sectionCriteria)}</h2><table><tr><th>#</th><th>${esc(t.report.colCriterion)}</th><th>${esc(t.report.colStatus)}</th><th>${esc(t.report.colValue)}</th><th>${esc(t.report.colRequired)}</th><th>${esc(t.report.colMissing)}</th></tr>`);
  d.results.forEach((c, i) => {
    h(`<tr><td class="n">${i + 1}</td><td>${esc(c.text)}<br><small>${esc(c.source)}</small></td><td class="${c.status}">${t.status[c.status]} ${esc(t.statusWord[c.status]!)}</td><td${c.display === "check" ? "" : ' class="n"'}>${esc(valueText(c))}</td><td>${esc(requiredText(c))}</td><td>${esc(missingText(c, 50))}</td></tr>`);
  });
  h(`</table>`);

  h(`<h2>${esc(t.report.sectionVillages)}</h2><div class="wide"><table><tr><th>${esc(t.report.colItem)}</th>`);
  for (const v of d.villages) h(`<th>${esc(v.name)}</th>`);
  h(`<th>${esc(t.report.total)}</th></tr>`);
  for (const f of r.fields) {
    h(`<tr><td>${esc(f.label)}</td>`);
    let sum = 0;
    let complete = true;
    for (const v of d.villages) {
      const value = v.figures?.values[f.id];
      if (value === undefined) complete = false;
      else sum += value;
      h(`<td class="n">${value === undefined ? t.report.noData : f.kind === "yesno" ? (value ? t.form.yes : t.form.no) : formatNumberVN(value)}</td>`);
    }
    h(`<td class="n">${complete ? formatNumberVN(sum) : esc(t.summary.partial(formatNumberVN(sum)))}</td></tr>`);
  }
  if (r.period.kind !== "month") {
    const months = r.trend.length;
    h(`<tr><td>${esc(t.period.monthsReported)}</td>${d.villages.map((v) => `<td class="n">${v.monthsReported ?? 0}/${months}</td>`).join("")}<td></td></tr>`);
  }
  h(`</table></div>`);

  h(`<h2>${esc(t.report.sectionTips)}</h2>`);
  h(`<p>${esc(t.tips.total(r.tips.total, r.tips.open, r.tips.closed))}. ${esc(t.tips.medianTake(r.tips.medianTakeMinutes))}. ${esc(t.tips.medianClose(r.tips.medianCloseMinutes))}.</p>`);
  h(`<table><tr><th>${esc(t.tips.byStatus)}</th><th>${esc(t.report.colCount)}</th></tr>`);
  for (const [status, n] of Object.entries(r.tips.byStatus)) h(`<tr><td>${esc(vi.status[status] ?? status)}</td><td class="n">${formatNumberVN(n)}</td></tr>`);
  h(`</table><table><tr><th>${esc(t.tips.byCategory)}</th><th>${esc(t.report.colCount)}</th></tr>`);
  for (const c of r.tips.byCategory) h(`<tr><td>${esc(categoryLabel(c.category))}</td><td class="n">${formatNumberVN(c.count)}</td></tr>`);
  h(`</table><table><tr><th>${esc(t.tips.byVillage)}</th><th>${esc(t.report.colCount)}</th></tr>`);
  for (const v of r.tips.byVillage) h(`<tr><td>${esc(v.villageId === null ? t.tips.unknownVillage : (r.villageNames[v.villageId] ?? String(v.villageId)))}</td><td class="n">${formatNumberVN(v.count)}</td></tr>`);
  h(`</table><table><tr><th>${esc(viIntake.stats.bySource)}</th><th>${esc(t.report.colCount)}</th></tr>`);
  for (const s of r.tips.bySource) h(`<tr><td>${esc(sourceLabel(s.source))}</td><td class="n">${formatNumberVN(s.count)}</td></tr>`);
  h(`</table>`);

  h(`<h2>${esc(t.report.sectionCoverage)}</h2>`);
  if (!d.coverageKnown) h(`<p>${esc(t.report.coverageUnknown)}</p>`);
  // The second column holds each village's propaganda sessions, as in the spreadsheet: named after the figure.
  h(`<table><tr><th>${esc(t.report.colVillage)}</th><th>${esc(figureLabel("propaganda_sessions"))}</th><th>${esc(t.report.colDelivered)}</th><th>${esc(t.report.colConfirmed)}</th><th>${esc(t.report.colNotBroadcast)}</th></tr>`);
  for (const v of d.villages) {
    const sessions = v.figures?.values.propaganda_sessions;
    const c = v.coverage;
    h(
      `<tr><td>${esc(v.name)}</td><td class="n">${sessions === undefined ? t.report.noData : formatNumberVN(sessions)}</td><td class="n">${d.coverageKnown ? formatNumberVN(c?.slotsDelivered ?? 0) : t.report.noData}</td><td class="n">${d.coverageKnown ? formatNumberVN(c?.confirmedBroadcast ?? 0) : t.report.noData}</td><td>${esc(notBroadcastText(c))}</td></tr>`,
    );
  }
  h(`</table>`);

  h(`<h2>${esc(t.report.sectionTrend)}</h2><table><tr><th>${esc(t.report.colMonth)}</th><th>${esc(t.report.colTips)}</th><th>${esc(t.report.colReached)}</th><th>${esc(t.report.colReported)}</th><th>${esc(t.report.colCriteriaMet)}</th></tr>`);
  for (const p of r.trend) {
    if (!p.recorded) {
      h(`<tr><td>${esc(formatMonthVN(p.month))}</td><td colspan="4">${esc(t.report.notRecorded)}</td></tr>`);
      continue;
    }
    const pct = p.villages > 0 ? ` (${formatPercentVN(p.villagesReached / p.villages)})` : "";
    h(`<tr><td>${esc(formatMonthVN(p.month))}</td><td class="n">${formatNumberVN(p.tips)}</td><td class="n">${p.villagesReached}/${p.villages}${pct}</td><td class="n">${p.villagesReported}/${p.villages}</td><td class="n">${p.criteriaMet}/${p.criteriaTotal}</td></tr>`);
  }
  h(`</table>`);
  if (r.recognition) {
    h(`<h2>${esc(t.report.sectionRecognition)}</h2><p>${esc(t.report.criteriaSet)}: ${esc(r.recognition.setName)}</p>`);
    h(`<table><tr><th>${esc(t.report.colVillage)}</th><th>${esc(t.report.colRecognition)}</th><th>${esc(t.report.colCriteriaMetOf)}</th><th>${esc(t.report.colReason)}</th></tr>`);
    for (const v of r.recognition.villages) {
      const met = v.results.filter((x) => x.status === "met").length;
      h(`<tr><td>${esc(v.name)}</td><td class="${v.status === "qualifies" ? "met" : v.status === "fails" ? "not_met" : "unknown"}">${esc(t.report.recognitionWord[v.status]!)}</td><td class="n">${esc(t.report.metOf(met, v.results.length))}</td><td>${esc(recognitionReason(v))}</td></tr>`);
    }
    h(`</table>`);
  }
  unitsSection(r, h);
  h(`<p class="foot">${esc(t.report.footer)}</p></body></html>`);
  return rows.join("\n");
}
