// Which figures the monthly form asks (quarterly ones in a quarter's first month only, when there is
// a value to keep), and the items found by name for "Sửa một mục".
import { describe, expect, it } from "vitest";
import { carriedFields, FIGURE_FIELDS, fieldsNamed, opensQuarter } from "../../src/compliance/fields.js";

const all = Object.fromEntries(FIGURE_FIELDS.map((f) => [f.id, 1]));
const quarterly = FIGURE_FIELDS.filter((f) => f.cadence === "quarterly").map((f) => f.id);

describe("the form's cadence", () => {
  it.each([
    ["2026-01", true],
    ["2026-02", false],
    ["2026-03", false],
    ["2026-04", true],
    ["2026-07", true],
    ["2026-10", true],
    ["2026-12", false],
  ])("%s opens a quarter: %s", (month, opens) => {
    expect(opensQuarter(month)).toBe(opens);
  });

  it.each([
    ["a quarter's first month", "2026-10", all, []],
    ["another month, everything known", "2026-11", all, quarterly],
    ["another month, nothing known before", "2026-11", {}, []],
    ["another month, only households known", "2026-11", { households: 120, addicts_total: 3 }, ["households"]],
  ])("carries in %s", (_name, month, previous, expected) => {
    expect(carriedFields(month, previous).map((f) => f.id)).toEqual(expected);
  });

  it("carries the figures that change slowly, never a count of the month", () => {
    expect(quarterly).toEqual(expect.arrayContaining(["households", "tip_box", "hotline_board", "baseline_addicts"]));
    for (const f of FIGURE_FIELDS.filter((x) => x.cadence === "quarterly")) expect(f.aggregate, f.id).toBe("last");
  });

  it.each([
    ["hom thu", ["tip_box"]],
    ["Hòm THƯ", ["tip_box"]],
    ["hộ gia đình đang cư trú", ["households"]],
    ["truy nã bắt", ["wanted_arrested"]],
    ["", []],
    ["xyz không có", []],
  ])("finds %j by name", (typed, ids) => {
    expect(fieldsNamed(typed).map((f) => f.id)).toEqual(ids);
  });

  it("finds several items for a common word", () => {
    expect(fieldsNamed("người nghiện").length).toBeGreaterThan(2);
  });
});
