// Opening the SQLite file at start when storage is in trouble (a read-only mount, a full disk, another
// process's write lock): rather than exit — which a supervisor turns into a restart loop and a
// platform into connection errors — the server listens at once, says what is wrong in its log and
// its health check, answers 503 so platforms retry, and opens the database as soon as it can.
import { securityHeaders } from "../http/security.js";
import { accessSync, constants, openSync, closeSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { Hono } from "hono";
import type { PrismaClient } from "./generated/node/client.js";
import { openNodeDatabase } from "./node.js";
import { sqlitePathFromUrl } from "./migrate-node.js";
import { classifyStorageError, probeStorage, STORAGE_HINTS, type StorageProblem } from "./storage-health.js";
import type { Logger } from "../log.js";
import { vi } from "../i18n/vi.js";

const FS_CODES: Record<string, StorageProblem> = { EROFS: "read_only", EACCES: "read_only", EPERM: "read_only", ENOSPC: "disk_full" };

function fsProblem(error: unknown): StorageProblem | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? (FS_CODES[code] ?? null) : null;
}

/**
 * Why the database could not be opened, when the reason is the storage rather than a mistake.
 * SQLite reports a WAL file on a read-only mount as "unable to open", so the file and its folder are
 * checked for writing too.
 */
export function diagnoseOpenFailure(path: string, error: unknown): StorageProblem | null {
  if (error instanceof StorageProbeFailed) return error.problem;
  const fromError = fsProblem(error) ?? classifyStorageError(error);
  if (fromError && fromError !== "unavailable") return fromError;
  try {
    closeSync(openSync(path, "r+"));
    accessSync(dirname(resolve(path)), constants.W_OK);
  } catch (fsError) {
    return fsProblem(fsError) ?? null;
  }
  return null;
}

/** The file opened, but (like a read-only mount with its WAL files present) it takes no writes. */
class StorageProbeFailed extends Error {
  constructor(readonly problem: StorageProblem) {
    super(`the database takes no writes: ${problem}`);
  }
}

/** A stand-in app while the database is unavailable: health says why, everything else is 503. */
export function standbyApp(problem: () => StorageProblem): Hono {
  const app = new Hono();
  app.use(securityHeaders());
  app.get("/health", (c) => c.json({ ok: false, database: problem(), hint: STORAGE_HINTS[problem()] }, 503, { "Retry-After": "30" }));
  app.get("/", (c) => c.html(`<!doctype html><meta charset="utf-8"><title>Pháo Đài</title><p>${vi.errors.storageStandby}</p>`, 503, { "Retry-After": "30" }));
  app.all("*", (c) => c.json({ error: "temporarily unavailable" }, 503, { "Retry-After": "30" }));
  return app;
}

export interface OpenedStorage {
  db: PrismaClient;
  /** Time spent waiting for the storage, 0 when it opened at once. */
  waitedMs: number;
}

/**
 * Opens (and migrates) the database; while the storage is in trouble, `whileWaiting` is called once
 * with the stand-in app (the caller starts listening with it) and the opening is retried.
 */
export async function openNodeDatabaseWhenReady(opts: {
  databaseUrl: string;
  log: Logger;
  retryMs: number;
  whileWaiting: (app: Hono) => Promise<void>;
}): Promise<OpenedStorage> {
  const path = sqlitePathFromUrl(opts.databaseUrl);
  const started = Date.now();
  let current: StorageProblem | null = null;
  let listening = false;
  for (;;) {
    try {
      const db = openNodeDatabase(opts.databaseUrl);
      // SQLite falls back to reading only when it cannot write, and such a connection stays so after
      // the mount is fixed: a write is tried now, and a failed one closes the connection for a fresh try.
      const problem = await probeStorage(db, new Date());
      if (problem) {
        await db.$disconnect();
        throw new StorageProbeFailed(problem);
      }
      if (current) opts.log.info("storage.recovered", { after: current, waitedSeconds: Math.round((Date.now() - started) / 1000) });
      return { db, waitedMs: current ? Date.now() - started : 0 };
    } catch (error) {
      const problem = diagnoseOpenFailure(path, error);
      if (!problem || problem === "unavailable") throw error;
      const changed = problem !== current;
      current = problem;
      // Listen before saying so: whoever reads the log can then ask the health check.
      if (!listening) {
        listening = true;
        await opts.whileWaiting(standbyApp(() => current ?? "unavailable"));
      }
      if (changed) opts.log.error("storage.unavailable_at_start", { reason: problem, hint: STORAGE_HINTS[problem], retrySeconds: opts.retryMs / 1000 });
      await new Promise((r) => setTimeout(r, opts.retryMs));
    }
  }
}
