// Review periods (issue 14) as pure, table-driven tests: what a leader types, the months and the due
// date of each period, how monthly figures add up (flows summed, stocks the latest), coverage added.
import { describe, expect, it } from "vitest";
import { aggregateFigures, CAMPAIGNS, monthsBegun, parsePeriodArg, periodLabel, type ReviewPeriod } from "../../src/compliance/periods.js";
import { addCoverage } from "../../src/compliance/coverage.js";
import { FIGURE_FIELDS } from "../../src/compliance/fields.js";
import { formatDateVN } from "../../src/util/vietnam-time.js";
import { messagesFor } from "../../src/i18n/messages.js";

const words = messagesFor("vi").compliance.period;
/** 3 December 2026, 10:00 Vietnam time. */
const NOW = new Date("2026-12-03T03:00:00Z");
const parse = (text: string) => parsePeriodArg(text, NOW, 25);
const shape = (p: ReviewPeriod | null) => p && { key: p.key, label: periodLabel(words, p), months: p.months, start: formatDateVN(p.start), last: formatDateVN(new Date(p.end.getTime() - 1)), due: formatDateVN(p.due) };

describe("parsePeriodArg", () => {
  it.each([
    ["q4/2026", { key: "2026-q4", label: "quý IV/2026", months: ["2026-10", "2026-11", "2026-12"], start: "01/10/2026", last: "31/12/2026", due: "25/12/2026" }],
    ["Quý1/2025", { key: "2025-q1", label: "quý I/2025", months: ["2025-01", "2025-02", "2025-03"], start: "01/01/2025", last: "31/03/2025", due: "25/03/2025" }],
    ["quy-3", { key: "2026-q3", label: "quý III/2026", months: ["2026-07", "2026-08", "2026-09"], start: "01/07/2026", last: "30/09/2026", due: "25/09/2026" }],
    ["6thang/2026", { key: "2026-h1", label: "6 tháng đầu năm 2026", months: ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"], start: "01/01/2026", last: "30/06/2026", due: "25/06/2026" }],
    ["sơkết", { key: "2026-h1", label: "6 tháng đầu năm 2026", months: ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"], start: "01/01/2026", last: "30/06/2026", due: "25/06/2026" }],
    ["6thangcuoi/2025", { key: "2025-h2", label: "6 tháng cuối năm 2025", months: ["2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12"], start: "01/07/2025", last: "31/12/2025", due: "25/12/2025" }],
    ["h2/2026", { key: "2026-h2", label: "6 tháng cuối năm 2026", months: ["2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"], start: "01/07/2026", last: "31/12/2026", due: "25/12/2026" }],
    ["năm/2026", { key: "2026", label: "năm 2026", months: Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, "0")}`), start: "01/01/2026", last: "31/12/2026", due: "25/12/2026" }],
    ["2025", { key: "2025", label: "năm 2025", months: Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, "0")}`), start: "01/01/2025", last: "31/12/2025", due: "25/12/2025" }],
    ["tongket2025", { key: "2025", label: "năm 2025", months: Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, "0")}`), start: "01/01/2025", last: "31/12/2025", due: "25/12/2025" }],
    ["thanghanhdong", { key: "thang-hanh-dong-2026", label: "Tháng hành động phòng, chống ma túy năm 2026", months: ["2026-06"], start: "01/06/2026", last: "30/06/2026", due: "03/07/2026" }],
    ["thanghanhdong/2025", { key: "thang-hanh-dong-2025", label: "Tháng hành động phòng, chống ma túy năm 2025", months: ["2025-06"], start: "01/06/2025", last: "30/06/2025", due: "03/07/2025" }],
  ])("%s", (text, expected) => {
    expect(shape(parse(text))).toEqual(expected);
  });

  it.each(["q5/2026", "q0", "h3/2026", "11/2026", "HL-01", "HONGLOC", "nam/1999", "thanghanhdong2", "", "quý", "t11/2026", "x".repeat(40)])("%j is not a period", (text) => {
    expect(parse(text)).toBeNull();
  });

  it("a campaign without a year is the last one begun: before June, last year's", () => {
    expect(parsePeriodArg("thanghanhdong", new Date("2026-05-20T03:00:00Z"), 25)?.key).toBe("thang-hanh-dong-2025");
    expect(parsePeriodArg("thanghanhdong", new Date("2026-06-01T00:00:00Z"), 25)?.key).toBe("thang-hanh-dong-2026");
  });

  it("ships the June action month from the Nam Sách plan", () => {
    expect(CAMPAIGNS.map((c) => [c.id, c.start, c.end, c.due])).toEqual([["thang-hanh-dong", "06-01", "06-30", "07-03"]]);
  });

  it("a period still running counts only its months begun", () => {
    expect(monthsBegun(parse("q4/2026")!, NOW)).toEqual(["2026-10", "2026-11", "2026-12"]);
    expect(monthsBegun(parse("q4/2026")!, new Date("2026-11-02T03:00:00Z"))).toEqual(["2026-10", "2026-11"]);
  });
});

describe("aggregateFigures", () => {
  const all = (over: Record<string, number>) => ({ ...Object.fromEntries(FIGURE_FIELDS.map((f) => [f.id, 0])), ...over });

  it.each([
    // [field, months, expected]: a flow adds up, a stock is the latest value entered.
    ["propaganda_sessions", [1, 2, 3], 6],
    ["offenders_found", [0, 4, 1], 5],
    ["households", [100, 101, 102], 102],
    ["addicts_total", [5, 4, 3], 3],
    ["hot_spots", [1, 0, 0], 0],
  ])("%s over %j → %s", (field, values, expected) => {
    expect(aggregateFigures(FIGURE_FIELDS, values.map((v) => all({ [field]: v })))!.values[field]).toBe(expected);
  });

  it("a flow missing in one month is unknown; a stock takes the latest month that has it; no month entered is nothing", () => {
    const { propaganda_sessions: _p, households: _h, ...without } = all({});
    const total = aggregateFigures(FIGURE_FIELDS, [all({ propaganda_sessions: 2, households: 90 }), null, { ...without }])!;
    expect(total.values.propaganda_sessions).toBeUndefined();
    expect(total.values.households).toBe(90);
    expect(total.monthsReported).toBe(2);
    expect(aggregateFigures(FIGURE_FIELDS, [null, null])).toBeNull();
  });

  it("every flow of the catalog is a count of the month", () => {
    const flows = FIGURE_FIELDS.filter((f) => f.aggregate === "sum");
    expect(flows.map((f) => f.id)).toEqual(["propaganda_sessions", "cultivation_found", "cultivation_destroyed", "production_found", "offenders_found", "offenders_handled", "wanted_in_area", "wanted_arrested", "serious_incidents", "new_addicts_month", "new_users_month", "risky_businesses_checked", "propaganda_loudspeaker", "propaganda_meetings", "propaganda_social", "propaganda_school"]);
    // Asked "trong tháng", or a part of such a count ("Trong số đó…").
    const flowIds = new Set(flows.map((f) => f.id));
    for (const f of flows) expect(/trong tháng/i.test(f.question) || (f.atMost !== undefined && flowIds.has(f.atMost)), f.id).toBe(true);
  });
});

describe("addCoverage", () => {
  it("adds counts and keeps the typed reasons", () => {
    expect(
      addCoverage(7, [
        { villageId: 7, slotsDelivered: 2, confirmedBroadcast: 1, notBroadcast: [{ reason: "other", count: 1, texts: ["loa hỏng"] }], noHead: 0 },
        null,
        { villageId: 7, slotsDelivered: 3, confirmedBroadcast: 2, notBroadcast: [{ reason: "other", count: 1, texts: ["mất điện"] }, { reason: "power", count: 1 }], noHead: 1 },
      ]),
    ).toEqual({ villageId: 7, slotsDelivered: 5, confirmedBroadcast: 3, notBroadcast: [{ reason: "other", count: 2, texts: ["loa hỏng", "mất điện"] }, { reason: "power", count: 1 }], noHead: 1 });
    expect(addCoverage(7, [null, undefined])).toBeNull();
  });
});
