// Deadlines of an open tip: the verification period of the Criminal Procedure Code art. 147, its
// extensions, and when the responsible officer and the leaders are reminded. Pure rules, table-tested.
import data from "./deadlines.json" with { type: "json" };
import { z } from "zod";

const schema = z.object({
  source: z.string().min(10),
  verifyDays: z.number().int().positive(),
  extensions: z.array(z.object({ days: z.number().int().positive(), source: z.string().min(5) })),
  remindDaysBefore: z.number().int().nonnegative(),
  reopenDetailsDays: z.number().int().positive(),
});

export type DeadlineRules = z.infer<typeof schema>;

export const deadlineRules: DeadlineRules = schema.parse(data);

const DAY_MS = 86_400_000;

/** The verification result is due this long after the tip is taken. */
export function verificationDue(takenAt: Date, rules: DeadlineRules = deadlineRules): Date {
  return new Date(takenAt.getTime() + rules.verifyDays * DAY_MS);
}

/** The due date after one more extension, or null when the law allows no more (`done`: extensions so far). */
export function extendedDue(due: Date, done: number, rules: DeadlineRules = deadlineRules): Date | null {
  const next = rules.extensions[done];
  return next ? new Date(due.getTime() + next.days * DAY_MS) : null;
}

/**
 * Which reminder is due for an open tip with a deadline: 1, the responsible officer `remindDaysBefore`
 * days before; 2, the commune's leaders at the deadline. `level` is the reminder sent already.
 */
export function deadlineReminderDue(tip: { dueAt: Date | null; reminderLevel: number; open: boolean }, now: Date, rules: DeadlineRules = deadlineRules): 1 | 2 | null {
  if (!tip.open || !tip.dueAt || tip.reminderLevel >= 2) return null;
  if (now.getTime() >= tip.dueAt.getTime()) return 2;
  if (tip.reminderLevel < 1 && now.getTime() >= tip.dueAt.getTime() - rules.remindDaysBefore * DAY_MS) return 1;
  return null;
}

export function isOverdue(tip: { dueAt: Date | null; open: boolean }, now: Date): boolean {
  return tip.open && tip.dueAt !== null && now.getTime() > tip.dueAt.getTime();
}

/** Whole days past the deadline (0 when not overdue). */
export function overdueDays(tip: { dueAt: Date | null; open: boolean }, now: Date): number {
  return isOverdue(tip, now) ? Math.ceil((now.getTime() - tip.dueAt!.getTime()) / DAY_MS) : 0;
}

/**
 * For the register: whole days a tip's result came (closed) or is still coming (open) past its
 * deadline, counted as the tip view counts them. A tip never taken has the period from its receipt
 * (art. 147: "kể từ ngày tiếp nhận"); a taken one its due date with the extensions recorded.
 */
export function daysLate(tip: { dueAt: Date | null; createdAt: Date; closedAt: Date | null; open: boolean }, now: Date, rules: DeadlineRules = deadlineRules): number {
  const due = tip.dueAt ?? verificationDue(tip.createdAt, rules);
  const end = tip.open || !tip.closedAt ? now : tip.closedAt;
  return end.getTime() > due.getTime() ? Math.ceil((end.getTime() - due.getTime()) / DAY_MS) : 0;
}

/** Whether a tipster's new detail on a closed tip reopens it (within the period) or starts a new tip. */
export function detailReopens(closedAt: Date | null, now: Date, rules: DeadlineRules = deadlineRules): boolean {
  return closedAt !== null && now.getTime() - closedAt.getTime() <= rules.reopenDetailsDays * DAY_MS;
}
