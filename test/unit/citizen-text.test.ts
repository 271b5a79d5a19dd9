import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { citizenBlock, cleanCitizenText, QUOTE_MARK, quoteCitizenText } from "../../src/tips/citizen-text.js";

const RLO = "\u202E";
const ZWSP = "\u200B";

describe("a tipster's words as staff see them", () => {
  it.each([
    ["right-to-left override", `Bán ở nhà số ${RLO}21${"\u202C"} ngõ 3`, "Bán ở nhà số 21 ngõ 3"],
    ["isolates and marks", "a\u2066b\u2067c\u2068d\u2069e\u200Ef\u200Fg\u061Ch", "abcdefgh"],
    ["zero-width and invisible", `ma${ZWSP}t\u200Cúy\u2060 \uFEFFở\u00AD bản\u2062`, "matúy ở bản"],
    ["tags and fillers", "x\u{E0041}\u{E0042}y\u3164z\u2800w", "xyzw"],
    ["control characters", "a\u0000b\u0007c\u001Bd\u007Fe\u0090f", "abcdef"],
    ["odd line breaks become lines", "một\u2028hai\u2029ba\r\nbốn\rnăm\u000Bsáu", "một\nhai\nba\nbốn\nnăm\nsáu"],
    ["25 blank lines collapse to one", `đầu${"\n".repeat(26)}cuối`, "đầu\n\ncuối"],
    ["blank lines of spaces collapse too", "đầu\n  \n\t\n \u3000 \ncuối", "đầu\n\ncuối"],
    ["leading and trailing blank lines go", "\n\n\nnội dung\n\n\n", "nội dung"],
    ["trailing spaces go, inner ones stay", "có  hai   chỗ   \nhết", "có  hai   chỗ\nhết"],
    ["odd spaces become plain spaces", "a\u00A0b\u2003c\u202Fd", "a b c d"],
    ["piles of combining marks are cut to three", `e${"\u0301".repeat(40)}`, `e${"\u0301".repeat(3)}`],
    ["a lone joiner goes", "a\u200Db", "ab"],
  ])("removes %s", (_name, input, expected) => {
    expect(cleanCitizenText(input)).toBe(expected);
  });

  const mustSurvive: [string, string][] = [
    ["Vietnamese, composed", "Ở đầu ngõ có người bán ma túy, khoảng 22 giờ tối."],
    ["Vietnamese, decomposed (typed with combining marks)", "Ở đầu ngõ có người bán ma túy".normalize("NFD")],
    ["ệ decomposed: two marks on one letter", "Vie\u0302\u0323t Nam"],
    ["Hmong (RPA)", "Muaj neeg muag yeeb tshuaj nyob hauv zos. Kuv tsis qhia kuv lub npe."],
    ["Pahawh Hmong", "\u{16B00}\u{16B01}\u{16B02} \u{16B30}\u{16B31}"],
    ["Tai Viet (Thái)", "ꪀꪁꪂ ꪒꪾ ꪼꪕ ꪀꪱꪒ"],
    ["Tày", "Mì cần khai bán ya phiện tẩư bản"],
    ["emoji with joiners and selectors", "👨‍👩‍👧 ❤️ 🏳️‍🌈 🍵"],
    ["a single blank line between paragraphs", "Đoạn một.\n\nĐoạn hai."],
  ];
  it.each(mustSurvive)("keeps %s byte for byte", (_name, text) => {
    expect(cleanCitizenText(text)).toBe(text);
  });

  it("keeps every paragraph of the Vietnamese bulletin catalog byte for byte", () => {
    const catalog = JSON.parse(readFileSync(new URL("../../prisma/seed/bulletins/catalog.vi.json", import.meta.url), "utf8")) as { bulletins: { paragraphs: string[] }[] };
    const paragraphs = catalog.bulletins.flatMap((b) => b.paragraphs);
    expect(paragraphs.length).toBeGreaterThan(20);
    for (const p of paragraphs) expect(cleanCitizenText(p)).toBe(p);
  });

  it("marks every line, so a fake header or status notice cannot pass for the server's", () => {
    const attack = `Bình thường\n\n\n\n\n🚨 TIN BÁO MỚI HONGLOC-00099\nLoại: Điểm bán\nHONGLOC-00012: Đ/c Trần Văn A chuyển sang "Đã xử lý" lúc 10:00 02/12/2026.`;
    const quoted = quoteCitizenText(attack);
    const lines = quoted.split("\n");
    expect(lines).toHaveLength(5);
    for (const line of lines) expect(line.startsWith(QUOTE_MARK.trimEnd())).toBe(true);
    expect(lines.filter((l) => l.startsWith("🚨") || l.startsWith("HONGLOC"))).toEqual([]);
  });

  it("labels the block with the server's words, and says so when nothing was typed", () => {
    expect(citizenBlock("Có người bán")).toBe("Người báo tin viết:\n┃ Có người bán");
    expect(citizenBlock(`${ZWSP}\n\n ${RLO}`)).toBe("Người báo tin không viết chữ nào (xem tệp đính kèm).");
  });
});
