// Per-channel pacing of the dispatcher, on a controllable clock.
import { describe, expect, it } from "vitest";
import { createPacer, channelLimits, type PacerClock } from "../../src/outbox/pacing.js";

function fakeClock() {
  let t = 0;
  const sleeps: number[] = [];
  const clock: PacerClock = {
    now: () => t,
    sleep: async (ms) => {
      sleeps.push(ms);
      t += ms;
    },
  };
  return { clock, sleeps, advance: (ms: number) => (t += ms), at: () => t };
}

describe("pacer", () => {
  it("keeps Telegram under its limit with headroom, and leaves the web chat unpaced", () => {
    expect(channelLimits.telegram).toBeGreaterThan(0);
    expect(channelLimits.telegram).toBeLessThanOrEqual(30);
    expect(channelLimits.web).toBeUndefined();
  });

  it("spaces sends 1/rate apart", async () => {
    const c = fakeClock();
    const pacer = createPacer({ telegram: 20 }, c.clock);
    for (let i = 0; i < 5; i++) expect(await pacer.acquire("telegram")).toBe(true);
    expect(c.at()).toBe(200); // 5 sends at 20/s: the 5th starts at 200 ms
    expect(c.sleeps).toEqual([50, 50, 50, 50]);
  });

  it("does not wait on an unpaced channel", async () => {
    const c = fakeClock();
    const pacer = createPacer({ telegram: 1 }, c.clock);
    for (let i = 0; i < 10; i++) expect(await pacer.acquire("web")).toBe(true);
    expect(c.sleeps).toEqual([]);
  });

  it("holds a channel after a 429 and refuses to wait longer than asked", async () => {
    const c = fakeClock();
    const pacer = createPacer({ telegram: 10 }, c.clock);
    void pacer.pause("telegram", 30_000); // the in-process pacer holds at once
    expect(pacer.heldFor("telegram")).toBe(30_000);
    expect(await pacer.acquire("telegram", 5_000)).toBe(false);
    expect(c.sleeps).toEqual([]);
    expect(await pacer.acquire("zalo", 5_000)).toBe(true); // other channels go on
    c.advance(26_000);
    expect(await pacer.acquire("telegram", 5_000)).toBe(true);
    expect(c.at()).toBe(30_000);
  });

  it("reserves distinct turns when callers ask at once", async () => {
    const wakes: number[] = [];
    const clock: PacerClock = { now: () => 0, sleep: async (ms) => void wakes.push(ms) }; // time stands still
    const pacer = createPacer({ telegram: 10 }, clock);
    await Promise.all([0, 1, 2].map(() => pacer.acquire("telegram")));
    expect(wakes).toEqual([100, 200]);
  });
});
