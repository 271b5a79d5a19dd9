// Criteria formulas: a small expression language over the figures, parsed with jsep and evaluated
// here without eval (Workers forbid it). Values are numbers or unknown (null): arithmetic and
// comparisons with an unknown are unknown; && and || follow three-valued logic (false && unknown
// is false, true || unknown is true), so a criterion is unknown only when the missing figures matter.
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
  /** The value of a name here, or null with what is missing. */
  get(name: string): { value: Value; missing: Missing[] };
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

interface Result {
  value: Value;
  missing: Missing[];
}

const known = (value: Value): Result => ({ value, missing: [] });
/** What is missing matters only while the result is unknown. */
const combine = (value: Value, parts: Result[]): Result => ({ value, missing: value === null ? parts.flatMap((p) => p.missing) : [] });
const truthy = (v: Value) => v !== null && v !== 0;

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
      if (a.value === null) return a;
      return known(node.operator === "-" ? -a.value : a.value === 0 ? 1 : 0);
    }
    case "BinaryExpression":
    case "LogicalExpression": {
      const op = node.operator as string;
      const a = evaluate(node.left as Node, scope);
      const b = evaluate(node.right as Node, scope);
      if (op === "&&") {
        if (a.value === 0 || b.value === 0) return known(0);
        return combine(a.value === null || b.value === null ? null : 1, [a, b]);
      }
      if (op === "||") {
        if (truthy(a.value) || truthy(b.value)) return known(1);
        return combine(a.value === null || b.value === null ? null : 0, [a, b]);
      }
      if (a.value === null || b.value === null) return combine(null, [a, b]);
      const x = a.value;
      const y = b.value;
      switch (op) {
        case "+":
          return known(x + y);
        case "-":
          return known(x - y);
        case "*":
          return known(x * y);
        case "/":
          return known(y === 0 ? null : x / y);
        case "<":
          return known(x < y ? 1 : 0);
        case "<=":
          return known(x <= y ? 1 : 0);
        case ">":
          return known(x > y ? 1 : 0);
        case ">=":
          return known(x >= y ? 1 : 0);
        case "==":
          return known(x === y ? 1 : 0);
        case "!=":
          return known(x !== y ? 1 : 0);
      }
      throw new FormulaError(msg.formula.operator(op));
    }
    case "CallExpression": {
      const fn = (node.callee as Node).name as string;
      const args = node.arguments as Node[];
      if (fn === "count_villages") {
        const villages = scope.villages?.() ?? [scope];
        const results = villages.map((v) => evaluate(args[0]!, v));
        if (results.some((r) => r.value === null)) return combine(null, results.filter((r) => r.value === null));
        return known(results.filter((r) => truthy(r.value)).length);
      }
      const values = args.map((a) => evaluate(a, scope));
      if (values.some((v) => v.value === null)) return combine(null, values);
      const nums = values.map((v) => v.value as number);
      if (fn === "ratio") return known(nums[1] === 0 ? 1 : nums[0]! / nums[1]!);
      if (fn === "min") return known(Math.min(...nums));
      return known(Math.max(...nums));
    }
    default:
      throw new FormulaError(msg.formula.syntax(node.type));
  }
}

/** A village's values: its entered figures, then what the system knows (bulletin coverage…). */
export function villageScope(label: string, figures: Record<string, number> | null, system: Record<string, Value>): Scope {
  return {
    get(name) {
      if (name in system) {
        const value = system[name] ?? null;
        return { value, missing: value === null ? [{ village: label, field: name }] : [] };
      }
      const value = figures?.[name];
      return value === undefined ? { value: null, missing: [{ village: label, field: name }] } : { value, missing: [] };
    },
  };
}

/** A commune: a name is the sum over its villages (unknown if any village lacks it), or a commune-level value. */
export function communeScope(villages: Scope[], communeValues: Record<string, Value> = {}): Scope {
  return {
    villages: () => villages,
    get(name) {
      if (name in communeValues) {
        const value = communeValues[name] ?? null;
        return { value, missing: value === null ? [{ village: null, field: name }] : [] };
      }
      let sum = 0;
      const missing: Missing[] = [];
      for (const v of villages) {
        const r = v.get(name);
        if (r.value === null) missing.push(...r.missing);
        else sum += r.value;
      }
      return missing.length > 0 ? { value: null, missing } : { value: sum, missing: [] };
    },
  };
}
