// The village poster's fixed words as an item of the shared catalog that translators translate and a
// second translator approves like any bulletin (issue 15: posters in the commune's languages). The
// item is never aired (the slot pick leaves it out); an approved translation prints, for each village
// that speaks the language, a second page of the poster in that language.
import type { Db } from "../db/client.js";
import { viPosters } from "../i18n/vi-posters.js";
import { fnv1a } from "../util/fingerprint.js";
import { BASE_LANGUAGE, languageLabel, parseLanguageList } from "./languages.js";

export const POSTER_SLUG = "ap-phich-to-giac";

/** The words of a poster page that do not name a place, a code or a number. */
export interface PosterWords {
  heading: string;
  subheading: string;
  promises: string[];
  whatTitle: string;
  what: string[];
  /** Under each QR code, before the channel's name. */
  scan: string;
  falseReport: string;
  motto: string;
}

export const VIETNAMESE_POSTER_WORDS: PosterWords = {
  heading: viPosters.heading,
  subheading: viPosters.subheading,
  promises: [...viPosters.promises],
  whatTitle: viPosters.whatTitle,
  what: [...viPosters.what],
  scan: viPosters.scanAny,
  falseReport: viPosters.falseReport,
  motto: viPosters.motto,
};

/** The words in reading order, one paragraph each: what a translator sees and gives back. */
export function posterParagraphs(words: PosterWords): string[] {
  return [words.heading, words.subheading, ...words.promises, words.whatTitle, ...words.what, words.scan, words.falseReport, words.motto];
}

/**
 * A translation read back into the poster's places: paragraphs separated by blank lines (or by line
 * breaks), one per Vietnamese paragraph. Null when the count differs: the page then prints the text
 * as it was written, in one block, rather than guess which line is which.
 */
export function wordsFromTranslation(text: string, shape: PosterWords = VIETNAMESE_POSTER_WORDS): PosterWords | null {
  const paragraphs = splitParagraphs(text);
  if (paragraphs.length !== posterParagraphs(shape).length) return null;
  let i = 0;
  const take = (n: number) => paragraphs.slice(i, (i += n));
  const [heading, subheading] = take(2) as [string, string];
  const promises = take(shape.promises.length);
  const [whatTitle] = take(1) as [string];
  const what = take(shape.what.length);
  const [scan, falseReport, motto] = take(3) as [string, string, string];
  return { heading, subheading, promises, whatTitle, what, scan, falseReport, motto };
}

export function splitParagraphs(text: string): string[] {
  const byBlank = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return byBlank.length > 1 ? byBlank : text.split(/\n/).map((p) => p.trim()).filter(Boolean);
}

/** One language's approved poster words: aligned to the poster, or the text to print as a block. */
export interface PosterTranslation {
  language: string;
  label: string;
  words: PosterWords | null;
  paragraphs: string[];
}

/** The languages a village's poster speaks besides Vietnamese: its own list, else its commune's. */
export function posterLanguagesOf(village: { languages: string | null }, commune: { languages: string | null }): string[] {
  return parseLanguageList(village.languages ?? commune.languages).filter((l) => l !== BASE_LANGUAGE);
}

/** The approved translations of the poster's words in these languages (none yet: an empty list). */
export async function posterTranslations(db: Db, languages: string[]): Promise<PosterTranslation[]> {
  if (languages.length === 0) return [];
  const versions = await db.bulletinVersion.findMany({
    where: { item: { slug: POSTER_SLUG, retiredAt: null }, language: { in: languages }, status: "approved", text: { not: null } },
    select: { language: true, text: true },
  });
  return languages.flatMap((language) => {
    const text = versions.find((v) => v.language === language)?.text;
    return text ? [{ language, label: languageLabel(language), words: wordsFromTranslation(text), paragraphs: splitParagraphs(text) }] : [];
  });
}

/**
 * Keeps the poster's item in the catalog with the words the poster prints today, as its approved
 * Vietnamese version (translations are never touched). Called by the catalog import.
 */
export async function syncPosterItem(db: Db, now: Date): Promise<void> {
  const fields = { position: 0, title: viPosters.itemTitle, topic: viPosters.itemTopic, tags: "", validFrom: null, validUntil: null, sources: viPosters.itemSources.join("\n"), retiredAt: null, updatedAt: now };
  const item = await db.bulletinItem.upsert({ where: { slug: POSTER_SLUG }, create: { slug: POSTER_SLUG, createdAt: now, ...fields }, update: fields });
  const text = posterParagraphs(VIETNAMESE_POSTER_WORDS).join("\n\n");
  await db.bulletinVersion.upsert({
    where: { itemId_language_status: { itemId: item.id, language: BASE_LANGUAGE, status: "approved" } },
    create: { itemId: item.id, language: BASE_LANGUAGE, status: "approved", text, approvedAt: now, createdAt: now, updatedAt: now },
    update: { text, updatedAt: now },
  });
}

/** A fingerprint of the poster's words, so that changed words are imported again. */
export function posterRevision(): string {
  return fnv1a(posterParagraphs(VIETNAMESE_POSTER_WORDS).join("\n"));
}

/**
 * A commune's villages as the posters print them (each with its languages besides Vietnamese) and
 * the approved translations those languages have: what the CLI and the console both pass on.
 */
export async function posterLanguagePages<V extends { code: string; name: string; languages: string | null }>(
  db: Db,
  commune: { languages: string | null },
  villages: V[],
): Promise<{ villages: { code: string; name: string; languages: string[] }[]; translations: PosterTranslation[] }> {
  const withLanguages = villages.map((v) => ({ code: v.code, name: v.name, languages: posterLanguagesOf(v, commune) }));
  const wanted = [...new Set(withLanguages.flatMap((v) => v.languages))];
  return { villages: withLanguages, translations: await posterTranslations(db, wanted) };
}
