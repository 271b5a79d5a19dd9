// Pure rules of sending a tip on (issue 12): who may send it which way, when a tip may go and to
// which commune, where Quay lại leads in the flow, and the units list read from data.
import { describe, expect, it } from "vitest";
import { mayTransfer, transferKinds, transferRefusal, type TransferKind, type TransferRefusal } from "../../src/tips/transfer.js";
import { transferPrevious } from "../../bots/core/transfer.js";
import type { TransferChoice, TransferStep } from "../../bots/core/transfer-state.js";
import { findUnit, transferUnits } from "../../src/tips/units.js";
import { resultsFor } from "../../src/tips/results.js";
import { REFERRED_RESULT } from "../../src/tips/transfer.js";
import { flowOf, loadState, storeState } from "../../bots/core/flows/index.js";

const staff = (role: string, communeId: number | null, extra: { provinceId?: number | null; active?: boolean } = {}) => ({ role, communeId, villageId: null, active: true, ...extra });

describe("who may send a tip of commune 1 on, and which way", () => {
  const table: [string, ReturnType<typeof staff>, TransferKind, boolean][] = [
    ["its officer, to a commune", staff("officer", 1), "commune", true],
    ["its officer, to a unit", staff("officer", 1), "unit", true],
    ["its leader, to a commune", staff("leader", 1), "commune", true],
    ["its leader, to a unit (closing is the officer's)", staff("leader", 1), "unit", false],
    ["another commune's officer", staff("officer", 2), "commune", false],
    ["another commune's leader", staff("leader", 2), "commune", false],
    ["a revoked officer", staff("officer", 1, { active: false }), "commune", false],
    ["a village head", staff("village_head", 1), "commune", false],
    ["a translator", staff("translator", 1), "unit", false],
    ["a national admin", staff("admin", null), "unit", true],
    ["a province admin (no province on the target)", staff("admin", null, { provinceId: 5 }), "commune", false],
  ];
  it.each(table)("%s: %s", (_name, who, kind, allowed) => {
    expect(mayTransfer(who, kind, { communeId: 1 })).toBe(allowed);
  });

  it("offers the kinds in order, only those allowed", () => {
    expect(transferKinds(staff("officer", 1), { communeId: 1 })).toEqual(["commune", "unit"]);
    expect(transferKinds(staff("leader", 1), { communeId: 1 })).toEqual(["commune"]);
    expect(transferKinds(staff("officer", 2), { communeId: 1 })).toEqual([]);
  });
});

describe("when a tip may go, and where", () => {
  const open = { status: "taken", hold: null, communeId: 1, provinceId: 10 };
  const table: [string, typeof open | { status: string; hold: string | null; communeId: number; provinceId: number }, { id: number; provinceId: number } | null, TransferRefusal | null][] = [
    ["an open tip, no commune yet", open, null, null],
    ["a new tip to another commune of the province", { ...open, status: "new" }, { id: 2, provinceId: 10 }, null],
    ["a verifying tip to another commune of the province", { ...open, status: "verifying" }, { id: 3, provinceId: 10 }, null],
    ["to its own commune", open, { id: 1, provinceId: 10 }, "same_commune"],
    ["to another province", open, { id: 4, provinceId: 11 }, "other_province"],
    ["a closed tip", { ...open, status: "done" }, { id: 2, provinceId: 10 }, "closed"],
    ["an unfounded tip", { ...open, status: "unfounded" }, null, "closed"],
    ["an unknown status", { ...open, status: "toString" }, null, "closed"],
    ["a held tip", { ...open, status: "new", hold: "held" }, { id: 2, provinceId: 10 }, "held"],
    ["a dismissed tip", { ...open, hold: "dismissed" }, null, "held"],
  ];
  it.each(table)("%s: %s", (_name, tip, to, refusal) => {
    expect(transferRefusal(tip, to)).toBe(refusal);
  });
});

describe("where Quay lại leads", () => {
  const table: [TransferStep, TransferChoice, boolean, TransferStep | null][] = [
    ["transfer_kind", {}, false, null],
    ["transfer_commune", {}, false, "transfer_kind"],
    ["transfer_commune", {}, true, null],
    ["transfer_unit", {}, false, "transfer_kind"],
    ["transfer_reason", { toCommuneId: 3 }, false, "transfer_commune"],
    ["transfer_reason", { toCommuneId: 3 }, true, "transfer_commune"],
    ["transfer_reason", { unit: "pc04" }, false, "transfer_unit"],
    ["transfer_confirm", { unit: "pc04", reason: "x" }, false, "transfer_reason"],
    ["transfer_confirm", { toCommuneId: 3, reason: "x" }, true, "transfer_reason"],
  ];
  it.each(table)("from %s with %j (leader: %s): %s", (step, pick, leader, previous) => {
    expect(transferPrevious(step, pick, leader)).toBe(previous);
  });
});

describe("the units list and the result it closes with", () => {
  it("reads the units from data, the drug police unit first, each id unique", () => {
    expect(transferUnits[0]).toEqual({ id: "pc04", label: "Phòng Cảnh sát điều tra tội phạm về ma túy (PC04), Công an tỉnh" });
    expect(new Set(transferUnits.map((u) => u.id)).size).toBe(transferUnits.length);
    expect(findUnit("pc04")?.id).toBe("pc04");
    expect(findUnit("constructor")).toBeNull();
    expect(findUnit("")).toBeNull();
  });

  it("closes with a result that exists for 'done'", () => {
    expect(resultsFor("done").map((r) => r.id)).toContain(REFERRED_RESULT);
  });
});

describe("the flow's stored state", () => {
  const states = [
    { step: "transfer_kind", tipId: 4, pick: {} },
    { step: "transfer_commune", tipId: 4, pick: {} },
    { step: "transfer_reason", tipId: 4, pick: { toCommuneId: 2 } },
    { step: "transfer_confirm", tipId: 4, pick: { unit: "pc04", reason: "Đường dây liên tỉnh" } },
  ] as const;
  it.each(states)("%j comes back as it was stored", (state) => {
    expect(flowOf(state)?.id).toBe("transfer");
    expect(loadState(storeState(state))).toEqual({ state, broken: false });
  });

  it("ends a damaged one", () => {
    expect(loadState(JSON.stringify({ step: "transfer_reason", tipId: 4, pick: { unit: "../x" }, v: 1 })).broken).toBe(true);
    expect(loadState(JSON.stringify({ step: "transfer_kind", tipId: -1, pick: {}, v: 1 })).broken).toBe(true);
  });
});
