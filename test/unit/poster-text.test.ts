// The poster's words and their translations: read back into the poster's places when every
// paragraph is there, else printed as written; which languages a village's poster speaks.
import { describe, expect, it } from "vitest";
import { posterLanguagesOf, posterParagraphs, splitParagraphs, VIETNAMESE_POSTER_WORDS, wordsFromTranslation } from "../../src/bulletins/poster-text.js";

const N = posterParagraphs(VIETNAMESE_POSTER_WORDS).length;
const lines = (n: number) => Array.from({ length: n }, (_, i) => `p${i + 1}`);

describe("the poster's words", () => {
  it("are every fixed sentence of the Vietnamese poster, in reading order", () => {
    const p = posterParagraphs(VIETNAMESE_POSTER_WORDS);
    expect(p[0]).toBe(VIETNAMESE_POSTER_WORDS.heading);
    expect(p.at(-1)).toBe(VIETNAMESE_POSTER_WORDS.motto);
    expect(N).toBe(2 + VIETNAMESE_POSTER_WORDS.promises.length + 1 + VIETNAMESE_POSTER_WORDS.what.length + 3);
  });

  it.each([
    ["blank lines", lines(N).join("\n\n"), lines(N)],
    ["blank lines with spaces and CRLF", lines(N).join("\r\n  \r\n"), lines(N)],
    ["single line breaks", lines(N).join("\n"), lines(N)],
    ["one paragraph", "only one", ["only one"]],
    ["empty lines around", `\n\n${lines(3).join("\n\n")}\n\n`, lines(3)],
  ])("split by %s", (_name, text, expected) => {
    expect(splitParagraphs(text)).toEqual(expected);
  });

  it.each([
    ["every paragraph", N, true],
    ["one short", N - 1, false],
    ["one too many", N + 1, false],
  ])("a translation with %s is read into its places: %s", (_name, count, aligned) => {
    const words = wordsFromTranslation(lines(count).join("\n\n"));
    expect(words !== null).toBe(aligned);
    if (!words) return;
    expect(words.heading).toBe("p1");
    expect(words.subheading).toBe("p2");
    expect(words.promises).toEqual(lines(2 + VIETNAMESE_POSTER_WORDS.promises.length).slice(2));
    expect(words.what).toHaveLength(VIETNAMESE_POSTER_WORDS.what.length);
    expect([words.scan, words.falseReport, words.motto]).toEqual(lines(N).slice(-3));
  });

  it.each([
    ["the village's own list", { languages: "hnj,vie" }, { languages: "vie" }, ["hnj"]],
    ["the commune's when the village has none", { languages: null }, { languages: "vie,hnj,tyz" }, ["hnj", "tyz"]],
    ["Vietnamese only", { languages: "vie" }, { languages: "vie,hnj" }, []],
    ["nothing set", { languages: null }, { languages: null }, []],
  ])("a village poster's languages: %s", (_name, village, commune, expected) => {
    expect(posterLanguagesOf(village, commune)).toEqual(expected);
  });
});
