// A school's teacher's or a business contact's bulletins in the browser (the console's
// /canbo/tuyentruyen, issues 13 and 15): what their audience was sent this past week, each with its
// Vietnamese text and recording, as the chat sent it (contactMessage), and the answer recorded. Scope
// is checked here, once: only a contact's own audience in their commune (mayConfirmAudience, as the
// chat's buttons); any other delivery is not found. The answer itself is recordAudienceAnswer.
import type { Db } from "../db/client.js";
import type { MediaSources } from "../media/fetch.js";
import { DAY_MS } from "../util/vietnam-time.js";
import type { StaffScope } from "../staff/roles.js";
import { feedRecording, recordingBytes, type FeedVersion } from "../feeds/items.js";
import { BASE_LANGUAGE } from "./languages.js";
import { deliveryForContact, isAudienceKind, mayConfirmAudience, type AudienceKind } from "./audiences.js";
import type { HeadRecording } from "./head-airings.js";

/** How far back the page reaches, as a village head's and the feeds. */
const CONTACT_DAYS = 7;
const CONTACT_MAX_AIRINGS = 20;

export interface ContactAiring {
  deliveryId: number;
  scheduledAt: Date;
  title: string;
  /** "pending", "done" or "not_done", as recorded. */
  status: string;
  reason: string | null;
  reasonText: string | null;
  answeredAt: Date | null;
  /** The Vietnamese version sent (contacts get Vietnamese with its recording); null when it has none now. */
  version: FeedVersion | null;
  hasRecording: boolean;
}

type Contact = StaffScope & { id: number };

/** The contact's audience, or null when this staff member is no contact of one (a 403 page). */
async function contactScope(db: Db, staff: Contact): Promise<{ audience: { id: number; name: string; kind: AudienceKind }; commune: { id: number; name: string } } | null> {
  if (staff.communeId === null) return null;
  const me = await db.staff.findUnique({ where: { id: staff.id }, select: { audienceId: true } });
  const audience = me?.audienceId ? await db.audience.findUnique({ where: { id: me.audienceId } }) : null;
  if (!audience || !isAudienceKind(audience.kind)) return null;
  if (!mayConfirmAudience({ ...staff, audienceId: audience.id }, { audienceId: audience.id, communeId: audience.communeId, kind: audience.kind })) return null;
  const commune = await db.commune.findUnique({ where: { id: audience.communeId }, select: { id: true, name: true } });
  return commune ? { audience: { id: audience.id, name: audience.name, kind: audience.kind }, commune } : null;
}

/** The Vietnamese version of each item, approved, that can be read or played. */
async function vietnameseOf(db: Db, itemIds: number[]): Promise<Map<number, FeedVersion>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db.bulletinVersion.findMany({ where: { itemId: { in: itemIds }, language: BASE_LANGUAGE, status: "approved" } });
  return new Map(rows.filter((r) => (r.text && r.text.trim() !== "") || feedRecording(r)).map((r) => [r.itemId, r]));
}

/** The contact's airings of the past week, newest first; null when they are no contact. */
export async function contactAirings(db: Db, staff: Contact, now: Date) {
  const scope = await contactScope(db, staff);
  if (!scope) return null;
  const deliveries = await db.audienceDelivery.findMany({ where: { audienceId: scope.audience.id, createdAt: { gt: new Date(now.getTime() - CONTACT_DAYS * DAY_MS) } }, orderBy: { id: "desc" }, take: CONTACT_MAX_AIRINGS });
  const slots = deliveries.length === 0 ? [] : await db.bulletinSlot.findMany({ where: { id: { in: deliveries.map((d) => d.slotId) }, communeId: scope.commune.id, itemId: { not: null } }, include: { item: true } });
  const slotById = new Map(slots.map((s) => [s.id, s]));
  const versions = await vietnameseOf(db, slots.map((s) => s.itemId!));
  const airings: ContactAiring[] = [];
  for (const d of deliveries) {
    const slot = slotById.get(d.slotId);
    if (!slot?.item || slot.scheduledAt > now) continue;
    const version = versions.get(slot.item.id) ?? null;
    airings.push({ deliveryId: d.id, scheduledAt: slot.scheduledAt, title: slot.item.title, status: d.status, reason: d.reason, reasonText: d.reasonText, answeredAt: d.answeredAt, version, hasRecording: !!version && !!feedRecording(version) });
  }
  airings.sort((a, b) => b.scheduledAt.getTime() - a.scheduledAt.getTime());
  return { ...scope, airings };
}

/** The recording of one of the contact's airings, read as the feeds read it (cleaned). Another audience's is not found. */
export async function contactRecording(db: Db, media: MediaSources | undefined, staff: Contact, deliveryId: number): Promise<HeadRecording> {
  const found = await deliveryForContact(db, staff, deliveryId);
  if (!found.ok) return { ok: false, reason: "not_found" };
  const slot = await db.bulletinSlot.findUnique({ where: { id: found.delivery.slotId }, select: { itemId: true } });
  const version = slot?.itemId ? (await vietnameseOf(db, [slot.itemId])).get(slot.itemId) : undefined;
  if (!version || !feedRecording(version)) return { ok: false, reason: "not_found" };
  const bytes = await recordingBytes(media, version);
  return bytes ? { ok: true, found: bytes } : { ok: false, reason: "unavailable" };
}
