// Saving figures on a real SQLite file: revisions append-only, and two saves against the same
// version never both win (the unique revision key is the lock; no transactions needed, as on D1).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../helpers/harness.js";
import { figuresOf, saveFigures } from "../../src/compliance/service.js";

let h: Harness;
let villageId: number;
beforeAll(async () => {
  h = await createHarness();
  villageId = (await h.db.village.findUniqueOrThrow({ where: { code: "LP-02" } })).id;
});
afterAll(async () => h.close());

const save = (values: Record<string, number>, basedOnVersion: number, staffId: number | null = null) =>
  saveFigures(h.db, { villageId, month: "2026-09", values, staffId, source: "chat", basedOnVersion, now: h.clock.now });

describe("saveFigures", () => {
  it("lets one of two first saves win and tells the other", async () => {
    const results = await Promise.all([save({ households: 10 }, 0), save({ households: 11 }, 0)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "conflict" }]);
    expect(await h.db.figureRevision.count({ where: { villageId } })).toBe(1);
    const stored = await figuresOf(h.db, villageId, "2026-09");
    const winner = results.findIndex((r) => r.ok);
    expect(stored?.values).toEqual({ households: winner === 0 ? 10 : 11 });
  });

  it("does the same for two corrections of one version, and keeps every revision", async () => {
    const results = await Promise.all([save({ households: 20 }, 1), save({ households: 21 }, 1)]);
    expect(results.filter((r) => r.ok)).toEqual([{ ok: true, version: 2 }]);
    expect(await save({ households: 30 }, 1)).toEqual({ ok: false, reason: "conflict" });
    expect(await save({ households: 30 }, 2)).toEqual({ ok: true, version: 3 });
    const revisions = await h.db.figureRevision.findMany({ where: { villageId }, orderBy: { version: "asc" } });
    expect(revisions.map((r) => r.version)).toEqual([1, 2, 3]);
    expect((await figuresOf(h.db, villageId, "2026-09"))?.values).toEqual({ households: 30 });
  });

  it("refuses values that break the rules, writing nothing", async () => {
    expect(await save({ households: 5, households_committed: 6 }, 3)).toMatchObject({ ok: false, reason: "invalid" });
    expect(await save({ nobody: 1 }, 3)).toMatchObject({ ok: false, reason: "invalid" });
    expect(await h.db.figureRevision.count({ where: { villageId } })).toBe(3);
  });

  it("recovers from a save that stopped after its revision: the current row catches up", async () => {
    // A revision 4 whose current row was never written (as after a crash between the two writes).
    await h.db.figureRevision.create({ data: { villageId, month: "2026-09", version: 4, data: JSON.stringify({ households: 44 }), source: "chat", createdAt: h.clock.now } });
    expect(await save({ households: 31 }, 3)).toEqual({ ok: false, reason: "conflict" });
    const caught = await figuresOf(h.db, villageId, "2026-09");
    expect(caught).toMatchObject({ version: 4, values: { households: 44 } });
    expect(await save({ households: 45 }, 4)).toEqual({ ok: true, version: 5 });
  });
});
