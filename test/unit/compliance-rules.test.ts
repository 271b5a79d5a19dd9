// Pure rules of the compliance feature: months in Vietnam time, Vietnamese number formats, figure input.
import { addMonths, formatMonthVN, lastMonths, monthOf, monthRange, parseMonthArg, vnDayOfMonth } from "../../src/util/vietnam-time.js";
import { describe, expect, it } from "vitest";
import { formatDurationVN, formatNumberVN, formatPercentVN } from "../../src/compliance/month.js";
import { brokenRelations, checkRelation, fieldById, parseFieldInput, validateValues } from "../../src/compliance/fields.js";

describe("months in Vietnam time", () => {
  it.each([
    ["2026-10-31T16:59:59Z", "2026-10", 31],
    ["2026-10-31T17:00:00Z", "2026-11", 1],
    ["2026-12-31T17:30:00Z", "2027-01", 1],
  ])("%s is in %s, day %i", (iso, month, day) => {
    expect(monthOf(new Date(iso))).toBe(month);
    expect(vnDayOfMonth(new Date(iso))).toBe(day);
  });

  it("computes month ranges and steps", () => {
    expect(monthRange("2026-11")).toEqual({ start: new Date("2026-10-31T17:00:00Z"), end: new Date("2026-11-30T17:00:00Z") });
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2026-12", 1)).toBe("2027-01");
    expect(lastMonths("2026-02", 3)).toEqual(["2025-12", "2026-01", "2026-02"]);
  });

  it.each([
    ["11/2026", "2026-11"],
    ["3/2026", "2026-03"],
    ["03-2026", "2026-03"],
    ["T11/2026", "2026-11"],
    ["tháng 11/2026", "2026-11"],
    ["2026-11", "2026-11"],
    ["13/2026", null],
    ["0/2026", null],
    ["HL-01", null],
    ["11/26", null],
  ])("parses %s as %s", (typed, expected) => {
    expect(parseMonthArg(typed)).toBe(expected);
  });

  it("formats a month", () => expect(formatMonthVN("2026-03")).toBe("03/2026"));
});

describe("Vietnamese number formats", () => {
  it.each([
    [0, "0"],
    [7, "7"],
    [1234, "1.234"],
    [1234.5, "1.234,5"],
    [1234567.25, "1.234.567,3"],
    [-12.5, "-12,5"],
    [0.04, "0"],
  ])("%f → %s", (n, text) => expect(formatNumberVN(n)).toBe(text));
  it("percent and durations", () => {
    expect(formatPercentVN(0.875)).toBe("87,5%");
    expect(formatPercentVN(1)).toBe("100%");
    expect(formatDurationVN(45)).toBe("45 phút");
    expect(formatDurationVN(210)).toBe("3,5 giờ");
    expect(formatDurationVN(3 * 1440)).toBe("3 ngày");
  });
});

describe("figure input", () => {
  const households = fieldById("households")!;
  const committed = fieldById("households_committed")!;
  const box = fieldById("tip_box")!;
  it.each([
    ["12", { ok: true, value: 12 }],
    [" 1.234 ", { ok: true, value: 1234 }],
    ["1 234", { ok: true, value: 1234 }],
    ["0", { ok: true, value: 0 }],
    ["-3", { ok: false, problem: { kind: "negative" } }],
    ["12,5", { ok: false, problem: { kind: "not_number" } }],
    ["mười hai", { ok: false, problem: { kind: "not_number" } }],
    ["1\u200b2", { ok: true, value: 12 }],
    ["999999999", { ok: false, problem: { kind: "too_big", max: 100000 } }],
    ["", { ok: false, problem: { kind: "not_number" } }],
  ])("count field: %j", (typed, expected) => {
    expect(parseFieldInput(households, typed)).toEqual(expected);
  });
  it.each([
    ["Có", 1],
    ["co", 1],
    ["không", 0],
    ["KHONG", 0],
  ])("yes/no field: %s → %i", (typed, value) => expect(parseFieldInput(box, typed)).toEqual({ ok: true, value }));
  it("refuses a yes/no answer it cannot read", () => expect(parseFieldInput(box, "có lẽ").ok).toBe(false));

  it("checks 'at most' relations", () => {
    expect(checkRelation(committed, 90, { households: 100 })).toBeNull();
    expect(checkRelation(committed, 101, { households: 100 })).toMatchObject({ kind: "over", otherValue: 100 });
    expect(brokenRelations({ households: 50, households_committed: 60 }).map((f) => f.id)).toEqual(["households_committed"]);
  });

  it("validates a whole set", () => {
    expect(validateValues({ households: 10, households_committed: 10, tip_box: 1 })).toEqual({ ok: true, values: { households: 10, households_committed: 10, tip_box: 1 } });
    expect(validateValues({ households: 10, households_committed: 11 })).toMatchObject({ ok: false, field: "households_committed" });
    expect(validateValues({ tip_box: 2 })).toMatchObject({ ok: false, field: "tip_box" });
    expect(validateValues({ nguoi_nghien: 2 })).toMatchObject({ ok: false, field: "nguoi_nghien" });
    expect(validateValues({ households: 1.5 })).toMatchObject({ ok: false, field: "households" });
  });
});
