// The posters' PDF (src/places/poster-pdf.ts): its line breaking as a table, and its fitting: a long
// translation still takes one A4 page, set smaller, with nothing under the foot or off the page.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { A4, renderPostersPdf, wrapLines } from "../../src/places/poster-pdf.js";
import { nodePosterFonts } from "../../src/places/node-poster-fonts.js";
import { posterParagraphs, VIETNAMESE_POSTER_WORDS } from "../../src/bulletins/poster-text.js";
import type { PosterInput } from "../../src/places/poster.js";
import { pdfText } from "../helpers/pdf-text.js";

/** One unit per character: the table's widths read at a glance. */
const chars = (s: string) => Array.from(s).length;

describe("wrapLines", () => {
  it.each([
    ["", 10, false, []],
    ["   ", 10, false, []],
    ["một hai ba", 20, false, ["một hai ba"]],
    ["một hai ba", 7, false, ["một hai", "ba"]],
    ["một hai ba", 3, false, ["một", "hai", "ba"]],
    // Spaces, tabs and new lines are one space.
    ["một\n  hai\tba", 7, false, ["một hai", "ba"]],
    // A word longer than a line is cut between letters (a letter with its marks is one character).
    ["Nguyễn Trườngggg", 6, false, ["Nguyễn", "Trường", "ggg"]],
    ["a Trườngggg", 6, false, ["a Trườ", "ngggg"]],
    // A phone number is never broken at its spaces; at its colon or before it, it may be.
    ["Hùng: 0912 345 678", 14, false, ["Hùng:", "0912 345 678"]],
    ["gọi 113 ngay", 7, false, ["gọi 113", "ngay"]],
    ["0912 345 678", 6, false, ["0912 3", "45 678"]],
    // Links break anywhere, filling each line.
    ["https://t.me/Bot?start=LP-01", 10, true, ["https://t.", "me/Bot?sta", "rt=LP-01"]],
  ] as const)("%j in %i columns (anywhere: %s)", (text, width, anywhere, lines) => {
    expect(wrapLines(text, width, chars, anywhere)).toEqual(lines);
    for (const line of lines) expect(chars(line)).toBeLessThanOrEqual(width);
  });

  it("measures with the function it is given (a wide letter takes more room)", () => {
    const wide = (s: string) => Array.from(s).reduce((w, ch) => w + (ch === "M" ? 3 : 1), 0);
    expect(wrapLines("MM aa MM", 6, wide)).toEqual(["MM", "aa", "MM"]);
    expect(wrapLines("aa aa aa", 6, wide)).toEqual(["aa aa", "aa"]);
  });
});

describe("renderPostersPdf", () => {
  const base: PosterInput = {
    commune: { name: "Hồng Lộc", hotline: "0239 3 123 456", isSample: false, policeContacts: [{ title: "head", name: "Nguyễn Văn Hùng", phone: "0912 345 678" }] },
    province: "Hà Tĩnh",
    villages: [{ code: "HL-01", name: "Thôn Thượng Phú", languages: ["tyz"] }],
    webUrl: "https://baotin.example.vn",
    telegramBot: "PhaoDaiBot",
    zaloUrl: "https://zalo.me/1234567890",
  };
  // A translation that did not keep the poster's paragraphs prints as written: three times the words.
  const long = Array.from({ length: 3 }, () => posterParagraphs(VIETNAMESE_POSTER_WORDS).map((p) => `[TEST] ${p}`)).flat();
  const input: PosterInput = { ...base, translations: [{ language: "tyz", label: "Tiếng Tày", words: null, paragraphs: long }] };

  it("fits a long translation on its one page, smaller, nothing under the foot or off the page", async () => {
    const { bytes, omitted } = await renderPostersPdf(input, nodePosterFonts());
    expect(omitted).toEqual([]);
    const { pages, lines } = await pdfText(bytes);
    expect(pages).toHaveLength(2);
    expect(pages[1]).toContain(long.at(-1));
    const sos = (i: number) => lines[i]!.find((l) => l.str === "Khẩn cấp: gọi 113")!;
    const foot = (i: number) => lines[i]!.find((l) => l.str.startsWith(VIETNAMESE_POSTER_WORDS.falseReport.slice(0, 20)))!;
    for (const i of [0, 1]) {
      // The emergency line (the frame's last) ends above the foot's first line, with room for both.
      expect(sos(i).y - sos(i).size * 0.3).toBeGreaterThan(foot(i).y + foot(i).size);
      for (const l of lines[i]!) {
        expect(l.x).toBeGreaterThanOrEqual(0);
        expect(l.y).toBeGreaterThan(0);
        expect(l.y).toBeLessThan(A4.height);
      }
    }
    // The Vietnamese page at full size; the long one shrunk to fit, still readable.
    expect(sos(0).size).toBeCloseTo(20, 1);
    expect(sos(1).size).toBeLessThan(20);
    expect(sos(1).size).toBeGreaterThanOrEqual(8);
  });

  it("is the same file for the same posters (no dates or makers in it), and embeds the fonts' subsets only", async () => {
    const [a, b] = [(await renderPostersPdf(base, nodePosterFonts())).bytes, (await renderPostersPdf(base, nodePosterFonts())).bytes];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const fonts = readFileSync(resolve(import.meta.dirname, "../../node_modules/@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf")).length;
    expect(a.length).toBeLessThan(fonts);
  });

  it("leaves out a language page in letters the font lacks (Tai Viet), rather than print empty boxes, and says so", async () => {
    const taiViet = { language: "blt", label: "Tiếng Thái (Thái Đen)", words: null, paragraphs: ["\uAA80\uAAB1\uAA99 \uAAB6\uAA80\uAA99"] };
    const tay = { language: "tyz", label: "Tiếng Tày", words: null, paragraphs: ["[TEST] Tày"] };
    const withBoth: PosterInput = { ...base, villages: [{ code: "HL-01", name: "Thôn Thượng Phú", languages: ["blt", "tyz"] }], translations: [taiViet, tay] };
    const { bytes, omitted } = await renderPostersPdf(withBoth, nodePosterFonts());
    expect(omitted).toEqual([{ village: "HL-01", language: "blt", label: "Tiếng Thái (Thái Đen)" }]);
    const { pages } = await pdfText(bytes);
    expect(pages).toHaveLength(2);
    expect(pages[1]).toContain("[TEST] Tày");
  });
});
