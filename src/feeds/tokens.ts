// A village's feed link (issue 15): a long random token in the URL, kept only as a keyed hash, like
// receipt codes (src/crypto/receipt.ts). Issuing again replaces the hash, so the old link stops
// working at once. Issues and rotations are audited (StaffAudit; no token in the record).
import type { Db } from "../db/client.js";
import { bytesToBase64Url, type Keyring } from "../crypto/keys.js";
import { can, type StaffScope } from "../staff/roles.js";

/** 32 random bytes (256 bits) as base64url: 43 characters. */
const TOKEN_BYTES = 32;
export const FEED_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newFeedToken(random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
  return bytesToBase64Url(random(TOKEN_BYTES));
}

export function feedTokenHash(keys: Keyring, token: string): Promise<string> {
  return keys.tag("village-feed", token);
}

export interface FeedVillage {
  feedId: number;
  villageId: number;
  village: { id: number; code: string; name: string; languages: string | null };
  commune: { id: number; name: string; languages: string | null };
}

/** The village a token opens, or null (unknown, rotated, or not a token at all). */
export async function villageOfToken(db: Db, keys: Keyring, token: string): Promise<FeedVillage | null> {
  if (!FEED_TOKEN_PATTERN.test(token)) return null;
  const feed = await db.villageFeed.findUnique({ where: { tokenHash: await feedTokenHash(keys, token) } });
  if (!feed) return null;
  const village = await db.village.findUnique({ where: { id: feed.villageId }, include: { commune: true } });
  if (!village) return null;
  return {
    feedId: feed.id,
    villageId: village.id,
    village: { id: village.id, code: village.code, name: village.name, languages: village.languages },
    commune: { id: village.commune.id, name: village.commune.name, languages: village.commune.languages },
  };
}

/** When the village's link was issued or last rotated; null when it has none. */
export async function feedIssuedAt(db: Db, villageId: number): Promise<Date | null> {
  const feed = await db.villageFeed.findUnique({ where: { villageId } });
  return feed ? (feed.rotatedAt ?? feed.createdAt) : null;
}

/**
 * Issues the village's link, or rotates it (a new token; the old one is dead from now on). Returns
 * the token, which exists nowhere else: the caller shows it once. `actorStaffId` null: the admin CLI.
 */
export async function issueFeedToken(db: Db, keys: Keyring, village: { id: number; communeId: number }, now: Date, actorStaffId: number | null = null): Promise<{ token: string; rotated: boolean }> {
  const token = newFeedToken();
  const tokenHash = await feedTokenHash(keys, token);
  const existing = await db.villageFeed.findUnique({ where: { villageId: village.id } });
  const feed = existing
    ? await db.villageFeed.update({ where: { villageId: village.id }, data: { tokenHash, rotatedAt: now } })
    : await db.villageFeed.create({ data: { villageId: village.id, tokenHash, createdAt: now } });
  await db.staffAudit.create({
    data: { communeId: village.communeId, action: existing ? "feed.rotated" : "feed.issued", actorStaffId, subject: `villagefeed:${feed.id}`, createdAt: now },
  });
  return { token, rotated: existing !== null };
}

/** The feed's two addresses for a token. */
export function feedUrls(publicUrl: string, token: string): { rss: string; m3u: string } {
  const base = `${publicUrl.replace(/\/+$/, "")}/phat/${token}`;
  return { rss: `${base}/rss.xml`, m3u: `${base}/playlist.m3u` };
}

export type StaffFeedOutcome =
  | { ok: true; token: string; rotated: boolean; village: string }
  | { ok: false; reason: "forbidden" }
  | { ok: false; reason: "exists"; village: string; since: Date };

/**
 * A village head's own village link, from the chat (/loaphat): issued when the village has none,
 * rotated only when asked. Only the village head of that village; audited with their id.
 */
export async function issueFeedForStaff(db: Db, keys: Keyring, staff: StaffScope & { id: number }, rotate: boolean, now: Date): Promise<StaffFeedOutcome> {
  if (staff.role !== "village_head" || staff.villageId === null) return { ok: false, reason: "forbidden" };
  const village = await db.village.findUnique({ where: { id: staff.villageId } });
  if (!village || !can(staff, "bulletin.confirm", { communeId: village.communeId, villageId: village.id })) return { ok: false, reason: "forbidden" };
  const since = await feedIssuedAt(db, village.id);
  if (since && !rotate) return { ok: false, reason: "exists", village: village.name, since };
  const { token, rotated } = await issueFeedToken(db, keys, village, now, staff.id);
  return { ok: true, token, rotated, village: village.name };
}
