// Channels without buttons we can rely on (Zalo OA and Zalo Bot, which share this file): choices
// are numbered lines, and the person answers with the number or the words. The list last shown in a chat is kept (by its keyed address tag) so that a
// typed "2" can become the neutral choice it stands for. Pure rendering and matching, plus storage.
import { readPendingChoices, savePendingChoices } from "../../src/inbound/pending-choices.js";
import type { Db } from "../../src/db/client.js";
import type { Choice } from "../../src/messaging/types.js";
import { alertChannel, audienceDone, audienceNotDone, broadcast, notBroadcast, reminder, tipAction, tipReply, tipView } from "../../src/messaging/buttons.js";
import { viMessages } from "../../src/i18n/messages.js";

export interface NumberedChoice {
  /** The number to type; 0 when the choice is keyed by a letter or kept from an earlier list. */
  n: number;
  label: string;
  data: string;
  /** The letter to type ("a", "b"…) when the question itself asks for a number. */
  key?: string;
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/**
 * Numbers the choices 1, 2, 3… — or, when the question asks for a number (`numericAnswer`), keys
 * them a, b, c… so that "2" typed as a count stays the answer 2 instead of picking choice 2.
 */
export function numberChoices(choices: Choice[][] | undefined, numericAnswer = false): NumberedChoice[] {
  const flat = (choices ?? []).flat();
  if (numericAnswer && flat.length <= LETTERS.length) return flat.map((c, i) => ({ n: 0, key: LETTERS[i]!, label: c.label, data: c.data }));
  return flat.map((c, i) => ({ n: i + 1, label: c.label, data: c.data }));
}

/**
 * Folds a label or what a person typed for comparison: compatibility forms, no emoji, symbols or
 * punctuation, no diacritics (đ → d), lower case, single spaces.
 */
export function foldChoiceText(text: string): string {
  return text
    .normalize("NFKC")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[\p{Cf}\p{Cc}]/gu, "")
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

// The words accepted before a choice ("số 2", "chọn b") are the catalog's, whatever the reader's locale.
const words = viMessages.data.words;
const NUMBER = new RegExp(`^(?:${words.number.join("|")})?\\s*(\\d{1,3})\\s*[.)]?$`, "iu");
const LETTER = new RegExp(`^(?:${words.letter.join("|")})?\\s*([a-z])\\s*[.)]?$`, "iu");

/**
 * The data of the choice a typed text means, or null. Only an exact number in range or the whole
 * label (folded) counts: a receipt code, a name or a sentence that merely contains a label is text.
 */
export function matchChoice(typed: string, numbered: NumberedChoice[]): string | null {
  if (numbered.length === 0) return null;
  const plain = typed.normalize("NFKC").replace(/[\p{Cf}]/gu, "").trim();
  const letter = LETTER.exec(plain);
  if (letter) {
    const keyed = numbered.find((c) => c.key === letter[1]!.toLowerCase());
    if (keyed) return keyed.data;
  }
  const number = NUMBER.exec(plain);
  if (number) {
    const n = Number(number[1]);
    return n > 0 ? (numbered.find((c) => c.n === n)?.data ?? null) : null;
  }
  const folded = foldChoiceText(plain);
  if (folded === "") return null;
  return numbered.find((c) => foldChoiceText(c.label) === folded)?.data ?? null;
}

const MAX_STORED = 60;
/**
 * Choices the core honours in any state (answer an officer's question, act on a tip, the reminder,
 * the alert channel, a village head's "Đã phát" / "Chưa phát được", which still work as words after
 * the list of reasons or another message came in between). Step choices (commune, category,
 * village…) are not kept from earlier lists, so their words never take over free text typed in a
 * later step.
 */
const GLOBAL_KINDS = [tipReply, tipAction, tipView, alertChannel, broadcast, notBroadcast, audienceDone, audienceNotDone];
const isGlobalChoice = (data: string) => GLOBAL_KINDS.some((kind) => kind.claims(data)) || reminder.parse(data) !== null;

/**
 * Remembers the list just shown. Choices of earlier lists are kept unnumbered (n = 0) so that their
 * words still work: a question released after a long wait may be followed by a menu, and the
 * person can still type "trả lời cán bộ". Numbers always mean the latest list.
 */
export async function storePendingChoices(db: Db, addressTag: string, numbered: NumberedChoice[], now: Date): Promise<void> {
  if (numbered.length === 0) return;
  const previous = await loadPendingChoices(db, addressTag, now);
  const labels = new Set(numbered.map((c) => foldChoiceText(c.label)));
  const kept = previous
    .filter((c) => {
      const label = foldChoiceText(c.label);
      if (!isGlobalChoice(c.data) || labels.has(label)) return false;
      labels.add(label); // the newest list's meaning of a label wins
      return true;
    })
    .map((c) => ({ n: 0, label: c.label, data: c.data }));
  // Every choice of the list just shown stays answerable by its number, however long the list
  // (a commune with 70 villages); only the words kept from earlier lists are capped.
  const choices = JSON.stringify([...numbered, ...kept.slice(0, Math.max(0, MAX_STORED - numbered.length))]);
  await savePendingChoices(db, addressTag, choices, now);
}

/** Choices last shown in this chat, if shown within `maxAgeMs`. */
export async function loadPendingChoices(db: Db, addressTag: string, now: Date, maxAgeMs = 7 * 86_400_000): Promise<NumberedChoice[]> {
  const row = await readPendingChoices(db, addressTag);
  if (!row || now.getTime() - row.updatedAt.getTime() > maxAgeMs) return [];
  try {
    const parsed = JSON.parse(row.choices) as NumberedChoice[];
    return Array.isArray(parsed) ? parsed.filter((c) => typeof c?.n === "number" && typeof c.data === "string" && typeof c.label === "string") : [];
  } catch {
    return [];
  }
}
