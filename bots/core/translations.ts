// Translators and reviewers in chat: /dich lists what is missing for the translator's languages;
// a translator sends text and/or a recording for one item, submits it, and a leader or officer
// approves or returns it with the buttons under the review request.
import { can } from "../../src/staff/roles.js";
import { BASE_LANGUAGE, isLanguageCode, language as languageInfo, languageInline, languageLabel, languages as registry, parseLanguageList, villageLanguageCodes } from "../../src/bulletins/languages.js";
import { getCommune } from "../../src/places/search.js";
import {
  findDraft,
  itemForTranslation,
  MAX_TRANSLATION_CHARS,
  missingTranslations,
  reviewDraft,
  saveDraft,
  setTranslatorLanguages,
  submitDraft,
  translatorLanguages,
} from "../../src/bulletins/translations.js";
import type { Choice } from "../../src/messaging/types.js";
import { keepAsBulletinRecording } from "../../src/media/uploads.js";
import { IDLE } from "./state.js";
import type { StaffRow, Turn } from "./turn.js";
import { nav, translationList, translationOpen, translationSubmit, translatorLanguage } from "../../src/messaging/buttons.js";
import type { Messages } from "../../src/i18n/messages.js";


function isTranslator(turn: Turn, staff: StaffRow): boolean {
  if (staff.communeId && can(staff, "bulletin.translate", { communeId: staff.communeId })) return true;
  turn.reply(turn.t.bulletins.translate.notTranslator);
  return false;
}

/** Languages a translator of this commune may pick: the commune's and its villages' (all but Vietnamese), else every one. */
async function offeredLanguages(turn: Turn, communeId: number): Promise<string[]> {
  const { db } = turn.deps;
  const commune = await getCommune(db, communeId);
  const codes = parseLanguageList(commune.languages);
  for (const c of await villageLanguageCodes(db, communeId)) if (!codes.includes(c)) codes.push(c);
  const ethnic = codes.filter((c) => c !== BASE_LANGUAGE);
  return ethnic.length > 0 ? ethnic : registry.map((l) => l.code).filter((c) => c !== BASE_LANGUAGE);
}

async function showLanguageChooser(turn: Turn, staff: StaffRow): Promise<void> {
  const chosen = await translatorLanguages(turn.deps.db, staff.id);
  const offered = await offeredLanguages(turn, staff.communeId!);
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

/** /dich [ngonngu] */
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
  for (const code of chosen) {
    const { total, missing } = await missingTranslations(db, code, turn.now(), staff.communeId);
    const label = languageInline(code);
    if (missing.length === 0) {
      turn.reply(turn.t.bulletins.translate.allDone(label));
      continue;
    }
    const waiting = missing.filter((m) => m.draft?.submitted).length;
    const lines = [turn.t.bulletins.translate.listTitle(label, missing.length, total)];
    if (waiting > 0) lines.push(turn.t.bulletins.translate.listWaiting(waiting));
    lines.push(turn.t.bulletins.translate.pickItem);
    const rows = missing.slice(0, 8).map((m) => [{ label: turn.t.bulletins.buttons.translate(`${m.draft?.submitted ? "⏳ " : m.draft ? "✏️ " : ""}${m.title}`), data: translationOpen.pack({ itemId: m.id, language: code }) }]);
    turn.reply(lines.join("\n"), rows);
  }
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
    // Stored byte for byte (no trimming or normalising): only the check ignores invisible characters.
    if (content.text.replace(/[\p{Cf}\p{Z}\s]/gu, "") === "") {
      turn.reply(turn.t.bulletins.translate.textEmpty, draftButtons(turn.t, itemId, code));
      return;
    }
    const length = [...content.text].length;
    if (length > MAX_TRANSLATION_CHARS) {
      turn.reply(turn.t.bulletins.translate.textTooLong(MAX_TRANSLATION_CHARS, length), draftButtons(turn.t, itemId, code));
      return;
    }
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
  turn.reply(outcome.reviewers > 0 ? turn.t.bulletins.translate.submitted(outcome.title, outcome.reviewers) : turn.t.bulletins.translate.noReviewers, [[{ label: turn.t.bulletins.buttons.moreMissing, data: translationList.pack() }]]);
}

export async function leaveTranslate(turn: Turn, back: boolean): Promise<void> {
  turn.state = IDLE;
  if (back && turn.staff) return translatorMenu(turn, turn.staff, "");
  turn.reply(turn.t.bulletins.translate.paused);
}

export async function review(turn: Turn, staff: StaffRow, versionId: number, decision: "approve" | "return"): Promise<void> {
  const outcome = await reviewDraft(turn.deps, staff, versionId, decision);
  if (!outcome.ok) {
    turn.reply(outcome.reason === "forbidden" ? turn.t.bulletins.translate.forbidden : turn.t.bulletins.translate.alreadyHandled);
    return;
  }
  turn.reply(decision === "approve" ? turn.t.bulletins.translate.approved(outcome.title, outcome.label) : turn.t.bulletins.translate.returned(outcome.title, outcome.label));
}
