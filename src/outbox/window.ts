// Messengers with an interaction window (Zalo OA: free within 48 h, possible within 7 days of the
// person's last message, refused after). A send refused as "user not reachable" is parked, not
// failed and not retried in a loop; it is released, in order, when the same chat writes again.
// Presence is kept per keyed address tag, at day precision, with the unfollow fact that bulletin
// fan-outs must honour (isUnsubscribed).
import type { Db } from "../db/client.js";
import type { Channel } from "../messaging/types.js";
import { alertTargets } from "../tips/service.js";
import { enqueue } from "./outbox.js";
import { viZalo } from "../i18n/vi-zalo.js";

const DAY_MS = 86_400_000;

export function dayOf(date: Date): Date {
  return new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS);
}

/**
 * A person wrote from this chat: remember the day (window and staff reminders) and release what
 * waited for them. Returns the number of released messages.
 */
export async function noteInbound(db: Db, who: { channel: Channel; chatTag: string; staffId: number | null }, now: Date): Promise<number> {
  const day = dayOf(now);
  await db.chatPresence.upsert({
    where: { addressTag: who.chatTag },
    create: { addressTag: who.chatTag, channel: who.channel, lastSeenAt: day },
    update: { lastSeenAt: day, unfollowedAt: null },
  });
  const { count } = await db.outboxMessage.updateMany({
    // Rows to this person are queued under the chat's own tag and, for staff, under staff:<id>.
    where: { addressTag: { in: who.staffId === null ? [who.chatTag] : [who.chatTag, `staff:${who.staffId}`] }, status: "parked" },
    data: { status: "pending", nextAttemptAt: now, claimedUntil: null },
  });
  return count;
}

/** Zalo `unfollow`: bulletins must stop; replies to tips stay parked until the person writes again. */
export async function markUnfollowed(db: Db, channel: Channel, chatTag: string, now: Date): Promise<void> {
  await db.chatPresence.upsert({
    where: { addressTag: chatTag },
    create: { addressTag: chatTag, channel, lastSeenAt: dayOf(now), unfollowedAt: now },
    update: { unfollowedAt: now },
  });
}

/** Zalo `follow`: the person is back. */
export async function markFollowed(db: Db, channel: Channel, chatTag: string, now: Date): Promise<void> {
  const day = dayOf(now);
  await db.chatPresence.upsert({
    where: { addressTag: chatTag },
    create: { addressTag: chatTag, channel, lastSeenAt: day },
    update: { lastSeenAt: day, unfollowedAt: null },
  });
}

/** For bulletin fan-outs: true when this chat unfollowed and must not get broadcasts. */
export async function isUnsubscribed(db: Db, chatTag: string): Promise<boolean> {
  const row = await db.chatPresence.findUnique({ where: { addressTag: chatTag }, select: { unfollowedAt: true } });
  return row?.unfollowedAt != null;
}

/** A message to a tipster was parked: the tip's officers are told it will arrive when the tipster next writes. */
export async function notifyParked(deps: { db: Db; now: () => Date }, row: { id: number; replyAddressId: number | null }): Promise<void> {
  if (row.replyAddressId === null) return;
  const address = await deps.db.replyAddress.findUnique({ where: { id: row.replyAddressId }, include: { tip: true } });
  if (!address) return;
  const now = deps.now();
  for (const target of await alertTargets(deps.db, address.tip.communeId)) {
    await enqueue(deps.db, target, { text: viZalo.window.parkedForOfficers(address.tip.caseNumber), threadKey: `tip:${address.tipId}`, protect: true }, { now, dedupeKey: `parked:${row.id}:${target.addressTag}:${now.getTime()}` });
  }
}

/** Parked messages nobody came back for are given up after `days` (sweep). */
export async function expireParked(db: Db, now: Date, days = 60): Promise<number> {
  const { count } = await db.outboxMessage.updateMany({
    where: { status: "parked", createdAt: { lt: new Date(now.getTime() - days * DAY_MS) } },
    data: { status: "failed", lastError: "parked too long", sealedAddress: null },
  });
  return count;
}

/** Housekeeping (sweep): numbered choices nobody answered for 30 days, used or expired staff link codes. */
export async function pruneWindowState(db: Db, now: Date): Promise<void> {
  await db.pendingChoice.deleteMany({ where: { updatedAt: { lt: new Date(now.getTime() - 30 * DAY_MS) } } });
  await db.staffLinkCode.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - DAY_MS) } } });
}
