// An officer's work on one tip after the alert (issue 12): the tip view with its officer, deadline and
// timeline; notes, reassignment, closing with a result, reopening and extensions. The domain
// (src/tips/case.ts) checks role, commune and status; this file asks and answers.
import { formatDateTimeVN, formatDateVN } from "../../src/util/vietnam-time.js";
import type { StaffAction } from "../../src/staff/roles.js";
import { mayOnTip, tipScopeTarget } from "../../src/tips/scope.js";
import { categoryLabel } from "../../src/tips/categories.js";
import { citizenBlock } from "../../src/tips/citizen-text.js";
import { describeAttachments, tipFileMessages, tipWithPlaceAndAttachments } from "../../src/tips/service.js";
import {
  addNote, assignableOfficers, assignTip, closable, closeTip, extendDeadline, extensionDue, mayReopen, officerOf, reopenable, reopenTip,
  resultLabel, resultsFor, tipTimeline, type CaseFailure, type TimelineEntry,
} from "../../src/tips/case.js";
import type { Messages } from "../../src/i18n/messages.js";
import { actionAllowed, isOpen, type CaseAction } from "../../src/tips/status.js";
import { isOverdue, overdueDays } from "../../src/tips/deadlines.js";
import { tipAction, tipAssign, tipCloseSkip, tipResult } from "../../src/messaging/buttons.js";
import type { Choice } from "../../src/messaging/types.js";
import type { CaseState, CloseAction } from "./case-state.js";
import { IDLE } from "./state.js";
import { navRow, type StaffRow, type Turn } from "./turn.js";
import { transferKinds, transferredAway } from "../../src/tips/transfer.js";
import { tipTransfer } from "../../src/messaging/buttons.js";

/** "Chuyển" on an open tip, for whoever may send it on (src/tips/transfer.ts). */
function transferChoice(turn: Turn, staff: StaffRow, tip: { id: number; status: string; communeId: number; villageId: number | null }): Choice[] {
  const mayGo = isOpen(tip.status) && transferKinds(staff, tipScopeTarget(tip)).length > 0;
  return mayGo ? [{ label: turn.t.transfer.buttons.transfer, data: tipTransfer.pack(tip.id) }] : [];
}
import { markChoices, markTimelineLine } from "./marks.js";

const TIMELINE_LINES = 15;
const TEXT_CHARS = 2000;

function refuse(turn: Turn, failure: CaseFailure | { ok: false; reason: string; caseNumber?: string; status?: string }): void {
  if (failure.reason === "not_found") return turn.reply(turn.t.staff.desk.tipNotFound);
  if (failure.reason === "forbidden") return turn.reply(failure.caseNumber ? turn.t.case.reopen.notYours : turn.t.staff.desk.forbidden);
  const caseNumber = failure.caseNumber ?? "";
  const status = failure.status ?? "";
  if (status && !isOpen(status)) return turn.reply(turn.t.case.refused.closed(caseNumber));
  turn.reply(turn.t.case.refused.notNow(caseNumber, turn.t.citizen.status[status] ?? status));
}

/** The buttons the view offers this staff member: what the status allows and their role may do. */
export function caseChoices(turn: Turn, staff: StaffRow, tip: { id: number; status: string; communeId: number; villageId: number | null; officerStaffId: number | null }): Choice[][] {
  const b = { ...turn.t.citizen.buttons, ...turn.t.case.buttons };
  const offer = (action: CaseAction, label: string, right: StaffAction) =>
    actionAllowed(tip.status, action) && mayOnTip(staff, right, tip) ? [{ label, data: tipAction.pack({ tipId: tip.id, action }) }] : [];
  const rows: Choice[][] = [
    [...offer("take", b.take, "tip.handle"), ...offer("verify", b.verify, "tip.handle")],
    [...offer("done", b.resolve, "tip.handle"), ...offer("unfounded", b.unfounded, "tip.handle")],
    [...offer("ask", b.ask, "tip.handle"), ...offer("note", b.note, "tip.note")],
    [...offer("assign", b.assign, "tip.assign"), ...offer("extend", b.extend, "tip.handle")],
    mayReopen(staff, tip) ? offer("reopen", b.reopen, "tip.reopen") : [],
    transferChoice(turn, staff, tip),
  ];
  return rows.filter((r) => r.length > 0);
}

/** The tip view: its place and words, officer, deadline, result and whole timeline. */
export async function viewTip(turn: Turn, staff: StaffRow, tipId: number): Promise<void> {
  const { db } = turn.deps;
  const tip = await tipWithPlaceAndAttachments(db, tipId);
  if (!tip) return turn.reply(turn.t.staff.desk.tipNotFound);
  if (!mayOnTip(staff, "tip.read", tip)) {
    // Sent on from the officer's commune: where it went, politely; otherwise the desk's one answer.
    const away = await transferredAway(db, staff, tipId);
    return turn.reply(away ? turn.t.transfer.gone(away.caseNumber, away.to) : turn.t.staff.desk.forbidden);
  }
  const now = turn.now();
  const open = isOpen(tip.status);
  const officer = await officerOf(db, tip);
  const lines = [
    `${tip.caseNumber} — ${turn.t.citizen.status[tip.status] ?? tip.status}`,
    `${categoryLabel(tip.category)} — ${tip.village?.name ?? turn.t.citizen.flow.unknownVillage}, ${turn.t.data.commune(tip.commune.name)}`,
    formatDateTimeVN(tip.createdAt),
    `${turn.t.citizen.flow.summaryAttachments}: ${describeAttachments(tip.attachments)}`,
    officer ? turn.t.case.view.officer(officer) : turn.t.case.view.noOfficer,
  ];
  if (open && tip.dueAt) {
    lines.push(isOverdue({ dueAt: tip.dueAt, open }, now) ? turn.t.case.view.overdue(formatDateVN(tip.dueAt), overdueDays({ dueAt: tip.dueAt, open }, now)) : turn.t.case.view.due(formatDateVN(tip.dueAt)));
  }
  if (!open && tip.result) lines.push(turn.t.case.view.result(resultLabel(tip.result)));
  lines.push("", tip.erasedAt ? turn.t.staff.desk.tipErased(formatDateVN(tip.erasedAt)) : citizenBlock(tip.text));
  if (!tip.erasedAt) {
    const entries = (await tipTimeline(db, tipId)).map((e) => timelineLine(turn.t, e)).filter((l): l is string => l !== null);
    lines.push("", turn.t.case.view.timelineTitle);
    if (entries.length > TIMELINE_LINES) lines.push(turn.t.case.view.timelineMore(entries.length - TIMELINE_LINES));
    lines.push(...entries.slice(-TIMELINE_LINES));
  }
  // The files again (copied, as in the alert): the view itself counts them only.
  const files: Choice[][] = tip.attachments.length > 0 && !tip.erasedAt ? [[{ label: turn.t.case.buttons.files(tip.attachments.length), data: tipAction.pack({ tipId, action: "files" }) }]] : [];
  const choices = [...files, ...caseChoices(turn, staff, tip), ...(await markChoices(turn, staff, tip))];
  turn.replies.push({ text: lines.join("\n"), choices: choices.length > 0 ? choices : undefined, protect: true });
}

/** One line of the timeline, in the officers' words. */
function timelineLine(t: Messages, e: TimelineEntry): string | null {
  const time = formatDateTimeVN(e.at);
  const who = e.who ?? t.case.timeline.system;
  const text = (e.text ?? "").replace(/\s+/g, " ").slice(0, 200);
  switch (e.kind) {
    case "created":
      return t.case.timeline.created(time);
    case "linked":
      return `• ${t.case.view.previousTip(text)}`;
    case "status":
      return t.case.timeline.status(time, who, t.citizen.status[e.status ?? ""] ?? e.status ?? "");
    case "note":
      return t.case.timeline.note(time, who, text);
    case "question":
      return t.case.timeline.question(time, who, text);
    case "followup":
      return t.case.timeline.answer(time, text);
    case "assigned":
      return t.case.timeline.assigned(time, who, e.to ?? t.case.timeline.staffGone);
    case "extended":
      return t.case.timeline.extended(time, who, text);
    case "reopened":
      return t.case.timeline.reopened(time, who, text);
    case "reopened_detail":
      return t.case.timeline.reopenedByDetail(time);
    case "result":
      return t.case.timeline.result(time, who, text);
    case "escalated":
      return t.case.timeline.escalated(time);
    case "deadline":
      return t.case.timeline.deadline(time);
    case "transferred":
      return t.transfer.timeline(time, who, e.to ?? "", text);
    default:
      return markTimelineLine(t, e.kind, time, who, text);
  }
}

/** The case buttons under a tip (t:<id>:<action>); true when it was one of them. */
export async function caseButton(turn: Turn, staff: StaffRow, tipId: number, action: string): Promise<boolean> {
  const deps = turn.deps;
  switch (action) {
    case "files": {
      const messages = await tipFileMessages(deps.db, staff, tipId);
      if (!messages) return (refuse(turn, { ok: false, reason: "not_found" }), true);
      if (messages.length === 0) {
        const tip = await tipWithPlaceAndAttachments(deps.db, tipId);
        return (turn.reply(turn.t.case.noFiles(tip?.caseNumber ?? "")), true);
      }
      turn.replies.push(...messages);
      return true;
    }
    case "note": {
      const tip = await tipWithPlaceAndAttachments(deps.db, tipId);
      // Asked first whether a note may be added at all; the domain checks again on saving.
      const ok = tip && mayOnTip(staff, "tip.note", tip);
      if (!tip || !ok) return (refuse(turn, { ok: false, reason: tip ? "forbidden" : "not_found" }), true);
      if (!actionAllowed(tip.status, "note")) return (refuse(turn, { ok: false, reason: "not_allowed", caseNumber: tip.caseNumber, status: tip.status }), true);
      turn.state = { step: "tip_note", tipId };
      turn.reply(turn.t.case.note.ask(tip.caseNumber), [navRow(turn.t, false)]);
      return true;
    }
    case "assign": {
      const list = await assignableOfficers(deps, staff, tipId);
      if (!list.ok) return (refuse(turn, list), true);
      if (list.officers.length === 0) return (turn.reply(turn.t.case.assign.nobody(list.caseNumber)), true);
      turn.reply(turn.t.case.assign.choose(list.caseNumber), list.officers.map((o) => [{ label: turn.t.case.buttons.officer(o.displayName), data: tipAssign.pack({ tipId, staffId: o.id }) }]));
      return true;
    }
    case "done":
    case "unfounded": {
      const checked = await closable(deps, staff, tipId, action);
      if (!checked.ok) return (refuse(turn, checked), true);
      turn.state = { step: "tip_close_result", tipId, action };
      askResult(turn, checked.caseNumber, action);
      return true;
    }
    case "reopen": {
      const checked = await reopenable(deps, staff, tipId);
      if (!checked.ok) return (refuse(turn, checked), true);
      turn.state = { step: "tip_reopen", tipId };
      turn.reply(turn.t.case.reopen.ask(checked.caseNumber), [navRow(turn.t, false)]);
      return true;
    }
    case "extend": {
      const checked = await extensionDue(deps, staff, tipId);
      if (!checked.ok) {
        if (checked.reason === "no_more") turn.reply(turn.t.case.extend.noMore(checked.caseNumber ?? ""));
        else if (checked.reason === "no_deadline") turn.reply(turn.t.case.extend.noDeadline(checked.caseNumber ?? ""));
        else refuse(turn, checked);
        return true;
      }
      turn.state = { step: "tip_extend", tipId };
      turn.reply(turn.t.case.extend.ask(checked.caseNumber, formatDateVN(checked.due)), [navRow(turn.t, false)]);
      return true;
    }
    case "ask": {
      const tip = await tipWithPlaceAndAttachments(deps.db, tipId);
      // Out of scope, the case number is never named: the common refusal (tipButton) answers.
      if (tip && mayOnTip(staff, "tip.handle", tip) && !actionAllowed(tip.status, "ask")) return (refuse(turn, { ok: false, reason: "not_allowed", caseNumber: tip.caseNumber, status: tip.status }), true);
      return false;
    }
    default:
      return false;
  }
}

function askResult(turn: Turn, caseNumber: string, action: CloseAction): void {
  const rows = resultsFor(action).map((r) => [{ label: r.label, data: tipResult.pack(r.id) }]);
  turn.reply(turn.t.case.close.chooseResult(caseNumber, turn.t.citizen.status[action] ?? action), [...rows, navRow(turn.t, false)]);
}

/** "tas:<tip>:<officer>": the officer chosen from the list. */
export async function assignButton(turn: Turn, staff: StaffRow, tipId: number, staffId: number): Promise<void> {
  const outcome = await assignTip(turn.deps, staff, tipId, staffId);
  if (outcome.ok) return turn.reply(turn.t.case.assign.done(outcome.caseNumber, outcome.officer));
  if (outcome.reason === "bad_officer") return turn.reply(turn.t.case.assign.badOfficer);
  if (outcome.reason === "same") return turn.reply(turn.t.case.assign.same(outcome.caseNumber, outcome.officer ?? ""));
  refuse(turn, outcome);
}

function typed(turn: Turn): string | null {
  const { content } = turn.incoming;
  return content.kind === "text" && content.text.trim().length > 0 ? content.text.trim().slice(0, TEXT_CHARS) : null;
}

/** Each step of the flow (bots/core/flows/case.ts). */
export async function continueCase(turn: Turn, state: CaseState, staff: StaffRow): Promise<void> {
  const deps = turn.deps;
  switch (state.step) {
    case "tip_note": {
      const text = typed(turn);
      if (!text) return turn.reply(turn.t.case.note.empty, [navRow(turn.t, false)]);
      turn.state = IDLE;
      const saved = await addNote(deps, staff, state.tipId, text);
      return saved.ok ? turn.reply(turn.t.case.note.saved(saved.caseNumber)) : refuse(turn, saved);
    }
    case "tip_close_result": {
      const { content } = turn.incoming;
      const id = tipResult.parse(content.kind === "choice" ? content.data : null);
      const result = id !== null ? resultsFor(state.action).find((r) => r.id === id) : undefined;
      if (!result) return turn.reply(turn.t.case.close.useResults, [...resultsFor(state.action).map((r) => [{ label: r.label, data: tipResult.pack(r.id) }]), navRow(turn.t, false)]);
      turn.state = { step: "tip_close_note", tipId: state.tipId, action: state.action, result: result.id };
      return turn.reply(turn.t.case.close.askNote(result.label), [[{ label: turn.t.case.buttons.skipNote, data: tipCloseSkip.pack() }], navRow(turn.t)]);
    }
    case "tip_close_note": {
      const { content } = turn.incoming;
      const skip = content.kind === "choice" && tipCloseSkip.parse(content.data) !== null;
      const note = skip ? null : typed(turn);
      if (!skip && !note) return turn.reply(turn.t.case.close.askNote(resultLabel(state.result)), [[{ label: turn.t.case.buttons.skipNote, data: tipCloseSkip.pack() }], navRow(turn.t)]);
      turn.state = IDLE;
      const closed = await closeTip(deps, staff, state.tipId, state.action, state.result, note);
      if (closed.ok) return turn.reply(turn.t.case.close.done(closed.caseNumber, turn.t.citizen.status[closed.status] ?? closed.status, closed.result));
      if (closed.reason === "bad_result") return turn.reply(turn.t.case.close.useResults);
      return refuse(turn, closed);
    }
    case "tip_reopen": {
      const reason = typed(turn);
      if (!reason) return turn.reply(turn.t.case.reopen.empty, [navRow(turn.t, false)]);
      turn.state = IDLE;
      const done = await reopenTip(deps, staff, state.tipId, reason);
      return done.ok ? turn.reply(turn.t.case.reopen.done(done.caseNumber)) : refuse(turn, done);
    }
    case "tip_extend": {
      const reason = typed(turn);
      if (!reason) return turn.reply(turn.t.case.extend.empty, [navRow(turn.t, false)]);
      turn.state = IDLE;
      const done = await extendDeadline(deps, staff, state.tipId, reason);
      if (done.ok) return turn.reply(turn.t.case.extend.done(done.caseNumber, formatDateVN(done.due)));
      if (done.reason === "no_more") return turn.reply(turn.t.case.extend.noMore(done.caseNumber ?? ""));
      if (done.reason === "no_deadline") return turn.reply(turn.t.case.extend.noDeadline(done.caseNumber ?? ""));
      return refuse(turn, done);
    }
  }
}

/** Hủy: nothing saved, in the step's words. */
export function cancelCase(turn: Turn, state: CaseState): void {
  turn.state = IDLE;
  const words = {
    tip_note: turn.t.case.note.cancelled,
    tip_close_result: turn.t.case.close.cancelled,
    tip_close_note: turn.t.case.close.cancelled,
    tip_reopen: turn.t.case.reopen.cancelled,
    tip_extend: turn.t.case.extend.cancelled,
  } as const;
  turn.reply(words[state.step]);
}

/** Quay lại: from the note on closing, back to the results; otherwise as Hủy. */
export async function backCase(turn: Turn, state: CaseState): Promise<void> {
  if (state.step !== "tip_close_note") return cancelCase(turn, state);
  const tip = await tipWithPlaceAndAttachments(turn.deps.db, state.tipId);
  if (!tip) return cancelCase(turn, state);
  turn.state = { step: "tip_close_result", tipId: state.tipId, action: state.action };
  askResult(turn, tip.caseNumber, state.action);
}
