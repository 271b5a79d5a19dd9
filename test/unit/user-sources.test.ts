// What users read names the document, never a file of ours (issue 17): no seed file ("seed",
// "Seed 003"), no line number of our copy ("dòng 35", "line 12") and no file-system path in any
// criteria set, figure definition, bulletin, or message catalog. Developer-only fields ($comment,
// sourceId, sourceIds) may name the seeds and their lines, but a $comment carries no file-system path.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { catalog } from "../../src/bulletins/catalog.js";
import { criteriaRegistry } from "../../src/compliance/criteria.js";
import { CRITERIA_FILES } from "../../src/compliance/criteria/index.js";
import { FIGURE_FIELDS } from "../../src/compliance/fields.js";

const ROOT = join(import.meta.dirname, "../..");
const DEV_ONLY = new Set(["$comment", "sourceId", "sourceIds"]);
// Line numbers that are not of our copy: the header row of the CSV file the user imports.
const USERS_FILE_LINE = new Set([
  "vi-compliance.ts.viCompliance.cli.importHeader",
  "vi-compliance.ts.viCompliance.cli.importUnknownColumn",
  "vi-data.ts.viData.places.header",
  "vi-data.ts.viData.places.extraColumn",
]);
// The loader's error that states the rule to whoever writes a criteria file names what it forbids.
const STATES_THE_RULE = new Set(["vi-data.ts.viData.criteria.humanSource"]);

const SEED = /\bseeds?\b/i;
const LINE_NUMBER = /\b(?:dòng|lines?)\s*\d/iu;
// An absolute or home path (/work/shared/seeds, ~/x, C:\x), a path going up (../x), or a relative
// path to a file (reference/domain.md, src/x.ts). Document numbers like "51-NQ/TU" or "KH/ĐU" and
// dates like "12/02/2026" are not paths: a path needs a leading slash with a second segment, or an extension.
const PATH = [
  /(?:^|[\s("'`])(?:~)?\/[A-Za-z0-9._-]+\/[A-Za-z0-9._/-]*/,
  /\.\.?\//,
  /(?:^|[\s("'`])[A-Za-z]:\\[A-Za-z]/,
  /\b[\w.-]+\/[\w./-]*\.(?:md|txt|json|ts|js|mjs|csv|prisma|html|xlsx|png|svg)\b/,
];

/** What is wrong with a text users may read, or null. */
function problem(text: string, where = ""): string | null {
  if (SEED.test(text) && !STATES_THE_RULE.has(where)) return "names a seed file";
  if (LINE_NUMBER.test(text) && !USERS_FILE_LINE.has(where)) return "cites a line number of our copy";
  if (PATH.some((p) => p.test(text.replace(/https?:\/\/\S+/g, "")))) return "names a file-system path";
  return null;
}

function commentProblem(text: string): string | null {
  return PATH.some((p) => p.test(text)) ? "names a file-system path" : null;
}

type Finding = { where: string; text: string; why: string };

/** Every string reachable from a value (objects, arrays, and the source of catalog functions). */
function walk(value: unknown, where: string, out: Finding[], seen = new Set<unknown>()): Finding[] {
  if (typeof value === "string") {
    const why = problem(value, where);
    if (why) out.push({ where, text: value, why });
  } else if (typeof value === "function") {
    // A message template: its literal text is in its source.
    const why = problem(value.toString(), where);
    if (why) out.push({ where, text: value.toString(), why });
  } else if (value && typeof value === "object" && !seen.has(value)) {
    seen.add(value);
    for (const [key, child] of Object.entries(value)) {
      const at = Array.isArray(value) ? `${where}[${key}]` : `${where}.${key}`;
      if (key === "$comment" && typeof child === "string") {
        const why = commentProblem(child);
        if (why) out.push({ where: at, text: child, why });
      } else if (!DEV_ONLY.has(key)) walk(child, at, out, seen);
    }
  }
  return out;
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : jsonFiles(path);
    return e.name.endsWith(".json") ? [path] : [];
  });
}

const DATA_FILES = [...jsonFiles(join(ROOT, "src")), ...jsonFiles(join(ROOT, "prisma/seed"))];
// messages.ts only gathers the other files' catalogs under one type: each is checked under its own name.
const CATALOG_FILES = readdirSync(join(ROOT, "src/i18n")).filter((f) => f.endsWith(".ts") && f !== "messages.ts");

const report = (findings: Finding[]) => findings.map((f) => `${f.where}: ${f.why}: ${f.text.slice(0, 160)}`);

describe("sources users read", () => {
  it("the checks catch what the issue names and let documents through", () => {
    for (const bad of ["Seed 003, mục II, dòng 35", "seed 000", "Tài liệu (reference/domain.md)", "các kế hoạch (/work/shared/seeds)", "mục II, line 41", "../shared/seeds"]) expect(problem(bad), bad).not.toBeNull();
    for (const good of [
      "KH huyện Như Xuân (Thanh Hóa) 2024–2025, mục II, tiêu chí 2",
      "Nghị quyết số 51-NQ/TU ngày 12/02/2026 của Ban Thường vụ Tỉnh ủy Lào Cai",
      "Kế hoạch số 33-KH/ĐU ngày 27/01/2026",
      "/tieuchi [mã xã] [tháng] — tiêu chí",
    ])
      expect(problem(good), good).toBeNull();
    expect(commentProblem("written from the commune plans (seeds 000–004), lines 35–53")).toBeNull();
    expect(commentProblem("from the plans (/work/shared/seeds)")).not.toBeNull();
    expect(commentProblem("named in the plans (reference/domain.md)")).not.toBeNull();
    expect(problem("`${a}: gửi thêm:\\n${b}`")).toBeNull(); // an escaped newline is no Windows path
    expect(problem("C:\\Users\\x")).not.toBeNull();
  });

  it.each(DATA_FILES.map((f) => [relative(ROOT, f), f] as const))("%s: no seed, line number or path where users read", (_name, file) => {
    const data: unknown = JSON.parse(readFileSync(file, "utf8"));
    expect(report(walk(data, relative(ROOT, file), []))).toEqual([]);
  });

  it("every criteria set, as loaded, cites documents in its name, source and criteria", () => {
    const registry = criteriaRegistry();
    const sets = [registry.default, ...registry.byProvince.values(), ...(registry.village ? [registry.village] : []), ...registry.villageByProvince.values()];
    expect(sets.length).toBe(Object.keys(CRITERIA_FILES).length);
    for (const set of sets) {
      expect(report(walk({ name: set.name, source: set.source }, set.id, []))).toEqual([]);
      for (const c of set.criteria) {
        expect(report(walk({ text: c.text, source: c.source }, `${set.id}.${c.id}`, []))).toEqual([]);
        // A document and its section or item, not a bare word.
        expect(c.source, c.id).toMatch(/(?:KH|Kế hoạch|Quyết định|Nghị quyết|Luật|Đề án).*(?:mục|điểm|tiêu chí|mục tiêu)/u);
      }
    }
  });

  it("figure definitions and bulletins, as loaded", () => {
    expect(report(walk(FIGURE_FIELDS, "figures", []))).toEqual([]);
    expect(report(walk(catalog, "catalog", []))).toEqual([]);
  });

  it.each(CATALOG_FILES)("message catalog src/i18n/%s: every entry, recursively", async (file) => {
    const mod = (await import(pathToFileURL(join(ROOT, "src/i18n", file)).href)) as Record<string, unknown>;
    expect(Object.keys(mod).length).toBeGreaterThan(0);
    expect(report(walk(mod, file, []))).toEqual([]);
  });
});
