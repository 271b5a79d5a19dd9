// A review period's report as the files staff download: the spreadsheet (with the chart inside),
// the printable page and the chart. One builder for the chat's /baocao and the console.
import type { Db } from "../db/client.js";
import type { CommuneRef, ComplianceDeps } from "../compliance/service.js";
import type { ReviewPeriod } from "../compliance/periods.js";
import { messagesFor } from "../i18n/messages.js";
import { buildPeriodReport } from "./model.js";
import { renderReportHtml } from "./html.js";
import { trendChartSvg } from "./chart.js";

export interface ReportFiles {
  /** "tháng 11/2026", "quý IV/2026 (đến tháng 11/2026)"… */
  label: string;
  /** The file name without its extension. */
  stem: string;
  dueDate: Date;
  html: Uint8Array;
  svg: string;
  /** Only where the runtime renders files (Node): null on Workers. */
  xlsx: Uint8Array | null;
  png: Uint8Array | null;
}

export async function periodReportFiles(db: Db, deps: ComplianceDeps, commune: CommuneRef, period: ReviewPeriod, now: Date): Promise<ReportFiles> {
  const t = messagesFor("vi");
  const report = await buildPeriodReport(db, deps, commune, period, now);
  const label = report.periodLabel;
  const svg = trendChartSvg(report.trend, `${period.kind === "month" ? t.compliance.report.chartTitle : label} — ${t.data.commune(commune.name)}`);
  const html = new TextEncoder().encode(renderReportHtml(report, svg));
  const png = deps.renderers ? await deps.renderers.png(svg) : null;
  const xlsx = deps.renderers && png ? await deps.renderers.xlsx(report, png) : null;
  return { label, stem: t.compliance.report.fileStem(commune.code, period.key), dueDate: report.dueDate, html, svg, xlsx, png };
}
