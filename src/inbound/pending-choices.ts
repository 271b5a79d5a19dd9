// The numbered choices last shown in a chat, for reading the number typed next: one row per address tag, holding the list
// as JSON. Which choices are kept and how a typed number is read stays in bots/core/numbered-choices.ts.
import type { Db } from "../db/client.js";

export async function savePendingChoices(db: Db, addressTag: string, choices: string, now: Date): Promise<void> {
  await db.pendingChoice.upsert({ where: { addressTag }, create: { addressTag, choices, updatedAt: now }, update: { choices, updatedAt: now } });
}

/** The stored list (JSON) and when it was shown, or null. */
export async function readPendingChoices(db: Db, addressTag: string): Promise<{ choices: string; updatedAt: Date } | null> {
  const row = await db.pendingChoice.findUnique({ where: { addressTag } });
  return row ? { choices: row.choices, updatedAt: row.updatedAt } : null;
}
