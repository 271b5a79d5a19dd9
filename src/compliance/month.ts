// Months as "YYYY-MM" keys in Vietnam time (UTC+7, no daylight saving), and Vietnamese number formats.
const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

export type MonthKey = string;

/** The month (Vietnam time) an instant falls in. */
export function monthOf(date: Date): MonthKey {
  const d = new Date(date.getTime() + VN_OFFSET_MS);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** Day of the month in Vietnam time (1–31). */
export function vnDayOfMonth(date: Date): number {
  return new Date(date.getTime() + VN_OFFSET_MS).getUTCDate();
}

/** Hour of the day in Vietnam time (0–23). */
export function vnHour(date: Date): number {
  return new Date(date.getTime() + VN_OFFSET_MS).getUTCHours();
}

export function addMonths(month: MonthKey, delta: number): MonthKey {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The instants [start, end) of a month in Vietnam time. */
export function monthRange(month: MonthKey): { start: Date; end: Date } {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return {
    start: new Date(Date.UTC(y, m - 1, 1) - VN_OFFSET_MS),
    end: new Date(Date.UTC(y, m, 1) - VN_OFFSET_MS),
  };
}

/** The last `count` months up to and including `month`, oldest first. */
export function lastMonths(month: MonthKey, count: number): MonthKey[] {
  return Array.from({ length: count }, (_, i) => addMonths(month, i - count + 1));
}

/**
 * What people type for a month: "11/2026", "11-2026", "11.2026", "T11/2026", "tháng 11/2026", "2026-11".
 * Returns null when it is not a month.
 */
export function parseMonthArg(text: string): MonthKey | null {
  const t = text.trim().toLowerCase().replace(/^(tháng|thang|t)\s*/u, "");
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

/** "11/2026" */
export function formatMonthVN(month: MonthKey): string {
  const [y, m] = month.split("-");
  return `${m}/${y}`;
}

/** 1234.5 → "1.234,5" (Vietnamese: dot groups thousands, comma marks decimals). */
export function formatNumberVN(value: number, maxDecimals = 1): string {
  if (!Number.isFinite(value)) return "—";
  const factor = 10 ** maxDecimals;
  const rounded = Math.round(Math.abs(value) * factor) / factor;
  const [intPart, fracPart] = rounded.toFixed(maxDecimals).split(".") as [string, string | undefined];
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const frac = (fracPart ?? "").replace(/0+$/, "");
  const sign = value < 0 && rounded !== 0 ? "-" : "";
  return frac ? `${sign}${grouped},${frac}` : `${sign}${grouped}`;
}

/** 0.875 → "87,5%" */
export function formatPercentVN(ratio: number): string {
  return `${formatNumberVN(ratio * 100, 1)}%`;
}

/** A duration in minutes, readable: "45 phút", "3,5 giờ", "2,1 ngày". */
export function formatDurationVN(minutes: number): string {
  if (minutes < 60) return `${formatNumberVN(minutes, 0)} phút`;
  if (minutes < 48 * 60) return `${formatNumberVN(minutes / 60, 1)} giờ`;
  return `${formatNumberVN(minutes / 1440, 1)} ngày`;
}
