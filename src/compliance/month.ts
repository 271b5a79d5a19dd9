// Numbers, percentages and durations as Vietnamese readers write them (months and dates: src/util/vietnam-time.ts).
import { viCommon } from "../i18n/vi-common.js";

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
  if (minutes < 60) return viCommon.duration.minutes(formatNumberVN(minutes, 0));
  if (minutes < 48 * 60) return viCommon.duration.hours(formatNumberVN(minutes / 60, 1));
  return viCommon.duration.days(formatNumberVN(minutes / 1440, 1));
}
