// Criteria evaluation as pure, table-driven tests: boundaries, missing figures, three-valued logic,
// and criteria files that are rejected with a clear message.
import { describe, expect, it } from "vitest";
import {
  buildRegistry,
  checkCriteriaFile,
  criteriaRegistry,
  CriteriaFileError,
  evaluateCriteria,
  parseCriteriaSet,
  type CriteriaSet,
  type VillageInput,
} from "../../src/compliance/criteria.js";
import { FIGURE_FIELDS } from "../../src/compliance/fields.js";
import defaultSet from "../../src/compliance/criteria/default.json" with { type: "json" };

const set = criteriaRegistry().default;
const registryDefault = (id: string) => set.criteria.find((c) => c.id === id)!;

/** All figures at a "good" level; override what a case needs. */
function good(overrides: Record<string, number> = {}): Record<string, number> {
  const base = Object.fromEntries(FIGURE_FIELDS.map((f) => [f.id, 0])) as Record<string, number>;
  return { ...base, households: 100, households_committed: 100, tip_box: 1, hotline_board: 1, propaganda_sessions: 1, anti_drug_models: 1, ...overrides };
}

const village = (label: string, figures: Record<string, number> | null, broadcasts: number | null = null): VillageInput => ({
  label,
  figures,
  system: { broadcasts_confirmed: broadcasts },
});

function statusOf(id: string, villages: VillageInput[], s: CriteriaSet = set) {
  const r = evaluateCriteria(s, villages).find((x) => x.id === id);
  if (!r) throw new Error(`no criterion ${id}`);
  return r;
}

describe("the default criteria set", () => {
  it("loads from the data file and every criterion cites its document and item, with the seed id beside it", () => {
    expect(set.criteria.length).toBeGreaterThanOrEqual(15);
    for (const c of set.criteria) {
      expect(c.source, c.id).toMatch(/^KH (?:huyện Như Xuân \(Thanh Hóa\) 2024–2025|xã Hồng Lộc \(Hà Tĩnh\) 2026–2030), mục /);
      expect(c.sourceId, c.id).toMatch(/^seed-00[0-9]#/);
    }
    expect(set.criteria.find((c) => c.id === "users-managed")).toMatchObject({ source: "KH huyện Như Xuân (Thanh Hóa) 2024–2025, mục II, tiêu chí 2", sourceId: "seed-003#II.37" });
    expect(set.criteria.find((c) => c.id === "tip-box-hotline")?.source).toBe("KH xã Hồng Lộc (Hà Tĩnh) 2026–2030, mục II.2.2; KH xã Phượng Tiến (Thái Nguyên) 2026, mục II, mục tiêu 10");
    expect(set.source).toMatch(/^Kế hoạch của Ban Chỉ đạo 138 huyện Như Xuân \(Thanh Hóa\), tháng 10\/2024/);
    expect(set.criteria.map((c) => c.id)).toEqual(expect.arrayContaining(["addicts-below-10", "propaganda-monthly", "tip-box-hotline"]));
  });

  it("a commune with good figures everywhere meets every criterion (bulletins unknown, sessions held)", () => {
    const results = evaluateCriteria(set, [village("Thôn A", good()), village("Thôn B", good())]);
    expect(results.filter((r) => r.status !== "met").map((r) => r.id)).toEqual([]);
  });
});

describe("criteria evaluation, table-driven", () => {
  const cases: Array<[string, string, VillageInput[], "met" | "not_met" | "unknown"]> = [
    // "có tổng số dưới 10 người nghiện ma túy ngoài cộng đồng": addicts in the community, not those in a facility.
    ["9 addicts in the community is fewer than 10", "addicts-below-10", [village("A", good({ addicts_total: 9, addicts_in_community: 9, addicts_with_file: 9, addicts_in_treatment: 9 }))], "met"],
    ["exactly 10 addicts in the community is not fewer than 10", "addicts-below-10", [village("A", good({ addicts_total: 10, addicts_in_community: 10 }))], "not_met"],
    ["11 addicts in the community", "addicts-below-10", [village("A", good({ addicts_total: 11, addicts_in_community: 11 }))], "not_met"],
    ["14 addicts of whom 6 in a rehabilitation facility: 8 in the community", "addicts-below-10", [village("A", good({ addicts_total: 14, addicts_in_community: 8, addicts_in_treatment: 6 }))], "met"],
    ["5 + 5 in the community in two villages is 10", "addicts-below-10", [village("A", good({ addicts_total: 5, addicts_in_community: 5 })), village("B", good({ addicts_total: 5, addicts_in_community: 5 }))], "not_met"],
    ["0 addicts", "addicts-below-10", [village("A", good())], "met"],
    ["a village without figures makes the count unknown", "addicts-below-10", [village("A", good({ addicts_total: 1, addicts_in_community: 1 })), village("B", null)], "unknown"],
    ["community figure not entered but the total is 7: fewer than 10 whatever it is", "addicts-below-10", [village("A", (() => { const g = good({ addicts_total: 7 }); delete g.addicts_in_community; return g; })())], "met"],
    ["community figure not entered and the total is 12: unknown", "addicts-below-10", [village("A", (() => { const g = good({ addicts_total: 12 }); delete g.addicts_in_community; return g; })())], "unknown"],
    ["no villages at all is unknown", "addicts-below-10", [], "unknown"],
    // "đồng thời có kết quả âm tính … không quá 30 ngày": those in the community, users and people with psychosis.
    ["negative tests for the 3 in the community and 2 users; 4 in a facility not counted", "negative-tests-30d", [village("A", good({ addicts_total: 7, addicts_in_community: 3, illegal_users_total: 2, negative_tests_30d: 5 }))], "met"],
    ["4 negative of 3 in the community and 2 users", "negative-tests-30d", [village("A", good({ addicts_total: 3, addicts_in_community: 3, illegal_users_total: 2, negative_tests_30d: 4 }))], "not_met"],
    // 100% ratios, including "100% of none".
    ["all addicts with files", "addicts-file", [village("A", good({ addicts_total: 4, addicts_with_file: 4 }))], "met"],
    ["3 of 4 addicts with files", "addicts-file", [village("A", good({ addicts_total: 4, addicts_with_file: 3 }))], "not_met"],
    ["no addicts: 100% of none holds", "addicts-file", [village("A", good({ addicts_total: 0, addicts_with_file: 0 }))], "met"],
    ["households 100 of 100", "households-committed", [village("A", good({ households: 100, households_committed: 100 }))], "met"],
    ["households 99 of 100", "households-committed", [village("A", good({ households: 100, households_committed: 99 }))], "not_met"],
    ["households summed over villages: 50/50 and 49/50", "households-committed", [village("A", good({ households: 50, households_committed: 50 })), village("B", good({ households: 50, households_committed: 49 }))], "not_met"],
    // A figure missing from one village's form.
    ["households figure missing in one village", "households-committed", [village("A", good()), village("B", (() => { const g = good(); delete g.households; return g; })())], "unknown"],
    // "Kiềm chế, làm giảm tổng số người nghiện và tổng số người sử dụng trái phép … so với … kể từ ngày đăng ký":
    // each total on its own against its figure at registration; no change is not a reduction.
    ["both totals below their registration figures", "users-reduced", [village("A", good({ addicts_total: 3, baseline_addicts: 5, illegal_users_total: 1, baseline_illegal_users: 2 }))], "met"],
    ["no change since registration is not a reduction", "users-reduced", [village("A", good({ addicts_total: 5, baseline_addicts: 5, illegal_users_total: 2, baseline_illegal_users: 2 }))], "not_met"],
    ["addicts down by 3 but users up by 1: the sum fell, users did not", "users-reduced", [village("A", good({ addicts_total: 2, baseline_addicts: 5, illegal_users_total: 3, baseline_illegal_users: 2 }))], "not_met"],
    ["addicts down, users still none: none is as low as it goes", "users-reduced", [village("A", good({ addicts_total: 2, baseline_addicts: 5, illegal_users_total: 0, baseline_illegal_users: 0 }))], "met"],
    ["users summed over villages: 1 + 1 against 1 + 1", "users-reduced", [village("A", good({ addicts_total: 0, baseline_addicts: 1, illegal_users_total: 1, baseline_illegal_users: 0 })), village("B", good({ addicts_total: 0, baseline_addicts: 1, illegal_users_total: 1, baseline_illegal_users: 2 }))], "not_met"],
    ["a registration figure not entered", "users-reduced", [village("A", (() => { const g = good({ addicts_total: 2, baseline_addicts: 5, illegal_users_total: 1 }); delete g.baseline_illegal_users; return g; })())], "unknown"],
    // "có điều kiện tái hòa nhập cộng đồng; được tư vấn, hỗ trợ, giúp đỡ tìm kiếm việc làm".
    ["all 4 after rehab helped to find work", "after-rehab-reintegration", [village("A", good({ after_rehab_total: 4, after_rehab_managed: 4, after_rehab_tested: 4, after_rehab_supported: 4 }))], "met"],
    ["3 of 4 after rehab helped", "after-rehab-reintegration", [village("A", good({ after_rehab_total: 4, after_rehab_managed: 4, after_rehab_tested: 4, after_rehab_supported: 3 }))], "not_met"],
    // "Không có … ổ nhóm, đường dây tội phạm về ma túy; không có vụ, việc … sản xuất trái phép chất ma túy".
    ["one drug ring", "no-drug-rings", [village("A", good({ drug_rings: 1 }))], "not_met"],
    ["no drug ring", "no-drug-rings", [village("A", good())], "met"],
    ["one case of illegal production", "no-production", [village("A", good({ production_found: 1 }))], "not_met"],
    ["no production", "no-production", [village("A", good())], "met"],
    // "bắt giữ 100% người bị truy nã do phạm tội về ma túy lẩn trốn trên địa bàn".
    ["2 of 2 wanted arrested", "wanted-arrested", [village("A", good({ wanted_in_area: 2, wanted_arrested: 2 }))], "met"],
    ["1 of 2 wanted arrested", "wanted-arrested", [village("A", good({ wanted_in_area: 2, wanted_arrested: 1 }))], "not_met"],
    ["nobody wanted: 100% of none holds", "wanted-arrested", [village("A", good())], "met"],
    // "none" criteria.
    ["one hot spot", "no-hot-spots", [village("A", good({ hot_spots: 1 }))], "not_met"],
    ["no serious incidents", "no-serious-incidents", [village("A", good())], "met"],
    // At least one model in the commune: the sum over villages.
    ["no model anywhere", "anti-drug-model", [village("A", good({ anti_drug_models: 0 })), village("B", good({ anti_drug_models: 0 }))], "not_met"],
    ["one model in one village", "anti-drug-model", [village("A", good({ anti_drug_models: 0 })), village("B", good({ anti_drug_models: 1 }))], "met"],
    // Per-village conditions.
    ["every village with box and board", "tip-box-hotline", [village("A", good()), village("B", good())], "met"],
    ["one village without a board", "tip-box-hotline", [village("A", good()), village("B", good({ hotline_board: 0 }))], "not_met"],
    ["no box settles it even when the board is not entered", "tip-box-hotline", [village("A", (() => { const g = good({ tip_box: 0 }); delete g.hotline_board; return g; })())], "not_met"],
    ["box entered, board missing", "tip-box-hotline", [village("A", (() => { const g = good(); delete g.hotline_board; return g; })())], "unknown"],
    // Propaganda: entered sessions or confirmed bulletins count; unknown bulletins are not zero.
    ["sessions held in every village", "propaganda-monthly", [village("A", good({ propaganda_sessions: 2 })), village("B", good({ propaganda_sessions: 1 }))], "met"],
    ["no session, bulletins unknown: unknown, not zero", "propaganda-monthly", [village("A", good({ propaganda_sessions: 2 })), village("B", good({ propaganda_sessions: 0 }))], "unknown"],
    ["no session but a confirmed bulletin broadcast", "propaganda-monthly", [village("A", good()), village("B", good({ propaganda_sessions: 0 }), 1)], "met"],
    ["no session and no bulletin broadcast", "propaganda-monthly", [village("A", good()), village("B", good({ propaganda_sessions: 0 }), 0)], "not_met"],
  ];
  it.each(cases)("%s", (_name, id, villages, expected) => {
    expect(statusOf(id, villages).status).toBe(expected);
  });

  // Issue 14: unknowns decide only when they can. Counts are never negative, so the known villages'
  // sum is a lower bound of the commune's.
  const decided: Array<[string, string, VillageInput[], "met" | "not_met" | "unknown"]> = [
    ["12 addicts in the community in the known village, one village missing: already not under 10", "addicts-below-10", [village("A", good({ addicts_total: 12, addicts_in_community: 12 })), village("B", null)], "not_met"],
    ["9 in the community known, one village missing: could still reach 10", "addicts-below-10", [village("A", good({ addicts_total: 9, addicts_in_community: 9 })), village("B", null)], "unknown"],
    ["a hot spot in the known village, one village missing: not \"none\"", "no-hot-spots", [village("A", good({ hot_spots: 1 })), village("B", null)], "not_met"],
    ["no hot spot known, one village missing: unknown", "no-hot-spots", [village("A", good()), village("B", null)], "unknown"],
    ["a serious incident known, one village missing", "no-serious-incidents", [village("A", good({ serious_incidents: 1 })), village("B", null)], "not_met"],
    ["\"ít nhất 01 mô hình\" met by the known village, one missing", "anti-drug-model", [village("A", good({ anti_drug_models: 1 })), village("B", null)], "met"],
    ["no model known, one village missing: unknown", "anti-drug-model", [village("A", good({ anti_drug_models: 0 })), village("B", null)], "unknown"],
    ["a village without a tip box, another missing: not 100% of villages", "tip-box-hotline", [village("A", good({ tip_box: 0 })), village("B", null)], "not_met"],
    ["a ratio with a village missing stays unknown", "households-committed", [village("A", good()), village("B", null)], "unknown"],
  ];
  it.each(decided)("%s", (_name, id, villages, expected) => {
    expect(statusOf(id, villages).status).toBe(expected);
  });

  it("a decided criterion with villages missing still names them, and its known part", () => {
    const r = statusOf("addicts-below-10", [village("Thôn A", good({ addicts_total: 12, addicts_in_community: 12 })), village("Thôn B", null)]);
    expect(r).toMatchObject({ status: "not_met", value: null, bounds: { lo: 12, hi: Infinity } });
    expect(r.missing.map((m) => m.villages)).toContainEqual(["Thôn B"]);
  });

  it("one village missing leaves ❔ only where the known figures cannot decide", () => {
    const results = evaluateCriteria(set, [village("A", good({ hot_spots: 2, addicts_total: 15, addicts_in_community: 15, addicts_with_file: 15, addicts_in_treatment: 15 })), village("B", null)]);
    const by = Object.fromEntries(results.map((r) => [r.id, r.status]));
    expect(by).toMatchObject({ "no-hot-spots": "not_met", "anti-drug-model": "met", "addicts-below-10": "not_met", "addicts-file": "unknown" });
    expect(results.filter((r) => r.status === "unknown").length).toBeLessThan(results.length);
  });

  it("a village alone is never judged by the commune's thresholds", () => {
    const one = [village("Thôn A", good({ anti_drug_models: 0, addicts_total: 3, addicts_in_community: 3 }))];
    const ids = evaluateCriteria(set, one, { village: true }).map((r) => r.id);
    expect(ids).not.toEqual(expect.arrayContaining(["anti-drug-model"]));
    for (const id of ["anti-drug-model", "addicts-below-10", "users-reduced"]) expect(ids, id).not.toContain(id);
    expect(ids).toEqual(expect.arrayContaining(["addicts-file", "no-hot-spots", "tip-box-hotline", "propaganda-monthly"]));
    // The same village as the whole commune: judged on the commune's totals.
    expect(statusOf("anti-drug-model", one).status).toBe("not_met");
  });

  it("the reduction rule says the plan's requirement and shows both totals with their registration figures", () => {
    const r = statusOf("users-reduced", [village("A", good({ addicts_total: 5, baseline_addicts: 5, illegal_users_total: 1, baseline_illegal_users: 2 }))]);
    expect(r.status).toBe("not_met");
    expect(r.text).toBe("Kiềm chế, làm giảm tổng số người nghiện và tổng số người sử dụng trái phép chất ma túy cư trú trên địa bàn so với khi đăng ký xây dựng xã không ma túy");
    expect(r.requirement).toBe("tổng số người nghiện và tổng số người sử dụng trái phép, mỗi số đều giảm so với số đã rà soát khi đăng ký (hoặc đã bằng 0)");
    expect(r.numbers).toEqual([
      { field: "addicts_total", value: 5 },
      { field: "baseline_addicts", value: 5 },
      { field: "illegal_users_total", value: 1 },
      { field: "baseline_illegal_users", value: 2 },
    ]);
  });

  it("restores the clauses the first set cut, in the plan's words", () => {
    const text = (id: string) => set.criteria.find((c) => c.id === id)?.text;
    expect(text("after-rehab-reintegration")).toBe("100% người sau cai nghiện có điều kiện tái hòa nhập cộng đồng; được tư vấn, hỗ trợ, giúp đỡ tìm kiếm việc làm");
    expect(text("no-drug-rings")).toBe("Không có ổ nhóm, đường dây tội phạm về ma túy");
    expect(text("no-production")).toBe("Không có vụ, việc sản xuất trái phép chất ma túy trên địa bàn");
    expect(text("wanted-arrested")).toBe("Trực tiếp, phối hợp bắt giữ 100% người bị truy nã do phạm tội về ma túy lẩn trốn trên địa bàn");
    expect(text("anti-drug-model")).toBe("Xây dựng và duy trì hiệu quả ít nhất 01 mô hình về phòng, chống tội phạm, tệ nạn ma túy trên địa bàn cấp xã");
    for (const id of ["after-rehab-reintegration", "no-drug-rings", "no-production", "wanted-arrested"]) expect(set.criteria.find((c) => c.id === id)?.sourceId, id).toMatch(/^seed-003#II\./);
  });

  it("shows the numbers behind a criterion and which village lacks what", () => {
    const r = statusOf("addicts-below-10", [village("Thôn A", good({ addicts_total: 4, addicts_in_community: 4 })), village("Thôn B", null)]);
    expect(r.numbers).toEqual([{ field: "addicts_in_community", value: null }]);
    expect(r.missing).toEqual([{ field: "addicts_in_community", villages: ["Thôn B"] }]);
    const met = statusOf("addicts-below-10", [village("Thôn A", good({ addicts_total: 4, addicts_in_community: 4 })), village("Thôn B", good({ addicts_total: 3, addicts_in_community: 3 }))]);
    expect(met).toMatchObject({ status: "met", value: 7, numbers: [{ field: "addicts_in_community", value: 7 }], missing: [] });
  });

  it("lists only the villages whose missing bulletin data matters", () => {
    const r = statusOf("propaganda-monthly", [village("Thôn A", good({ propaganda_sessions: 3 })), village("Thôn B", good({ propaganda_sessions: 0 }))]);
    expect(r.missing).toEqual([{ field: "broadcasts_confirmed", villages: ["Thôn B"] }]);
  });

  it("gives the ratio as the value of a percentage criterion", () => {
    const r = statusOf("households-committed", [village("A", good({ households: 80, households_committed: 60 }))]);
    expect(r.value).toBeCloseTo(0.75);
    expect(r.display).toBe("percent");
  });
});

describe("formulas over villages with figures missing: bounds, counts never negative", () => {
  /** A one-criterion set over a formula, to read its status and bounds. */
  const judge = (formula: string, needs: string[], threshold: { op: "<" | "<=" | ">" | ">=" | "=="; value: number }, villages: VillageInput[]) => {
    const s = parseCriteriaSet("thu.json", { id: "t", name: "Thử nghiệm", source: "Thử", criteria: [{ id: "c1", text: "Tiêu chí thử", source: "KH huyện Như Xuân (Thanh Hóa) 2024–2025, mục II, tiêu chí 1", formula, threshold, needs }] });
    const r = evaluateCriteria(s, villages)[0]!;
    return { status: r.status, lo: r.bounds.lo, hi: r.bounds.hi };
  };
  const known = (over: Record<string, number>) => village("A", over);
  const none = village("B", null);
  const cases: Array<[string, string, string[], { op: "<" | "<=" | ">" | ">=" | "=="; value: number }, VillageInput[], { status: string; lo?: number; hi?: number }]> = [
    ["a sum: the known part is the lower bound", "hot_spots", ["hot_spots"], { op: "<=", value: 0 }, [known({ hot_spots: 2 }), none], { status: "not_met", lo: 2, hi: Infinity }],
    ["a difference of unknowns decides nothing", "hot_spots - drug_rings", ["hot_spots", "drug_rings"], { op: "<=", value: 0 }, [known({ hot_spots: 2, drug_rings: 0 }), none], { status: "unknown" }],
    ["a yes/no not entered lies in [0, 1]", "tip_box", ["tip_box"], { op: "<=", value: 1 }, [village("A", {})], { status: "met", lo: 0, hi: 1 }],
    ["a part not entered is at most its entered total", "addicts_with_file", ["addicts_with_file"], { op: "<", value: 10 }, [known({ addicts_total: 6 })], { status: "met", lo: 0, hi: 6 }],
    ["max of a known 3 and an unknown is at least 3", "max(hot_spots, drug_rings)", ["hot_spots", "drug_rings"], { op: ">=", value: 3 }, [known({ hot_spots: 3 })], { status: "met", lo: 3, hi: Infinity }],
    ["min of a known 0 and an unknown is at most 0", "min(hot_spots, drug_rings)", ["hot_spots", "drug_rings"], { op: "<=", value: 0 }, [known({ hot_spots: 0 })], { status: "met", lo: 0, hi: 0 }],
    ["not of a known truth", "!(hot_spots >= 1)", ["hot_spots"], { op: "==", value: 1 }, [known({ hot_spots: 0 }), none], { status: "unknown" }],
    ["not of a decided truth", "!(hot_spots >= 1)", ["hot_spots"], { op: "==", value: 1 }, [known({ hot_spots: 1 }), none], { status: "not_met" }],
    ["== decides when the bounds exclude the value", "hot_spots == 0", ["hot_spots"], { op: "==", value: 1 }, [known({ hot_spots: 1 }), none], { status: "not_met" }],
    ["a ratio whose total is unknown stays unknown", "ratio(households_committed, households)", ["households_committed", "households"], { op: ">=", value: 1 }, [known({ households: 10, households_committed: 10 }), none], { status: "unknown" }],
    ["a ratio whose part is 0 and total at least 5 is below 100%", "ratio(households_committed, households)", ["households_committed", "households"], { op: ">=", value: 1 }, [known({ households: 5, households_committed: 0 }), village("B", { households_committed: 0 })], { status: "not_met", lo: 0, hi: 0 }],
    ["the same, exact, when every village entered it", "hot_spots * 2", ["hot_spots"], { op: "<", value: 5 }, [known({ hot_spots: 2 }), village("B", { hot_spots: 0 })], { status: "met", lo: 4, hi: 4 }],
  ];
  it.each(cases)("%s", (_name, formula, needs, threshold, villages, expected) => {
    expect(judge(formula, needs, threshold, villages)).toMatchObject(expected);
  });
});

describe("criteria files", () => {
  const minimal = (criteria: unknown[]) => ({ id: "t", name: "Thử nghiệm", source: "Thử", criteria });
  const criterion = (over: Record<string, unknown> = {}) => ({
    id: "c1",
    text: "Tiêu chí thử",
    source: "KH huyện Như Xuân (Thanh Hóa) 2024–2025, mục II, tiêu chí 1",
    formula: "addicts_total",
    threshold: { op: "<", value: 10 },
    needs: ["addicts_total"],
    ...over,
  });

  const bad: Array<[string, unknown, RegExp]> = [
    ["a formula that does not parse", minimal([criterion({ formula: "addicts_total <" })]), /không đọc được công thức/],
    ["an unknown figure", minimal([criterion({ formula: "adicts_total", needs: ["adicts_total"] })]), /"adicts_total", không có trong danh mục/],
    ["a formula reading a figure not in needs", minimal([criterion({ formula: "addicts_total + hot_spots" })]), /"needs" không ghi/],
    ["needs naming a figure the formula does not read", minimal([criterion({ needs: ["addicts_total", "hot_spots"] })]), /công thức không dùng/],
    ["a duplicate id", minimal([criterion(), criterion()]), /bị lặp/],
    ["an unknown threshold operator", minimal([criterion({ threshold: { op: "≤", value: 1 } })]), /threshold\.op/],
    ["a threshold that is not a number", minimal([criterion({ threshold: { op: "<", value: "10" } })]), /threshold\.value/],
    ["a function that does not exist", minimal([criterion({ formula: "sqrt(addicts_total)" })]), /hàm "sqrt" không được hỗ trợ/],
    ["member access (no way out of the language)", minimal([criterion({ formula: "addicts_total.constructor" })]), /không được hỗ trợ/],
    ["a string literal", minimal([criterion({ formula: "addicts_total + 'x'" })]), /chỉ được dùng số/],
    ["no criteria", minimal([]), /criteria/],
    ["a source naming our seed file", minimal([criterion({ source: "Seed 003, mục II" })]), /criteria\.0\.source: nguồn ghi tên văn bản/],
    ["a source citing a line of our copy", minimal([criterion({ source: "KH huyện Như Xuân, mục II, dòng 35" })]), /không ghi tệp seed hay số dòng/],
    ["a set source naming a seed", { ...minimal([criterion()]), source: "seed 003, mục II" }, /source: nguồn ghi tên văn bản/],
    ["a sourceId not of the form seed-003#II.35", minimal([criterion({ sourceId: "Seed 003 dòng 35" })]), /sourceId có dạng/],
  ];
  it.each(bad)("rejects %s with a clear message", (_name, input, message) => {
    expect(() => parseCriteriaSet("tinh.json", input)).toThrow(CriteriaFileError);
    expect(() => parseCriteriaSet("tinh.json", input)).toThrow(message);
  });

  it("names the file in the message", () => {
    expect(() => buildRegistry({ "default.json": minimal([criterion({ formula: "(" })]) })).toThrow(/Tệp tiêu chí default\.json không hợp lệ/);
  });

  /** The default set with a Hà Tĩnh file over it. */
  const withHti = (file: Record<string, unknown>) =>
    buildRegistry({ "default.json": defaultSet, "HTI.json": { id: "hti", province: "HTI", extends: "default", name: "Tiêu chí Hà Tĩnh (thử)", source: "Thử", ...file } });

  it("a province file overrides a threshold, adds and removes criteria: no code change", () => {
    const registry = withHti({
      override: [{ id: "addicts-below-10", threshold: { op: "<", value: 5 } }],
      add: [criterion({ id: "no-offenders", text: "Không có người vi phạm", formula: "offenders_found", threshold: { op: "<=", value: 0 }, needs: ["offenders_found"] })],
      remove: ["suspected-tested"],
    });
    const hti = registry.forProvince("hti");
    const villages = [village("A", good({ addicts_total: 7, addicts_in_community: 7, addicts_with_file: 7, addicts_in_treatment: 7 }))];
    expect(statusOf("addicts-below-10", villages, registry.default).status).toBe("met");
    expect(statusOf("addicts-below-10", villages, hti).status).toBe("not_met");
    expect(hti.criteria.map((c) => c.id)).toContain("no-offenders");
    expect(hti.criteria.map((c) => c.id)).not.toContain("suspected-tested");
    expect(registry.forProvince("THA")).toBe(registry.default);
  });

  it("a province file that gives a criterion its own source drops the default's seed id, keeps it otherwise", () => {
    const hti = withHti({
      source: "Quyết định của UBND tỉnh Hà Tĩnh (thử)",
      override: [
        { id: "no-hot-spots", source: "Quyết định của UBND tỉnh Hà Tĩnh (thử), điều 2" },
        { id: "addicts-below-10", threshold: { op: "<", value: 5 } },
      ],
    }).forProvince("HTI");
    const changed = hti.criteria.find((c) => c.id === "no-hot-spots");
    expect(changed?.source).toBe("Quyết định của UBND tỉnh Hà Tĩnh (thử), điều 2");
    expect(changed?.sourceId).toBeUndefined();
    expect(hti.criteria.find((c) => c.id === "addicts-below-10")?.sourceId).toBe("seed-003#II.35");
  });

  it("a threshold-only override keeps the criterion's display, level and the rest (Zod 4 .partial() kept defaults)", () => {
    const hti = withHti({ override: [{ id: "households-committed", threshold: { op: ">=", value: 0.95 } }] }).forProvince("HTI");
    const changed = hti.criteria.find((c) => c.id === "households-committed")!;
    expect(changed).toMatchObject({ display: "percent", threshold: { op: ">=", value: 0.95 }, text: "100% đại diện hộ gia đình cam kết không tham gia tội phạm, tệ nạn ma túy", sourceId: "seed-003#II.51" });
    const r = statusOf("households-committed", [village("A", good({ households: 100, households_committed: 96 }))], hti);
    expect(r).toMatchObject({ status: "met", display: "percent" });
    const commune = withHti({ override: [{ id: "addicts-below-10", threshold: { op: "<", value: 5 } }] }).forProvince("HTI").criteria.find((c) => c.id === "addicts-below-10")!;
    expect(commune.level).toBe(registryDefault("addicts-below-10").level);
  });

  it("rejects a province file named after another province, or overriding what does not exist", () => {
    const base = { id: "x", province: "HTI", extends: "default", name: "Thử nghiệm", source: "Thử" };
    expect(() => buildRegistry({ "default.json": defaultSet, "THA.json": base })).toThrow(/THA\.json.*HTI\.json/);
    expect(() => buildRegistry({ "default.json": defaultSet, "HTI.json": { ...base, override: [{ id: "nope" }] } })).toThrow(/"nope" không có/);
  });
});

describe("the shipped criteria folder", () => {
  it("lists every JSON file of src/compliance/criteria in its index, so none is silently ignored", async () => {
    const { readdirSync } = await import("node:fs");
    const { CRITERIA_FILES } = await import("../../src/compliance/criteria/index.js");
    const files = readdirSync(new URL("../../src/compliance/criteria/", import.meta.url)).filter((f) => f.endsWith(".json"));
    expect(new Set(Object.keys(CRITERIA_FILES))).toEqual(new Set(files));
  });
});

describe("checking one criteria file (the console's check: every problem listed, nothing kept)", () => {
  const base = { id: "x", province: "HTI", extends: "default", name: "Thử nghiệm", source: "Kế hoạch thử, mục I" };
  it("finds a good province file, the shipped sets and a village file valid, each as its kind", () => {
    expect(checkCriteriaFile("HTI.json", { ...base, override: [{ id: "addicts-below-10", threshold: { op: "<", value: 5 } }] })).toMatchObject({ ok: true, kind: "province" });
    expect(checkCriteriaFile("default.json", defaultSet)).toMatchObject({ ok: true, kind: "default" });
    expect(checkCriteriaFile(null, defaultSet)).toMatchObject({ ok: true, kind: "default" });
    expect(checkCriteriaFile(null, { ...base, extends: "village" })).toMatchObject({ ok: true, kind: "province_village" });
  });
  it("lists every problem of a broken file, not only the first", () => {
    const bad = checkCriteriaFile("HTI.json", {
      ...base,
      override: [{ id: "nope" }, { id: "addicts-below-10", threshold: { op: "<", value: 5 } }],
      remove: ["also-nope"],
      add: [
        { id: "new-one", text: "Một tiêu chí mới", source: "Kế hoạch thử, mục II", formula: "no_such_field", threshold: { op: ">=", value: 1 }, needs: ["no_such_field"] },
        { id: "addicts-below-10", text: "Trùng mã", source: "Kế hoạch thử, mục III", formula: "addicts_in_community", threshold: { op: "<", value: 1 }, needs: ["addicts_in_community"] },
      ],
    });
    expect(bad.ok).toBe(false);
    const errors = bad.ok ? [] : bad.errors;
    expect(errors.some((e) => e.includes('"nope"'))).toBe(true);
    expect(errors.some((e) => e.includes('"also-nope"'))).toBe(true);
    expect(errors.some((e) => e.includes('"new-one"'))).toBe(true);
    expect(errors.some((e) => e.includes('"add" thêm tiêu chí "addicts-below-10"'))).toBe(true);
  });
  it("lists every schema problem, in Vietnamese, and the file name a province's file must have", () => {
    const bad = checkCriteriaFile(null, { id: "", name: 3, criteria: [] });
    expect(bad.ok).toBe(false);
    const errors = bad.ok ? [] : bad.errors;
    expect(errors.length).toBeGreaterThanOrEqual(3);
    expect(errors.join("\n")).toMatch(/name: .*mong đợi/);
    const misnamed = checkCriteriaFile("THA.json", base);
    expect(misnamed.ok ? [] : misnamed.errors).toEqual(["tên tệp phải là mã tỉnh: HTI.json"]);
  });
  it("still stops the server at the first problem of a shipped file", () => {
    expect(() => buildRegistry({ "default.json": defaultSet, "HTI.json": { ...base, override: [{ id: "nope" }], remove: ["also-nope"] } })).toThrow(/also-nope/);
  });
});
