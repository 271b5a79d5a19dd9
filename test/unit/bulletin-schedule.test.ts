// Schedule computation in Vietnam time (UTC+7): slots, week boundaries, missed slots, changes of schedule.
import { monthOf, monthRangeVN, weekStartVN } from "../../src/util/vietnam-time.js";
import { describe, expect, it } from "vitest";
import { DEFAULT_SCHEDULE, nextSlotAfter, parseScheduleSpec, scheduleFromForm, planDue, reminderAt, scheduleFromRow, scheduleToRow, slotsBetween, weeklySummaryDue, type WeeklySchedule } from "../../src/bulletins/schedule.js";

/** A Vietnam wall-clock time as an instant: vn("2026-06-15 06:30"). */
const vn = (text: string) => new Date(`${text.replace(" ", "T")}:00+07:00`);
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());
const MON_THU: WeeklySchedule = DEFAULT_SCHEDULE; // Monday and Thursday, 06:30 and 18:30

describe("the default schedule", () => {
  it("is Monday and Thursday at 06:30 and 18:30", () => {
    expect(MON_THU).toEqual({ days: [1, 4], times: ["06:30", "18:30"] });
  });
});

describe("slotsBetween (after, until]", () => {
  const table: [string, WeeklySchedule, string, string, string[]][] = [
    ["06:30 on a Monday in Vietnam is 23:30 UTC on the Sunday before", MON_THU, "2026-06-14T23:00:00Z", "2026-06-14T23:30:00Z", ["2026-06-14T23:30:00.000Z"]],
    ["the start is exclusive", MON_THU, "2026-06-14T23:30:00Z", "2026-06-15T00:00:00Z", []],
    ["across the week boundary (Saturday → Tuesday)", MON_THU, "2026-06-13T00:00:00Z", "2026-06-16T00:00:00Z", ["2026-06-14T23:30:00.000Z", "2026-06-15T11:30:00.000Z"]],
    ["a whole week has four slots", MON_THU, "2026-06-14T17:00:00Z", "2026-06-21T17:00:00Z", ["2026-06-14T23:30:00.000Z", "2026-06-15T11:30:00.000Z", "2026-06-17T23:30:00.000Z", "2026-06-18T11:30:00.000Z"]],
    ["Sunday evening to Monday morning, Vietnam time", MON_THU, vn("2026-06-14 20:00").toISOString(), vn("2026-06-15 07:00").toISOString(), ["2026-06-14T23:30:00.000Z"]],
    ["a slot after midnight counts on the Vietnam weekday (Monday 00:15 is Sunday in UTC)", { days: [1], times: ["00:15"] }, "2026-06-14T00:00:00Z", "2026-06-15T00:00:00Z", ["2026-06-14T17:15:00.000Z"]],
    ["a Sunday-night slot", { days: [7], times: ["22:00"] }, "2026-06-14T00:00:00Z", "2026-06-15T00:00:00Z", ["2026-06-14T15:00:00.000Z"]],
    ["an empty range", MON_THU, "2026-06-15T00:00:00Z", "2026-06-15T00:00:00Z", []],
    ["a backwards range", MON_THU, "2026-06-16T00:00:00Z", "2026-06-15T00:00:00Z", []],
  ];
  it.each(table)("%s", (_name, schedule, after, until, expected) => {
    expect(iso(slotsBetween(schedule, new Date(after), new Date(until)))).toEqual(expected);
  });
});

describe("nextSlotAfter", () => {
  const table: [string, string, string | null][] = [
    ["Tuesday noon → Thursday morning", "2026-06-16 12:00", "2026-06-18 06:30"],
    ["Thursday 18:30 exactly → next Monday 06:30 (strictly after)", "2026-06-18 18:30", "2026-06-22 06:30"],
    ["Monday 06:29 → Monday 06:30", "2026-06-15 06:29", "2026-06-15 06:30"],
    ["Sunday 23:59 → Monday 06:30", "2026-06-21 23:59", "2026-06-22 06:30"],
  ];
  it.each(table)("%s", (_name, at, expected) => {
    expect(nextSlotAfter(MON_THU, vn(at))?.toISOString() ?? null).toBe(expected ? vn(expected).toISOString() : null);
  });
  it("is null for a schedule without days", () => {
    expect(nextSlotAfter({ days: [], times: ["06:30"] }, vn("2026-06-15 00:00"))).toBeNull();
  });
});

describe("planDue: what to air now, what to record as missed", () => {
  const table: [string, string, string, string | null, boolean, string[]][] = [
    // name, cursor, now, air, late, missed
    ["on time", "2026-06-15 06:29", "2026-06-15 06:30", "2026-06-15 06:30", false, []],
    ["a tick 30 s later is not late", "2026-06-15 06:29", "2026-06-15 06:30:30", "2026-06-15 06:30", false, []],
    ["server down at 06:30, back at 09:30: aired once, late", "2026-06-15 06:00", "2026-06-15 09:30", "2026-06-15 06:30", true, []],
    ["back exactly 12 h later: still aired (the limit is inclusive)", "2026-06-18 18:00", "2026-06-19 06:30", "2026-06-18 18:30", true, []],
    ["back 12 h 10 min later: recorded as missed, not aired stale", "2026-06-18 18:00", "2026-06-19 06:40", null, false, ["2026-06-18 18:30"]],
    ["morning and evening both due: the evening is aired, the morning recorded as missed", "2026-06-15 06:00", "2026-06-15 19:00", "2026-06-15 18:30", true, ["2026-06-15 06:30"]],
    ["down from Sunday to Wednesday: Monday's two slots missed, nothing to air", "2026-06-14 12:00", "2026-06-17 12:00", null, false, ["2026-06-15 06:30", "2026-06-15 18:30"]],
    ["nothing due between slots", "2026-06-15 06:30", "2026-06-15 12:00", null, false, []],
    ["now not after the cursor: nothing", "2026-06-15 12:00", "2026-06-15 12:00", null, false, []],
  ];
  it.each(table)("%s", (_name, cursor, now, air, late, missed) => {
    const toVn = (t: string) => (t.length > 16 ? new Date(`${t.replace(" ", "T")}+07:00`) : vn(t));
    const plan = planDue(MON_THU, toVn(cursor), toVn(now));
    expect(plan.air?.toISOString() ?? null).toBe(air ? vn(air).toISOString() : null);
    expect(plan.late).toBe(late);
    expect(iso(plan.missed)).toEqual(missed.map((m) => vn(m).toISOString()));
    expect(plan.cursor.toISOString()).toBe(toVn(now).toISOString());
  });

  it("never lists a slot twice: planning again from the returned cursor finds nothing new", () => {
    const first = planDue(MON_THU, vn("2026-06-15 06:00"), vn("2026-06-15 09:00"));
    expect(first.air).not.toBeNull();
    const again = planDue(MON_THU, first.cursor, vn("2026-06-15 09:00"));
    expect(again).toMatchObject({ air: null, missed: [] });
    const later = planDue(MON_THU, first.cursor, vn("2026-06-15 18:31"));
    expect(later.air?.toISOString()).toBe(vn("2026-06-15 18:30").toISOString());
    expect(later.missed).toEqual([]);
  });

  it("a very long outage lists only the catch-up window, one by one", () => {
    const plan = planDue(MON_THU, vn("2026-01-01 00:00"), vn("2026-06-15 12:00"), { maxCatchUpMs: 14 * 86_400_000 });
    expect(plan.air?.toISOString()).toBe(vn("2026-06-15 06:30").toISOString());
    expect(plan.missed).toHaveLength(7); // two weeks × 4 slots, minus the one aired
    expect(plan.missed[0]!.getTime()).toBeGreaterThan(vn("2026-06-01 12:00").getTime());
  });

  it("a change of schedule starts from the moment of the change: no slots of the new schedule before it", () => {
    // Monday 10:00 the admin switches to daily 07:00 and 19:00; the cursor is reset to the change.
    const daily: WeeklySchedule = { days: [1, 2, 3, 4, 5, 6, 7], times: ["07:00", "19:00"] };
    const changedAt = vn("2026-06-15 10:00");
    expect(planDue(daily, changedAt, vn("2026-06-15 18:59"))).toMatchObject({ air: null, missed: [] });
    expect(planDue(daily, changedAt, vn("2026-06-15 19:00")).air?.toISOString()).toBe(vn("2026-06-15 19:00").toISOString());
    expect(nextSlotAfter(daily, changedAt)?.toISOString()).toBe(vn("2026-06-15 19:00").toISOString());
  });
});

describe("week and month boundaries in Vietnam time", () => {
  const weeks: [string, string, string][] = [
    ["Sunday 23:00 belongs to the week that began the Monday before", "2026-06-21 23:00", "2026-06-15 00:00"],
    ["Monday 00:30 (still Sunday in UTC) begins a new week", "2026-06-22 00:30", "2026-06-22 00:00"],
    ["Thursday", "2026-06-18 12:00", "2026-06-15 00:00"],
  ];
  it.each(weeks)("%s", (_name, at, start) => {
    expect(weekStartVN(vn(at)).toISOString()).toBe(vn(start).toISOString());
  });

  it.each([
    ["2026-06", "2026-05-31T17:00:00.000Z", "2026-06-30T17:00:00.000Z"],
    ["2026-12", "2026-11-30T17:00:00.000Z", "2026-12-31T17:00:00.000Z"],
    ["2027-01", "2026-12-31T17:00:00.000Z", "2027-01-31T17:00:00.000Z"],
  ])("month %s runs [%s, %s)", (month, start, end) => {
    expect(monthRangeVN(month)).toEqual({ start: new Date(start), end: new Date(end) });
  });

  it.each(["2026-13", "2026-6", "26-06", "", "2026-06-01"])("month %j is refused", (month) => {
    expect(monthRangeVN(month)).toBeNull();
  });

  it.each([
    ["2026-05-31T16:59:59Z", "2026-05"],
    ["2026-05-31T17:00:00Z", "2026-06"],
  ])("%s is in month %s in Vietnam", (at, month) => {
    expect(monthOf(new Date(at))).toBe(month);
  });
});

describe("reminders and the weekly summary", () => {
  it.each([
    ["Monday 06:30 → Tuesday 07:00", "2026-06-15 06:30", "2026-06-16 07:00"],
    ["Monday 18:30 → Tuesday 07:00", "2026-06-15 18:30", "2026-06-16 07:00"],
    ["Sunday 22:00 → Monday 07:00", "2026-06-21 22:00", "2026-06-22 07:00"],
  ])("%s", (_name, slot, at) => {
    expect(reminderAt(vn(slot)).toISOString()).toBe(vn(at).toISOString());
  });

  it("the summary of last week is due Monday 08:00", () => {
    expect(weeklySummaryDue(vn("2026-06-22 00:00")).toISOString()).toBe(vn("2026-06-22 08:00").toISOString());
  });
});

describe("an admin's schedule as typed", () => {
  const ok: [string, WeeklySchedule][] = [
    ["T2,T5 06:30,18:30", { days: [1, 4], times: ["06:30", "18:30"] }],
    ["t5 t2 18:30 6:30", { days: [1, 4], times: ["06:30", "18:30"] }],
    ["Thứ 2, thứ 6 6h30 17h", { days: [1, 5], times: ["06:30", "17:00"] }],
    ["CN 19h", { days: [7], times: ["19:00"] }],
    ["chủ nhật 2 07:00", { days: [1, 7], times: ["07:00"] }],
    ["T2 T2 06:30 06:30", { days: [1], times: ["06:30"] }],
  ];
  it.each(ok)("%j", (text, schedule) => {
    expect(parseScheduleSpec(text)).toEqual({ ok: true, schedule });
  });

  const bad: [string, string, string?][] = [
    ["", "empty"],
    ["06:30", "no_days"],
    ["T2 T5", "no_times"],
    ["T2 25:00", "bad_word", "25:00"],
    ["T2 06:30 thứ tám", "bad_word", "thu"],
    ["T2 05:00 06:00 07:00 08:00 09:00", "too_many_times"],
    ["T2 06:30 💥", "bad_word", "💥"],
    // Names every JavaScript object has are not days (found by fuzzing commands: "/lichphat
    // constructor 06:30" was accepted and stored "function Object() { [native code] }", and the
    // commune's bulletins stopped with no next slot).
    ["constructor 06:30", "bad_word", "constructor"],
    ["T2 __proto__ 06:30", "bad_word", "__proto__"],
    ["__definegetter__ 06:30", "bad_word", "__definegetter__"],
  ];
  it.each(bad)("%j is refused (%s)", (text, error, word) => {
    const result = parseScheduleSpec(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toBe(error);
      if (word) expect(result.word).toBe(word);
    }
  });

  it("stores and reads back a schedule", () => {
    const row = scheduleToRow({ days: [4, 1], times: ["18:30", "06:30"] });
    expect(row).toEqual({ days: "1,4", times: "06:30,18:30" });
    expect(scheduleFromRow(row)).toEqual(MON_THU);
    expect(scheduleFromRow({ days: "1,x,9", times: "06:30,bad" })).toEqual({ days: [1], times: ["06:30"] });
  });
});

describe("a schedule from the console's form", () => {
  it.each([
    [["1", "4"], "06:30, 18:30", { ok: true, schedule: { days: [1, 4], times: ["06:30", "18:30"] } }],
    [["7", "1", "1"], "18h 6h30", { ok: true, schedule: { days: [1, 7], times: ["06:30", "18:00"] } }],
    [["8"], "06:30", { ok: false, error: "bad_day", word: "8" }],
    [["mon"], "06:30", { ok: false, error: "bad_day", word: "mon" }],
    [["1"], "25:00", { ok: false, error: "bad_time", word: "25:00" }],
    [["1"], "06:30, 2", { ok: false, error: "bad_time", word: "2" }],
    [["1"], "sáng", { ok: false, error: "bad_time", word: "sáng" }],
    [[], "06:30", { ok: false, error: "no_days" }],
    [["1"], " , ", { ok: false, error: "no_times" }],
    [["1"], "05:00 06:00 07:00 08:00 09:00", { ok: false, error: "too_many_times" }],
  ] as const)("%j %j", (days, times, expected) => {
    expect(scheduleFromForm(days, times)).toEqual(expected);
  });
});
