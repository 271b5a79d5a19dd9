// Citizens' subscriptions: a keyed pseudonym, a sealed address and its keyed tag, a commune and a
// chosen language. Nothing that identifies the person. One subscription per person.
import type { Db } from "../db/client.js";

export interface SubscribeInput {
  pseudonym: string;
  channel: string;
  sealedAddress: string;
  addressTag: string;
  communeId: number;
  language: string;
  now: Date;
}

/** Subscribes, or replaces the person's earlier subscription. Returns whether one existed. */
export async function subscribe(db: Db, input: SubscribeInput): Promise<{ replaced: boolean }> {
  const existing = await db.bulletinSubscription.findUnique({ where: { pseudonym: input.pseudonym }, select: { id: true } });
  const data = {
    channel: input.channel,
    sealedAddress: input.sealedAddress,
    addressTag: input.addressTag,
    communeId: input.communeId,
    language: input.language,
    lastIncomingAt: input.now,
  };
  await db.bulletinSubscription.upsert({ where: { pseudonym: input.pseudonym }, create: { pseudonym: input.pseudonym, createdAt: input.now, ...data }, update: data });
  return { replaced: existing !== null };
}

/** /huybantin: deletes the subscription and everything it held, and stops bulletins queued to it. */
export async function unsubscribe(db: Db, pseudonym: string): Promise<boolean> {
  const sub = await db.bulletinSubscription.findUnique({ where: { pseudonym }, select: { addressTag: true } });
  if (!sub) return false;
  const { count } = await db.bulletinSubscription.deleteMany({ where: { pseudonym } });
  await cancelQueuedBulletins(db, sub.addressTag);
  return count > 0;
}

async function cancelQueuedBulletins(db: Db, addressTag: string): Promise<void> {
  await db.outboxMessage.updateMany({ where: { addressTag, status: "pending", dedupeKey: { startsWith: "b:" } }, data: { status: "cancelled", sealedAddress: null } });
}

/**
 * The chat unfollowed (Zalo OA): bulletins already queued or parked for it are cancelled, so none
 * arrives stale if the person comes back. The subscription stays; fan-outs skip the chat until it
 * follows again (src/bulletins/fanout.ts).
 */
export async function dropBulletinsToUnfollowed(db: Db, addressTag: string): Promise<number> {
  const { count } = await db.outboxMessage.updateMany({
    where: { addressTag, status: { in: ["pending", "parked"] }, dedupeKey: { startsWith: "b:" } },
    data: { status: "cancelled", sealedAddress: null },
  });
  return count;
}

/** /xoadulieu: every subscription delivered to this chat goes, and bulletins queued to it are cancelled. */
export async function eraseSubscriptionsOfAddress(db: Db, addressTag: string): Promise<number> {
  const { count } = await db.bulletinSubscription.deleteMany({ where: { addressTag } });
  await cancelQueuedBulletins(db, addressTag);
  return count;
}

/** Keeps the time of the subscriber's last message (for channels with an interaction window). No-op for non-subscribers. */
export async function touchSubscription(db: Db, pseudonym: string, now: Date): Promise<void> {
  await db.bulletinSubscription.updateMany({ where: { pseudonym }, data: { lastIncomingAt: now } });
}

export function findSubscription(db: Db, pseudonym: string) {
  return db.bulletinSubscription.findUnique({ where: { pseudonym }, include: { commune: true } });
}
