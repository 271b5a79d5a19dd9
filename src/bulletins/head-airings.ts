// A village head's airings in the browser (the console's /canbo/bantin, issue 13): the deliveries
// their village received this past week, each with its text and recordings in the languages sent,
// as the village's feed lists them (src/feeds/items.ts: the same entries, the same recording bytes).
// Scope is checked here, once: only a village head's own village; any other delivery is not found.
// The answer itself is recordAnswer (src/bulletins/deliveries.ts), the chat's button's function.
import type { Db } from "../db/client.js";
import type { MediaBytes, MediaSources } from "../media/fetch.js";
import { can, type StaffScope } from "../staff/roles.js";
import { vnDayStart } from "../util/vietnam-time.js";
import { feedEntries, feedEntry, recordingBytes, type FeedEntry, type FeedScope } from "../feeds/items.js";

/** The village whose airings this staff member answers for: a village head's own, or none. */
export async function headVillage(db: Db, staff: StaffScope): Promise<FeedScope | null> {
  if (staff.villageId === null) return null;
  const village = await db.village.findUnique({ where: { id: staff.villageId }, include: { commune: true } });
  if (!village || !can(staff, "bulletin.confirm", { communeId: village.communeId, villageId: village.id })) return null;
  return {
    villageId: village.id,
    village: { id: village.id, code: village.code, name: village.name, languages: village.languages },
    commune: { id: village.commune.id, name: village.commune.name, languages: village.commune.languages },
  };
}

export interface HeadAiring {
  deliveryId: number;
  scheduledAt: Date;
  late: boolean;
  title: string;
  /** "pending", "no_head", "broadcast" or "not_broadcast", as recorded. */
  status: string;
  reason: string | null;
  reasonText: string | null;
  answeredAt: Date | null;
  /** Confirmed by the village's feed device (a loudspeaker system) rather than by a person. */
  byFeed: boolean;
  /** One per language sent, each with its text and, where recorded and readable, its audio. */
  versions: FeedEntry[];
}

/** The village head's airings of the past week, newest first; null when they answer for no village. */
export async function headAirings(db: Db, media: MediaSources | undefined, staff: StaffScope, now: Date): Promise<{ village: FeedScope; airings: HeadAiring[] } | null> {
  const scope = await headVillage(db, staff);
  if (!scope) return null;
  const entries = await feedEntries(db, media, scope, now);
  const ids = [...new Set(entries.map((e) => e.deliveryId))];
  const rows = ids.length === 0 ? [] : await db.bulletinDelivery.findMany({ where: { id: { in: ids }, villageId: scope.villageId }, include: { slot: true } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const airings: HeadAiring[] = [];
  for (const id of ids) {
    const d = byId.get(id);
    if (!d) continue;
    airings.push({
      deliveryId: d.id,
      scheduledAt: d.slot.scheduledAt,
      late: d.slot.late,
      title: entries.find((e) => e.deliveryId === id)!.title,
      status: d.status,
      reason: d.reason,
      reasonText: d.reasonText,
      answeredAt: d.answeredAt,
      byFeed: d.answeredByFeedId !== null,
      versions: entries.filter((e) => e.deliveryId === id),
    });
  }
  return { village: scope, airings };
}

/** How many airings the village head's village has had today (Vietnam day), for a pointer elsewhere. */
export async function headAiringsToday(db: Db, staff: StaffScope, now: Date): Promise<number> {
  const scope = await headVillage(db, staff);
  if (!scope) return 0;
  return db.bulletinDelivery.count({
    where: { villageId: scope.villageId, slot: { communeId: scope.commune.id, itemId: { not: null }, status: { in: ["sending", "sent"] }, scheduledAt: { gte: vnDayStart(now), lte: now } } },
  });
}

export type HeadRecording = { ok: true; found: MediaBytes } | { ok: false; reason: "not_found" | "unavailable" };

/**
 * One recording of the village head's airings by its key ("<deliveryId>-<language>"), read as the
 * village's feed reads it (cleaned). Another village's key is simply not found.
 */
export async function headRecording(db: Db, media: MediaSources | undefined, staff: StaffScope, key: string, now: Date): Promise<HeadRecording> {
  const scope = await headVillage(db, staff);
  if (!scope) return { ok: false, reason: "not_found" };
  const entry = await feedEntry(db, media, scope, key, now);
  if (!entry || !entry.version.audioFileRef) return { ok: false, reason: "not_found" };
  const found = await recordingBytes(media, entry.version);
  return found ? { ok: true, found } : { ok: false, reason: "unavailable" };
}
