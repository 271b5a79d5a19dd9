// The bulletin job within a Worker's D1 statements (issue 19: 1,000 per invocation): when a whole
// province falls due in one minute, a run plans and fans out only what its statements allow and
// the next run goes on, nothing planned or sent twice, nothing lost. Here the budget is given to the
// job as the Worker gives it (statementsLeft), on the real job and a real SQLite file; the workerd
// benchmark (npm run bench:national) measures the statements themselves.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../helpers/harness.js";
import { vnTime } from "../helpers/bulletins.js";
import { runBulletinTick } from "../../src/bulletins/tick.js";
import { STATEMENTS_PER_FAN_OUT, STATEMENTS_PER_PLAN } from "../../src/bulletins/store.js";

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
  h.clock.now = vnTime("2026-06-15 05:00"); // a Monday, before the 06:30 slot every sample commune shares
  await runBulletinTick(h.deps);
  for (const [i, v] of (await h.db.village.findMany({ orderBy: { id: "asc" } })).entries()) {
    if (i % 2 === 0) await h.db.staff.create({ data: { pseudonym: `head-${v.id}`, channel: "web", sealedAddress: "x", displayName: `Trưởng thôn ${v.code}`, role: "village_head", communeId: v.communeId, villageId: v.id } });
  }
});
afterAll(async () => {
  await h.close();
});

/**
 * A budget that affords `plans` communes' planning and then `fanOuts` slots' fan-out, as a counter
 * running down would answer the job's checks: it plans first (a check per commune), then fans out
 * (a check per slot), and stops at the first check it cannot afford.
 */
function budget(plans: number, fanOuts: number) {
  const answers = [...Array<number>(plans).fill(STATEMENTS_PER_PLAN), 0, ...Array<number>(fanOuts).fill(STATEMENTS_PER_FAN_OUT)];
  return () => answers.shift() ?? 0;
}

describe("the bulletin job within a statement budget", () => {
  it("plans and fans out what the run can afford, and the next runs go on without repeating", async () => {
    const communes = await h.db.commune.count();
    expect(communes).toBeGreaterThanOrEqual(5);
    h.clock.now = vnTime("2026-06-15 06:31");
    const first = await runBulletinTick({ ...h.deps, statementsLeft: budget(2, 1) });
    expect(first.planned.aired).toBe(2);
    expect(await h.db.bulletinSlot.count()).toBe(2);
    expect(await h.db.bulletinSlot.count({ where: { status: "sent" } })).toBe(1);
    const headsAfterFirst = await h.db.outboxMessage.count({ where: { dedupeKey: { startsWith: "b:" } } });
    expect(headsAfterFirst).toBeGreaterThan(0);

    h.clock.now = vnTime("2026-06-15 06:32");
    const second = await runBulletinTick({ ...h.deps, statementsLeft: budget(2, 2) });
    expect(second.planned.aired).toBe(2);
    expect(await h.db.bulletinSlot.count()).toBe(4);
    expect(await h.db.bulletinSlot.count({ where: { status: "sent" } })).toBe(3);

    // A run with statements to spare (Node has no such limit) finishes the province.
    h.clock.now = vnTime("2026-06-15 06:33");
    await runBulletinTick(h.deps);
    const slots = await h.db.bulletinSlot.findMany({ select: { communeId: true, scheduledAt: true, status: true, late: true } });
    // Every commune once, at its 06:30 slot, all fanned out; the ones planned late are marked late.
    expect(new Set(slots.map((s) => s.communeId)).size).toBe(communes);
    expect(slots).toHaveLength(communes);
    expect(slots.every((s) => s.scheduledAt.getTime() === vnTime("2026-06-15 06:30").getTime() && s.status === "sent")).toBe(true);
    // Each head got each slot's bulletin once: one row per head and dedupe key.
    const heads = await h.db.staff.count({ where: { role: "village_head" } });
    const rows = await h.db.outboxMessage.findMany({ where: { dedupeKey: { startsWith: "b:" } }, select: { dedupeKey: true } });
    expect(new Set(rows.map((r) => r.dedupeKey)).size).toBe(rows.length);
    expect(rows.length).toBeGreaterThanOrEqual(heads);
  });

  it("does nothing at all when the run cannot afford one step, and loses nothing by it", async () => {
    h.clock.now = vnTime("2026-06-15 18:31");
    const starved = await runBulletinTick({ ...h.deps, statementsLeft: () => 0 });
    expect(starved.planned.aired).toBe(0);
    expect(await h.db.bulletinSlot.count({ where: { scheduledAt: vnTime("2026-06-15 18:30") } })).toBe(0);
    await runBulletinTick(h.deps);
    expect(await h.db.bulletinSlot.count({ where: { scheduledAt: vnTime("2026-06-15 18:30") } })).toBe(await h.db.commune.count());
  });
});
