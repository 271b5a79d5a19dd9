import type { Db } from "../db/client.js";
import { parseCsv } from "./csv.js";
import { foldVietnamese } from "./normalize.js";

export const PLACES_HEADER = ["province_code", "province_name", "commune_code", "commune_name", "commune_hotline", "village_code", "village_name"];
const CODE = /^[A-Z0-9-]{2,16}$/;

export class PlacesCsvError extends Error {}

interface PlaceRow {
  line: number;
  provinceCode: string;
  provinceName: string;
  communeCode: string;
  communeName: string;
  hotline: string;
  villageCode: string;
  villageName: string;
}

/** Checks every row before writing anything, so a bad file changes nothing. */
export function parsePlacesCsv(text: string): PlaceRow[] {
  const rows = parseCsv(text);
  const header = rows.shift()?.map((h) => h.trim().toLowerCase());
  if (!header || PLACES_HEADER.some((h, i) => header[i] !== h)) {
    throw new PlacesCsvError(`Dòng 1: tiêu đề phải là ${PLACES_HEADER.join(",")}`);
  }
  const out: PlaceRow[] = [];
  rows.forEach((cells, index) => {
    const line = index + 2;
    if (cells.every((c) => c.trim() === "")) return;
    if (cells.length !== PLACES_HEADER.length) throw new PlacesCsvError(`Dòng ${line}: cần ${PLACES_HEADER.length} cột, có ${cells.length}.`);
    const [provinceCode, provinceName, communeCode, communeName, hotline, villageCode, villageName] = cells.map((c) => c.trim()) as [string, string, string, string, string, string, string];
    for (const [name, value] of [["province_code", provinceCode], ["commune_code", communeCode], ["village_code", villageCode]] as const) {
      if (!CODE.test(value.toUpperCase())) throw new PlacesCsvError(`Dòng ${line}: ${name} "${value}" phải gồm 2–16 chữ, số hoặc dấu gạch ngang.`);
    }
    for (const [name, value] of [["province_name", provinceName], ["commune_name", communeName], ["village_name", villageName]] as const) {
      if (!value) throw new PlacesCsvError(`Dòng ${line}: thiếu ${name}.`);
    }
    if (hotline && !/^[0-9 .+()-]{3,20}$/.test(hotline)) throw new PlacesCsvError(`Dòng ${line}: số đường dây nóng "${hotline}" không hợp lệ.`);
    out.push({ line, provinceCode: provinceCode.toUpperCase(), provinceName, communeCode: communeCode.toUpperCase(), communeName, hotline, villageCode: villageCode.toUpperCase(), villageName });
  });
  return out;
}

/** Imports provinces → communes → villages; re-importing updates names by code. */
export async function importPlacesCsv(db: Db, text: string, opts: { isSample?: boolean } = {}) {
  const rows = parsePlacesCsv(text);
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
      const data = { name: r.communeName, searchName: foldVietnamese(r.communeName), hotline: r.hotline || null, provinceId, isSample: opts.isSample ?? false };
      const c = await db.commune.upsert({ where: { code: r.communeCode }, create: { code: r.communeCode, ...data }, update: data });
      communeId = c.id;
      communes.set(r.communeCode, c.id);
    }
    await db.village.upsert({ where: { code: r.villageCode }, create: { code: r.villageCode, name: r.villageName, communeId }, update: { name: r.villageName, communeId } });
    villages++;
  }
  return { provinces: provinces.size, communes: communes.size, villages };
}
