import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/node/client.js";
import { migrateSqliteFile, sqlitePathFromUrl } from "./migrate-node.js";
import { attachSql, sqliteSql, type SqliteConnection } from "./sql.js";

export const BUSY_TIMEOUT_MS = 2_000;

/**
 * Every connection overwrites deleted content with zeros (secure_delete): an erased address or a
 * blanked receipt code must not survive in a free page of the file. The pragma is per connection.
 */
class SecureDeleteSqlite extends PrismaBetterSqlite3 {
  /** The better-sqlite3 connection the adapter opened: the hot-path SQL (src/db/sql.ts) shares it. */
  connection: SqliteConnection | null = null;
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript("PRAGMA secure_delete = ON;");
    this.connection = (adapter as unknown as { client?: SqliteConnection }).client ?? null;
    return adapter;
  }
}

/** Migrates the SQLite file and opens a Prisma client on it (Node only). */
export function openNodeDatabase(databaseUrl: string): PrismaClient {
  const path = sqlitePathFromUrl(databaseUrl);
  migrateSqliteFile(path);
  // Wait at most 2 s for another writer's lock: better-sqlite3 waits synchronously, holding the whole
  // event loop, and a webhook is better answered 503 (the platform retries) than left hanging.
  const adapter = new SecureDeleteSqlite({ url: `file:${path}`, timeout: BUSY_TIMEOUT_MS });
  const client = new PrismaClient({ adapter });
  return attachSql(
    client,
    sqliteSql(async () => {
      if (adapter.connection?.open === false) adapter.connection = null; // closed by $disconnect
      if (!adapter.connection) await client.$connect();
      if (!adapter.connection) throw new Error("the Prisma better-sqlite3 adapter exposes no connection (its `client`): see src/db/sql.ts");
      return adapter.connection;
    }),
  );
}
