// Coverage: per village and month, bulletins delivered to the village head, confirmed broadcast,
// not broadcast (with reasons). The evidence for "every village hears anti-drug propaganda at least
// monthly" that the compliance statistics read: `villageCoverage(db, communeId, "2026-06")`.
// Deliveries of months long past are kept as tallies (./rollup.ts): a period reads the tallies of
// the whole months it spans and the rows of everything else, so the figures do not change.
import { addMonths, monthOf, monthRange, monthRangeVN, type MonthKey } from "../util/vietnam-time.js";
import type { Db } from "../db/client.js";
import { sql, sqlOf } from "../db/sql.js";

export interface DeliveryFact {
  villageId: number;
  status: string;
  reason: string | null;
  reasonText: string | null;
  /** How many deliveries this fact stands for: 1 for a row, the tally for a rolled-up month. */
  count?: number;
}

export interface VillageCoverage {
  villageId: number;
  code: string;
  name: string;
  /** Slots sent to the village's head(s). */
  delivered: number;
  /** …of which the head confirmed "Đã phát". */
  broadcast: number;
  /** …answered "Chưa phát được". */
  notBroadcast: number;
  /** …not answered (yet). */
  noAnswer: number;
  /** Aired slots the village could not receive: no village head registered. */
  noHead: number;
  /** Reason id → count, for "Chưa phát được". */
  reasons: Record<string, number>;
  /** The free-text reasons given with "other". */
  otherReasons: string[];
  /** Broadcast at least once in the period. */
  reached: boolean;
}

export interface CommuneCoverage {
  communeId: number;
  start: Date;
  end: Date;
  /** Slots of the commune's schedule in the period, by what became of them. */
  slots: { aired: number; missed: number; empty: number };
  villages: VillageCoverage[];
  villagesReached: number;
}

/** Pure: folds deliveries into per-village counts (villages without deliveries get zeros). */
export function summarizeDeliveries(villages: { id: number; code: string; name: string }[], deliveries: DeliveryFact[]): VillageCoverage[] {
  return villages.map((v) => {
    const own = deliveries.filter((d) => d.villageId === v.id);
    const c: VillageCoverage = {
      villageId: v.id,
      code: v.code,
      name: v.name,
      delivered: 0,
      broadcast: 0,
      notBroadcast: 0,
      noAnswer: 0,
      noHead: 0,
      reasons: {},
      otherReasons: [],
      reached: false,
    };
    for (const d of own) {
      const n = d.count ?? 1;
      if (d.status === "no_head") {
        c.noHead += n;
        continue;
      }
      c.delivered += n;
      if (d.status === "broadcast") c.broadcast += n;
      else if (d.status === "not_broadcast") {
        c.notBroadcast += n;
        const reason = d.reason ?? "other";
        c.reasons[reason] = (c.reasons[reason] ?? 0) + n;
        if (d.reasonText) for (let i = 0; i < n; i++) c.otherReasons.push(d.reasonText);
      } else c.noAnswer += n;
    }
    c.reached = c.broadcast > 0;
    return c;
  });
}

/** The Vietnam months wholly inside [start, end): those whose tallies a period reads. */
export function wholeMonthsWithin(start: Date, end: Date): MonthKey[] {
  const months: MonthKey[] = [];
  if (end <= start) return months;
  for (let m = monthOf(start); monthRange(m).start < end; m = addMonths(m, 1)) {
    const range = monthRange(m);
    if (range.start >= start && range.end <= end) months.push(m);
  }
  return months;
}

/** A rolled-up tally as the facts it stands for. */
export function tallyFact(t: { villageId: number; status: string; reason: string; reasonText: string; tally: number }): DeliveryFact {
  return { villageId: t.villageId, status: t.status, reason: t.reason === "" ? null : t.reason, reasonText: t.reasonText === "" ? null : t.reasonText, count: t.tally };
}

/** The commune's rolled-up tallies of the whole months in [start, end) (a range of months: three parameters, whatever the villages). */
async function talliesWithin(db: Db, communeId: number, start: Date, end: Date) {
  const months = wholeMonthsWithin(start, end);
  if (months.length === 0) return [];
  const { rows } = await sqlOf(db).run(
    sql(
      `SELECT "villageId", "status", "reason", "reasonText", "tally" FROM "DeliveryTally"
       WHERE "month" >= ? AND "month" <= ? AND "villageId" IN (SELECT "id" FROM "Village" WHERE "communeId" = ?) ORDER BY "id"`,
      months[0]!,
      months[months.length - 1]!,
      communeId,
    ),
  );
  return rows.map((r) => ({ villageId: Number(r.villageId), status: String(r.status), reason: String(r.reason), reasonText: String(r.reasonText), tally: Number(r.tally) }));
}

/** Coverage of a commune's villages over [start, end) by slot time. */
export async function coverageBetween(db: Db, communeId: number, start: Date, end: Date): Promise<CommuneCoverage> {
  const villages = await db.village.findMany({ where: { communeId }, orderBy: { code: "asc" }, select: { id: true, code: true, name: true } });
  const slotWhere = { communeId, scheduledAt: { gte: start, lt: end } };
  const bySlotStatus = await db.bulletinSlot.groupBy({ by: ["status"], where: slotWhere, _count: { _all: true } });
  const count = (statuses: string[]) => bySlotStatus.filter((s) => statuses.includes(s.status)).reduce((n, s) => n + s._count._all, 0);
  const deliveries = await db.bulletinDelivery.findMany({
    where: { slot: slotWhere },
    select: { villageId: true, status: true, reason: true, reasonText: true },
  });
  const list = summarizeDeliveries(villages, [...(await talliesWithin(db, communeId, start, end)).map(tallyFact), ...deliveries]);
  return {
    communeId,
    start,
    end,
    slots: { aired: count(["sending", "sent"]), missed: count(["missed"]), empty: count(["empty"]) },
    villages: list,
    villagesReached: list.filter((v) => v.reached).length,
  };
}

/** Per village for a Vietnam month "YYYY-MM". Throws on a malformed month. */
export async function villageCoverage(db: Db, communeId: number, month: string): Promise<CommuneCoverage> {
  const range = monthRangeVN(month);
  if (!range) throw new Error(`month must be YYYY-MM, got "${month}"`);
  return coverageBetween(db, communeId, range.start, range.end);
}
