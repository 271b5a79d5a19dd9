// Translators in chat: /dich lists, page by page, what is missing in the translator's languages and
// the drafts of others waiting for their review; a translator sends text and/or a recording for one
// item and submits it; a second translator of the language approves or returns it with the buttons
// under the review request (the rule: src/bulletins/translation-review.ts).
import { can } from "../../src/staff/roles.js";
import { BASE_LANGUAGE, isLanguageCode, language as languageInfo, languageInline, languageLabel } from "../../src/bulletins/languages.js";
import {
  findDraft,
  itemForTranslation,
  MAX_TRANSLATION_CHARS,
  TITLE_LABEL_CHARS,
  missingTranslations,
  offeredTranslatorLanguages,
  reviewDraft,
  reviewRequestFor,
  reviewsWaitingFor,
  saveDraft,
  setTranslatorLanguages,
  submitDraft,
  translationTextProblem,
  translatorLanguages,
} from "../../src/bulletins/translations.js";
import type { Choice } from "../../src/messaging/types.js";
import { keepAsBulletinRecording } from "../../src/media/uploads.js";
import { IDLE } from "./state.js";
import type { StaffRow, Turn } from "./turn.js";
import { nav, translationClose, translationList, translationOpen, translationPage, translationReview, translationSubmit, translatorLanguage } from "../../src/messaging/buttons.js";
import { cutAtWord } from "../../src/util/text.js";
import type { Messages } from "../../src/i18n/messages.js";


function isTranslator(turn: Turn, staff: StaffRow): boolean {
  if (staff.communeId && can(staff, "bulletin.translate", { communeId: staff.communeId })) return true;
  turn.reply(turn.t.bulletins.translate.notTranslator);
  return false;
}

async function showLanguageChooser(turn: Turn, staff: StaffRow): Promise<void> {
  const chosen = await translatorLanguages(turn.deps.db, staff.id);
  const offered = await offeredTranslatorLanguages(turn.deps.db, staff.communeId!);
  for (const c of chosen) if (!offered.includes(c)) offered.push(c);
  const rows: Choice[][] = offered.map((c) => [{ label: chosen.includes(c) ? turn.t.bulletins.buttons.languageOn(languageLabel(c)) : turn.t.bulletins.buttons.languageOff(languageLabel(c)), data: translatorLanguage.pack(c) }]);
  rows.push([{ label: turn.t.bulletins.buttons.languagesDone, data: translatorLanguage.pack("done") }]);
  turn.reply(turn.t.bulletins.translate.chooseLanguages, rows);
}

/** A press on the language chooser: toggles a language, or "done". */
export async function chooseTranslatorLanguage(turn: Turn, staff: StaffRow, code: string): Promise<void> {
  if (!isTranslator(turn, staff)) return;
  const { db } = turn.deps;
  const chosen = await translatorLanguages(db, staff.id);
  if (code === "done") {
    if (chosen.length === 0) {
      turn.reply(turn.t.bulletins.translate.noLanguages);
      return;
    }
    turn.reply(turn.t.bulletins.translate.languagesSaved(chosen.map(languageLabel).join(", ")));
    return translatorMenu(turn, staff, "");
  }
  if (!isLanguageCode(code) || code === BASE_LANGUAGE) {
    turn.reply(turn.t.bulletins.translate.badLanguage);
    return;
  }
  const next = chosen.includes(code) ? chosen.filter((c) => c !== code) : [...chosen, code];
  await setTranslatorLanguages(db, staff.id, next, turn.now());
  return showLanguageChooser(turn, staff);
}

/** Bulletins per page of /dich, each a button; "Trang trước" / "Trang sau" and "Hủy" below them. */
export const TRANSLATION_PAGE_SIZE = 8;

/** /dich [ngonngu]: drafts of others waiting for this translator's review, then what is missing, page 1 of each language. */
export async function translatorMenu(turn: Turn, staff: StaffRow, args: string): Promise<void> {
  if (!isTranslator(turn, staff)) return;
  if (turn.incoming.chat.isGroup) {
    turn.reply(turn.t.bulletins.translate.groupOnly);
    return;
  }
  turn.state = IDLE;
  const { db } = turn.deps;
  const chosen = await translatorLanguages(db, staff.id);
  if (chosen.length === 0 || turn.t.data.words.languages.includes(args.trim().toLowerCase())) return showLanguageChooser(turn, staff);
  const waiting = await reviewsWaitingFor(db, staff);
  if (waiting.length > 0) {
    const rows = waiting.slice(0, TRANSLATION_PAGE_SIZE).map((w) => [{ label: turn.t.bulletins.buttons.openReview(cutAtWord(w.title, TITLE_LABEL_CHARS - 8), languageLabel(w.language)), data: translationReview.pack(w.versionId) }]);
    turn.reply(turn.t.bulletins.translate.waitingReviews(waiting.length), rows);
  }
  for (const code of chosen) await showMissingPage(turn, code, 1, staff.communeId);
}

/** One page of the bulletins still missing in `code`. */
export async function showMissingPage(turn: Turn, code: string, page: number, communeId: number | null): Promise<void> {
  const { total, missing } = await missingTranslations(turn.deps.db, code, turn.now(), communeId);
  const label = languageInline(code);
  if (missing.length === 0) {
    turn.reply(turn.t.bulletins.translate.allDone(label));
    return;
  }
  const pages = Math.ceil(missing.length / TRANSLATION_PAGE_SIZE);
  const current = Math.min(Math.max(1, page), pages);
  const shown = missing.slice((current - 1) * TRANSLATION_PAGE_SIZE, current * TRANSLATION_PAGE_SIZE);
  const waiting = missing.filter((m) => m.draft?.submitted).length;
  const lines = [turn.t.bulletins.translate.listTitle(label, missing.length, total)];
  if (waiting > 0) lines.push(turn.t.bulletins.translate.listWaiting(waiting));
  if (pages > 1) lines.push(turn.t.bulletins.translate.listPage(current, pages, (current - 1) * TRANSLATION_PAGE_SIZE + 1, (current - 1) * TRANSLATION_PAGE_SIZE + shown.length));
  lines.push(turn.t.bulletins.translate.pickItem);
  const rows: Choice[][] = shown.map((m) => [{ label: turn.t.bulletins.buttons.translate(`${m.draft?.submitted ? "⏳ " : m.draft ? "✏️ " : ""}${cutAtWord(m.title, TITLE_LABEL_CHARS)}`), data: translationOpen.pack({ itemId: m.id, language: code }) }]);
  const paging: Choice[] = [];
  if (current > 1) paging.push({ label: turn.t.bulletins.buttons.previousPage, data: translationPage.pack({ language: code, page: current - 1 }) });
  if (current < pages) paging.push({ label: turn.t.bulletins.buttons.nextPage, data: translationPage.pack({ language: code, page: current + 1 }) });
  if (paging.length > 0) rows.push(paging);
  rows.push([{ label: turn.t.bulletins.buttons.cancel, data: translationClose.pack() }]);
  turn.reply(lines.join("\n"), rows);
}

/** "Trang sau" / "Trang trước" under the list. */
export async function translationListPage(turn: Turn, staff: StaffRow, code: string, page: number): Promise<void> {
  if (!isTranslator(turn, staff)) return;
  if (!isLanguageCode(code) || code === BASE_LANGUAGE) {
    turn.reply(turn.t.bulletins.translate.badLanguage);
    return;
  }
  turn.state = IDLE;
  return showMissingPage(turn, code, page, staff.communeId);
}

/** "Hủy" under the list. */
export function closeTranslationList(turn: Turn): void {
  turn.state = IDLE;
  turn.reply(turn.t.bulletins.translate.listClosed);
}

/** A draft waiting for review, opened from /dich by a second translator of its language. */
export async function openReview(turn: Turn, staff: StaffRow, versionId: number): Promise<void> {
  if (!isTranslator(turn, staff)) return;
  const message = await reviewRequestFor(turn.deps.db, staff, turn.incoming.channel, versionId);
  if (!message) {
    turn.reply(turn.t.bulletins.translate.reviewGone);
    return;
  }
  turn.replies.push(message);
}

function draftParts(t: Messages, draft: { text: string | null; altText: string | null; audioFileRef: string | null } | null): string | null {
  if (!draft) return null;
  const parts = [draft.text ? t.bulletins.translate.partText : null, draft.altText ? t.bulletins.translate.partAlt : null, draft.audioFileRef ? t.bulletins.translate.partAudio : null].filter(Boolean);
  return parts.length > 0 ? parts.join(", ") : null;
}

const draftButtons = (t: Messages, itemId: number, code: string): Choice[][] => [
  [{ label: t.bulletins.buttons.submitDraft, data: translationSubmit.pack({ itemId, language: code }) }],
  [
    { label: t.bulletins.buttons.back, data: translationList.pack() },
    { label: t.bulletins.buttons.stopTranslating, data: nav.pack("cancel") },
  ],
];

/** Opens one item for translation: the Vietnamese original, instructions, and the draft so far. */
export async function openTranslation(turn: Turn, staff: StaffRow, itemId: number, code: string): Promise<void> {
  if (!isTranslator(turn, staff)) return;
  if (turn.incoming.chat.isGroup) {
    turn.reply(turn.t.bulletins.translate.groupOnly);
    return;
  }
  if (!isLanguageCode(code) || code === BASE_LANGUAGE) {
    turn.reply(turn.t.bulletins.translate.badLanguage);
    return;
  }
  const { db } = turn.deps;
  const item = await itemForTranslation(db, itemId, code, staff.communeId);
  const original = item?.versions.find((v) => v.language === BASE_LANGUAGE && v.status === "approved");
  if (!item || !original?.text) {
    turn.reply(turn.t.bulletins.translate.itemUnknown);
    return;
  }
  const label = languageInline(code);
  turn.state = { step: "translate", itemId, language: code };
  turn.reply(`${turn.t.bulletins.translate.original(item.title, label)}\n\n${original.text}`);
  const lines = [turn.t.bulletins.translate.instructions(label, (languageInfo(code)?.scripts.length ?? 1) > 1)];
  if (item.versions.some((v) => v.language === code && v.status === "approved")) lines.push(turn.t.bulletins.translate.alreadyApproved(label));
  const parts = draftParts(turn.t, await findDraft(db, itemId, code));
  if (parts) lines.push(turn.t.bulletins.translate.draftHas(parts));
  turn.reply(lines.join("\n\n"), draftButtons(turn.t, itemId, code));
}

/** Text or a recording while translating: saved into the draft exactly as sent. */
export async function continueTranslate(turn: Turn, itemId: number, code: string): Promise<void> {
  const staff = turn.staff;
  if (!staff || !isTranslator(turn, staff)) {
    turn.state = IDLE;
    return;
  }
  const { content } = turn.incoming;
  const now = turn.now();
  if (content.kind === "text") {
    const problem = translationTextProblem(content.text);
    if (problem) {
      turn.reply(problem.reason === "empty" ? turn.t.bulletins.translate.textEmpty : turn.t.bulletins.translate.textTooLong(MAX_TRANSLATION_CHARS, problem.length), draftButtons(turn.t, itemId, code));
      return;
    }
    const length = [...content.text].length;
    const field = await saveDraft(turn.deps.db, { itemId, language: code, staffId: staff.id, part: { kind: "text", text: content.text }, now });
    turn.reply(field === "altText" ? turn.t.bulletins.translate.savedAlt(length) : turn.t.bulletins.translate.savedText(length), draftButtons(turn.t, itemId, code));
    return;
  }
  if (content.kind === "media" && (content.media === "voice" || content.media === "audio") && content.fileRef) {
    // A recording made in the web chat is a stored upload of this conversation: it becomes the bulletin's.
    if (turn.incoming.channel === "web" && !(await keepAsBulletinRecording(turn.deps.db, content.fileRef, turn.incoming.chat.tag))) {
      turn.reply(turn.t.bulletins.translate.mediaRefused, draftButtons(turn.t, itemId, code));
      return;
    }
    await saveDraft(turn.deps.db, { itemId, language: code, staffId: staff.id, part: { kind: "audio", audioKind: content.media, channel: turn.incoming.channel, fileRef: content.fileRef }, now });
    turn.reply(turn.t.bulletins.translate.savedAudio, draftButtons(turn.t, itemId, code));
    return;
  }
  turn.reply(turn.t.bulletins.translate.mediaRefused, draftButtons(turn.t, itemId, code));
}

export async function submitTranslation(turn: Turn, staff: StaffRow, itemId: number, code: string): Promise<void> {
  if (!isTranslator(turn, staff)) return;
  const outcome = await submitDraft(turn.deps, staff, itemId, code);
  if (!outcome.ok) {
    turn.reply(turn.t.bulletins.translate.nothingToSubmit, draftButtons(turn.t, itemId, code));
    return;
  }
  turn.state = IDLE;
  const label = languageInline(code);
  const text = outcome.reviewers > 0 ? turn.t.bulletins.translate.submitted(outcome.title, label, outcome.reviewers, outcome.level === "province") : turn.t.bulletins.translate.noReviewers(label);
  turn.reply(text, [[{ label: turn.t.bulletins.buttons.moreMissing, data: translationList.pack() }]]);
}

export async function leaveTranslate(turn: Turn, back: boolean): Promise<void> {
  turn.state = IDLE;
  if (back && turn.staff) return translatorMenu(turn, turn.staff, "");
  turn.reply(turn.t.bulletins.translate.paused);
}

export async function review(turn: Turn, staff: StaffRow, versionId: number, decision: "approve" | "return"): Promise<void> {
  const outcome = await reviewDraft(turn.deps, staff, versionId, decision);
  if (!outcome.ok) {
    const t = turn.t.bulletins.translate;
    turn.reply(outcome.reason === "own" ? t.ownTranslation : outcome.reason === "forbidden" ? t.forbidden : t.alreadyHandled);
    return;
  }
  turn.reply(decision === "approve" ? turn.t.bulletins.translate.approved(outcome.title, outcome.label) : turn.t.bulletins.translate.returned(outcome.title, outcome.label));
}
