// The default bulletin schedule spread by commune (issue 19): a pure, stable function of the
// commune's code moves each default time later by 0 … spreadMinutes-1, so 3,321 communes are not
// all due in the same minute.
import { describe, expect, it } from "vitest";
import { DEFAULT_SCHEDULE, DEFAULT_SPREAD_MINUTES, spreadOffsetMinutes, spreadSchedule } from "../../src/bulletins/schedule.js";

describe("spreadOffsetMinutes", () => {
  it.each([
    ["LUNGPHINH", 30, 2],
    ["HONGLOC", 30, 27],
    ["NHUXUAN", 30, 26],
    ["PHUONGTIEN", 30, 18],
    ["BACHA", 30, 20],
    ["LUNGPHINH", 60, 2],
    ["HONGLOC", 60, 27],
    ["LUNGPHINH", 1, 0],
    ["LUNGPHINH", 0, 0],
  ])("%s over %i minutes → +%i", (code, window, offset) => {
    expect(spreadOffsetMinutes(code, window)).toBe(offset);
    // Stable: the same code gives the same minute every time (and in every process: no randomness).
    expect(spreadOffsetMinutes(code, window)).toBe(offset);
  });

  it("spreads the country's 3,321 communes evenly over the window", () => {
    const perMinute = new Array<number>(DEFAULT_SPREAD_MINUTES).fill(0);
    for (let i = 0; i < 3_321; i++) {
      const offset = spreadOffsetMinutes(`XA${String(i).padStart(5, "0")}`, DEFAULT_SPREAD_MINUTES);
      expect(offset).toBeGreaterThanOrEqual(0);
      expect(offset).toBeLessThan(DEFAULT_SPREAD_MINUTES);
      perMinute[offset]!++;
    }
    const mean = 3_321 / DEFAULT_SPREAD_MINUTES;
    expect(Math.min(...perMinute)).toBeGreaterThan(mean * 0.6);
    expect(Math.max(...perMinute)).toBeLessThan(mean * 1.4);
  });
});

describe("spreadSchedule", () => {
  it("is 30 minutes in schedule.json: 06:30 and 18:30 fall within 06:30–06:59 and 18:30–18:59", () => {
    expect(DEFAULT_SPREAD_MINUTES).toBe(30);
    expect(DEFAULT_SCHEDULE).toEqual({ days: [1, 4], times: ["06:30", "18:30"] });
  });

  it.each([
    ["LUNGPHINH", 30, { days: [1, 4], times: ["06:30", "18:30"] }, { days: [1, 4], times: ["06:32", "18:32"] }],
    ["HONGLOC", 30, { days: [1, 4], times: ["06:30", "18:30"] }, { days: [1, 4], times: ["06:57", "18:57"] }],
    ["HONGLOC", 0, { days: [1, 4], times: ["06:30", "18:30"] }, { days: [1, 4], times: ["06:30", "18:30"] }],
    // Never past the end of the Vietnam day (the weekday stays the one scheduled).
    ["HONGLOC", 30, { days: [7], times: ["23:45"] }, { days: [7], times: ["23:59"] }],
    // Sorted and without repeats, as every stored schedule.
    ["NHUXUAN", 30, { days: [4, 1, 4], times: ["18:30", "06:30"] }, { days: [1, 4], times: ["06:56", "18:56"] }],
  ])("%s over %i minutes: %j → %j", (code, window, schedule, expected) => {
    expect(spreadSchedule(schedule, code, window)).toEqual(expected);
  });
});
