// The villages' ranking and the praise and criticism lists (issue 14), as table-driven pure tests.
import { describe, expect, it } from "vitest";
import { rankVillages, VILLAGE_RANKING_RULES } from "../../src/compliance/village-ranking.js";
import type { CriterionResult, CriterionStatus } from "../../src/compliance/criteria.js";
import type { VillageMonth, VillageRecognition } from "../../src/compliance/types.js";
import { criteriaRegistry } from "../../src/compliance/criteria.js";

/** A village with `statuses` for the first criteria of a made-up list ("c0", "c1"…) or named ones. */
function village(id: number, statuses: Array<CriterionStatus | [string, CriterionStatus]>, opts: { reported?: boolean; sessions?: number; broadcasts?: number } = {}): [VillageRecognition, VillageMonth] {
  const results = statuses.map((s, i) => ({ id: Array.isArray(s) ? s[0] : `c${i}`, status: Array.isArray(s) ? s[1] : s }) as CriterionResult);
  const status = results.some((r) => r.status === "not_met") ? "fails" : results.every((r) => r.status === "met") ? "qualifies" : "unknown";
  const reported = opts.reported ?? true;
  return [
    { villageId: id, code: `V-${id}`, name: `Thôn ${id}`, status, reported, results },
    { id, code: `V-${id}`, name: `Thôn ${id}`, figures: reported ? { values: { propaganda_sessions: opts.sessions ?? 1 }, version: 1, source: "chat", updatedAt: new Date(0), updatedByStaffId: null } : null, coverage: opts.broadcasts === undefined ? null : { villageId: id, slotsDelivered: opts.broadcasts, confirmedBroadcast: opts.broadcasts, notBroadcast: [] } },
  ];
}
const rank = (list: Array<[VillageRecognition, VillageMonth]>) => rankVillages(list.map((x) => x[0]), list.map((x) => x[1]));

describe("rankVillages", () => {
  it.each([
    ["more criteria met first", [village(1, ["met", "unknown"]), village(2, ["met", "met"])], [[2, 1], [1, 2]]],
    ["then fewer failed", [village(1, ["met", "not_met"]), village(2, ["met", "unknown"])], [[2, 1], [1, 2]]],
    ["then more reach", [village(1, ["met"], { sessions: 1 }), village(2, ["met"], { sessions: 1, broadcasts: 3 })], [[2, 1], [1, 2]]],
    ["equal villages share a rank, in code order", [village(2, ["met"]), village(1, ["met"]), village(3, ["unknown"])], [[1, 1], [2, 1], [3, 3]]],
  ] as const)("%s", (_name, list, expected) => {
    expect(rank([...list]).map((r) => [r.villageId, r.rank])).toEqual(expected);
  });

  it.each([
    ["all met and reached: praised", village(1, ["met", "met"]), true, []],
    ["all met but no propaganda: not praised, criticised as not reached", village(1, ["met"], { sessions: 0 }), false, [{ kind: "not_reached" }]],
    ["reached by a broadcast alone", village(1, ["met"], { sessions: 0, broadcasts: 1 }), true, []],
    ["a hot spot: criticised for it", village(1, [["no-hot-spots", "not_met"], ["households-committed", "not_met"]]), false, [{ kind: "complex", criteria: ["no-hot-spots"] }]],
    ["a plain criterion failed: not praised, not criticised", village(1, [["households-committed", "not_met"]]), false, []],
    ["no figures: criticised twice", village(1, ["unknown"], { reported: false }), false, [{ kind: "not_reported" }, { kind: "not_reached" }]],
  ] as const)("%s", (_name, v, praise, criticism) => {
    const [row] = rank([v]);
    expect(row!.praise).toBe(praise);
    expect(row!.criticism).toEqual(criticism);
  });

  it("names only criteria of the village set as complex, each a 'none' or no-new-addicts rule", () => {
    const ids = new Set(criteriaRegistry().village!.criteria.map((c) => c.id));
    for (const id of VILLAGE_RANKING_RULES.complexCriteria) expect(ids.has(id), id).toBe(true);
  });
});
