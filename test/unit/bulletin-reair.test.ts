// The re-air rule (schedule.json default.repeatWithinDay, seed 002 "02 lần/tuần vào các buổi sáng
// và chiều tối"): a later slot on the same Vietnam day airs that day's first bulletin again, and the
// re-airing is not a new airing for the recentDays rotation.
import { describe, expect, it } from "vitest";
import { firstAiringOfDay, lastNewAirings, pickItem, type AiredSlot, type Candidate } from "../../src/bulletins/rotation.js";
import { DEFAULT_SCHEDULE, REPEAT_WITHIN_DAY } from "../../src/bulletins/schedule.js";

const vn = (text: string) => new Date(`${text.replace(" ", "T")}:00+07:00`);
const aired = (at: string, itemId: number): AiredSlot => ({ scheduledAt: vn(at), itemId });

describe("the default schedule", () => {
  it("is two bulletins a week, each aired morning and early evening", () => {
    expect(DEFAULT_SCHEDULE).toEqual({ days: [1, 4], times: ["06:30", "18:30"] });
    expect(REPEAT_WITHIN_DAY).toBe(true);
  });
});

describe("which airing a slot repeats", () => {
  const table: [string, string, AiredSlot[], boolean, string | null][] = [
    ["the morning slot is the day's first: nothing to repeat", "2026-06-15 06:30", [aired("2026-06-11 18:30", 2), aired("2026-06-11 06:30", 2)], true, null],
    ["the evening repeats the morning", "2026-06-15 18:30", [aired("2026-06-15 06:30", 7)], true, "2026-06-15 06:30"],
    ["a third slot repeats the first, not the second", "2026-06-15 21:00", [aired("2026-06-15 18:30", 7), aired("2026-06-15 06:30", 7)], true, "2026-06-15 06:30"],
    ["morning missed (no aired slot that day): the evening airs its own", "2026-06-15 18:30", [aired("2026-06-11 06:30", 3)], true, null],
    ["the day before does not count, even 12 h earlier", "2026-06-16 06:30", [aired("2026-06-15 18:30", 7)], true, null],
    ["Vietnam day, not UTC day: 00:30 and 06:30 in Vietnam are different UTC dates", "2026-06-15 06:30", [aired("2026-06-15 00:30", 5)], true, "2026-06-15 00:30"],
    ["a slot at 23:30 the day before is another Vietnam day though the same UTC date", "2026-06-15 06:30", [aired("2026-06-14 23:30", 5)], true, null],
    ["a later slot already aired (out of order) is not repeated", "2026-06-15 06:30", [aired("2026-06-15 18:30", 7)], true, null],
    ["repeatWithinDay off: every slot has its own bulletin", "2026-06-15 18:30", [aired("2026-06-15 06:30", 7)], false, null],
  ];
  it.each(table)("%s", (_name, at, list, repeat, expected) => {
    const first = firstAiringOfDay(vn(at), list, repeat);
    expect(first?.scheduledAt.toISOString() ?? null).toBe(expected ? vn(expected).toISOString() : null);
  });
});

describe("re-airings are not new airings for the rotation", () => {
  const table: [string, AiredSlot[], [number, string][]][] = [
    ["morning and evening of one bulletin: last aired in the morning", [aired("2026-06-15 06:30", 1), aired("2026-06-15 18:30", 1)], [[1, "2026-06-15 06:30"]]],
    [
      "two weeks of Monday/Thursday pairs",
      [aired("2026-06-15 06:30", 1), aired("2026-06-15 18:30", 1), aired("2026-06-18 06:30", 2), aired("2026-06-18 18:30", 2), aired("2026-06-22 06:30", 1), aired("2026-06-22 18:30", 1)],
      [
        [1, "2026-06-22 06:30"],
        [2, "2026-06-18 06:30"],
      ],
    ],
    ["a different item in the evening (morning's item retired) is a new airing", [aired("2026-06-15 06:30", 1), aired("2026-06-15 18:30", 4)], [[1, "2026-06-15 06:30"], [4, "2026-06-15 18:30"]]],
    ["the same item on another day is a new airing", [aired("2026-06-15 18:30", 1), aired("2026-06-16 06:30", 1)], [[1, "2026-06-16 06:30"]]],
  ];
  it.each(table)("%s", (_name, list, expected) => {
    const last = lastNewAirings(list);
    expect([...last.entries()].map(([id, at]) => [id, at.toISOString()]).sort()).toEqual(expected.map(([id, at]) => [id, vn(at).toISOString()]).sort());
  });

  it("picks the next bulletin on Thursday morning after Monday's pair (recentDays sees one airing)", () => {
    const list = [aired("2026-06-15 06:30", 1), aired("2026-06-15 18:30", 1)];
    const last = lastNewAirings(list);
    const candidates: Candidate[] = [1, 2].map((id) => ({ id, position: id, tags: [], validFrom: null, validUntil: null, lastAiredAt: last.get(id) ?? null }));
    expect(pickItem(candidates, vn("2026-06-18 06:30"), [])).toBe(2);
    expect(firstAiringOfDay(vn("2026-06-18 06:30"), list)).toBeNull();
  });
});
