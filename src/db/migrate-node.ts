// Applies prisma/migrations/*.sql to a SQLite file in name order, recording them in
// d1_migrations exactly as `wrangler d1 migrations apply` does, so both runtimes share one history.
import Database from "better-sqlite3";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const migrationsDir = resolve(dirname(fileURLToPath(import.meta.url)), "../../prisma/migrations");

export function sqlitePathFromUrl(url: string): string {
  const path = url.startsWith("file:") ? url.slice("file:".length) : url;
  if (!path) throw new Error("DATABASE_URL names no file");
  return path;
}

export function listMigrations(dir = migrationsDir): { name: string; sql: string }[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(dir, name), "utf8") }));
}

/** Opens (creating if needed) the file, sets WAL, applies pending migrations. Returns the names applied. */
export function migrateSqliteFile(path: string, dir = migrationsDir): string[] {
  if (path !== ":memory:") mkdirSync(dirname(resolve(path)), { recursive: true });
  const db = new Database(path);
  try {
    db.pragma("journal_mode = WAL");
    db.exec(
      `CREATE TABLE IF NOT EXISTS d1_migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE, applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL)`,
    );
    const done = new Set((db.prepare("SELECT name FROM d1_migrations").all() as { name: string }[]).map((r) => r.name));
    const applied: string[] = [];
    for (const m of listMigrations(dir)) {
      if (done.has(m.name)) continue;
      db.transaction(() => {
        db.exec(m.sql);
        db.prepare("INSERT INTO d1_migrations (name) VALUES (?)").run(m.name);
      })();
      applied.push(m.name);
    }
    return applied;
  } finally {
    db.close();
  }
}
