// Pure rules of spam marks (issue 12): when a sender's marks in a commune hold their next tip
// (src/tips/spam.json), a mark's time kept to the day, the results only the marking actions set, and
// the spam hash: its own purpose, so it equals neither the sender's pseudonym nor their address tag.
import { describe, expect, it } from "vitest";
import { markDay, spamHashOf, spamHolds, spamRules, type SpamRules } from "../../src/tips/spam.js";
import { resultBy, resultFits, resultsFor } from "../../src/tips/results.js";
import { createKeyring, randomKeyText } from "../../src/crypto/keys.js";
import { addressTagOf, pseudonymOf, sealAddress } from "../../src/crypto/pseudonym.js";

const DAY = 86_400_000;
const now = new Date("2026-12-03T10:00:00Z");
const daysAgo = (d: number) => new Date(now.getTime() - d * DAY);

describe("a sender's spam marks hold their next tip", () => {
  const rules: SpamRules = { holdAfter: 3, forgetAfterDays: 180 };
  const table: [string, { count: number; updatedAt: Date } | null, SpamRules, boolean][] = [
    ["no mark", null, rules, false],
    ["one mark", { count: 1, updatedAt: now }, rules, false],
    ["two marks", { count: 2, updatedAt: now }, rules, false],
    ["three marks today", { count: 3, updatedAt: now }, rules, true],
    ["five marks", { count: 5, updatedAt: daysAgo(10) }, rules, true],
    ["three marks, last 179 days ago", { count: 3, updatedAt: daysAgo(179) }, rules, true],
    ["three marks, last 180 days ago: forgotten", { count: 3, updatedAt: daysAgo(180) }, rules, false],
    ["undone to zero", { count: 0, updatedAt: now }, rules, false],
    ["one mark where one is enough", { count: 1, updatedAt: now }, { holdAfter: 1, forgetAfterDays: 30 }, true],
    ["one mark 31 days ago where marks last 30", { count: 1, updatedAt: daysAgo(31) }, { holdAfter: 1, forgetAfterDays: 30 }, false],
  ];
  it.each(table)("%s", (_, mark, r, held) => {
    expect(spamHolds(mark, now, r)).toBe(held);
  });

  it("ships three marks within 180 days, citing its reason", () => {
    expect(spamRules).toEqual({ holdAfter: 3, forgetAfterDays: 180 });
    expect(spamHolds({ count: 3, updatedAt: now }, now)).toBe(true);
    expect(spamHolds({ count: 2, updatedAt: now }, now)).toBe(false);
  });
});

describe("a mark's time", () => {
  it.each([
    ["2026-12-03T00:00:00Z", "2026-12-03T00:00:00Z"],
    ["2026-12-03T10:17:42Z", "2026-12-03T00:00:00Z"],
    ["2026-12-03T23:59:59Z", "2026-12-03T00:00:00Z"],
  ])("%s is kept as %s", (at, day) => {
    expect(markDay(new Date(at)).toISOString()).toBe(new Date(day).toISOString());
  });
});

describe("the results of duplicates and spam", () => {
  it("are never offered in the closing list, and fit only their own action", () => {
    for (const status of ["done", "unfounded"] as const) expect(resultsFor(status).map((r) => r.id)).not.toEqual(expect.arrayContaining(["duplicate"]));
    expect(resultsFor("unfounded").map((r) => r.id)).not.toContain("spam");
    expect(resultBy("duplicate")).toEqual({ id: "duplicate", status: "done" });
    expect(resultBy("spam")).toEqual({ id: "spam", status: "unfounded" });
    const table: [ "done" | "unfounded", string, "duplicate" | "spam" | undefined, boolean][] = [
      ["done", "duplicate", "duplicate", true],
      ["done", "duplicate", undefined, false],
      ["unfounded", "spam", "spam", true],
      ["unfounded", "spam", undefined, false],
      ["unfounded", "spam", "duplicate", false],
      ["done", "spam", "spam", false],
      ["done", "reminded", undefined, true],
      ["done", "reminded", "spam", false],
    ];
    for (const [status, id, by, fits] of table) expect(resultFits(status, id, by), `${status} ${id} ${by}`).toBe(fits);
  });
});

describe("the spam hash", () => {
  it("is the same for one chat, differs between chats, and equals no pseudonym or address tag", async () => {
    const keys = await createKeyring(randomKeyText(), randomKeyText());
    const address = { channel: "telegram", chatId: "7312845906" };
    const a = await spamHashOf(keys, await sealAddress(keys, address));
    const b = await spamHashOf(keys, await sealAddress(keys, address));
    const other = await spamHashOf(keys, await sealAddress(keys, { channel: "telegram", chatId: "7312845907" }));
    expect(a).not.toBeNull();
    expect(a).toBe(b);
    expect(other).not.toBe(a);
    expect(a).not.toBe(await pseudonymOf(keys, "telegram", "7312845906"));
    expect(a).not.toBe(await addressTagOf(keys, address));
    expect(await spamHashOf(keys, "not sealed")).toBeNull();
  });
});
