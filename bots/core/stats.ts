// Statistics by chat command: /thongke, /tieuchi, /tinbao_tk, /baocao, /bieudo, /xephang.
// Every command resolves what is asked (commune, village, month) and checks role and scope first.
import { formatDateTimeVN, formatDateVN, formatMonthVN, type MonthKey, monthOf, parseMonthArg } from "../../src/util/vietnam-time.js";
import { can, type StaffAction } from "../../src/staff/roles.js";
import { categoryLabel } from "../../src/tips/categories.js";
import { sourceLabel } from "../../src/tips/sources.js";
import { resultLabel } from "../../src/tips/results.js";
import { FIGURE_FIELDS, fieldById } from "../../src/compliance/fields.js";
import { formatNumberVN, formatPercentVN } from "../../src/compliance/month.js";
import type { CriterionResult } from "../../src/compliance/criteria.js";
import {
  communeMonth,
  communeRef,
  communeTrend,
  defaultComplianceDeps,
  provinceRanking,
  tipStatsFor,
  villageRecognition,
  villageResults,
  type CommuneMonth,
  type CommuneRef,
  type ComplianceDeps,
} from "../../src/compliance/service.js";
import { periodReportFiles } from "../../src/reports/files.js";
import { monthPeriod, parsePeriodArg, periodLabel, type ReviewPeriod } from "../../src/compliance/periods.js";
import { rankVillages, VILLAGE_RANKING_RULES } from "../../src/compliance/village-ranking.js";
import { trendChartSvg } from "../../src/reports/chart.js";
import { missingText, recognitionReason, requiredText, valueText } from "../../src/reports/describe.js";
import { storeReportUpload } from "../../src/media/uploads.js";
import type { OutgoingMedia } from "../../src/messaging/types.js";
import { findStaffById } from "../../src/staff/find.js";
import {
  findCommuneByCode,
  findCommuneById,
  findProvinceByCode,
  findVillageByCode,
  findVillageById,
  firstCommune,
  getProvince,
  listProvinces,
  listVillages,
} from "../../src/places/search.js";
import type { StaffRow, Turn } from "./turn.js";
import { communeUnitsAs, unitFiguresAs, type UnitMonth } from "../../src/compliance/unit-figures.js";
import { unitByKind } from "../../src/compliance/units.js";
import { unitMonthArg } from "./unit-figures-form.js";
import type { Messages } from "../../src/i18n/messages.js";

export function complianceOf(turn: Turn): ComplianceDeps {
  return turn.deps.compliance ?? defaultComplianceDeps();
}

interface Target {
  commune: CommuneRef;
  village: { id: number; code: string; name: string } | null;
  month: MonthKey;
  /** A quarter, six months, a year or a campaign, where the command takes one (/baocao). */
  period: ReviewPeriod | null;
}

/**
 * Codes for examples in error messages: the person's own commune and villages; for an admin with
 * none, the first commune of their province (or of the system). Never the demo's by name.
 */
export async function placeExamples(turn: Turn, staff: StaffRow): Promise<{ communeCode: string; communeName: string; villageCode: string; villages: { code: string; name: string }[] }> {
  const { db } = turn.deps;
  let communeId = staff.communeId;
  if (communeId === null && staff.villageId) communeId = (await findVillageById(db, staff.villageId))?.communeId ?? null;
  const commune = communeId !== null
    ? await findCommuneById(db, communeId)
    : await firstCommune(db, staff.provinceId ?? null);
  const villages = commune ? (await listVillages(db, commune.id)).map((v) => ({ code: v.code, name: v.name })) : [];
  return { communeCode: commune?.code ?? "MAXA", communeName: commune?.name ?? "", villageCode: villages[0]?.code ?? "MA-THON", villages };
}

/** "Không có thôn nào mã X": the codes of the person's commune, or the general hint when they have none. */
export async function unknownCodeText(turn: Turn, staff: StaffRow, word: string): Promise<string> {
  const ex = await placeExamples(turn, staff);
  const own = staff.communeId !== null || staff.villageId !== null;
  if (!own || !/^[A-Z0-9-]{2,16}$/.test(word.toUpperCase()) || !/\d/.test(word)) return turn.t.compliance.scope.unknownWord(word, ex.villageCode, ex.communeCode);
  const list = ex.villages.slice(0, 30).map((v) => turn.t.compliance.scope.villageCodeLine(v.code, v.name)).join(", ");
  return turn.t.compliance.scope.unknownVillageCode(word.toUpperCase(), ex.communeName, list);
}

/**
 * Reads "[commune code] [village code] [month]" in any order. A village head is held to their
 * village; commune staff to their commune; admins name a commune within their scope.
 */
async function resolveTarget(turn: Turn, staff: StaffRow, args: string, command: string, villageAction: StaffAction, communeAction: StaffAction, takesPeriod = false): Promise<Target | null> {
  const { db } = turn.deps;
  if (turn.incoming.chat.isGroup) {
    turn.reply(turn.t.compliance.scope.groupRefused);
    return null;
  }
  const current = monthOf(turn.now());
  let month = current;
  let communeId: number | null = null;
  let village: Target["village"] = null;
  let villageCommuneId: number | null = null;
  let period: ReviewPeriod | null = null;
  for (const word of args.split(/\s+/).filter(Boolean).slice(0, 4)) {
    const m = parseMonthArg(word);
    if (m) {
      month = m;
      continue;
    }
    const code = word.toUpperCase().slice(0, 20);
    if (/^[A-Z0-9-]{2,16}$/.test(code)) {
      const v = await findVillageByCode(db, code);
      if (v) {
        village = { id: v.id, code: v.code, name: v.name };
        villageCommuneId = v.communeId;
        continue;
      }
      const c = await findCommuneByCode(db, code);
      if (c) {
        communeId = c.id;
        continue;
      }
    }
    const p = parsePeriodArg(word.slice(0, 40), turn.now(), complianceOf(turn).reportDueDay);
    if (p) {
      if (!takesPeriod) {
        turn.reply(turn.t.compliance.period.notHere);
        return null;
      }
      period = p;
      continue;
    }
    turn.reply(await unknownCodeText(turn, staff, word.slice(0, 40)));
    return null;
  }
  if (month > current) {
    turn.reply(turn.t.compliance.scope.futureMonth(month));
    return null;
  }
  if (period && period.start > turn.now()) {
    turn.reply(turn.t.compliance.period.future(periodLabel(turn.t.compliance.period, period)));
    return null;
  }
  if (communeId !== null && villageCommuneId !== null && communeId !== villageCommuneId) {
    turn.reply(turn.t.compliance.scope.villageNotInCommune(village!.code));
    return null;
  }
  const communeNamed = communeId !== null;
  communeId ??= villageCommuneId ?? staff.communeId;
  if (staff.role === "village_head" && !village && !communeNamed && staff.villageId) {
    const own = await findVillageById(db, staff.villageId);
    if (own) village = { id: own.id, code: own.code, name: own.name };
  }
  if (communeId === null) {
    turn.reply(turn.t.compliance.scope.needCommune(command, (await placeExamples(turn, staff)).communeCode));
    return null;
  }
  const commune = await communeRef(db, communeId);
  if (!commune) {
    turn.reply(turn.t.compliance.scope.forbidden);
    return null;
  }
  const target = { communeId: commune.id, provinceId: commune.provinceId, villageId: village?.id };
  if (!can(staff, village ? villageAction : communeAction, target)) {
    turn.reply(turn.t.compliance.scope.forbidden);
    return null;
  }
  return { commune, village, month, period };
}

function sumOf(cm: CommuneMonth, field: string): { value: number; complete: boolean } {
  let value = 0;
  let complete = true;
  for (const v of cm.villages) {
    const x = v.figures?.values[field];
    if (x === undefined) complete = false;
    else value += x;
  }
  return { value, complete };
}

function shown(t: Messages, s: { value: number; complete: boolean }): string {
  return s.complete ? formatNumberVN(s.value) : t.compliance.summary.partial(formatNumberVN(s.value));
}

const KEY_FIGURES: Array<[string, string?]> = [
  ["households_committed", "households"],
  ["addicts_total"],
  ["addicts_in_community", "addicts_total"],
  ["addicts_with_file", "addicts_total"],
  ["addicts_in_treatment", "addicts_total"],
  ["illegal_users_total"],
  ["psychosis_total"],
  ["after_rehab_total"],
  ["hot_spots"],
  ["cultivation_found"],
  ["offenders_handled", "offenders_found"],
  ["anti_drug_models"],
];

/** /thongke [village] [month]; a reporting unit's member: /thongke [month], their unit's month. */
export async function showSummary(turn: Turn, staff: StaffRow, args: string): Promise<void> {
  if (staff.role === "reporting_unit") return unitSummary(turn, staff, args);
  const target = await resolveTarget(turn, staff, args, "thongke", "stats.village", "stats.read");
  if (!target) return;
  const { db } = turn.deps;
  const deps = complianceOf(turn);
  const cm = await communeMonth(db, deps, target.commune, target.month);
  if (target.village) return villageSummary(turn, deps, cm, target.village.id);
  const lines = [turn.t.compliance.summary.title(target.month, target.commune.name)];
  const reported = cm.villages.filter((v) => v.figures);
  lines.push(turn.t.compliance.summary.reported(reported.length, cm.villages.length));
  const notReported = cm.villages.filter((v) => !v.figures).map((v) => v.name);
  if (notReported.length > 0) lines.push(turn.t.compliance.summary.notReported(notReported.slice(0, 10).join(", ") + (notReported.length > 10 ? `, ${turn.t.compliance.criteria.moreVillages(notReported.length - 10)}` : "")));
  lines.push(turn.t.compliance.summary.criteria(cm.counts.met, cm.counts.not_met, cm.counts.unknown));
  lines.push("", turn.t.compliance.summary.keyFigures);
  for (const [field, of] of KEY_FIGURES) {
    const label = fieldById(field)?.label ?? field;
    const s = sumOf(cm, field);
    if (of) {
      const total = sumOf(cm, of);
      const pct = total.value > 0 ? formatPercentVN(s.value / total.value) : "—";
      lines.push(turn.t.compliance.summary.line(label, s.complete && total.complete ? turn.t.compliance.summary.ofTotal(formatNumberVN(s.value), formatNumberVN(total.value), pct) : turn.t.compliance.summary.partial(`${formatNumberVN(s.value)}/${formatNumberVN(total.value)}`)));
    } else lines.push(turn.t.compliance.summary.line(label, shown(turn.t, s)));
  }
  const reached = cm.villages.filter((v) => (v.figures?.values.propaganda_sessions ?? 0) >= 1 || (v.coverage?.confirmedBroadcast ?? 0) >= 1).length;
  lines.push(`• ${turn.t.compliance.summary.reached(reached, cm.villages.length)}`);
  // Villages whose figures say no session and whose bulletins are not confirmed (or unknown).
  const silent = cm.villages.filter((v) => v.figures && (v.figures.values.propaganda_sessions ?? 0) === 0 && (v.coverage?.confirmedBroadcast ?? 0) === 0).map((v) => v.name);
  if (silent.length > 0) lines.push(turn.t.compliance.summary.notReached(silent.slice(0, 10).join(", ") + (silent.length > 10 ? `, ${turn.t.compliance.criteria.moreVillages(silent.length - 10)}` : "")));
  if (cm.coverageKnown) {
    const delivered = cm.villages.reduce((s, v) => s + (v.coverage?.slotsDelivered ?? 0), 0);
    const confirmed = cm.villages.reduce((s, v) => s + (v.coverage?.confirmedBroadcast ?? 0), 0);
    lines.push(turn.t.compliance.summary.broadcasts(confirmed, delivered));
    // "2/2 đã phát" counts only the bulletins a village head received: name the villages with none to receive them.
    const headless = cm.villages.filter((v) => (v.coverage?.noHead ?? 0) > 0 && (v.coverage?.slotsDelivered ?? 0) === 0).map((v) => v.name);
    if (headless.length > 0) lines.push(turn.t.compliance.summary.noHead(headless.length, cm.villages.length, headless.slice(0, 10).join(", ") + (headless.length > 10 ? `, ${turn.t.compliance.criteria.moreVillages(headless.length - 10)}` : "")));
  } else lines.push(turn.t.compliance.summary.noBroadcastData);
  const units = await communeUnitsAs(db, staff, target.commune.id, [target.month]);
  if (units.ok) lines.push("", ...unitLines(turn.t, units.units));
  if (can(staff, "tipstats.read", { communeId: target.commune.id, provinceId: target.commune.provinceId })) {
    const tips = await tipStatsFor(db, target.commune.id, target.month, turn.now());
    lines.push("", turn.t.compliance.summary.tips(tips.total, tips.open));
  }
  turn.reply(lines.join("\n"));
}

/** The units' part of a commune's /thongke: how many sent their month, which did not, each one's figures. */
function unitLines(t: Messages, units: UnitMonth[]): string[] {
  const w = t.units.summary;
  const done = units.filter((u) => u.figures);
  const missing = units.filter((u) => !u.figures).map((u) => u.unit.name);
  const lines = [w.heading, w.reported(done.length, units.length), missing.length > 0 ? w.notReported(missing.join(", ")) : w.allReported];
  for (const u of done) lines.push(w.unitLine(u.unit.name, u.unit.fields.map((f) => w.figure(f.label, formatUnitValue(t, u.figures!.values[f.id]))).join("; ")));
  return lines;
}

function formatUnitValue(t: Messages, value: number | undefined): string {
  return value === undefined ? t.compliance.form.missingValue : formatNumberVN(value);
}

/** A reporting unit's member's /thongke: their own unit's month, with who entered it and when. */
async function unitSummary(turn: Turn, staff: StaffRow, args: string): Promise<void> {
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
  const { db } = turn.deps;
  const read = await unitFiguresAs(db, staff, staff.communeId, unit.kind, month);
  const commune = await findCommuneById(db, staff.communeId);
  if (!read.ok || !commune) {
    turn.reply(turn.t.compliance.scope.forbidden);
    return;
  }
  const lines = [turn.t.units.summary.unitTitle(month, unit.name, commune.name)];
  if (!read.figures) lines.push(turn.t.units.summary.nothing(month));
  else {
    const who = read.figures.updatedByStaffId ? (await findStaffById(db, read.figures.updatedByStaffId))?.displayName : null;
    lines.push(turn.t.compliance.summary.updated(read.figures.version, formatDateTimeVN(read.figures.updatedAt), who ?? turn.t.compliance.form.nobody));
    for (const f of unit.fields) lines.push(turn.t.compliance.summary.line(f.label, formatUnitValue(turn.t, read.figures.values[f.id])));
  }
  turn.reply(lines.join("\n"));
}

async function villageSummary(turn: Turn, deps: ComplianceDeps, cm: CommuneMonth, villageId: number): Promise<void> {
  const v = cm.villages.find((x) => x.id === villageId)!;
  const lines = [turn.t.compliance.summary.villageTitle(cm.month, v.name, cm.commune.name)];
  if (!v.figures) {
    lines.push(turn.t.compliance.summary.nothing(cm.month));
    turn.reply(lines.join("\n"));
    return;
  }
  const who = v.figures.updatedByStaffId ? (await findStaffById(turn.deps.db, v.figures.updatedByStaffId))?.displayName : null;
  lines.push(turn.t.compliance.summary.updated(v.figures.version, formatDateTimeVN(v.figures.updatedAt), who ?? (v.figures.source === "csv" ? turn.t.compliance.form.importedBy : turn.t.compliance.form.nobody)));
  for (const f of FIGURE_FIELDS) {
    const value = v.figures.values[f.id];
    lines.push(turn.t.compliance.summary.line(f.label, value === undefined ? turn.t.compliance.form.missingValue : f.kind === "yesno" ? (value ? turn.t.compliance.form.yes : turn.t.compliance.form.no) : formatNumberVN(value)));
  }
  const results = villageResults(deps, cm, villageId);
  const met = results.filter((r) => r.status === "met").length;
  const notMet = results.filter((r) => r.status === "not_met").length;
  lines.push("", turn.t.compliance.summary.criteria(met, notMet, results.length - met - notMet));
  turn.reply(lines.join("\n"));
}

function criterionLines(t: Messages, results: CriterionResult[]): string[] {
  const lines: string[] = [];
  for (const r of results) {
    const icon = t.compliance.status[r.status]!;
    if (r.status === "unknown") {
      lines.push(t.compliance.criteria.lineUnknown(icon, r.text, requiredText(r)));
      lines.push(t.compliance.criteria.missing(missingText(r), ""));
    } else {
      lines.push(t.compliance.criteria.line(icon, r.text, valueText(r), requiredText(r)));
      if (r.missing.length > 0) lines.push(t.compliance.criteria.stillMissing(missingText(r)));
    }
    lines.push(t.compliance.criteria.source(r.source));
  }
  return lines;
}

/** /tieuchi [month] */
export async function showCriteria(turn: Turn, staff: StaffRow, args: string): Promise<void> {
  const target = await resolveTarget(turn, staff, args, "tieuchi", "stats.village", "stats.read");
  if (!target) return;
  const deps = complianceOf(turn);
  const cm = await communeMonth(turn.deps.db, deps, target.commune, target.month);
  if (target.village) {
    const results = villageResults(deps, cm, target.village.id);
    const communeOnly = cm.results.length - results.length;
    turn.reply([turn.t.compliance.criteria.villageTitle(target.month, target.village.name), ...criterionLines(turn.t, results), ...(communeOnly > 0 ? [turn.t.compliance.criteria.communeOnly(communeOnly)] : [])].join("\n"));
    return;
  }
  const review = villageRecognition(deps, cm);
  const villagesLine = review && review.villages.length > 0 ? ["", turn.t.compliance.recognition.inCriteria(review.villages.filter((v) => v.status === "qualifies").length, review.villages.length)] : [];
  turn.reply([turn.t.compliance.criteria.title(target.month, target.commune.name, cm.criteriaSetName), turn.t.compliance.criteria.counts(cm.counts.met, cm.counts.not_met, cm.counts.unknown), "", ...criterionLines(turn.t, cm.results), ...villagesLine].join("\n"));
}

/** /congnhan [commune] [village] [month]: the villages against the "thôn, khu phố không ma túy" set. */
export async function showRecognition(turn: Turn, staff: StaffRow, args: string): Promise<void> {
  const target = await resolveTarget(turn, staff, args, "congnhan", "stats.village", "stats.read");
  if (!target) return;
  const t = turn.t.compliance.recognition;
  const deps = complianceOf(turn);
  const cm = await communeMonth(turn.deps.db, deps, target.commune, target.month);
  const review = villageRecognition(deps, cm);
  if (!review) {
    turn.reply(t.noSet);
    return;
  }
  if (target.village) {
    const v = review.villages.find((x) => x.villageId === target.village!.id)!;
    const head = v.status === "qualifies" ? t.villageQualifies : v.status === "fails" ? t.villageFails(v.results.filter((r) => r.status === "not_met").length) : t.villageUnknown;
    const shownResults = v.status === "fails" ? v.results.filter((r) => r.status === "not_met") : v.status === "unknown" ? v.results.filter((r) => r.status !== "met") : [];
    turn.reply([t.villageTitle(target.month, v.name, review.setName), head, ...criterionLines(turn.t, shownResults)].join("\n"));
    return;
  }
  if (review.villages.length === 0) {
    turn.reply(t.noVillages);
    return;
  }
  const MAX = 15;
  const of = (status: string) => review.villages.filter((v) => v.status === status);
  const qualifies = of("qualifies");
  const lines = [t.title(target.month, target.commune.name, review.setName), "", t.qualifies(qualifies.length, review.villages.length)];
  if (qualifies.length > 0) lines.push(t.names(qualifies.map((v) => v.name).join(", ")));
  for (const [status, heading] of [["fails", t.fails], ["unknown", t.unknown]] as const) {
    const list = of(status);
    if (list.length === 0) continue;
    lines.push("", heading(list.length));
    for (const v of list.slice(0, MAX)) lines.push((status === "fails" ? t.failing : t.waiting)(v.name, recognitionReason(v)));
    if (list.length > MAX) lines.push(t.more(list.length - MAX));
  }
  lines.push("", t.detail(review.villages.find((v) => v.status !== "qualifies")?.code ?? review.villages[0]!.code));
  turn.reply(lines.join("\n"));
}

/** /tinbao_tk [month]: counts and times, never tip contents. */
export async function showTipStats(turn: Turn, staff: StaffRow, args: string): Promise<void> {
  if (staff.role === "village_head") {
    turn.reply(turn.t.compliance.scope.villageHeadTips);
    return;
  }
  const target = await resolveTarget(turn, staff, args, "tinbao_tk", "tipstats.read", "tipstats.read");
  if (!target) return;
  const { db } = turn.deps;
  const stats = await tipStatsFor(db, target.commune.id, target.month, turn.now());
  const lines = [turn.t.compliance.tips.title(target.month, target.commune.name)];
  if (stats.total === 0) {
    lines.push(turn.t.compliance.tips.none);
    turn.reply(lines.join("\n"));
    return;
  }
  const villages = await listVillages(db, target.commune.id);
  const names = new Map(villages.map((v) => [v.id, v.name]));
  lines.push(turn.t.compliance.tips.total(stats.total, stats.open, stats.closed), "", turn.t.compliance.tips.byStatus);
  for (const status of ["new", "taken", "verifying", "done", "unfounded"]) if (stats.byStatus[status]) lines.push(turn.t.compliance.tips.item(turn.t.citizen.status[status] ?? status, stats.byStatus[status]!));
  lines.push("", turn.t.compliance.tips.byCategory);
  for (const c of stats.byCategory) lines.push(turn.t.compliance.tips.item(categoryLabel(c.category), c.count));
  lines.push("", turn.t.compliance.tips.byVillage);
  for (const v of stats.byVillage) lines.push(turn.t.compliance.tips.item(v.villageId === null ? turn.t.compliance.tips.unknownVillage : (names.get(v.villageId) ?? String(v.villageId)), v.count));
  lines.push("", turn.t.intake.stats.bySource);
  for (const s of stats.bySource) lines.push(turn.t.compliance.tips.item(sourceLabel(s.source), s.count));
  if (stats.byResult.length > 0) {
    lines.push("", turn.t.compliance.tips.byResult);
    for (const r of stats.byResult) lines.push(turn.t.compliance.tips.item(resultLabel(r.result), r.count));
  }
  lines.push("", turn.t.compliance.tips.medianTake(stats.medianTakeMinutes), turn.t.compliance.tips.medianClose(stats.medianCloseMinutes), turn.t.compliance.tips.overdue(stats.overdue));
  turn.reply(lines.join("\n"));
}

/** Stores a server-made file for the chat to send, with a row for scope checks and clean-up. */
async function storeFile(turn: Turn, staff: StaffRow, target: Target, kind: string, mime: string, bytes: Uint8Array): Promise<StoredReport> {
  return storeReportUpload(turn.deps.db, {
    mime,
    bytes,
    now: turn.now(),
    communeId: target.commune.id,
    provinceId: target.commune.provinceId,
    month: target.month,
    kind,
    staffId: staff.id,
  });
}

type StoredReport = { publicId: string; reportFileId: number };

function fileMedia(turn: Turn, kind: OutgoingMedia["kind"], file: StoredReport, fileName: string): OutgoingMedia {
  return { kind, channel: turn.incoming.channel, webUploadId: file.publicId, webLink: { reportFileId: file.reportFileId }, fileName };
}

/** /baocao [month]: the monthly report as files. */
export async function sendReport(turn: Turn, staff: StaffRow, args: string): Promise<void> {
  if (staff.role === "village_head") {
    turn.reply(turn.t.compliance.scope.forbidden);
    return;
  }
  const target = await resolveTarget(turn, staff, args, "baocao", "report.read", "report.read", true);
  if (!target) return;
  const { db } = turn.deps;
  const deps = complianceOf(turn);
  const period = target.period ?? monthPeriod(target.month, deps.reportDueDay);
  turn.reply(turn.t.compliance.report.working(periodLabel(turn.t.compliance.period, period)));
  const files = await periodReportFiles(db, deps, target.commune, period, turn.now());
  const { label, stem } = files;
  turn.reply(turn.t.compliance.report.ready(label, target.commune.name, formatDateVN(files.dueDate)));
  const chartCaption = period.kind === "month" ? turn.t.compliance.report.chartCaption(target.month) : turn.t.compliance.report.periodChartCaption(label);
  if (files.xlsx && files.png) {
    const xlsxId = await storeFile(turn, staff, target, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", files.xlsx);
    turn.replies.push({ text: turn.t.compliance.report.xlsxCaption(label), media: fileMedia(turn, "document", xlsxId, `${stem}.xlsx`) });
    const htmlId = await storeFile(turn, staff, target, "html", "text/html; charset=utf-8", files.html);
    turn.replies.push({ text: turn.t.compliance.report.htmlCaption(label), media: fileMedia(turn, "document", htmlId, `${stem}.html`) });
    const pngId = await storeFile(turn, staff, target, "png", "image/png", files.png);
    turn.replies.push({ text: chartCaption, media: fileMedia(turn, "photo", pngId, `${stem}.png`) });
  } else {
    const htmlId = await storeFile(turn, staff, target, "html", "text/html; charset=utf-8", files.html);
    turn.replies.push({ text: turn.t.compliance.report.htmlCaption(label), media: fileMedia(turn, "document", htmlId, `${stem}.html`) });
    turn.reply(turn.t.compliance.report.htmlOnly);
  }
  turn.deps.log.info("report.made", { communeId: target.commune.id, month: target.month, period: period.key, staffId: staff.id });
}

/** /bieudo [month]: the 6-month chart alone. */
export async function sendChart(turn: Turn, staff: StaffRow, args: string): Promise<void> {
  const target = await resolveTarget(turn, staff, args, "bieudo", "stats.read", "stats.read");
  if (!target) return;
  if (target.village) {
    turn.reply(turn.t.compliance.scope.forbidden);
    return;
  }
  const deps = complianceOf(turn);
  const trend = await communeTrend(turn.deps.db, deps, target.commune, target.month, 6);
  const svg = trendChartSvg(trend, `${turn.t.compliance.report.chartTitle} — ${turn.t.data.commune(target.commune.name)}`);
  if (!deps.renderers) {
    const lines = [turn.t.compliance.report.chartUnavailable, ...trend.map((p) => !p.recorded ? `${formatMonthVN(p.month)}: ${turn.t.compliance.report.notRecorded}` : `${formatMonthVN(p.month)}: ${turn.t.compliance.report.colTips} ${p.tips} · ${turn.t.compliance.report.colReached} ${p.villagesReached}/${p.villages} · ${turn.t.compliance.report.colCriteriaMet} ${p.criteriaMet}/${p.criteriaTotal}`)];
    turn.reply(lines.join("\n"));
    return;
  }
  const png = await deps.renderers.png(svg);
  const id = await storeFile(turn, staff, target, "png", "image/png", png);
  turn.replies.push({ text: turn.t.compliance.chart.caption(target.month, target.commune.name), media: fileMedia(turn, "photo", id, `${turn.t.compliance.report.fileStem(target.commune.code, target.month)}.png`) });
}

/** /xephang [province code] [month]: communes of a province ranked by criteria met (province and national admins). */
export async function showRanking(turn: Turn, staff: StaffRow, args: string): Promise<void> {
  const { db } = turn.deps;
  if (turn.incoming.chat.isGroup) {
    turn.reply(turn.t.compliance.scope.groupRefused);
    return;
  }
  const words = args.split(/\s+/).filter(Boolean).slice(0, 3);
  // A commune named, or commune staff naming no province: the commune's villages.
  const named = await Promise.all(words.map(async (w) => ({ commune: await findCommuneByCode(db, w.toUpperCase().slice(0, 20)), province: await findProvinceByCode(db, w.toUpperCase().slice(0, 20)) })));
  if (named.some((n) => n.commune) || (staff.communeId !== null && !named.some((n) => n.province))) {
    await showVillageRanking(turn, staff, args);
    return;
  }
  let month = monthOf(turn.now());
  let provinceId = staff.provinceId ?? null;
  for (const word of words) {
    const m = parseMonthArg(word);
    if (m) {
      month = m;
      continue;
    }
    const province = await findProvinceByCode(db, word.toUpperCase().slice(0, 20));
    if (!province) {
      turn.reply(turn.t.compliance.scope.unknownProvince(word.slice(0, 20)));
      return;
    }
    provinceId = province.id;
  }
  if (month > monthOf(turn.now())) {
    turn.reply(turn.t.compliance.scope.futureMonth(month));
    return;
  }
  if (provinceId === null) {
    if (can(staff, "ranking.read", { provinceId: -1 })) {
      const provinces = await listProvinces(db, 40);
      turn.reply([turn.t.compliance.scope.needProvince, turn.t.compliance.ranking.provinces, provinces.map((p) => `${p.code} — ${p.name}`).join("\n")].join("\n"));
    } else turn.reply(turn.t.compliance.scope.forbidden);
    return;
  }
  if (!can(staff, "ranking.read", { provinceId })) {
    turn.reply(turn.t.compliance.scope.forbidden);
    return;
  }
  const province = await getProvince(db, provinceId);
  const ranking = await provinceRanking(db, complianceOf(turn), province, month);
  if (ranking.length === 0) {
    turn.reply(turn.t.compliance.ranking.none);
    return;
  }
  const shownRows = ranking.slice(0, 30);
  const lines = [turn.t.compliance.ranking.title(province.name, month, ranking.length)];
  shownRows.forEach((r, i) => lines.push(turn.t.compliance.ranking.line(i + 1, r.commune.name, r.met, r.total, r.unknown, r.villagesReported, r.villages)));
  if (ranking.length > shownRows.length) lines.push(turn.t.compliance.ranking.more(ranking.length - shownRows.length));
  turn.reply(lines.join("\n"));
}

/** /xephang for a commune: its villages ranked, with the praise and criticism lists the plans use. */
async function showVillageRanking(turn: Turn, staff: StaffRow, args: string): Promise<void> {
  const target = await resolveTarget(turn, staff, args, "xephang", "stats.read", "stats.read");
  if (!target) return;
  const t = turn.t.compliance.ranking;
  if (target.village) {
    turn.reply(turn.t.compliance.scope.forbidden);
    return;
  }
  const deps = complianceOf(turn);
  const cm = await communeMonth(turn.deps.db, deps, target.commune, target.month);
  const review = villageRecognition(deps, cm);
  if (!review || review.villages.length === 0) {
    turn.reply(review ? turn.t.compliance.recognition.noVillages : turn.t.compliance.recognition.noSet);
    return;
  }
  const rows = rankVillages(review.villages, cm.villages);
  const reported = new Map(review.villages.map((v) => [v.villageId, v.reported]));
  const lines = [t.villagesTitle(target.commune.name, target.month)];
  for (const r of rows.slice(0, 40)) lines.push(t.villageLine(r.rank, r.name, r.met, r.total, r.notMet, r.total - r.met - r.notMet, r.reach, reported.get(r.villageId) ?? false));
  if (rows.length > 40) lines.push(turn.t.compliance.recognition.more(rows.length - 40));
  const praised = rows.filter((r) => r.praise);
  lines.push("", praised.length > 0 ? t.praise(praised.map((r) => r.name).join(", ")) : t.noPraise);
  const criticised = rows.filter((r) => r.criticism.length > 0);
  if (criticised.length === 0) lines.push(t.noCriticism);
  else {
    const criterionText = new Map(review.villages[0]!.results.map((c) => [c.id, c.text]));
    lines.push(t.criticism);
    for (const r of criticised) {
      const reasons = r.criticism.map((c) => (c.kind === "complex" ? t.complex(c.criteria.map((id) => criterionText.get(id) ?? id).join("; ")) : c.kind === "not_reported" ? t.notReported : t.notReached));
      lines.push(t.criticismLine(r.name, reasons.join("; ")));
    }
  }
  lines.push("", t.rulesSource(VILLAGE_RANKING_RULES.source));
  turn.reply(lines.join("\n"));
}
