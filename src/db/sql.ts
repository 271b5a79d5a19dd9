// A thin layer of prepared SQL for the few statements every update runs (issue 11, the hot path):
// the intake's INSERT, the work queue's claim, the dialogue state and staff read at a turn's start
// and its writes at the end. Prisma stays the schema, the migrations and every other query; these
// statements cost Prisma ~0.5 ms each in building, mapping and preparing anew, against microseconds
// for a cached prepared statement.
//
// Two drivers, one contract: better-sqlite3 (Node: the very connection Prisma's adapter opened, so
// one writer, statements cached) and D1 (Workers: its own prepared statements). `batch` is atomic on
// both: on Node a synchronous transaction (nothing else on the event loop can run inside it, so a
// webhook's INSERT never joins it), on D1 `batch()`, which D1 runs as one transaction.
//
// Values are written exactly as Prisma writes them (dates as ISO 8601 with "+00:00", booleans 0/1),
// so rows written here read back the same through Prisma, and the reverse.
import type { Db } from "./client.js";

export type SqlValue = string | number | null;
export interface SqlStatement {
  sql: string;
  args: SqlValue[];
}
export type SqlRow = Record<string, unknown>;
export interface SqlResult {
  rows: SqlRow[];
  changes: number;
}

export interface HotSql {
  /** One statement; rows when it returns any (SELECT, … RETURNING). */
  run(statement: SqlStatement): Promise<SqlResult>;
  /** Several statements in one transaction: all or none. */
  batch(statements: SqlStatement[]): Promise<SqlResult[]>;
}

export const sql = (text: string, ...args: SqlValue[]): SqlStatement => ({ sql: text, args });

/** A date as Prisma stores it in SQLite and D1. */
export const sqlDate = (date: Date): string => date.toISOString().replace("Z", "+00:00");
export const dateOf = (value: unknown): Date => new Date(value as string);
export const dateOrNull = (value: unknown): Date | null => (value === null || value === undefined ? null : new Date(value as string));

const HOT_SQL = Symbol.for("phaodai.hotSql");

/** Gives a Prisma client its hot-path SQL (the wiring: src/db/node.ts, src/worker.ts). */
export function attachSql<T extends object>(db: T, hot: HotSql): T {
  Object.defineProperty(db, HOT_SQL, { value: hot, enumerable: false });
  return db;
}

/** The hot-path SQL of a client (read through a property, so a test's Proxy of the client keeps it). */
export function sqlOf(db: Db): HotSql {
  const hot = (db as unknown as Record<symbol, HotSql | undefined>)[HOT_SQL];
  if (!hot) throw new Error("this database client has no hot-path SQL attached (src/db/sql.ts)");
  return hot;
}

/** What this layer uses of a better-sqlite3 connection. */
export interface SqliteConnection {
  readonly open: boolean;
  prepare(sql: string): { reader: boolean; safeIntegers(on: boolean): unknown; all(...args: SqlValue[]): unknown[]; run(...args: SqlValue[]): { changes: number } };
  transaction<F extends () => unknown>(fn: F): F;
}

/** better-sqlite3, on the connection `connection()` gives (Prisma's, opened on its first query, new after a reconnect). */
export function sqliteSql(connection: () => SqliteConnection | Promise<SqliteConnection>): HotSql {
  const cache = new Map<string, ReturnType<SqliteConnection["prepare"]>>();
  let open: SqliteConnection | null = null;
  const prepared = (c: SqliteConnection, text: string) => {
    let statement = cache.get(text);
    if (!statement) {
      statement = c.prepare(text);
      // Prisma's adapter turns safe integers on for the connection: plain numbers here.
      if (statement.reader) statement.safeIntegers(false);
      cache.set(text, statement);
    }
    return statement;
  };
  const one = (c: SqliteConnection, s: SqlStatement): SqlResult => {
    const statement = prepared(c, s.sql);
    if (statement.reader) {
      const rows = statement.all(...s.args) as SqlRow[];
      return { rows, changes: rows.length };
    }
    return { rows: [], changes: statement.run(...s.args).changes };
  };
  const connected = async () => {
    const current = await connection();
    if (current !== open) {
      cache.clear(); // statements belong to the connection that prepared them
      open = current;
    }
    return current;
  };
  return {
    async run(s) {
      return one(await connected(), s);
    },
    async batch(statements) {
      const c = await connected();
      return c.transaction(() => statements.map((s) => one(c, s)))();
    },
  };
}

/** What this layer uses of a D1 binding. */
export interface D1Like {
  prepare(sql: string): D1PreparedLike;
  batch(statements: D1PreparedLike[]): Promise<Array<{ results?: unknown[]; meta?: { changes?: number } }>>;
}
interface D1PreparedLike {
  bind(...args: SqlValue[]): D1PreparedLike;
  all(): Promise<{ results?: unknown[]; meta?: { changes?: number } }>;
}

/** Cloudflare D1 (Workers). */
export function d1Sql(d1: D1Like): HotSql {
  const result = (r: { results?: unknown[]; meta?: { changes?: number } }): SqlResult => ({ rows: (r.results ?? []) as SqlRow[], changes: r.meta?.changes ?? 0 });
  const bound = (s: SqlStatement) => d1.prepare(s.sql).bind(...s.args);
  return {
    async run(s) {
      return result(await bound(s).all());
    },
    async batch(statements) {
      if (statements.length === 0) return [];
      return (await d1.batch(statements.map(bound))).map(result);
    },
  };
}
