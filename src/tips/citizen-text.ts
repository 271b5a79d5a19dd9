import { viStaff } from "../i18n/vi-staff.js";

// What a tipster typed, made safe to show to staff: nothing in it may pass for a line of the
// server's own (a fake "🚨 TIN BÁO MỚI" header, a status notice), hide text, reverse it, or push the
// real alert off the screen. Pure; the stored text stays as the citizen wrote it (it is evidence).

// Bidirectional controls: they reorder what follows (a case number read backwards, a fake status).
const BIDI = "\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069";
// Invisible or blank-looking characters no Vietnamese, Hmong (Latin or Pahawh), Tai Viet, Tày,
// Thái, Dao or Mường text needs: zero-width space and non-joiner, word joiner and invisible
// operators, BOM, soft hyphen, combining grapheme joiner, Mongolian vowel separator, Hangul and
// Braille fillers, interlinear annotation, deprecated format controls, Khmer invisible vowels, tags.
const INVISIBLE = "\u200B\u200C\u2060-\u2064\uFEFF\u00AD\u034F\u180E\u115F\u1160\u3164\uFFA0\u2800\uFFF9-\uFFFB\u206A-\u206F\u17B4\u17B5";
const TAGS = "\u{E0000}-\u{E007F}";
// Controls other than tab and newline (C0, DEL, C1).
const CONTROLS = "\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F";

// eslint-disable-next-line no-misleading-character-class -- the class lists invisible and combining characters on purpose
const REMOVE = new RegExp(`[${BIDI}${INVISIBLE}${CONTROLS}]|[${TAGS}]`, "gu");
// A zero-width joiner is kept only inside an emoji sequence (👨‍👩‍👧), where it is visible as one picture.
const LONE_JOINER = /(?<!\p{Extended_Pictographic}\uFE0F?)\u200D|\u200D(?!\p{Extended_Pictographic})/gu;
// eslint-disable-next-line no-control-regex -- vertical tab and form feed are line breaks to fold
const LINE_BREAKS = /\r\n|[\r\u000B\u000C\u0085\u2028\u2029]/g;
const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
// Vietnamese needs at most two marks on a letter (ệ: circumflex and dot below) when typed
// decomposed; more stack over the lines around them ("Zalgo").
const MARK_PILE = /(\p{M}{3})\p{M}+/gu;

/** Removes what could disguise the text, keeps every visible letter byte for byte. */
export function cleanCitizenText(text: string): string {
  const lines = text
    .replace(LINE_BREAKS, "\n")
    .replace(LONE_JOINER, "")
    .replace(REMOVE, "")
    .replace(ODD_SPACES, " ")
    .replace(MARK_PILE, "$1")
    .split("\n")
    .map((line) => line.replace(/[ \t]+$/u, ""));
  const kept: string[] = [];
  for (const line of lines) {
    // Runs of blank lines collapse to one, so the alert cannot be pushed off the screen.
    if (line.trim() === "" && (kept.length === 0 || kept[kept.length - 1] === "")) continue;
    kept.push(line.trim() === "" ? "" : line);
  }
  while (kept.length > 0 && kept[kept.length - 1] === "") kept.pop();
  return kept.join("\n");
}

/** Mark at the start of every quoted line: whatever the citizen wrote starts with it, no line of the server's does. */
export const QUOTE_MARK = "┃ ";

/** The citizen's words as a quoted block: every line marked, so none can be read as the system's. */
export function quoteCitizenText(text: string): string {
  const cleaned = cleanCitizenText(text);
  if (cleaned === "") return "";
  return cleaned
    .split("\n")
    .map((line) => (line === "" ? QUOTE_MARK.trimEnd() : QUOTE_MARK + line))
    .join("\n");
}

/** The tipster's words for a staff message: a label of the server's, then the quoted block. */
export function citizenBlock(text: string): string {
  const quoted = quoteCitizenText(text);
  return quoted === "" ? viStaff.alert.citizenWroteNothing : `${viStaff.alert.citizenWrote}\n${quoted}`;
}
