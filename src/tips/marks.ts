// Duplicates and spam (issue 12). "Trùng tin" closes a tip as a duplicate of an open tip of the same
// commune (closeTip: its tipster hears the neutral closing notice) and records the link both ways;
// the duplicate's tipster keeps their receipt code, and what they add reaches the original's officers.
// "Tin rác" closes a tip as spam and counts one mark against its sender (src/tips/spam.ts) without
// naming the sender anywhere; "Không phải tin rác" takes it back. Scope and status are checked here.
import type { Db } from "../db/client.js";
import { enqueue } from "../outbox/outbox.js";
import { staffTarget } from "../staff/targets.js";
import { tipView } from "../messaging/buttons.js";
import type { OutgoingMessage } from "../messaging/types.js";
import { viMarks } from "../i18n/vi-marks.js";
import { citizenBlock } from "./citizen-text.js";
import { isOpen } from "./status.js";
import { mayOnTip } from "./scope.js";
import { resultBy } from "./results.js";
import { closeTip, reopenTip, staffLabel, type CaseFailure } from "./case.js";
import { alertTargets, notifyHeldSummary, notifyOfficers, type StaffRef, type TipDeps } from "./service.js";
import { detailReopens, verificationDue } from "./deadlines.js";
import { countSpam, spamHashOf } from "./spam.js";

const DETAIL_CHARS = 2000;
const threadKey = (tipId: number) => `tip:${tipId}`;

type Loaded = NonNullable<Awaited<ReturnType<typeof findTip>>>;

function findTip(db: Db, tipId: number) {
  return db.tip.findUnique({ where: { id: tipId }, include: { commune: true } });
}

/** The tip, if this staff member may handle it (role and commune); `open`: it must be open and not held. */
async function tipFor(db: Db, staff: StaffRef, tipId: number, open: boolean): Promise<Loaded | CaseFailure> {
  const tip = await findTip(db, tipId);
  if (!tip) return { ok: false, reason: "not_found" };
  // Outside their scope the tip does not exist for them, as on every tip path (src/tips/scope.ts).
  if (!mayOnTip(staff, "tip.read", tip)) return { ok: false, reason: "not_found" };
  if (!mayOnTip(staff, "tip.handle", tip)) return { ok: false, reason: "forbidden" };
  if (open && (tip.hold !== null || !isOpen(tip.status))) return { ok: false, reason: "not_allowed", caseNumber: tip.caseNumber, status: tip.status };
  return tip;
}

const failed = (x: Loaded | CaseFailure): x is CaseFailure => "ok" in x;

/** Whether "Trùng tin" / "Tin rác" may start on this tip (the case number is asked, or confirmed, next). */
export async function markable(deps: TipDeps, staff: StaffRef, tipId: number): Promise<{ ok: true; caseNumber: string } | CaseFailure> {
  const tip = await tipFor(deps.db, staff, tipId, true);
  return failed(tip) ? tip : { ok: true, caseNumber: tip.caseNumber };
}

// ---- Duplicates -------------------------------------------------------------------------------------

export type DuplicateOutcome =
  | { ok: true; caseNumber: string; original: string }
  | CaseFailure
  | { ok: false; reason: "unknown_case" | "other_commune" | "same_tip" | "original_closed"; caseNumber: string; typed: string };

/** A case number as officers type it: spaces dropped, letters upper case ("hongloc - 12" is not guessed at). */
function normalizeCaseNumber(typed: string): string {
  return typed.replace(/\s+/g, "").toUpperCase().slice(0, 40);
}

/**
 * Marks the tip as a duplicate of the commune's open tip with this case number. The number is looked
 * up only within the tip's own commune: another commune's number is refused by its prefix alone, so
 * nobody learns whether such a tip exists.
 */
export async function markDuplicate(deps: TipDeps, staff: StaffRef, tipId: number, typed: string): Promise<DuplicateOutcome> {
  const { db } = deps;
  const tip = await tipFor(db, staff, tipId, true);
  if (failed(tip)) return tip;
  const typedNumber = normalizeCaseNumber(typed);
  const code = tip.commune.code;
  const refuse = (reason: "unknown_case" | "other_commune" | "same_tip" | "original_closed", shown = typedNumber) => ({ ok: false as const, reason, caseNumber: tip.caseNumber, typed: shown });
  const dash = typedNumber.lastIndexOf("-");
  if (dash > 0 && typedNumber.slice(0, dash) !== code.toUpperCase()) return refuse("other_commune");
  // "HONGLOC-00012", "hongloc-12" or the number alone ("12"): the commune's own tip.
  const digits = dash > 0 ? typedNumber.slice(dash + 1) : typedNumber;
  if (!/^\d{1,9}$/.test(digits)) return refuse("unknown_case");
  const wanted = `${code}-${String(Number.parseInt(digits, 10)).padStart(5, "0")}`;
  const original = await db.tip.findFirst({ where: { caseNumber: wanted, communeId: tip.communeId } });
  if (!original) return refuse("unknown_case", wanted);
  if (original.id === tip.id) return refuse("same_tip");
  if (original.hold !== null || original.erasedAt || !isOpen(original.status)) return refuse("original_closed", original.caseNumber);
  const result = resultBy("duplicate");
  const closed = await closeTip(deps, staff, tipId, result.status, result.id, null, "duplicate");
  if (!closed.ok) return closed.reason === "bad_result" ? { ok: false, reason: "not_allowed", caseNumber: tip.caseNumber } : closed;
  const now = deps.now();
  await db.tip.update({ where: { id: tipId }, data: { duplicateOfId: original.id } });
  await db.tipEvent.create({ data: { tipId, kind: "duplicate_of", actorStaffId: staff.id, text: original.caseNumber, createdAt: now } });
  await db.tipEvent.create({ data: { tipId: original.id, kind: "duplicate_in", actorStaffId: staff.id, text: tip.caseNumber, createdAt: now } });
  await notifyOfficers(deps, tip.communeId, { text: viMarks.duplicate.thread(tip.caseNumber, original.caseNumber, staffLabel(staff)), threadKey: threadKey(tipId), protect: true });
  return { ok: true, caseNumber: tip.caseNumber, original: original.caseNumber };
}

/**
 * A detail from a duplicate's tipster: while its original is open, it goes on the original's timeline
 * and to its officers (the duplicate stays closed). Null when it is no duplicate or the original is
 * no longer open: the usual rules apply to the tip itself then (reopen within the period, or a new tip).
 */
export async function forwardDuplicateDetail(deps: TipDeps, tipId: number, content: { text: string } | { attachment: unknown }): Promise<"forwarded" | "text_only" | null> {
  const { db } = deps;
  const tip = await db.tip.findUnique({ where: { id: tipId } });
  if (!tip || tip.duplicateOfId === null || isOpen(tip.status) || tip.erasedAt) return null;
  const original = await db.tip.findUnique({ where: { id: tip.duplicateOfId } });
  if (!original || original.hold !== null || original.erasedAt || !isOpen(original.status)) return null;
  if (!("text" in content)) return "text_only";
  const text = content.text.slice(0, DETAIL_CHARS);
  const now = deps.now();
  // The tipster's own words stay on their tip (their view); the original's timeline shows them to its officers only.
  await db.tipEvent.create({ data: { tipId, kind: "followup", text, createdAt: now } });
  await db.tipEvent.create({ data: { tipId: original.id, kind: "duplicate_detail", text, createdAt: now } });
  const message: OutgoingMessage = {
    text: viMarks.duplicate.detailAlert(original.caseNumber, tip.caseNumber, citizenBlock(text)),
    choices: [[{ label: `📂 ${original.caseNumber}`, data: tipView.pack(original.id) }]],
    threadKey: threadKey(original.id),
    protect: true,
  };
  const targets = await alertTargets(db, original.communeId);
  for (const target of targets) await enqueue(db, target, message, { now });
  // Its responsible officer too, when the commune's alerts do not reach them privately.
  if (original.officerStaffId !== null && !targets.some((t) => t.addressTag === `staff:${original.officerStaffId}`)) {
    const target = await staffTarget(db, original.officerStaffId);
    if (target) await enqueue(db, target, { ...message, threadKey: undefined }, { now });
  }
  return "forwarded";
}

// ---- Spam -------------------------------------------------------------------------------------------

/** Whether the tip's last spam event is a mark not taken back, and whether it counted a sender. */
async function spamState(db: Db, tipId: number): Promise<{ marked: boolean; counted: boolean }> {
  const last = await db.tipEvent.findFirst({ where: { tipId, kind: { in: ["spam_marked", "spam_unmarked"] } }, orderBy: { id: "desc" } });
  return { marked: last?.kind === "spam_marked", counted: last?.kind === "spam_marked" && last.text === "counted" };
}

/** The sender's spam hash: only for a chat tip whose reply address is still kept. */
async function senderHash(deps: TipDeps, tip: { id: number; source: string }): Promise<string | null> {
  if (tip.source !== "chat") return null;
  const address = await deps.db.replyAddress.findUnique({ where: { tipId: tip.id } });
  return address ? spamHashOf(deps.keys, address.sealed) : null;
}

/**
 * Closes the tip as spam (its tipster hears the neutral closing notice, as for any closed tip) and
 * counts one mark against its sender in the commune. A tip entered by an officer has no sender to count.
 */
export async function markSpam(deps: TipDeps, staff: StaffRef, tipId: number): Promise<{ ok: true; caseNumber: string } | CaseFailure> {
  const { db } = deps;
  const tip = await tipFor(db, staff, tipId, true);
  if (failed(tip)) return tip;
  // Read before closing: closing shortens the address's life, never removes it at once.
  const hash = await senderHash(deps, tip);
  const before = await spamState(db, tipId);
  const result = resultBy("spam");
  const closed = await closeTip(deps, staff, tipId, result.status, result.id, null, "spam");
  if (!closed.ok) return closed.reason === "bad_result" ? { ok: false, reason: "not_allowed", caseNumber: tip.caseNumber } : closed;
  const now = deps.now();
  // Reopened and marked again: the sender was counted once for this tip already.
  const counts = hash !== null && !before.counted;
  if (counts) await countSpam(db, hash, tip.communeId, 1, now);
  await db.tipEvent.create({ data: { tipId, kind: "spam_marked", actorStaffId: staff.id, text: counts || before.counted ? "counted" : null, createdAt: now } });
  await notifyOfficers(deps, tip.communeId, { text: viMarks.spam.thread(tip.caseNumber, staffLabel(staff)), threadKey: threadKey(tipId), protect: true });
  return { ok: true, caseNumber: tip.caseNumber };
}

/** Whether "Không phải tin rác" applies: the staff member may handle the tip and its spam mark stands. */
export async function spamMarked(deps: TipDeps, staff: StaffRef, tipId: number): Promise<{ ok: true; caseNumber: string } | CaseFailure | { ok: false; reason: "not_spam"; caseNumber: string }> {
  const tip = await tipFor(deps.db, staff, tipId, false);
  if (failed(tip)) return tip;
  if (!(await spamState(deps.db, tipId)).marked) return { ok: false, reason: "not_spam", caseNumber: tip.caseNumber };
  return { ok: true, caseNumber: tip.caseNumber };
}

/**
 * Takes a spam mark back: the sender's count goes down (while the reply address is kept; after that
 * the mark fades with time, src/tips/spam.json), the change is on the timeline with the officer's
 * name, and a tip still closed as spam is reopened for review (by its officer or a leader).
 */
export async function unmarkSpam(deps: TipDeps, staff: StaffRef, tipId: number): Promise<{ ok: true; caseNumber: string; reopened: boolean } | CaseFailure | { ok: false; reason: "not_spam"; caseNumber: string }> {
  const { db } = deps;
  const checked = await spamMarked(deps, staff, tipId);
  if (!checked.ok) return checked;
  const tip = (await findTip(db, tipId))!;
  const state = await spamState(db, tipId);
  const now = deps.now();
  const hash = state.counted ? await senderHash(deps, tip) : null;
  const mark = await db.tipEvent.findFirst({ where: { tipId, kind: "spam_marked" }, orderBy: { id: "desc" } });
  // On the timeline with the officer's name: the audit of every mark and unmark.
  const event = await db.tipEvent.create({ data: { tipId, kind: "spam_unmarked", actorStaffId: staff.id, text: hash ? "counted" : null, createdAt: now } });
  // Pressed twice at once: only the first unmark after the mark counts down; the other is taken back.
  const first = await db.tipEvent.findFirst({ where: { tipId, kind: "spam_unmarked", id: { gt: mark?.id ?? 0 } }, orderBy: { id: "asc" } });
  if (first?.id !== event.id) {
    await db.tipEvent.delete({ where: { id: event.id } });
    return { ok: false, reason: "not_spam", caseNumber: tip.caseNumber };
  }
  if (hash) await countSpam(db, hash, tip.communeId, -1, now);
  const reopened = !isOpen(tip.status) && tip.result === resultBy("spam").id && (await reopenTip(deps, staff, tipId, viMarks.spam.reopenReason)).ok;
  return { ok: true, caseNumber: tip.caseNumber, reopened };
}

const ADDRESS_DAYS = 180;
const DAY_MS = 86_400_000;

/**
 * A detail on a tip closed as spam, within the period in which a detail reopens a tip: it reopens
 * into the held queue (reviewed there, no alert of its own), so a sender's old spam cannot bypass the
 * hold; the sender reads what any tipster reads when a detail reopens a tip. False: not such a tip.
 */
export async function reopenSpamIntoHeld(deps: TipDeps, tipId: number): Promise<boolean> {
  const { db } = deps;
  const now = deps.now();
  const tip = await findTip(db, tipId);
  if (!tip || tip.erasedAt || isOpen(tip.status) || tip.result !== resultBy("spam").id || !detailReopens(tip.closedAt, now)) return false;
  if (!(await spamState(db, tipId)).marked) return false;
  const moved = await db.tip.updateMany({
    where: { id: tipId, status: tip.status, hold: null },
    data: { status: "verifying", closedAt: null, result: null, hold: "held", dueAt: tip.dueAt && tip.dueAt > now ? tip.dueAt : verificationDue(now), reminderLevel: 0 },
  });
  if (moved.count !== 1) return false;
  await db.tipEvent.create({ data: { tipId, kind: "reopened_detail", fromStatus: tip.status, toStatus: "verifying", createdAt: now } });
  await db.tipEvent.create({ data: { tipId, kind: "held", createdAt: now } });
  // As any reopened tip: its reply address lives as long as a new one's.
  const address = await db.replyAddress.findUnique({ where: { tipId } });
  const until = new Date(tip.createdAt.getTime() + ADDRESS_DAYS * DAY_MS);
  if (address && address.expiresAt < until) await db.replyAddress.update({ where: { tipId }, data: { expiresAt: until } });
  await notifyHeldSummary(deps, tip.commune);
  return true;
}
