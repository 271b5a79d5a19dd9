// Who reviews a translation: someone who reads the language, never a leader with one tap (issue 15).
// A translation is approved or returned by a second translator of the same language: one of the
// author's commune when there is one, else one of the author's province. Pure rules, table-tested.
import { roleMay } from "../staff/roles.js";

export interface TranslatorCandidate {
  id: number;
  role: string;
  active: boolean;
  communeId: number | null;
  /** The province of the candidate's commune. */
  provinceId: number | null;
  /** The languages the candidate translates (BulletinTranslator.languages). */
  languages: readonly string[];
}

export interface TranslationAuthor {
  id: number;
  communeId: number | null;
  provinceId: number | null;
}

export type ReviewRefusal = "role" | "own" | "language" | "scope";
export type ReviewVerdict = { ok: true; level: "commune" | "province" } | { ok: false; reason: ReviewRefusal };

/** Whether `reviewer` may approve or return `author`'s translation into `language`, and at which level. */
export function mayReviewTranslation(reviewer: TranslatorCandidate, author: TranslationAuthor, language: string): ReviewVerdict {
  if (!reviewer.active || !roleMay(reviewer.role, "translation.review")) return { ok: false, reason: "role" };
  if (reviewer.id === author.id) return { ok: false, reason: "own" };
  if (!reviewer.languages.includes(language)) return { ok: false, reason: "language" };
  if (author.communeId === null || reviewer.communeId === null) return { ok: false, reason: "scope" };
  if (reviewer.communeId === author.communeId) return { ok: true, level: "commune" };
  if (author.provinceId !== null && reviewer.provinceId === author.provinceId) return { ok: true, level: "province" };
  return { ok: false, reason: "scope" };
}

/** Whom a submitted translation is sent to: the commune's readers of the language, else the province's. */
export function pickReviewers<T extends TranslatorCandidate>(candidates: readonly T[], author: TranslationAuthor, language: string): { level: "commune" | "province" | null; reviewers: T[] } {
  const verdicts = candidates.map((c) => ({ c, v: mayReviewTranslation(c, author, language) }));
  for (const level of ["commune", "province"] as const) {
    const reviewers = verdicts.filter(({ v }) => v.ok && v.level === level).map(({ c }) => c);
    if (reviewers.length > 0) return { level, reviewers };
  }
  return { level: null, reviewers: [] };
}
