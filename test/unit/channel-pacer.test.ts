// The Workers pacer's token bucket (one Durable Object per channel, src/outbox/pacer-object.ts) and
// the queue's messages (src/outbox/queued.ts), table-tested on a clock the test moves.
import { describe, expect, it } from "vitest";
import { TokenBucket } from "../../src/outbox/pacer-object.js";
import { IDS_PER_MESSAGE, perRunLimits, workMessages } from "../../src/outbox/queued.js";

describe("TokenBucket", () => {
  it("spaces bookings evenly at the pace, never a burst above it", () => {
    const bucket = new TokenBucket(25, 0);
    const waits = Array.from({ length: 6 }, () => bucket.book(0, 5_000).waitMs);
    expect(waits).toEqual([0, 40, 80, 120, 160, 200]);
  });

  it.each([
    // [after idle ms, then waits of three bookings]
    [0, [40, 80, 120]],
    [40, [0, 40, 80]],
    [1_000, [0, 40, 80]], // idle time fills one token, not a second's worth
    [20, [20, 60, 100]],
  ])("booked at %i ms, one booking made at 0 before: %j", (idle, expected) => {
    const bucket = new TokenBucket(25, 0);
    bucket.book(0, 5_000);
    expect([0, 1, 2].map(() => Math.round(bucket.book(idle, 5_000).waitMs))).toEqual(expected);
  });

  it("holds the channel for a 429's wait and refuses, booking nothing, beyond maxWaitMs", () => {
    const bucket = new TokenBucket(25, 0);
    bucket.hold(0, 3_000);
    expect(bucket.book(0, 1_000)).toEqual({ ok: false, waitMs: 3_000 });
    expect(bucket.book(0, 5_000)).toEqual({ ok: true, waitMs: 3_000 });
    expect(bucket.book(3_000, 5_000)).toEqual({ ok: true, waitMs: 40 });
  });

  it("keeps a long run at the pace: 1,000 bookings end 40 s after the first at 25/s", () => {
    const bucket = new TokenBucket(25, 0);
    let last = 0;
    for (let i = 0; i < 1_000; i++) last = bucket.book(0, 60_000).waitMs;
    expect(last).toBeCloseTo(39_960, 6);
  });
});

describe("workMessages", () => {
  const rows = (channel: string, priority: number, from: number, n: number) => Array.from({ length: n }, (_, i) => ({ id: from + i, channel, priority }));

  it("makes messages of one channel and one priority, 50 ids each, highest priority first, channels taking turns", () => {
    const messages = workMessages([...rows("telegram", -1, 1, 120), ...rows("zalobot", -1, 200, 60), ...rows("telegram", 0, 500, 3)], 1_000);
    expect(messages.map((m) => [m.channel, m.priority, m.ids.length])).toEqual([
      ["telegram", 0, 3],
      ["zalobot", -1, 50],
      ["telegram", -1, 50],
      ["zalobot", -1, 10],
      ["telegram", -1, 50],
      ["telegram", -1, 20],
    ]);
    expect(messages[0]!.ids).toEqual([500, 501, 502]);
    expect(messages[2]!.ids[0]).toBe(1);
    expect(messages.every((m) => m.lease === 1_000 && m.ids.length <= IDS_PER_MESSAGE)).toBe(true);
    // Every row exactly once.
    expect(messages.flatMap((m) => m.ids).sort((a, b) => a - b)).toEqual([...rows("telegram", -1, 1, 120), ...rows("zalobot", -1, 200, 60), ...rows("telegram", 0, 500, 3)].map((r) => r.id));
  });

  it("queues a minute at each channel's pace per cron run", () => {
    expect(perRunLimits({ telegram: 25, zalo: 60, zalobot: 25 })).toEqual({ telegram: 1_500, zalo: 3_600, zalobot: 1_500 });
  });
});
