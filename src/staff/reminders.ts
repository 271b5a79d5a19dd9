// Staff whose alerts go to Zalo OA must interact at least weekly, or Zalo refuses to send to them
// (the 7-day window). After REMIND_AFTER_DAYS without a message from them, they get one reminder
// with a one-press answer; any message they send counts. Idempotent and safe from two places at
// once: the reminder is claimed by a conditional update on the chat's presence row, and enqueued
// with a dedupe key.
import type { CoreDeps } from "../../bots/core/turn.js";
import { addressTagOf, openAddress } from "../crypto/pseudonym.js";
import { enqueue } from "../outbox/outbox.js";
import { dayOf } from "../outbox/window.js";
import { viZalo } from "../i18n/vi-zalo.js";

export const REMIND_AFTER_DAYS = 5;
const DAY_MS = 86_400_000;
/** Channels with an interaction window. */
const WINDOWED = new Set(["zalo"]);

/**
 * Pure rule: is a reminder due for a chat last seen on the day `lastSeen`, last reminded on the day
 * `remindedAt` (both at day precision)? Once per silence: an answer on the reminder's own day
 * counts as a new interaction.
 */
export function reminderDue(now: Date, lastSeen: Date, remindedAt: Date | null, afterDays = REMIND_AFTER_DAYS): boolean {
  if (now.getTime() - lastSeen.getTime() < afterDays * DAY_MS) return false;
  return remindedAt === null || remindedAt.getTime() <= lastSeen.getTime();
}

export async function remindWindowedStaff(deps: CoreDeps): Promise<number> {
  const { db, keys } = deps;
  const now = deps.now();
  const staff = await db.staff.findMany({ where: { active: true }, orderBy: { id: "asc" }, take: 2000 });
  let sent = 0;
  for (const s of staff) {
    const link = await db.staffLink.findFirst({ where: { staffId: s.id, alerts: true }, orderBy: { id: "desc" } });
    const address = link ?? s;
    if (!WINDOWED.has(address.channel)) continue;
    const tag = await addressTagOf(keys, await openAddress(keys, address.sealedAddress));
    const presence = await db.chatPresence.findUnique({ where: { addressTag: tag } });
    const lastSeen = presence?.lastSeenAt ?? dayOf(link?.createdAt ?? s.createdAt);
    if (presence?.unfollowedAt) continue;
    if (!reminderDue(now, lastSeen, presence?.remindedAt ?? null)) continue;
    if (presence) {
      const claimed = await db.chatPresence.updateMany({ where: { addressTag: tag, remindedAt: presence.remindedAt }, data: { remindedAt: dayOf(now) } });
      if (claimed.count !== 1) continue;
    } else {
      try {
        await db.chatPresence.create({ data: { addressTag: tag, channel: address.channel, lastSeenAt: lastSeen, remindedAt: dayOf(now) } });
      } catch {
        continue; // another sweep created it first
      }
    }
    await enqueue(
      db,
      { channel: "zalo", sealedAddress: address.sealedAddress, addressTag: `staff:${s.id}` },
      { text: viZalo.reminder.text(s.displayName), choices: [[{ label: viZalo.reminder.button, data: "zr:ok" }]] },
      { now, dedupeKey: `remind:${s.id}:${now.toISOString().slice(0, 10)}` },
    );
    sent++;
  }
  return sent;
}
