// "Trùng tin", "Tin rác" and "Không phải tin rác" on a tip's view (issue 12): the buttons, the typed
// case number of the original, the confirmations and the ways back. The domain (src/tips/marks.ts)
// checks role, commune and status and does the marking; this file asks and answers.
import { mayOnTip } from "../../src/tips/scope.js";
import { isOpen } from "../../src/tips/status.js";
import { markable, markDuplicate, markSpam, spamMarked, unmarkSpam } from "../../src/tips/marks.js";
import type { CaseFailure } from "../../src/tips/case.js";
import { tipMark, tipMarkConfirm } from "../../src/messaging/buttons.js";
import type { Messages } from "../../src/i18n/messages.js";
import type { Choice } from "../../src/messaging/types.js";
import type { MarkState } from "./marks-state.js";
import { IDLE } from "./state.js";
import { navRow, type StaffRow, type Turn } from "./turn.js";

/** Refused: nothing under way any more. (As bots/core/case.ts answers, which imports this file.) */
function refuse(turn: Turn, failure: CaseFailure | { ok: false; reason: "not_spam"; caseNumber: string }): void {
  turn.state = IDLE;
  if (failure.reason === "not_found") return turn.reply(turn.t.staff.desk.tipNotFound);
  if (failure.reason === "forbidden") return turn.reply(turn.t.staff.desk.forbidden);
  const caseNumber = failure.caseNumber ?? "";
  if (failure.reason === "not_spam") return turn.reply(turn.t.marks.spam.notMarked(caseNumber));
  const status = failure.status ?? "";
  if (status && !isOpen(status)) return turn.reply(turn.t.case.refused.closed(caseNumber));
  turn.reply(turn.t.case.refused.notNow(caseNumber, turn.t.citizen.status[status] ?? status));
}

/** The view's marking buttons for this staff member: on an open tip, and "not spam" while a mark stands. */
export async function markChoices(turn: Turn, staff: StaffRow, tip: { id: number; status: string; communeId: number; villageId: number | null; hold: string | null }): Promise<Choice[][]> {
  if (!mayOnTip(staff, "tip.handle", tip)) return [];
  const b = turn.t.marks.buttons;
  const rows: Choice[][] = [];
  if (isOpen(tip.status) && tip.hold === null) {
    rows.push([{ label: b.duplicate, data: tipMark.pack({ tipId: tip.id, mark: "duplicate" }) }, { label: b.spam, data: tipMark.pack({ tipId: tip.id, mark: "spam" }) }]);
  }
  if ((await spamMarked(turn.deps, staff, tip.id)).ok) rows.push([{ label: b.notSpam, data: tipMark.pack({ tipId: tip.id, mark: "notSpam" }) }]);
  return rows;
}

const confirmRow = (t: Messages, undo: boolean): Choice[] => [{ label: undo ? t.marks.buttons.confirmNotSpam : t.marks.buttons.confirmSpam, data: tipMarkConfirm.pack() }];

/** "tmk:<tip>:<mark>": the first step of each. */
export async function markButton(turn: Turn, staff: StaffRow, tipId: number, mark: "duplicate" | "spam" | "notSpam"): Promise<void> {
  if (mark === "notSpam") {
    const checked = await spamMarked(turn.deps, staff, tipId);
    if (!checked.ok) return refuse(turn, checked);
    turn.state = { step: "tip_spam_confirm", tipId, undo: true };
    return turn.reply(turn.t.marks.spam.confirmUndo(checked.caseNumber), [confirmRow(turn.t, true), navRow(turn.t, false)]);
  }
  const checked = await markable(turn.deps, staff, tipId);
  if (!checked.ok) return refuse(turn, checked);
  if (mark === "duplicate") {
    turn.state = { step: "tip_duplicate", tipId };
    return turn.reply(turn.t.marks.duplicate.ask(checked.caseNumber), [navRow(turn.t, false)]);
  }
  turn.state = { step: "tip_spam_confirm", tipId, undo: false };
  turn.reply(turn.t.marks.spam.confirm(checked.caseNumber), [confirmRow(turn.t, false), navRow(turn.t, false)]);
}

/** Each step of the flow (bots/core/flows/marks.ts). */
export async function continueMark(turn: Turn, state: MarkState, staff: StaffRow): Promise<void> {
  const { content } = turn.incoming;
  const m = turn.t.marks;
  if (state.step === "tip_duplicate") {
    const typed = content.kind === "text" ? content.text.trim() : "";
    if (!typed) return turn.reply(m.duplicate.empty, [navRow(turn.t, false)]);
    const outcome = await markDuplicate(turn.deps, staff, state.tipId, typed);
    if (outcome.ok) {
      turn.state = IDLE;
      return turn.reply(m.duplicate.done(outcome.caseNumber, outcome.original));
    }
    // A wrong number: say why and ask again, the step stays.
    switch (outcome.reason) {
      case "unknown_case":
        return turn.reply(m.duplicate.unknown(outcome.typed), [navRow(turn.t, false)]);
      case "other_commune":
        return turn.reply(m.duplicate.otherCommune(outcome.typed), [navRow(turn.t, false)]);
      case "same_tip":
        return turn.reply(m.duplicate.same(outcome.caseNumber), [navRow(turn.t, false)]);
      case "original_closed":
        return turn.reply(m.duplicate.originalClosed(outcome.typed), [navRow(turn.t, false)]);
      default:
        return refuse(turn, outcome);
    }
  }
  if (content.kind !== "choice" || tipMarkConfirm.parse(content.data) === null) return turn.reply(m.spam.useButtons, [confirmRow(turn.t, state.undo), navRow(turn.t, false)]);
  turn.state = IDLE;
  if (!state.undo) {
    const marked = await markSpam(turn.deps, staff, state.tipId);
    return marked.ok ? turn.reply(m.spam.done(marked.caseNumber)) : refuse(turn, marked);
  }
  const undone = await unmarkSpam(turn.deps, staff, state.tipId);
  if (!undone.ok) return refuse(turn, undone);
  turn.reply(undone.reopened ? m.spam.undoneReopened(undone.caseNumber) : m.spam.undone(undone.caseNumber));
}

/** Hủy (and Quay lại, there being no earlier step): nothing changed. */
export function cancelMark(turn: Turn, state: MarkState): void {
  turn.state = IDLE;
  turn.reply(state.step === "tip_duplicate" ? turn.t.marks.duplicate.cancelled : turn.t.marks.spam.cancelled);
}

/** A duplicate's or spam mark's line on the timeline; null for any other kind. */
export function markTimelineLine(t: Messages, kind: string, time: string, who: string, text: string): string | null {
  switch (kind) {
    case "duplicate_of":
      return t.marks.timeline.duplicateOf(time, who, text);
    case "duplicate_in":
      return t.marks.timeline.duplicateIn(time, who, text);
    case "duplicate_detail":
      return t.marks.timeline.duplicateDetail(time, text);
    case "spam_marked":
      return t.marks.timeline.spamMarked(time, who);
    case "spam_unmarked":
      return t.marks.timeline.spamUnmarked(time, who);
    default:
      return null;
  }
}
