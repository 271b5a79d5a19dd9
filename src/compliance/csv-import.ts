// Villages' monthly figures from a CSV file: every row checked before anything is written, so a
// bad file changes nothing. Columns: village_code, month, then any figure ids (empty = no value).
import { type MonthKey, parseMonthArg } from "../util/vietnam-time.js";
import type { Db } from "../db/client.js";
import { parseCsv } from "../places/csv.js";
import { viCompliance as t } from "../i18n/vi-compliance.js";
import { FIELD_IDS, FIGURE_FIELDS, validateValues, type FigureValues } from "./fields.js";
import { figuresOf, saveFigures } from "./service.js";

export class FiguresCsvError extends Error {}

export interface FiguresRow {
  line: number;
  villageId: number;
  month: MonthKey;
  values: FigureValues;
}

export async function parseFiguresCsv(db: Db, text: string): Promise<FiguresRow[]> {
  const rows = parseCsv(text);
  const header = rows.shift()?.map((h) => h.trim().toLowerCase());
  if (!header || header[0] !== "village_code" || header[1] !== "month") throw new FiguresCsvError(t.cli.importHeader(FIGURE_FIELDS.map((f) => f.id).join(",")));
  const columns = header.slice(2);
  for (const c of columns) if (!FIELD_IDS.has(c)) throw new FiguresCsvError(t.cli.importUnknownColumn(c));
  const out: FiguresRow[] = [];
  const seen = new Set<string>();
  for (const [index, cells] of rows.entries()) {
    const line = index + 2;
    if (cells.every((c) => c.trim() === "")) continue;
    const code = (cells[0] ?? "").trim().toUpperCase();
    const village = /^[A-Z0-9-]{2,16}$/.test(code) ? await db.village.findUnique({ where: { code }, select: { id: true } }) : null;
    if (!village) throw new FiguresCsvError(t.cli.importBadVillage(line, code.slice(0, 20)));
    const month = parseMonthArg((cells[1] ?? "").trim());
    if (!month) throw new FiguresCsvError(t.cli.importBadMonth(line, (cells[1] ?? "").slice(0, 20)));
    const raw: Record<string, number> = {};
    for (const [i, column] of columns.entries()) {
      const cell = (cells[i + 2] ?? "").trim();
      if (cell === "") continue;
      if (!/^\d{1,9}$/.test(cell)) throw new FiguresCsvError(t.cli.importBadValue(line, column, cell.slice(0, 20)));
      raw[column] = Number(cell);
    }
    const checked = validateValues(raw);
    if (!checked.ok) throw new FiguresCsvError(t.cli.importInvalid(line, `${checked.field}: ${checked.problem}`));
    const key = `${village.id}:${month}`;
    if (seen.has(key)) throw new FiguresCsvError(t.cli.importDuplicate(line));
    seen.add(key);
    out.push({ line, villageId: village.id, month, values: checked.values });
  }
  return out;
}

/** Saves each row as a new revision (source "csv"), on top of what is there. */
export async function importFigures(db: Db, rows: FiguresRow[], now: Date): Promise<{ saved: number; conflicts: number }> {
  let saved = 0;
  let conflicts = 0;
  for (const r of rows) {
    const current = await figuresOf(db, r.villageId, r.month);
    const result = await saveFigures(db, { villageId: r.villageId, month: r.month, values: r.values, staffId: null, source: "csv", note: t.cli.importNote, basedOnVersion: current?.version ?? 0, now });
    if (result.ok) saved++;
    else conflicts++;
  }
  return { saved, conflicts };
}
