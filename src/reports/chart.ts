// The trend chart as SVG (pure, any runtime): bars for tips per month, lines for the share of
// villages reached by propaganda and for criteria met. Rasterised to PNG where a renderer exists.
import { formatMonthVN } from "../util/vietnam-time.js";
import type { TrendPoint } from "../compliance/service.js";
import { formatNumberVN } from "../compliance/month.js";
import { viCompliance as t } from "../i18n/vi-compliance.js";
import { messagesFor } from "../i18n/messages.js";

export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 400;
export const CHART_FONT = "Be Vietnam Pro";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A round upper bound for an axis: 1, 2, 5 × 10^n. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (value <= step * power) return step * power;
  return 10 * power;
}

/** The top of the tips axis: round, at least 4, and a multiple of 4 so the 4 grid steps are whole numbers. */
export function axisMax(value: number): number {
  return 4 * niceMax(Math.max(value, 4) / 4);
}

export function trendChartSvg(points: TrendPoint[], title: string): string {
  const W = CHART_WIDTH;
  const H = CHART_HEIGHT;
  const left = 60;
  const right = 60;
  const top = 56;
  const bottom = 70;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const n = Math.max(points.length, 1);
  const slot = plotW / n;
  const tipsMax = axisMax(Math.max(...points.map((p) => p.tips), 0));
  const criteriaMax = Math.max(...points.map((p) => p.criteriaTotal), 1);
  const y = (v: number, max: number) => top + plotH - (v / max) * plotH;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${CHART_FONT}, sans-serif">`);
  parts.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  parts.push(`<text x="${W / 2}" y="28" text-anchor="middle" font-size="18" font-weight="bold" fill="#1a1a1a">${esc(title)}</text>`);
  // Grid and left axis (tips), right axis (percent).
  for (let i = 0; i <= 4; i++) {
    const gy = top + (plotH * i) / 4;
    parts.push(`<line x1="${left}" y1="${gy}" x2="${W - right}" y2="${gy}" stroke="#e0e0e0" stroke-width="1"/>`);
    parts.push(`<text x="${left - 8}" y="${gy + 4}" text-anchor="end" font-size="12" fill="#555">${formatNumberVN((tipsMax * (4 - i)) / 4)}</text>`);
    parts.push(`<text x="${W - right + 8}" y="${gy + 4}" font-size="12" fill="#555">${25 * (4 - i)}%</text>`);
  }
  points.forEach((p, i) => {
    const cx = left + slot * i + slot / 2;
    // A month before the commune's first record: its label, no bar and no point (nothing is known, not 0).
    if (!p.recorded) {
      parts.push(`<text x="${cx}" y="${top + plotH + 20}" text-anchor="middle" font-size="13" fill="#999">${formatMonthVN(p.month)}</text>`);
      return;
    }
    const bw = Math.min(48, slot * 0.5);
    const by = y(p.tips, tipsMax);
    parts.push(`<rect x="${cx - bw / 2}" y="${by}" width="${bw}" height="${top + plotH - by}" fill="#c0392b" opacity="0.85"/>`);
    parts.push(`<text x="${cx}" y="${by - 6}" text-anchor="middle" font-size="12" fill="#c0392b">${formatNumberVN(p.tips)}</text>`);
    parts.push(`<text x="${cx}" y="${top + plotH + 20}" text-anchor="middle" font-size="13" fill="#1a1a1a">${formatMonthVN(p.month)}</text>`);
  });
  const line = (values: Array<number | null>, max: number, color: string, dash: string) => {
    const coords = values.flatMap((v, i) => (v === null ? [] : [`${left + slot * i + slot / 2},${y(v, max)}`]));
    parts.push(`<polyline points="${coords.join(" ")}" fill="none" stroke="${color}" stroke-width="3"${dash ? ` stroke-dasharray="${dash}"` : ""}/>`);
    for (const c of coords) {
      const [cx, cy] = c.split(",");
      parts.push(`<circle cx="${cx}" cy="${cy}" r="4" fill="${color}"/>`);
    }
  };
  line(points.map((p) => (!p.recorded ? null : p.villages > 0 ? p.villagesReached / p.villages : 0)), 1, "#2471a3", "");
  line(points.map((p) => (!p.recorded ? null : p.criteriaTotal > 0 ? p.criteriaMet / p.criteriaTotal : 0)), 1, "#1e8449", "6 4");
  // Legend.
  const ly = H - 22;
  parts.push(`<rect x="${left}" y="${ly - 11}" width="14" height="14" fill="#c0392b"/>`);
  parts.push(`<text x="${left + 20}" y="${ly + 1}" font-size="13" fill="#1a1a1a">${esc(t.report.chartTips)}</text>`);
  parts.push(`<line x1="${left + 120}" y1="${ly - 4}" x2="${left + 148}" y2="${ly - 4}" stroke="#2471a3" stroke-width="3"/>`);
  parts.push(`<text x="${left + 154}" y="${ly + 1}" font-size="13" fill="#1a1a1a">${esc(t.report.chartReached)}</text>`);
  parts.push(`<line x1="${left + 370}" y1="${ly - 4}" x2="${left + 398}" y2="${ly - 4}" stroke="#1e8449" stroke-width="3" stroke-dasharray="6 4"/>`);
  parts.push(`<text x="${left + 404}" y="${ly + 1}" font-size="13" fill="#1a1a1a">${esc(messagesFor("vi").data.chartCriteria(t.report.chartCriteria, criteriaMax))}</text>`);
  parts.push(`</svg>`);
  return parts.join("");
}
