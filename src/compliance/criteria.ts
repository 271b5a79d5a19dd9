// Criteria sets as data: parsing and checking a set (rejected at start with a clear message when
// malformed), province overrides, and the pure evaluation of a set over a commune's figures.
import { z } from "zod";
import { FIGURE_FIELDS, type FigureField } from "./fields.js";
import { communeScope, evaluate, FormulaError, parseFormula, villageScope, type Missing, type Node, type Value } from "./formula.js";
import { CRITERIA_FILES } from "./criteria/index.js";
import { messagesFor } from "../i18n/messages.js";

const msg = messagesFor("vi").data;

/** Names the system fills in itself, per village. */
export const SYSTEM_VILLAGE_NAMES = ["broadcasts_confirmed"] as const;

const OPS = ["<", "<=", ">", ">=", "=="] as const;
export type ThresholdOp = (typeof OPS)[number];

/**
 * The source users read (/tieuchi, reports): the document by its issuing body, place and date or
 * number, and its section or item, e.g. "KH huyện Như Xuân (Thanh Hóa) 2024–2025, mục II, tiêu chí 2".
 * Never our copy of it: no seed file, no line number.
 */
const humanSource = z
  .string()
  .min(3)
  .refine((s) => !/\bseeds?\b|\b(?:dòng|lines?)\s*\d/iu.test(s), msg.criteria.humanSource);
/** For developers and tests only, never shown: where in the seed plans, "seed-003#II.35" (file, section, line); several separated by spaces. */
const sourceId = z.string().regex(/^seed-\d{3}#[A-Z]+(?:\.[0-9-]+)+(?: seed-\d{3}#[A-Z]+(?:\.[0-9-]+)+)*$/, msg.criteria.sourceId);

const criterionSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,40}$/, msg.criteria.id),
  text: z.string().min(5),
  source: humanSource,
  sourceId: sourceId.optional(),
  formula: z.string().min(1),
  threshold: z.object({ op: z.enum(OPS), value: z.number() }),
  /** "check": a yes/no rule (1 when it holds); the numbers behind it are shown instead of a value. */
  display: z.enum(["percent", "number", "check"]).default("number"),
  needs: z.array(z.string()).min(1),
  /** "commune": judged on the commune's totals only (e.g. "dưới 10 người" in the commune), never on one village. */
  level: z.enum(["commune", "village"]).default("village"),
  /** The requirement in the plan's words, shown as "Yêu cầu: …" where the threshold alone would not say it. */
  requirement: z.string().min(5).optional(),
});

/**
 * An override changes only what it names. Zod 4's `.partial()` keeps defaults, so a partial of
 * criterionSchema would fill in `display: "number"` and `level: "village"` for an override that
 * names only a threshold: every key here is optional without a default.
 */
const criterionOverrideSchema = z.object({
  id: criterionSchema.shape.id,
  text: criterionSchema.shape.text.optional(),
  source: humanSource.optional(),
  sourceId: sourceId.optional(),
  formula: criterionSchema.shape.formula.optional(),
  threshold: criterionSchema.shape.threshold.optional(),
  display: z.enum(["percent", "number", "check"]).optional(),
  needs: criterionSchema.shape.needs.optional(),
  level: z.enum(["commune", "village"]).optional(),
  requirement: z.string().min(5).optional(),
});

const setSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(3),
  source: humanSource,
  sourceIds: z.array(z.string().regex(/^seed-\d{3}$/)).optional(),
  criteria: z.array(criterionSchema).min(1),
});

const overrideSchema = z.object({
  id: z.string().min(1),
  province: z.string().regex(/^[A-Z0-9-]{2,16}$/),
  /** A province's commune set extends "default"; a province's village set (<CODE>.village.json) extends "village". */
  extends: z.enum(["default", "village"]),
  name: z.string().min(3),
  source: humanSource,
  sourceIds: z.array(z.string().regex(/^seed-\d{3}$/)).optional(),
  /** Replace parts of existing criteria (e.g. a threshold). */
  override: z.array(criterionOverrideSchema).default([]),
  add: z.array(criterionSchema).default([]),
  remove: z.array(z.string()).default([]),
});

/** The village set (village.json): the default set's village-level criteria, changed and added to like a province's. */
const villageSetSchema = overrideSchema.omit({ province: true }).extend({ extends: z.literal("default") });

export type CriterionDef = z.infer<typeof criterionSchema>;

export interface Criterion extends CriterionDef {
  ast: Node;
}

export interface CriteriaSet {
  id: string;
  name: string;
  source: string;
  province: string | null;
  criteria: Criterion[];
}

export class CriteriaFileError extends Error {}

function fail(file: string, message: string): never {
  throw new CriteriaFileError(msg.criteria.invalidFile(file, message));
}

const issueMessage = (issue: z.core.$ZodIssue) => `${issue.path.join(".") || msg.criteria.root}: ${issue.message}`;

/**
 * Where a problem of a file goes: at start the first one stops the server (`thrower`); the
 * console's check of an uploaded file collects them all (`checkCriteriaFile`). Either way the
 * same checks run, in the same order.
 */
interface Problems {
  report(message: string): void;
  /** How schema errors read (the console's check: Vietnamese; at start: zod's own). */
  zod?: z.core.$ZodErrorMap;
  /** Collecting: every schema issue, not the first. */
  all?: boolean;
}

const thrower = (file: string): Problems => ({ report: (message) => fail(file, message) });

function schemaRead<T>(schema: z.ZodType<T>, input: unknown, problems: Problems): T | null {
  const parsed = schema.safeParse(input, problems.zod ? { error: problems.zod } : undefined);
  if (parsed.success) return parsed.data;
  for (const issue of problems.all ? parsed.error.issues : parsed.error.issues.slice(0, 1)) problems.report(issueMessage(issue));
  return null;
}

/** Compiles criteria: ids unique, formulas parse, names known, "needs" names exactly what the formula reads. */
function compile(defs: CriterionDef[], fields: FigureField[], problems: Problems): Criterion[] {
  const known = new Set<string>([...fields.map((f) => f.id), ...SYSTEM_VILLAGE_NAMES]);
  const seen = new Set<string>();
  const out: Criterion[] = [];
  for (const def of defs) {
    if (seen.has(def.id)) {
      problems.report(msg.criteria.duplicate(def.id));
      continue;
    }
    seen.add(def.id);
    let parsed;
    try {
      parsed = parseFormula(def.formula, known);
    } catch (error) {
      if (!(error instanceof FormulaError)) throw error;
      problems.report(msg.criteria.inCriterion(def.id, error.message));
      continue;
    }
    let bad = false;
    const report = (message: string) => {
      bad = true;
      problems.report(message);
    };
    for (const need of def.needs) if (!known.has(need)) report(msg.criteria.unknownNeed(def.id, need));
    const declared = new Set(def.needs);
    for (const name of parsed.names) if (!declared.has(name)) report(msg.criteria.undeclaredName(def.id, name));
    for (const name of declared) if (!parsed.names.has(name)) report(msg.criteria.unusedNeed(def.id, name));
    if (!bad) out.push({ ...def, ast: parsed.ast });
  }
  return out;
}

function readFullSet(input: unknown, fields: FigureField[], problems: Problems): CriteriaSet | null {
  const set = schemaRead(setSchema, input, problems);
  if (!set) return null;
  return { id: set.id, name: set.name, source: set.source, province: null, criteria: compile(set.criteria, fields, problems) };
}

function readProvinceOverride(input: unknown, base: CriteriaSet, fields: FigureField[], problems: Problems): CriteriaSet | null {
  const o = schemaRead(overrideSchema, input, problems);
  if (!o) return null;
  const expected = base.id === VILLAGE_SET_ID ? "village" : "default";
  if (o.extends !== expected) {
    problems.report(msg.criteria.extendsWrong(expected));
    return null;
  }
  const set = { id: o.id, name: o.name, source: o.source, province: o.province, criteria: compile(changed(o, base, problems), fields, problems) };
  if (base.id === VILLAGE_SET_ID) onlyVillageLevel(set, problems);
  return set;
}

function readVillageSet(input: unknown, base: CriteriaSet, fields: FigureField[], problems: Problems): CriteriaSet | null {
  const o = schemaRead(villageSetSchema, input, problems);
  if (!o) return null;
  const villageLevel = { ...base, criteria: base.criteria.filter((c) => c.level !== "commune") };
  const set = { id: VILLAGE_SET_ID, name: o.name, source: o.source, province: null, criteria: compile(changed(o, villageLevel, problems), fields, problems) };
  onlyVillageLevel(set, problems);
  return set;
}

/** Parses one full set (like default.json). */
export function parseCriteriaSet(file: string, input: unknown, fields: FigureField[] = FIGURE_FIELDS): CriteriaSet {
  return readFullSet(input, fields, thrower(file))!;
}

/** Parses a province file that extends the default set (or, for <CODE>.village.json, the village set). */
export function parseProvinceOverride(file: string, input: unknown, base: CriteriaSet, fields: FigureField[] = FIGURE_FIELDS): CriteriaSet {
  return readProvinceOverride(input, base, fields, thrower(file))!;
}

/** Parses the village set ("thôn, khu phố không ma túy"): the default's criteria that hold village by village, with its changes. */
export function parseVillageSet(file: string, input: unknown, base: CriteriaSet, fields: FigureField[] = FIGURE_FIELDS): CriteriaSet {
  return readVillageSet(input, base, fields, thrower(file))!;
}

const VILLAGE_SET_ID = "village";

/** A village is never judged by a commune threshold. */
function onlyVillageLevel(set: CriteriaSet, problems: Problems): void {
  for (const c of set.criteria) if (c.level === "commune") problems.report(msg.criteria.communeLevelInVillageSet(c.id));
}

/** A base set's criteria with a file's removals, overrides and additions. */
function changed(o: Pick<z.infer<typeof overrideSchema>, "remove" | "override" | "add">, base: CriteriaSet, problems: Problems): CriterionDef[] {
  const byId = new Map<string, CriterionDef>(base.criteria.map(({ ast: _ast, ...def }) => [def.id, def]));
  for (const id of o.remove) {
    if (!byId.delete(id)) problems.report(msg.criteria.removeUnknown(id));
  }
  for (const change of o.override) {
    const current = byId.get(change.id);
    if (!current) {
      problems.report(msg.criteria.overrideUnknown(change.id));
      continue;
    }
    const merged = { ...current, ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) } as CriterionDef;
    // A new source without its own id: the default's id would point at the wrong document.
    if (change.source !== undefined && change.sourceId === undefined) delete merged.sourceId;
    byId.set(change.id, merged);
  }
  for (const added of o.add) {
    if (byId.has(added.id)) {
      problems.report(msg.criteria.addExisting(added.id));
      continue;
    }
    byId.set(added.id, added);
  }
  return [...byId.values()];
}

export interface CriteriaRegistry {
  default: CriteriaSet;
  byProvince: Map<string, CriteriaSet>;
  /** The set that applies to a province (its own file, else the default). */
  forProvince(code: string | null | undefined): CriteriaSet;
  /** The village set ("thôn, khu phố không ma túy"), or null when no village.json is shipped. */
  village: CriteriaSet | null;
  villageByProvince: Map<string, CriteriaSet>;
  /** The village set that applies to a province (its own <CODE>.village.json, else village.json). */
  villageForProvince(code: string | null | undefined): CriteriaSet | null;
}

/** Builds the registry from files: "default.json", "village.json" and province files. Throws CriteriaFileError. */
export function buildRegistry(files: Record<string, unknown>, fields: FigureField[] = FIGURE_FIELDS): CriteriaRegistry {
  if (!files["default.json"]) throw new CriteriaFileError(msg.criteria.defaultMissing);
  const base = parseCriteriaSet("default.json", files["default.json"], fields);
  const village = files["village.json"] === undefined ? null : parseVillageSet("village.json", files["village.json"], base, fields);
  const byProvince = new Map<string, CriteriaSet>();
  const villageByProvince = new Map<string, CriteriaSet>();
  for (const [file, content] of Object.entries(files)) {
    if (file === "default.json" || file === "village.json") continue;
    const forVillages = file.endsWith(".village.json");
    if (forVillages && !village) fail(file, msg.criteria.villageBaseMissing);
    const set = parseProvinceOverride(file, content, forVillages ? village! : base, fields);
    if (`${set.province}${forVillages ? ".village" : ""}.json` !== file) fail(file, msg.criteria.fileName(`${set.province}${forVillages ? ".village" : ""}`));
    (forVillages ? villageByProvince : byProvince).set(set.province!, set);
  }
  return {
    default: base,
    byProvince,
    forProvince: (code) => (code && byProvince.get(code.toUpperCase())) || base,
    village,
    villageByProvince,
    villageForProvince: (code) => (code && villageByProvince.get(code.toUpperCase())) || village,
  };
}

/** What a criteria file is, as buildRegistry tells it by name. */
export type CriteriaFileKind = "default" | "village" | "province" | "province_village";

export type CriteriaFileCheck = { ok: true; kind: CriteriaFileKind; set: CriteriaSet } | { ok: false; kind: CriteriaFileKind; errors: string[] };

const PROVINCE_FILE = /^[A-Z0-9-]{2,16}\.json$/;
const PROVINCE_VILLAGE_FILE = /^[A-Z0-9-]{2,16}\.village\.json$/;

/** By its name when it is one buildRegistry knows, else by its content ("extends", "province"). */
function kindOf(name: string | null, content: Record<string, unknown>): CriteriaFileKind {
  if (name === "default.json") return "default";
  if (name === "village.json") return "village";
  if (name && PROVINCE_VILLAGE_FILE.test(name)) return "province_village";
  if (name && PROVINCE_FILE.test(name)) return "province";
  if (!("extends" in content)) return "default";
  if (!("province" in content)) return "village";
  return content.extends === "village" ? "province_village" : "province";
}

/**
 * Checks one criteria file as the server does at start (the same schemas and checks), over the
 * shipped sets, and lists every problem instead of stopping at the first: the console's "check a
 * file". A full set (default.json), the village set (village.json) or a province's file
 * (<CODE>.json, <CODE>.village.json). Nothing is kept.
 */
export function checkCriteriaFile(name: string | null, input: unknown, registry: CriteriaRegistry = criteriaRegistry(), fields: FigureField[] = FIGURE_FIELDS): CriteriaFileCheck {
  const errors: string[] = [];
  const problems: Problems = { report: (message) => errors.push(message), zod: z.locales.vi().localeError, all: true };
  const content = typeof input === "object" && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  const kind = kindOf(name, content);
  let set: CriteriaSet | null = null;
  if (kind === "default") set = readFullSet(input, fields, problems);
  else if (kind === "village") set = readVillageSet(input, registry.default, fields, problems);
  else {
    const base = kind === "province_village" ? registry.village : registry.default;
    if (!base) problems.report(msg.criteria.villageBaseMissing);
    else set = readProvinceOverride(input, base, fields, problems);
    // A province's file is found by its name: HTI.json for the province HTI.
    const expected = set?.province ? `${set.province}${kind === "province_village" ? ".village" : ""}` : null;
    if (expected && name && (PROVINCE_FILE.test(name) || PROVINCE_VILLAGE_FILE.test(name)) && name !== `${expected}.json`) problems.report(msg.criteria.fileName(expected));
  }
  return set && errors.length === 0 ? { ok: true, kind, set } : { ok: false, kind, errors };
}

let shipped: CriteriaRegistry | null = null;

/** The shipped criteria sets, validated once. Call at start so a malformed file stops the server. */
export function criteriaRegistry(): CriteriaRegistry {
  shipped ??= buildRegistry(CRITERIA_FILES);
  return shipped;
}

export type CriterionStatus = "met" | "not_met" | "unknown";

export interface CriterionResult {
  id: string;
  text: string;
  source: string;
  status: CriterionStatus;
  value: Value;
  threshold: { op: ThresholdOp; value: number };
  display: "percent" | "number" | "check";
  level: "commune" | "village";
  /** The plan's wording of the requirement, when the set gives one. */
  requirement?: string;
  /** Where the value lies when it is not known exactly (the known villages' part, counts never negative). */
  bounds: { lo: number; hi: number };
  /** The commune totals behind it (null where some village's figure is missing). */
  numbers: Array<{ field: string; value: Value }>;
  /** What is missing, by field, with the villages lacking it (village null: a commune-level source); also when the known part already decides. */
  missing: Array<{ field: string; villages: Array<string | null> }>;
}

export function meetsThreshold(value: number, threshold: { op: ThresholdOp; value: number }): boolean {
  const eps = 1e-9;
  switch (threshold.op) {
    case "<":
      return value < threshold.value - eps;
    case "<=":
      return value <= threshold.value + eps;
    case ">":
      return value > threshold.value + eps;
    case ">=":
      return value >= threshold.value - eps;
    case "==":
      return Math.abs(value - threshold.value) <= eps;
  }
}

export interface VillageInput {
  label: string;
  /** Entered figures for the month, or null when the village entered nothing. */
  figures: Record<string, number> | null;
  /** What the system knows of this village (bulletins confirmed…); null = unknown. */
  system: Record<string, Value>;
}

function groupMissing(missing: Missing[]): CriterionResult["missing"] {
  const byField = new Map<string, Array<string | null>>();
  for (const m of missing) {
    const list = byField.get(m.field) ?? [];
    if (!list.includes(m.village)) list.push(m.village);
    byField.set(m.field, list);
  }
  return [...byField].map(([field, villages]) => ({ field, villages }));
}

/** Met, not met, or unknown, for a value known only within bounds: decided when every value in them decides alike. */
export function statusWithin(lo: number, hi: number, threshold: { op: ThresholdOp; value: number }): CriterionStatus {
  const a = meetsThreshold(lo, threshold);
  const b = meetsThreshold(hi, threshold);
  // Every threshold is one interval of values, so the two ends decide, except "==" with the value inside.
  if (threshold.op === "==") return lo === hi ? (a ? "met" : "not_met") : threshold.value < lo || threshold.value > hi ? "not_met" : "unknown";
  return a && b ? "met" : !a && !b ? "not_met" : "unknown";
}

/** The most a missing figure can be: 1 for yes/no, the entered total it may not exceed ("atMost"), else unbounded. */
function upperBound(fields: FigureField[]): (name: string, figures: Record<string, number>) => number {
  const byId = new Map(fields.map((f) => [f.id, f]));
  const upper = (name: string, figures: Record<string, number>, depth = 0): number => {
    const f = byId.get(name);
    if (!f) return Infinity;
    if (f.kind === "yesno") return 1;
    if (!f.atMost || depth > 8) return Infinity;
    return figures[f.atMost] ?? upper(f.atMost, figures, depth + 1);
  };
  return upper;
}
const UPPER = upperBound(FIGURE_FIELDS);

export interface EvaluateOptions {
  /** One village alone: criteria judged on the commune's totals are left out. */
  village?: boolean;
}

/** Evaluates every criterion of a set over a commune's villages: met, not met, or unknown with what is missing. */
export function evaluateCriteria(set: CriteriaSet, villages: VillageInput[], options: EvaluateOptions = {}): CriterionResult[] {
  const scopes = villages.map((v) => villageScope(v.label, v.figures, v.system, UPPER));
  const commune = communeScope(scopes);
  const criteria = options.village ? set.criteria.filter((c) => c.level !== "commune") : set.criteria;
  return criteria.map((c) => {
    const result = villages.length === 0 ? { value: null, lo: -Infinity, hi: Infinity, missing: [{ village: null, field: "villages" }] } : evaluate(c.ast, commune);
    const status: CriterionStatus = result.value !== null ? (meetsThreshold(result.value, c.threshold) ? "met" : "not_met") : statusWithin(result.lo, result.hi, c.threshold);
    return {
      id: c.id,
      text: c.text,
      source: c.source,
      status,
      value: result.value,
      threshold: c.threshold,
      display: c.display,
      level: c.level,
      ...(c.requirement ? { requirement: c.requirement } : {}),
      bounds: { lo: result.lo, hi: result.hi },
      numbers: c.needs.map((field) => ({ field, value: commune.get(field).value })),
      missing: groupMissing(result.missing),
    };
  });
}

export function countByStatus(results: CriterionResult[]): Record<CriterionStatus, number> {
  const out: Record<CriterionStatus, number> = { met: 0, not_met: 0, unknown: 0 };
  for (const r of results) out[r.status]++;
  return out;
}

/** A village against the village set: it qualifies when every criterion is met, fails on any not met, else waits for figures. */
export type RecognitionStatus = "qualifies" | "fails" | "unknown";

export function recognitionStatus(results: CriterionResult[]): RecognitionStatus {
  if (results.some((r) => r.status === "not_met")) return "fails";
  return results.every((r) => r.status === "met") ? "qualifies" : "unknown";
}
