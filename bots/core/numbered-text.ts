// Long texts on Zalo (OA and Bot both take at most 2,000 characters a message): split at paragraph
// breaks, else line breaks, else spaces, never inside a surrogate pair or before a combining mark;
// numbered choices and their hint stay together in the last message, so "Gõ 1 hoặc 2" never
// arrives apart from the list it speaks of. Pure functions, table-tested.
import { viMessages, type Messages } from "../../src/i18n/messages.js";
import type { NumberedChoice } from "./numbered-choices.js";

export const ZALO_TEXT_LIMIT = 2000;

/** Characters a cut must not come before: combining marks (Vietnamese NFD, Tai Viet tones), ZWJ, variation selectors. */
// eslint-disable-next-line no-misleading-character-class -- a class of combining marks is the point here
const CLINGS = /^[\p{M}\u200d\ufe00-\ufe0f]/u;

/** Where to cut `rest` so the first part has at most `limit` UTF-16 units (Zalo rejects longer). */
function cutAt(rest: string, limit: number): { cut: number; skip: number } {
  const window = rest.slice(0, limit);
  for (const sep of ["\n\n", "\n", " "]) {
    const at = window.lastIndexOf(sep);
    if (at >= limit / 2) return { cut: at, skip: sep.length };
  }
  let cut = limit;
  const code = rest.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1; // keep a surrogate pair together
  while (cut > limit / 2 && CLINGS.test(rest.slice(cut))) cut -= 1;
  return { cut, skip: 0 };
}

/** Splits text into parts Zalo accepts (≤ `limit` UTF-16 units each). Blank parts are dropped. */
export function splitForZalo(text: string, limit = ZALO_TEXT_LIMIT): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const { cut, skip } = cutAt(rest, limit);
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut + skip).replace(/^\n+/, "");
  }
  chunks.push(rest);
  return chunks.filter((c) => c.trim() !== "");
}

/** The numbered lines and the hint under them, in the reader's words. */
export function choicesBlock(numbered: NumberedChoice[], t: Messages = viMessages): string {
  const keys = numbered.flatMap((c) => (c.key ? [c.key] : []));
  const hint = keys.length > 0 ? t.zaloDelivery.letterHint(keys) : t.zalo.choices.hint(numbered.length);
  return [...numbered.map((c) => `${c.key ?? c.n}. ${c.label}`), hint].join("\n");
}

/**
 * A message as Zalo texts: the body split as needed, the choices block appended to the last part
 * when it fits, else sent as a part of its own (itself split at line breaks when a list is huge).
 */
/**
 * A line that stands where a file would have been (a link, a location, why it was withheld) goes
 * before the message's text, as the file itself would: texts such as "the recording above" stay
 * true. One rule for Zalo OA and Zalo Bot.
 */
export function withMediaNote(note: string, text: string): string {
  return text.trim() === "" ? note : `${note}\n\n${text}`;
}

export function renderForZalo(text: string, numbered: NumberedChoice[], limit = ZALO_TEXT_LIMIT, t: Messages = viMessages): string[] {
  const body = splitForZalo(text.trimEnd(), limit);
  if (numbered.length === 0) return body;
  const block = choicesBlock(numbered, t);
  const last = body.at(-1);
  if (last !== undefined && last.length + 2 + block.length <= limit) body[body.length - 1] = `${last}\n\n${block}`;
  else body.push(...splitForZalo(block, limit));
  return body;
}
