// Tip statistics as pure counting: statuses, categories, villages, median times.
import { describe, expect, it } from "vitest";
import { median, tipStatistics, type TipStatRow } from "../../src/compliance/tipstats.js";
import { axisMax, niceMax } from "../../src/reports/chart.js";

const t0 = new Date("2026-11-02T01:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const tip = (over: Partial<TipStatRow>): TipStatRow => ({ status: "new", category: "selling", villageId: 1, createdAt: t0, takenAt: null, closedAt: null, ...over });

describe("median", () => {
  it.each([
    [[], null],
    [[5], 5],
    [[9, 1], 5],
    [[3, 1, 2], 2],
    [[10, 1, 4, 7], 5.5],
  ])("%j → %s", (values, expected) => expect(median(values)).toBe(expected));
});

describe("tipStatistics", () => {
  it("counts nothing in an empty month", () => {
    expect(tipStatistics([])).toEqual({ total: 0, open: 0, closed: 0, byStatus: {}, byCategory: [], byVillage: [], bySource: [], medianTakeMinutes: null, medianCloseMinutes: null, byResult: [], overdue: 0 });
  });

  it("counts by status, category and village, largest first, and takes medians over the tips concerned", () => {
    const stats = tipStatistics([
      tip({ status: "new" }),
      tip({ status: "taken", takenAt: at(10) }),
      tip({ status: "verifying", category: "cultivation", villageId: 2, takenAt: at(30) }),
      tip({ status: "done", category: "cultivation", villageId: 2, takenAt: at(50), closedAt: at(600) }),
      tip({ status: "unfounded", category: "other", villageId: null, closedAt: at(120) }),
    ]);
    expect(stats.total).toBe(5);
    expect(stats.open).toBe(3);
    expect(stats.closed).toBe(2);
    expect(stats.byStatus).toEqual({ new: 1, taken: 1, verifying: 1, done: 1, unfounded: 1 });
    expect(stats.byCategory).toEqual([
      { category: "selling", count: 2 },
      { category: "cultivation", count: 2 },
      { category: "other", count: 1 },
    ]);
    expect(stats.byVillage).toEqual([
      { villageId: 1, count: 2 },
      { villageId: 2, count: 2 },
      { villageId: null, count: 1 },
    ]);
    expect(stats.medianTakeMinutes).toBe(30);
    expect(stats.medianCloseMinutes).toBe(360);
  });
});

describe("tipStatistics by result and deadline", () => {
  const day = 24 * 60;
  it.each([
    ["open, its deadline tomorrow", { status: "taken", dueAt: at(day) }, 0],
    ["open, its deadline passed yesterday", { status: "verifying", dueAt: at(-day) }, 1],
    ["closed before its deadline", { status: "done", dueAt: at(2 * day), closedAt: at(day), result: "administrative" }, 0],
    ["closed two days after its deadline", { status: "done", dueAt: at(-3 * day), closedAt: at(-day), result: "administrative" }, 1],
  ] as const)("%s → overdue %i", (_name, over, expected) => {
    // "Now" is t0: the deadlines above are relative to it.
    expect(tipStatistics([tip(over as Partial<TipStatRow>)], t0).overdue).toBe(expected);
  });

  it("counts closed tips by result, largest first; open tips have none", () => {
    const stats = tipStatistics([tip({ status: "done", result: "administrative" }), tip({ status: "unfounded", result: "no_violation" }), tip({ status: "done", result: "administrative" }), tip({})], t0);
    expect(stats.byResult).toEqual([
      { result: "administrative", count: 2 },
      { result: "no_violation", count: 1 },
    ]);
  });
});

describe("tipStatistics by source", () => {
  it.each([
    ["no source given: chat (rows from before sources)", [{}, {}], [{ source: "chat", count: 2 }]],
    [
      "entered tips beside chat ones, largest first",
      [{ source: "tipbox" }, {}, { source: "tipbox" }, { source: "hotline" }, { source: "chat" }, { source: "tipbox" }],
      [
        { source: "tipbox", count: 3 },
        { source: "chat", count: 2 },
        { source: "hotline", count: 1 },
      ],
    ],
  ] as const)("%s", (_name, rows, expected) => {
    expect(tipStatistics(rows.map((r) => tip({ ...r }))).bySource).toEqual(expected);
  });
});

describe("chart axis", () => {
  it.each([
    [0, 1],
    [1, 1],
    [3, 5],
    [7, 10],
    [12, 20],
    [450, 500],
  ])("niceMax(%i) = %i", (value, expected) => expect(niceMax(value)).toBe(expected));
});

describe("tips axis", () => {
  it.each([
    [0, 4],
    [3, 4],
    [7, 8],
    [12, 20],
    [40, 40],
    [41, 80],
  ])("axisMax(%i) = %i: whole-number steps of a quarter", (value, expected) => {
    expect(axisMax(value)).toBe(expected);
    expect(axisMax(value) % 4).toBe(0);
  });
});
