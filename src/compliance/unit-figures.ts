// The reporting units' monthly figures over the database: a save is a new revision (who, when),
// the current row moves with it under a version lock, as the villages' figures do (service.ts);
// a commune's units for a month or a review period (flows summed, stocks the latest: the same
// aggregateFigures). Scope is checked here, once: a unit's member reads and writes only their own
// unit in their commune; leaders and officers read every unit of theirs; anything else is not_found.
import type { Db } from "../db/client.js";
import type { MonthKey } from "../util/vietnam-time.js";
import { can, type StaffScope } from "../staff/roles.js";
import { validateValues, type FigureValues } from "./fields.js";
import { aggregateFigures } from "./periods.js";
import { REPORTING_UNITS, parseUnitValues, unitByKind, type ReportingUnit } from "./units.js";

export interface StoredUnitFigures {
  values: FigureValues;
  version: number;
  updatedAt: Date;
  updatedByStaffId: number | null;
}

export interface UnitMonth {
  unit: ReportingUnit;
  figures: StoredUnitFigures | null;
  /** Over a longer period: how many of its months the unit entered. */
  monthsReported?: number;
}

export type UnitSaveResult = { ok: true; version: number } | { ok: false; reason: "conflict" | "invalid" | "not_found"; detail?: string };

type Scoped = StaffScope & { id: number };

async function communeTarget(db: Db, communeId: number) {
  return db.commune.findUnique({ where: { id: communeId }, select: { id: true, provinceId: true } });
}

/** Whether this staff member may do the action on this unit of this commune. */
async function mayOnUnit(db: Db, staff: StaffScope, action: "unitfigures.write" | "unitfigures.read", communeId: number, unitKind: string): Promise<boolean> {
  const commune = await communeTarget(db, communeId);
  return !!commune && !!unitByKind(unitKind) && can(staff, action, { communeId: commune.id, provinceId: commune.provinceId, unitKind });
}

function stored(unit: ReportingUnit, row: { data: string; version: number; updatedAt: Date; updatedByStaffId: number | null }): StoredUnitFigures {
  return { values: parseUnitValues(unit, row.data), version: row.version, updatedAt: row.updatedAt, updatedByStaffId: row.updatedByStaffId };
}

/** A unit's month as its member (or a reader of the commune) sees it; null when out of scope. */
export async function unitFiguresAs(db: Db, staff: StaffScope, communeId: number, unitKind: string, month: MonthKey): Promise<{ ok: true; figures: StoredUnitFigures | null } | { ok: false; reason: "not_found" }> {
  const unit = unitByKind(unitKind);
  if (!unit || !(await mayOnUnit(db, staff, "unitfigures.read", communeId, unitKind))) return { ok: false, reason: "not_found" };
  const row = await db.unitFigures.findUnique({ where: { communeId_unitKind_month: { communeId, unitKind, month } } });
  return { ok: true, figures: row ? stored(unit, row) : null };
}

/**
 * Saves a unit's figures for a month as a new revision. The revision's unique (commune, unit, month,
 * version) key is the lock: of two saves against the same version one wins, the other is told to
 * look again. Earlier revisions are never changed.
 */
export async function saveUnitFigures(
  db: Db,
  staff: Scoped,
  input: { communeId: number; unitKind: string; month: MonthKey; values: FigureValues; basedOnVersion: number; now: Date },
): Promise<UnitSaveResult> {
  const unit = unitByKind(input.unitKind);
  if (!unit || !(await mayOnUnit(db, staff, "unitfigures.write", input.communeId, input.unitKind))) return { ok: false, reason: "not_found" };
  const checked = validateValues(input.values, unit.fields);
  if (!checked.ok) return { ok: false, reason: "invalid", detail: `${checked.field}: ${checked.problem}` };
  const version = input.basedOnVersion + 1;
  const data = JSON.stringify(checked.values);
  const key = { communeId: input.communeId, unitKind: unit.kind, month: input.month };
  try {
    await db.unitFigureRevision.create({ data: { ...key, version, data, staffId: staff.id, createdAt: input.now } });
  } catch (error) {
    if ((error as { code?: string }).code !== "P2002") throw error;
    await catchUp(db, key);
    return { ok: false, reason: "conflict" };
  }
  const row = { data, version, updatedByStaffId: staff.id, updatedAt: input.now };
  if (input.basedOnVersion === 0) {
    try {
      await db.unitFigures.create({ data: { ...key, ...row } });
      return { ok: true, version };
    } catch (error) {
      if ((error as { code?: string }).code !== "P2002") throw error;
    }
  }
  const moved = await db.unitFigures.updateMany({ where: { ...key, version: { lt: version } }, data: row });
  return moved.count === 1 ? { ok: true, version } : { ok: false, reason: "conflict" };
}

/** A save that stopped between its revision and the current row: bring the row up to the newest revision. */
async function catchUp(db: Db, key: { communeId: number; unitKind: string; month: MonthKey }): Promise<void> {
  const latest = await db.unitFigureRevision.findFirst({ where: key, orderBy: { version: "desc" } });
  if (!latest) return;
  const row = { data: latest.data, version: latest.version, updatedByStaffId: latest.staffId, updatedAt: latest.createdAt };
  const moved = await db.unitFigures.updateMany({ where: { ...key, version: { lt: latest.version } }, data: row });
  if (moved.count === 0 && !(await db.unitFigures.findUnique({ where: { communeId_unitKind_month: key } }))) {
    await db.unitFigures.create({ data: { ...key, ...row } }).catch((error: { code?: string }) => {
      if (error.code !== "P2002") throw error;
    });
  }
}

/**
 * Every unit of a commune over some months (a month, or a review period's months begun): one month
 * as entered; several added up by each figure's rule. Not scope-checked: for the summary, the report
 * and reminders, whose callers checked the commune (communeUnitsAs for a staff member).
 */
export async function communeUnits(db: Db, communeId: number, months: MonthKey[]): Promise<UnitMonth[]> {
  const rows = months.length === 0 ? [] : await db.unitFigures.findMany({ where: { communeId, month: { in: months } } });
  return REPORTING_UNITS.map((unit) => {
    const own = months.map((m) => rows.find((r) => r.unitKind === unit.kind && r.month === m) ?? null);
    if (months.length === 1) return { unit, figures: own[0] ? stored(unit, own[0]) : null };
    const total = aggregateFigures(unit.fields, own.map((r) => (r ? parseUnitValues(unit, r.data) : null)));
    const latest = own.filter((r) => r !== null).at(-1);
    return {
      unit,
      figures: total && latest ? { values: total.values, version: latest.version, updatedAt: latest.updatedAt, updatedByStaffId: latest.updatedByStaffId } : null,
      monthsReported: total?.monthsReported ?? 0,
    };
  });
}

/** The units of a commune a staff member may read: all for its leaders and officers, their own for a unit's member. */
export async function communeUnitsAs(db: Db, staff: StaffScope, communeId: number, months: MonthKey[]): Promise<{ ok: true; units: UnitMonth[] } | { ok: false; reason: "not_found" }> {
  const commune = await communeTarget(db, communeId);
  if (!commune) return { ok: false, reason: "not_found" };
  const readable = REPORTING_UNITS.filter((u) => can(staff, "unitfigures.read", { communeId: commune.id, provinceId: commune.provinceId, unitKind: u.kind }));
  if (readable.length === 0) return { ok: false, reason: "not_found" };
  const all = await communeUnits(db, commune.id, months);
  return { ok: true, units: all.filter((u) => readable.includes(u.unit)) };
}
