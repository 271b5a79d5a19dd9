import { describe, expect, it } from "vitest";
import { escalationDue, isTipAction, nextStatus, type TipAction } from "../../src/tips/status.js";
import { underLimit } from "../../src/tips/limits.js";

describe("tip status transitions", () => {
  const table: [string, TipAction, string | null][] = [
    ["new", "take", "taken"],
    ["taken", "take", null],
    ["verifying", "take", null],
    ["new", "verify", "verifying"],
    ["taken", "verify", "verifying"],
    ["verifying", "verify", null],
    ["new", "done", "done"],
    ["taken", "done", "done"],
    ["verifying", "done", "done"],
    ["done", "done", null],
    ["verifying", "unfounded", "unfounded"],
    ["unfounded", "take", null],
    ["done", "unfounded", null],
  ];
  it.each(table)("%s + %s → %s", (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
  });

  // A button's action word comes from outside ("t:<id>:<word>"): names every JavaScript object has
  // are not actions (found by test/fuzz/commands.test.ts: "t:3:toString" made the handler throw).
  const words: [string, boolean][] = [
    ["take", true],
    ["verify", true],
    ["done", true],
    ["unfounded", true],
    ["ask", false],
    ["TAKE", false],
    ["", false],
    ["toString", false],
    ["constructor", false],
    ["__proto__", false],
    ["hasOwnProperty", false],
    ["valueOf", false],
    ["__defineGetter__", false],
  ];
  it.each(words)("%j is an action: %s", (word, expected) => {
    expect(isTipAction(word)).toBe(expected);
  });
});

describe("escalation timing", () => {
  const t0 = new Date("2026-11-22T01:00:00Z");
  const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
  const table: [string, { status: string; escalationLevel: number }, number, 1 | 2 | null][] = [
    ["too early", { status: "new", escalationLevel: 0 }, 29, null],
    ["exactly on time", { status: "new", escalationLevel: 0 }, 30, 1],
    ["second level", { status: "new", escalationLevel: 1 }, 31, 2],
    ["no third level", { status: "new", escalationLevel: 2 }, 300, null],
    ["taken tips are never raised", { status: "taken", escalationLevel: 0 }, 300, null],
    ["closed tips are never raised", { status: "done", escalationLevel: 0 }, 300, null],
  ];
  it.each(table)("%s", (_name, tip, minutes, expected) => {
    expect(escalationDue({ ...tip, lastAlertAt: t0 }, at(minutes), 30)).toBe(expected);
  });
});

describe("limits", () => {
  it.each([
    [0, 5, true],
    [4, 5, true],
    [5, 5, false],
    [6, 5, false],
  ])("%i hits under a limit of %i → %s", (count, limit, allowed) => {
    expect(underLimit(count, limit)).toBe(allowed);
  });
});
