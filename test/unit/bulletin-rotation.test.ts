// Which bulletin a slot airs: periods (with the new-year wrap), validity, recency, tags, order.
import { describe, expect, it } from "vitest";
import { activeTags, isValidAt, pickItem, type Candidate } from "../../src/bulletins/rotation.js";
import { hasInteractionWindow, withinWindow } from "../../src/bulletins/reach.js";

const vn = (text: string) => new Date(`${text.replace(" ", "T")}:00+07:00`);
const DAY = 86_400_000;

describe("periods under way (Vietnam dates)", () => {
  const table: [string, Date, string[]][] = [
    ["20 June: action month and the week before 26/6", vn("2026-06-20 08:00"), ["thang-hanh-dong", "ngay-26-6"]],
    ["27 June: action month only", vn("2026-06-27 08:00"), ["thang-hanh-dong"]],
    ["1 June 00:00 in Vietnam is still 31 May in UTC", new Date("2026-05-31T17:00:00Z"), ["thang-hanh-dong"]],
    ["31 May 23:59 in Vietnam", new Date("2026-05-31T16:59:00Z"), []],
    ["mid-January: the poppy season wraps over the new year", vn("2026-01-15 08:00"), ["trong-cay"]],
    ["1 March: after the poppy season", vn("2026-03-01 08:00"), []],
    ["10 September: new school year", vn("2026-09-10 08:00"), ["nam-hoc-moi"]],
  ];
  it.each(table)("%s", (_name, at, tags) => {
    expect(activeTags(at)).toEqual(tags);
  });
});

describe("validity (whole Vietnam days, inclusive)", () => {
  const from = vn("2026-07-01 00:00");
  const until = vn("2026-07-31 00:00");
  it.each([
    [vn("2026-06-30 23:59"), false],
    [vn("2026-07-01 00:00"), true],
    [vn("2026-07-31 23:59"), true],
    [vn("2026-08-01 00:00"), false],
  ])("%s → %s", (at, valid) => {
    expect(isValidAt({ validFrom: from, validUntil: until }, at)).toBe(valid);
  });
});

describe("pickItem", () => {
  const at = vn("2026-11-23 06:30");
  const item = (id: number, over: Partial<Candidate> = {}): Candidate => ({ id, position: id, tags: [], validFrom: null, validUntil: null, lastAiredAt: null, ...over });
  const daysAgo = (n: number) => new Date(at.getTime() - n * DAY);

  const table: [string, Candidate[], string[], number | null][] = [
    ["never aired first, in catalog order", [item(1, { lastAiredAt: daysAgo(40) }), item(2), item(3)], [], 2],
    ["catalog position decides between items never aired", [item(5, { position: 9 }), item(6, { position: 2 })], [], 6],
    ["the one aired longest ago", [item(1, { lastAiredAt: daysAgo(30) }), item(2, { lastAiredAt: daysAgo(60) }), item(3, { lastAiredAt: daysAgo(45) })], [], 2],
    ["aired recently (within 28 days) is skipped while others remain", [item(1, { lastAiredAt: daysAgo(3) }), item(2, { lastAiredAt: daysAgo(29) })], [], 2],
    ["everything aired recently: the oldest airing is repeated", [item(1, { lastAiredAt: daysAgo(3) }), item(2, { lastAiredAt: daysAgo(10) })], [], 2],
    ["an item tagged for the period is preferred over one never aired", [item(1), item(2, { tags: ["thang-hanh-dong"], lastAiredAt: daysAgo(300) })], ["thang-hanh-dong"], 2],
    ["a tagged item aired recently does not crowd out the rest", [item(1), item(2, { tags: ["thang-hanh-dong"], lastAiredAt: daysAgo(4) })], ["thang-hanh-dong"], 1],
    ["tags that are not under way do not matter", [item(1, { tags: ["ngay-26-6"] }), item(2)], ["trong-cay"], 1],
    ["not yet valid is skipped", [item(1, { validFrom: vn("2026-12-01 00:00") }), item(2, { lastAiredAt: daysAgo(50) })], [], 2],
    ["expired is skipped", [item(1, { validUntil: vn("2026-11-22 00:00") }), item(2, { lastAiredAt: daysAgo(50) })], [], 2],
    ["valid until today is still valid", [item(1, { validUntil: vn("2026-11-23 00:00") }), item(2, { lastAiredAt: daysAgo(50) })], [], 1],
    ["nothing valid: null", [item(1, { validUntil: vn("2026-01-01 00:00") })], [], null],
    ["an empty catalog: null", [], [], null],
  ];
  it.each(table)("%s", (_name, candidates, tags, expected) => {
    expect(pickItem(candidates, at, tags)).toBe(expected);
  });

  it("rotates through a whole catalog before repeating", () => {
    const aired = new Map<number, Date>();
    const picks: number[] = [];
    for (let slot = 0; slot < 12; slot++) {
      const when = new Date(at.getTime() + slot * 2 * DAY);
      const candidates = [1, 2, 3, 4, 5, 6].map((id) => item(id, { lastAiredAt: aired.get(id) ?? null }));
      const id = pickItem(candidates, when, [], 7)!;
      aired.set(id, when);
      picks.push(id);
    }
    expect(picks).toEqual([1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6]);
  });
});

describe("channel windows (reach.json)", () => {
  const now = vn("2026-11-23 06:30");
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
  it.each([
    ["telegram", 24 * 365, true],
    ["web", 24 * 30, true],
    ["zalo", 47, true],
    ["zalo", 48, true],
    ["zalo", 49, false],
    ["zalo", 24 * 8, false],
  ])("%s, last message %i h ago → %s", (channel, hours, ok) => {
    expect(withinWindow(channel, hoursAgo(hours), now)).toBe(ok);
  });
  it("takes its table as data", () => {
    expect(withinWindow("telegram", hoursAgo(5), now, { telegram: 4 })).toBe(false);
  });
  it.each([
    ["zalo", true],
    ["telegram", false],
    ["web", false],
    ["zalobot", false],
  ])("%s has an interaction window: %s", (channel, expected) => {
    expect(hasInteractionWindow(channel)).toBe(expected);
  });
});
