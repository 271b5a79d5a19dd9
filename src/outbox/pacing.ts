// Per-channel pacing for the dispatcher: messages go out no faster than each platform allows, and a
// "too many requests" answer holds the whole channel for the wait it names. Web APIs only (timers
// live only while a dispatch runs), so the same code paces on Node and in a Worker invocation.
import data from "./channel-limits.json" with { type: "json" };
import { z } from "zod";

const schema = z.object({ perSecond: z.record(z.string(), z.number().positive()) });

export const channelLimits: Record<string, number> = schema.parse(data).perSecond;

export interface PacerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: PacerClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface Pacer {
  /**
   * Reserves the next send on a channel and waits for it. Returns false at once, reserving
   * nothing, when the channel is held for longer than `maxWaitMs` (after a 429).
   */
  acquire(channel: string, maxWaitMs?: number): Promise<boolean>;
  /** The platform asked us to wait: hold the channel for `ms` (a shared pacer: once the hold is recorded). */
  pause(channel: string, ms: number): void | Promise<void>;
  /** How long the channel is held from now (0 when free). */
  heldFor(channel: string): number;
}

export function createPacer(limits: Record<string, number> = channelLimits, clock: PacerClock = realClock): Pacer {
  const next = new Map<string, number>();
  return {
    async acquire(channel, maxWaitMs = 5_000) {
      const perSecond = limits[channel];
      if (!perSecond) return true;
      const now = clock.now();
      const start = Math.max(now, next.get(channel) ?? now);
      if (start - now > maxWaitMs) return false;
      next.set(channel, start + 1_000 / perSecond);
      if (start > now) await clock.sleep(start - now);
      return true;
    },
    pause(channel, ms) {
      const now = clock.now();
      next.set(channel, Math.max(next.get(channel) ?? now, now + ms));
    },
    heldFor(channel) {
      return Math.max(0, (next.get(channel) ?? 0) - clock.now());
    },
  };
}
