// Who reviews a translation (issue 15): a second translator who reads the language, of the author's
// commune first, else of the province; never the author, never a leader or officer.
import { describe, expect, it } from "vitest";
import { mayReviewTranslation, pickReviewers, type TranslatorCandidate, type ReviewVerdict } from "../../src/bulletins/translation-review.js";

const AUTHOR = { id: 1, communeId: 10, provinceId: 100 };
const who = (id: number, over: Partial<TranslatorCandidate> = {}): TranslatorCandidate => ({ id, role: "translator", active: true, communeId: 10, provinceId: 100, languages: ["blt"], ...over });

describe("mayReviewTranslation", () => {
  const table: [string, TranslatorCandidate, string, ReviewVerdict][] = [
    ["a second translator of the commune who reads the language", who(2), "blt", { ok: true, level: "commune" }],
    ["a translator of another commune of the province", who(3, { communeId: 11 }), "blt", { ok: true, level: "province" }],
    ["not the author", who(1), "blt", { ok: false, reason: "own" }],
    ["not one who does not read the language", who(2, { languages: ["mtq"] }), "blt", { ok: false, reason: "language" }],
    ["not one with no language chosen", who(2, { languages: [] }), "blt", { ok: false, reason: "language" }],
    ["not one of another province", who(4, { communeId: 20, provinceId: 200 }), "blt", { ok: false, reason: "scope" }],
    ["not a revoked translator", who(2, { active: false }), "blt", { ok: false, reason: "role" }],
    ["not a leader, even of the commune", who(5, { role: "leader" }), "blt", { ok: false, reason: "role" }],
    ["not an officer", who(6, { role: "officer" }), "blt", { ok: false, reason: "role" }],
    ["not an admin", who(7, { role: "admin" }), "blt", { ok: false, reason: "role" }],
    ["not a village head", who(8, { role: "village_head" }), "blt", { ok: false, reason: "role" }],
    ["not a translator without a commune", who(9, { communeId: null, provinceId: null }), "blt", { ok: false, reason: "scope" }],
  ];
  it.each(table)("%s", (_name, reviewer, language, expected) => {
    expect(mayReviewTranslation(reviewer, AUTHOR, language)).toEqual(expected);
  });

  it("refuses everyone for an author without a commune", () => {
    expect(mayReviewTranslation(who(2), { id: 1, communeId: null, provinceId: null }, "blt")).toEqual({ ok: false, reason: "scope" });
  });
});

describe("pickReviewers", () => {
  const province = who(3, { communeId: 11 });
  const commune = who(2);
  const table: [string, TranslatorCandidate[], { level: string | null; ids: number[] }][] = [
    ["the commune's readers when there are some (not the province's)", [province, commune, who(1)], { level: "commune", ids: [2] }],
    ["the province's when the commune has none", [province, who(1), who(5, { role: "leader" })], { level: "province", ids: [3] }],
    ["a commune translator of another language does not count", [who(2, { languages: ["mtq"] }), province], { level: "province", ids: [3] }],
    ["nobody when nobody reads it", [who(1), who(2, { languages: ["mtq"] }), who(4, { communeId: 20, provinceId: 200 })], { level: null, ids: [] }],
  ];
  it.each(table)("%s", (_name, candidates, expected) => {
    const picked = pickReviewers(candidates, AUTHOR, "blt");
    expect({ level: picked.level, ids: picked.reviewers.map((r) => r.id) }).toEqual(expected);
  });
});
