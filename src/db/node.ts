import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/node/client.js";
import { migrateSqliteFile, sqlitePathFromUrl } from "./migrate-node.js";

/** Migrates the SQLite file and opens a Prisma client on it (Node only). */
export function openNodeDatabase(databaseUrl: string): PrismaClient {
  const path = sqlitePathFromUrl(databaseUrl);
  migrateSqliteFile(path);
  const adapter = new PrismaBetterSqlite3({ url: `file:${path}` });
  return new PrismaClient({ adapter });
}
