// The default schedule spread by commune on Node (issue 19), through the real app on a real SQLite
// file with the production setting (schedule.json default.spreadMinutes): each sample commune gets
// 06:30 and 18:30 moved by its own minute, its first slot is due at that minute and not before, and
// an admin's schedule is kept to the minute. The Workers build does the same (test/workerd/bulletins.test.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../helpers/harness.js";
import { tick, vnTime } from "../helpers/bulletins.js";
import { DEFAULT_SCHEDULE, DEFAULT_SPREAD_MINUTES, scheduleToRow, spreadSchedule } from "../../src/bulletins/schedule.js";
import { setSchedule } from "../../src/bulletins/slots.js";

let h: Harness;

beforeAll(async () => {
  h = await createHarness({ settings: { bulletinSpreadMinutes: DEFAULT_SPREAD_MINUTES } });
  h.clock.now = vnTime("2026-06-15 05:00"); // a Monday, before the morning slot
  await tick(h);
});

afterAll(async () => {
  await h.close();
});

const scheduleOf = (code: string) => h.db.bulletinSchedule.findFirstOrThrow({ where: { commune: { code } } });

describe("the default schedule, spread by commune", () => {
  it("gives each commune the default days at its own minute within 06:30–06:59 and 18:30–18:59", async () => {
    const communes = await h.db.commune.findMany({ select: { code: true } });
    expect(communes.length).toBeGreaterThanOrEqual(3);
    const minutes = new Set<string>();
    for (const { code } of communes) {
      const row = await scheduleOf(code);
      expect({ days: row.days, times: row.times }).toEqual(scheduleToRow(spreadSchedule(DEFAULT_SCHEDULE, code)));
      const [morning, evening] = row.times.split(",");
      expect(morning! >= "06:30" && morning! <= "06:59").toBe(true);
      expect(evening! >= "18:30" && evening! <= "18:59").toBe(true);
      expect(row.nextDueAt).toEqual(vnTime(`2026-06-15 ${morning}`));
      minutes.add(morning!);
    }
    // The sample communes do not all share one minute.
    expect(minutes.size).toBeGreaterThan(1);
    expect((await scheduleOf("LUNGPHINH")).times).toBe("06:32,18:32");
    expect((await scheduleOf("HONGLOC")).times).toBe("06:57,18:57");
  });

  it("airs a commune's slot at its minute, not at the nominal 06:30", async () => {
    h.clock.now = vnTime("2026-06-15 06:31");
    await tick(h);
    const lungPhinh = await h.db.commune.findUniqueOrThrow({ where: { code: "LUNGPHINH" } });
    expect(await h.db.bulletinSlot.count({ where: { communeId: lungPhinh.id } })).toBe(0);
    h.clock.now = vnTime("2026-06-15 06:32");
    await tick(h);
    expect(await h.db.bulletinSlot.findMany({ where: { communeId: lungPhinh.id }, select: { scheduledAt: true, late: true } })).toEqual([
      { scheduledAt: vnTime("2026-06-15 06:32"), late: false },
    ]);
  });

  it("keeps an admin's schedule to the minute", async () => {
    const hongLoc = await h.db.commune.findUniqueOrThrow({ where: { code: "HONGLOC" } });
    await setSchedule(h.db, hongLoc.id, { schedule: { days: [2], times: ["07:00"] } }, h.clock.now);
    expect((await scheduleOf("HONGLOC")).times).toBe("07:00");
  });
});
