// Criteria formulas: a small expression language over the figures, parsed with jsep and evaluated
// here without eval (Workers forbid it). Values are numbers or unknown (null) with the bounds the
// known figures allow: a missing count is at least 0, so a sum of the known villages is a lower
// bound; comparisons decide when the bounds do, && and || follow three-valued logic (false &&
// unknown is false, true || unknown is true), so a criterion is unknown only when the missing
// figures matter.
//
//   numbers, field ids, + - * /, < <= > >= == !=, && || !, ( )
//   ratio(a, b)          a / b, and 1 when b is 0 ("100% of none" holds)
//   min(a, …), max(a, …)
//   count_villages(p)    how many villages p holds for (p evaluated per village)
//   villages             number of villages of the commune
// In the commune scope a field id is the sum over the villages; in count_villages, the village's value.
import jsep from "jsep";
import { messagesFor } from "../i18n/messages.js";

const msg = messagesFor("vi").data;

export type Value = number | null;

export interface Missing {
  /** The village whose figure is missing, or null for a commune-level source. */
  village: string | null;
  field: string;
}

/** Where names get their values. */
export interface Scope {
  /** The value of a name here, or null with its bounds and what is missing. */
  get(name: string): Result;
  /** The villages (commune scope only). */
  villages?(): Scope[];
}

export type Node = jsep.Expression;

const BINARY = new Set(["+", "-", "*", "/", "<", "<=", ">", ">=", "==", "!=", "&&", "||"]);
const FUNCTIONS = new Set(["ratio", "min", "max", "count_villages"]);

export class FormulaError extends Error {}

/** Parses and checks a formula; returns the AST and the names it reads. */
export function parseFormula(text: string, knownNames: Set<string>): { ast: Node; names: Set<string> } {
  let ast: Node;
  try {
    ast = jsep(text);
  } catch (error) {
    throw new FormulaError(msg.formula.unreadable(text, error instanceof Error ? error.message : String(error)));
  }
  const names = new Set<string>();
  const walk = (node: Node, inVillage: boolean): void => {
    switch (node.type) {
      case "Literal":
        if (typeof node.value !== "number") throw new FormulaError(msg.formula.numbersOnly(text, JSON.stringify(node.value)));
        return;
      case "Identifier": {
        const name = node.name as string;
        if (name === "villages") {
          if (inVillage) throw new FormulaError(msg.formula.villagesInside(text));
          return;
        }
        if (!knownNames.has(name)) throw new FormulaError(msg.formula.unknownName(text, name));
        names.add(name);
        return;
      }
      case "UnaryExpression":
        if (node.operator !== "-" && node.operator !== "!") throw new FormulaError(msg.formula.operatorIn(String(node.operator), text));
        return walk(node.argument as Node, inVillage);
      case "BinaryExpression":
      case "LogicalExpression":
        if (!BINARY.has(node.operator as string)) throw new FormulaError(msg.formula.operatorIn(String(node.operator), text));
        walk(node.left as Node, inVillage);
        walk(node.right as Node, inVillage);
        return;
      case "CallExpression": {
        const callee = node.callee as Node;
        const fn = callee.type === "Identifier" ? (callee.name as string) : "";
        if (!FUNCTIONS.has(fn)) throw new FormulaError(msg.formula.functionIn(fn || "?", text));
        const args = node.arguments as Node[];
        if (fn === "ratio" && args.length !== 2) throw new FormulaError(msg.formula.ratioArgs(text));
        if ((fn === "min" || fn === "max") && args.length < 1) throw new FormulaError(msg.formula.minMaxArgs(fn, text));
        if (fn === "count_villages") {
          if (args.length !== 1) throw new FormulaError(msg.formula.countArgs(text));
          if (inVillage) throw new FormulaError(msg.formula.countNested(text));
          return walk(args[0]!, true);
        }
        for (const a of args) walk(a, inVillage);
        return;
      }
      default:
        throw new FormulaError(msg.formula.syntaxIn(node.type, text));
    }
  };
  walk(ast, false);
  return { ast, names };
}

/**
 * What a formula evaluates to: the value when every figure it reads is known, else null with the
 * bounds the known figures still allow (a missing count lies in [0, ∞): counts are never negative),
 * so a sum already above a "none" or "under N" threshold, or a "≥ 1" met by the known villages,
 * decides the criterion although some villages are missing.
 */
export interface Result {
  value: Value;
  lo: number;
  hi: number;
  missing: Missing[];
}

const known = (value: Value): Result => (value === null ? { value, lo: -Infinity, hi: Infinity, missing: [] } : { value, lo: value, hi: value, missing: [] });
/** A result from bounds: exact when they meet; what is missing kept while it is not. */
const bounded = (lo: number, hi: number, parts: Result[]): Result => {
  if (Number.isNaN(lo) || Number.isNaN(hi)) return { value: null, lo: -Infinity, hi: Infinity, missing: parts.flatMap((p) => p.missing) };
  if (lo === hi && Number.isFinite(lo)) return { value: lo, lo, hi, missing: [] };
  return { value: null, lo, hi, missing: parts.flatMap((p) => p.missing) };
};
/** A truth value: 1 surely true, 0 surely false, else unknown between. */
const surelyTrue = (r: Result) => r.lo > 0 || r.hi < 0;
const surelyFalse = (r: Result) => r.lo === 0 && r.hi === 0;
const truth = (t: boolean | null, parts: Result[]): Result => (t === null ? bounded(0, 1, parts) : known(t ? 1 : 0));
/** 0 × ∞ is 0 here: a factor known to be 0 makes the product 0. */
const mul = (x: number, y: number) => (x === 0 || y === 0 ? 0 : x * y);

function quotient(a: Result, b: Result, zero: Value): Result {
  if (a.value !== null && b.value !== null) return known(b.value === 0 ? zero : a.value / b.value);
  // Only non-negative operands are bounded (counts); anything else is simply unknown.
  if (a.lo < 0 || b.lo < 0) return bounded(-Infinity, Infinity, [a, b]);
  let lo = b.hi === Infinity ? 0 : b.hi > 0 ? a.lo / b.hi : Infinity;
  let hi = b.lo > 0 ? a.hi / b.lo : Infinity;
  if (b.lo === 0) {
    if (zero === null) return bounded(-Infinity, Infinity, [a, b]);
    lo = Math.min(lo, zero);
    hi = Math.max(hi, zero);
  }
  return bounded(lo, hi, [a, b]);
}

export function evaluate(node: Node, scope: Scope): Result {
  switch (node.type) {
    case "Literal":
      return known(node.value as number);
    case "Identifier": {
      const name = node.name as string;
      if (name === "villages") return known(scope.villages?.().length ?? 1);
      return scope.get(name);
    }
    case "UnaryExpression": {
      const a = evaluate(node.argument as Node, scope);
      if (node.operator === "-") return bounded(-a.hi, -a.lo, [a]);
      return truth(surelyFalse(a) ? true : surelyTrue(a) ? false : null, [a]);
    }
    case "BinaryExpression":
    case "LogicalExpression": {
      const op = node.operator as string;
      const a = evaluate(node.left as Node, scope);
      const b = evaluate(node.right as Node, scope);
      switch (op) {
        case "&&":
          return truth(surelyFalse(a) || surelyFalse(b) ? false : surelyTrue(a) && surelyTrue(b) ? true : null, [a, b]);
        case "||":
          return truth(surelyTrue(a) || surelyTrue(b) ? true : surelyFalse(a) && surelyFalse(b) ? false : null, [a, b]);
        case "+":
          return bounded(a.lo + b.lo, a.hi + b.hi, [a, b]);
        case "-":
          return bounded(a.lo - b.hi, a.hi - b.lo, [a, b]);
        case "*": {
          const p = [mul(a.lo, b.lo), mul(a.lo, b.hi), mul(a.hi, b.lo), mul(a.hi, b.hi)];
          return bounded(Math.min(...p), Math.max(...p), [a, b]);
        }
        case "/":
          return quotient(a, b, null);
        case "<":
          return truth(a.hi < b.lo ? true : a.lo >= b.hi ? false : null, [a, b]);
        case "<=":
          return truth(a.hi <= b.lo ? true : a.lo > b.hi ? false : null, [a, b]);
        case ">":
          return truth(a.lo > b.hi ? true : a.hi <= b.lo ? false : null, [a, b]);
        case ">=":
          return truth(a.lo >= b.hi ? true : a.hi < b.lo ? false : null, [a, b]);
        case "==":
          return truth(a.value !== null && b.value !== null ? a.value === b.value : a.hi < b.lo || a.lo > b.hi ? false : null, [a, b]);
        case "!=":
          return truth(a.value !== null && b.value !== null ? a.value !== b.value : a.hi < b.lo || a.lo > b.hi ? true : null, [a, b]);
      }
      throw new FormulaError(msg.formula.operator(op));
    }
    case "CallExpression": {
      const fn = (node.callee as Node).name as string;
      const args = node.arguments as Node[];
      if (fn === "count_villages") {
        const villages = scope.villages?.() ?? [scope];
        const results = villages.map((v) => evaluate(args[0]!, v));
        const sure = results.filter(surelyTrue).length;
        const open = results.filter((r) => !surelyTrue(r) && !surelyFalse(r));
        return bounded(sure, sure + open.length, open);
      }
      const values = args.map((a) => evaluate(a, scope));
      if (fn === "ratio") return quotient(values[0]!, values[1]!, 1);
      if (fn === "min") return bounded(Math.min(...values.map((v) => v.lo)), Math.min(...values.map((v) => v.hi)), values);
      return bounded(Math.max(...values.map((v) => v.lo)), Math.max(...values.map((v) => v.hi)), values);
    }
    default:
      throw new FormulaError(msg.formula.syntax(node.type));
  }
}

/** A village's values: its entered figures, then what the system knows (bulletin coverage…). A missing count is in [0, ∞) or up to what it may not exceed; a missing yes/no in [0, 1]. */
export function villageScope(
  label: string,
  figures: Record<string, number> | null,
  system: Record<string, Value>,
  /** The most a missing figure can be, given the village's other figures ("at most" relations, yes/no). */
  upper: (name: string, figures: Record<string, number>) => number = () => Infinity,
): Scope {
  const unknown = (name: string): Result => ({ value: null, lo: 0, hi: upper(name, figures ?? {}), missing: [{ village: label, field: name }] });
  return {
    get(name) {
      if (name in system) {
        const value = system[name] ?? null;
        return value === null ? unknown(name) : known(value);
      }
      const value = figures?.[name];
      return value === undefined ? unknown(name) : known(value);
    },
  };
}

/** A commune: a name is the sum over its villages (bounded when some village lacks it), or a commune-level value. */
export function communeScope(villages: Scope[], communeValues: Record<string, Value> = {}): Scope {
  return {
    villages: () => villages,
    get(name) {
      if (name in communeValues) {
        const value = communeValues[name] ?? null;
        return value === null ? { value, lo: 0, hi: Infinity, missing: [{ village: null, field: name }] } : known(value);
      }
      const parts = villages.map((v) => v.get(name));
      return bounded(parts.reduce((s, r) => s + r.lo, 0), parts.reduce((s, r) => s + r.hi, 0), parts);
    },
  };
}
