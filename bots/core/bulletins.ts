// Bulletins in chat: /bantin for everyone, the village heads' "Đã phát" / "Chưa phát được",
// /tiendo for leaders, officers and admins, /lichphat and /ngonngu for admins, and the routing of
// the feature's buttons and states (the translators' side is in translations.ts).
import { monthOf, monthRangeVN } from "../../src/util/vietnam-time.js";
import { placeExamples } from "./stats.js";
import { dayList } from "../../src/i18n/vi-bulletins.js";
import { can, type StaffAction } from "../../src/staff/roles.js";
import { foldVietnamese } from "../../src/places/normalize.js";
import { communeLanguagesFrom, languageLabel, languages as registry, parseLanguageList, readLanguageList, resolveLanguage, setCommuneLanguages, setVillageLanguages, villageLanguageCodes, villageLanguages, villagesWithLanguages, BASE_LANGUAGE } from "../../src/bulletins/languages.js";
import { latestAiredSlot, recentSlots, slotInCommune, villageDelivery, type AiredSlot } from "../../src/bulletins/reading.js";
import { findCommuneByCode, findVillageById, findVillageInCommune, getCommune } from "../../src/places/search.js";
import { headMessage, formatSlot, subscriberMessage } from "../../src/bulletins/messages.js";
import { approvedVersions, versionsFor } from "../../src/bulletins/store.js";
import { findDelivery, MAX_REASON_CHARS, recordAnswer } from "../../src/bulletins/deliveries.js";
import { reasons } from "../../src/bulletins/reasons.js";
import { progressText } from "../../src/bulletins/progress.js";
import { coverageBetween } from "../../src/bulletins/coverage.js";
import { nextSlotAfter, parseScheduleSpec } from "../../src/bulletins/schedule.js";
import { airFirstBulletin, communeSchedule, setRepeatWithinDay, setSchedule } from "../../src/bulletins/slots.js";
import type { Choice, OutgoingMessage } from "../../src/messaging/types.js";
import type { BulletinState } from "./bulletin-state.js";
import { IDLE } from "./state.js";
import type { StaffRow, Turn } from "./turn.js";
import { communeLanguageChoices, continueSubCommune, subscriptionOf } from "./subscribe.js";
import { continueTranslate, leaveTranslate } from "./translations.js";
import { askAudienceReason, continueAudienceReason } from "./audiences.js";
import {
  airFirst, nav, notBroadcastReason, otherLanguage, readLanguage, readSlot, recentBulletins, subscription,
} from "../../src/messaging/buttons.js";
import type { Messages } from "../../src/i18n/messages.js";
import { zaloCoverageLines } from "../../src/bulletins/zalo-digest.js";

const cancelRow = (t: Messages): Choice[] => [{ label: t.bulletins.buttons.cancel, data: nav.pack("cancel") }];

/** The latest slot that aired (or is airing) in a commune. */
function latestSlot(turn: Turn, communeId: number) {
  return latestAiredSlot(turn.deps.db, communeId, turn.now());
}

function extraRows(t: Messages): Choice[][] {
  return [[{ label: t.bulletins.buttons.recent, data: recentBulletins.pack() }], [{ label: t.bulletins.buttons.otherLanguage, data: otherLanguage.pack() }]];
}

function appendRows(message: OutgoingMessage, rows: Choice[][]): OutgoingMessage {
  return { ...message, choices: [...(message.choices ?? []), ...rows] };
}

/** Sends a slot's bulletin to a staff member, in the languages asked for (a village head: their village's). */
async function showSlotToStaff(turn: Turn, staff: StaffRow, slot: AiredSlot, requested: string[] | null): Promise<void> {
  const { db } = turn.deps;
  const village = staff.villageId ? await findVillageById(db, staff.villageId) : null;
  const languages = requested ?? (village ? villageLanguages(village.languages, slot.commune.languages) : communeLanguageChoices(slot.commune.languages));
  const delivery = village && can(staff, "bulletin.confirm", { communeId: slot.communeId, villageId: village.id })
    ? await villageDelivery(db, slot.id, village.id)
    : null;
  const versions = await approvedVersions(db, slot.item!.id);
  const list = versionsFor(languages, versions, turn.incoming.channel);
  list.forEach((r, i) => {
    const message = headMessage({
      deliveryId: delivery?.id ?? null,
      scheduledAt: slot.scheduledAt,
      village: village?.name ?? turn.t.data.commune(slot.commune.name),
      late: false,
      title: slot.item!.title,
      version: r.version,
      resolved: r,
      channel: turn.incoming.channel,
      part: list.length > 1 ? `${i + 1}/${list.length}` : undefined,
    });
    turn.replies.push(i === list.length - 1 ? appendRows(message, extraRows(turn.t)) : message);
  });
}

async function showSlotToCitizen(turn: Turn, slot: AiredSlot, language: string): Promise<void> {
  const versions = await approvedVersions(turn.deps.db, slot.item!.id);
  const [chosen] = versionsFor([language], versions, turn.incoming.channel);
  if (!chosen) return;
  const message = subscriberMessage({ commune: slot.commune.name, scheduledAt: slot.scheduledAt, title: slot.item!.title, version: chosen.version, resolved: chosen, channel: turn.incoming.channel });
  turn.replies.push(appendRows(message, extraRows(turn.t)));
}

/** Whose commune /bantin reads: a staff member's, or the citizen's subscription. */
async function readerCommune(turn: Turn): Promise<{ communeId: number; language: string | null } | null> {
  const staff = turn.staff;
  if (staff?.communeId && can(staff, "bulletin.read", { communeId: staff.communeId })) return { communeId: staff.communeId, language: null };
  const sub = await subscriptionOf(turn);
  return sub ? { communeId: sub.communeId, language: sub.language } : null;
}

async function notSubscribed(turn: Turn): Promise<void> {
  turn.reply(turn.staff ? turn.t.bulletins.read.notStaffScope : turn.t.bulletins.read.notSubscribed, turn.staff ? undefined : [[{ label: turn.t.bulletins.buttons.subscribe, data: subscription.pack("start") }]]);
}

/** /bantin [ds | <language>] */
/** "Phát bản tin đầu tiên ngay": the domain checks who and whether; the next tick fans it out. */
export async function firstBulletin(turn: Turn, staff: StaffRow, communeId: number): Promise<void> {
  const aired = await airFirstBulletin(turn.deps, staff, communeId);
  const w = turn.t.bulletins.read;
  if (aired.ok) {
    const commune = await getCommune(turn.deps.db, communeId);
    turn.reply(w.firstQueued(commune.name));
    return;
  }
  turn.reply(aired.reason === "forbidden" ? turn.t.compliance.scope.forbidden : aired.reason === "no_content" ? w.firstNoContent : w.firstAiredBefore);
}

export async function readBulletin(turn: Turn, args: string, slotId?: number): Promise<void> {
  const { db } = turn.deps;
  const reader = await readerCommune(turn);
  if (!reader) return notSubscribed(turn);
  const word = args.trim().toLowerCase();
  if (turn.t.data.words.recentList.includes(word)) return listRecent(turn, reader.communeId);
  let requested: string[] | null = null;
  if (word) {
    const code = resolveLanguage(word);
    if (!code) {
      turn.reply(turn.t.bulletins.read.unknownLanguage(args.trim().slice(0, 40), registry.map((l) => `${l.code} (${l.nameVi})`).join(", ")));
      return;
    }
    requested = [code];
  }
  const slot = slotId
    ? await slotInCommune(db, reader.communeId, slotId)
    : await latestSlot(turn, reader.communeId);
  if (!slot) {
    const commune = await getCommune(db, reader.communeId);
    const { schedule, enabled } = await communeSchedule(db, commune.id);
    const next = enabled ? nextSlotAfter(schedule, turn.now()) : null;
    turn.reply(turn.t.bulletins.read.none(commune.name, next ? formatSlot(next) : null));
    // Nothing aired yet: an officer or leader may air the first bulletin now instead of waiting.
    if (!slotId && turn.staff && can(turn.staff, "bulletin.approve", { communeId: commune.id, provinceId: commune.provinceId })) {
      turn.reply(turn.t.bulletins.read.firstOffer, [[{ label: turn.t.bulletins.read.firstButton, data: airFirst.pack(commune.id) }]]);
    }
    return;
  }
  if (reader.language === null && turn.staff) return showSlotToStaff(turn, turn.staff, slot, requested);
  return showSlotToCitizen(turn, slot, requested?.[0] ?? reader.language ?? BASE_LANGUAGE);
}

async function listRecent(turn: Turn, communeId: number): Promise<void> {
  const { db } = turn.deps;
  const commune = await getCommune(db, communeId);
  const slots = await recentSlots(db, communeId, turn.now(), 8);
  if (slots.length === 0) {
    turn.reply(turn.t.bulletins.read.recentNone);
    return;
  }
  const lines = [turn.t.bulletins.read.recentTitle(commune.name)];
  for (const s of slots) {
    const aired = s.status === "sent" || s.status === "sending";
    lines.push(turn.t.bulletins.read.recentLine(formatSlot(s.scheduledAt), s.item?.title ?? "—", aired ? "" : (turn.t.bulletins.slotStatus[s.status] ?? s.status)));
  }
  const rows = slots.filter((s) => s.itemId !== null).slice(0, 6).map((s) => [{ label: turn.t.bulletins.buttons.viewSlot(formatSlot(s.scheduledAt)), data: readSlot.pack(s.id) }]);
  turn.reply(lines.join("\n"), rows);
}

export async function chooseReadLanguage(turn: Turn): Promise<void> {
  const reader = await readerCommune(turn);
  if (!reader) return notSubscribed(turn);
  const commune = await getCommune(turn.deps.db, reader.communeId);
  const codes = communeLanguageChoices(commune.languages);
  for (const c of await villageLanguageCodes(turn.deps.db, commune.id)) if (!codes.includes(c)) codes.push(c);
  turn.reply(turn.t.bulletins.read.chooseLanguage, codes.map((c) => [{ label: languageLabel(c), data: readLanguage.pack(c) }]));
}

// ------------------------------------------------------------------------------------------
// Village heads' answers.

export async function askReason(turn: Turn, staff: StaffRow, deliveryId: number): Promise<void> {
  const delivery = await findDelivery(turn.deps, deliveryId);
  if (!delivery) {
    turn.reply(turn.t.bulletins.head.deliveryUnknown);
    return;
  }
  if (!can(staff, "bulletin.confirm", { communeId: delivery.village.communeId, villageId: delivery.villageId })) {
    turn.reply(turn.t.bulletins.head.notYourVillage);
    return;
  }
  const rows: Choice[][] = reasons.map((r) => [{ label: r.label, data: notBroadcastReason.pack({ deliveryId, reason: r.id }) }]);
  rows.push(cancelRow(turn.t));
  // In the reason step: "Hủy" says nothing was recorded, and a reason typed in words is taken as the "other" reason.
  turn.state = { step: "b_reason", deliveryId };
  turn.reply(turn.t.bulletins.head.askReason(delivery.village.name, formatSlot(delivery.slot.scheduledAt)), rows);
}

export async function answer(turn: Turn, staff: StaffRow, deliveryId: number, status: "broadcast" | "not_broadcast", reason?: string, reasonText?: string): Promise<void> {
  const outcome = await recordAnswer(turn.deps, staff, deliveryId, status === "broadcast" ? { status } : { status, reason: reason ?? "other", reasonText });
  turn.state = IDLE;
  if (!outcome.ok) {
    turn.reply(outcome.reason === "unknown" ? turn.t.bulletins.head.deliveryUnknown : turn.t.bulletins.head.notYourVillage);
    return;
  }
  turn.reply(outcome.status === "broadcast" ? turn.t.bulletins.head.recordedBroadcast(outcome.village, outcome.when) : turn.t.bulletins.head.recordedNot(outcome.village, outcome.when, outcome.reason ?? ""));
}

async function continueReason(turn: Turn, staff: StaffRow | null, deliveryId: number): Promise<void> {
  const { content } = turn.incoming;
  if (!staff) {
    turn.state = IDLE;
    return;
  }
  const text = content.kind === "text" ? content.text.trim() : "";
  if (text.replace(/[\p{Cf}\p{Z}]/gu, "") === "") {
    turn.reply(turn.t.bulletins.head.reasonEmpty, [cancelRow(turn.t)]);
    return;
  }
  // "Đã phát" typed after pressing "Chưa phát được" by mistake is the answer, not a reason.
  const plain = (x: string) => foldVietnamese(x).replace(/[^a-z ]/g, " ").replace(/\s+/g, " ").trim();
  if (plain(text) === plain(turn.t.bulletins.buttons.broadcast)) return answer(turn, staff, deliveryId, "broadcast");
  if ([...text].length > MAX_REASON_CHARS) {
    turn.reply(turn.t.bulletins.head.reasonTooLong(MAX_REASON_CHARS), [cancelRow(turn.t)]);
    return;
  }
  return answer(turn, staff, deliveryId, "not_broadcast", "other", text);
}

// ------------------------------------------------------------------------------------------
// Leaders, officers and admins.

/** The commune a staff command acts on: their own, or (system admin) a commune code typed first. */
async function commandCommune(turn: Turn, staff: StaffRow, args: string, action: StaffAction, needCommuneText: (code: string) => string): Promise<{ communeId: number; rest: string } | null> {
  const { db } = turn.deps;
  if (staff.communeId) {
    if (!can(staff, action, { communeId: staff.communeId })) {
      turn.reply(turn.t.bulletins.staff.forbidden);
      return null;
    }
    return { communeId: staff.communeId, rest: args };
  }
  const [first = "", ...rest] = args.split(/\s+/).filter(Boolean);
  const commune = first ? await findCommuneByCode(db, first) : null;
  if (!commune) {
    turn.reply(first ? turn.t.bulletins.schedule.unknownCommune(first.slice(0, 20)) : needCommuneText((await placeExamples(turn, staff)).communeCode));
    return null;
  }
  // The commune's province too: a province admin acts on the communes of their province only.
  if (!can(staff, action, { communeId: commune.id, provinceId: commune.provinceId })) {
    turn.reply(turn.t.bulletins.staff.forbidden);
    return null;
  }
  return { communeId: commune.id, rest: rest.join(" ") };
}

/** "06/2026", "6/2026", "2026-06" → "2026-06". */
function readMonth(text: string): string | null {
  const a = /^(\d{1,2})[/.-](\d{4})$/.exec(text);
  if (a) return `${a[2]}-${a[1]!.padStart(2, "0")}`;
  return /^\d{4}-\d{2}$/.test(text) ? text : null;
}

export async function showProgress(turn: Turn, staff: StaffRow, args: string): Promise<void> {
  const target = await commandCommune(turn, staff, args, "bulletin.progress", turn.t.bulletins.progress.needCommune);
  if (!target) return;
  const { db } = turn.deps;
  const words = target.rest.trim().split(/\s+/).filter(Boolean);
  if (turn.t.data.words.monthWord.includes(words[0]?.toLowerCase() ?? "")) {
    const month = words[1] ? readMonth(words[1]) : monthOf(turn.now());
    const range = month ? monthRangeVN(month) : null;
    if (!month || !range) {
      turn.reply(turn.t.bulletins.progress.badMonth(words[1]!.slice(0, 20)));
      return;
    }
    const commune = await getCommune(db, target.communeId);
    const cov = await coverageBetween(db, target.communeId, range.start, range.end);
    const lines = [turn.t.bulletins.coverage.title(commune.name, `${month.slice(5)}/${month.slice(0, 4)}`), turn.t.bulletins.coverage.slots(cov.slots.aired, cov.slots.missed, cov.slots.empty)];
    for (const v of cov.villages) {
      lines.push(v.delivered === 0 && v.noHead > 0 ? turn.t.bulletins.coverage.noHead(v.name) : turn.t.bulletins.coverage.village(v.name, v.delivered, v.broadcast, v.notBroadcast, v.noAnswer));
    }
    lines.push("", cov.villagesReached === cov.villages.length && cov.villages.length > 0 ? turn.t.bulletins.coverage.allReached : turn.t.bulletins.coverage.reached(cov.villagesReached, cov.villages.length));
    const zalo = await zaloCoverageLines(db, target.communeId, range, turn.deps.articles !== undefined);
    if (zalo.length > 0) lines.push("", ...zalo);
    turn.reply(lines.join("\n"));
    return;
  }
  turn.reply(await progressText(db, target.communeId, turn.now(), { zaloDigest: turn.deps.articles !== undefined }));
}

export async function manageSchedule(turn: Turn, staff: StaffRow, args: string): Promise<void> {
  const target = await commandCommune(turn, staff, args, "bulletin.configure", turn.t.bulletins.schedule.needCommune);
  if (!target) return;
  const { db } = turn.deps;
  const commune = await getCommune(db, target.communeId);
  const now = turn.now();
  const describe = (s: { days: number[]; times: string[] }) => turn.t.bulletins.schedule.describe(dayList(s.days), s.times.join(", "));
  const rest = target.rest.trim();
  const word = rest.toLowerCase();
  if (!rest) {
    const { schedule, enabled, repeatWithinDay } = await communeSchedule(db, commune.id);
    const next = enabled ? nextSlotAfter(schedule, now) : null;
    turn.reply(turn.t.bulletins.schedule.current(commune.name, describe(schedule), enabled, next ? formatSlot(next) : null, repeatWithinDay));
    return;
  }
  const [first, second] = word.split(/\s+/);
  if (first === turn.t.bulletins.schedule.repeatWord) {
    const on = turn.t.data.words.resume.includes(second ?? "");
    if (!on && !turn.t.data.words.pause.includes(second ?? "")) {
      turn.reply(turn.t.bulletins.schedule.repeatUsage);
      return;
    }
    await setRepeatWithinDay(db, commune.id, on, now, staff.id);
    turn.deps.log.info("bulletins.repeat_changed", { communeId: commune.id, staffId: staff.id, repeat: on });
    turn.reply(on ? turn.t.bulletins.schedule.repeatOn(commune.name) : turn.t.bulletins.schedule.repeatOff(commune.name));
    return;
  }
  if (turn.t.data.words.pause.includes(word)) {
    await setSchedule(db, commune.id, { enabled: false }, now, staff.id);
    turn.reply(turn.t.bulletins.schedule.paused(commune.name));
    return;
  }
  if (turn.t.data.words.resume.includes(word)) {
    const result = await setSchedule(db, commune.id, { enabled: true }, now, staff.id);
    turn.reply(turn.t.bulletins.schedule.resumed(commune.name, result.next ? formatSlot(result.next) : null));
    return;
  }
  const parsed = parseScheduleSpec(rest);
  if (!parsed.ok) {
    turn.reply(parsed.error === "bad_word" ? turn.t.bulletins.schedule.badWord((parsed.word ?? "").slice(0, 20)) : (turn.t.bulletins.schedule.errors[parsed.error] ?? turn.t.bulletins.schedule.errors.empty!));
    return;
  }
  const result = await setSchedule(db, commune.id, { schedule: parsed.schedule, enabled: true }, now, staff.id);
  turn.deps.log.info("bulletins.schedule_changed", { communeId: commune.id, staffId: staff.id });
  turn.reply(turn.t.bulletins.schedule.changed(commune.name, describe(parsed.schedule), result.next ? formatSlot(result.next) : null));
}

const knownLanguages = () => registry.map((l) => `${l.code} (${l.nameVi})`).join(", ");

export async function manageLanguages(turn: Turn, staff: StaffRow, args: string): Promise<void> {
  const target = await commandCommune(turn, staff, args, "bulletin.configure", turn.t.bulletins.languages.needCommune);
  if (!target) return;
  const { db } = turn.deps;
  const commune = await getCommune(db, target.communeId);
  const label = (codes: string[]) => codes.map(languageLabel).join(", ");
  const rest = target.rest.trim();
  if (!rest) {
    const villages = await villagesWithLanguages(db, commune.id);
    turn.reply(turn.t.bulletins.languages.current(commune.name, label(communeLanguageChoices(commune.languages)), villages.map((v) => turn.t.bulletins.languages.villageLine(v.name, v.code, label(parseLanguageList(v.languages))))));
    return;
  }
  const [first = "", ...more] = rest.split(/\s+/);
  const village = await findVillageInCommune(db, commune.id, first);
  const listText = village ? more.join(" ") : rest;
  if (village && turn.t.data.words.clear.includes(listText.trim().toLowerCase())) {
    await setVillageLanguages(db, village.id, null);
    turn.reply(turn.t.bulletins.languages.villageCleared(village.name, label(communeLanguageChoices(commune.languages))));
    return;
  }
  const { codes, unknown } = readLanguageList(listText);
  if (unknown.length > 0) {
    turn.reply(turn.t.bulletins.languages.unknown(unknown.join(", ").slice(0, 80), knownLanguages()));
    return;
  }
  if (codes.length === 0) {
    turn.reply(turn.t.bulletins.languages.empty);
    return;
  }
  if (village) {
    await setVillageLanguages(db, village.id, codes.join(","));
    turn.reply(turn.t.bulletins.languages.villageSet(village.name, label(codes)));
    return;
  }
  // Vietnamese always kept: the domain's rule, as for the CLI and the console (the words were checked above).
  const list = communeLanguagesFrom(listText);
  if (!list.ok) return;
  await setCommuneLanguages(db, commune.id, list.codes.join(","));
  turn.reply(`${turn.t.bulletins.languages.communeSet(commune.name, label(list.codes))}${list.addedVietnamese ? `\n${turn.t.bulletins.languages.vietnameseAdded}` : ""}`);
}

// ------------------------------------------------------------------------------------------
// Routing of the feature's buttons and states (called from engine.ts).

/** Buttons of this feature. Returns false for data that is not ours. */
/** A reason chosen under "Chưa phát được": "other" asks for words; an id not in the list is not this button's. */
export async function chooseReason(turn: Turn, staff: StaffRow, deliveryId: number, reason: string): Promise<void | false> {
  if (reason === "other") {
    const delivery = await findDelivery(turn.deps, deliveryId);
    if (!delivery || !can(staff, "bulletin.confirm", { communeId: delivery.village.communeId, villageId: delivery.villageId })) {
      turn.reply(delivery ? turn.t.bulletins.head.notYourVillage : turn.t.bulletins.head.deliveryUnknown);
      return;
    }
    turn.state = { step: "b_reason", deliveryId };
    turn.reply(turn.t.bulletins.head.askReasonText, [cancelRow(turn.t)]);
    return;
  }
  if (!reasons.some((r) => r.id === reason)) return false;
  await answer(turn, staff, deliveryId, "not_broadcast", reason);
}

/** "Bản tin gần đây": the reader's commune's latest bulletins, or how to subscribe. */
export async function showRecent(turn: Turn): Promise<void> {
  const reader = await readerCommune(turn);
  if (!reader) await notSubscribed(turn);
  else await listRecent(turn, reader.communeId);
}

/** An incoming while in one of this feature's states. */
export async function continueBulletinStep(turn: Turn, state: BulletinState): Promise<void> {
  switch (state.step) {
    case "sub_commune":
      return continueSubCommune(turn);
    case "b_reason":
      return continueReason(turn, turn.staff, state.deliveryId);
    case "au_reason":
      return continueAudienceReason(turn, turn.staff, state.deliveryId);
    case "translate":
      return continueTranslate(turn, state.itemId, state.language);
  }
}

/** "Hủy" or "Quay lại" (buttons or /huy, /quaylai) in one of this feature's states. */
export async function leaveBulletinStep(turn: Turn, state: BulletinState, back: boolean): Promise<void> {
  switch (state.step) {
    case "sub_commune":
      turn.state = IDLE;
      turn.reply(turn.t.bulletins.subscribe.cancelled);
      return;
    case "b_reason":
      if (back && turn.staff) return askReason(turn, turn.staff, state.deliveryId);
      turn.state = IDLE;
      turn.reply(turn.t.bulletins.head.reasonCancelled);
      return;
    case "au_reason":
      if (back && turn.staff) return askAudienceReason(turn, turn.staff, state.deliveryId);
      turn.state = IDLE;
      turn.reply(turn.t.audiences.contact.reasonCancelled);
      return;
    case "translate":
      return leaveTranslate(turn, back);
  }
}
