// /nhaptin: an officer enters a tip received by phone, by letter in a tip box, in person or from
// another agency: source → (a letter: the slip's code) → village → category → words → confirm.
// The domain (src/tips/intake.ts) checks role and commune and creates the tip as a chat tip is.
import { categories, categoryLabel } from "../../src/tips/categories.js";
import { enteredSources, findSource, sourceLabel } from "../../src/tips/sources.js";
import { enterTip, mayEnterTips } from "../../src/tips/intake.js";
import { findSlip } from "../../src/tips/slips.js";
import { findVillageById, listVillages } from "../../src/places/search.js";
import type { Choice } from "../../src/messaging/types.js";
import { intakeConfirm, intakeSlip, intakeSource, tipCategory, tipVillage } from "../../src/messaging/buttons.js";
import { IDLE, MAX_TEXT_CHARS } from "./state.js";
import type { IntakeEntry, IntakeStep } from "./intake-state.js";
import { navRow, type StaffRow, type Turn } from "./turn.js";

export async function startIntake(turn: Turn, staff: StaffRow): Promise<void> {
  if (!mayEnterTips(staff)) {
    turn.reply(turn.t.intake.flow.forbidden);
    return;
  }
  await enterIntakeStep(turn, "intake_source", {});
}

/** The step Quay lại leads to; null leaves the flow. */
export function intakePrevious(step: IntakeStep, entry: IntakeEntry): IntakeStep | null {
  const slipStep = findSource(entry.source ?? "")?.slip === true;
  switch (step) {
    case "intake_source":
      return null;
    case "intake_slip":
      return "intake_source";
    case "intake_village":
      return slipStep ? "intake_slip" : "intake_source";
    case "intake_category":
      return entry.villageFixed ? "intake_slip" : "intake_village";
    case "intake_text":
      return "intake_category";
    case "intake_confirm":
      return "intake_text";
  }
}

export async function enterIntakeStep(turn: Turn, step: IntakeStep, entry: IntakeEntry): Promise<void> {
  const w = turn.t.intake.flow;
  turn.state = { step, entry };
  switch (step) {
    case "intake_source":
      turn.reply(w.askSource, [...enteredSources.map((s) => [{ label: s.label, data: intakeSource.pack(s.id) }]), navRow(turn.t, false)]);
      return;
    case "intake_slip":
      turn.reply(w.askSlip, [[{ label: w.buttons.noSlip, data: intakeSlip.pack("none") }], navRow(turn.t)]);
      return;
    case "intake_village": {
      const villages = await listVillages(turn.deps.db, turn.staff!.communeId!);
      const rows: Choice[][] = [];
      for (let i = 0; i < villages.length; i += 2) rows.push(villages.slice(i, i + 2).map((v) => ({ label: v.name, data: tipVillage.pack(v.id) })));
      rows.push([{ label: w.unknownVillage, data: tipVillage.pack("none") }], navRow(turn.t));
      turn.reply(w.askVillage, rows);
      return;
    }
    case "intake_category":
      turn.reply(w.askCategory, [...categories.map((c) => [{ label: c.label, data: tipCategory.pack(c.id) }]), navRow(turn.t)]);
      return;
    case "intake_text":
      turn.reply(w.askText, [navRow(turn.t)]);
      return;
    case "intake_confirm": {
      const village = entry.villageId ? await findVillageById(turn.deps.db, entry.villageId) : null;
      const lines = [
        w.summaryTitle,
        `${w.summarySource}: ${sourceLabel(entry.source ?? "")}`,
        ...(entry.slipId !== undefined ? [`${w.summarySlip}: ${w.summarySlipYes}`] : []),
        `${w.summaryVillage}: ${village?.name ?? w.unknownVillage}`,
        `${w.summaryCategory}: ${categoryLabel(entry.category ?? "other")}`,
        `${w.summaryText}: ${entry.text ?? ""}`,
      ];
      turn.reply(lines.join("\n"), [[{ label: w.buttons.save, data: intakeConfirm.pack("save") }], [{ label: w.buttons.editText, data: intakeConfirm.pack("edit") }], navRow(turn.t)]);
      return;
    }
  }
}

export async function intakeBack(turn: Turn, step: IntakeStep, entry: IntakeEntry): Promise<void> {
  const previous = intakePrevious(step, entry);
  if (!previous) return cancelIntake(turn);
  // Going back past the slip forgets it (and the village it fixed).
  const kept = previous === "intake_source" || previous === "intake_slip" ? { source: entry.source } : entry;
  await enterIntakeStep(turn, previous, previous === "intake_source" ? {} : kept);
}

export function cancelIntake(turn: Turn): void {
  turn.state = IDLE;
  turn.reply(turn.t.intake.flow.cancelled);
}

export async function continueIntake(turn: Turn, staff: StaffRow, step: IntakeStep, entry: IntakeEntry): Promise<void> {
  const w = turn.t.intake.flow;
  const { db } = turn.deps;
  const { content } = turn.incoming;
  const choice = content.kind === "choice" ? content.data : null;
  const text = content.kind === "text" ? content.text.trim() : null;
  if (!mayEnterTips(staff)) {
    turn.state = IDLE;
    turn.reply(w.forbidden);
    return;
  }
  switch (step) {
    case "intake_source": {
      const id = intakeSource.parse(choice);
      const source = enteredSources.find((s) => s.id === id || (text !== null && s.label.toLowerCase() === text.toLowerCase()));
      if (!source) return reask(turn, step, entry);
      return enterIntakeStep(turn, source.slip ? "intake_slip" : "intake_village", { source: source.id });
    }
    case "intake_slip": {
      if (intakeSlip.parse(choice) === "none") return enterIntakeStep(turn, "intake_village", { source: entry.source });
      if (text === null || text.length === 0) return reask(turn, step, entry);
      const found = await findSlip(db, turn.deps.keys, staff.communeId!, text);
      if (!found.ok) {
        turn.reply(found.reason === "not_code" ? w.slipNotCode : found.reason === "used" ? w.slipUsed : w.slipUnknown, [[{ label: w.buttons.noSlip, data: intakeSlip.pack("none") }], navRow(turn.t)]);
        return;
      }
      const village = found.slip.villageId !== null ? await findVillageById(db, found.slip.villageId) : null;
      turn.reply(w.slipOk(village?.name ?? null));
      const next: IntakeEntry = { source: entry.source, slipId: found.slip.id };
      if (village) return enterIntakeStep(turn, "intake_category", { ...next, villageId: village.id, villageFixed: true });
      return enterIntakeStep(turn, "intake_village", next);
    }
    case "intake_village": {
      const picked = tipVillage.parse(choice);
      if (picked === "none") return enterIntakeStep(turn, "intake_category", { ...entry, villageId: null });
      const villages = await listVillages(db, staff.communeId!);
      const match = villages.find((v) => v.id === picked || (text !== null && (v.name.toLowerCase() === text.toLowerCase() || v.code === text.toUpperCase())));
      if (!match) return reask(turn, step, entry);
      return enterIntakeStep(turn, "intake_category", { ...entry, villageId: match.id });
    }
    case "intake_category": {
      const id = tipCategory.parse(choice);
      const picked = categories.find((c) => c.id === id || (text !== null && c.label.toLowerCase() === text.toLowerCase()));
      if (!picked) return reask(turn, step, entry);
      return enterIntakeStep(turn, "intake_text", { ...entry, category: picked.id });
    }
    case "intake_text": {
      if (text === null || text.replace(/[\p{Cf}\p{Z}]/gu, "").length === 0) {
        turn.reply(text === null ? w.askText : w.textEmpty, [navRow(turn.t)]);
        return;
      }
      if ([...text].length > MAX_TEXT_CHARS) {
        turn.reply(w.textTooLong(MAX_TEXT_CHARS, [...text].length), [navRow(turn.t)]);
        return;
      }
      return enterIntakeStep(turn, "intake_confirm", { ...entry, text });
    }
    case "intake_confirm": {
      const confirmed = intakeConfirm.parse(choice);
      if (confirmed === "edit") return enterIntakeStep(turn, "intake_text", { ...entry, text: undefined });
      if (confirmed !== "save") return reask(turn, step, entry);
      const outcome = await enterTip(turn.deps, staff, {
        source: entry.source ?? "",
        villageId: entry.villageId ?? null,
        category: entry.category ?? "other",
        text: entry.text ?? "",
        channel: turn.incoming.channel,
        ...(entry.slipId !== undefined ? { slipId: entry.slipId } : {}),
      });
      if (!outcome.ok) {
        if (outcome.reason === "slip_used" || outcome.reason === "slip_unknown") {
          turn.reply(outcome.reason === "slip_used" ? w.slipUsed : w.slipUnknown);
          return enterIntakeStep(turn, "intake_slip", { source: entry.source });
        }
        turn.state = IDLE;
        turn.reply(outcome.reason === "forbidden" ? w.forbidden : w.cancelled);
        return;
      }
      turn.deps.log.info("tips.entered", { tipId: outcome.tipId, staffId: staff.id, source: entry.source, slip: outcome.onSlip });
      turn.state = IDLE;
      turn.reply([w.saved(outcome.caseNumber, sourceLabel(entry.source ?? "")), outcome.onSlip ? w.savedOnSlip : w.savedNoTipster].join("\n"));
      return;
    }
  }
}

function reask(turn: Turn, step: IntakeStep, entry: IntakeEntry): Promise<void> {
  turn.reply(turn.t.intake.flow.useButtons);
  return enterIntakeStep(turn, step, entry);
}
