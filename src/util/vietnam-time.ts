// Vietnam time (UTC+7, no daylight saving) in one place: calendar parts, days, weeks, months as
// "YYYY-MM" keys, and dates as Vietnamese readers write them. Everything here is a pure function.
// vi-compliance.ts imports this module, so it reads the data catalog itself rather than through messages.ts.
import { viData } from "../i18n/vi-data.js";

/** "tháng 11/2026", "T11/2026": the words before a month (the catalog's, in its order). */
const MONTH_WORD = new RegExp(`^(${viData.words.month.join("|")})\\s*`, "u");

export const VN_OFFSET_MS = 7 * 3_600_000;
export const DAY_MS = 86_400_000;

export type MonthKey = string;

/** The Vietnam wall-clock time of an instant, as a Date whose UTC fields read it (for Excel, which has no zones). */
export function vietnamWallClock(at: Date): Date {
  return new Date(at.getTime() + VN_OFFSET_MS);
}

/** Vietnam calendar parts of an instant (ISO weekday: 1 = Monday … 7 = Sunday). */
export function vnParts(at: Date) {
  const d = vietnamWallClock(at);
  const weekday = d.getUTCDay() === 0 ? 7 : d.getUTCDay();
  const hour = d.getUTCHours();
  const minute = d.getUTCMinutes();
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday, hour, minute, minutes: hour * 60 + minute };
}

/** Day of the month in Vietnam time (1–31). */
export function vnDayOfMonth(at: Date): number {
  return vnParts(at).day;
}

/** Hour of the day in Vietnam time (0–23). */
export function vnHour(at: Date): number {
  return vnParts(at).hour;
}

/** The instant of 00:00 Vietnam time on the day of `at`. */
export function vnDayStart(at: Date): Date {
  const shifted = at.getTime() + VN_OFFSET_MS;
  return new Date(shifted - (((shifted % DAY_MS) + DAY_MS) % DAY_MS) - VN_OFFSET_MS);
}

/** Monday 00:00 Vietnam time of the week that holds `at`. */
export function weekStartVN(at: Date): Date {
  const day = vnDayStart(at);
  return new Date(day.getTime() - (vnParts(day).weekday - 1) * DAY_MS);
}

/** The month (Vietnam time) an instant falls in, "YYYY-MM". */
export function monthOf(at: Date): MonthKey {
  const p = vnParts(at);
  return `${p.year}-${String(p.month).padStart(2, "0")}`;
}

export function addMonths(month: MonthKey, delta: number): MonthKey {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The last `count` months up to and including `month`, oldest first. */
export function lastMonths(month: MonthKey, count: number): MonthKey[] {
  return Array.from({ length: count }, (_, i) => addMonths(month, i - count + 1));
}

/** The instants [start, end) of a month in Vietnam time. */
export function monthRange(month: MonthKey): { start: Date; end: Date } {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return { start: new Date(Date.UTC(y, m - 1, 1) - VN_OFFSET_MS), end: new Date(Date.UTC(y, m, 1) - VN_OFFSET_MS) };
}

/** "2026-06" → [1 June 00:00, 1 July 00:00) Vietnam time, or null when malformed. */
export function monthRangeVN(month: string): { start: Date; end: Date } | null {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? monthRange(month) : null;
}

/**
 * What people type for a month: "11/2026", "11-2026", "11.2026", "T11/2026", "tháng 11/2026", "2026-11".
 * Returns null when it is not a month.
 */
export function parseMonthArg(text: string): MonthKey | null {
  const t = text.trim().toLowerCase().replace(MONTH_WORD, "");
  let m = /^(\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) {
    const month = Number(m[1]);
    return month >= 1 && month <= 12 ? `${m[2]}-${String(month).padStart(2, "0")}` : null;
  }
  m = /^(\d{4})-(\d{1,2})$/.exec(t);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? `${m[1]}-${String(month).padStart(2, "0")}` : null;
  }
  return null;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "11/2026" */
export function formatMonthVN(month: MonthKey): string {
  const [y, m] = month.split("-");
  return `${m}/${y}`;
}

/** 22/11/2026 */
export function formatDateVN(at: Date): string {
  const p = vnParts(at);
  return `${pad(p.day)}/${pad(p.month)}/${p.year}`;
}

/** 08:05 22/11/2026 */
export function formatDateTimeVN(at: Date): string {
  const p = vnParts(at);
  return `${pad(p.hour)}:${pad(p.minute)} ${formatDateVN(at)}`;
}
