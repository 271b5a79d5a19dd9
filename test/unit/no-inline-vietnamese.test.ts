// Every word a user reads comes from the message catalogs (src/i18n, issue 11): a Vietnamese letter
// in the code of src/ or bots/ outside them fails here. Comments are not code. Not scanned: the
// catalogs themselves and the generated Prisma client. Data files (JSON) are
// data, not code. What stays is listed below with its reason; keep the list short.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const EXCLUDED = ["src/i18n/", "src/db/generated/"];

/** Letters only Vietnamese (in this code base) writes: vowels with its marks, and đ. */
const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ]/iu;

/** File, a piece of the line, and why it may stay. */
const ALLOWED: { file: string; line: string; why: string }[] = [
  { file: "src/places/normalize.ts", line: ".replace(/", why: "folding đ to d for search is a transliteration rule, not a word" },
  { file: "src/bulletins/schedule.ts", line: "đ", why: "folding đ to d for matching day names is a transliteration rule" },
  { file: "bots/core/numbered-choices.ts", line: "[đĐ]", why: "folding đ to d to compare labels is a transliteration rule" },
  { file: "src/compliance/criteria.ts", line: "dòng", why: "a check that data sources do not cite a seed line; never shown" },
  { file: "src/bulletins/catalog.ts", line: "dòng", why: "a check that data sources do not cite a seed line; never shown" },
  { file: "src/node.ts", line: "Pháo Đài", why: "the product's name in a developer's log line" },
  { file: "src/reports/xlsx.ts", line: "Pháo Đài", why: "the product's name as the workbook's creator" },
  { file: "src/db/node-standby.ts", line: "<title>Pháo Đài</title>", why: "the product's name as the standby page's title" },
];

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const rel = relative(ROOT, path).split("\\").join("/");
    if (EXCLUDED.some((prefix) => `${rel}/`.startsWith(prefix))) continue;
    if (entry.isDirectory()) yield* sources(path);
    else if (/\.tsx?$/.test(entry.name)) yield rel;
  }
}

/** The code of a file, line by line, without its comments (block, JSDoc and line comments). */
function codeLines(text: string): string[] {
  const out: string[] = [];
  let inBlock = false;
  for (const raw of text.split("\n")) {
    let line = raw;
    if (inBlock) {
      const end = line.indexOf("*/");
      if (end < 0) {
        out.push("");
        continue;
      }
      line = line.slice(end + 2);
      inBlock = false;
    }
    line = line.replace(/\/\*.*?\*\//g, "");
    const open = line.search(/(^|\s)\/\*/);
    if (open >= 0) {
      line = line.slice(0, open);
      inBlock = true;
    }
    out.push(line.replace(/(^|\s)\/\/.*$/, ""));
  }
  return out;
}

function findings(): string[] {
  const found: string[] = [];
  for (const dir of ["src", "bots"]) {
    for (const file of sources(join(ROOT, dir))) {
      codeLines(readFileSync(join(ROOT, file), "utf8")).forEach((line, n) => {
        if (!VIETNAMESE.test(line)) return;
        if (ALLOWED.some((a) => a.file === file && line.includes(a.line))) return;
        found.push(`${file}:${n + 1}: ${line.trim()}`);
      });
    }
  }
  return found;
}

describe("user-facing words live in the catalogs", () => {
  it("finds comments and strings apart", () => {
    expect(codeLines('const a = "xã"; // xã\n/* xã\n xã */ b();\n * xã\nc("https://x") // d')).toEqual(['const a = "xã";', "", " b();", " * xã", 'c("https://x")']);
  });

  it("has no Vietnamese word in code outside src/i18n", () => {
    expect(findings()).toEqual([]);
  });
});
