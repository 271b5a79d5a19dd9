// For the anonymity scans after marking spam (issue 12): what is stored on disk, and every keyed
// identifier a spam hash must not equal (pseudonyms of Conversation and Preference, address tags).
import { existsSync, readFileSync } from "node:fs";
import { expect } from "vitest";
import type { Harness } from "./harness.js";

/** The database file and its WAL, as text both ways (a secret in either encoding is found). */
export function storedBlobs(h: Harness): string[] {
  return [h.dbPath, `${h.dbPath}-wal`].filter(existsSync).map((f) => readFileSync(f)).map((b) => b.toString("utf8") + b.toString("latin1"));
}

/** Every SpamMark hash differs from each pseudonym and address tag stored, and from `more`; returns the hashes. */
export async function expectSpamHashesUnjoinable(h: Harness, more: string[]): Promise<string[]> {
  const hashes = (await h.db.spamMark.findMany()).map((m) => m.hash);
  const joinable = [
    ...(await h.db.conversation.findMany()).map((c) => c.pseudonym),
    ...(await h.db.preference.findMany()).map((p) => p.pseudonym),
    ...(await h.db.replyAddress.findMany()).map((a) => a.addressTag),
    ...more,
  ];
  expect(joinable.length).toBeGreaterThan(more.length + 2);
  for (const hash of hashes) expect(joinable).not.toContain(hash);
  return hashes;
}
