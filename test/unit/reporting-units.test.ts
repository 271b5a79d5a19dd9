// Reporting units (issue 14) as pure, table-driven tests: the units every commune has and their
// figures as data (each cited, aggregate counts only), what the units file refuses, the report's
// columns (a figure shared by units once), the total row, and a period's rule per figure.
import { describe, expect, it } from "vitest";
import { FieldsFileError, type FigureValues } from "../../src/compliance/fields.js";
import { aggregateFigures } from "../../src/compliance/periods.js";
import { REPORTING_UNITS, UNIT_KINDS, parseUnits, parseUnitValues, unitByKind, unitColumns, unitTotals, type ReportingUnit } from "../../src/compliance/units.js";

describe("the units every commune has (seed 000 section IV)", () => {
  it("are the departments, the health station, the schools, the Front and the mass organisations", () => {
    expect(REPORTING_UNITS.map((u) => [u.kind, u.name])).toEqual([
      ["culture_social", "Phòng Văn hóa – Xã hội"],
      ["health_station", "Trạm Y tế xã"],
      ["schools", "Các trường học"],
      ["fatherland_front", "Ủy ban Mặt trận Tổ quốc xã"],
      ["women_union", "Hội Liên hiệp Phụ nữ xã"],
      ["farmers_union", "Hội Nông dân xã"],
      ["veterans_association", "Hội Cựu chiến binh xã"],
      ["youth_union", "Đoàn Thanh niên xã"],
    ]);
  });

  it.each(REPORTING_UNITS.map((u) => [u.kind, u] as const))("%s: every figure a count with a bound, an aggregation rule and a question", (_kind, unit) => {
    for (const f of unit.fields) {
      expect(f.kind).toBe("count");
      expect(f.max).toBeGreaterThan(0);
      expect(["sum", "last"]).toContain(f.aggregate);
      expect(f.question).toMatch(/\?$/);
      // Aggregate counts only: a question never asks for a person.
      expect(f.question).not.toMatch(/\b(tên|họ tên|số điện thoại|địa chỉ)\b/i);
    }
  });

  it("a figure asked \"trong tháng\" is summed over a period; a standing count keeps its latest value", () => {
    for (const f of REPORTING_UNITS.flatMap((u) => u.fields)) expect([f.id, f.aggregate]).toEqual([f.id, /trong tháng/.test(f.label) ? "sum" : "last"]);
  });

  it.each([
    ["health_station", ["drug_tests", "after_rehab_counselled", "methadone_patients"]],
    ["schools", ["propaganda_sessions", "pupils_committed", "parents_committed", "schools_committed"]],
    ["fatherland_front", ["propaganda_sessions", "families_committed", "people_helped"]],
    ["women_union", ["propaganda_sessions", "families_committed", "member_families_helped", "people_helped"]],
    ["youth_union", ["propaganda_sessions", "youth_reached", "people_helped"]],
  ])("%s asks %j", (kind, ids) => {
    expect(unitByKind(kind)!.fields.map((f) => f.id)).toEqual(ids);
  });

  it("looks a unit up by its kind only", () => {
    expect(unitByKind("schools")?.name).toBe("Các trường học");
    expect(unitByKind("Các trường học")).toBeUndefined();
    expect(unitByKind(null)).toBeUndefined();
    expect(unitByKind("")).toBeUndefined();
    expect(UNIT_KINDS).toHaveLength(8);
  });
});

const field = (id: string, over: Record<string, unknown> = {}) => ({ id, group: "G", label: `Nhãn ${id}`, question: `Hỏi ${id}?`, kind: "count", max: 100, sourceId: "seed-000#IV.153", ...over });
const unitOf = (kind: string, fields: unknown[], over: Record<string, unknown> = {}) => ({ kind, name: `Đơn vị ${kind}`, sourceId: "seed-000#IV.153", fields, ...over });

describe("parseUnits refuses a malformed file", () => {
  it.each([
    ["no units", { units: [] }],
    ["a unit without figures", { units: [unitOf("a_unit", [])] }],
    ["a unit without its source", { units: [unitOf("a_unit", [field("x_one")], { sourceId: undefined })] }],
    ["a figure without its source", { units: [unitOf("a_unit", [field("x_one", { sourceId: undefined })])] }],
    ["a source that is a path, not a seed line", { units: [unitOf("a_unit", [field("x_one", { sourceId: "seeds/000.txt" })])] }],
    ["a kind used twice", { units: [unitOf("a_unit", [field("x_one")]), unitOf("a_unit", [field("x_two")])] }],
    ["a figure twice in a unit", { units: [unitOf("a_unit", [field("x_one"), field("x_one")])] }],
    ["an \"at most\" naming no earlier figure", { units: [unitOf("a_unit", [field("x_one", { atMost: "x_two" }), field("x_two")])] }],
    ["a shared figure with another label", { units: [unitOf("a_unit", [field("x_one")]), unitOf("b_unit", [field("x_one", { label: "Khác" })])] }],
    ["a shared figure with another rule", { units: [unitOf("a_unit", [field("x_one")]), unitOf("b_unit", [field("x_one", { aggregate: "sum" })])] }],
    ["a figure of an unknown kind", { units: [unitOf("a_unit", [field("x_one", { kind: "text" })])] }],
  ])("%s", (_name, input) => {
    expect(() => parseUnits(input)).toThrow(FieldsFileError);
  });

  it("accepts a well-formed one", () => {
    expect(parseUnits({ units: [unitOf("a_unit", [field("x_one"), field("x_two", { atMost: "x_one" })]), unitOf("b_unit", [field("x_one")])] }).map((u) => u.fields.map((f) => f.id))).toEqual([["x_one", "x_two"], ["x_one"]]);
  });
});

describe("the report's columns and total row", () => {
  const a: ReportingUnit = parseUnits({ units: [unitOf("a_unit", [field("shared"), field("only_a", { aggregate: "sum" })])] })[0]!;
  const b: ReportingUnit = parseUnits({ units: [unitOf("b_unit", [field("shared"), field("only_b")])] })[0]!;
  const columns = unitColumns([a, b]);

  it("lists each figure once, in the order the units first ask it", () => {
    expect(columns.map((c) => c.id)).toEqual(["shared", "only_a", "only_b"]);
    expect(unitColumns().filter((c) => c.id === "propaganda_sessions")).toHaveLength(1);
  });

  it.each([
    ["both entered everything", { shared: 2, only_a: 5 }, { shared: 3, only_b: 7 }, { shared: [5, true], only_a: [5, true], only_b: [7, true] }],
    ["one unit has not reported", { shared: 2, only_a: 5 }, null, { shared: [2, false], only_a: [5, true], only_b: [0, false] }],
    ["one unit skipped a figure", { shared: 2 }, { shared: 0, only_b: 1 }, { shared: [2, true], only_a: [0, false], only_b: [1, true] }],
    ["nobody reported", null, null, { shared: [0, false], only_a: [0, false], only_b: [0, false] }],
  ])("%s", (_name, av, bv, expected) => {
    const totals = unitTotals([{ unit: a, values: av }, { unit: b, values: bv }], columns);
    expect(Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, [v.sum, v.complete]]))).toEqual(expected);
    expect(totals.shared!.units).toBe(2);
    expect(totals.only_a!.units).toBe(1);
  });

  it("a value stored for a figure the unit does not ask, or not a number, is left out", () => {
    expect(parseUnitValues(a, JSON.stringify({ shared: 1, only_b: 9, only_a: "3" }))).toEqual({ shared: 1 });
    expect(parseUnitValues(a, "{broken")).toEqual({});
    expect(parseUnitValues(a, "null")).toEqual({});
  });
});

describe("a unit's figures over a period", () => {
  const health = unitByKind("health_station")!;
  it.each<[string, Array<FigureValues | null>, string, number | undefined]>([
    ["tests summed over the months", [{ drug_tests: 10 }, { drug_tests: 20 }, { drug_tests: 15 }], "drug_tests", 45],
    ["tests unknown when a month skipped them", [{ drug_tests: 10 }, {}, { drug_tests: 15 }], "drug_tests", undefined],
    ["tests unknown when a month is missing", [{ drug_tests: 10 }, null, { drug_tests: 15 }], "drug_tests", undefined],
    ["methadone patients: the latest entered", [{ methadone_patients: 9 }, { methadone_patients: 7 }, null], "methadone_patients", 7],
  ])("%s", (_name, months, id, expected) => {
    expect(aggregateFigures(health.fields, months)?.values[id]).toBe(expected);
  });
});
