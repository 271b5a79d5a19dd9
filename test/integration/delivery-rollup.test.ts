// Old bulletin deliveries rolled up (issue 19), over a real SQLite file: two years of slots and
// deliveries of Hồng Lộc's villages; the rollup turns every commune month older than the kept 13
// into tallies and deletes its rows, in groups, as the sweep runs it; the coverage of every month,
// of a whole year and of a recent week is the same before and after, and a late row for a rolled-up
// month is added to its tallies, not lost.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../helpers/harness.js";
import { coverageBetween, villageCoverage, type CommuneCoverage } from "../../src/bulletins/coverage.js";
import { rollUpDeliveries } from "../../src/bulletins/rollup.js";
import { sweep } from "../../bots/core/work/sweep.js";
import { addMonths, monthRange, type MonthKey } from "../../src/util/vietnam-time.js";

let h: Harness;
let communeId: number;
let otherCommuneId: number;
const NOW = new Date("2027-12-10T03:00:00Z");
const MONTHS: MonthKey[] = Array.from({ length: 24 }, (_, i) => addMonths("2026-01", i));
const REASONS = ["speaker", "power", "other"] as const;

/** A deterministic mix of answers per village and slot. */
function answer(v: number, s: number): { status: string; reason?: string; reasonText?: string } {
  const k = (v * 7 + s * 3) % 10;
  if (k < 5) return { status: "broadcast" };
  if (k < 7) {
    const reason = REASONS[(v + s) % 3]!;
    return { status: "not_broadcast", reason, ...(reason === "other" ? { reasonText: s % 2 ? "Họp thôn trùng giờ" : "Loa mượn cho đám cưới" } : {}) };
  }
  if (k < 9) return { status: "pending" };
  return { status: "no_head" };
}

/** Slots made month by month, commune after commune, as the scheduler makes them when they fall due. */
async function seed(communes: Array<{ id: number; villageIds: number[] }>) {
  for (const month of MONTHS) for (const { id: commune, villageIds } of communes) {
    const { start } = monthRange(month);
    // Twice a week, about: eight slots a month.
    for (let s = 0; s < 8; s++) {
      const scheduledAt = new Date(start.getTime() + (s * 3.5 + 0.25) * 86_400_000);
      const slot = await h.db.bulletinSlot.create({ data: { communeId: commune, scheduledAt, status: "sent" } });
      await h.db.bulletinDelivery.createMany({
        data: villageIds.map((villageId, v) => ({ slotId: slot.id, villageId, languages: "vie", remindAt: scheduledAt, ...answer(v, s + month.charCodeAt(6)) })),
      });
    }
  }
}

const figures = (c: CommuneCoverage) => ({ ...c, villages: c.villages.map((v) => ({ ...v, otherReasons: [...v.otherReasons].sort() })) });

async function snapshot() {
  const monthly = [];
  for (const m of MONTHS) monthly.push(figures(await villageCoverage(h.db, communeId, m)));
  const year2026 = figures(await coverageBetween(h.db, communeId, monthRange("2026-01").start, monthRange("2026-12").end));
  const recentWeek = figures(await coverageBetween(h.db, communeId, new Date("2027-11-02T00:00:00Z"), new Date("2027-11-09T00:00:00Z")));
  const other = figures(await villageCoverage(h.db, otherCommuneId, "2026-03"));
  return { monthly, year2026, recentWeek, other };
}

beforeAll(async () => {
  h = await createHarness();
  h.clock.now = NOW;
  const communes = await h.db.commune.findMany({ include: { villages: { select: { id: true } } }, orderBy: { id: "asc" } });
  const hongloc = communes.find((c) => c.code === "HONGLOC")!;
  const other = communes.find((c) => c.id !== hongloc.id && c.villages.length > 0)!;
  communeId = hongloc.id;
  otherCommuneId = other.id;
  await seed([hongloc, other].map((c) => ({ id: c.id, villageIds: c.villages.map((v) => v.id) })));
}, 120_000);
afterAll(async () => h.close());

describe("rolling up deliveries older than 13 months", () => {
  it("gives the same coverage before and after, for months, a year and a recent week", async () => {
    const before = await snapshot();
    expect(before.monthly[0]!.villages.some((v) => v.delivered > 0 && v.notBroadcast > 0 && v.noAnswer > 0)).toBe(true);
    expect(before.monthly.some((m) => m.villages.some((v) => v.otherReasons.length > 0 && v.noHead > 0))).toBe(true);
    const rowsBefore = await h.db.bulletinDelivery.count();

    // In groups of three (commune, month), as many sweeps would.
    let runs = 0;
    while ((await rollUpDeliveries(h.db, NOW, { groupsPerRun: 3 })) > 0) runs++;
    // 2026-01 … 2026-10 of two communes: 20 groups.
    expect(runs).toBe(7);
    expect(await rollUpDeliveries(h.db, NOW)).toBe(0);

    const kept = monthRange("2026-11").start;
    expect(await h.db.bulletinDelivery.count({ where: { slot: { scheduledAt: { lt: kept } } } })).toBe(0);
    const left = await h.db.bulletinDelivery.count();
    expect(left).toBeGreaterThan(0);
    // 14 of the 24 months stay rows.
    expect(left).toBe((rowsBefore * 14) / 24);
    expect(await h.db.deliveryTally.count({ where: { month: "2026-10" } })).toBeGreaterThan(0);
    expect(await h.db.deliveryTally.count({ where: { month: "2026-11" } })).toBe(0);

    expect(await snapshot()).toEqual(before);
  });

  it("adds a late row of a rolled-up month to its tallies at the next sweep", async () => {
    const village = (await h.db.village.findFirstOrThrow({ where: { communeId }, orderBy: { code: "asc" } })).id;
    const slot = await h.db.bulletinSlot.findFirstOrThrow({ where: { communeId, scheduledAt: { gte: monthRange("2026-03").start, lt: monthRange("2026-03").end } } });
    // A delivery row for an old slot arriving late (another village's, say, imported after the fact).
    const extraVillage = await h.db.village.create({ data: { code: "HL-LATE", name: "Thôn Mới", communeId } });
    const before = await villageCoverage(h.db, communeId, "2026-03");
    await h.db.bulletinDelivery.create({ data: { slotId: slot.id, villageId: extraVillage.id, status: "not_broadcast", reason: "power", languages: "vie", remindAt: slot.scheduledAt } });
    const withRow = await villageCoverage(h.db, communeId, "2026-03");
    expect(withRow.villages.find((v) => v.villageId === extraVillage.id)).toMatchObject({ delivered: 1, notBroadcast: 1, reasons: { power: 1 } });
    await sweep(h.deps);
    expect(await h.db.bulletinDelivery.count({ where: { slotId: slot.id } })).toBe(0);
    expect(await villageCoverage(h.db, communeId, "2026-03")).toEqual(withRow);
    expect(before.villages.find((v) => v.villageId === village)).toEqual(withRow.villages.find((v) => v.villageId === village));
  });
});
