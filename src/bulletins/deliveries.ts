// Village heads' answers, the next-morning reminder, and the leaders' weekly summary.
import { findCommuneById } from "../places/search.js";
import { DAY_MS, formatDateVN, weekStartVN } from "../util/vietnam-time.js";
import { enqueue } from "../outbox/outbox.js";
import { can, type StaffScope } from "../staff/roles.js";
import { viBulletins } from "../i18n/vi-bulletins.js";
import { coverageBetween } from "./coverage.js";
import { confirmChoices, formatSlot } from "./messages.js";
import { reasonLabel } from "./reasons.js";
import { scheduleSettings, weeklySummaryDue } from "./schedule.js";
import { repeatedAiring } from "./slots.js";
import { communeStaff, isUniqueViolation, PRIORITY_HEADS, staffTarget, type BulletinDeps } from "./store.js";

const t = viBulletins;
export const MAX_REASON_CHARS = 300;

export type AnswerOutcome =
  | { ok: true; village: string; when: string; status: "broadcast" | "not_broadcast"; reason: string | null }
  | { ok: false; reason: "unknown" | "forbidden" };

type Answer = { status: "broadcast" } | { status: "not_broadcast"; reason: string; reasonText?: string | null };

/** The record of an answer, by a village head in chat or by the village's feed device (src/feeds). */
function answerData(answer: Answer, now: Date, by: { staffId: number } | { feedId: number }) {
  const who = "staffId" in by ? { answeredByStaffId: by.staffId, answeredByFeedId: null } : { answeredByStaffId: null, answeredByFeedId: by.feedId };
  return answer.status === "broadcast"
    ? { status: "broadcast", reason: null, reasonText: null, answeredAt: now, ...who }
    : { status: "not_broadcast", reason: answer.reason, reasonText: answer.reasonText ?? null, answeredAt: now, ...who };
}

export type PlaybackOutcome = { ok: true; village: string; when: string; changed: boolean } | { ok: false };

/**
 * "Đã phát" from the village's own feed (a loudspeaker system or podcast app calling the item's
 * confirmation link): the same record as the village head's button, marked as the feed's, once.
 * A delivery already marked as broadcast stays as it is, so repeated calls change nothing. The
 * feed is the permission: only a delivery of the feed's village that has aired can be marked.
 */
export async function recordFeedPlayback(deps: BulletinDeps, feed: { id: number; villageId: number }, deliveryId: number): Promise<PlaybackOutcome> {
  const now = deps.now();
  const delivery = await findDelivery(deps, deliveryId);
  if (!delivery || delivery.villageId !== feed.villageId || delivery.slot.scheduledAt.getTime() > now.getTime()) return { ok: false };
  const { count } = await deps.db.bulletinDelivery.updateMany({
    where: { id: deliveryId, villageId: feed.villageId, status: { not: "broadcast" } },
    data: answerData({ status: "broadcast" }, now, { feedId: feed.id }),
  });
  if (count === 1) deps.log.info("bulletins.answer", { deliveryId, status: "broadcast", by: "feed" });
  return { ok: true, village: delivery.village.name, when: formatSlot(delivery.slot.scheduledAt), changed: count === 1 };
}

export async function findDelivery(deps: BulletinDeps, deliveryId: number) {
  return deps.db.bulletinDelivery.findUnique({ where: { id: deliveryId }, include: { village: true, slot: true } });
}

/**
 * Records a village head's answer for (village, slot). A later answer replaces an earlier one (a
 * speaker fixed the next day turns "Chưa phát được" into "Đã phát").
 */
export async function recordAnswer(
  deps: BulletinDeps,
  staff: StaffScope & { id: number },
  deliveryId: number,
  answer: Answer,
): Promise<AnswerOutcome> {
  const delivery = await findDelivery(deps, deliveryId);
  if (!delivery) return { ok: false, reason: "unknown" };
  if (!can(staff, "bulletin.confirm", { communeId: delivery.village.communeId, villageId: delivery.villageId })) return { ok: false, reason: "forbidden" };
  const now = deps.now();
  await deps.db.bulletinDelivery.update({ where: { id: deliveryId }, data: answerData(answer, now, { staffId: staff.id }) });
  deps.log.info("bulletins.answer", { deliveryId, status: answer.status });
  const reason = answer.status === "not_broadcast" ? (answer.reason === "other" && answer.reasonText ? answer.reasonText : reasonLabel(answer.reason)) : null;
  return { ok: true, village: delivery.village.name, when: formatSlot(delivery.slot.scheduledAt), status: answer.status, reason };
}

/** One reminder the next morning to heads who have not answered; stale ones (server down for days) are dropped. */
export async function sendReminders(deps: BulletinDeps, limit = 200): Promise<number> {
  const { db } = deps;
  const now = deps.now();
  const due = await db.bulletinDelivery.findMany({
    where: { status: "pending", remindedAt: null, remindAt: { lte: now } },
    include: { village: true, slot: true },
    orderBy: { id: "asc" },
    take: limit,
  });
  let sent = 0;
  for (const d of due) {
    const claimed = await db.bulletinDelivery.updateMany({ where: { id: d.id, remindedAt: null }, data: { remindedAt: now } });
    if (claimed.count !== 1) continue;
    if (now.getTime() - d.remindAt.getTime() > scheduleSettings.reminder.giveUpAfterHours * 3_600_000) continue;
    const heads = await db.staff.findMany({ where: { villageId: d.villageId, role: "village_head", active: true } });
    const repeat = heads.length > 0 ? await repeatedAiring(db, d.slot) : null;
    const text = t.head.reminder(d.village.name, formatSlot(d.slot.scheduledAt)) + (repeat ? `\n${t.head.reminderRepeat(formatSlot(repeat.scheduledAt))}` : "");
    for (const head of heads) {
      await enqueue(
        db,
        staffTarget(head),
        { text, choices: confirmChoices(d.id) },
        { dedupeKey: `b:${d.slotId}:r:${head.id}`, now, priority: PRIORITY_HEADS },
      );
      sent++;
    }
  }
  return sent;
}

/** The weekly summary text for leaders: villages that did not broadcast every slot, and why. */
export async function weeklySummaryText(deps: BulletinDeps, communeId: number, weekStart: Date): Promise<string | null> {
  const { db } = deps;
  const commune = await findCommuneById(db, communeId);
  if (!commune) return null;
  const end = new Date(weekStart.getTime() + 7 * DAY_MS);
  const cov = await coverageBetween(db, communeId, weekStart, end);
  const lines = [t.weekly.title(commune.name, formatDateVN(weekStart), formatDateVN(new Date(end.getTime() - 1)))];
  const problems = cov.villages.filter((v) => v.noHead > 0 || v.notBroadcast > 0 || v.noAnswer > 0);
  if (problems.length === 0) lines.push(t.weekly.allGood(cov.villages.length));
  else {
    lines.push(t.weekly.problems);
    for (const v of problems) {
      const details: string[] = [];
      if (v.noHead > 0) details.push(t.weekly.noHead);
      if (v.notBroadcast > 0) {
        const reasons = [...Object.entries(v.reasons).filter(([id]) => id !== "other").map(([id, n]) => `${reasonLabel(id)} (${n})`), ...v.otherReasons];
        details.push(t.weekly.notBroadcast(reasons.join("; ")));
      }
      if (v.noAnswer > 0) details.push(t.weekly.noAnswer(v.noAnswer));
      lines.push(t.weekly.villageLine(v.name, v.broadcast, v.delivered + v.noHead, details.join("; ")));
    }
  }
  if (cov.slots.missed > 0) lines.push(t.weekly.missed(cov.slots.missed));
  lines.push("", t.weekly.footer);
  return lines.join("\n");
}

/**
 * Monday morning (schedule.json): the summary of last week to each commune's leaders (officers
 * when no leader is registered), once per commune and week.
 */
export async function sendWeeklySummaries(deps: BulletinDeps): Promise<number> {
  const { db } = deps;
  const now = deps.now();
  const thisWeek = weekStartVN(now);
  if (now.getTime() < weeklySummaryDue(thisWeek).getTime()) return 0;
  const lastWeek = new Date(thisWeek.getTime() - 7 * DAY_MS);
  const communes = await db.bulletinSlot.groupBy({ by: ["communeId"], where: { scheduledAt: { gte: lastWeek, lt: thisWeek } } });
  if (communes.length === 0) return 0;
  const done = new Set((await db.bulletinWeeklySummary.findMany({ where: { weekStart: lastWeek }, select: { communeId: true } })).map((s) => s.communeId));
  let sent = 0;
  for (const { communeId } of communes) {
    if (done.has(communeId)) continue;
    let readers = await communeStaff(db, communeId, ["leader"]);
    if (readers.length === 0) readers = await communeStaff(db, communeId, ["officer"]);
    const text = await weeklySummaryText(deps, communeId, lastWeek);
    if (text) {
      // Messages first (dedupe keys), then the record: a crash in between repeats nothing.
      for (const r of readers) await enqueue(db, staffTarget(r), { text }, { dedupeKey: `b:week:${communeId}:${lastWeek.toISOString()}:${r.id}`, now });
      sent += readers.length;
    }
    try {
      await db.bulletinWeeklySummary.create({ data: { communeId, weekStart: lastWeek, sentAt: now } });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return sent;
}
