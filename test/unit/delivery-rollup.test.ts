// Rolled-up deliveries count as the rows they replace (issue 19): tallies and rows fold into the same
// coverage figures; a period reads tallies only for the Vietnam months wholly inside it.
import { describe, expect, it } from "vitest";
import { summarizeDeliveries, tallyFact, wholeMonthsWithin, type DeliveryFact } from "../../src/bulletins/coverage.js";
import { firstKeptMonth } from "../../src/bulletins/rollup.js";
import { monthRange } from "../../src/util/vietnam-time.js";

const villages = [
  { id: 1, code: "V1", name: "Thôn Một" },
  { id: 2, code: "V2", name: "Thôn Hai" },
  { id: 3, code: "V3", name: "Thôn Ba" },
];

/** Groups rows as the rollup's SQL does: by village, status, reason and text. */
function tallied(rows: DeliveryFact[]): DeliveryFact[] {
  const groups = new Map<string, { villageId: number; status: string; reason: string; reasonText: string; tally: number }>();
  for (const r of rows) {
    const key = JSON.stringify([r.villageId, r.status, r.reason ?? "", r.reasonText ?? ""]);
    const g = groups.get(key) ?? { villageId: r.villageId, status: r.status, reason: r.reason ?? "", reasonText: r.reasonText ?? "", tally: 0 };
    g.tally++;
    groups.set(key, g);
  }
  return [...groups.values()].map(tallyFact);
}

const row = (villageId: number, status: string, reason: string | null = null, reasonText: string | null = null): DeliveryFact => ({ villageId, status, reason, reasonText });

describe("tallies fold into the same coverage as rows", () => {
  it.each<[string, DeliveryFact[]]>([
    ["nothing", []],
    ["all broadcast", [row(1, "broadcast"), row(1, "broadcast"), row(2, "broadcast")]],
    ["no head", [row(3, "no_head"), row(3, "no_head")]],
    ["mixed with reasons", [row(1, "broadcast"), row(1, "not_broadcast", "power"), row(1, "not_broadcast", "power"), row(2, "pending"), row(2, "not_broadcast", "speaker")]],
    ["other reasons with text", [row(2, "not_broadcast", "other", "Loa hỏng dây"), row(2, "not_broadcast", "other", "Loa hỏng dây"), row(2, "not_broadcast", "other", "Họp thôn")]],
    ["a reason missing (old rows)", [row(1, "not_broadcast"), row(1, "not_broadcast", "other")]],
  ])("%s", (_name, rows) => {
    const fromRows = summarizeDeliveries(villages, rows);
    const fromTallies = summarizeDeliveries(villages, tallied(rows));
    const normal = (list: typeof fromRows) => list.map((v) => ({ ...v, otherReasons: [...v.otherReasons].sort() }));
    expect(normal(fromTallies)).toEqual(normal(fromRows));
    // Half rolled up, half still rows: the same again.
    const half = Math.floor(rows.length / 2);
    expect(normal(summarizeDeliveries(villages, [...tallied(rows.slice(0, half)), ...rows.slice(half)]))).toEqual(normal(fromRows));
  });
});

describe("months wholly inside a period", () => {
  const june = monthRange("2026-06");
  it.each<[string, Date, Date, string[]]>([
    ["one month", june.start, june.end, ["2026-06"]],
    ["a week inside it", new Date(june.start.getTime() + 7 * 86_400_000), new Date(june.start.getTime() + 14 * 86_400_000), []],
    ["a year", monthRange("2026-01").start, monthRange("2026-12").end, ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"]],
    ["a month and a day", june.start, new Date(june.end.getTime() + 86_400_000), ["2026-06"]],
    ["from a UTC midnight (7 hours after Vietnam's)", new Date(Date.UTC(2026, 5, 1)), monthRange("2026-07").end, ["2026-07"]],
    ["empty", june.end, june.start, []],
  ])("%s", (_name, start, end, months) => {
    expect(wholeMonthsWithin(start, end)).toEqual(months);
  });
});

describe("the first month kept as rows", () => {
  it.each<[string, number, string]>([
    ["2027-12-10T03:00:00Z", 13, "2026-11"],
    ["2027-01-01T00:00:00Z", 13, "2025-12"], // 07:00 on 1 January in Vietnam: January already
    ["2026-12-31T18:00:00Z", 13, "2025-12"], // 01:00 on 1 January 2027 in Vietnam
    ["2026-06-15T00:00:00Z", 1, "2026-05"],
  ])("at %s after %i months: %s", (now, months, kept) => {
    expect(firstKeptMonth(new Date(now), months)).toBe(kept);
  });
});
