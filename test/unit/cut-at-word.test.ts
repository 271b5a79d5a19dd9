// Button labels are cut at a word boundary with an ellipsis, never mid-word (issue 15).
import { describe, expect, it } from "vitest";
import { cutAtWord } from "../../src/util/text.js";

describe("cutAtWord", () => {
  const table: [string, string, number, string][] = [
    ["short text stays as it is", "Ma túy đá", 20, "Ma túy đá"],
    ["exactly the room stays", "Ma túy đá", 9, "Ma túy đá"],
    ["a cut inside a word drops the word", "Tác hại của ma túy tổng hợp", 20, "Tác hại của ma túy…"],
    ["a cut just before a space keeps the word", "Tác hại của ma túy tổng hợp", 19, "Tác hại của ma túy…"],
    ["punctuation before the cut goes", "Cảnh giác: kẹo lạ ở cổng trường", 14, "Cảnh giác…"],
    ["diacritics count as one character", "Phòng, chống ma túy trong học đường", 18, "Phòng, chống ma…"],
    ["one long word is cut inside only then", "Supercalifragilistic", 8, "Superca…"],
    ["spaces around are trimmed first", "  Ma túy đá  ", 9, "Ma túy đá"],
  ];
  it.each(table)("%s", (_name, text, max, expected) => {
    const out = cutAtWord(text, max);
    expect(out).toBe(expected);
    expect([...out].length).toBeLessThanOrEqual(max);
    // Every word kept is a whole word of the text.
    for (const w of out.replace(/…$/u, "").split(/\s+/u)) expect(text.split(/\s+/u).some((x) => x.startsWith(w))).toBe(true);
  });
});
