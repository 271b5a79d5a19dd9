// The "thôn, khu phố không ma túy" set (issue 14): loaded from village.json over the default set,
// never with a commune threshold, judged village by village; province village files; the status rule.
import { describe, expect, it } from "vitest";
import { buildRegistry, criteriaRegistry, evaluateCriteria, recognitionStatus, type CriterionResult, type VillageInput } from "../../src/compliance/criteria.js";
import { FIGURE_FIELDS } from "../../src/compliance/fields.js";
import defaultSet from "../../src/compliance/criteria/default.json" with { type: "json" };
import villageSet from "../../src/compliance/criteria/village.json" with { type: "json" };

const registry = criteriaRegistry();
const set = registry.village!;

/** Every figure at a level that meets the village set; override what a case needs. */
function good(overrides: Record<string, number> = {}): Record<string, number> {
  const base = Object.fromEntries(FIGURE_FIELDS.map((f) => [f.id, 0])) as Record<string, number>;
  return { ...base, households: 80, households_committed: 80, tip_box: 1, hotline_board: 1, propaganda_sessions: 2, addicts_total: 2, addicts_with_file: 2, addicts_in_treatment: 2, addicts_in_community: 2, negative_tests_30d: 2, baseline_addicts: 3, ...overrides };
}
const one = (figures: Record<string, number> | null): VillageInput[] => [{ label: "Thôn A", figures, system: { broadcasts_confirmed: null } }];
const judge = (figures: Record<string, number> | null) => evaluateCriteria(set, one(figures), { village: true });
const failing = (figures: Record<string, number>) => judge(figures).filter((r) => r.status === "not_met").map((r) => r.id);

describe("the village set", () => {
  it("takes the default's village-level criteria, drops the commune-level ones, and adds the no-new-addicts target", () => {
    const villageLevel = registry.default.criteria.filter((c) => c.level !== "commune").map((c) => c.id);
    expect(set.criteria.map((c) => c.id)).toEqual([...villageLevel, "no-new-addicts"]);
    for (const id of ["addicts-below-10", "anti-drug-model", "users-reduced"]) expect(set.criteria.map((c) => c.id)).not.toContain(id);
    expect(set.name).toBe("Tiêu chí thôn, khu phố không ma túy");
    expect(set.criteria.find((c) => c.id === "no-new-addicts")).toMatchObject({ source: "KH xã Lùng Phình (Lào Cai) 2026, mục II, mục tiêu 1", sourceId: "seed-002#II.37" });
  });

  it.each([
    ["every figure good", {}, []],
    ["a hot spot", { hot_spots: 1 }, ["no-hot-spots"]],
    ["more addicts than at registration", { addicts_total: 4, addicts_with_file: 4, addicts_in_treatment: 4, addicts_in_community: 4, negative_tests_30d: 4 }, ["no-new-addicts"]],
    ["as many addicts as at registration", { addicts_total: 3, addicts_with_file: 3, addicts_in_treatment: 3, addicts_in_community: 3, negative_tests_30d: 3 }, []],
    ["one household not committed", { households_committed: 79 }, ["households-committed"]],
    ["no tip box", { tip_box: 0 }, ["tip-box-hotline"]],
    ["poppy found", { cultivation_found: 1, cultivation_destroyed: 1 }, ["no-cultivation"]],
    // Eleven addicts in the community would fail the commune's "dưới 10"; a village is never judged by it.
    ["eleven addicts, all at registration", { addicts_total: 11, addicts_with_file: 11, addicts_in_treatment: 11, addicts_in_community: 11, negative_tests_30d: 11, baseline_addicts: 11 }, []],
  ])("%s → fails %j", (_name, overrides, expected) => {
    expect(failing(good(overrides))).toEqual(expected);
  });

  it("a village that entered nothing is undecided on every criterion; one missing figure leaves only its criteria open", () => {
    expect(judge(null).every((r) => r.status === "unknown")).toBe(true);
    const { serious_incidents: _omitted, ...rest } = good();
    const open = judge(rest).filter((r) => r.status === "unknown");
    expect(open.map((r) => r.id)).toEqual(["no-serious-incidents"]);
  });
});

describe("recognitionStatus", () => {
  const r = (status: CriterionResult["status"]) => ({ status }) as CriterionResult;
  it.each([
    [["met", "met"], "qualifies"],
    [["met", "unknown"], "unknown"],
    [["met", "not_met", "unknown"], "fails"],
    [["not_met"], "fails"],
    [[], "qualifies"],
  ] as const)("%j → %s", (statuses, expected) => {
    expect(recognitionStatus(statuses.map(r))).toBe(expected);
  });
});

describe("village set files", () => {
  const hti = { id: "hti-thon", province: "HTI", extends: "village", name: "Tiêu chí thôn Hà Tĩnh (thử)", source: "Quyết định của UBND tỉnh Hà Tĩnh (thử), điều 3" };

  it("a province village file changes the village set for that province only", () => {
    const built = buildRegistry({ "default.json": defaultSet, "village.json": villageSet, "HTI.village.json": { ...hti, remove: ["no-new-addicts"] } });
    expect(built.villageForProvince("hti")!.criteria.map((c) => c.id)).not.toContain("no-new-addicts");
    expect(built.villageForProvince("THA")).toBe(built.village);
    // The commune sets are untouched.
    expect(built.forProvince("HTI")).toBe(built.default);
  });

  it.each([
    ["a commune-level criterion added to the village set", { "village.json": { ...villageSet, add: [...villageSet.add, { ...villageSet.add[0], id: "models", formula: "anti_drug_models", needs: ["anti_drug_models"], level: "commune" }] } }, /không được có tiêu chí cấp xã \("models"/],
    ["a province village file without village.json", { "HTI.village.json": hti }, /cần tệp village\.json/],
    ["a province village file that extends the commune set", { "village.json": villageSet, "HTI.village.json": { ...hti, extends: "default" } }, /"extends" của tệp này phải là "village"/],
    ["a province commune file that extends the village set", { "village.json": villageSet, "HTI.json": { ...hti, extends: "village" } }, /"extends" của tệp này phải là "default"/],
    ["a village file named after another province", { "village.json": villageSet, "THA.village.json": hti }, /HTI\.village\.json/],
  ])("rejects %s", (_name, files, message) => {
    expect(() => buildRegistry({ "default.json": defaultSet, ...files })).toThrow(message);
  });
});
