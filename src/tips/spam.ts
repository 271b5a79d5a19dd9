// Spam marks per sender (issue 12): the rule that holds a sender's next tips, and the keyed hash they
// are counted under. The hash is of the tip's reply address under its own purpose, so it equals no
// pseudonym (Conversation, Preference) and no address tag (ReplyAddress), and no row ties it to a tip.
import data from "./spam.json" with { type: "json" };
import { z } from "zod";
import type { Db } from "../db/client.js";
import type { Keyring } from "../crypto/keys.js";
import { openAddress } from "../crypto/pseudonym.js";

const DAY_MS = 86_400_000;

export interface SpamRules {
  holdAfter: number;
  forgetAfterDays: number;
}

const parsed = z
  .object({ source: z.string().min(10), holdAfter: z.number().int().min(1).max(100), forgetAfterDays: z.number().int().min(1).max(3650) })
  .parse(data);

export const spamRules: SpamRules = { holdAfter: parsed.holdAfter, forgetAfterDays: parsed.forgetAfterDays };

/** Pure rule: does a sender's mark in a commune hold their next tip? A mark long untouched no longer counts. */
export function spamHolds(mark: { count: number; updatedAt: Date } | null, now: Date, rules: SpamRules = spamRules): boolean {
  if (!mark || mark.count < rules.holdAfter) return false;
  return now.getTime() - mark.updatedAt.getTime() < rules.forgetAfterDays * DAY_MS;
}

/** A mark's time is kept to the day (UTC): the row's time does not point at the tip just marked. */
export function markDay(now: Date): Date {
  return new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
}

/** The sender's spam hash from a sealed reply address; null when it cannot be opened. */
export async function spamHashOf(keys: Keyring, sealed: string): Promise<string | null> {
  try {
    const address = await openAddress(keys, sealed);
    return await keys.tag("spam-sender", `${address.channel}:${address.chatId}`);
  } catch {
    return null;
  }
}

/** Whether a new tip from this reply address goes to the held queue because of its sender's spam marks. */
export async function senderHeldForSpam(db: Db, keys: Keyring, communeId: number, sealed: string, now: Date): Promise<boolean> {
  const hash = await spamHashOf(keys, sealed);
  if (!hash) return false;
  const mark = await db.spamMark.findUnique({ where: { hash_communeId: { hash, communeId } } });
  return spamHolds(mark, now);
}

/** One more (or one fewer) tip marked spam from this sender in the commune. */
export async function countSpam(db: Db, hash: string, communeId: number, delta: 1 | -1, now: Date): Promise<void> {
  if (delta === 1) {
    const updatedAt = markDay(now);
    await db.spamMark.upsert({ where: { hash_communeId: { hash, communeId } }, create: { hash, communeId, count: 1, updatedAt }, update: { count: { increment: 1 }, updatedAt } });
    return;
  }
  // Undoing a mark does not make the others younger: updatedAt stays.
  await db.spamMark.updateMany({ where: { hash, communeId, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
  await db.spamMark.deleteMany({ where: { hash, communeId, count: { lte: 0 } } });
}

/** Marks untouched for longer than they count (src/tips/spam.json) are deleted by the sweep. */
export async function pruneSpamMarks(db: Db, now: Date, rules: SpamRules = spamRules): Promise<number> {
  const { count } = await db.spamMark.deleteMany({ where: { updatedAt: { lte: new Date(now.getTime() - rules.forgetAfterDays * DAY_MS) } } });
  return count;
}
