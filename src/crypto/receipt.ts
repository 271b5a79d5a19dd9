import type { Keyring } from "./keys.js";

// Letters and digits that cannot be mistaken for each other when written by hand
// or read over the phone (no 0/O, 1/I/L, 5/S, 2/Z, 8/B, U/V).
export const RECEIPT_ALPHABET = "3467ACDEFGHJKMNPQRTWXY9";
const GROUP = 4;
const LENGTH = 8;

export function newReceiptCode(random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
  const out: string[] = [];
  // Rejection sampling keeps every symbol equally likely.
  const limit = 256 - (256 % RECEIPT_ALPHABET.length);
  while (out.length < LENGTH) {
    for (const b of random(16)) {
      if (b < limit && out.length < LENGTH) out.push(RECEIPT_ALPHABET[b % RECEIPT_ALPHABET.length]!);
    }
  }
  return `${out.slice(0, GROUP).join("")}-${out.slice(GROUP).join("")}`;
}

/** Reads what a person typed: any case, with or without spaces and dashes. Null when it is not a code. */
export function normalizeReceiptCode(input: string): string | null {
  const cleaned = input.toUpperCase().replace(/[\s\-–—_.]/g, "");
  if (cleaned.length !== LENGTH) return null;
  for (const ch of cleaned) if (!RECEIPT_ALPHABET.includes(ch)) return null;
  return `${cleaned.slice(0, GROUP)}-${cleaned.slice(GROUP)}`;
}

/** A typed text that may be (or end with) a receipt code: "/tracuu 3467-ACDE", "3467 acde". */
export function mayHoldReceiptCode(text: string): boolean {
  if (normalizeReceiptCode(text) !== null) return true;
  const words = text.trim().split(/\s+/);
  return words.some((w, i) => normalizeReceiptCode(w) !== null || (i > 0 && normalizeReceiptCode(`${words[i - 1]}${w}`) !== null));
}

export function receiptHash(keys: Keyring, code: string): Promise<string> {
  return keys.tag("receipt", code);
}
