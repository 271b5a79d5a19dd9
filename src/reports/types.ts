// The monthly report as plain data, and what renders it into files. Types only: the builder is
// model.ts (it calls the compliance service; the service's deps name the renderers).
import { type MonthKey } from "../util/vietnam-time.js";
import type { FigureField } from "../compliance/fields.js";
import type { TipStats } from "../compliance/tipstats.js";
import type { CommuneMonth, CommuneRef, TrendPoint } from "../compliance/types.js";
import type { VillageRecognition } from "../compliance/types.js";
import type { ReviewPeriod } from "../compliance/periods.js";
import type { RegisterMeta, RegisterRow } from "../tips/register.js";
import type { UnitMonth } from "../compliance/unit-figures.js";

export interface MonthlyReport {
  commune: CommuneRef;
  /** The month reported, or the last month begun of a longer period. */
  month: MonthKey;
  period: ReviewPeriod;
  /** "tháng 11/2026", "quý IV/2026 (đến tháng 11/2026)"… */
  periodLabel: string;
  generatedAt: Date;
  dueDate: Date;
  fields: FigureField[];
  data: CommuneMonth;
  tips: TipStats;
  villageNames: Record<number, string>;
  trend: TrendPoint[];
  /** The villages against the "thôn, khu phố không ma túy" set, when the province has one. */
  recognition: { setName: string; villages: VillageRecognition[] } | null;
  /** The commune's reporting units over the period (flows summed, stocks the latest), every unit listed. */
  units: UnitMonth[];
  /** The units' figures, once each (a figure shared by units is one column). */
  unitColumns: FigureField[];
}

/** Files only some runtimes can make (Node: exceljs, resvg-wasm). Without them, reports are HTML only. */
export interface ReportRenderers {
  xlsx(report: MonthlyReport, chartPng?: Uint8Array): Promise<Uint8Array>;
  png(svg: string): Promise<Uint8Array>;
  /** The tip register (src/reports/register-xlsx.ts). */
  register?(meta: RegisterMeta, rows: RegisterRow[]): Promise<Uint8Array>;
}
