// A commune's own bulletins (src/bulletins/local.ts): who approves whose (a leader an officer's, an
// officer a leader's, never the writer, same commune only), what a draft must hold, and that a
// bulletin waiting for its first airing goes first (src/bulletins/rotation.ts pickUrgent).
import { describe, expect, it } from "vitest";
import { approverRole, checkText, checkTitle, mayApprove, mayWrite, TEXT_MAX, TEXT_MIN, TITLE_MAX, type Approver, type Writer } from "../../src/bulletins/local.js";
import { pickItem, pickUrgent, type Candidate } from "../../src/bulletins/rotation.js";

const writer = (id: number, role: string, communeId: number | null = 1): Writer => ({ id, role, communeId });
const approver = (id: number, role: string, communeId: number | null = 1, active = true): Approver => ({ id, role, communeId, active });

describe("mayApprove(writer, approver)", () => {
  const table: [string, Writer, Approver, boolean][] = [
    ["a leader approves an officer's bulletin", writer(1, "officer"), approver(2, "leader"), true],
    ["an officer approves a leader's bulletin", writer(1, "leader"), approver(2, "officer"), true],
    ["never the writer (an officer)", writer(1, "officer"), approver(1, "officer"), false],
    ["never the writer (a leader, even as the other role's row)", writer(1, "leader"), approver(1, "officer"), false],
    ["another officer does not approve an officer's", writer(1, "officer"), approver(2, "officer"), false],
    ["another leader does not approve a leader's", writer(1, "leader"), approver(2, "leader"), false],
    ["a leader of another commune does not", writer(1, "officer", 1), approver(2, "leader", 2), false],
    ["an officer of another commune does not", writer(1, "leader", 1), approver(2, "officer", 2), false],
    ["a province-wide leader row (no commune) does not", writer(1, "officer", 1), approver(2, "leader", null), false],
    ["a revoked leader does not", writer(1, "officer"), approver(2, "leader", 1, false), false],
    ["a village head does not", writer(1, "officer"), approver(2, "village_head"), false],
    ["a translator does not", writer(1, "leader"), approver(2, "translator"), false],
    ["an admin does not", writer(1, "officer"), approver(2, "admin"), false],
    ["a bulletin of no commune is nobody's", writer(1, "officer", null), approver(2, "leader", null), false],
    ["a writer of another role (translator) has no approver", writer(1, "translator"), approver(2, "leader"), false],
  ];
  it.each(table)("%s", (_name, w, a, expected) => {
    expect(mayApprove(w, a)).toBe(expected);
  });

  it("names the approving role", () => {
    expect([approverRole("officer"), approverRole("leader")]).toEqual(["leader", "officer"]);
  });
});

describe("who writes", () => {
  const scope = (role: string, communeId: number | null, active = true) => ({ role, communeId, villageId: null, active });
  it.each([
    ["officer", 1, true, true],
    ["leader", 1, true, true],
    ["leader", 1, false, false],
    ["village_head", 1, true, false],
    ["translator", 1, true, false],
    ["admin", 1, true, false],
    ["admin", null, true, false],
  ] as const)("%s of commune %s (active %s): %s", (role, communeId, active, expected) => {
    expect(mayWrite(scope(role, communeId, active))).toBe(expected);
  });
});

describe("what a draft holds", () => {
  it.each([
    ["", "title_empty"],
    ["\u200b \u00a0", "title_empty"],
    ["Ma túy trá hình kẹo ngọt", null],
    ["x".repeat(TITLE_MAX), null],
    ["x".repeat(TITLE_MAX + 1), "title_long"],
  ])("title %j: %s", (title, problem) => {
    expect(checkTitle(title)).toBe(problem);
  });
  it.each([
    ["", "text_empty"],
    ["ngắn", "text_short"],
    ["x".repeat(TEXT_MIN), null],
    ["x".repeat(TEXT_MAX), null],
    ["x".repeat(TEXT_MAX + 1), "text_long"],
  ])("text of %# : %s", (text, problem) => {
    expect(checkText(text)).toBe(problem);
  });
});

describe("a commune's bulletin waiting for its first airing goes first", () => {
  const at = new Date("2026-06-18T06:30:00+07:00");
  const item = (id: number, position: number, priority = 0, lastAiredAt: Date | null = null): Candidate => ({ id, position, tags: [], validFrom: null, validUntil: null, lastAiredAt, priority });
  it.each([
    ["nothing waits: the rotation picks", [item(1, 1), item(2, 2)], null],
    ["a local bulletin waits", [item(1, 1), item(2, 1_000_005, 1)], 2],
    ["a warning goes before a local bulletin approved earlier", [item(1, 1), item(2, 1_000_005, 1), item(3, 1_000_006, 2)], 3],
    ["two local bulletins: the one approved first", [item(2, 1_000_006, 1), item(3, 1_000_005, 1)], 3],
    ["an aired local bulletin waits no more", [item(1, 1), item(2, 1_000_005, 1, new Date("2026-06-15T06:30:00+07:00"))], null],
  ] as const)("%s", (_name, candidates, expected) => {
    expect(pickUrgent([...candidates], at)).toBe(expected);
  });
  it("an expired one waits no more", () => {
    expect(pickUrgent([{ ...item(2, 1_000_005, 2), validUntil: new Date("2026-06-10T00:00:00+07:00") }], at)).toBeNull();
    expect(pickItem([item(1, 1)], at, [])).toBe(1);
  });
});
