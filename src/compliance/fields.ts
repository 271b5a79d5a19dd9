// The figures a village enters each month, defined as data (figures.json), and the pure rules
// that check a set of values: whole numbers within bounds, yes/no as 1/0, "at most" relations.
import data from "./figures.json" with { type: "json" };
import { z } from "zod";
import { messagesFor, type Messages } from "../i18n/messages.js";
import { foldVietnamese } from "../places/normalize.js";

const msg = messagesFor("vi").data;

const fieldSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]{1,40}$/),
  group: z.string().min(1),
  label: z.string().min(2),
  question: z.string().min(2),
  kind: z.enum(["count", "yesno"]),
  max: z.number().int().positive().optional(),
  atMost: z.string().optional(),
  /** Over a quarter or a year: "sum" for a count of the month ("trong tháng"), "last" (the latest value) for a standing count. */
  aggregate: z.enum(["sum", "last"]).default("last"),
  /** How often /capnhat asks it: "quarterly" figures are asked in a quarter's first month, else kept from the month before. */
  cadence: z.enum(["monthly", "quarterly"]).default("monthly"),
});

export type FigureField = z.infer<typeof fieldSchema>;
export type FigureValues = Record<string, number>;

export class FieldsFileError extends Error {}

/** Validates a fields file: unique ids, "atMost" naming an earlier field. */
export function parseFields(input: unknown): FigureField[] {
  const parsed = z.object({ fields: z.array(fieldSchema).min(1) }).safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new FieldsFileError(msg.fields.invalidAt(issue.path.join("."), issue.message));
  }
  const seen = new Set<string>();
  for (const f of parsed.data.fields) {
    if (seen.has(f.id)) throw new FieldsFileError(msg.fields.duplicate(f.id));
    if (f.atMost && !seen.has(f.atMost)) throw new FieldsFileError(msg.fields.atMostUnknown(f.id, f.atMost));
    seen.add(f.id);
  }
  return parsed.data.fields;
}

export const FIGURE_FIELDS: FigureField[] = parseFields(data);
export const FIELD_IDS = new Set(FIGURE_FIELDS.map((f) => f.id));

export function fieldById(id: string): FigureField | undefined {
  return FIGURE_FIELDS.find((f) => f.id === id);
}

export type ValueProblem =
  | { kind: "not_number" }
  | { kind: "negative" }
  | { kind: "too_big"; max: number }
  | { kind: "over"; otherLabel: string; otherValue: number };

/**
 * Reads what a person typed for a field: digits, optionally grouped with dots or spaces ("1.234"),
 * or có/không for yes/no fields. Returns the number or why not.
 */
export function parseFieldInput(field: FigureField, typed: string): { ok: true; value: number } | { ok: false; problem: ValueProblem } {
  const t = typed.trim().toLowerCase().replace(/[\p{Cf}]/gu, "");
  if (field.kind === "yesno") {
    if (msg.fields.yes.includes(t)) return { ok: true, value: 1 };
    if (msg.fields.no.includes(t)) return { ok: true, value: 0 };
    return { ok: false, problem: { kind: "not_number" } };
  }
  if (/^-\s*\d/.test(t)) return { ok: false, problem: { kind: "negative" } };
  if (!/^\d{1,3}([.\s]\d{3})*$|^\d+$/.test(t)) return { ok: false, problem: { kind: "not_number" } };
  const value = Number(t.replace(/[.\s]/g, ""));
  if (!Number.isSafeInteger(value)) return { ok: false, problem: { kind: "not_number" } };
  const max = field.max ?? 1_000_000;
  if (value > max) return { ok: false, problem: { kind: "too_big", max } };
  return { ok: true, value };
}

/** Why a typed value was refused, in the form's words (the chat's question and the console's field). */
export function problemText(t: Messages, problem: ValueProblem, field: FigureField): string {
  switch (problem.kind) {
    case "not_number":
      return field.kind === "yesno" ? t.compliance.form.notYesNo : t.compliance.form.notNumber;
    case "negative":
      return t.compliance.form.negative;
    case "too_big":
      return t.compliance.form.tooBig(problem.max);
    case "over":
      return t.compliance.form.over(problem.otherLabel, problem.otherValue);
  }
}

/** A value against the fields it must not exceed, given the values entered so far. */
export function checkRelation(field: FigureField, value: number, values: FigureValues, fields: FigureField[] = FIGURE_FIELDS): ValueProblem | null {
  if (!field.atMost) return null;
  const other = values[field.atMost];
  if (other === undefined || value <= other) return null;
  return { kind: "over", otherLabel: fields.find((f) => f.id === field.atMost)?.label ?? field.atMost, otherValue: other };
}

/** Fields whose "at most" relation an earlier field's new value breaks (to ask them again). */
export function brokenRelations(values: FigureValues, fields: FigureField[] = FIGURE_FIELDS): FigureField[] {
  return fields.filter((f) => f.atMost && values[f.id] !== undefined && values[f.atMost] !== undefined && values[f.id]! > values[f.atMost]!);
}

/** Checks a whole set (CSV import, stored data): every key known, every value a whole number in bounds. */
export function validateValues(values: Record<string, unknown>, fields: FigureField[] = FIGURE_FIELDS): { ok: true; values: FigureValues } | { ok: false; field: string; problem: string } {
  const out: FigureValues = {};
  for (const [key, raw] of Object.entries(values)) {
    const field = fields.find((f) => f.id === key);
    if (!field) return { ok: false, field: key, problem: msg.fields.notInCatalog };
    if (typeof raw !== "number" || !Number.isInteger(raw) || raw < 0) return { ok: false, field: key, problem: msg.fields.notCount };
    if (field.kind === "yesno" && raw > 1) return { ok: false, field: key, problem: msg.fields.notYesNo };
    if (raw > (field.max ?? 1_000_000)) return { ok: false, field: key, problem: msg.fields.overMax(field.max) };
    out[key] = raw;
  }
  for (const f of brokenRelations(out, fields)) {
    return { ok: false, field: f.id, problem: msg.fields.overOther(fields.find((x) => x.id === f.atMost)?.label ?? f.atMost) };
  }
  return { ok: true, values: out };
}

/**
 * Stored JSON → values; anything unreadable counts as no values (never a crash). Items no longer in
 * the list (baseline_users, kept by migration 0017 where it could not be split) are left out, so a
 * copy of last month's figures saves.
 */
export function parseStoredValues(json: string): FigureValues {
  try {
    const parsed = JSON.parse(json) as unknown;
    if (!parsed || typeof parsed !== "object") return {};
    const out: FigureValues = {};
    for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) if (FIELD_IDS.has(k) && typeof v === "number" && Number.isFinite(v)) out[k] = v;
    return out;
  } catch {
    return {};
  }
}

/** January, April, July and October open a quarter: the months every figure is asked. */
export function opensQuarter(month: string): boolean {
  return [1, 4, 7, 10].includes(Number(month.slice(5, 7)));
}

/**
 * The figures /capnhat does not ask this month but keeps from before: quarterly ones that have a
 * value to keep, in a month that does not open a quarter. Every other figure is asked.
 */
export function carriedFields(month: string, previous: FigureValues, fields: FigureField[] = FIGURE_FIELDS): FigureField[] {
  if (opensQuarter(month)) return [];
  return fields.filter((f) => f.cadence === "quarterly" && previous[f.id] !== undefined);
}

/** The fields whose label holds every word typed (diacritics and case aside), for "sửa một mục" by name. */
export function fieldsNamed(typed: string, fields: FigureField[] = FIGURE_FIELDS): FigureField[] {
  const words = foldVietnamese(typed).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  if (words.length === 0) return [];
  return fields.filter((f) => {
    const label = foldVietnamese(f.label);
    return words.every((w) => label.includes(w));
  });
}
