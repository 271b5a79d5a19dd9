// Bulletin coverage as the statistics read it. The real source is the bulletins' records
// (bulletin-coverage.ts); where there are none, coverage is unknown: shown as "no broadcast data",
// never as zero and never made up.
import { type MonthKey } from "../util/vietnam-time.js";
import type { Db } from "../db/client.js";

export interface VillageCoverage {
  villageId: number;
  /** Bulletin slots delivered to the village head in the month. */
  slotsDelivered: number;
  /** Slots the village head confirmed as broadcast ("đã phát"). */
  confirmedBroadcast: number;
  /** Slots not broadcast, by the reason given; with "other", the words the village head typed. */
  notBroadcast: Array<{ reason: string; count: number; texts?: string[] }>;
  /** Aired slots the village could not receive: no village head registered. */
  noHead?: number;
}

export interface CoverageSource {
  /** Per village of the commune for the month, or null when there is no bulletin data at all. */
  villageCoverage(db: Db, communeId: number, month: MonthKey): Promise<VillageCoverage[] | null>;
}

