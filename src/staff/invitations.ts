import { findCommuneByCode } from "../places/search.js";
import type { Db } from "../db/client.js";
import type { Keyring } from "../crypto/keys.js";
import { roleLabel, type Role } from "./roles.js";
import { countHits, recordHit } from "../tips/limits.js";
import { enqueue } from "../outbox/outbox.js";
import { addressTagOf, openAddress } from "../crypto/pseudonym.js";
import { viStaff } from "../i18n/vi-staff.js";
import type { Channel } from "../messaging/types.js";

/**
 * Guessing has a brake: an invitation code is 8 symbols of 23 (about 78 billion), but nobody should
 * get to try many. Wrong codes per sender per hour, and wrong codes from everyone in ten minutes
 * (a burst pauses registration for all and alerts the admins once).
 */
export const INVITE_GUESSES = { perSender: 5, senderWindowMs: 3_600_000, total: 30, totalWindowMs: 600_000 };
const WRONG_ALL = "invite-wrong:all";
const BURST_ALERTED = "invite-wrong:alerted";
import { deactivateAlertGroupsOf } from "./alert-groups.js";
import { setTranslatorLanguages } from "../bulletins/translations.js";
import { parseLanguageList } from "../bulletins/languages.js";
import { messagesFor } from "../i18n/messages.js";
import { isUnitKind, UNIT_KINDS } from "../compliance/units.js";
import { viAudiences } from "../i18n/vi-audiences.js";
import { activeAudience, kindOfRole } from "../bulletins/audiences.js";

const msg = messagesFor("vi").data;

const ALPHABET = "3467ACDEFGHJKMNPQRTWXY9";
const DAY_MS = 86_400_000;

function randomGroup(): string {
  const limit = 256 - (256 % ALPHABET.length);
  let out = "";
  while (out.length < 4) {
    for (const b of crypto.getRandomValues(new Uint8Array(8))) if (b < limit && out.length < 4) out += ALPHABET[b % ALPHABET.length];
  }
  return out;
}

/** "moi aaaa bbbb", "MOI-AAAA-BBBB" … → "MOI-AAAA-BBBB", or null. */
export function normalizeInvitationCode(typed: string): string | null {
  const cleaned = typed.toUpperCase().replace(/[\s\-_.]/g, "");
  const match = /^MOI([A-Z0-9]{4})([A-Z0-9]{4})$/.exec(cleaned);
  return match ? `MOI-${match[1]}-${match[2]}` : null;
}

export class InvitationError extends Error {}

export async function createInvitation(
  db: Db,
  keys: Keyring,
  input: { role: Role; provinceCode?: string; communeCode?: string; villageCode?: string; note?: string; validDays?: number; now?: Date; /** A translator's bulletin languages (codes). */ languages?: string[]; /** A reporting unit's kind (units.json). */ unitKind?: string; /** A teacher's school or a business contact's business (Audience). */ audienceId?: number },
) {
  const now = input.now ?? new Date();
  let communeId: number | null = null;
  let villageId: number | null = null;
  let provinceId: number | null = null;
  if (input.provinceCode) {
    if (input.role !== "admin") throw new InvitationError(msg.invitations.provinceOnlyAdmin);
    if (input.communeCode || input.villageCode) throw new InvitationError(msg.invitations.provinceAlone);
    const province = await db.province.findUnique({ where: { code: input.provinceCode.toUpperCase() } });
    if (!province) throw new InvitationError(msg.invitations.noProvince(input.provinceCode));
    provinceId = province.id;
  }
  if (input.villageCode) {
    const village = await db.village.findUnique({ where: { code: input.villageCode.toUpperCase() } });
    if (!village) throw new InvitationError(msg.invitations.noVillage(input.villageCode));
    villageId = village.id;
    communeId = village.communeId;
  } else if (input.communeCode) {
    const commune = await findCommuneByCode(db, input.communeCode);
    if (!commune) throw new InvitationError(msg.invitations.noCommune(input.communeCode));
    communeId = commune.id;
  }
  const audienceId = await invitationAudience(db, input.role, input.audienceId);
  if (audienceId) {
    if (input.provinceCode || input.villageCode) throw new InvitationError(viAudiences.invitations.audienceOnlyContacts);
    const audience = await db.audience.findUniqueOrThrow({ where: { id: audienceId } });
    if (communeId !== null && communeId !== audience.communeId) throw new InvitationError(viAudiences.invitations.audienceUnknown(String(audienceId)));
    communeId = audience.communeId;
  }
  if (input.role === "village_head" && !villageId) throw new InvitationError(msg.invitations.villageHeadNeedsVillage);
  if (["officer", "leader", "translator", "reporting_unit"].includes(input.role) && !communeId) throw new InvitationError(msg.invitations.roleNeedsCommune);
  if (input.role === "reporting_unit" && (!input.unitKind || !isUnitKind(input.unitKind))) throw new InvitationError(msg.invitations.unitNeeded(UNIT_KINDS.join(", ")));
  if (input.role === "reporting_unit" && villageId) throw new InvitationError(msg.invitations.unitNoVillage);
  const code = `MOI-${randomGroup()}-${randomGroup()}`;
  const invitation = await db.invitation.create({
    data: {
      codeHash: await keys.tag("invite", code),
      role: input.role,
      communeId,
      villageId,
      provinceId,
      note: input.note ?? null,
      audienceId,
      languages: input.role === "translator" && input.languages && input.languages.length > 0 ? input.languages.join(",") : null,
      unitKind: input.role === "reporting_unit" ? input.unitKind! : null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + (input.validDays ?? 14) * DAY_MS),
    },
  });
  return { code, invitation };
}

/**
 * The audience of a teacher's or business contact's invitation: required for those roles (an active
 * audience of the matching kind), refused for every other role.
 */
async function invitationAudience(db: Db, role: Role, audienceId: number | undefined): Promise<number | null> {
  const kind = kindOfRole(role);
  if (kind === null) {
    if (audienceId !== undefined) throw new InvitationError(viAudiences.invitations.audienceOnlyContacts);
    return null;
  }
  if (audienceId === undefined) throw new InvitationError(viAudiences.invitations.needsAudience(role, viAudiences.kindsInline[kind]));
  const audience = await activeAudience(db, audienceId);
  if (!audience) throw new InvitationError(viAudiences.invitations.audienceUnknown(String(audienceId)));
  if (audience.kind !== kind) throw new InvitationError(viAudiences.invitations.wrongKind(role, viAudiences.kindsInline[kind]));
  return audience.id;
}

export type RedeemResult =
  | { ok: true; staff: { id: number; displayName: string; role: string; communeId: number | null; villageId: number | null; provinceId: number | null; unitKind: string | null; active: boolean } }
  | { ok: false; reason: "unknown" | "used" | "expired" | "revoked" | "already_staff" | "sender_paused" | "all_paused" };

export async function redeemInvitation(
  db: Db,
  keys: Keyring,
  typed: string,
  who: { pseudonym: string; channel: string; sealedAddress: string; now: Date },
): Promise<RedeemResult> {
  const senderBucket = await keys.tag("invite-wrong", who.pseudonym);
  if ((await countHits(db, senderBucket, who.now, INVITE_GUESSES.senderWindowMs)) >= INVITE_GUESSES.perSender) return { ok: false, reason: "sender_paused" };
  if ((await countHits(db, WRONG_ALL, who.now, INVITE_GUESSES.totalWindowMs)) >= INVITE_GUESSES.total) return { ok: false, reason: "all_paused" };
  const code = normalizeInvitationCode(typed);
  const invitation = code ? await db.invitation.findUnique({ where: { codeHash: await keys.tag("invite", code) } }) : null;
  if (!invitation) {
    await recordWrongInvitation(db, senderBucket, who.now);
    return { ok: false, reason: "unknown" };
  }
  if (invitation.revokedAt) return { ok: false, reason: "revoked" };
  if (invitation.usedAt) return { ok: false, reason: "used" };
  if (invitation.expiresAt <= who.now) return { ok: false, reason: "expired" };
  const existing = await db.staff.findUnique({ where: { pseudonym: who.pseudonym } });
  if (existing?.active) return { ok: false, reason: "already_staff" };
  // Single use even when two people send the same code at once.
  const claimed = await db.invitation.updateMany({ where: { id: invitation.id, usedAt: null, revokedAt: null }, data: { usedAt: who.now } });
  if (claimed.count !== 1) return { ok: false, reason: "used" };
  const data = {
    channel: who.channel,
    sealedAddress: who.sealedAddress,
    role: invitation.role,
    communeId: invitation.communeId,
    villageId: invitation.villageId,
    provinceId: invitation.provinceId,
    unitKind: invitation.role === "reporting_unit" ? invitation.unitKind : null,
    audienceId: invitation.audienceId,
    active: true,
    revokedAt: null,
    createdAt: who.now,
  };
  const staff = existing
    ? await db.staff.update({ where: { id: existing.id }, data })
    : await db.staff.create({ data: { ...data, pseudonym: who.pseudonym, displayName: "" } });
  const displayName = invitation.note?.trim() || `${roleLabel(invitation.role)} #${staff.id}`;
  const named = await db.staff.update({ where: { id: staff.id }, data: { displayName } });
  await db.invitation.update({ where: { id: invitation.id }, data: { usedByStaffId: staff.id } });
  if (invitation.languages && invitation.role === "translator") await setTranslatorLanguages(db, staff.id, parseLanguageList(invitation.languages), who.now);
  return { ok: true, staff: named };
}

/** Counts a wrong code; the guess that fills the total window alerts every active admin, once per window. */
async function recordWrongInvitation(db: Db, senderBucket: string, now: Date): Promise<void> {
  await recordHit(db, senderBucket, now);
  await recordHit(db, WRONG_ALL, now);
  const total = await countHits(db, WRONG_ALL, now, INVITE_GUESSES.totalWindowMs);
  if (total < INVITE_GUESSES.total) return;
  if ((await countHits(db, BURST_ALERTED, now, INVITE_GUESSES.totalWindowMs)) > 0) return;
  await recordHit(db, BURST_ALERTED, now);
  const admins = await db.staff.findMany({ where: { role: "admin", active: true }, orderBy: { id: "asc" } });
  const message = { text: viStaff.desk.inviteBurstAlert(total, Math.round(INVITE_GUESSES.totalWindowMs / 60_000)) };
  for (const admin of admins) {
    await enqueue(db, { channel: admin.channel as Channel, sealedAddress: admin.sealedAddress, addressTag: `staff:${admin.id}` }, message, { now, dedupeKey: `invite-burst:${Math.floor(now.getTime() / INVITE_GUESSES.totalWindowMs)}:${admin.id}` });
  }
}

export async function listStaff(db: Db, filter: { communeCode?: string } = {}) {
  return db.staff.findMany({
    where: filter.communeCode ? { commune: { code: filter.communeCode.toUpperCase() } } : {},
    include: { commune: true, village: true, province: true },
    orderBy: { id: "asc" },
  });
}

/**
 * Revokes a staff member at once; the alert groups they registered stop receiving alerts with them,
 * and their Telegram chats lose the staff command menu (back to the citizens' one).
 */
export async function revokeStaff(db: Db, keys: Keyring, staffId: number, now = new Date()) {
  const { count } = await db.staff.updateMany({ where: { id: staffId, active: true }, data: { active: false, revokedAt: now } });
  if (count !== 1) return false;
  await deactivateAlertGroupsOf({ db, now: () => now }, staffId);
  const staff = await db.staff.findUniqueOrThrow({ where: { id: staffId }, select: { channel: true, sealedAddress: true } });
  const links = await db.staffLink.findMany({ where: { staffId, channel: "telegram" }, select: { channel: true, sealedAddress: true } });
  for (const account of [staff, ...links].filter((a) => a.channel === "telegram")) {
    // The revocation stands even if the menu cannot be queued (keys other than the server's): the menu is a convenience.
    const address = await openAddress(keys, account.sealedAddress).catch(() => null);
    if (!address) continue;
    await enqueue(db, { channel: "telegram", sealedAddress: account.sealedAddress, addressTag: await addressTagOf(keys, address) }, { text: "", commandMenu: [] }, { now });
  }
  return true;
}

export async function listInvitations(db: Db, filter: { communeCode?: string } = {}) {
  return db.invitation.findMany({
    where: filter.communeCode ? { commune: { code: filter.communeCode.toUpperCase() } } : {},
    include: { commune: true, village: true, province: true },
    orderBy: { id: "asc" },
  });
}

export async function revokeInvitation(db: Db, id: number, now = new Date()) {
  const { count } = await db.invitation.updateMany({ where: { id, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
  return count === 1;
}
