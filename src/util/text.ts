// Short labels for buttons and numbered lines: a title cut at a word boundary with an ellipsis, never
// in the middle of a word (a single word longer than the room is the only thing ever cut inside).

/** `text` within `max` characters (code points, max ≥ 2); when cut, it ends at a whole word and "…". */
export function cutAtWord(text: string, max: number): string {
  const chars = [...text.trim()];
  if (chars.length <= max) return chars.join("");
  const head = chars.slice(0, max - 1).join(""); // room for the ellipsis
  let kept = head;
  if (!/\s/u.test(chars[max - 1]!)) {
    // The cut falls inside a word: drop that word's beginning.
    const lastSpace = kept.search(/\s\S*$/u);
    if (lastSpace > 0) kept = kept.slice(0, lastSpace);
  }
  kept = kept.replace(/[\s,;:.\-–—(«"“]+$/u, "");
  return `${kept.length > 0 ? kept : head}…`;
}
