// Generators for fuzzing chat commands: every command the registry declares (so a new command is
// fuzzed without touching this file) plus unknown ones, arguments built from real and
// unknown place codes, months in every format people type, numbers, words the handlers look up,
// JavaScript's own property names, Unicode from every plane and huge strings; and button data with
// the real prefixes and forged ids.
import { addMonths, formatMonthVN } from "../../src/util/vietnam-time.js";
import fc from "fast-check";
import { anyText } from "./arbitraries.js";
import { commandNames } from "../../bots/core/commands/index.js";

/** Every command name and alias the registry declares (bots/core/commands): a new command is fuzzed without touching this file. */
export function engineCommands(): string[] {
  return commandNames();
}

/** Words that are properties of every JavaScript object: a lookup table indexed by user input must not trip on them. */
export const JS_HAZARDS = ["__proto__", "constructor", "toString", "valueOf", "hasOwnProperty", "prototype", "isPrototypeOf", "__defineGetter__", "NaN", "Infinity", "-0", "1e308", "null", "undefined"];

/** Every way people write a month, for a month key "YYYY-MM". */
export function monthSpellings(month: string): string[] {
  const [y, m] = month.split("-") as [string, string];
  const short = String(Number(m));
  return [formatMonthVN(month), `${short}/${y}`, `${m}-${y}`, `${short}.${y}`, `T${short}/${y}`, `tháng ${short}/${y}`, `thang${m}/${y}`, month, `${y}-${short}`];
}

export interface ArgPools {
  /** Codes of places that exist (villages, communes, provinces) and of places that do not. */
  codes: string[];
  /** The current month key, for months around it (past, present, future, impossible). */
  month: string;
  /** Real ids worth forging buttons with, by what they name. */
  ids: { tips: number[]; deliveries: number[]; slots: number[]; versions: number[]; items: number[]; villages: number[]; communes: number[]; staff: number[] };
  /** Strings a generated message must never contain (so any echo of them is a leak, not the sender's own words). */
  forbidden: RegExp;
}

export function argWord(p: ArgPools): fc.Arbitrary<string> {
  const months = [-30, -24, -13, -1, 0, 1, 12].flatMap((d) => monthSpellings(addMonths(p.month, d)));
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...p.codes, ...p.codes.map((c) => c.toLowerCase())) },
    { weight: 3, arbitrary: fc.constantFrom(...months, "13/2026", "0/2026", "2026-00", "2026-13", "02/20266", "tháng", "T", "/", "-", "12/-2026") },
    { weight: 2, arbitrary: fc.oneof(fc.integer().map(String), fc.nat({ max: 2_000_000_000 }).map(String), fc.constantFrom("0", "-1", "1.200", "1,5", "9".repeat(40), "0x10", "1e3", "٣")) },
    { weight: 2, arbitrary: fc.constantFrom("tatca", "moi", "tiepnhan", "xacminh", "daxuly", "khongcoso", "selling", "cultivation", "other", "ds", "danhsach", "thang", "tháng", "ngonngu", "xoa", "bat", "tat", "hnj", "vie", "tyz", "blt", "Hmông", "Tày", "thu2", "t2,t5", "06:30", "25:99", "cn", "MOI-AAAA-BBBB", "LK-ABCD-EFGH", "AB3D-7KMN") },
    { weight: 3, arbitrary: fc.constantFrom(...JS_HAZARDS) },
    { weight: 2, arbitrary: anyText },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 4000, maxLength: 12_000 }) },
  ).filter((w) => !p.forbidden.test(w));
}

const SEPARATORS = [" ", "  ", "\t", "\n", "\u00a0", "\u3000", " \u200b "];

export function argsText(p: ArgPools): fc.Arbitrary<string> {
  return fc
    .oneof(argWord(p), fc.tuple(fc.array(argWord(p), { maxLength: 4 }), fc.constantFrom(...SEPARATORS)).map(([words, sep]) => words.join(sep)))
    .filter((a) => !p.forbidden.test(a));
}

/** "/cmd[@bot] args", in any case, for a known or unknown command. */
export function commandText(p: ArgPools, commands: string[]): fc.Arbitrary<string> {
  const name = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...commands) },
    { weight: 1, arbitrary: fc.stringMatching(/^[a-z_]{1,16}$/) },
    { weight: 1, arbitrary: fc.constantFrom(...JS_HAZARDS.filter((w) => /^[A-Za-z_]+$/.test(w))) },
  );
  return fc
    .tuple(name, fc.constantFrom("", "", "", "@PhaoDaiBot", "@someone_else_bot"), fc.boolean(), argsText(p))
    .map(([cmd, at, upper, args]) => `/${upper ? cmd.toUpperCase() : cmd}${at}${args ? ` ${args}` : ""}`)
    .filter((t) => !p.forbidden.test(t));
}

/** Button data: every prefix the bots send, each with ids of the kind it names (and forged ones), plus junk. */
export function buttonData(p: ArgPools): fc.Arbitrary<string> {
  const idOf = (kind: keyof ArgPools["ids"]) =>
    fc
      .oneof(
        { weight: 6, arbitrary: p.ids[kind].length > 0 ? fc.constantFrom(...p.ids[kind]) : fc.constant(1) },
        { weight: 2, arbitrary: fc.constantFrom(...Object.values(p.ids).flat()) },
        { weight: 2, arbitrary: fc.constantFrom(0, -1, 999_999_999, 1_000_000_000, 2 ** 53, 123_456_789_012) },
        { weight: 1, arbitrary: fc.nat({ max: 1_000 }) },
      )
      .map(String);
  const word = (...real: string[]) => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...real) }, { weight: 2, arbitrary: fc.constantFrom(...JS_HAZARDS) }, { weight: 1, arbitrary: fc.stringMatching(/^\w{1,12}$/) });
  const language = word("hnj", "vie", "tyz", "nut", "blt", "mtq", "xxx", "done");
  const fixed = fc.constantFrom(
    "menu:report", "menu:followup", "menu:privacy", "menu:help", "nav:back", "nav:cancel", "zr:ok", "sub:start", "sub:stop", "bls", "blo", "tlist",
    "m:continue", "s:submit", "s:edit", "tsk", "f:add", "f:refresh", "f:exit", "f:done", "v:none", "ac:primary",
    "fg:yes", "fg:no", "fg:keep", "fg:zero", "fg:skip", "fg:copy", "fg:save", "fg:edit",
  );
  const forged = fc.oneof(
    fc.tuple(fc.constantFrom("l", "r"), idOf("tips")).map(([prefix, id]) => `${prefix}:${id}`),
    fc.tuple(idOf("tips"), word("take", "verify", "done", "unfounded", "ask", "note", "assign", "extend", "reopen")).map(([id, action]) => `t:${id}:${action}`),
    fc.tuple(idOf("tips"), idOf("staff")).map(([tip, staff]) => `tas:${tip}:${staff}`),
    word("administrative", "criminal", "not_verified", "referred").map((w) => `trs:${w}`),
    fc.tuple(fc.constantFrom("bp", "bn"), idOf("deliveries")).map(([prefix, id]) => `${prefix}:${id}`),
    fc.tuple(idOf("deliveries"), word("other", "no_power", "sick", "equipment", "absent")).map(([id, reason]) => `br:${id}:${reason}`),
    idOf("slots").map((id) => `bv:${id}`),
    fc.tuple(fc.constantFrom("ta", "tx"), idOf("versions")).map(([prefix, id]) => `${prefix}:${id}`),
    fc.tuple(fc.constantFrom("tr", "ts"), idOf("items"), language).map(([prefix, id, code]) => `${prefix}:${id}:${code}`),
    fc.tuple(fc.constantFrom("sc", "c"), idOf("communes")).map(([prefix, id]) => `${prefix}:${id}`),
    fc.tuple(idOf("communes"), language).map(([id, code]) => `sl:${id}:${code}`),
    fc.tuple(fc.constantFrom("v", "fgv"), idOf("villages")).map(([prefix, id]) => `${prefix}:${id}`),
    idOf("staff").map((id) => `ac:${id}`),
    fc.tuple(fc.constantFrom("l", "r", "y"), idOf("communes")).map(([kind, id]) => `ag:${kind}:${id}`),
    fc.tuple(fc.constantFrom("k", "bl", "tl"), word("selling", "cultivation", "other", "hnj", "vie", "done")).map(([prefix, w]) => `${prefix}:${w}`),
  );
  return fc
    .oneof({ weight: 3, arbitrary: fixed }, { weight: 10, arbitrary: forged }, { weight: 1, arbitrary: fc.string({ maxLength: 64 }) })
    .filter((d) => d.length > 0 && Buffer.byteLength(d) <= 64 && !p.forbidden.test(d));
}
