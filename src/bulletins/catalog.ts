// The starting catalog (prisma/seed/bulletins/catalog.vi.json): validated, and imported into the
// database by slug. The file is bundled (a JSON import), so Node and Workers import the same data.
import { VN_OFFSET_MS } from "../util/vietnam-time.js";
import { fnv1a } from "../util/fingerprint.js";
import { POSTER_SLUG, posterRevision, syncPosterItem } from "./poster-text.js";
import data from "../../prisma/seed/bulletins/catalog.vi.json" with { type: "json" };
import { z } from "zod";
import type { Db } from "../db/client.js";
import { BASE_LANGUAGE } from "./languages.js";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const entrySchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]{3,60}$/),
  position: z.number().int().positive(),
  topic: z.string().min(3),
  title: z.string().min(3).max(120),
  tags: z.array(z.string().regex(/^[a-z0-9-]{2,40}$/)),
  validFrom: z.string().regex(DATE).nullable(),
  validUntil: z.string().regex(DATE).nullable(),
  // Read by people: the document (issuing body, place, number or date) and its section; never our
  // copy of it (a seed file, a line number) or a path.
  sources: z
    .array(
      z
        .string()
        .min(10)
        .refine((s) => !/\bseeds?\b|\b(?:dòng|lines?)\s*\d|\b[\w.-]+\/[\w./-]*\.(?:md|txt|json|ts)\b/iu.test(s), "a source names the document, not a seed file, a line of our copy or a path"),
    )
    .min(1),
  paragraphs: z.array(z.string().min(1)).min(1),
});
const schema = z.object({ bulletins: z.array(entrySchema).min(1) });

export type CatalogEntry = z.infer<typeof entrySchema>;

export function parseCatalog(value: unknown): CatalogEntry[] {
  const entries = schema.parse(value).bulletins;
  const slugs = new Set(entries.map((e) => e.slug));
  if (slugs.size !== entries.length) throw new Error("catalog: duplicate slug");
  return entries;
}

export const catalog: CatalogEntry[] = parseCatalog(data);

/** The text read aloud: paragraphs separated by a blank line. */
export function entryText(entry: Pick<CatalogEntry, "paragraphs">): string {
  return entry.paragraphs.join("\n\n");
}

/** Words as a reader counts them: whitespace-separated tokens that hold a letter or digit. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** "2025-07-01" (a Vietnam date) → the instant 00:00 that day in Vietnam. */
export function vnDate(text: string | null): Date | null {
  if (!text) return null;
  const [y, m, d] = text.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) - VN_OFFSET_MS);
}

/** A short fingerprint of the catalog (FNV-1a over its JSON): re-import only when it changed. */
export function catalogRevision(entries: CatalogEntry[]): string {
  return `${entries.length}:${fnv1a(JSON.stringify(entries))}`;
}

const META_KEY = "catalog.revision";
/** The catalog's fingerprint and the poster's words' (src/bulletins/poster-text.ts), as stored. */
const storedRevision = (entries: CatalogEntry[]) => `${catalogRevision(entries)}+${posterRevision()}`;

/**
 * Imports the catalog: items by slug (title, topic, tags, validity, sources, order), their
 * Vietnamese text as the approved Vietnamese version, and retires items no longer in the file.
 * Translations are never touched. Idempotent; safe from two places at once (upserts by unique keys).
 */
export async function syncCatalog(db: Db, entries: CatalogEntry[], now: Date): Promise<{ items: number; retired: number }> {
  for (const e of entries) {
    const fields = {
      position: e.position,
      title: e.title,
      topic: e.topic,
      tags: e.tags.join(","),
      validFrom: vnDate(e.validFrom),
      validUntil: vnDate(e.validUntil),
      sources: e.sources.join("\n"),
      retiredAt: null,
      updatedAt: now,
    };
    const item = await db.bulletinItem.upsert({ where: { slug: e.slug }, create: { slug: e.slug, createdAt: now, ...fields }, update: fields });
    const text = entryText(e);
    await db.bulletinVersion.upsert({
      where: { itemId_language_status: { itemId: item.id, language: BASE_LANGUAGE, status: "approved" } },
      create: { itemId: item.id, language: BASE_LANGUAGE, status: "approved", text, approvedAt: now, createdAt: now, updatedAt: now },
      update: { text, updatedAt: now },
    });
  }
  await syncPosterItem(db, now);
  // Compared here rather than with NOT IN: D1 allows about 100 bound values per query.
  const slugs = new Set([...entries.map((e) => e.slug), POSTER_SLUG]);
  let count = 0;
  // Only the shared catalog: a commune's own items (communeId set) are not in the file.
  for (const item of await db.bulletinItem.findMany({ where: { retiredAt: null, communeId: null }, select: { id: true, slug: true } })) {
    if (slugs.has(item.slug)) continue;
    count += (await db.bulletinItem.updateMany({ where: { id: item.id, retiredAt: null }, data: { retiredAt: now } })).count;
  }
  const revision = storedRevision(entries);
  await db.bulletinMeta.upsert({ where: { key: META_KEY }, create: { key: META_KEY, value: revision, updatedAt: now }, update: { value: revision, updatedAt: now } });
  return { items: entries.length, retired: count };
}

/** Imports the bundled catalog when the database holds another revision (one cheap read otherwise). */
export async function ensureCatalog(db: Db, now: Date, entries: CatalogEntry[] = catalog): Promise<boolean> {
  const meta = await db.bulletinMeta.findUnique({ where: { key: META_KEY } });
  if (meta?.value === storedRevision(entries)) return false;
  await syncCatalog(db, entries, now);
  return true;
}
