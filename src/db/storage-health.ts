// Telling storage trouble apart from bugs: a full disk, a read-only or locked database are states the
// operator must fix (and platforms must retry through), not reasons to give up on a message.
import type { Db } from "./client.js";

export type StorageProblem = "disk_full" | "read_only" | "busy" | "unavailable";

/** What an operator reads in the log and the health check for each kind of storage trouble. */
export const STORAGE_HINTS: Record<StorageProblem, string> = {
  disk_full: "The disk holding the database is full: free space; platforms retry webhooks meanwhile.",
  read_only: "The database file or its folder is read-only: fix permissions or the mount; platforms retry webhooks meanwhile.",
  busy: "Another process holds the database's write lock: stop it; requests are answered 503 and retried.",
  unavailable: "The database cannot be opened or written (I/O error): check the disk and DATABASE_URL.",
};

function errorText(error: unknown, depth = 0): string {
  if (depth > 4 || error === null || error === undefined) return "";
  if (typeof error !== "object") return String(error);
  const e = error as { message?: unknown; code?: unknown; cause?: unknown; meta?: unknown };
  return [e.message, e.code, JSON.stringify(e.meta ?? ""), errorText(e.cause, depth + 1)].filter(Boolean).join(" ");
}

/** What kind of storage trouble an error shows, or null when it is something else. */
export function classifyStorageError(error: unknown): StorageProblem | null {
  const text = errorText(error);
  if (/SQLITE_FULL|disk is full|database or disk is full/i.test(text)) return "disk_full";
  if (/SQLITE_READONLY|readonly database|read-only/i.test(text)) return "read_only";
  if (/SQLITE_BUSY|SQLITE_LOCKED|database is locked|database table is locked/i.test(text)) return "busy";
  if (/SQLITE_IOERR|SQLITE_CANTOPEN|SQLITE_CORRUPT|disk I\/O error|unable to open database/i.test(text)) return "unavailable";
  return null;
}

/** Rewrites the probe row: null when the database takes writes, else what stops it. */
export async function probeStorage(db: Db, now: Date): Promise<StorageProblem | null> {
  try {
    const { count } = await db.healthProbe.updateMany({ where: { id: 1 }, data: { at: now } });
    if (count === 0) await db.healthProbe.create({ data: { id: 1, at: now } });
    return null;
  } catch (error) {
    if ((error as { code?: unknown }).code === "P2002") return null; // another check created the row first
    return classifyStorageError(error) ?? "unavailable";
  }
}
