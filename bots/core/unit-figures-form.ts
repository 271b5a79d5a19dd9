// /capnhat for a reporting unit's member: their unit's monthly figures (src/compliance/units.json),
// one question a figure with the previous value to keep, "Quay lại" and "Hủy" at every step, last
// month's figures to copy, a numbered summary before saving; every save is a revision (who, when).
// The same buttons and words as the villages' form (figures-form.ts); only aggregate counts.
import { addMonths, formatDateTimeVN, type MonthKey, monthOf, parseMonthArg } from "../../src/util/vietnam-time.js";
import { brokenRelations, checkRelation, parseFieldInput, problemText } from "../../src/compliance/fields.js";
import { unitByKind, type ReportingUnit } from "../../src/compliance/units.js";
import { saveUnitFigures, unitFiguresAs } from "../../src/compliance/unit-figures.js";
import { findStaffById } from "../../src/staff/find.js";
import { findCommuneById } from "../../src/places/search.js";
import type { Choice } from "../../src/messaging/types.js";
import { figures } from "../../src/messaging/buttons.js";
import type { Messages } from "../../src/i18n/messages.js";
import { IDLE } from "./state.js";
import type { UnitFiguresForm, UnitFiguresState } from "./unit-figures-state.js";
import type { StaffRow, Turn } from "./turn.js";
import { MAX_MONTHS_BACK, nav, show } from "./figures-common.js";

/** The month typed after the command (this month without one), or why not. */
export function unitMonthArg(turn: Turn, args: string): MonthKey | null {
  const current = monthOf(turn.now());
  let month = current;
  for (const word of args.split(/\s+/).filter(Boolean)) {
    const m = parseMonthArg(word);
    if (!m) {
      turn.reply(turn.t.units.form.badMonth(word));
      return null;
    }
    month = m;
  }
  if (month > current) {
    turn.reply(turn.t.compliance.scope.futureMonth(month));
    return null;
  }
  if (month < addMonths(current, -MAX_MONTHS_BACK)) {
    turn.reply(turn.t.compliance.scope.tooOld(month));
    return null;
  }
  return month;
}

/** /capnhat [month] as a reporting unit's member: their own unit, in their commune. */
export async function startUnitFigures(turn: Turn, staff: StaffRow, args: string): Promise<void> {
  const { db } = turn.deps;
  if (turn.incoming.chat.isGroup) {
    turn.reply(turn.t.compliance.scope.groupRefused);
    return;
  }
  const unit = unitByKind(staff.unitKind);
  if (!unit || staff.communeId === null) {
    turn.reply(turn.t.units.form.noUnit);
    return;
  }
  const month = unitMonthArg(turn, args);
  if (!month) return;
  const saved = await unitFiguresAs(db, staff, staff.communeId, unit.kind, month);
  const commune = await findCommuneById(db, staff.communeId);
  if (!saved.ok || !commune) {
    turn.reply(turn.t.compliance.scope.forbidden);
    return;
  }
  const last = saved.figures ? null : await unitFiguresAs(db, staff, staff.communeId, unit.kind, addMonths(month, -1));
  const lastValues = last?.ok ? last.figures?.values : undefined;
  const form: UnitFiguresForm = {
    communeId: staff.communeId,
    communeName: commune.name,
    unitKind: unit.kind,
    month,
    basedOn: saved.figures?.version ?? 0,
    values: {},
    previous: saved.figures?.values ?? lastValues ?? {},
    previousIsLastMonth: !saved.figures && !!lastValues,
    index: 0,
  };
  turn.reply(turn.t.compliance.form.intro({ month, village: unit.name, commune: commune.name, questions: unit.fields.length }));
  if (saved.figures) {
    const who = saved.figures.updatedByStaffId ? (await findStaffById(db, saved.figures.updatedByStaffId))?.displayName : null;
    turn.reply(turn.t.compliance.form.correcting(saved.figures.version, formatDateTimeVN(saved.figures.updatedAt), who ?? turn.t.compliance.form.nobody));
  }
  ask(turn, unit, form);
}

function firstUntouched(form: UnitFiguresForm): boolean {
  return form.index === 0 && !form.editing && form.previousIsLastMonth && Object.keys(form.values).length === 0;
}

/** Shows the current question (or the summary) and stores the state. */
function ask(turn: Turn, unit: ReportingUnit, form: UnitFiguresForm, problem?: string): void {
  turn.state = { step: "unit_figures", form };
  const list = unit.fields;
  if (form.index >= list.length) return summary(turn, unit, form);
  const field = list[form.index]!;
  const lines: string[] = [];
  if (problem) lines.push(problem);
  lines.push(turn.t.compliance.form.question(form.index + 1, list.length, field.group, field.question));
  const previous = form.previous[field.id];
  if (previous !== undefined) lines.push(turn.t.compliance.form.previousHint(show(turn.t, field, previous), form.previousIsLastMonth));
  if (firstUntouched(form)) lines.push(turn.t.compliance.form.lastMonthAvailable);
  const rows: Choice[][] = [];
  if (field.kind === "yesno") rows.push([{ label: turn.t.compliance.buttons.yes, data: figures.pack("yes") }, { label: turn.t.compliance.buttons.no, data: figures.pack("no") }]);
  const extra: Choice[] = [];
  if (previous !== undefined) extra.push({ label: turn.t.compliance.buttons.keep(show(turn.t, field, previous)), data: figures.pack("keep") });
  if (field.kind === "count") extra.push({ label: turn.t.compliance.buttons.zero, data: figures.pack("zero") });
  if (extra.length > 0) rows.push(extra);
  rows.push([{ label: turn.t.compliance.buttons.skip, data: figures.pack("skip") }]);
  if (firstUntouched(form)) rows.push([{ label: turn.t.compliance.buttons.copyLastMonth, data: figures.pack("copy") }]);
  rows.push(nav(turn.t));
  turn.replies.push({ text: lines.join("\n"), choices: rows, ...(field.kind === "count" ? { numericAnswer: true } : {}) });
}

function summaryChoices(t: Messages): Choice[][] {
  return [[{ label: t.compliance.buttons.save, data: figures.pack("save") }], [{ label: t.compliance.buttons.edit, data: figures.pack("edit") }], nav(t)];
}

function summary(turn: Turn, unit: ReportingUnit, form: UnitFiguresForm): void {
  const list = unit.fields;
  form.index = list.length;
  form.editing = false;
  turn.state = { step: "unit_figures", form };
  const lines = [turn.t.compliance.form.summaryTitle(form.month, unit.name)];
  list.forEach((f, i) => lines.push(turn.t.compliance.form.summaryLine(i + 1, f.label, show(turn.t, f, form.values[f.id]))));
  lines.push("");
  const broken = brokenRelations(form.values, list);
  if (broken.length > 0) lines.push(turn.t.compliance.form.summaryBroken(broken.map((f) => f.label)));
  const missing = list.filter((f) => form.values[f.id] === undefined).length;
  if (missing > 0) lines.push(turn.t.units.form.summaryMissing(missing));
  lines.push(turn.t.compliance.form.summaryFooter);
  turn.reply(lines.join("\n"), summaryChoices(turn.t));
}

function advance(turn: Turn, unit: ReportingUnit, form: UnitFiguresForm): void {
  if (form.editing) {
    const broken = brokenRelations(form.values, unit.fields);
    if (broken.length > 0) {
      form.index = unit.fields.indexOf(broken[0]!);
      return ask(turn, unit, form, turn.t.compliance.form.fixFirst(broken[0]!.label));
    }
    return summary(turn, unit, form);
  }
  form.index += 1;
  ask(turn, unit, form);
}

export async function continueUnitFigures(turn: Turn, state: UnitFiguresState, staff: StaffRow): Promise<void> {
  const unit = unitByKind(state.form.unitKind);
  if (!unit) {
    turn.state = IDLE;
    turn.reply(turn.t.compliance.scope.forbidden);
    return;
  }
  const { content } = turn.incoming;
  const data = content.kind === "choice" ? content.data : null;
  const choice = figures.parse(data);
  const text = content.kind === "text" ? content.text : null;
  const form = { ...state.form, values: { ...state.form.values } };
  const list = unit.fields;

  if (form.index >= list.length) {
    if (form.picking) {
      const n = text !== null && /^\s*\d{1,3}\s*$/.test(text) ? Number(text) : NaN;
      if (!(n >= 1 && n <= list.length)) {
        turn.state = { step: "unit_figures", form };
        turn.reply(turn.t.compliance.form.pickBad(list.length), [nav(turn.t)]);
        return;
      }
      form.picking = false;
      form.editing = true;
      form.index = n - 1;
      return ask(turn, unit, form);
    }
    if (choice === "edit") {
      form.picking = true;
      turn.state = { step: "unit_figures", form };
      turn.reply(turn.t.compliance.form.pickItem(list.length), [nav(turn.t)]);
      return;
    }
    if (choice === "save") return save(turn, staff, unit, form);
    turn.state = { step: "unit_figures", form };
    turn.reply(turn.t.compliance.form.useInput, summaryChoices(turn.t));
    return;
  }

  const field = list[form.index]!;
  if (choice === "copy") {
    form.values = Object.fromEntries(Object.entries(form.previous).filter(([k]) => list.some((f) => f.id === k)));
    return summary(turn, unit, form);
  }
  if (choice === "skip") {
    delete form.values[field.id];
    return advance(turn, unit, form);
  }
  let value: number | null = null;
  if (choice === "keep" && form.previous[field.id] !== undefined) value = form.previous[field.id]!;
  else if (choice === "yes" && field.kind === "yesno") value = 1;
  else if (choice === "no" && field.kind === "yesno") value = 0;
  else if (choice === "zero" && field.kind === "count") value = 0;
  else if (text !== null) {
    const parsed = parseFieldInput(field, text.slice(0, 40));
    if (!parsed.ok) return ask(turn, unit, form, problemText(turn.t, parsed.problem, field));
    value = parsed.value;
  }
  if (value === null) return ask(turn, unit, form, turn.t.compliance.form.useInput);
  const relation = checkRelation(field, value, form.values, list);
  if (relation) return ask(turn, unit, form, problemText(turn.t, relation, field));
  form.values[field.id] = value;
  advance(turn, unit, form);
}

/** "Back": the previous question; from an item edited out of the summary, the summary; from the first, out. */
export function unitFiguresBack(turn: Turn, state: UnitFiguresState): void {
  const unit = unitByKind(state.form.unitKind);
  const form = { ...state.form };
  if (!unit || (form.index === 0 && !form.editing && !form.picking)) {
    turn.state = IDLE;
    turn.reply(turn.t.compliance.form.cancelled);
    return;
  }
  if (form.picking) {
    form.picking = false;
    return summary(turn, unit, form);
  }
  if (form.editing) return summary(turn, unit, form);
  form.index -= 1;
  ask(turn, unit, form);
}

async function save(turn: Turn, staff: StaffRow, unit: ReportingUnit, form: UnitFiguresForm): Promise<void> {
  const broken = brokenRelations(form.values, unit.fields);
  if (broken.length > 0) {
    form.editing = true;
    form.index = unit.fields.indexOf(broken[0]!);
    return ask(turn, unit, form, turn.t.compliance.form.fixFirst(broken[0]!.label));
  }
  // Scope again at the moment of saving (the domain checks it): the member may have been revoked.
  const result = await saveUnitFigures(turn.deps.db, staff, { communeId: form.communeId, unitKind: unit.kind, month: form.month, values: form.values, basedOnVersion: form.basedOn, now: turn.now() });
  turn.state = IDLE;
  if (!result.ok && result.reason === "not_found") {
    turn.reply(turn.t.compliance.scope.forbidden);
    return;
  }
  if (!result.ok) {
    turn.reply(turn.t.units.form.conflict);
    return;
  }
  turn.deps.log.info("unit_figures.saved", { communeId: form.communeId, unitKind: unit.kind, month: form.month, version: result.version, staffId: staff.id });
  turn.reply(turn.t.units.form.saved(form.month, unit.name, result.version));
}
