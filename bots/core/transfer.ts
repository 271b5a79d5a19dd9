// Sending a tip on (issue 12), from "Chuyển" on its view: another commune or a police unit → the
// commune (typed name or code) or the unit (from the list) → the reason → confirm. The domain
// (src/tips/transfer.ts) checks role, commune and status at every step; this file asks and answers.
import {
  transferCommunes, transferDestination, transferredAway, transferStart, transferToCommune, transferToUnit, unitTransferable, type TransferFailure, type TransferKind,
} from "../../src/tips/transfer.js";
import { findUnit, transferUnits } from "../../src/tips/units.js";
import { transferCommune, transferConfirm, transferKind, transferUnit } from "../../src/messaging/buttons.js";
import type { Choice } from "../../src/messaging/types.js";
import { IDLE } from "./state.js";
import type { TransferChoice, TransferState, TransferStep } from "./transfer-state.js";
import { navRow, type StaffRow, type Turn } from "./turn.js";

const QUERY_CHARS = 80;
const REASON_CHARS = 500;

/** A refusal that ends the flow: nothing was sent on. */
function refuse(turn: Turn, failure: TransferFailure): void {
  const w = turn.t.transfer.refused;
  const caseNumber = failure.caseNumber ?? "";
  turn.state = IDLE;
  switch (failure.reason) {
    case "not_found":
      return turn.reply(turn.t.staff.desk.tipNotFound);
    case "forbidden":
      // Not their commune's tip: the desk's one answer, nothing about it.
      return turn.reply(failure.caseNumber ? w.forbidden : turn.t.staff.desk.forbidden);
    case "closed":
      return turn.reply(w.closed(caseNumber));
    case "held":
      return turn.reply(w.held(caseNumber));
    case "bad_unit":
      return turn.reply(w.badUnit);
    case "moved":
      return turn.reply(w.moved(caseNumber));
    case "bad_commune":
    case "same_commune":
    case "other_province":
      return turn.reply(w.badCommune);
  }
}

/** "Chuyển" pressed on a tip: the choice of where, or straight to the commune for a leader. */
export async function startTransfer(turn: Turn, staff: StaffRow, tipId: number): Promise<void> {
  const start = await transferStart(turn.deps, staff, tipId);
  if (!start.ok) {
    // An old button on a tip this commune already sent on: where it went, as its view says.
    const away = start.reason === "not_found" ? await transferredAway(turn.deps.db, staff, tipId) : null;
    if (!away) return refuse(turn, start);
    turn.state = IDLE;
    return turn.reply(turn.t.transfer.gone(away.caseNumber, away.to));
  }
  if (!start.kinds.includes("unit")) {
    turn.reply(turn.t.transfer.flow.chooseKindLeader(start.caseNumber));
    return enterStep(turn, { step: "transfer_commune", tipId, pick: {} }, start.caseNumber);
  }
  return enterStep(turn, { step: "transfer_kind", tipId, pick: {} }, start.caseNumber);
}

/** The destination chosen so far, as the officer reads it (checked again by the domain). */
async function destination(turn: Turn, staff: StaffRow, tipId: number, pick: TransferChoice): Promise<{ ok: true; caseNumber: string; to: string } | TransferFailure> {
  if (pick.toCommuneId !== undefined) return transferDestination(turn.deps, staff, tipId, pick.toCommuneId);
  const unit = findUnit(pick.unit ?? "");
  if (!unit) return { ok: false, reason: "bad_unit" };
  const ok = await unitTransferable(turn.deps, staff, tipId);
  return ok.ok ? { ...ok, to: unit.label } : ok;
}

function kindRows(turn: Turn): Choice[][] {
  const b = turn.t.transfer.buttons;
  return [[{ label: b.toCommune, data: transferKind.pack("commune") }], [{ label: b.toUnit, data: transferKind.pack("unit") }], navRow(turn.t, false)];
}

function unitRows(turn: Turn): Choice[][] {
  return [...transferUnits.map((u) => [{ label: u.label, data: transferUnit.pack(u.id) }]), navRow(turn.t)];
}

async function enterStep(turn: Turn, state: TransferState, caseNumber: string, to?: string): Promise<void> {
  const w = turn.t.transfer.flow;
  turn.state = state;
  switch (state.step) {
    case "transfer_kind":
      return turn.reply(w.chooseKind(caseNumber), kindRows(turn));
    case "transfer_commune":
      return turn.reply(w.askCommune(caseNumber), [navRow(turn.t, mayChooseUnit(turn))]);
    case "transfer_unit":
      return turn.reply(w.chooseUnit(caseNumber), unitRows(turn));
    case "transfer_reason":
      return turn.reply(w.askReason(to ?? ""), [navRow(turn.t)]);
    case "transfer_confirm": {
      const text = [w.summary(caseNumber, to ?? "", state.pick.reason ?? ""), "", state.pick.unit !== undefined ? w.summaryUnit : w.summaryCommune].join("\n");
      return turn.reply(text, [[{ label: turn.t.transfer.buttons.confirm, data: transferConfirm.pack("yes") }], navRow(turn.t)]);
    }
  }
}

/** Whether "Quay lại" from the commune step has a choice of kind to go back to (a leader has none). */
function mayChooseUnit(turn: Turn): boolean {
  return turn.staff?.role !== "leader";
}

function typedText(turn: Turn, max: number): string | null {
  const { content } = turn.incoming;
  if (content.kind !== "text") return null;
  const text = content.text.replace(/[\p{Cf}]/gu, "").trim();
  return text.length > 0 ? text.slice(0, max) : null;
}

/** Each step of the flow (bots/core/flows/transfer.ts). */
export async function continueTransfer(turn: Turn, state: TransferState, staff: StaffRow): Promise<void> {
  const w = turn.t.transfer.flow;
  const { content } = turn.incoming;
  const choice = content.kind === "choice" ? content.data : null;
  const { tipId } = state;
  switch (state.step) {
    case "transfer_kind": {
      const kind: TransferKind | null = transferKind.parse(choice);
      if (!kind) {
        const start = await transferStart(turn.deps, staff, tipId);
        if (!start.ok) return refuse(turn, start);
        turn.reply(turn.t.citizen.flow.useButtons);
        return enterStep(turn, state, start.caseNumber);
      }
      if (kind === "unit") {
        const ok = await unitTransferable(turn.deps, staff, tipId);
        if (!ok.ok) return ok.reason === "forbidden" && ok.caseNumber ? (turn.reply(turn.t.transfer.refused.unitForbidden), enterStep(turn, { ...state, step: "transfer_commune" }, ok.caseNumber)) : refuse(turn, ok);
        return enterStep(turn, { step: "transfer_unit", tipId, pick: {} }, ok.caseNumber);
      }
      const start = await transferStart(turn.deps, staff, tipId);
      if (!start.ok) return refuse(turn, start);
      return enterStep(turn, { step: "transfer_commune", tipId, pick: {} }, start.caseNumber);
    }
    case "transfer_commune": {
      const picked = transferCommune.parse(choice);
      if (picked !== null) return toReason(turn, staff, state, { toCommuneId: picked });
      const query = typedText(turn, QUERY_CHARS);
      if (!query) {
        const start = await transferStart(turn.deps, staff, tipId);
        if (!start.ok) return refuse(turn, start);
        return enterStep(turn, state, start.caseNumber);
      }
      const found = await transferCommunes(turn.deps, staff, tipId, query);
      if (!found.ok) return refuse(turn, found);
      const again = [navRow(turn.t, mayChooseUnit(turn))];
      if (found.communes.length === 0) {
        if (found.refusal === "same_commune") return turn.reply(w.sameCommune, again);
        if (found.refusal === "other_province") return turn.reply(w.otherProvince(query), again);
        return turn.reply(w.noMatch(query), again);
      }
      if (found.communes.length === 1 && !found.more) return toReason(turn, staff, state, { toCommuneId: found.communes[0]!.id });
      const rows = found.communes.map((c) => [{ label: turn.t.transfer.buttons.commune(c.name, c.code), data: transferCommune.pack(c.id) }]);
      return turn.reply(found.more ? w.tooMany : w.manyMatches(found.communes.length), [...rows, ...again]);
    }
    case "transfer_unit": {
      const unit = findUnit(transferUnit.parse(choice) ?? "");
      if (!unit) return turn.reply(w.useUnits, unitRows(turn));
      return toReason(turn, staff, state, { unit: unit.id });
    }
    case "transfer_reason": {
      const reason = typedText(turn, REASON_CHARS);
      const to = await destination(turn, staff, tipId, state.pick);
      if (!to.ok) return refuse(turn, to);
      if (!reason) return turn.reply(w.reasonEmpty, [navRow(turn.t)]);
      return enterStep(turn, { step: "transfer_confirm", tipId, pick: { ...state.pick, reason } }, to.caseNumber, to.to);
    }
    case "transfer_confirm": {
      if (transferConfirm.parse(choice) !== "yes") {
        const to = await destination(turn, staff, tipId, state.pick);
        if (!to.ok) return refuse(turn, to);
        turn.reply(w.useConfirm);
        return enterStep(turn, state, to.caseNumber, to.to);
      }
      const reason = state.pick.reason ?? "";
      const done =
        state.pick.toCommuneId !== undefined
          ? await transferToCommune(turn.deps, staff, tipId, state.pick.toCommuneId, reason)
          : await transferToUnit(turn.deps, staff, tipId, state.pick.unit ?? "", reason);
      if (!done.ok) return refuse(turn, done);
      turn.deps.log.info("tips.transferred", { tipId, staffId: staff.id, kind: state.pick.unit !== undefined ? "unit" : "commune" });
      turn.state = IDLE;
      return turn.reply(state.pick.unit !== undefined ? w.doneUnit(done.caseNumber, done.to) : w.doneCommune(done.caseNumber, done.to));
    }
  }
}

/** A destination picked: on to the reason, or the refusal (same commune, another province) and the question again. */
async function toReason(turn: Turn, staff: StaffRow, state: TransferState, pick: TransferChoice): Promise<void> {
  const to = await destination(turn, staff, state.tipId, pick);
  if (to.ok) return enterStep(turn, { step: "transfer_reason", tipId: state.tipId, pick }, to.caseNumber, to.to);
  if (to.reason === "same_commune" || to.reason === "other_province" || to.reason === "bad_commune") {
    const w = turn.t.transfer.flow;
    return turn.reply(to.reason === "same_commune" ? w.sameCommune : turn.t.transfer.refused.badCommune, [navRow(turn.t, mayChooseUnit(turn))]);
  }
  return refuse(turn, to);
}

/** The step Quay lại leads to; null leaves the flow. Pure. */
export function transferPrevious(step: TransferStep, pick: TransferChoice, leader: boolean): TransferStep | null {
  switch (step) {
    case "transfer_kind":
      return null;
    case "transfer_commune":
      return leader ? null : "transfer_kind";
    case "transfer_unit":
      return "transfer_kind";
    case "transfer_reason":
      return pick.unit !== undefined ? "transfer_unit" : "transfer_commune";
    case "transfer_confirm":
      return "transfer_reason";
  }
}

/** Quay lại: one step back, keeping what the earlier steps chose. */
export async function backTransfer(turn: Turn, state: TransferState): Promise<void> {
  const staff = turn.staff;
  const previous = transferPrevious(state.step, state.pick, !mayChooseUnit(turn));
  if (!previous || !staff) return cancelTransfer(turn);
  const pick: TransferChoice = previous === "transfer_reason" ? { toCommuneId: state.pick.toCommuneId, unit: state.pick.unit } : {};
  if (previous === "transfer_reason") {
    const to = await destination(turn, staff, state.tipId, pick);
    if (!to.ok) return refuse(turn, to);
    return enterStep(turn, { step: previous, tipId: state.tipId, pick }, to.caseNumber, to.to);
  }
  const start = await transferStart(turn.deps, staff, state.tipId);
  if (!start.ok) return refuse(turn, start);
  return enterStep(turn, { step: previous, tipId: state.tipId, pick }, start.caseNumber);
}

/** Hủy: nothing sent on. */
export function cancelTransfer(turn: Turn): void {
  turn.state = IDLE;
  turn.reply(turn.t.transfer.flow.cancelled);
}

/** An unknown command in the middle: the current question again. */
export async function repromptTransfer(turn: Turn, state: TransferState): Promise<void> {
  if (!turn.staff) return cancelTransfer(turn);
  const to = state.pick.toCommuneId !== undefined || state.pick.unit !== undefined ? await destination(turn, turn.staff, state.tipId, state.pick) : await transferStart(turn.deps, turn.staff, state.tipId);
  if (!to.ok) return refuse(turn, to);
  turn.reply(turn.t.citizen.flow.useButtons);
  return enterStep(turn, state, to.caseNumber, "to" in to ? to.to : undefined);
}
