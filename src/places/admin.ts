// An admin's work on places (issue 13, the console's /canbo/quantri): a CSV checked in full before
// anything is written (the CLI's parser, then the scope of each row), a village renamed, a commune
// created with its villages by a province admin. One scope rule, `can(actor, "places.manage", …)`:
// a commune admin touches their commune, a province admin its communes, a national admin anything.
// Every write is audited (StaffAudit), once per commune it changed.
import type { Db } from "../db/client.js";
import { can, type StaffScope } from "../staff/roles.js";
import { checkPlacesCsv, importPlaceRows, type PlaceRow } from "./import.js";
import { foldVietnamese } from "./normalize.js";
import { viConsoleAdmin } from "../i18n/vi-console-admin.js";

const t = viConsoleAdmin.checks;
const CODE = /^[A-Z0-9-]{2,16}$/;
const NAME_MAX = 80;
export const MAX_NEW_VILLAGES = 60;

export interface PlacesActor extends StaffScope {
  id: number;
}

export const PLACES_AUDIT = {
  imported: "places.imported",
  villageRenamed: "village.renamed",
  communeCreated: "commune.created",
} as const;

export interface PlacesPreview {
  rows: PlaceRow[];
  /** Every problem of the file, in file order: nothing is written while there is one. */
  errors: string[];
  /** Communes the file creates and those it changes (codes), for the preview's summary. */
  newCommunes: string[];
  changedCommunes: string[];
}

/**
 * Reads a places CSV and checks every row against what the database holds and what this admin may
 * touch: a commune or village code already used elsewhere out of scope is an error, like a bad cell.
 */
export async function previewPlacesAs(db: Db, actor: PlacesActor, text: string): Promise<PlacesPreview> {
  const { rows, errors } = checkPlacesCsv(text);
  const newCommunes: string[] = [];
  const changedCommunes: string[] = [];
  if (rows.length === 0 && errors.length === 0) errors.push(t.empty);
  const provinces = new Map<string, { id: number; name: string } | null>();
  const communes = new Map<string, { id: number; provinceId: number } | null>();
  for (const r of rows) {
    if (!provinces.has(r.provinceCode)) provinces.set(r.provinceCode, await db.province.findUnique({ where: { code: r.provinceCode }, select: { id: true, name: true } }));
    const province = provinces.get(r.provinceCode);
    // Renaming a province is for who holds it: its province admin or a national admin.
    if (province && province.name !== r.provinceName && !can(actor, "places.manage", { provinceId: province.id })) {
      errors.push(t.provinceRename(r.line, r.provinceCode));
      continue;
    }
    if (!communes.has(r.communeCode)) communes.set(r.communeCode, await db.commune.findUnique({ where: { code: r.communeCode }, select: { id: true, provinceId: true } }));
    const commune = communes.get(r.communeCode);
    if (commune) {
      // An existing commune: in scope where it is now, and staying in its province.
      if (!can(actor, "places.manage", { communeId: commune.id, provinceId: commune.provinceId })) {
        errors.push(t.communeOutOfScope(r.line, r.communeCode));
        continue;
      }
      if (province?.id !== commune.provinceId) {
        errors.push(t.communeMoves(r.line, r.communeCode));
        continue;
      }
      if (!changedCommunes.includes(r.communeCode)) changedCommunes.push(r.communeCode);
    } else {
      // A new commune: a province admin in their province, a national admin anywhere.
      // A new province (no row yet) is a national admin's alone: no province admin holds it.
      if (!can(actor, "places.manage", province ? { provinceId: province.id } : {})) {
        errors.push(t.newCommuneOutOfScope(r.line, r.communeCode));
        continue;
      }
      if (!newCommunes.includes(r.communeCode)) newCommunes.push(r.communeCode);
    }
    const village = await db.village.findUnique({ where: { code: r.villageCode }, select: { communeId: true } });
    if (village && village.communeId !== commune?.id) errors.push(t.villageElsewhere(r.line, r.villageCode));
  }
  const seen = new Map<string, string>();
  for (const r of rows) {
    const before = seen.get(r.villageCode);
    if (before !== undefined && before !== r.communeCode) errors.push(t.villageTwice(r.line, r.villageCode));
    seen.set(r.villageCode, r.communeCode);
  }
  return { rows, errors, newCommunes, changedCommunes };
}

export type ImportOutcome = { ok: true; provinces: number; communes: number; villages: number } | { ok: false; errors: string[] };

/** Writes the file only if the same checks as the preview find nothing (the file may be stale). */
export async function importPlacesAs(db: Db, actor: PlacesActor, text: string, now: Date): Promise<ImportOutcome> {
  const preview = await previewPlacesAs(db, actor, text);
  if (preview.errors.length > 0) return { ok: false, errors: preview.errors };
  const counts = await importPlaceRows(db, preview.rows);
  const touched = await db.commune.findMany({ where: { code: { in: [...new Set(preview.rows.map((r) => r.communeCode))] } }, select: { id: true, code: true } });
  for (const c of touched) await db.staffAudit.create({ data: { communeId: c.id, action: PLACES_AUDIT.imported, actorStaffId: actor.id, subject: `commune:${c.code}`, createdAt: now } });
  return { ok: true, ...counts };
}

function cleanName(raw: string): string {
  return raw.normalize("NFC").replace(/\s+/g, " ").trim();
}

export type RenameOutcome = { ok: true; communeId: number } | { ok: false; reason: "not_found" } | { ok: false; reason: "invalid"; communeId: number; message: string };

export async function renameVillageAs(db: Db, actor: PlacesActor, villageId: number, name: string, now: Date): Promise<RenameOutcome> {
  const village = await db.village.findUnique({ where: { id: villageId }, include: { commune: true } });
  if (!village || !can(actor, "places.manage", { communeId: village.communeId, provinceId: village.commune.provinceId })) return { ok: false, reason: "not_found" };
  const clean = cleanName(name);
  if (!clean || clean.length > NAME_MAX) return { ok: false, reason: "invalid", communeId: village.communeId, message: t.badName(NAME_MAX) };
  await db.village.update({ where: { id: village.id }, data: { name: clean } });
  await db.staffAudit.create({ data: { communeId: village.communeId, action: PLACES_AUDIT.villageRenamed, actorStaffId: actor.id, subject: `village:${village.code}`, createdAt: now } });
  return { ok: true, communeId: village.communeId };
}

/** The village codes a new commune's villages get: the commune's code and a number, "TANLAP-01". */
export function villageCodes(communeCode: string, count: number): string[] {
  const stem = communeCode.slice(0, 13);
  return Array.from({ length: count }, (_, i) => `${stem}-${String(i + 1).padStart(2, "0")}`);
}

export type CreateCommuneOutcome = { ok: true; communeId: number; code: string } | { ok: false; reason: "not_found" } | { ok: false; reason: "invalid"; errors: string[] };

/**
 * A new commune of a province with its villages (names one per line, codes made from the commune's),
 * all or nothing. A province admin in their province, a national admin in any; not a commune admin.
 */
export async function createCommuneAs(
  db: Db,
  actor: PlacesActor,
  input: { provinceId: number; code: string; name: string; hotline: string; villages: string; now: Date },
): Promise<CreateCommuneOutcome> {
  const province = await db.province.findUnique({ where: { id: input.provinceId } });
  if (!province || actor.communeId !== null || !can(actor, "places.manage", { provinceId: province.id })) return { ok: false, reason: "not_found" };
  const errors: string[] = [];
  const code = input.code.trim().toUpperCase();
  const name = cleanName(input.name);
  const hotline = input.hotline.trim();
  const names = input.villages.split(/\r?\n/).map(cleanName).filter(Boolean);
  if (!CODE.test(code)) errors.push(t.badCommuneCode);
  else if (await db.commune.findUnique({ where: { code }, select: { id: true } })) errors.push(t.communeCodeTaken(code));
  if (!name || name.length > NAME_MAX) errors.push(t.badName(NAME_MAX));
  if (hotline && !/^[0-9 .+()-]{3,20}$/.test(hotline)) errors.push(t.badHotline);
  if (names.length === 0) errors.push(t.noVillages);
  if (names.length > MAX_NEW_VILLAGES) errors.push(t.tooManyVillages(MAX_NEW_VILLAGES));
  if (names.some((n) => n.length > NAME_MAX)) errors.push(t.badVillageName(NAME_MAX));
  const codes = CODE.test(code) ? villageCodes(code, names.length) : [];
  const taken = codes.length > 0 ? await db.village.findMany({ where: { code: { in: codes } }, select: { code: true } }) : [];
  for (const v of taken) errors.push(t.villageCodeTaken(v.code));
  if (errors.length > 0) return { ok: false, reason: "invalid", errors };
  // One nested write: the commune and its villages together, or neither.
  const commune = await db.commune.create({
    data: { code, name, searchName: foldVietnamese(name), hotline: hotline || null, provinceId: province.id, villages: { create: names.map((n, i) => ({ code: codes[i]!, name: n })) } },
  });
  await db.staffAudit.create({ data: { communeId: commune.id, action: PLACES_AUDIT.communeCreated, actorStaffId: actor.id, subject: `commune:${code}`, createdAt: input.now } });
  return { ok: true, communeId: commune.id, code };
}
