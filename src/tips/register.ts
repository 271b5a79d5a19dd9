// The tip register (sổ tiếp nhận, xử lý tin báo): one row per tip of a commune received in a period,
// with its dates, status, category, village, source and days overdue; never its words, never anything
// about who sent it. Rows and the period rules are here; the spreadsheet is src/reports/register-xlsx.ts.
import type { Db } from "../db/client.js";
import { DAY_MS, VN_OFFSET_MS, formatDateVN, monthRange, parseMonthArg, type MonthKey } from "../util/vietnam-time.js";
import { can } from "../staff/roles.js";
import type { StaffRef } from "./service.js";
import { isOpen } from "./status.js";
import { categories, categoryLabel } from "./categories.js";
import { findSource, sourceLabel } from "./sources.js";
import { daysLate } from "./deadlines.js";
import { resultLabel } from "./results.js";
import { vi } from "../i18n/vi.js";
import { viIntake } from "../i18n/vi-intake.js";

/** A register covers at most a year. */
export const MAX_PERIOD_DAYS = 366;
const MAX_ROWS = 5000;

/** [from, to) in instants. */
export interface RegisterPeriod {
  from: Date;
  to: Date;
}

export interface RegisterFilter {
  statuses?: string[];
  category?: string;
  villageId?: number;
  source?: string;
  /** The responsible officer (người phụ trách). */
  officerStaffId?: number;
}

export interface RegisterRow {
  caseNumber: string;
  receivedAt: Date;
  takenAt: Date | null;
  closedAt: Date | null;
  status: string;
  category: string;
  villageName: string | null;
  source: string;
  overdueDays: number;
  /** What a closed tip came to (results.json), in words; null while open. */
  result: string | null;
  /** The responsible officer's name, or null. */
  officer: string | null;
}

export interface RegisterMeta {
  communeName: string;
  /** "từ 01/11/2026 đến 30/11/2026" */
  periodText: string;
  /** The filters in words, or none. */
  filters: string[];
  generatedAt: Date;
}

/** A Vietnam calendar day "dd/mm/yyyy" or "yyyy-mm-dd" → its first instant, or null. */
export function parseDayVN(text: string): Date | null {
  const m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text.trim()) ?? null;
  const iso = m ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const [y, mo, d] = m ? [Number(m[3]), Number(m[2]), Number(m[1])] : iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : [0, 0, 0];
  if (!y) return null;
  const at = new Date(Date.UTC(y, mo - 1, d));
  if (at.getUTCFullYear() !== y || at.getUTCMonth() !== mo - 1 || at.getUTCDate() !== d) return null;
  return new Date(at.getTime() - VN_OFFSET_MS);
}

/** From the first day to the last day, both included (Vietnam time); null when it is no period or too long. */
export function periodOfDays(first: Date, last: Date): RegisterPeriod | null {
  const to = new Date(last.getTime() + DAY_MS);
  if (to <= first || to.getTime() - first.getTime() > MAX_PERIOD_DAYS * DAY_MS) return null;
  return { from: first, to };
}

/** A month ("2026-11") as a period, in Vietnam time. */
export function monthPeriod(month: MonthKey): RegisterPeriod {
  const { start, end } = monthRange(month);
  return { from: start, to: end };
}

/**
 * What an officer types for a period: a month ("11/2026") or two days ("01/11/2026-15/11/2026").
 * "none" when it is not a period at all (maybe a filter word), "bad" when it is one but not valid.
 */
export function parsePeriodArg(word: string): RegisterPeriod | "none" | "bad" {
  const month = parseMonthArg(word);
  if (month) return monthPeriod(month);
  const m = /^([\d/.]+)-([\d/.]+)$/.exec(word.trim());
  if (!m) return "none";
  const first = parseDayVN(m[1]!);
  const last = parseDayVN(m[2]!);
  if (!first || !last) return "bad";
  return periodOfDays(first, last) ?? "bad";
}

/** The register of a commune, for the admin command line (no staff scope) and the chat command (tipRegister). */
export async function registerRows(db: Db, communeId: number, period: RegisterPeriod, filter: RegisterFilter, now: Date): Promise<RegisterRow[]> {
  const tips = await db.tip.findMany({
    where: {
      communeId,
      hold: null,
      createdAt: { gte: period.from, lt: period.to },
      ...(filter.statuses ? { status: { in: filter.statuses } } : {}),
      ...(filter.category ? { category: filter.category } : {}),
      ...(filter.villageId ? { villageId: filter.villageId } : {}),
      ...(filter.source ? { source: filter.source } : {}),
      ...(filter.officerStaffId ? { officerStaffId: filter.officerStaffId } : {}),
    },
    select: { caseNumber: true, createdAt: true, takenAt: true, closedAt: true, status: true, category: true, source: true, dueAt: true, result: true, officerStaffId: true, village: { select: { name: true } } },
    orderBy: { id: "asc" },
    take: MAX_ROWS,
  });
  const officerIds = [...new Set(tips.flatMap((t) => (t.officerStaffId !== null ? [t.officerStaffId] : [])))];
  const officers = new Map((officerIds.length > 0 ? await db.staff.findMany({ where: { id: { in: officerIds } }, select: { id: true, displayName: true } }) : []).map((o) => [o.id, o.displayName]));
  return tips.map((t) => ({
    caseNumber: t.caseNumber,
    receivedAt: t.createdAt,
    takenAt: t.takenAt,
    closedAt: t.closedAt,
    status: t.status,
    category: t.category,
    villageName: t.village?.name ?? null,
    source: t.source,
    overdueDays: daysLate({ dueAt: t.dueAt, createdAt: t.createdAt, closedAt: t.closedAt, open: isOpen(t.status) }, now),
    result: t.result ? resultLabel(t.result) : null,
    officer: t.officerStaffId !== null ? (officers.get(t.officerStaffId) ?? null) : null,
  }));
}

/** The register as an officer or leader may read it: their own commune only. */
export async function tipRegister(db: Db, staff: StaffRef, period: RegisterPeriod, filter: RegisterFilter, now: Date): Promise<RegisterRow[] | null> {
  if (staff.communeId === null || !can(staff, "tip.list", { communeId: staff.communeId })) return null;
  return registerRows(db, staff.communeId, period, filter, now);
}

/** The commune's officers (active or not: old tips keep theirs), for the register's officer filter. */
export function registerOfficers(db: Db, communeId: number) {
  return db.staff.findMany({ where: { communeId, role: "officer" }, select: { id: true, displayName: true }, orderBy: { id: "asc" }, take: 50 });
}

export type RegisterFile =
  | { ok: true; bytes: Uint8Array; fileName: string; rows: number; periodText: string }
  | { ok: false; reason: "forbidden" | "none" | "unavailable"; periodText: string };

/**
 * The register as a spreadsheet for the staff member's commune (the chat's /sotinbao and the
 * console): `render` is the runtime's XLSX renderer, absent where files cannot be made (Workers).
 */
export async function registerFile(
  db: Db,
  staff: StaffRef,
  commune: { code: string; name: string },
  period: RegisterPeriod,
  filter: RegisterFilter,
  filters: string[],
  now: Date,
  render: ((meta: RegisterMeta, rows: RegisterRow[]) => Promise<Uint8Array>) | undefined,
): Promise<RegisterFile> {
  const w = viIntake.register;
  const last = new Date(period.to.getTime() - DAY_MS);
  const periodText = w.periodText(formatDateVN(period.from), formatDateVN(last));
  const rows = await tipRegister(db, staff, period, filter, now);
  if (!rows) return { ok: false, reason: "forbidden", periodText };
  if (rows.length === 0) return { ok: false, reason: "none", periodText };
  if (!render) return { ok: false, reason: "unavailable", periodText };
  const bytes = await render({ communeName: commune.name, periodText, filters, generatedAt: now }, rows);
  const iso = (d: Date) => formatDateVN(d).split("/").reverse().join("");
  return { ok: true, bytes, fileName: `${w.fileStem(commune.code, iso(period.from), iso(last))}.xlsx`, rows: rows.length, periodText };
}

/** Status words as typed after /tinbao and /sotinbao (unaccented), or a status id itself. */
const STATUS_FILTER_WORDS: Record<string, string[]> = {
  moi: ["new"],
  tiepnhan: ["taken"],
  xacminh: ["verifying"],
  daxuly: ["done"],
  khongcoso: ["unfounded"],
  new: ["new"],
  taken: ["taken"],
  verifying: ["verifying"],
  done: ["done"],
  unfounded: ["unfounded"],
};

/**
 * One filter word of the register: a status, a category id, a source id or a village code of the
 * commune. Adds it to `filter` and returns its description ("Nguồn tin: …"), or null when it is none.
 */
export async function addFilterWord(db: Db, communeId: number, filter: RegisterFilter, word: string, me?: { id: number; displayName: string }): Promise<string | null> {
  const lower = word.toLowerCase();
  const cols = viIntake.register.columns;
  if (me && lower === viIntake.register.mineWord) {
    filter.officerStaffId = me.id;
    return viIntake.register.mine(me.displayName);
  }
  if (Object.hasOwn(STATUS_FILTER_WORDS, lower)) {
    filter.statuses = STATUS_FILTER_WORDS[lower]!;
    return `${cols[5]}: ${vi.status[filter.statuses[0]!] ?? lower}`;
  }
  if (categories.some((c) => c.id === lower)) {
    filter.category = lower;
    return `${cols[6]}: ${categoryLabel(lower)}`;
  }
  if (findSource(lower)) {
    filter.source = lower;
    return `${cols[8]}: ${sourceLabel(lower)}`;
  }
  const village = /^[A-Za-z0-9-]{2,16}$/.test(word) ? await db.village.findFirst({ where: { communeId, code: word.toUpperCase() } }) : null;
  if (village) {
    filter.villageId = village.id;
    return `${cols[7]}: ${village.name}`;
  }
  return null;
}
