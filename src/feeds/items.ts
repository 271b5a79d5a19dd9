// What a village's feed holds (issue 15): the bulletins the village received this past week, one
// entry per airing and language, as the village head got them (the delivery's languages), each with
// its recording where one exists, typed and measured as this server serves it (cleaned, src/media).
import type { Db } from "../db/client.js";
import type { Channel, OutgoingMedia } from "../messaging/types.js";
import { DAY_MS } from "../util/vietnam-time.js";
import { fetchMediaBytes, isWithheld, type MediaBytes, type MediaSources } from "../media/fetch.js";
import { recordingMedia, type VersionContent } from "../bulletins/messages.js";
import { languageInline, resolveVersions, villageLanguages } from "../bulletins/languages.js";
import type { FeedVillage } from "./tokens.js";

/** How far back the feed reaches, and at most how many airings it lists. */
export const FEED_DAYS = 7;
export const FEED_MAX_AIRINGS = 20;

export interface FeedVersion extends VersionContent {
  id: number;
}

export interface FeedEntry {
  /** "<deliveryId>-<language>": the item's id in its URLs, checked against the village on every use. */
  key: string;
  deliveryId: number;
  scheduledAt: Date;
  title: string;
  language: string;
  /** Languages asked for that this version stands in for (no translation yet). */
  missing: string[];
  version: FeedVersion;
  audio: { mime: string; size: number } | null;
}

const ITEM_KEY = /^(\d{1,12})-([a-z]{3})(?:\.[a-z0-9]{2,4})?$/;

/** Reads "12-vie" or "12-vie.ogg"; null when it is neither. */
export function parseItemKey(text: string): { deliveryId: number; language: string } | null {
  const m = ITEM_KEY.exec(text);
  return m ? { deliveryId: Number(m[1]), language: m[2]! } : null;
}

/** The recording as the media layer reads it: from whichever channel holds it. */
export function feedRecording(v: FeedVersion): OutgoingMedia | undefined {
  return v.audioChannel ? recordingMedia(v, v.audioChannel as Channel) : undefined;
}

/** The recording's bytes as served (cleaned); null when it has none or it cannot be had now. */
export async function recordingBytes(media: MediaSources | undefined, v: FeedVersion): Promise<MediaBytes | null> {
  const recording = feedRecording(v);
  if (!recording || !media) return null;
  const found = await fetchMediaBytes(media, recording);
  return found && !isWithheld(found) ? found : null;
}

/** Type and length of a recording, from the record of an earlier read or by reading it once now. */
async function audioInfo(db: Db, media: MediaSources | undefined, v: FeedVersion, now: Date): Promise<{ mime: string; size: number } | null> {
  if (!feedRecording(v)) return null;
  const fileRef = v.audioFileRef!;
  const known = await db.feedAudio.findUnique({ where: { versionId: v.id } });
  if (known && known.fileRef === fileRef) return { mime: known.mime, size: known.size };
  const found = await recordingBytes(media, v);
  if (!found) return null;
  await rememberAudio(db, v, found, now);
  return { mime: found.mime, size: found.bytes.length };
}

export async function rememberAudio(db: Db, v: FeedVersion, found: MediaBytes, now: Date): Promise<void> {
  const data = { fileRef: v.audioFileRef!, mime: found.mime, size: found.bytes.length, checkedAt: now };
  await db.feedAudio.upsert({ where: { versionId: v.id }, create: { versionId: v.id, ...data }, update: data });
}

/** Approved versions of an item that can be read or played, by language. */
async function versionsOf(db: Db, itemId: number): Promise<Map<string, FeedVersion>> {
  const rows = await db.bulletinVersion.findMany({ where: { itemId, status: "approved" } });
  const usable = rows.filter((r) => (r.text && r.text.trim() !== "") || feedRecording(r));
  return new Map(usable.map((r) => [r.language, r]));
}

/** Whose airings a list holds: a feed's village, or a village head's own (src/bulletins/head-airings.ts). */
export type FeedScope = Omit<FeedVillage, "feedId">;

/** The languages the village gets of one item: as delivered, else as the village asks now. */
function entriesOf(feed: FeedScope, deliveryLanguages: string, versions: Map<string, FeedVersion>) {
  const requested = villageLanguages(feed.village.languages, feed.commune.languages);
  const resolved = resolveVersions(requested, new Set(versions.keys()));
  const sent = deliveryLanguages.split(",").filter(Boolean);
  if (sent.length === 0) return resolved;
  return sent.filter((code) => versions.has(code)).map((code) => resolved.find((r) => r.language === code) ?? { language: code, missing: [] });
}

/** The village's feed entries, newest airing first. */
export async function feedEntries(db: Db, media: MediaSources | undefined, feed: FeedScope, now: Date): Promise<FeedEntry[]> {
  const deliveries = await db.bulletinDelivery.findMany({
    where: {
      villageId: feed.villageId,
      slot: { communeId: feed.commune.id, itemId: { not: null }, status: { in: ["sending", "sent"] }, scheduledAt: { gt: new Date(now.getTime() - FEED_DAYS * DAY_MS), lte: now } },
    },
    include: { slot: { include: { item: true } } },
    orderBy: { slot: { scheduledAt: "desc" } },
    take: FEED_MAX_AIRINGS,
  });
  const out: FeedEntry[] = [];
  const byItem = new Map<number, Map<string, FeedVersion>>();
  for (const d of deliveries) {
    const item = d.slot.item;
    if (!item) continue;
    let versions = byItem.get(item.id);
    if (!versions) byItem.set(item.id, (versions = await versionsOf(db, item.id)));
    for (const r of entriesOf(feed, d.languages, versions)) {
      const version = versions.get(r.language);
      if (!version) continue;
      out.push({
        key: `${d.id}-${r.language}`,
        deliveryId: d.id,
        scheduledAt: d.slot.scheduledAt,
        title: item.title,
        language: r.language,
        missing: r.missing,
        version,
        audio: await audioInfo(db, media, version, now),
      });
    }
  }
  return out;
}

/** One entry by its key, only within this village's feed (another village's id is simply not found). */
export async function feedEntry(db: Db, media: MediaSources | undefined, feed: FeedScope, key: string, now: Date): Promise<FeedEntry | null> {
  const parsed = parseItemKey(key);
  if (!parsed) return null;
  const entries = await feedEntries(db, media, feed, now);
  return entries.find((e) => e.deliveryId === parsed.deliveryId && e.language === parsed.language) ?? null;
}

export const missingLabel = (missing: string[]) => missing.map(languageInline).join(", ");
