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
