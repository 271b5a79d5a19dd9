// The reporting units every commune has (units.json: the departments, the health station, the
// schools, the Fatherland Front and the mass organisations of seed 000 section IV) and their own
// monthly figures, as data; the pure rules over them: which unit a kind names, the report's columns
// (a figure id shared by units is one column), the totals over the units.
import data from "./units.json" with { type: "json" };
import { z } from "zod";
import { FieldsFileError, parseFields, type FigureField, type FigureValues } from "./fields.js";
import { messagesFor } from "../i18n/messages.js";

const msg = messagesFor("vi").data;

/** Seed file, section and line: seed-000#IV.153. */
const SOURCE_ID = /^seed-\d{3}#[IVX0-9.]+$/;

const unitSchema = z.object({
  kind: z.string().regex(/^[a-z][a-z_]{1,40}$/),
  name: z.string().min(2),
  sourceId: z.string().regex(SOURCE_ID),
  fields: z.array(z.object({ id: z.string(), sourceId: z.string().regex(SOURCE_ID) }).passthrough()).min(1),
});

export interface ReportingUnit {
  kind: string;
  name: string;
  sourceId: string;
  fields: FigureField[];
}

/**
 * Validates a units file: unique kinds; each unit's fields as figures.json's (unique ids, "at
 * most" an earlier one); each with its source; a figure id shared by units has one label, kind and
 * aggregation rule (it is one column of the report, totalled over the units).
 */
export function parseUnits(input: unknown): ReportingUnit[] {
  const parsed = z.object({ units: z.array(unitSchema).min(1) }).safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new FieldsFileError(msg.fields.invalidAt(issue.path.join("."), issue.message));
  }
  const kinds = new Set<string>();
  const shared = new Map<string, FigureField>();
  return parsed.data.units.map((u) => {
    if (kinds.has(u.kind)) throw new FieldsFileError(msg.fields.duplicate(u.kind));
    kinds.add(u.kind);
    const fields = parseFields({ fields: u.fields });
    for (const f of fields) {
      const other = shared.get(f.id);
      if (other && (other.label !== f.label || other.kind !== f.kind || other.aggregate !== f.aggregate)) throw new FieldsFileError(msg.fields.invalidAt(`${u.kind}.${f.id}`, msg.fields.unitSharedDiffers));
      if (!other) shared.set(f.id, f);
    }
    return { kind: u.kind, name: u.name, sourceId: u.sourceId, fields };
  });
}

export const REPORTING_UNITS: ReportingUnit[] = parseUnits(data);
export const UNIT_KINDS: string[] = REPORTING_UNITS.map((u) => u.kind);

export function unitByKind(kind: string | null | undefined): ReportingUnit | undefined {
  return kind ? REPORTING_UNITS.find((u) => u.kind === kind) : undefined;
}

export function isUnitKind(kind: string): boolean {
  return UNIT_KINDS.includes(kind);
}

/** Every figure of the units, once each, in the order they first appear: the report's columns. */
export function unitColumns(units: ReportingUnit[] = REPORTING_UNITS): FigureField[] {
  const out: FigureField[] = [];
  for (const u of units) for (const f of u.fields) if (!out.some((x) => x.id === f.id)) out.push(f);
  return out;
}

/** Stored JSON → the unit's values; anything unreadable or not of this unit is left out (never a crash). */
export function parseUnitValues(unit: ReportingUnit, json: string): FigureValues {
  try {
    const parsed = JSON.parse(json) as unknown;
    if (!parsed || typeof parsed !== "object") return {};
    const out: FigureValues = {};
    for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) if (unit.fields.some((f) => f.id === k) && typeof v === "number" && Number.isFinite(v)) out[k] = v;
    return out;
  } catch {
    return {};
  }
}

export interface UnitColumnTotal {
  sum: number;
  /** Every unit that has this figure entered it; otherwise the sum is the known part only. */
  complete: boolean;
  /** How many units have this figure at all (0: no unit asks it). */
  units: number;
}

/**
 * The total row: for each column, the sum over the units that have the figure; complete only when
 * each of those entered it (a unit without the month's figures, or that skipped it, leaves it partial).
 */
export function unitTotals(rows: Array<{ unit: ReportingUnit; values: FigureValues | null }>, columns: FigureField[]): Record<string, UnitColumnTotal> {
  const out: Record<string, UnitColumnTotal> = {};
  for (const c of columns) {
    const having = rows.filter((r) => r.unit.fields.some((f) => f.id === c.id));
    const entered = having.map((r) => r.values?.[c.id]).filter((v): v is number => v !== undefined);
    out[c.id] = { sum: entered.reduce((s, v) => s + v, 0), complete: entered.length === having.length, units: having.length };
  }
  return out;
}
