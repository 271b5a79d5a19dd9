// Tip statistics for a month: pure counting over tip rows (never their contents).
import { daysLate } from "../tips/deadlines.js";
export interface TipStatRow {
  status: string;
  category: string;
  villageId: number | null;
  createdAt: Date;
  takenAt: Date | null;
  closedAt: Date | null;
  /** Where it came from (src/tips/sources.json); chat when absent. */
  source?: string;
  /** What a closed tip came to (src/tips/results.json). */
  result?: string | null;
  /** The verification deadline with its extensions (src/tips/deadlines.ts). */
  dueAt?: Date | null;
}

export interface TipStats {
  total: number;
  open: number;
  closed: number;
  byStatus: Record<string, number>;
  /** Category id → count, largest first. */
  byCategory: Array<{ category: string; count: number }>;
  /** Village id (null: village not known) → count, largest first. */
  byVillage: Array<{ villageId: number | null; count: number }>;
  /** Source id (chat, hotline, tipbox…) → count, largest first. */
  bySource: Array<{ source: string; count: number }>;
  /** Median minutes from receipt to the first take, over the tips taken; null when none was. */
  medianTakeMinutes: number | null;
  /** Median minutes from receipt to closing, over the tips closed; null when none was. */
  medianCloseMinutes: number | null;
  /** Result id → count over the closed tips that have one, largest first. */
  byResult: Array<{ result: string; count: number }>;
  /** Tips past their verification deadline without a result (open now, or closed late). */
  overdue: number;
}

const OPEN = new Set(["new", "taken", "verifying"]);

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function ranked<K>(counts: Map<K, number>): Array<{ key: K; count: number }> {
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count);
}

export function tipStatistics(rows: TipStatRow[], now: Date = new Date()): TipStats {
  const byStatus: Record<string, number> = {};
  const byCategory = new Map<string, number>();
  const byVillage = new Map<number | null, number>();
  const bySource = new Map<string, number>();
  const byResult = new Map<string, number>();
  let overdue = 0;
  const take: number[] = [];
  const close: number[] = [];
  let open = 0;
  for (const t of rows) {
    byStatus[t.status] = (byStatus[t.status] ?? 0) + 1;
    byCategory.set(t.category, (byCategory.get(t.category) ?? 0) + 1);
    byVillage.set(t.villageId, (byVillage.get(t.villageId) ?? 0) + 1);
    bySource.set(t.source ?? "chat", (bySource.get(t.source ?? "chat") ?? 0) + 1);
    if (OPEN.has(t.status)) open++;
    if (t.result) byResult.set(t.result, (byResult.get(t.result) ?? 0) + 1);
    if (daysLate({ dueAt: t.dueAt ?? null, createdAt: t.createdAt, closedAt: t.closedAt, open: OPEN.has(t.status) }, now) > 0) overdue++;
    if (t.takenAt) take.push((t.takenAt.getTime() - t.createdAt.getTime()) / 60_000);
    if (t.closedAt) close.push((t.closedAt.getTime() - t.createdAt.getTime()) / 60_000);
  }
  return {
    total: rows.length,
    open,
    closed: rows.length - open,
    byStatus,
    byCategory: ranked(byCategory).map(({ key, count }) => ({ category: key, count })),
    byVillage: ranked(byVillage).map(({ key, count }) => ({ villageId: key, count })),
    bySource: ranked(bySource).map(({ key, count }) => ({ source: key, count })),
    medianTakeMinutes: median(take),
    medianCloseMinutes: median(close),
    byResult: ranked(byResult).map(({ key, count }) => ({ result: key, count })),
    overdue,
  };
}
