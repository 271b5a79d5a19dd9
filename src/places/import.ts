import type { Db } from "../db/client.js";
import { parseCsv } from "./csv.js";
import { foldVietnamese } from "./normalize.js";
import { BASE_LANGUAGE, readLanguageList } from "../bulletins/languages.js";
import { messagesFor } from "../i18n/messages.js";

const msg = messagesFor("vi").data;

export const PLACES_HEADER = ["province_code", "province_name", "commune_code", "commune_name", "commune_hotline", "village_code", "village_name"];
/** Optional columns after the required ones, in any order: bulletin languages (ISO 639-3 codes or names, comma-separated in quotes). */
export const PLACES_OPTIONAL = ["commune_languages", "village_languages"];
/** An example row for the operator, in the order of PLACES_HEADER then PLACES_OPTIONAL. */
export const PLACES_EXAMPLE_ROW = msg.places.exampleRow;
const CODE = /^[A-Z0-9-]{2,16}$/;

export class PlacesCsvError extends Error {}

export interface PlaceRow {
  line: number;
  provinceCode: string;
  provinceName: string;
  communeCode: string;
  communeName: string;
  hotline: string;
  villageCode: string;
  villageName: string;
  /** Codes, or undefined when the column is absent or the cell empty (nothing changes then). */
  communeLanguages?: string[];
  villageLanguages?: string[];
}

/** Checks every row before writing anything, so a bad file changes nothing: the first error thrown. */
export function parsePlacesCsv(text: string): PlaceRow[] {
  const { rows, errors } = checkPlacesCsv(text);
  if (errors.length > 0) throw new PlacesCsvError(errors[0]);
  return rows;
}

/**
 * Every error of a file, in file order (a bad header stops there: the columns mean nothing then),
 * and the rows that read well. The console's preview lists them all before anything is written.
 */
export function checkPlacesCsv(text: string): { rows: PlaceRow[]; errors: string[] } {
  const rows = parseCsv(text);
  const header = rows.shift()?.map((h) => h.trim().toLowerCase());
  if (!header || PLACES_HEADER.some((h, i) => header[i] !== h)) {
    return { rows: [], errors: [msg.places.header(PLACES_HEADER.join(","))] };
  }
  const extra = header.slice(PLACES_HEADER.length);
  for (const name of extra) {
    if (!PLACES_OPTIONAL.includes(name) || extra.indexOf(name) !== extra.lastIndexOf(name)) {
      return { rows: [], errors: [msg.places.extraColumn(name, PLACES_OPTIONAL.join(", "))] };
    }
  }
  const out: PlaceRow[] = [];
  const errors: string[] = [];
  rows.forEach((cells, index) => {
    const line = index + 2;
    if (cells.every((c) => c.trim() === "")) return;
    if (cells.length !== header.length) {
      errors.push(msg.places.cellCount(line, header.length, cells.length));
      return;
    }
    const rowErrors: string[] = [];
    const [provinceCode, provinceName, communeCode, communeName, hotline, villageCode, villageName] = cells.slice(0, PLACES_HEADER.length).map((c) => c.trim()) as [string, string, string, string, string, string, string];
    for (const [name, value] of [["province_code", provinceCode], ["commune_code", communeCode], ["village_code", villageCode]] as const) {
      if (!CODE.test(value.toUpperCase())) rowErrors.push(msg.places.badCode(line, name, value));
    }
    for (const [name, value] of [["province_name", provinceName], ["commune_name", communeName], ["village_name", villageName]] as const) {
      if (!value) rowErrors.push(msg.places.missing(line, name));
    }
    if (hotline && !/^[0-9 .+()-]{3,20}$/.test(hotline)) rowErrors.push(msg.places.badHotline(line, hotline));
    const languages = (column: string): string[] | undefined => {
      const index = header.indexOf(column);
      const cell = index >= 0 ? (cells[index] ?? "").trim() : "";
      if (!cell) return undefined;
      const { codes, unknown } = readLanguageList(cell);
      if (unknown.length > 0) rowErrors.push(msg.places.unknownLanguages(line, column, unknown.join(", ")));
      return codes;
    };
    const communeLanguages = languages("commune_languages");
    const villageLanguages = languages("village_languages");
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      return;
    }
    out.push({
      line,
      provinceCode: provinceCode.toUpperCase(),
      provinceName,
      communeCode: communeCode.toUpperCase(),
      communeName,
      hotline,
      villageCode: villageCode.toUpperCase(),
      villageName,
      communeLanguages,
      villageLanguages,
    });
  });
  return { rows: out, errors };
}

/** Imports provinces → communes → villages; re-importing updates names by code. */
export async function importPlacesCsv(db: Db, text: string, opts: { isSample?: boolean } = {}) {
  return importPlaceRows(db, parsePlacesCsv(text), opts);
}

/** Writes rows already checked (checkPlacesCsv, and the caller's scope check). */
export async function importPlaceRows(db: Db, rows: PlaceRow[], opts: { isSample?: boolean } = {}) {
  const provinces = new Map<string, number>();
  const communes = new Map<string, number>();
  let villages = 0;
  for (const r of rows) {
    let provinceId = provinces.get(r.provinceCode);
    if (provinceId === undefined) {
      const p = await db.province.upsert({ where: { code: r.provinceCode }, create: { code: r.provinceCode, name: r.provinceName }, update: { name: r.provinceName } });
      provinceId = p.id;
      provinces.set(r.provinceCode, p.id);
    }
    let communeId = communes.get(r.communeCode);
    if (communeId === undefined) {
      const languages = r.communeLanguages ? { languages: (r.communeLanguages.includes(BASE_LANGUAGE) ? r.communeLanguages : [BASE_LANGUAGE, ...r.communeLanguages]).join(",") } : {};
      const data = { name: r.communeName, searchName: foldVietnamese(r.communeName), hotline: r.hotline || null, provinceId, isSample: opts.isSample ?? false, ...languages };
      const c = await db.commune.upsert({ where: { code: r.communeCode }, create: { code: r.communeCode, ...data }, update: data });
      communeId = c.id;
      communes.set(r.communeCode, c.id);
    }
    const villageLanguages = r.villageLanguages ? { languages: r.villageLanguages.join(",") } : {};
    await db.village.upsert({
      where: { code: r.villageCode },
      create: { code: r.villageCode, name: r.villageName, communeId, ...villageLanguages },
      update: { name: r.villageName, communeId, ...villageLanguages },
    });
    villages++;
  }
  return { provinces: provinces.size, communes: communes.size, villages };
}
