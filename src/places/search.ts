import type { Db } from "../db/client.js";
import type { Commune } from "../db/generated/node/client.js";
import { sql, sqlOf } from "../db/sql.js";
import { foldVietnamese } from "./normalize.js";

/** Communes whose name holds every word typed (with or without diacritics), or whose code matches. */
export async function searchCommunes(db: Db, query: string, limit = 8) {
  const folded = foldVietnamese(query).replace(/^(xa|phuong|thi tran)\s+/, "");
  const words = folded.split(" ").filter(Boolean);
  if (words.length === 0) return [];
  return db.commune.findMany({
    where: {
      OR: [{ AND: words.map((w) => ({ searchName: { contains: w } })) }, { code: query.trim().toUpperCase() }],
    },
    orderBy: { name: "asc" },
    take: limit,
  });
}

export function listVillages(db: Db, communeId: number) {
  return db.village.findMany({ where: { communeId }, orderBy: { code: "asc" } });
}

export function findVillageByCode(db: Db, code: string) {
  return db.village.findUnique({ where: { code: code.trim().toUpperCase() }, include: { commune: true } });
}

export function findVillageById(db: Db, id: number) {
  return db.village.findUnique({ where: { id } });
}

export function findVillageWithCommune(db: Db, id: number) {
  return db.village.findUnique({ where: { id }, include: { commune: true } });
}

/** A village by the code typed, only within this commune. */
export function findVillageInCommune(db: Db, communeId: number, code: string) {
  return db.village.findFirst({ where: { communeId, code: code.trim().toUpperCase() } });
}

const COMMUNE_BY_ID = `SELECT "id", "code", "name", "searchName", "hotline", "policeContacts", "isSample", "provinceId", "languages" FROM "Commune" WHERE "id" = ?`;

/**
 * A commune by id, as Prisma's findUnique gives it. Through the prepared layer: a tip-off reads its
 * commune on most turns (issue 11, the hot path). A non-integer id goes to Prisma, which rejects it.
 */
export async function findCommuneById(db: Db, id: number): Promise<Commune | null> {
  if (!Number.isSafeInteger(id)) return db.commune.findUnique({ where: { id } });
  const row = (await sqlOf(db).run(sql(COMMUNE_BY_ID, id))).rows[0];
  if (!row) return null;
  return {
    id: Number(row.id),
    code: String(row.code),
    name: String(row.name),
    searchName: String(row.searchName),
    hotline: row.hotline === null || row.hotline === undefined ? null : String(row.hotline),
    policeContacts: row.policeContacts === null || row.policeContacts === undefined ? null : String(row.policeContacts),
    isSample: Number(row.isSample) === 1 || row.isSample === true,
    provinceId: Number(row.provinceId),
    languages: String(row.languages),
  };
}

export function getCommune(db: Db, id: number) {
  return db.commune.findUniqueOrThrow({ where: { id } });
}

/** The commune with this code, as typed (upper-cased, not trimmed). */
export function findCommuneByCode(db: Db, code: string) {
  return db.commune.findUnique({ where: { code: code.toUpperCase() } });
}

/** The first commune by code, of one province or (null) of the whole system. */
export function firstCommune(db: Db, provinceId: number | null) {
  return db.commune.findFirst({ where: provinceId ? { provinceId } : {}, orderBy: { code: "asc" } });
}

/** The province with this code, as typed (upper-cased). */
export function findProvinceByCode(db: Db, code: string) {
  return db.province.findUnique({ where: { code: code.toUpperCase() } });
}

export function findProvinceById(db: Db, id: number) {
  return db.province.findUnique({ where: { id } });
}

export function getProvince(db: Db, id: number) {
  return db.province.findUniqueOrThrow({ where: { id } });
}

export function listProvinces(db: Db, take = 40) {
  return db.province.findMany({ orderBy: { code: "asc" }, take });
}
