// How long a closed tip's content is kept (Law 91/2025/QH15 on personal data protection: keep only
// what the work needs, for as long as it needs it; crime-related data is sensitive). A tip closed
// more than the retention period ago (default 24 months: long enough for a case to be reopened or
// reviewed) loses its text, its files and its thread; the bare facts statistics count (commune,
// village, category, status, dates) stay. An admin may keep one tip longer, with a reason.
import type { Db } from "../db/client.js";
import { checkpointAfterErasure } from "../db/forget.js";
import { can, type StaffScope } from "../staff/roles.js";
import { deleteUploads } from "../media/uploads.js";

export const DEFAULT_TIP_RETENTION_MONTHS = 24;
/** The longest an admin may extend one tip at a time. */
export const MAX_KEEP_MONTHS = 60;

/** The same day and time `months` calendar months earlier (the end of a shorter month when needed). */
export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d;
}

export function monthsAfter(now: Date, months: number): Date {
  return monthsBefore(now, -months);
}

/** Whether a tip's content is due for erasure now: closed before the cutoff and not kept. */
export function isDueForErasure(tip: { closedAt: Date | null; erasedAt: Date | null; keepUntil: Date | null }, now: Date, months: number): boolean {
  if (!tip.closedAt || tip.erasedAt) return false;
  if (tip.keepUntil && tip.keepUntil > now) return false;
  return tip.closedAt < monthsBefore(now, months);
}

/** Erases the content of every tip whose retention has run out; returns how many. */
export async function eraseExpiredTips(db: Db, now: Date, months = DEFAULT_TIP_RETENTION_MONTHS, batch = 100): Promise<number> {
  const due = await db.tip.findMany({
    where: { closedAt: { lt: monthsBefore(now, months) }, erasedAt: null, OR: [{ keepUntil: null }, { keepUntil: { lte: now } }] },
    select: { id: true },
    take: batch,
  });
  for (const { id } of due) {
    await db.tipAttachment.deleteMany({ where: { tipId: id } });
    await deleteUploads(db, { tipId: id });
    await db.tipEvent.deleteMany({ where: { tipId: id } });
    // The sending commune keeps its line of a transfer (where to, when), not the words of its reason.
    await db.tipTransfer.updateMany({ where: { tipId: id }, data: { reason: "" } });
    await db.replyAddress.deleteMany({ where: { tipId: id } });
    await db.tip.update({ where: { id }, data: { text: "", erasedAt: now, keepUntil: null, keepReason: null } });
    await db.tipEvent.create({ data: { tipId: id, kind: "erased", createdAt: now } });
  }
  if (due.length > 0) await checkpointAfterErasure(db);
  return due.length;
}

export type KeepResult =
  | { ok: true; caseNumber: string; until: Date }
  | { ok: false; reason: "not_found" | "forbidden" | "not_closed" | "erased" | "no_reason" | "too_long" };

/**
 * Keeps one closed tip's content past its retention, until a date, for a stated reason (an
 * investigation, a court case). Only an admin within the tip's scope, or the operator at the
 * server (actor "operator"); the reason and who kept it go into the tip's thread.
 */
export async function keepTip(
  db: Db,
  input: { caseNumber: string; months: number; reason: string; actor: (StaffScope & { id: number }) | "operator" },
  now: Date,
): Promise<KeepResult> {
  const reason = input.reason.trim();
  if (reason.length < 5) return { ok: false, reason: "no_reason" };
  if (!Number.isInteger(input.months) || input.months < 1 || input.months > MAX_KEEP_MONTHS) return { ok: false, reason: "too_long" };
  const tip = await db.tip.findUnique({ where: { caseNumber: input.caseNumber.trim().toUpperCase() }, include: { commune: { select: { provinceId: true } } } });
  if (!tip) return { ok: false, reason: "not_found" };
  const actor = input.actor;
  if (actor !== "operator") {
    if (actor.role !== "admin") return { ok: false, reason: "forbidden" };
    // Outside an admin's province the tip does not exist for them.
    if (!can(actor, "tip.read", { communeId: tip.communeId, provinceId: tip.commune.provinceId })) return { ok: false, reason: "not_found" };
  }
  if (tip.erasedAt) return { ok: false, reason: "erased" };
  if (!tip.closedAt) return { ok: false, reason: "not_closed" };
  // Counted from the later of now and the normal end, so keeping never shortens the time.
  const normalEnd = monthsAfter(tip.closedAt, DEFAULT_TIP_RETENTION_MONTHS);
  const until = monthsAfter(normalEnd > now ? normalEnd : now, input.months);
  await db.tip.update({ where: { id: tip.id }, data: { keepUntil: until, keepReason: reason.slice(0, 500) } });
  await db.tipEvent.create({ data: { tipId: tip.id, kind: "kept", actorStaffId: actor === "operator" ? null : actor.id, text: reason.slice(0, 500), createdAt: now } });
  return { ok: true, caseNumber: tip.caseNumber, until };
}
