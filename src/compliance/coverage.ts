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


/** One village's coverage over several months (a quarter, a year): counts added, typed reasons kept. Null when no month has any. */
export function addCoverage(villageId: number, months: Array<VillageCoverage | null | undefined>): VillageCoverage | null {
  const present = months.filter((c): c is VillageCoverage => !!c);
  if (present.length === 0) return null;
  const reasons = new Map<string, { reason: string; count: number; texts?: string[] }>();
  for (const c of present) {
    for (const n of c.notBroadcast) {
      const sum = reasons.get(n.reason) ?? { reason: n.reason, count: 0 };
      sum.count += n.count;
      if (n.texts?.length) sum.texts = [...(sum.texts ?? []), ...n.texts];
      reasons.set(n.reason, sum);
    }
  }
  return {
    villageId,
    slotsDelivered: present.reduce((s, c) => s + c.slotsDelivered, 0),
    confirmedBroadcast: present.reduce((s, c) => s + c.confirmedBroadcast, 0),
    notBroadcast: [...reasons.values()],
    noHead: present.reduce((s, c) => s + (c.noHead ?? 0), 0),
  };
}
