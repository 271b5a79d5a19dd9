// The statistics' view of bulletin coverage, read from the bulletins' own records: per village and
// month, bulletins delivered to the village head, confirmed broadcast, and not broadcast with reasons.
// A month in which the commune had no bulletin slot at all is "no data" (null), never zero.
import { type MonthKey } from "../util/vietnam-time.js";
import type { Db } from "../db/client.js";
import { villageCoverage } from "../bulletins/coverage.js";
import { reasonLabel } from "../bulletins/reasons.js";
import type { CoverageSource, VillageCoverage } from "./coverage.js";

export const bulletinCoverage: CoverageSource = {
  async villageCoverage(db: Db, communeId: number, month: MonthKey): Promise<VillageCoverage[] | null> {
    const commune = await villageCoverage(db, communeId, month);
    if (commune.slots.aired + commune.slots.missed + commune.slots.empty === 0) return null;
    return commune.villages.map((v) => {
      const notBroadcast = Object.entries(v.reasons).map(([id, count]) => ({
        reason: reasonLabel(id) ?? id,
        count,
        ...(id === "other" && v.otherReasons.length > 0 ? { texts: v.otherReasons } : {}),
      }));
      return { villageId: v.villageId, slotsDelivered: v.delivered, confirmedBroadcast: v.broadcast, notBroadcast, noHead: v.noHead };
    });
  },
};
