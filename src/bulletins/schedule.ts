// Schedule computation: pure functions over a weekly schedule in Vietnam time (UTC+7, no daylight
// saving), the time now and the last instant handled. Table-tested in test/unit/bulletin-schedule.test.ts.
import data from "./schedule.json" with { type: "json" };
import { z } from "zod";
import { DAY_MS, vnDayStart, vnParts } from "../util/vietnam-time.js";

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const weekly = z.object({
  days: z.array(z.number().int().min(1).max(7)).min(1),
  times: z.array(z.string().regex(HH_MM)).min(1),
});
const settingsSchema = z.object({
  default: weekly.extend({ repeatWithinDay: z.boolean().default(false), spreadMinutes: z.number().int().min(0).max(60).default(0) }),
  lateAfterMinutes: z.number().int().min(0),
  lateLimitHours: z.number().positive(),
  maxCatchUpDays: z.number().int().positive(),
  recentDays: z.number().int().min(0),
  reminder: z.object({ nextDayAt: z.string().regex(HH_MM), giveUpAfterHours: z.number().positive() }),
  weeklySummary: z.object({ weekday: z.number().int().min(1).max(7), at: z.string().regex(HH_MM) }),
  translationRequestEveryDays: z.number().positive(),
  maxTimesPerDay: z.number().int().min(1).max(24),
});

export const scheduleSettings = settingsSchema.parse(data);

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
/** Days are ISO weekdays (1 = Monday … 7 = Sunday); times "HH:MM"; both in Vietnam time. */
export interface WeeklySchedule {
  days: number[];
  times: string[];
}

/** Sorted, without repeats. */
export function normalizeSchedule(s: WeeklySchedule): WeeklySchedule {
  return { days: [...new Set(s.days)].sort((a, b) => a - b), times: [...new Set(s.times)].sort() };
}

export const DEFAULT_SCHEDULE: WeeklySchedule = normalizeSchedule(scheduleSettings.default);

/** Whether a later slot on the same Vietnam day re-airs that day's first bulletin (schedule.json). */
export const REPEAT_WITHIN_DAY: boolean = scheduleSettings.default.repeatWithinDay;

/** Over how many minutes the default schedule's times are spread by commune (schedule.json). */
export const DEFAULT_SPREAD_MINUTES: number = scheduleSettings.default.spreadMinutes;

/**
 * How many minutes (0 … window-1) a commune's default slots fall after their nominal time: FNV-1a
 * of the commune's code, so the same commune always gets the same minute, on Node and Workers alike,
 * and codes spread evenly over the window.
 */
export function spreadOffsetMinutes(code: string, windowMinutes: number): number {
  if (windowMinutes <= 1) return 0;
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(code)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % windowMinutes;
}

/** A schedule with every time moved by the commune's offset (never past 23:59 of the same day). */
export function spreadSchedule(s: WeeklySchedule, code: string, windowMinutes: number = DEFAULT_SPREAD_MINUTES): WeeklySchedule {
  const offset = spreadOffsetMinutes(code, windowMinutes);
  if (offset === 0) return normalizeSchedule(s);
  const times = s.times.map((t) => {
    const m = Math.min(minutesOf(t) + offset, 24 * 60 - 1);
    return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  });
  return normalizeSchedule({ days: s.days, times });
}

/** The stored form: "1,4" and "06:30,18:30". */
export function scheduleFromRow(row: { days: string; times: string }): WeeklySchedule {
  const days = row.days.split(",").map(Number).filter((d) => Number.isInteger(d) && d >= 1 && d <= 7);
  const times = row.times.split(",").map((t) => t.trim()).filter((t) => HH_MM.test(t));
  return normalizeSchedule({ days, times });
}

export function scheduleToRow(s: WeeklySchedule): { days: string; times: string } {
  const n = normalizeSchedule(s);
  return { days: n.days.join(","), times: n.times.join(",") };
}

function minutesOf(time: string): number {
  const [h, m] = time.split(":").map(Number) as [number, number];
  return h * 60 + m;
}

/** The instant of a Vietnam wall-clock time on the day that starts at `dayStart`. */
function atTime(dayStart: Date, time: string): Date {
  return new Date(dayStart.getTime() + minutesOf(time) * MINUTE_MS);
}

/** Every slot t with after < t <= until, in order. */
export function slotsBetween(s: WeeklySchedule, after: Date, until: Date): Date[] {
  const out: Date[] = [];
  if (until.getTime() <= after.getTime() || s.days.length === 0 || s.times.length === 0) return out;
  const days = new Set(s.days);
  const times = [...s.times].sort();
  for (let day = vnDayStart(after); day.getTime() <= until.getTime(); day = new Date(day.getTime() + DAY_MS)) {
    if (!days.has(vnParts(day).weekday)) continue;
    for (const time of times) {
      const t = atTime(day, time);
      if (t.getTime() > after.getTime() && t.getTime() <= until.getTime()) out.push(t);
    }
  }
  return out;
}

/** The first slot strictly after `after`, or null for an empty schedule. */
export function nextSlotAfter(s: WeeklySchedule, after: Date): Date | null {
  const within = slotsBetween(s, after, new Date(after.getTime() + 8 * DAY_MS));
  return within[0] ?? null;
}

/** The latest slot at or before `at`, or null. */
export function previousSlotAtOrBefore(s: WeeklySchedule, at: Date): Date | null {
  const within = slotsBetween(s, new Date(at.getTime() - 8 * DAY_MS), at);
  return within.at(-1) ?? null;
}

export interface DuePlan {
  /** The slot to air now (possibly late), if any. */
  air: Date | null;
  late: boolean;
  /** Slots that came while nobody handled them and are too old, or superseded by a later one: recorded, not aired. */
  missed: Date[];
  /** Everything up to here is handled. */
  cursor: Date;
}

export interface PlanOptions {
  lateAfterMs?: number;
  lateLimitMs?: number;
  maxCatchUpMs?: number;
}

/**
 * What to do at `now` for a schedule whose slots up to `cursor` were handled. The newest due slot
 * is aired if it is no older than the late limit (late if past the grace time); every other due
 * slot is recorded as missed: a village head never gets two bulletins at once, and nothing stale
 * is aired. Slots older than the catch-up window (a very long outage) are not listed one by one.
 */
export function planDue(s: WeeklySchedule, cursor: Date, now: Date, opts: PlanOptions = {}): DuePlan {
  const lateAfterMs = opts.lateAfterMs ?? scheduleSettings.lateAfterMinutes * MINUTE_MS;
  const lateLimitMs = opts.lateLimitMs ?? scheduleSettings.lateLimitHours * HOUR_MS;
  const maxCatchUpMs = opts.maxCatchUpMs ?? scheduleSettings.maxCatchUpDays * DAY_MS;
  if (now.getTime() <= cursor.getTime()) return { air: null, late: false, missed: [], cursor };
  const from = new Date(Math.max(cursor.getTime(), now.getTime() - maxCatchUpMs));
  const due = slotsBetween(s, from, now);
  const newest = due.at(-1);
  if (newest && now.getTime() - newest.getTime() <= lateLimitMs) {
    return { air: newest, late: now.getTime() - newest.getTime() > lateAfterMs, missed: due.slice(0, -1), cursor: now };
  }
  return { air: null, late: false, missed: due, cursor: now };
}

/** When a village head who has not answered is reminded: the next morning after the slot. */
export function reminderAt(slotAt: Date, nextDayAt = scheduleSettings.reminder.nextDayAt): Date {
  return atTime(new Date(vnDayStart(slotAt).getTime() + DAY_MS), nextDayAt);
}

/** When the weekly summary of the week before `at`'s week is due: its weekday and time, Vietnam time. */
export function weeklySummaryDue(weekStart: Date, settings = scheduleSettings.weeklySummary): Date {
  return atTime(new Date(weekStart.getTime() + (settings.weekday - 1) * DAY_MS), settings.at);
}

const DAY_WORDS: Record<string, number> = { t2: 1, t3: 2, t4: 3, t5: 4, t6: 5, t7: 6, cn: 7, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "7": 6, chunhat: 7, thu2: 1, thu3: 2, thu4: 3, thu5: 4, thu6: 5, thu7: 6 };

export type SpecResult =
  | { ok: true; schedule: WeeklySchedule }
  | { ok: false; error: "empty" | "no_days" | "no_times" | "too_many_times" | "bad_word"; word?: string };

/** A time as typed ("06:30", "6:30", "6h30", "18h") → "HH:MM", or null. */
function readTime(word: string): string | null {
  const time = /^(\d{1,2})(?:[:h](\d{2})?)$/.exec(word) ?? /^(\d{1,2})h$/.exec(word);
  if (!time) return null;
  const h = Number(time[1]);
  const m = Number(time[2] ?? "0");
  return h <= 23 && m <= 59 ? `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}` : null;
}

export type FormScheduleResult =
  | { ok: true; schedule: WeeklySchedule }
  | { ok: false; error: "no_days" | "no_times" | "too_many_times" }
  | { ok: false; error: "bad_day" | "bad_time"; word: string };

/**
 * A schedule from a form (the console): days ticked as ISO weekdays "1"…"7", times typed as
 * "06:30, 18:30" (also 6:30 or 6h30, as in the chat). The first mistake is named.
 */
export function scheduleFromForm(dayValues: readonly string[], timesText: string, maxTimesPerDay = scheduleSettings.maxTimesPerDay): FormScheduleResult {
  const days: number[] = [];
  for (const value of dayValues) {
    if (!/^[1-7]$/.test(value)) return { ok: false, error: "bad_day", word: value.slice(0, 20) };
    days.push(Number(value));
  }
  const times: string[] = [];
  for (const word of timesText.toLowerCase().split(/[\s,;]+/).filter(Boolean)) {
    const time = readTime(word);
    if (!time) return { ok: false, error: "bad_time", word: word.slice(0, 20) };
    times.push(time);
  }
  if (days.length === 0) return { ok: false, error: "no_days" };
  if (times.length === 0) return { ok: false, error: "no_times" };
  const schedule = normalizeSchedule({ days, times });
  if (schedule.times.length > maxTimesPerDay) return { ok: false, error: "too_many_times" };
  return { ok: true, schedule };
}

/**
 * An admin's schedule as typed: days T2–T7 or CN (also 2–7, "thứ 2", "chủ nhật") and times
 * 06:30, 6:30, 6h30 or 18h, in any order, separated by spaces or commas.
 * "T2,T5 06:30,18:30" → Monday and Thursday at 06:30 and 18:30.
 */
export function parseScheduleSpec(text: string, maxTimesPerDay = scheduleSettings.maxTimesPerDay): SpecResult {
  const folded = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/gi, "d")
    .toLowerCase()
    .replace(/thu\s+(\d)/g, "thu$1")
    .replace(/chu\s+nhat/g, "chunhat");
  const words = folded.split(/[\s,;]+/).filter(Boolean);
  if (words.length === 0) return { ok: false, error: "empty" };
  const days: number[] = [];
  const times: string[] = [];
  for (const word of words) {
    // Own keys only: "constructor" or "__proto__" are not days.
    if (Object.hasOwn(DAY_WORDS, word)) {
      days.push(DAY_WORDS[word]!);
      continue;
    }
    const time = readTime(word);
    if (time) {
      times.push(time);
      continue;
    }
    return { ok: false, error: "bad_word", word };
  }
  if (days.length === 0) return { ok: false, error: "no_days" };
  if (times.length === 0) return { ok: false, error: "no_times" };
  const schedule = normalizeSchedule({ days, times });
  if (schedule.times.length > maxTimesPerDay) return { ok: false, error: "too_many_times" };
  return { ok: true, schedule };
}
