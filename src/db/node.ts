import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/node/client.js";
import { migrateSqliteFile, sqlitePathFromUrl } from "./migrate-node.js";

export const BUSY_TIMEOUT_MS = 2_000;

/** Migrates the SQLite file and opens a Prisma client on it (Node only). */
export function openNodeDatabase(databaseUrl: string): PrismaClient {
  const path = sqlitePathFromUrl(databaseUrl);
  migrateSqliteFile(path);
  // Wait at most 2 s for another writer's lock: better-sqlite3 waits synchronously, holding the whole
  // event loop, and a webhook is better answered 503 (the platform retries) than left hanging.
  const adapter = new PrismaBetterSqlite3({ url: `file:${path}`, timeout: BUSY_TIMEOUT_MS });
  return new PrismaClient({ adapter });
}
