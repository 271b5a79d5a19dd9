// Staff whose alerts go to Zalo OA must interact at least weekly, or Zalo refuses to send to them
// (the 7-day window). After REMIND_AFTER_DAYS without a message from them, they get one reminder
// with a one-press answer; any message they send counts. Idempotent and safe from two places at
// once: the reminder is claimed by a conditional update on the chat's presence row, and enqueued
// with a dedupe key.
import type { RuntimeDeps } from "../messaging/deps.js";
import { addressTagOf, openAddress } from "../crypto/pseudonym.js";
import { enqueue } from "../outbox/outbox.js";
import { dayOf } from "../outbox/window.js";
import { viZalo } from "../i18n/vi-zalo.js";
import { reminder } from "../messaging/buttons.js";

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

/** Splits a list for queries with at most ~90 bound values (D1 allows about 98). */
function chunks<T>(list: T[], size = 90): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * One pass, a handful of queries whatever the number of staff (it runs every minute on Workers,
 * where queries per invocation are limited): staff whose alerts go to a windowed channel, their
 * chats' presence in bulk, then one claim and one enqueue per reminder actually due.
 */
export async function remindWindowedStaff(deps: RuntimeDeps): Promise<number> {
  const { db, keys } = deps;
  const now = deps.now();
  const flagged = await db.staffLink.findMany({ where: { alerts: true }, orderBy: { id: "desc" } });
  const chosen = new Map<number, (typeof flagged)[number]>();
  for (const link of flagged) if (!chosen.has(link.staffId)) chosen.set(link.staffId, link);
  const direct = await db.staff.findMany({ where: { active: true, channel: { in: [...WINDOWED] } }, orderBy: { id: "asc" }, take: 5000 });
  const viaLink: typeof direct = [];
  for (const ids of chunks([...chosen.values()].filter((l) => WINDOWED.has(l.channel)).map((l) => l.staffId))) {
    viaLink.push(...(await db.staff.findMany({ where: { id: { in: ids }, active: true } })));
  }
  const candidates: Array<{ staff: (typeof direct)[number]; channel: string; sealedAddress: string; since: Date }> = [];
  for (const s of direct) if (!chosen.has(s.id)) candidates.push({ staff: s, channel: s.channel, sealedAddress: s.sealedAddress, since: s.createdAt });
  for (const s of viaLink) {
    const link = chosen.get(s.id)!;
    candidates.push({ staff: s, channel: link.channel, sealedAddress: link.sealedAddress, since: link.createdAt });
  }
  const tagged = await Promise.all(candidates.map(async (c) => ({ ...c, tag: await addressTagOf(keys, await openAddress(keys, c.sealedAddress)) })));
  const presence = new Map<string, { lastSeenAt: Date; remindedAt: Date | null; unfollowedAt: Date | null }>();
  for (const tags of chunks(tagged.map((c) => c.tag))) {
    for (const row of await db.chatPresence.findMany({ where: { addressTag: { in: tags } } })) presence.set(row.addressTag, row);
  }

  let sent = 0;
  for (const c of tagged) {
    const seen = presence.get(c.tag);
    if (seen?.unfollowedAt) continue;
    const lastSeen = seen?.lastSeenAt ?? dayOf(c.since);
    if (!reminderDue(now, lastSeen, seen?.remindedAt ?? null)) continue;
    if (seen) {
      const claimed = await db.chatPresence.updateMany({ where: { addressTag: c.tag, remindedAt: seen.remindedAt }, data: { remindedAt: dayOf(now) } });
      if (claimed.count !== 1) continue;
    } else {
      try {
        await db.chatPresence.create({ data: { addressTag: c.tag, channel: c.channel, lastSeenAt: lastSeen, remindedAt: dayOf(now) } });
      } catch {
        continue; // another sweep created it first
      }
    }
    await enqueue(
      db,
      { channel: "zalo", sealedAddress: c.sealedAddress, addressTag: `staff:${c.staff.id}` },
      { text: viZalo.reminder.text(c.staff.displayName), choices: [[{ label: viZalo.reminder.button, data: reminder.pack("ok") }]] },
      { now, dedupeKey: `remind:${c.staff.id}:${now.toISOString().slice(0, 10)}` },
    );
    sent++;
  }
  return sent;
}
