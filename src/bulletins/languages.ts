// The language registry (languages.json) and pure rules over it: lookup, fallback, scripts.
import data from "./languages.json" with { type: "json" };
import { z } from "zod";
import type { Db } from "../db/client.js";
import { foldVietnamese } from "../places/normalize.js";
import { messagesFor } from "../i18n/messages.js";

const SCRIPT = /^[A-Z][a-z]{3}$/; // ISO 15924
const schema = z.object({
  languages: z
    .array(
      z.object({
        code: z.string().regex(/^[a-z]{3}$/),
        nameVi: z.string().min(2),
        nativeName: z.string().min(2),
        scripts: z.array(z.string().regex(SCRIPT)).min(1).max(2),
        fallback: z.string().regex(/^[a-z]{3}$/).nullable(),
        aliases: z.array(z.string()).default([]),
        note: z.string().optional(),
      }),
    )
    .min(1),
});

export interface Language {
  code: string;
  nameVi: string;
  nativeName: string;
  scripts: string[];
  fallback: string | null;
  aliases: string[];
}

export const BASE_LANGUAGE = "vie";

/** Checks the registry: unique codes, known fallbacks, every chain ending at Vietnamese without a cycle. */
export function validateRegistry(list: Language[]): Language[] {
  const byCode = new Map(list.map((l) => [l.code, l]));
  if (byCode.size !== list.length) throw new Error("languages.json: duplicate language code");
  if (!byCode.has(BASE_LANGUAGE)) throw new Error("languages.json: Vietnamese (vie) is required");
  for (const l of list) {
    const seen = new Set<string>();
    let at: Language | undefined = l;
    while (at && at.fallback) {
      if (seen.has(at.code)) throw new Error(`languages.json: fallback cycle at ${l.code}`);
      seen.add(at.code);
      const next = byCode.get(at.fallback);
      if (!next) throw new Error(`languages.json: ${at.code} falls back to unknown ${at.fallback}`);
      at = next;
    }
    if (at?.code !== BASE_LANGUAGE) throw new Error(`languages.json: ${l.code} does not fall back to vie`);
  }
  return list;
}

export const languages: Language[] = validateRegistry(schema.parse(data).languages);
const byCode = new Map(languages.map((l) => [l.code, l]));

export function isLanguageCode(code: string): boolean {
  return byCode.has(code);
}

export function language(code: string): Language | undefined {
  return byCode.get(code);
}

/** "Tiếng Mông (Hmoob)", or the code itself for an unknown one. */
export function languageLabel(code: string): string {
  const l = byCode.get(code);
  if (!l) return code;
  // "Tiếng Mường", not "Tiếng Mường (Mường)": the native name only when it adds something.
  return foldVietnamese(l.nameVi).includes(foldVietnamese(l.nativeName)) ? l.nameVi : `${l.nameVi} (${l.nativeName})`;
}

/** The label inside a sentence: "tiếng Mông (Hmoob)". */
export function languageInline(code: string): string {
  return messagesFor("vi").data.languageInline(languageLabel(code));
}

/** What a person typed ("hnj", "HMN", "mông", "Tiếng Thái") → a registry code, or null. */
export function resolveLanguage(typed: string): string | null {
  const folded = foldVietnamese(typed).replace(/[^a-z' ]/g, "").replace(/^tieng\s+/, "").trim();
  if (!folded) return null;
  if (byCode.has(folded)) return folded;
  for (const l of languages) {
    const names = [l.nameVi, l.nativeName].map((n) => foldVietnamese(n).replace(/^tieng\s+/, ""));
    if (names.includes(folded) || l.aliases.includes(folded)) return l.code;
  }
  return null;
}

/** The code, then its fallback, and so on down to Vietnamese. Unknown codes fall straight to Vietnamese. */
export function fallbackChain(code: string): string[] {
  const chain: string[] = [];
  let at = byCode.get(code);
  if (!at) return code === BASE_LANGUAGE ? [BASE_LANGUAGE] : [code, BASE_LANGUAGE];
  while (at && !chain.includes(at.code)) {
    chain.push(at.code);
    at = at.fallback ? byCode.get(at.fallback) : undefined;
  }
  return chain;
}

/** A comma-separated list of codes from the database or an admin, cleaned: known codes, no repeats, in order. */
export function parseLanguageList(text: string | null | undefined): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const part of text.split(/[\s,;]+/)) {
    const code = resolveLanguage(part);
    if (code && !out.includes(code)) out.push(code);
  }
  return out;
}

/** Like parseLanguageList, but reports the words it could not read. */
export function readLanguageList(text: string): { codes: string[]; unknown: string[] } {
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const part of text.split(/[,;]+/).map((p) => p.trim()).filter(Boolean)) {
    const code = resolveLanguage(part);
    if (!code) unknown.push(part);
    else if (!codes.includes(code)) codes.push(code);
  }
  return { codes, unknown };
}

/** The languages a village's loudspeaker uses: its own list, else the commune's, else Vietnamese. */
export function villageLanguages(villageList: string | null | undefined, communeList: string | null | undefined): string[] {
  const own = parseLanguageList(villageList);
  if (own.length > 0) return own;
  const commune = parseLanguageList(communeList);
  return commune.length > 0 ? commune : [BASE_LANGUAGE];
}

export interface ResolvedLanguage {
  /** The version to send. */
  language: string;
  /** The languages asked for that this version serves. */
  requested: string[];
  /** Requested languages that had no approved version and fell back to this one. */
  missing: string[];
}

/**
 * For the languages asked for (in order) and the languages with an approved version, which
 * versions to send: each request follows its fallback chain to the first available version, and a
 * version is sent once even when several requests land on it. Requests with no version anywhere
 * along the chain are dropped.
 */
export function resolveVersions(requested: string[], available: ReadonlySet<string>): ResolvedLanguage[] {
  const out: ResolvedLanguage[] = [];
  for (const code of requested) {
    const chosen = fallbackChain(code).find((c) => available.has(c));
    if (!chosen) continue;
    let entry = out.find((e) => e.language === chosen);
    if (!entry) {
      entry = { language: chosen, requested: [], missing: [] };
      out.push(entry);
    }
    if (!entry.requested.includes(code)) entry.requested.push(code);
    if (chosen !== code && !entry.missing.includes(code)) entry.missing.push(code);
  }
  return out;
}

export type ScriptName = "Tavt" | "Latn" | "other";

/** Which scripts a text uses, by its letters: Tai Viet (U+AA80–U+AADF), Latin, or other letters. */
export function scriptsOf(text: string): Set<ScriptName> {
  const found = new Set<ScriptName>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xaa80 && cp <= 0xaadf) found.add("Tavt");
    else if (/\p{Script=Latin}/u.test(ch)) found.add("Latn");
    else if (/\p{L}/u.test(ch)) found.add("other");
  }
  return found;
}

/**
 * Where a translator's text goes for a language with two scripts: text in the main script (or
 * with any of its letters) is the version's text; text only in the second script is its altText.
 * Languages with one script always take it as the text.
 */
export function slotForText(code: string, text: string): "text" | "altText" {
  const l = byCode.get(code);
  if (!l || l.scripts.length < 2) return "text";
  const used = scriptsOf(text);
  if (used.has(l.scripts[0] as ScriptName)) return "text";
  return used.has(l.scripts[1] as ScriptName) ? "altText" : "text";
}

/** The languages of a commune's villages (their own lists), without repeats, in the order met. */
export async function villageLanguageCodes(db: Db, communeId: number): Promise<string[]> {
  const out: string[] = [];
  for (const v of await db.village.findMany({ where: { communeId, languages: { not: null } }, select: { languages: true } })) {
    for (const c of parseLanguageList(v.languages)) if (!out.includes(c)) out.push(c);
  }
  return out;
}

/** A commune's villages that have their own language list, by code. */
export function villagesWithLanguages(db: Db, communeId: number) {
  return db.village.findMany({ where: { communeId, languages: { not: null } }, orderBy: { code: "asc" } });
}

/** A village's own language list (codes joined by commas), or null to follow its commune. */
export async function setVillageLanguages(db: Db, villageId: number, languages: string | null): Promise<void> {
  await db.village.update({ where: { id: villageId }, data: { languages } });
}

export type CommuneLanguagesResult = { ok: true; codes: string[]; addedVietnamese: boolean } | { ok: false; error: "unknown"; unknown: string[] } | { ok: false; error: "empty" };

/**
 * A commune's bulletin languages as an admin gave them (codes or names, separated by commas): every
 * word known, at least one, Vietnamese always among them (first when it was added). The chat's
 * /ngonngu, the CLI and the console read the list with this.
 */
export function communeLanguagesFrom(text: string): CommuneLanguagesResult {
  const { codes, unknown } = readLanguageList(text);
  if (unknown.length > 0) return { ok: false, error: "unknown", unknown };
  if (codes.length === 0) return { ok: false, error: "empty" };
  return codes.includes(BASE_LANGUAGE) ? { ok: true, codes, addedVietnamese: false } : { ok: true, codes: [BASE_LANGUAGE, ...codes], addedVietnamese: true };
}

export async function setCommuneLanguages(db: Db, communeId: number, languages: string): Promise<void> {
  await db.commune.update({ where: { id: communeId }, data: { languages } });
}
