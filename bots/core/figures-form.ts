// /capnhat: the guided monthly figures form for one village. A question per figure with the
// previous value to keep, a way back at every step, a numbered summary before saving; every save
// is a revision (who, when). Only aggregate counts, never names.
import { addMonths, formatDateTimeVN, type MonthKey, monthOf, parseMonthArg } from "../../src/util/vietnam-time.js";
import { placeExamples, unknownCodeText } from "./stats.js";
import { can } from "../../src/staff/roles.js";
import { FIGURE_FIELDS, brokenRelations, carriedFields, checkRelation, fieldsNamed, parseFieldInput, problemText, type FigureField } from "../../src/compliance/fields.js";
import { dropFigureDraft, findFigureDraft, saveFigureDraft } from "../../src/compliance/figure-drafts.js";
import { figuresOf, saveVillageFigures } from "../../src/compliance/service.js";
import { findVillageByCode, findVillageInCommune, findVillageWithCommune, listVillages } from "../../src/places/search.js";
import { findStaffById } from "../../src/staff/find.js";
import type { Choice } from "../../src/messaging/types.js";
import { IDLE } from "./state.js";
import type { FiguresForm, FiguresState } from "./figures-state.js";

import type { StaffRow, Turn } from "./turn.js";
import { figures, figuresVillage, nav as navButton } from "../../src/messaging/buttons.js";
import { MAX_MONTHS_BACK, nav, show } from "./figures-common.js";

const fields = (): FigureField[] => FIGURE_FIELDS;

/** /capnhat [village code] [month] */
export async function startFigures(turn: Turn, staff: StaffRow, args: string): Promise<void> {
  const { db } = turn.deps;
  if (turn.incoming.chat.isGroup) {
    turn.reply(turn.t.compliance.scope.groupRefused);
    return;
  }
  const current = monthOf(turn.now());
  let month = current;
  let villageCode: string | null = null;
  for (const word of args.split(/\s+/).filter(Boolean)) {
    const m = parseMonthArg(word);
    if (m) month = m;
    else villageCode = word.toUpperCase();
  }
  if (month > current) {
    turn.reply(turn.t.compliance.scope.futureMonth(month));
    return;
  }
  if (month < addMonths(current, -MAX_MONTHS_BACK)) {
    turn.reply(turn.t.compliance.scope.tooOld(month));
    return;
  }
  let villageId = staff.role === "village_head" ? staff.villageId : null;
  if (villageCode) {
    const village = await findVillageByCode(db, villageCode);
    if (!village) {
      turn.reply(await unknownCodeText(turn, staff, villageCode));
      return;
    }
    villageId = village.id;
  }
  if (villageId === null) {
    if (!staff.communeId) {
      turn.reply(staff.role === "admin" ? turn.t.compliance.scope.needVillage((await placeExamples(turn, staff)).villageCode) : turn.t.compliance.scope.forbidden);
      return;
    }
    // Any village of the commune will do to ask "may this person enter figures here at all?".
    if (!can(staff, "figures.write", { communeId: staff.communeId, villageId: 0 })) {
      turn.reply(turn.t.compliance.scope.forbidden);
      return;
    }
    const villages = await listVillages(db, staff.communeId);
    if (villages.length === 0) {
      turn.reply(turn.t.compliance.form.noVillages);
      return;
    }
    const rows: Choice[][] = [];
    for (let i = 0; i < villages.length; i += 2) rows.push(villages.slice(i, i + 2).map((v) => ({ label: v.name, data: figuresVillage.pack(v.id) })));
    rows.push([{ label: turn.t.compliance.buttons.cancel, data: navButton.pack("cancel") }]);
    turn.state = { step: "figures_village", month, communeId: staff.communeId };
    turn.reply(turn.t.compliance.form.chooseVillage(month), rows);
    return;
  }
  await openForm(turn, staff, villageId, month);
}

async function openForm(turn: Turn, staff: StaffRow, villageId: number, month: MonthKey): Promise<void> {
  const { db } = turn.deps;
  const village = await findVillageWithCommune(db, villageId);
  if (!village || !can(staff, "figures.write", { communeId: village.communeId, villageId: village.id, provinceId: village.commune.provinceId })) {
    turn.state = IDLE;
    turn.reply(turn.t.compliance.scope.forbidden);
    return;
  }
  const saved = await figuresOf(db, village.id, month);
  const last = await figuresOf(db, village.id, addMonths(month, -1));
  const previous = saved?.values ?? last?.values ?? {};
  // Quarterly figures outside a quarter's first month: kept from before, not asked (editable at the summary).
  const carried = carriedFields(month, previous);
  const form: FiguresForm = {
    villageId: village.id,
    villageCode: village.code,
    villageName: village.name,
    communeId: village.communeId,
    month,
    basedOn: saved?.version ?? 0,
    values: Object.fromEntries(carried.map((f) => [f.id, previous[f.id]!])),
    previous,
    previousIsLastMonth: !saved && !!last,
    lastMonth: last?.values ?? {},
    carried: carried.map((f) => f.id),
    index: 0,
  };
  form.index = nextAsked(form, -1);
  turn.reply(turn.t.compliance.form.intro({ month, village: village.name, commune: village.commune.name, questions: askedCount(form) }));
  if (carried.length > 0) turn.reply(turn.t.compliance.form.carried(carried.map((f) => f.label)));
  if (saved) {
    const who = saved.updatedByStaffId ? (await findStaffById(db, saved.updatedByStaffId))?.displayName : null;
    turn.reply(turn.t.compliance.form.correcting(saved.version, formatDateTimeVN(saved.updatedAt), who ?? (saved.source === "csv" ? turn.t.compliance.form.importedBy : turn.t.compliance.form.nobody)));
  }
  const key = { staffId: staff.id, villageId: village.id, month };
  const draft = await findFigureDraft(db, key);
  if (draft && draft.basedOn !== form.basedOn) {
    // Figures were saved since the draft began: its numbers would overwrite newer ones unseen.
    await dropFigureDraft(db, key);
    turn.reply(turn.t.compliance.form.draftStale);
  } else if (draft && enteredCount(draft.values, form.carried) > 0) {
    form.draft = { values: draft.values, index: Math.min(draft.index, fields().length) };
    return offerDraft(turn, form, draft.updatedAt);
  }
  ask(turn, form);
}

function offerDraft(turn: Turn, form: FiguresForm, at?: Date): void {
  turn.state = { step: "figures", form };
  const entered = enteredCount(form.draft!.values, form.carried);
  turn.reply(turn.t.compliance.form.draftFound(entered, at ? formatDateTimeVN(at) : null), [
    [{ label: turn.t.compliance.buttons.resume, data: figures.pack("resume") }],
    [{ label: turn.t.compliance.buttons.restart, data: figures.pack("restart") }],
    nav(turn.t),
  ]);
}

/** The next question asked after `index` (carried figures are not asked); the summary when none is left. */
function nextAsked(form: FiguresForm, index: number): number {
  const list = fields();
  let i = index + 1;
  while (i < list.length && form.carried.includes(list[i]!.id)) i++;
  return i;
}

/** The question asked before `index`, or -1 when it is the first. */
function previousAsked(form: FiguresForm, index: number): number {
  const list = fields();
  let i = index - 1;
  while (i >= 0 && form.carried.includes(list[i]!.id)) i--;
  return i;
}

/** Figures the person entered (the quarterly ones carried from before are not theirs). */
const enteredCount = (values: Record<string, number>, carried: string[]) => Object.keys(values).filter((id) => !carried.includes(id)).length;
const askedCount = (form: FiguresForm) => fields().filter((f) => !form.carried.includes(f.id)).length;
/** The question's number among those asked this month. */
const askedNumber = (form: FiguresForm, index: number) => fields().slice(0, index + 1).filter((f) => !form.carried.includes(f.id)).length;
const firstQuestion = (form: FiguresForm) => form.index === nextAsked(form, -1);

/** Shows the current question (or the summary) and stores the state. */
function ask(turn: Turn, form: FiguresForm, problem?: string): void {
  turn.state = { step: "figures", form };
  const list = fields();
  if (form.index >= list.length) return summary(turn, form);
  const field = list[form.index]!;
  const lines: string[] = [];
  if (problem) lines.push(problem);
  lines.push(form.editing ? turn.t.compliance.form.question(form.index + 1, list.length, field.group, field.question) : turn.t.compliance.form.question(askedNumber(form, form.index), askedCount(form), field.group, field.question));
  const previous = form.previous[field.id];
  if (previous !== undefined) lines.push(turn.t.compliance.form.previousHint(show(turn.t, field, previous), form.previousIsLastMonth));
  const untouched = Object.keys(form.values).length === form.carried.length;
  if (firstQuestion(form) && !form.editing && form.previousIsLastMonth && untouched) lines.push(turn.t.compliance.form.lastMonthAvailable);
  const rows: Choice[][] = [];
  if (field.kind === "yesno") rows.push([{ label: turn.t.compliance.buttons.yes, data: figures.pack("yes") }, { label: turn.t.compliance.buttons.no, data: figures.pack("no") }]);
  const extra: Choice[] = [];
  if (previous !== undefined) extra.push({ label: turn.t.compliance.buttons.keep(show(turn.t, field, previous)), data: figures.pack("keep") });
  if (field.kind === "count") extra.push({ label: turn.t.compliance.buttons.zero, data: figures.pack("zero") });
  if (extra.length > 0) rows.push(extra);
  rows.push([{ label: turn.t.compliance.buttons.skip, data: figures.pack("skip") }]);
  if (firstQuestion(form) && !form.editing && form.previousIsLastMonth && untouched) rows.push([{ label: turn.t.compliance.buttons.copyLastMonth, data: figures.pack("copy") }]);
  rows.push(nav(turn.t));
  // A count typed as "2" is the answer, not the second choice (Zalo keys these choices by letters).
  turn.replies.push({ text: lines.join("\n"), choices: rows, ...(field.kind === "count" ? { numericAnswer: true } : {}) });
}

function summary(turn: Turn, form: FiguresForm): void {
  const list = fields();
  form.index = list.length;
  form.editing = false;
  turn.state = { step: "figures", form };
  const lines = [turn.t.compliance.form.summaryTitle(form.month, form.villageName)];
  let group = "";
  list.forEach((f, i) => {
    if (f.group !== group) {
      group = f.group;
      lines.push(`— ${group} —`);
    }
    const value = form.values[f.id];
    const before = form.lastMonth[f.id];
    const note = form.carried.includes(f.id) && value === form.previous[f.id] ? turn.t.compliance.form.keptQuarterly : before !== undefined && value !== undefined && value !== before ? turn.t.compliance.form.changedFrom(show(turn.t, f, before)) : "";
    lines.push(turn.t.compliance.form.summaryLine(i + 1, f.label, show(turn.t, f, value)) + note);
  });
  lines.push("");
  if (Object.keys(form.lastMonth).length > 0) {
    const changed = list.filter((f) => form.values[f.id] !== undefined && form.lastMonth[f.id] !== undefined && form.values[f.id] !== form.lastMonth[f.id]).length;
    lines.push(turn.t.compliance.form.changedCount(changed));
  }
  const broken = brokenRelations(form.values);
  if (broken.length > 0) lines.push(turn.t.compliance.form.summaryBroken(broken.map((f) => f.label)));
  const missing = list.filter((f) => form.values[f.id] === undefined).length;
  if (missing > 0) lines.push(turn.t.compliance.form.summaryMissing(missing));
  lines.push(turn.t.compliance.form.summaryFooter);
  turn.reply(lines.join("\n"), [[{ label: turn.t.compliance.buttons.save, data: figures.pack("save") }], [{ label: turn.t.compliance.buttons.edit, data: figures.pack("edit") }], nav(turn.t)]);
}

/** Moves on after an answer: the next question, or back to the summary when editing one item. */
function advance(turn: Turn, form: FiguresForm): void {
  if (form.editing) {
    // A changed total may break an "at most" below it: ask that item next.
    const broken = brokenRelations(form.values);
    if (broken.length > 0) {
      form.index = fields().indexOf(broken[0]!);
      return ask(turn, form, turn.t.compliance.form.fixFirst(broken[0]!.label));
    }
    return summary(turn, form);
  }
  form.index = nextAsked(form, form.index);
  ask(turn, form);
}

/** One answer, then the form as it stands kept as the person's draft (so "Hủy" or a timeout loses nothing). */
export async function continueFigures(turn: Turn, state: FiguresState): Promise<void> {
  await answerFigures(turn, state);
  await keepDraft(turn);
}

async function keepDraft(turn: Turn): Promise<void> {
  const state = turn.state;
  if (state.step !== "figures" || state.form.draft || !turn.staff) return;
  const { form } = state;
  if (enteredCount(form.values, form.carried) === 0) return;
  await saveFigureDraft(turn.deps.db, { staffId: turn.staff.id, villageId: form.villageId, month: form.month }, { basedOn: form.basedOn, values: form.values, index: form.index, now: turn.now() });
}

async function answerFigures(turn: Turn, state: FiguresState): Promise<void> {
  const staff = turn.staff;
  if (!staff) {
    turn.state = IDLE;
    turn.reply(turn.t.compliance.scope.forbidden);
    return;
  }
  const { content } = turn.incoming;
  const data = content.kind === "choice" ? content.data : null;
  const choice = figures.parse(data);
  const text = content.kind === "text" ? content.text : null;

  if (state.step === "figures_village") {
    const id = figuresVillage.parse(data);
    if (id !== null) return openForm(turn, staff, id, state.month);
    if (text) {
      const village = await findVillageInCommune(turn.deps.db, state.communeId, text);
      if (village) return openForm(turn, staff, village.id, state.month);
    }
    turn.reply(turn.t.compliance.form.useInput);
    return;
  }

  const form = { ...state.form, values: { ...state.form.values } };
  const list = fields();

  if (form.draft) {
    if (choice === "resume") {
      form.values = { ...form.draft.values };
      form.index = form.draft.index;
      delete form.draft;
      return ask(turn, form);
    }
    if (choice === "restart") {
      delete form.draft;
      await dropFigureDraft(turn.deps.db, { staffId: staff.id, villageId: form.villageId, month: form.month });
      return ask(turn, form);
    }
    return offerDraft(turn, form);
  }

  if (form.index >= list.length) {
    if (form.picking) {
      let n = text !== null && /^\s*\d{1,3}\s*$/.test(text) ? Number(text) : NaN;
      if (Number.isNaN(n) && text !== null) {
        // By name: "hộ gia đình", "hom thu"…; several matches are listed with their numbers.
        const named = fieldsNamed(text.slice(0, 100));
        if (named.length === 1) n = list.indexOf(named[0]!) + 1;
        else if (named.length > 1) {
          turn.state = { step: "figures", form };
          turn.reply(turn.t.compliance.form.pickSeveral(named.map((f) => turn.t.compliance.form.summaryLine(list.indexOf(f) + 1, f.label, show(turn.t, f, form.values[f.id])))), [nav(turn.t)]);
          return;
        }
      }
      if (!(n >= 1 && n <= list.length)) {
        turn.state = { step: "figures", form };
        turn.reply(turn.t.compliance.form.pickBad(list.length), [nav(turn.t)]);
        return;
      }
      form.picking = false;
      form.editing = true;
      form.index = n - 1;
      return ask(turn, form);
    }
    if (choice === "edit") {
      form.picking = true;
      turn.state = { step: "figures", form };
      turn.reply(turn.t.compliance.form.pickItem(list.length), [nav(turn.t)]);
      return;
    }
    if (choice === "save") return save(turn, staff, form);
    turn.state = { step: "figures", form };
    turn.reply(turn.t.compliance.form.useInput, [[{ label: turn.t.compliance.buttons.save, data: figures.pack("save") }], [{ label: turn.t.compliance.buttons.edit, data: figures.pack("edit") }], nav(turn.t)]);
    return;
  }

  const field = list[form.index]!;
  if (choice === "copy") {
    form.values = { ...form.previous };
    return summary(turn, form);
  }
  if (choice === "skip") {
    delete form.values[field.id];
    return advance(turn, form);
  }
  let value: number | null = null;
  if (choice === "keep" && form.previous[field.id] !== undefined) value = form.previous[field.id]!;
  else if (choice === "yes" && field.kind === "yesno") value = 1;
  else if (choice === "no" && field.kind === "yesno") value = 0;
  else if (choice === "zero" && field.kind === "count") value = 0;
  else if (text !== null) {
    const parsed = parseFieldInput(field, text.slice(0, 40));
    if (!parsed.ok) return ask(turn, form, problemText(turn.t, parsed.problem, field));
    value = parsed.value;
  }
  if (value === null) return ask(turn, form, turn.t.compliance.form.useInput);
  const relation = checkRelation(field, value, form.values);
  if (relation) return ask(turn, form, problemText(turn.t, relation, field));
  form.values[field.id] = value;
  advance(turn, form);
}

/** "Back": the previous question; from an item edited out of the summary, the summary; from the first, out. */
export async function figuresBack(turn: Turn, state: FiguresState): Promise<void> {
  goBack(turn, state);
  await keepDraft(turn);
}

function goBack(turn: Turn, state: FiguresState): void {
  if (state.step === "figures_village") {
    turn.state = IDLE;
    turn.reply(turn.t.compliance.form.cancelled);
    return;
  }
  const form = { ...state.form };
  if (form.picking) {
    form.picking = false;
    return summary(turn, form);
  }
  if (form.editing) return summary(turn, form);
  if (form.draft || firstQuestion(form)) return figuresCancel(turn, state);
  form.index = previousAsked(form, form.index);
  ask(turn, form);
}

/** "Hủy" (or back from the first question): out, saying that what was entered waits as a draft. */
export function figuresCancel(turn: Turn, state: FiguresState): void {
  turn.state = IDLE;
  const entered = state.step === "figures" && !state.form.draft ? enteredCount(state.form.values, state.form.carried) : 0;
  turn.reply(entered > 0 ? turn.t.compliance.form.cancelledDraft(entered) : turn.t.compliance.form.cancelled);
}

async function save(turn: Turn, staff: StaffRow, form: FiguresForm): Promise<void> {
  const { db } = turn.deps;
  const broken = brokenRelations(form.values);
  if (broken.length > 0) {
    form.editing = true;
    form.index = fields().indexOf(broken[0]!);
    return ask(turn, form, turn.t.compliance.form.fixFirst(broken[0]!.label));
  }
  // Scope again at the moment of saving (the domain checks it): the staff member may have been moved or revoked.
  const result = await saveVillageFigures(db, staff, { villageId: form.villageId, month: form.month, values: form.values, basedOnVersion: form.basedOn, now: turn.now() });
  turn.state = IDLE;
  if (!result.ok && result.reason === "forbidden") {
    turn.reply(turn.t.compliance.scope.forbidden);
    return;
  }
  if (!result.ok) {
    turn.reply(turn.t.compliance.form.conflict);
    return;
  }
  await dropFigureDraft(db, { staffId: staff.id, villageId: form.villageId, month: form.month });
  turn.deps.log.info("figures.saved", { villageId: form.villageId, month: form.month, version: result.version, staffId: staff.id });
  turn.reply(turn.t.compliance.form.saved(form.month, form.villageName, result.version, form.villageCode));
}
