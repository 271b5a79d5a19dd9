// The starting catalog: enough original Vietnamese bulletins, each readable aloud in one to two
// minutes (150–300 words), with sources, covering the themes the plans ask for.
import { describe, expect, it } from "vitest";
import { catalog, catalogRevision, countWords, entryText, parseCatalog } from "../../src/bulletins/catalog.js";
import { periods } from "../../src/bulletins/rotation.js";

const fold = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").toLowerCase();

describe("the Vietnamese catalog", () => {
  it("holds at least 24 bulletins with unique slugs and positions", () => {
    expect(catalog.length).toBeGreaterThanOrEqual(24);
    expect(new Set(catalog.map((e) => e.slug)).size).toBe(catalog.length);
    expect(new Set(catalog.map((e) => e.position)).size).toBe(catalog.length);
  });

  it.each(catalog.map((e) => [e.slug, e] as const))("%s: 150–300 words, sources, Vietnamese with diacritics", (_slug, entry) => {
    const text = entryText(entry);
    const words = countWords(text);
    expect(words).toBeGreaterThanOrEqual(150);
    expect(words).toBeLessThanOrEqual(300);
    expect(entry.sources.length).toBeGreaterThan(0);
    // Full diacritics: a text typed without them would have almost no marked letters.
    const marked = [...text].filter((ch) => ch.normalize("NFD").length > 1 || ch === "đ" || ch === "Đ").length;
    expect(marked / text.replace(/\s/g, "").length).toBeGreaterThan(0.2);
    expect(text).not.toMatch(/\b(khong|nguoi|duoc|nhung)\b/); // common words never written bare
    // Short sentences for reading aloud: none longer than 60 words.
    for (const sentence of text.split(/[.!?]\s/)) expect(countWords(sentence)).toBeLessThanOrEqual(60);
  });

  it("tells how to report: every bulletin names a way to report or the emergency number", () => {
    for (const e of catalog) expect(entryText(e), e.slug).toMatch(/0769\.04\.04\.04|113|công an xã|trưởng thôn/);
  });

  const themes: [string, RegExp][] = [
    ["harm of drugs", /tác hại|hủy hoại|phá hủy/],
    ["drugs disguised as food and drink", /nước vui|kẹo/],
    ["e-cigarettes", /thuốc lá điện tử/],
    ["laughing gas", /khí cười|bóng cười/],
    ["safe, anonymous reporting", /ẩn danh|bí danh/],
    ["the national hotline", /0769\.04\.04\.04/],
    ["no stigma after rehab", /kỳ thị/],
    ["cultivation is a crime", /trồng cây thuốc phiện/],
    ["pupils and families", /học sinh/],
    ["the June action month", /Tháng hành động/],
    ["26 June", /26 tháng 6|26\/6/],
  ];
  it.each(themes)("covers %s", (_theme, pattern) => {
    expect(catalog.some((e) => pattern.test(`${e.title}\n${entryText(e)}`))).toBe(true);
  });

  it("tags every period of periods.json on some bulletin, so each period has something to prefer", () => {
    for (const p of periods) expect(catalog.some((e) => e.tags.includes(p.tag)), p.tag).toBe(true);
  });

  it("cites the plans and the law", () => {
    const sources = catalog.flatMap((e) => e.sources).map(fold);
    expect(sources.some((s) => s.includes("lung phinh"))).toBe(true);
    expect(sources.some((s) => s.includes("bo luat hinh su"))).toBe(true);
    expect(sources.some((s) => s.includes("to tung hinh su"))).toBe(true);
  });

  it("word counting ignores punctuation-only tokens", () => {
    expect(countWords("Bà con thân mến! — 0769.04.04.04 …")).toBe(5);
  });

  it("refuses a broken catalog and fingerprints changes", () => {
    expect(() => parseCatalog({ bulletins: [{ ...catalog[0], sources: [] }] })).toThrow();
    for (const source of ["Seed 004, mục III.4", "Kế hoạch xã Nam Sách, dòng 79", "Chủ đề tuyên truyền (reference/domain.md)"])
      expect(() => parseCatalog({ bulletins: [{ ...catalog[0], sources: [source] }] }), source).toThrow(/names the document/);
    expect(() => parseCatalog({ bulletins: [catalog[0], catalog[0]] })).toThrow(/duplicate/);
    const changed = [{ ...catalog[0]!, title: `${catalog[0]!.title}!` }, ...catalog.slice(1)];
    expect(catalogRevision(changed)).not.toBe(catalogRevision(catalog));
    expect(catalogRevision(catalog)).toBe(catalogRevision(parseCatalog({ bulletins: catalog })));
  });
});
