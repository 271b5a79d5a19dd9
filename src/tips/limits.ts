import type { Db } from "../db/client.js";

/** Sliding-window counter on the RateHit table: counts hits of a bucket since `windowMs` ago. */
export async function countHits(db: Db, bucket: string, now: Date, windowMs: number): Promise<number> {
  return db.rateHit.count({ where: { bucket, at: { gt: new Date(now.getTime() - windowMs) } } });
}

export async function recordHit(db: Db, bucket: string, now: Date): Promise<void> {
  await db.rateHit.create({ data: { bucket, at: now } });
}

/** Pure rule: is one more allowed? */
export function underLimit(count: number, limit: number): boolean {
  return count < limit;
}

export async function pruneHits(db: Db, olderThan: Date): Promise<void> {
  await db.rateHit.deleteMany({ where: { at: { lt: olderThan } } });
}

/**
 * A per-minute limit per key: `allow` counts one event for `key` and answers false when the key is
 * already at its limit this minute (nothing counted then). Keys are keyed tags, never a platform id or IP.
 */
export interface MinuteLimiter {
  allow(key: string, now: Date): Promise<boolean>;
}

const MINUTE_MS = 60_000;

/** On RateHit rows (Node, and Workers without a binding): a sliding minute, two statements a check. */
export function rateHitLimiter(db: Db, limit: number): MinuteLimiter {
  return {
    async allow(key, now) {
      if (!underLimit(await countHits(db, key, now, MINUTE_MS), limit)) return false;
      await recordHit(db, key, now);
      return true;
    },
  };
}

/**
 * On Cloudflare's rate limiting binding (wrangler.toml [[ratelimits]], period 60): no D1 statement.
 * Its limit is the binding's own, and it counts per Cloudflare location, so only limits that may
 * be laxer across locations go here (one conversation's messages), not server-wide ones.
 */
export function bindingMinuteLimiter(binding: { limit(options: { key: string }): Promise<{ success: boolean }> }): MinuteLimiter {
  return { allow: async (key) => (await binding.limit({ key })).success };
}
