// Pure rules of tips that do not come by chat: days overdue in the register, the periods an officer
// types, the sources list, and where Quay lại leads in /nhaptin.
import { describe, expect, it } from "vitest";
import { parseDayVN, parsePeriodArg } from "../../src/tips/register.js";
import { daysLate, deadlineRules } from "../../src/tips/deadlines.js";
import { enteredSources, findSource, tipSources } from "../../src/tips/sources.js";
import { intakePrevious } from "../../bots/core/intake.js";
import { formatDateTimeVN } from "../../src/util/vietnam-time.js";

const DAY = 86_400_000;
const t0 = new Date("2026-11-01T02:00:00Z");
const days = (n: number) => new Date(t0.getTime() + n * DAY);

describe("daysLate in the register (CPC art. 147: 20 days, extensions recorded)", () => {
  it.each([
    // [name, tip, now, expected]: without a due date (never taken) the period runs from receipt.
    ["never taken, day 10", { dueAt: null, open: true, closedAt: null }, days(10), 0],
    ["never taken, exactly 20 days", { dueAt: null, open: true, closedAt: null }, days(20), 0],
    ["never taken, 20 days and an hour: the first day late", { dueAt: null, open: true, closedAt: null }, new Date(days(20).getTime() + 3_600_000), 1],
    ["never taken, 45 days", { dueAt: null, open: true, closedAt: null }, days(45), 25],
    ["taken on day 2, due day 22, read on day 25", { dueAt: days(22), open: true, closedAt: null }, days(25), 3],
    ["extended to day 62, read on day 45", { dueAt: days(62), open: true, closedAt: null }, days(45), 0],
    ["closed on day 30 with day 20 due, read on day 90", { dueAt: days(20), open: false, closedAt: days(30) }, days(90), 10],
    ["closed on day 5", { dueAt: days(20), open: false, closedAt: days(5) }, days(90), 0],
  ] as const)("%s → %i", (_name, tip, now, expected) => {
    expect(daysLate({ ...tip, createdAt: t0 }, now)).toBe(expected);
  });
  it("is 20 days by default", () => expect(deadlineRules.verifyDays).toBe(20));
});

describe("parseDayVN", () => {
  it.each([
    ["01/11/2026", "00:00 01/11/2026"],
    ["1/2/2026", "00:00 01/02/2026"],
    ["2026-11-30", "00:00 30/11/2026"],
    ["31.12.2026", "00:00 31/12/2026"],
  ])("%s → %s Vietnam time", (text, expected) => expect(formatDateTimeVN(parseDayVN(text)!)).toBe(expected));
  it.each(["30/02/2026", "2026-13-01", "hôm qua", "11/2026", "32/01/2026", ""])("%s is no day", (text) => expect(parseDayVN(text)).toBeNull());
});

describe("parsePeriodArg", () => {
  const shown = (p: ReturnType<typeof parsePeriodArg>) => (typeof p === "string" ? p : `${formatDateTimeVN(p.from)} – ${formatDateTimeVN(p.to)}`);
  it.each([
    ["11/2026", "00:00 01/11/2026 – 00:00 01/12/2026"],
    ["2026-02", "00:00 01/02/2026 – 00:00 01/03/2026"],
    ["01/11/2026-15/11/2026", "00:00 01/11/2026 – 00:00 16/11/2026"],
    ["15/11/2026-15/11/2026", "00:00 15/11/2026 – 00:00 16/11/2026"],
    ["15/11/2026-01/11/2026", "bad"],
    ["01/01/2026-31/12/2027", "bad"],
    ["30/02/2026-01/03/2026", "bad"],
    ["hotline", "none"],
    ["HL-01", "none"],
  ])("%s → %s", (word, expected) => expect(shown(parsePeriodArg(word))).toBe(expected));
});

describe("tip sources (src/tips/sources.json)", () => {
  it("lists chat, not entered, and the four an officer enters; only the tip box takes a slip", () => {
    expect(tipSources.map((s) => s.id)).toEqual(["chat", "hotline", "tipbox", "in_person", "agency"]);
    expect(enteredSources.map((s) => s.id)).toEqual(["hotline", "tipbox", "in_person", "agency"]);
    expect(tipSources.filter((s) => s.slip).map((s) => s.id)).toEqual(["tipbox"]);
    expect(findSource("constructor")).toBeNull();
  });
});

describe("/nhaptin: where Quay lại leads", () => {
  it.each([
    ["intake_source", {}, null],
    ["intake_slip", { source: "tipbox" }, "intake_source"],
    ["intake_village", { source: "tipbox" }, "intake_slip"],
    ["intake_village", { source: "hotline" }, "intake_source"],
    ["intake_category", { source: "hotline", villageId: 3 }, "intake_village"],
    ["intake_category", { source: "tipbox", slipId: 1, villageId: 3, villageFixed: true }, "intake_slip"],
    ["intake_category", { source: "tipbox", slipId: 1, villageId: null }, "intake_village"],
    ["intake_text", { source: "agency" }, "intake_category"],
    ["intake_confirm", { source: "agency" }, "intake_text"],
  ] as const)("%s %j → %s", (step, entry, expected) => expect(intakePrevious(step, entry)).toBe(expected));
});
