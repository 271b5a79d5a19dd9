// Pure rules of a tip's life (issue 12): which actions each status allows, who may reopen, the
// art. 147 deadline and its extensions, when reminders are due, overdue days, when a late detail
// reopens a closed tip, and the results offered on closing.
import { describe, expect, it } from "vitest";
import { actionAllowed, allowedActions, type CaseAction } from "../../src/tips/status.js";
import { deadlineReminderDue, deadlineRules, detailReopens, extendedDue, isOverdue, overdueDays, verificationDue, type DeadlineRules } from "../../src/tips/deadlines.js";
import { mayReopen } from "../../src/tips/case.js";
import { resultsFor, tipResults } from "../../src/tips/results.js";

const DAY = 86_400_000;
const t0 = new Date("2026-12-01T03:00:00Z");
const at = (days: number) => new Date(t0.getTime() + days * DAY);

describe("which actions a status allows", () => {
  const table: [string, CaseAction, boolean][] = [
    ["new", "take", true],
    ["new", "ask", true],
    ["new", "note", true],
    ["new", "assign", true],
    ["new", "extend", false],
    ["new", "reopen", false],
    ["taken", "take", false],
    ["taken", "extend", true],
    ["taken", "done", true],
    ["verifying", "verify", false],
    ["verifying", "unfounded", true],
    ["verifying", "reopen", false],
    ["done", "ask", false],
    ["done", "note", false],
    ["done", "assign", false],
    ["done", "extend", false],
    ["done", "done", false],
    ["done", "reopen", true],
    ["unfounded", "ask", false],
    ["unfounded", "reopen", true],
    ["toString", "take", false],
    ["", "reopen", false],
  ];
  it.each(table)("%s allows %s: %s", (status, action, allowed) => {
    expect(actionAllowed(status, action)).toBe(allowed);
  });

  it("a closed tip offers only reopening", () => {
    expect(allowedActions("done")).toEqual(["reopen"]);
    expect(allowedActions("unfounded")).toEqual(["reopen"]);
    expect(allowedActions("__proto__")).toEqual([]);
  });
});

describe("who may reopen a closed tip", () => {
  const table: [string, { id: number; role: string }, number | null, boolean][] = [
    ["its officer", { id: 1, role: "officer" }, 1, true],
    ["another officer", { id: 2, role: "officer" }, 1, false],
    ["any officer when none was named", { id: 2, role: "officer" }, null, true],
    ["a leader", { id: 3, role: "leader" }, 1, true],
    ["an admin", { id: 4, role: "admin" }, 1, true],
  ];
  it.each(table)("%s", (_name, staff, officerStaffId, allowed) => {
    expect(mayReopen(staff, { officerStaffId })).toBe(allowed);
  });
});

describe("deadlines (Criminal Procedure Code art. 147)", () => {
  it("reads the data: 20 days, two extensions, with sources", () => {
    expect(deadlineRules.verifyDays).toBe(20);
    expect(deadlineRules.extensions.map((e) => e.days)).toEqual([40, 60]);
    expect(deadlineRules.source).toContain("Điều 147");
  });

  it("the result is due 20 days after taking", () => {
    expect(verificationDue(t0)).toEqual(at(20));
  });

  const extensions: [number, Date | null][] = [
    [0, at(20 + 40)],
    [1, at(20 + 60)],
    [2, null],
    [5, null],
  ];
  it.each(extensions)("after %i extensions the next one gives %s", (done, due) => {
    expect(extendedDue(at(20), done)).toEqual(due);
  });

  const rules: DeadlineRules = { ...deadlineRules, remindDaysBefore: 3 };
  const reminders: [string, number, number, boolean, 1 | 2 | null][] = [
    // name, now (days after t0, due at day 20), level sent, open, due
    ["long before", 10, 0, true, null],
    ["just before the reminder", 16.9, 0, true, null],
    ["3 days before: the officer", 17, 0, true, 1],
    ["officer reminded already", 18, 1, true, null],
    ["at the deadline: the leaders", 20, 1, true, 2],
    ["past it, never reminded: the leaders", 25, 0, true, 2],
    ["leaders told already", 25, 2, true, null],
    ["closed", 25, 0, false, null],
  ];
  it.each(reminders)("%s", (_name, now, level, open, due) => {
    expect(deadlineReminderDue({ dueAt: at(20), reminderLevel: level, open }, at(now), rules)).toBe(due);
  });

  it("no deadline, no reminder", () => {
    expect(deadlineReminderDue({ dueAt: null, reminderLevel: 0, open: true }, at(100))).toBeNull();
  });

  const overdue: [number, boolean, boolean, number][] = [
    [19, true, false, 0],
    [20, true, false, 0],
    [20.1, true, true, 1],
    [21, true, true, 1],
    [23.5, true, true, 4],
    [30, false, false, 0],
  ];
  it.each(overdue)("at day %d, open %s: overdue %s by %i days", (now, open, late, days) => {
    expect(isOverdue({ dueAt: at(20), open }, at(now))).toBe(late);
    expect(overdueDays({ dueAt: at(20), open }, at(now))).toBe(days);
  });

  const details: [Date | null, number, boolean][] = [
    [t0, 0, true],
    [t0, 29, true],
    [t0, 30, true],
    [t0, 30.01, false],
    [null, 1, false],
  ];
  it.each(details)("a detail on a tip closed %s, %d days later, reopens it: %s", (closedAt, days, reopens) => {
    expect(detailReopens(closedAt, at(days))).toBe(reopens);
  });
});

describe("results on closing (src/tips/results.json)", () => {
  it("offers each status its own results, with unique ids", () => {
    expect(new Set(tipResults.map((r) => r.id)).size).toBe(tipResults.length);
    expect(resultsFor("done").map((r) => r.id)).toEqual(["criminal", "administrative", "reminded", "referred"]);
    expect(resultsFor("unfounded").map((r) => r.id)).toEqual(["referred", "not_verified", "no_violation"]);
  });
});
