// A tip's life after it is taken (issue 12): its responsible officer and reassignment, internal
// notes, closing with a result and the tipster's neutral notice, reopening, deadline extensions and
// reminders, and the timeline officers read. Every function takes the staff member and checks role,
// commune and what the tip's status allows, here, once.
import type { Db } from "../db/client.js";
import { enqueue, enqueueToTipster } from "../outbox/outbox.js";
import { roleLabel, type StaffAction } from "../staff/roles.js";
import { mayOnTip } from "./scope.js";
import { staffTarget, staffTargets } from "../staff/targets.js";
import { viCase } from "../i18n/vi-case.js";
import { formatDateVN } from "../util/vietnam-time.js";
import { tipView } from "../messaging/buttons.js";
import type { OutgoingMessage } from "../messaging/types.js";
import { actionAllowed, isOpen, type CaseAction } from "./status.js";
import { deadlineReminderDue, deadlineRules, detailReopens, extendedDue, verificationDue } from "./deadlines.js";
import { resultFits, resultLabel, resultsFor, type ResultBy } from "./results.js";
import { alertTargets, applyTipAction, createTip, notifyOfficers, type StaffRef, type TipDeps } from "./service.js";
import type { Channel } from "../messaging/types.js";
import { transferRoutes } from "./transfer-labels.js";

const DAY_MS = 86_400_000;
/** As a new tip's reply address lives (service.ts): a reopened tip's is given back that long. */
const ADDRESS_DAYS = 180;
const NOTE_CHARS = 2000;

export type CaseRefusal = "not_found" | "forbidden" | "not_allowed";
export type CaseFailure = { ok: false; reason: CaseRefusal; caseNumber?: string; status?: string };

type LoadedTip = NonNullable<Awaited<ReturnType<typeof findTip>>>;

function findTip(db: Db, tipId: number) {
  return db.tip.findUnique({ where: { id: tipId }, include: { commune: true } });
}

const threadKey = (tipId: number) => `tip:${tipId}`;

/** The tip, if this staff member may do `action` on it (role and commune) and its status allows `caseAction`. */
async function tipFor(db: Db, staff: StaffRef, tipId: number, action: StaffAction, caseAction: CaseAction): Promise<LoadedTip | CaseFailure> {
  const tip = await findTip(db, tipId);
  if (!tip) return { ok: false, reason: "not_found" };
  // Outside their scope the tip does not exist for them; "forbidden" is for a tip they may read.
  if (!mayOnTip(staff, "tip.read", tip)) return { ok: false, reason: "not_found" };
  if (!mayOnTip(staff, action, tip)) return { ok: false, reason: "forbidden" };
  if (tip.hold !== null || !actionAllowed(tip.status, caseAction)) return { ok: false, reason: "not_allowed", caseNumber: tip.caseNumber, status: tip.status };
  return tip;
}

const failed = (x: LoadedTip | CaseFailure): x is CaseFailure => "ok" in x;

/** A staff member as others read them in a tip's history: name and role, nothing else. */
export function staffLabel(s: { displayName: string; role: string } | null | undefined): string {
  return s ? `${s.displayName} (${roleLabel(s.role)})` : viCase.timeline.staffGone;
}

async function tell(db: Db, staffId: number, message: OutgoingMessage, now: Date): Promise<void> {
  const target = await staffTarget(db, staffId);
  if (target) await enqueue(db, target, message, { now });
}

// ---- Responsibility -----------------------------------------------------------------------------

/** The commune's active officers a tip may be given to (the current one marked). */
export async function assignableOfficers(deps: TipDeps, staff: StaffRef, tipId: number) {
  const tip = await tipFor(deps.db, staff, tipId, "tip.assign", "assign");
  if (failed(tip)) return tip;
  const officers = await deps.db.staff.findMany({ where: { communeId: tip.communeId, role: "officer", active: true }, orderBy: { id: "asc" }, take: 20 });
  return {
    ok: true as const,
    caseNumber: tip.caseNumber,
    officers: officers.filter((o) => o.id !== tip.officerStaffId).map((o) => ({ id: o.id, displayName: o.displayName })),
  };
}

export type AssignOutcome = { ok: true; caseNumber: string; officer: string } | CaseFailure | { ok: false; reason: "bad_officer" | "same"; caseNumber: string; officer?: string };

/** Gives the tip to another officer of its commune; the new officer is told, and so is the one it was taken from. */
export async function assignTip(deps: TipDeps, staff: StaffRef, tipId: number, toStaffId: number): Promise<AssignOutcome> {
  const { db } = deps;
  const now = deps.now();
  const tip = await tipFor(db, staff, tipId, "tip.assign", "assign");
  if (failed(tip)) return tip;
  const officer = await db.staff.findUnique({ where: { id: toStaffId } });
  if (!officer || !officer.active || officer.role !== "officer" || officer.communeId !== tip.communeId) return { ok: false, reason: "bad_officer", caseNumber: tip.caseNumber };
  if (tip.officerStaffId === officer.id) return { ok: false, reason: "same", caseNumber: tip.caseNumber, officer: officer.displayName };
  const moved = await db.tip.updateMany({ where: { id: tipId, officerStaffId: tip.officerStaffId }, data: { officerStaffId: officer.id } });
  if (moved.count !== 1) return { ok: false, reason: "not_allowed", caseNumber: tip.caseNumber, status: tip.status };
  await db.tipEvent.create({ data: { tipId, kind: "assigned", actorStaffId: staff.id, fromStaffId: tip.officerStaffId, toStaffId: officer.id, createdAt: now } });
  const by = staffLabel(staff);
  if (officer.id !== staff.id) {
    await tell(db, officer.id, { text: viCase.assign.toNew(tip.caseNumber, by), choices: [[{ label: viCase.buttons.open(tip.caseNumber), data: tipView.pack(tipId) }]], protect: true }, now);
  }
  if (tip.officerStaffId !== null && tip.officerStaffId !== staff.id) {
    await tell(db, tip.officerStaffId, { text: viCase.assign.toPrevious(tip.caseNumber, by, officer.displayName), protect: true }, now);
  }
  return { ok: true, caseNumber: tip.caseNumber, officer: officer.displayName };
}

// ---- Notes ----------------------------------------------------------------------------------------

/** An internal note: stored on the tip's history, never sent to the tipster. */
export async function addNote(deps: TipDeps, staff: StaffRef, tipId: number, text: string): Promise<{ ok: true; caseNumber: string } | CaseFailure> {
  const tip = await tipFor(deps.db, staff, tipId, "tip.note", "note");
  if (failed(tip)) return tip;
  await deps.db.tipEvent.create({ data: { tipId, kind: "note", actorStaffId: staff.id, text: text.slice(0, NOTE_CHARS), createdAt: deps.now() } });
  return { ok: true, caseNumber: tip.caseNumber };
}

// ---- Closing, reopening ---------------------------------------------------------------------------

/** Whether the staff member may start closing the tip with this status (the result is asked next). */
export async function closable(deps: TipDeps, staff: StaffRef, tipId: number, action: "done" | "unfounded"): Promise<{ ok: true; caseNumber: string } | CaseFailure> {
  const tip = await tipFor(deps.db, staff, tipId, "tip.handle", action);
  return failed(tip) ? tip : { ok: true, caseNumber: tip.caseNumber };
}

/**
 * Closes the tip with a result (and an optional note): the status moves as any action does, the
 * result is kept for the register, and the tipster hears only that it was dealt with.
 */
export async function closeTip(
  deps: TipDeps,
  staff: StaffRef,
  tipId: number,
  action: "done" | "unfounded",
  resultId: string,
  note: string | null,
  /** Duplicate or spam (src/tips/marks.ts): their own result, not one from the list. */
  by?: ResultBy,
): Promise<{ ok: true; caseNumber: string; status: string; result: string } | CaseFailure | { ok: false; reason: "bad_result" }> {
  const { db } = deps;
  const tip = await tipFor(db, staff, tipId, "tip.handle", action);
  if (failed(tip)) return tip;
  if (!resultFits(action, resultId, by)) return { ok: false, reason: "bad_result" };
  const outcome = await applyTipAction(deps, staff, tipId, action);
  if (!outcome.ok) return outcome;
  const now = deps.now();
  await db.tip.update({ where: { id: tipId }, data: { result: resultId } });
  await db.tipEvent.create({ data: { tipId, kind: "result", actorStaffId: staff.id, text: resultId, createdAt: now } });
  if (note) await db.tipEvent.create({ data: { tipId, kind: "note", actorStaffId: staff.id, text: note.slice(0, NOTE_CHARS), createdAt: now } });
  // Neutral words on the tipster's channel; on Zalo past the window the outbox keeps it until they write again.
  await enqueueToTipster(db, deps.keys, tipId, { text: viCase.tipster.closed(formatDateVN(tip.createdAt)) }, now, `closed:${tipId}:${now.getTime()}`);
  return { ok: true, caseNumber: tip.caseNumber, status: outcome.status, result: resultLabel(resultId) };
}

/** Its responsible officer and the commune's leaders (and admins) may reopen a closed tip. */
export function mayReopen(staff: { id: number; role: string }, tip: { officerStaffId: number | null }): boolean {
  return staff.role !== "officer" || tip.officerStaffId === null || tip.officerStaffId === staff.id;
}

async function reopen(deps: TipDeps, tip: LoadedTip, actor: StaffRef | null, reason: string | null): Promise<boolean> {
  const { db } = deps;
  const now = deps.now();
  const due = tip.dueAt && tip.dueAt > now ? tip.dueAt : verificationDue(now);
  const moved = await db.tip.updateMany({
    where: { id: tip.id, status: tip.status },
    data: { status: "verifying", closedAt: null, result: null, dueAt: due, reminderLevel: 0 },
  });
  if (moved.count !== 1) return false;
  await db.tipEvent.create({ data: { tipId: tip.id, kind: actor ? "reopened" : "reopened_detail", actorStaffId: actor?.id ?? null, fromStatus: tip.status, toStatus: "verifying", text: reason, createdAt: now } });
  // Closing shortened the reply address's life; an open tip keeps it as long as a new one.
  const address = await db.replyAddress.findUnique({ where: { tipId: tip.id } });
  const until = new Date(tip.createdAt.getTime() + ADDRESS_DAYS * DAY_MS);
  if (address && address.expiresAt < until) await db.replyAddress.update({ where: { tipId: tip.id }, data: { expiresAt: until } });
  return true;
}

export async function reopenable(deps: TipDeps, staff: StaffRef, tipId: number): Promise<{ ok: true; caseNumber: string } | CaseFailure> {
  const tip = await tipFor(deps.db, staff, tipId, "tip.reopen", "reopen");
  if (failed(tip)) return tip;
  if (!mayReopen(staff, tip)) return { ok: false, reason: "forbidden", caseNumber: tip.caseNumber };
  return { ok: true, caseNumber: tip.caseNumber };
}

export async function reopenTip(deps: TipDeps, staff: StaffRef, tipId: number, reason: string): Promise<{ ok: true; caseNumber: string } | CaseFailure> {
  const tip = await tipFor(deps.db, staff, tipId, "tip.reopen", "reopen");
  if (failed(tip)) return tip;
  if (!mayReopen(staff, tip)) return { ok: false, reason: "forbidden", caseNumber: tip.caseNumber };
  if (!(await reopen(deps, tip, staff, reason.slice(0, NOTE_CHARS)))) return { ok: false, reason: "not_allowed", caseNumber: tip.caseNumber, status: tip.status };
  await notifyOfficers(deps, tip.communeId, { text: viCase.reopen.thread(tip.caseNumber, staffLabel(staff), reason.slice(0, 300)), threadKey: threadKey(tipId), protect: true });
  return { ok: true, caseNumber: tip.caseNumber };
}

/**
 * A tipster's detail on a closed tip within the period (src/tips/deadlines.json) reopens it for
 * review and alerts its officers and the responsible one. Returns whether it was reopened.
 */
export async function reopenByDetail(deps: TipDeps, tipId: number): Promise<boolean> {
  const tip = await findTip(deps.db, tipId);
  if (!tip || isOpen(tip.status) || tip.erasedAt || !actionAllowed(tip.status, "reopen")) return false;
  if (!(await reopen(deps, tip, null, null))) return false;
  const message: OutgoingMessage = { text: viCase.reopen.byDetail(tip.caseNumber), choices: [[{ label: viCase.buttons.open(tip.caseNumber), data: tipView.pack(tipId) }]], threadKey: threadKey(tipId), protect: true };
  const targets = await alertTargets(deps.db, tip.communeId);
  for (const target of targets) await enqueue(deps.db, target, message, { now: deps.now() });
  // The responsible officer too, when the commune's alerts do not reach them privately.
  if (tip.officerStaffId !== null && !targets.some((t) => t.addressTag === `staff:${tip.officerStaffId}`)) await tell(deps.db, tip.officerStaffId, { ...message, threadKey: undefined }, deps.now());
  return true;
}

// ---- Deadlines ------------------------------------------------------------------------------------

export async function extensionDue(deps: TipDeps, staff: StaffRef, tipId: number): Promise<{ ok: true; caseNumber: string; due: Date } | CaseFailure | { ok: false; reason: "no_deadline" | "no_more"; caseNumber: string }> {
  const tip = await tipFor(deps.db, staff, tipId, "tip.handle", "extend");
  if (failed(tip)) return tip;
  if (!tip.dueAt) return { ok: false, reason: "no_deadline", caseNumber: tip.caseNumber };
  const due = extendedDue(tip.dueAt, tip.extensions);
  return due ? { ok: true, caseNumber: tip.caseNumber, due } : { ok: false, reason: "no_more", caseNumber: tip.caseNumber };
}

/** One more extension of the verification period (art. 147), with its reason on the timeline. */
export async function extendDeadline(deps: TipDeps, staff: StaffRef, tipId: number, reason: string) {
  const { db } = deps;
  const checked = await extensionDue(deps, staff, tipId);
  if (!checked.ok) return checked;
  const tip = (await findTip(db, tipId))!;
  const moved = await db.tip.updateMany({ where: { id: tipId, extensions: tip.extensions, dueAt: tip.dueAt }, data: { dueAt: checked.due, extensions: tip.extensions + 1, reminderLevel: 0 } });
  if (moved.count !== 1) return { ok: false as const, reason: "not_allowed" as const, caseNumber: tip.caseNumber, status: tip.status };
  await db.tipEvent.create({ data: { tipId, kind: "extended", actorStaffId: staff.id, text: reason.slice(0, NOTE_CHARS), createdAt: deps.now() } });
  return checked;
}

/** The sweep: the responsible officer before the deadline, the commune's leaders at it. */
export async function remindDeadlines(deps: TipDeps): Promise<number> {
  const { db } = deps;
  const now = deps.now();
  const horizon = new Date(now.getTime() + deadlineRules.remindDaysBefore * DAY_MS);
  const candidates = await db.tip.findMany({
    where: { status: { in: ["taken", "verifying"] }, hold: null, reminderLevel: { lt: 2 }, dueAt: { lte: horizon } },
    include: { commune: true },
    take: 200,
  });
  let sent = 0;
  for (const tip of candidates) {
    const level = deadlineReminderDue({ dueAt: tip.dueAt, reminderLevel: tip.reminderLevel, open: isOpen(tip.status) }, now);
    if (!level) continue;
    const moved = await db.tip.updateMany({ where: { id: tip.id, reminderLevel: tip.reminderLevel }, data: { reminderLevel: level } });
    if (moved.count !== 1) continue;
    await db.tipEvent.create({ data: { tipId: tip.id, kind: "deadline", text: String(level), createdAt: now } });
    const due = formatDateVN(tip.dueAt!);
    const open = [[{ label: viCase.buttons.open(tip.caseNumber), data: tipView.pack(tip.id) }]];
    if (level === 1) {
      if (tip.officerStaffId !== null) await tell(db, tip.officerStaffId, { text: viCase.remind.officer(tip.caseNumber, due), choices: open, protect: true }, now);
    } else {
      const officer = tip.officerStaffId !== null ? await db.staff.findUnique({ where: { id: tip.officerStaffId } }) : null;
      const message: OutgoingMessage = { text: viCase.remind.leaders(tip.caseNumber, due, tip.commune.name, officer ? staffLabel(officer) : viCase.view.noOfficer), choices: open, protect: true };
      for (const target of await staffTargets(db, tip.communeId, ["leader"])) await enqueue(db, target, message, { now });
      if (tip.officerStaffId !== null) await tell(db, tip.officerStaffId, message, now);
    }
    sent++;
  }
  return sent;
}

// ---- The timeline ---------------------------------------------------------------------------------

export interface TimelineEntry {
  kind: string;
  at: Date;
  /** The staff member's name and role; null for the tipster or the system. */
  who: string | null;
  text: string | null;
  status: string | null;
  to: string | null;
}

/** Duplicates and spam (src/tips/marks.ts). */
const MARK_KINDS = ["duplicate_of", "duplicate_in", "duplicate_detail", "spam_marked", "spam_unmarked"];

const TIMELINE_KINDS = ["linked", "created", "status", "note", "question", "followup", "assigned", "extended", "reopened", "reopened_detail", "result", "escalated", "deadline", "held", "released", "dismissed", "address_erased", "address_expired", "kept", "erased", "transferred"];

/** A tip's history for its officers (the caller checked scope): staff by name and role, never a citizen. */
export async function tipTimeline(db: Db, tipId: number): Promise<TimelineEntry[]> {
  const events = await db.tipEvent.findMany({ where: { tipId, kind: { in: [...TIMELINE_KINDS, ...MARK_KINDS] } }, include: { actor: true }, orderBy: { id: "asc" } });
  const otherIds = [...new Set(events.flatMap((e) => (e.toStaffId !== null ? [e.toStaffId] : [])))];
  const others = otherIds.length > 0 ? await db.staff.findMany({ where: { id: { in: otherIds } } }) : [];
  const routes = events.some((e) => e.kind === "transferred") ? await transferRoutes(db, tipId) : new Map<number, string>();
  return events.map((e) => ({
    kind: e.kind,
    at: e.createdAt,
    who: e.actor ? staffLabel(e.actor) : null,
    text: e.kind === "result" && e.text ? resultLabel(e.text) : e.text,
    status: e.toStatus,
    to: e.kind === "transferred" ? (routes.get(e.createdAt.getTime()) ?? null) : e.toStaffId !== null ? staffLabel(others.find((o) => o.id === e.toStaffId)) : null,
  }));
}

/** The responsible officer's name and role, for the tip view. */
export async function officerOf(db: Db, tip: { officerStaffId: number | null }): Promise<string | null> {
  if (tip.officerStaffId === null) return null;
  return staffLabel(await db.staff.findUnique({ where: { id: tip.officerStaffId } }));
}

export { resultsFor, resultLabel };

/**
 * What a tipster's detail does to the tip: "open" adds to it; "reopen" reopens a tip closed within
 * the period (src/tips/deadlines.json); "new" starts a new tip linked to one closed longer ago;
 * "no": nothing (unknown, or erased at the end of its retention).
 */
export async function tipsterAddMode(db: Db, tipId: number, now: Date): Promise<"open" | "reopen" | "new" | "no"> {
  const tip = await db.tip.findUnique({ where: { id: tipId } });
  if (!tip || tip.erasedAt) return "no";
  if (isOpen(tip.status)) return "open";
  if (!actionAllowed(tip.status, "reopen")) return "no";
  return detailReopens(tip.closedAt, now) ? "reopen" : "new";
}

/**
 * A detail on a tip closed longer ago than the period: a new tip in the same commune, village and
 * category, linked to the old one (its officers see which), with its own receipt code.
 */
export async function startLinkedTip(
  deps: TipDeps,
  oldTipId: number,
  input: { text: string; channel: Channel; replyTo: { sealed: string; tag: string }; conversationTag: string; hold: boolean },
): Promise<{ tipId: number; receiptCode: string } | null> {
  const old = await findTip(deps.db, oldTipId);
  if (!old || old.erasedAt || isOpen(old.status)) return null;
  const created = await createTip(deps, { communeId: old.communeId, villageId: old.villageId, category: old.category, text: input.text, channel: input.channel, attachments: [], replyTo: input.replyTo, conversationTag: input.conversationTag, hold: input.hold });
  await deps.db.tip.update({ where: { id: created.tipId }, data: { previousTipId: old.id } });
  await deps.db.tipEvent.create({ data: { tipId: created.tipId, kind: "linked", text: old.caseNumber, createdAt: deps.now() } });
  if (!created.held) {
    await notifyOfficers(deps, old.communeId, { text: viCase.view.previousTip(old.caseNumber), choices: [[{ label: viCase.buttons.open(old.caseNumber), data: tipView.pack(old.id) }]], threadKey: threadKey(created.tipId), protect: true });
  }
  return { tipId: created.tipId, receiptCode: created.receiptCode };
}
