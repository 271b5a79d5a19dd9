import type { Db } from "../db/client.js";
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
