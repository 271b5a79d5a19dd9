// Old bulletin deliveries rolled up (issue 19). A delivery row (village × slot) is the evidence for
// coverage; after `rollUpAfterMonths` (rollup.json) only its counts matter, so a commune's month of
// rows becomes tallies per village, status, reason and "other" text (DeliveryTally) and the rows are
// deleted, both in one transaction. Coverage (./coverage.ts) reads tallies for whole months and rows
// for the rest, so every figure is the same before and after.
import type { Db } from "../db/client.js";
import { sql, sqlDate, sqlOf, dateOf } from "../db/sql.js";
import { addMonths, monthOf, monthRange, type MonthKey } from "../util/vietnam-time.js";
import settings from "./rollup.json" with { type: "json" };

export const DELIVERY_ROLLUP = { rollUpAfterMonths: settings.rollUpAfterMonths, groupsPerRun: settings.groupsPerRun };

/** The first Vietnam month whose deliveries are still kept as rows. */
export function firstKeptMonth(now: Date, afterMonths: number): MonthKey {
  return addMonths(monthOf(now), -afterMonths);
}

const SLOTS_OF = `SELECT "id" FROM "BulletinSlot" WHERE "communeId" = ? AND "scheduledAt" >= ? AND "scheduledAt" < ?`;

/**
 * Rolls up the oldest (commune, month) groups of rows before the kept months, at most
 * `groupsPerRun` per call (two statements each: the sweep stays within D1's budget). The oldest is
 * the delivery of the lowest slot id, read from the (slotId, villageId) index: slots are made when
 * they fall due, so their ids follow their times. Returns the groups rolled up.
 */
export async function rollUpDeliveries(db: Db, now: Date, opts: Partial<typeof DELIVERY_ROLLUP> = {}): Promise<number> {
  const { rollUpAfterMonths, groupsPerRun } = { ...DELIVERY_ROLLUP, ...opts };
  const kept = firstKeptMonth(now, rollUpAfterMonths);
  const hot = sqlOf(db);
  let groups = 0;
  while (groups < groupsPerRun) {
    const { rows } = await hot.run(
      sql(`SELECT s."communeId" AS "communeId", s."scheduledAt" AS "at" FROM "BulletinDelivery" d JOIN "BulletinSlot" s ON s."id" = d."slotId" ORDER BY d."slotId" LIMIT 1`),
    );
    const oldest = rows[0];
    if (!oldest) break;
    const month = monthOf(dateOf(oldest.at));
    if (month >= kept) break;
    const { start, end } = monthRange(month);
    const args = [Number(oldest.communeId), sqlDate(start), sqlDate(end)];
    await hot.batch([
      sql(
        `INSERT INTO "DeliveryTally" ("villageId", "month", "status", "reason", "reasonText", "tally")
         SELECT "villageId", ?, "status", COALESCE("reason", ''), COALESCE("reasonText", ''), COUNT(*) FROM "BulletinDelivery"
         WHERE "slotId" IN (${SLOTS_OF}) GROUP BY "villageId", "status", COALESCE("reason", ''), COALESCE("reasonText", '')
         ON CONFLICT ("villageId", "month", "status", "reason", "reasonText") DO UPDATE SET "tally" = "tally" + excluded."tally"`,
        month,
        ...args,
      ),
      sql(`DELETE FROM "BulletinDelivery" WHERE "slotId" IN (${SLOTS_OF})`, ...args),
    ]);
    groups++;
  }
  return groups;
}
