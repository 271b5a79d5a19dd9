// The weekly Zalo digest's rules: its week and hours, the month's allowance, Zalo's length limits,
// and what each Zalo answer makes the digest do (docs/zalo-reach.md).
import { describe, expect, it } from "vitest";
import {
  buildDigestArticle,
  clampText,
  digestDue,
  digestRules,
  digestWeek,
  mayStartBroadcast,
  monthAllowance,
  nextDigestAt,
  type DigestHistoryRow,
} from "../../src/bulletins/zalo-digest.js";
import { articleErrorOf } from "../../bots/zalo/articles.js";
import { ZaloApiError, ZaloHttpError, ZaloTokenError } from "../../bots/zalo/client.js";

const vn = (text: string) => new Date(`${text.replace(" ", "T")}:00+07:00`);

describe("the digest's week and hours (Vietnam time, Friday from 08:00, no broadcast from 20:00)", () => {
  it.each([
    ["Friday 08:00", vn("2026-12-04 08:00"), "2026-11-30", true, true],
    ["Friday 07:59", vn("2026-12-04 07:59"), "2026-11-30", false, false],
    ["Friday 19:59", vn("2026-12-04 19:59"), "2026-11-30", true, true],
    ["Friday 20:00", vn("2026-12-04 20:00"), "2026-11-30", false, false],
    ["Thursday 09:00: the digest waits for Friday, a ready broadcast may go", vn("2026-12-03 09:00"), "2026-11-30", false, true],
    ["Monday 00:00 in Vietnam is Sunday in UTC", new Date("2026-11-29T17:00:00Z"), "2026-11-30", false, false],
    ["Sunday 23:59", vn("2026-12-06 23:59"), "2026-11-30", false, false],
  ])("%s", (_name, at, week, due, mayStart) => {
    expect(digestWeek(at)).toBe(week);
    expect(digestDue(at)).toBe(due);
    expect(mayStartBroadcast(at)).toBe(mayStart);
  });

  it.each([
    ["Wednesday: this Friday", vn("2026-12-02 12:00"), vn("2026-12-04 08:00")],
    ["Friday 07:00: today", vn("2026-12-04 07:00"), vn("2026-12-04 08:00")],
    ["Friday 08:00: next week", vn("2026-12-04 08:00"), vn("2026-12-11 08:00")],
    ["Saturday: next Friday", vn("2026-12-05 08:00"), vn("2026-12-11 08:00")],
  ])("next digest — %s", (_name, now, next) => {
    expect(nextDigestAt(now).toISOString()).toBe(next.toISOString());
  });
});

describe("the month's allowance (4 a month; Zalo's 3004 closes the month)", () => {
  const row = (status: string, at: string): DigestHistoryRow => ({ status, at: vn(at) });
  it.each([
    ["nothing yet", [], { used: 0, left: 4, full: false }],
    ["three sent, one skipped", [row("sent", "2026-12-04 08:00"), row("sent", "2026-12-11 08:00"), row("sent", "2026-12-18 08:00"), row("skipped", "2026-12-25 08:00")], { used: 3, left: 1, full: false }],
    ["an ambiguous send counts: it may have gone out", [row("ambiguous", "2026-12-04 08:00"), row("sent", "2026-12-11 08:00")], { used: 2, left: 2, full: false }],
    ["last month's do not count", [row("sent", "2026-11-27 08:00"), row("sent", "2026-11-30 23:59")], { used: 0, left: 4, full: false }],
    ["1 December 00:00 in Vietnam is 30 November in UTC", [row("sent", "2026-12-01 00:00")], { used: 1, left: 3, full: false }],
    ["four sent: none left", ["04", "11", "18", "25"].map((d) => row("sent", `2026-12-${d} 08:00`)), { used: 4, left: 0, full: false }],
    ["Zalo said full", [row("sent", "2026-12-04 08:00"), row("quota_full", "2026-12-11 08:00")], { used: 1, left: 0, full: true }],
  ])("%s", (_name, history, expected) => {
    expect(monthAllowance(history, vn("2026-12-28 09:00"))).toEqual({ ...expected, cap: 4 });
  });
});

describe("Zalo's lengths", () => {
  it.each([
    ["short text unchanged", "Bản tin tuần", 20, "Bản tin tuần"],
    ["cut at a word, with …", "Phòng chống ma túy tổng hợp tuần này", 20, "Phòng chống ma túy…"],
    ["no trailing comma before …", "Một, hai, ba, bốn, năm, sáu", 12, "Một, hai…"],
    ["a long word is cut inside", "Aaaaaaaaaaaaaaaaaaaaaaaaa", 10, "Aaaaaaaaa…"],
    ["counts characters, not UTF-16 units", "😀😀😀😀😀", 5, "😀😀😀😀😀"],
  ])("%s", (_name, text, max, expected) => {
    expect(clampText(text, max)).toBe(expected);
    expect([...clampText(text, max)].length).toBeLessThanOrEqual(max);
  });

  it("an article of many long bulletins keeps every field within Zalo's limits and every bulletin in full", () => {
    const bulletins = Array.from({ length: 5 }, (_, i) => ({
      title: `Bản tin số ${i + 1}: cảnh giác với ma túy trá hình dưới dạng bánh kẹo, nước uống, thuốc lá điện tử`,
      text: `Nội dung bản tin ${i + 1}. `.repeat(40),
      translations: [{ language: "hnj", text: `[TEST-ONLY] Lus Hmoob ${i + 1}` }],
    }));
    const article = buildDigestArticle(vn("2026-11-30 00:00"), bulletins);
    expect([...article.title].length).toBeLessThanOrEqual(digestRules.titleMax);
    expect([...article.description].length).toBeLessThanOrEqual(digestRules.descriptionMax);
    expect([...article.author].length).toBeLessThanOrEqual(digestRules.authorMax);
    expect(article.title).toBe("Bản tin phòng, chống ma túy tuần 30/11–06/12/2026");
    for (const b of bulletins) {
      expect(article.paragraphs).toContain(b.text);
      expect(article.paragraphs).toContain(b.translations[0]!.text);
    }
    expect(article.paragraphs).toContain("— Tiếng Mông (Hmoob) —");
  });
});

describe("Zalo's answers → what the digest does", () => {
  it.each([
    ["-214 media processing: verify again later", new ZaloApiError(-214, "processing"), "processing", -214],
    ["-224 basic package: no articles through the API", new ZaloApiError(-224, "package"), "permission", -224],
    ["3001 no broadcast permission", new ZaloApiError(3001, "permission"), "permission", 3001],
    ["3002 article gone", new ZaloApiError(3002, "missing"), "missing_article", 3002],
    ["3004 allowance used up", new ZaloApiError(3004, "limit"), "quota", 3004],
    ["3005 content refused", new ZaloApiError(3005, "policy"), "rejected", 3005],
    ["an unknown code stops, never retries", new ZaloApiError(-201, "invalid"), "invalid", -201],
    ["network or HTTP failure: unknown whether Zalo acted", new ZaloHttpError("zalo http 502"), "unreachable", null],
    ["no token", new ZaloTokenError("no token"), "unreachable", null],
  ])("%s", (_name, error, kind, code) => {
    const mapped = articleErrorOf(error);
    expect(mapped.kind).toBe(kind);
    expect(mapped.code).toBe(code);
  });
});
