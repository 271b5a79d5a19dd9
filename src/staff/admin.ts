// An admin's work on a commune's staff (issue 13, the console's /canbo/quantri): invitations by role,
// the staff list, revoking a member or an invitation. One scope check (`communeInScope`): a commune
// admin acts in their commune, a province admin in its communes, a national admin anywhere; anything
// out of scope answers not_found, as if it did not exist. Every change is audited (StaffAudit).
import type { Db } from "../db/client.js";
import type { Keyring } from "../crypto/keys.js";
import { can, type StaffScope } from "./roles.js";
import { createInvitation, InvitationError, revokeInvitation, revokeStaff } from "./invitations.js";
import { kindOfRole } from "../bulletins/audiences.js";

/** The admin acting (a staff member: the console has no anonymous admin). */
export interface AdminActor extends StaffScope {
  id: number;
}

/** The roles an admin invites for a commune from the console. */
export const INVITABLE_ROLES = ["officer", "leader", "village_head", "translator", "reporting_unit", "teacher", "business_contact"] as const;
export type InvitableRole = (typeof INVITABLE_ROLES)[number];

export const STAFF_AUDIT = {
  invited: "staff.invited",
  revoked: "staff.revoked",
  invitationRevoked: "invitation.revoked",
} as const;

export function isInvitableRole(value: string): value is InvitableRole {
  return (INVITABLE_ROLES as readonly string[]).includes(value);
}

/** The commune (with its province and villages) if this admin may manage its staff; null otherwise. */
export async function communeInScope(db: Db, actor: AdminActor, communeId: number) {
  const commune = await db.commune.findUnique({ where: { id: communeId }, include: { province: true, villages: { orderBy: { code: "asc" } } } });
  if (!commune) return null;
  return can(actor, "staff.manage", { communeId: commune.id, provinceId: commune.provinceId }) ? commune : null;
}

/** The communes this admin manages, by province then code (the same rule, applied to each). */
export async function communesInScope(db: Db, actor: AdminActor) {
  if (!actor.active) return [];
  const where = actor.communeId !== null ? { id: actor.communeId } : actor.provinceId ? { provinceId: actor.provinceId } : {};
  const rows = await db.commune.findMany({ where, include: { province: true, _count: { select: { villages: true } } }, orderBy: [{ province: { code: "asc" } }, { code: "asc" }] });
  return rows.filter((c) => can(actor, "staff.manage", { communeId: c.id, provinceId: c.provinceId }));
}

async function audit(db: Db, communeId: number, action: string, actor: AdminActor, subject: string, now: Date): Promise<void> {
  await db.staffAudit.create({ data: { communeId, action, actorStaffId: actor.id, subject, createdAt: now } });
}

export type InviteOutcome =
  | { ok: true; code: string; invitationId: number; expiresAt: Date }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "invalid"; message: string };

/**
 * An invitation code for one role in a commune in scope: a village head with their village (of this
 * commune), a translator with their bulletin languages, a reporting unit's member with their unit. The code is shown once; only its hash is kept.
 */
export async function inviteAs(
  db: Db,
  keys: Keyring,
  actor: AdminActor,
  input: { communeId: number; role: InvitableRole; villageId?: number; languages?: string[]; unitKind?: string; audienceId?: number; name?: string; now: Date },
): Promise<InviteOutcome> {
  const commune = await communeInScope(db, actor, input.communeId);
  if (!commune) return { ok: false, reason: "not_found" };
  const village = input.villageId !== undefined ? commune.villages.find((v) => v.id === input.villageId) : undefined;
  if (input.villageId !== undefined && !village) return { ok: false, reason: "not_found" };
  try {
    const { code, invitation } = await createInvitation(db, keys, {
      role: input.role,
      communeCode: commune.code,
      villageCode: input.role === "village_head" ? village?.code : undefined,
      note: input.name?.trim() || undefined,
      languages: input.role === "translator" ? input.languages : undefined,
      unitKind: input.role === "reporting_unit" ? input.unitKind : undefined,
      // A teacher's school or a business contact's business: createInvitation checks it is this commune's and of the role's kind.
      audienceId: kindOfRole(input.role) ? input.audienceId : undefined,
      now: input.now,
    });
    await audit(db, commune.id, STAFF_AUDIT.invited, actor, `invitation:${invitation.id}`, input.now);
    return { ok: true, code, invitationId: invitation.id, expiresAt: invitation.expiresAt };
  } catch (error) {
    if (error instanceof InvitationError) return { ok: false, reason: "invalid", message: error.message };
    throw error;
  }
}

/** The commune's staff, active first, then by id (revoked ones stay listed, marked). */
export async function listStaffAs(db: Db, actor: AdminActor, communeId: number) {
  const commune = await communeInScope(db, actor, communeId);
  if (!commune) return null;
  return db.staff.findMany({
    where: { communeId: commune.id },
    select: { id: true, displayName: true, role: true, unitKind: true, active: true, createdAt: true, revokedAt: true, village: { select: { name: true } } },
    orderBy: [{ active: "desc" }, { id: "asc" }],
  });
}

/** The commune's invitations not yet used, revoked or expired. */
export async function listOpenInvitationsAs(db: Db, actor: AdminActor, communeId: number, now: Date) {
  const commune = await communeInScope(db, actor, communeId);
  if (!commune) return null;
  return db.invitation.findMany({
    where: { communeId: commune.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
    select: { id: true, role: true, note: true, languages: true, unitKind: true, expiresAt: true, village: { select: { name: true } } },
    orderBy: { id: "asc" },
  });
}

export type RevokeOutcome = { ok: true; communeId: number } | { ok: false; reason: "not_found" };

/** Revokes a member of a commune in scope: their chats and console sessions end at once (revokeStaff). */
export async function revokeStaffAs(db: Db, keys: Keyring, actor: AdminActor, staffId: number, now: Date): Promise<RevokeOutcome> {
  const target = await db.staff.findUnique({ where: { id: staffId }, select: { id: true, communeId: true, active: true } });
  if (!target || target.communeId === null || target.id === actor.id) return { ok: false, reason: "not_found" };
  if (!(await communeInScope(db, actor, target.communeId))) return { ok: false, reason: "not_found" };
  if (!(await revokeStaff(db, keys, target.id, now))) return { ok: false, reason: "not_found" };
  // Nothing of the browser outlives the member: their sessions go with them, not at their next page.
  await db.consoleSession.deleteMany({ where: { staffId: target.id } });
  await audit(db, target.communeId, STAFF_AUDIT.revoked, actor, `staff:${target.id}`, now);
  return { ok: true, communeId: target.communeId };
}

/** Revokes an invitation not yet used, of a commune in scope. */
export async function revokeInvitationAs(db: Db, actor: AdminActor, invitationId: number, now: Date): Promise<RevokeOutcome> {
  const invitation = await db.invitation.findUnique({ where: { id: invitationId }, select: { id: true, communeId: true } });
  if (!invitation || invitation.communeId === null) return { ok: false, reason: "not_found" };
  if (!(await communeInScope(db, actor, invitation.communeId))) return { ok: false, reason: "not_found" };
  if (!(await revokeInvitation(db, invitation.id, now))) return { ok: false, reason: "not_found" };
  await audit(db, invitation.communeId, STAFF_AUDIT.invitationRevoked, actor, `invitation:${invitation.id}`, now);
  return { ok: true, communeId: invitation.communeId };
}
