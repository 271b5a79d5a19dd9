// The shapes of compliance data (a commune's month, its villages, the trend), apart from the
// functions that compute them (service.ts), so reports can name them without a cycle.
import { type MonthKey } from "../util/vietnam-time.js";
import type { CriterionResult, CriterionStatus, RecognitionStatus } from "./criteria.js";
import type { VillageCoverage } from "./coverage.js";
import type { FigureValues } from "./fields.js";

export interface StoredFigures {
  values: FigureValues;
  version: number;
  source: string;
  updatedAt: Date;
  updatedByStaffId: number | null;
}

export interface CommuneRef {
  id: number;
  code: string;
  name: string;
  provinceId: number;
  provinceCode: string;
  provinceName: string;
}

export interface VillageMonth {
  id: number;
  code: string;
  name: string;
  figures: StoredFigures | null;
  coverage: VillageCoverage | null;
  /** Over a quarter, six months, a year or a campaign: how many of its months the village entered. */
  monthsReported?: number;
}

export interface CommuneMonth {
  commune: CommuneRef;
  month: MonthKey;
  villages: VillageMonth[];
  /** False when no bulletin data exists at all (coverage unknown). */
  coverageKnown: boolean;
  criteriaSetName: string;
  results: CriterionResult[];
  counts: Record<CriterionStatus, number>;
}

export interface TrendPoint {
  month: MonthKey;
  /**
   * False for a month before the commune's first record here (figures, a tip, a bulletin slot or a
   * staff member): nothing is known of it, so it is shown as such, never as zeros.
   */
  recorded: boolean;
  tips: number;
  /** Villages with a propaganda session entered or a bulletin broadcast confirmed, of all villages. */
  villagesReached: number;
  villages: number;
  /** Villages that entered figures. */
  villagesReported: number;
  criteriaMet: number;
  criteriaTotal: number;
}

export interface VillageRecognition {
  villageId: number;
  code: string;
  name: string;
  status: RecognitionStatus;
  /** Whether the village entered figures for the month. */
  reported: boolean;
  /** Every criterion of the village set for this village. */
  results: CriterionResult[];
}
