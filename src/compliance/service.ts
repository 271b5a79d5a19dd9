// Compliance over the database: saving figures with their history, a commune's month evaluated
// against its province's criteria, tip statistics, the trend of recent months, province rankings.
// Plain functions on the Prisma client; no platform types; no interactive transactions (D1).
import { lastMonths, type MonthKey, monthOf, monthRange } from "../util/vietnam-time.js";
import type { Db } from "../db/client.js";
import { can, type StaffScope } from "../staff/roles.js";
import { criteriaRegistry, countByStatus, evaluateCriteria, recognitionStatus, type CriteriaRegistry, type CriterionResult, type VillageInput } from "./criteria.js";
import type { CoverageSource } from "./coverage.js";
import { bulletinCoverage } from "./bulletin-coverage.js";
import { FIGURE_FIELDS, parseStoredValues, validateValues, type FigureValues } from "./fields.js";
import { addCoverage } from "./coverage.js";
import { aggregateFigures, monthsBegun, type ReviewPeriod } from "./periods.js";
import type { CommuneMonth, CommuneRef, StoredFigures, TrendPoint, VillageMonth, VillageRecognition } from "./types.js";
import type { ReportRenderers } from "../reports/types.js";

export type { CommuneMonth, CommuneRef, StoredFigures, TrendPoint, ReportRenderers, VillageRecognition };
import { tipStatistics, type TipStats } from "./tipstats.js";


export interface ComplianceDeps {
  coverage: CoverageSource;
  criteria: CriteriaRegistry;
  renderers?: ReportRenderers;
  /** Village heads who have not entered the month's figures are reminded from this day. */
  figuresReminderDay: number;
  /** Leaders are told what is missing from this day. */
  leaderReminderDay: number;
  /** The monthly report is due upward on this day. */
  reportDueDay: number;
}

/** Ids bound per query: under D1's limit of about 98 bound values, with room for the other conditions. */
const ID_CHUNK = 90;

export const DEFAULT_DAYS = { figuresReminderDay: 20, leaderReminderDay: 22, reportDueDay: 25 } as const;

export function defaultComplianceDeps(over: Partial<ComplianceDeps> = {}): ComplianceDeps {
  return { coverage: bulletinCoverage, criteria: criteriaRegistry(), ...DEFAULT_DAYS, ...over };
}

export type SaveResult = { ok: true; version: number } | { ok: false; reason: "conflict" | "invalid"; detail?: string };

/**
 * Saves a village's figures for a month as a new revision. The revision's unique (village, month,
 * version) key is the lock: of two saves made against the same version, one wins and the other
 * is told to look again. Earlier revisions are never changed.
 */
export async function saveFigures(
  db: Db,
  input: { villageId: number; month: MonthKey; values: FigureValues; staffId: number | null; source: "chat" | "csv"; note?: string; basedOnVersion: number; now: Date },
): Promise<SaveResult> {
  const checked = validateValues(input.values);
  if (!checked.ok) return { ok: false, reason: "invalid", detail: `${checked.field}: ${checked.problem}` };
  const village = await db.village.findUnique({ where: { id: input.villageId }, select: { communeId: true } });
  if (!village) return { ok: false, reason: "invalid", detail: "village" };
  const version = input.basedOnVersion + 1;
  const data = JSON.stringify(checked.values);
  try {
    await db.figureRevision.create({
      data: { villageId: input.villageId, month: input.month, version, data, source: input.source, staffId: input.staffId, note: input.note ?? null, createdAt: input.now },
    });
  } catch (error) {
    if ((error as { code?: string }).code !== "P2002") throw error;
    await catchUp(db, input.villageId, village.communeId, input.month);
    return { ok: false, reason: "conflict" };
  }
  const row = { data, version, source: input.source, updatedByStaffId: input.staffId, updatedAt: input.now };
  if (input.basedOnVersion === 0) {
    try {
      await db.villageFigures.create({ data: { villageId: input.villageId, communeId: village.communeId, month: input.month, ...row } });
      return { ok: true, version };
    } catch (error) {
      if ((error as { code?: string }).code !== "P2002") throw error;
    }
  }
  const moved = await db.villageFigures.updateMany({ where: { villageId: input.villageId, month: input.month, version: { lt: version } }, data: row });
  return moved.count === 1 ? { ok: true, version } : { ok: false, reason: "conflict" };
}

/**
 * Saves figures as a staff member entering them (chat's /capnhat, the console): may they write this
 * village's figures (their own village for a village head, their commune's for an officer), checked here.
 */
export async function saveVillageFigures(
  db: Db,
  staff: StaffScope & { id: number },
  input: { villageId: number; month: MonthKey; values: FigureValues; basedOnVersion: number; now: Date },
): Promise<SaveResult | { ok: false; reason: "forbidden" }> {
  const village = await db.village.findUnique({ where: { id: input.villageId }, include: { commune: { select: { provinceId: true } } } });
  if (!village || !can(staff, "figures.write", { communeId: village.communeId, villageId: village.id, provinceId: village.commune.provinceId })) return { ok: false, reason: "forbidden" };
  return saveFigures(db, { ...input, staffId: staff.id, source: "chat" });
}

/**
 * A save that stopped between its revision and the current row (a crash, a lost connection) leaves
 * the row behind the history: bring it up to the newest revision, so the next save can proceed.
 */
async function catchUp(db: Db, villageId: number, communeId: number, month: MonthKey): Promise<void> {
  const latest = await db.figureRevision.findFirst({ where: { villageId, month }, orderBy: { version: "desc" } });
  if (!latest) return;
  const row = { data: latest.data, version: latest.version, source: latest.source, updatedByStaffId: latest.staffId, updatedAt: latest.createdAt };
  const moved = await db.villageFigures.updateMany({ where: { villageId, month, version: { lt: latest.version } }, data: row });
  if (moved.count === 0 && !(await db.villageFigures.findUnique({ where: { villageId_month: { villageId, month } } }))) {
    await db.villageFigures.create({ data: { villageId, communeId, month, ...row } }).catch((error: { code?: string }) => {
      if (error.code !== "P2002") throw error;
    });
  }
}


export async function figuresOf(db: Db, villageId: number, month: MonthKey): Promise<StoredFigures | null> {
  const row = await db.villageFigures.findUnique({ where: { villageId_month: { villageId, month } } });
  return row ? { values: parseStoredValues(row.data), version: row.version, source: row.source, updatedAt: row.updatedAt, updatedByStaffId: row.updatedByStaffId } : null;
}


export async function communeRef(db: Db, communeId: number): Promise<CommuneRef | null> {
  const c = await db.commune.findUnique({ where: { id: communeId }, include: { province: true } });
  return c ? { id: c.id, code: c.code, name: c.name, provinceId: c.provinceId, provinceCode: c.province.code, provinceName: c.province.name } : null;
}



function villageInputs(villages: VillageMonth[], coverageKnown: boolean): VillageInput[] {
  return villages.map((v) => ({
    label: v.name,
    figures: v.figures?.values ?? null,
    system: { broadcasts_confirmed: coverageKnown ? (v.coverage?.confirmedBroadcast ?? 0) : null },
  }));
}

/** A commune's month: villages, their figures and coverage, the criteria evaluated. */
export async function communeMonth(db: Db, deps: ComplianceDeps, commune: CommuneRef, month: MonthKey): Promise<CommuneMonth> {
  const [villages, rows, coverage] = await Promise.all([
    db.village.findMany({ where: { communeId: commune.id }, orderBy: { code: "asc" }, select: { id: true, code: true, name: true } }),
    db.villageFigures.findMany({ where: { communeId: commune.id, month } }),
    deps.coverage.villageCoverage(db, commune.id, month),
  ]);
  const byVillage = new Map(rows.map((r) => [r.villageId, r]));
  const coverageByVillage = new Map((coverage ?? []).map((c) => [c.villageId, c]));
  const list: VillageMonth[] = villages.map((v) => {
    const r = byVillage.get(v.id);
    return {
      ...v,
      figures: r ? { values: parseStoredValues(r.data), version: r.version, source: r.source, updatedAt: r.updatedAt, updatedByStaffId: r.updatedByStaffId } : null,
      coverage: coverageByVillage.get(v.id) ?? null,
    };
  });
  const set = deps.criteria.forProvince(commune.provinceCode);
  const results = evaluateCriteria(set, villageInputs(list, coverage !== null));
  return { commune, month, villages: list, coverageKnown: coverage !== null, criteriaSetName: set.name, results, counts: countByStatus(results) };
}

/**
 * One village alone against the criteria (what a village head may see of their village): only the
 * criteria that hold village by village; those judged on the commune's totals ("dưới 10 người
 * nghiện ngoài cộng đồng", "ít nhất 01 mô hình") are never applied to one village.
 */
export function villageResults(deps: ComplianceDeps, cm: CommuneMonth, villageId: number): CriterionResult[] {
  const v = cm.villages.filter((x) => x.id === villageId);
  return evaluateCriteria(deps.criteria.forProvince(cm.commune.provinceCode), villageInputs(v, cm.coverageKnown), { village: true });
}

/**
 * "Thôn, khu phố không ma túy": each village of the commune against the village set (seed 003
 * §III.1: the commune reviews and proposes its villages for recognition). Null when no village set
 * is shipped for the province.
 */
export function villageRecognition(deps: ComplianceDeps, cm: CommuneMonth): { setName: string; villages: VillageRecognition[] } | null {
  const set = deps.criteria.villageForProvince(cm.commune.provinceCode);
  if (!set) return null;
  const villages = cm.villages.map((v) => {
    const results = evaluateCriteria(set, villageInputs([v], cm.coverageKnown), { village: true });
    return { villageId: v.id, code: v.code, name: v.name, status: recognitionStatus(results), reported: v.figures !== null, results };
  });
  return { setName: set.name, villages };
}

/**
 * A commune over a review period: each village's figures added up over the months begun by `now`
 * (flows summed, stocks the latest entered: aggregateFigures), its bulletin coverage added, and
 * the criteria judged on those. A month is simply communeMonth.
 */
export async function communePeriod(db: Db, deps: ComplianceDeps, commune: CommuneRef, period: ReviewPeriod, now: Date): Promise<CommuneMonth> {
  const months = monthsBegun(period, now);
  if (period.kind === "month" || months.length === 0) return communeMonth(db, deps, commune, period.months[0]!);
  const [villages, rows, coverages] = await Promise.all([
    db.village.findMany({ where: { communeId: commune.id }, orderBy: { code: "asc" }, select: { id: true, code: true, name: true } }),
    db.villageFigures.findMany({ where: { communeId: commune.id, month: { in: months } } }),
    Promise.all(months.map((m) => deps.coverage.villageCoverage(db, commune.id, m))),
  ]);
  const coverageKnown = coverages.some((c) => c !== null);
  const list: VillageMonth[] = villages.map((v) => {
    const own = months.map((m) => rows.find((r) => r.villageId === v.id && r.month === m) ?? null);
    const total = aggregateFigures(FIGURE_FIELDS, own.map((r) => (r ? parseStoredValues(r.data) : null)));
    const latest = own.filter((r) => r !== null).at(-1);
    return {
      ...v,
      figures: total && latest ? { values: total.values, version: latest.version, source: latest.source, updatedAt: latest.updatedAt, updatedByStaffId: latest.updatedByStaffId } : null,
      coverage: addCoverage(v.id, coverages.map((c) => c?.find((x) => x.villageId === v.id))),
      monthsReported: total?.monthsReported ?? 0,
    };
  });
  const set = deps.criteria.forProvince(commune.provinceCode);
  const results = evaluateCriteria(set, villageInputs(list, coverageKnown));
  return { commune, month: months.at(-1)!, villages: list, coverageKnown, criteriaSetName: set.name, results, counts: countByStatus(results) };
}

export async function tipStatsFor(db: Db, communeId: number, month: MonthKey, now: Date = new Date()): Promise<TipStats> {
  const { start, end } = monthRange(month);
  return tipStatsBetween(db, communeId, start, end, now);
}

/** Tips received in [start, end), held tips left out. */
export async function tipStatsBetween(db: Db, communeId: number, start: Date, end: Date, now: Date = new Date()): Promise<TipStats> {
  const rows = await db.tip.findMany({
    where: { communeId, hold: null, createdAt: { gte: start, lt: end } },
    select: { status: true, category: true, villageId: true, createdAt: true, takenAt: true, closedAt: true, source: true, result: true, dueAt: true },
  });
  return tipStatistics(rows, now);
}


/** The last `count` months up to `month`: tips, villages reached, criteria met. */
export async function communeTrend(db: Db, deps: ComplianceDeps, commune: CommuneRef, month: MonthKey, count = 6): Promise<TrendPoint[]> {
  const months = lastMonths(month, count);
  const { start } = monthRange(months[0]!);
  const { end } = monthRange(month);
  const [villages, rows, tips] = await Promise.all([
    db.village.findMany({ where: { communeId: commune.id }, orderBy: { code: "asc" }, select: { id: true, code: true, name: true } }),
    db.villageFigures.findMany({ where: { communeId: commune.id, month: { gte: months[0]!, lte: month } } }),
    db.tip.findMany({ where: { communeId: commune.id, hold: null, createdAt: { gte: start, lt: end } }, select: { createdAt: true } }),
  ]);
  const set = deps.criteria.forProvince(commune.provinceCode);
  const first = await firstRecordedMonth(db, commune.id);
  const out: TrendPoint[] = [];
  for (const m of months) {
    const coverage = await deps.coverage.villageCoverage(db, commune.id, m);
    const coverageByVillage = new Map((coverage ?? []).map((c) => [c.villageId, c]));
    const list: VillageMonth[] = villages.map((v) => {
      const r = rows.find((x) => x.villageId === v.id && x.month === m);
      return {
        ...v,
        figures: r ? { values: parseStoredValues(r.data), version: r.version, source: r.source, updatedAt: r.updatedAt, updatedByStaffId: r.updatedByStaffId } : null,
        coverage: coverageByVillage.get(v.id) ?? null,
      };
    });
    const results = evaluateCriteria(set, villageInputs(list, coverage !== null));
    const range = monthRange(m);
    out.push({
      month: m,
      recorded: first !== null && m >= first,
      tips: tips.filter((t) => t.createdAt >= range.start && t.createdAt < range.end).length,
      villagesReached: list.filter((v) => (v.figures?.values.propaganda_sessions ?? 0) >= 1 || (v.coverage?.confirmedBroadcast ?? 0) >= 1).length,
      villages: list.length,
      villagesReported: list.filter((v) => v.figures).length,
      criteriaMet: results.filter((r) => r.status === "met").length,
      criteriaTotal: results.length,
    });
  }
  return out;
}

/**
 * The first month the system knows anything of the commune: its first figures, tip, bulletin slot
 * or staff member. One indexed look-up each; null when there is nothing at all.
 */
async function firstRecordedMonth(db: Db, communeId: number): Promise<MonthKey | null> {
  const [figures, tip, slot, staff, villageStaff] = await Promise.all([
    db.villageFigures.findFirst({ where: { communeId }, orderBy: { month: "asc" }, select: { month: true } }),
    db.tip.findFirst({ where: { communeId }, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
    db.bulletinSlot.findFirst({ where: { communeId }, orderBy: { scheduledAt: "asc" }, select: { scheduledAt: true } }),
    db.staff.findFirst({ where: { communeId }, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
    db.staff.findFirst({ where: { village: { communeId } }, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
  ]);
  const months = [figures?.month, ...[tip?.createdAt, slot?.scheduledAt, staff?.createdAt, villageStaff?.createdAt].map((d) => (d ? monthOf(d) : undefined))].filter((m): m is MonthKey => !!m);
  return months.length > 0 ? months.sort()[0]! : null;
}

export interface RankingRow {
  commune: { id: number; code: string; name: string };
  met: number;
  notMet: number;
  unknown: number;
  total: number;
  villages: number;
  villagesReported: number;
}

/**
 * The communes of a province ranked by criteria met (then fewest unknown, then name). Two queries
 * for the whole province (villages; the month's figures), joined in memory: no long IN lists.
 */
export async function provinceRanking(db: Db, deps: ComplianceDeps, province: { id: number; code: string }, month: MonthKey): Promise<RankingRow[]> {
  const [communes, villages] = await Promise.all([
    db.commune.findMany({ where: { provinceId: province.id }, select: { id: true, code: true, name: true } }),
    db.village.findMany({ where: { commune: { provinceId: province.id } }, select: { id: true, name: true, communeId: true }, orderBy: { code: "asc" } }),
  ]);
  // By commune ids in chunks (the (communeId, month) index; D1 binds at most ~98 values a query):
  // a relation filter here makes SQLite read every village's row of the month in the country.
  const rows: Array<{ villageId: number; data: string }> = [];
  for (let i = 0; i < communes.length; i += ID_CHUNK) {
    const ids = communes.slice(i, i + ID_CHUNK).map((c) => c.id);
    rows.push(...(await db.villageFigures.findMany({ where: { month, communeId: { in: ids } }, select: { villageId: true, data: true } })));
  }
  const set = deps.criteria.forProvince(province.code);
  const figures = new Map(rows.map((r) => [r.villageId, parseStoredValues(r.data)]));
  const byCommune = new Map<number, typeof villages>();
  for (const v of villages) {
    const list = byCommune.get(v.communeId) ?? [];
    list.push(v);
    byCommune.set(v.communeId, list);
  }
  const ranking: RankingRow[] = [];
  for (const c of communes) {
    const vs = byCommune.get(c.id) ?? [];
    const coverage = await deps.coverage.villageCoverage(db, c.id, month);
    const coverageByVillage = new Map((coverage ?? []).map((x) => [x.villageId, x]));
    const inputs: VillageInput[] = vs.map((v) => ({
      label: v.name,
      figures: figures.get(v.id) ?? null,
      system: { broadcasts_confirmed: coverage ? (coverageByVillage.get(v.id)?.confirmedBroadcast ?? 0) : null },
    }));
    const counts = countByStatus(evaluateCriteria(set, inputs));
    ranking.push({ commune: c, met: counts.met, notMet: counts.not_met, unknown: counts.unknown, total: set.criteria.length, villages: vs.length, villagesReported: vs.filter((v) => figures.has(v.id)).length });
  }
  return ranking.sort((a, b) => b.met - a.met || a.unknown - b.unknown || a.commune.name.localeCompare(b.commune.name, "vi"));
}
