// Holds prisma/schema.prisma and the hand-written SQL migrations together: every model and field
// exists with a compatible type, nullability and uniqueness, and nothing exists that the schema lacks.
import Database from "better-sqlite3";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrateSqliteFile } from "../../src/db/migrate-node.js";

const SQL_TYPES: Record<string, string> = { String: "TEXT", Int: "INTEGER", Float: "REAL", Boolean: "BOOLEAN", DateTime: "DATETIME", Bytes: "BLOB" };

interface Field {
  name: string;
  type: string;
  optional: boolean;
  unique: boolean;
  id: boolean;
}

function parseSchema(text: string) {
  const models = new Map<string, { fields: Field[]; uniques: string[][] }>();
  for (const match of text.matchAll(/model\s+(\w+)\s*\{([\s\S]*?)\n\}/g)) {
    const fields: Field[] = [];
    const uniques: string[][] = [];
    for (const raw of match[2]!.split("\n")) {
      const line = raw.replace(/\/\/.*$/, "").trim();
      const compound = /^@@unique\(\[([^\]]+)\]\)/.exec(line);
      if (compound) uniques.push(compound[1]!.split(",").map((s) => s.trim()));
      const field = /^(\w+)\s+(\w+)(\?|\[\])?/.exec(line);
      if (!field || line.startsWith("@@")) continue;
      const [, name, type, modifier] = field;
      if (!SQL_TYPES[type!] || modifier === "[]") continue; // relations are not columns
      fields.push({ name: name!, type: type!, optional: modifier === "?", unique: /@unique\b/.test(line), id: /@id\b/.test(line) });
      if (/@unique\b/.test(line)) uniques.push([name!]);
    }
    models.set(match[1]!, { fields, uniques });
  }
  return models;
}

const dir = mkdtempSync(join(tmpdir(), "phaodai-schema-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("schema.prisma and prisma/migrations/*.sql", () => {
  const models = parseSchema(readFileSync(resolve(import.meta.dirname, "../../prisma/schema.prisma"), "utf8"));
  const path = join(dir, "empty.db");
  const applied = migrateSqliteFile(path);
  const db = new Database(path, { readonly: true });

  it("applies every migration to an empty database once", () => {
    expect(applied.length).toBeGreaterThan(0);
    expect(migrateSqliteFile(path)).toEqual([]);
  });

  it("has a table for every model and no table the schema lacks", () => {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name <> 'd1_migrations'").all() as { name: string }[]).map((t) => t.name);
    expect(new Set(tables)).toEqual(new Set(models.keys()));
  });

  for (const [model, { fields, uniques }] of models) {
    it(`${model}: columns, types, nullability and unique keys match`, () => {
      const columns = db.prepare(`PRAGMA table_info("${model}")`).all() as { name: string; type: string; notnull: number; pk: number }[];
      expect(new Set(columns.map((c) => c.name))).toEqual(new Set(fields.map((f) => f.name)));
      for (const f of fields) {
        const column = columns.find((c) => c.name === f.name)!;
        expect(column.type, `${model}.${f.name}`).toBe(SQL_TYPES[f.type]);
        if (f.id) expect(column.pk, `${model}.${f.name} is the key`).toBe(1);
        else expect(column.notnull === 0, `${model}.${f.name} nullable`).toBe(f.optional);
      }
      const indexes = db.prepare(`PRAGMA index_list("${model}")`).all() as { name: string; unique: number; origin: string }[];
      const uniqueSets = indexes
        .filter((i) => i.unique === 1 && i.origin !== "pk")
        .map((i) => (db.prepare(`PRAGMA index_info("${i.name}")`).all() as { name: string }[]).map((c) => c.name).join(","));
      expect(new Set(uniqueSets)).toEqual(new Set(uniques.map((u) => u.join(","))));
    });
  }
});
