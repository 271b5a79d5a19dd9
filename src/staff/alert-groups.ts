// A commune's alert groups belong to the commune, not to whoever registered them: listed and removed
// by its officers, leaders and admins (chat and admin CLI call these same functions), deactivated
// when their registrant is revoked, and every change audited and announced to the commune's leaders.
import { findCommuneById } from "../places/search.js";
import { formatDateTimeVN } from "../util/vietnam-time.js";
import type { Db } from "../db/client.js";
import { enqueue, type SealedTarget } from "../outbox/outbox.js";
import { viGroups } from "../i18n/vi-groups.js";
import { can, type StaffAction, type StaffScope } from "./roles.js";
import { activeGroupTargets, staffTargets } from "./targets.js";

type Channel = SealedTarget["channel"];

export interface GroupDeps {
  db: Db;
  now: () => Date;
}

/** Who acts on a group: a staff member, or the admin command line (no staff row). */
export interface GroupActor extends StaffScope {
  /** Null for the admin command line. */
  id: number | null;
  displayName: string;
}

/** The operator at the admin command line: national scope, as the CLI has always had. */
export const CLI_ACTOR: GroupActor = { id: null, displayName: viGroups.cliActor, role: "admin", communeId: null, villageId: null, provinceId: null, active: true };

export const GROUP_AUDIT = {
  registered: "alertgroup.registered",
  reactivated: "alertgroup.reactivated",
  removed: "alertgroup.removed",
  deactivated: "alertgroup.deactivated",
} as const;

export interface AlertGroupView {
  id: number;
  communeId: number;
  communeName: string;
  channel: string;
  registeredAt: Date;
  /** The registrant's display name (staff are not anonymous). */
  registeredBy: string;
  /** Receives alerts: the group is active and its registrant still is. */
  active: boolean;
}

interface CommuneRef {
  id: number;
  name: string;
}

const subjectOf = (groupId: number) => `alertgroup:${groupId}`;

/** The one scope check of this feature: role, and the commune with its province (province admins). */
async function communeInScope(db: Db, actor: GroupActor, action: StaffAction, communeId: number): Promise<CommuneRef | null> {
  const commune = await findCommuneById(db, communeId);
  if (!commune) return null;
  return can(actor, action, { communeId: commune.id, provinceId: commune.provinceId }) ? commune : null;
}

type GroupRow = { id: number; communeId: number; channel: string; createdAt: Date; active: boolean; createdBy: { displayName: string; active: boolean } };

function viewOf(g: GroupRow, commune: CommuneRef): AlertGroupView {
  return { id: g.id, communeId: g.communeId, communeName: commune.name, channel: g.channel, registeredAt: g.createdAt, registeredBy: g.createdBy.displayName, active: g.active && g.createdBy.active };
}

async function audit(db: Db, communeId: number, action: string, actor: { id: number | null }, groupId: number, now: Date): Promise<void> {
  await db.staffAudit.create({ data: { communeId, action, actorStaffId: actor.id, subject: subjectOf(groupId), createdAt: now } });
}

/** Privately to the commune's leaders, through the outbox like every alert. */
async function announceToLeaders(db: Db, communeId: number, text: string, now: Date): Promise<void> {
  for (const target of await staffTargets(db, communeId, ["leader"])) await enqueue(db, target, { text }, { now });
}

/** Anything still queued to the group (alerts not yet sent) must not reach it any more. */
async function cancelQueuedTo(db: Db, addressTag: string): Promise<void> {
  await db.outboxMessage.updateMany({ where: { addressTag, status: { in: ["pending", "parked"] } }, data: { status: "cancelled", sealedAddress: null } });
}

export type ListOutcome = { ok: true; commune: CommuneRef; groups: AlertGroupView[] } | { ok: false; reason: "forbidden" };

export async function listAlertGroups(db: Db, actor: GroupActor, communeId: number): Promise<ListOutcome> {
  const commune = await communeInScope(db, actor, "alertgroup.list", communeId);
  if (!commune) return { ok: false, reason: "forbidden" };
  const rows = await db.alertGroup.findMany({ where: { communeId }, include: { createdBy: true }, orderBy: { id: "asc" } });
  return { ok: true, commune, groups: rows.map((g) => viewOf(g, commune)) };
}

/** One group, if the actor may remove it; null for a group that does not exist or is out of scope alike. */
export async function findAlertGroupToRemove(db: Db, actor: GroupActor, groupId: number): Promise<AlertGroupView | null> {
  const group = await db.alertGroup.findUnique({ where: { id: groupId }, include: { createdBy: true } });
  if (!group) return null;
  const commune = await communeInScope(db, actor, "alertgroup.remove", group.communeId);
  return commune ? viewOf(group, commune) : null;
}

export type RegisterOutcome =
  | { ok: true; kind: "registered" | "reactivated"; commune: CommuneRef; groupId: number }
  | { ok: false; reason: "forbidden" | "other_commune" }
  | { ok: false; reason: "already"; commune: CommuneRef };

/**
 * /nhomcanhbao in a group. A group that no longer receives alerts (its registrant was revoked) is
 * taken over by this registrant; an active one stays as it is.
 */
export async function registerAlertGroup(
  deps: GroupDeps,
  staff: GroupActor & { id: number },
  chat: { channel: Channel; addressTag: string; sealedAddress: string },
): Promise<RegisterOutcome> {
  const { db } = deps;
  const now = deps.now();
  const commune = staff.communeId === null ? null : await communeInScope(db, staff, "alertgroup.register", staff.communeId);
  if (!commune) return { ok: false, reason: "forbidden" };
  const existing = await db.alertGroup.findUnique({ where: { addressTag: chat.addressTag }, include: { createdBy: true } });
  let kind: "registered" | "reactivated" = "registered";
  let groupId: number;
  if (existing) {
    if (existing.active && existing.createdBy.active) {
      return existing.communeId === commune.id ? { ok: false, reason: "already", commune } : { ok: false, reason: "other_commune" };
    }
    kind = existing.communeId === commune.id ? "reactivated" : "registered";
    // Conditional: two registrations at once take it over once.
    const { count } = await db.alertGroup.updateMany({
      where: { id: existing.id, createdByStaffId: existing.createdByStaffId, active: existing.active },
      data: { communeId: commune.id, channel: chat.channel, sealedAddress: chat.sealedAddress, createdByStaffId: staff.id, createdAt: now, active: true, deactivatedAt: null },
    });
    if (count !== 1) return { ok: false, reason: "already", commune };
    groupId = existing.id;
  } else {
    try {
      const created = await db.alertGroup.create({
        data: { communeId: commune.id, channel: chat.channel, addressTag: chat.addressTag, sealedAddress: chat.sealedAddress, createdByStaffId: staff.id, createdAt: now },
      });
      groupId = created.id;
    } catch (error) {
      if ((error as { code?: string }).code === "P2002") return { ok: false, reason: "already", commune };
      throw error;
    }
  }
  await audit(db, commune.id, GROUP_AUDIT[kind], staff, groupId, now);
  await announceToLeaders(db, commune.id, viGroups.announce[kind](chat.channel, commune.name, staff.displayName, formatDateTimeVN(now)), now);
  return { ok: true, kind, commune, groupId };
}

export type RemoveOutcome = { ok: true; group: AlertGroupView } | { ok: false; reason: "not_found" };

/**
 * Removes a group at once (no more alerts; anything still queued to it is cancelled), then the bot
 * says goodbye and leaves it, both through the outbox so they survive restarts and retries.
 */
export async function removeAlertGroup(deps: GroupDeps, actor: GroupActor, groupId: number): Promise<RemoveOutcome> {
  const { db } = deps;
  const now = deps.now();
  const group = await db.alertGroup.findUnique({ where: { id: groupId }, include: { createdBy: true } });
  if (!group) return { ok: false, reason: "not_found" };
  const commune = await communeInScope(db, actor, "alertgroup.remove", group.communeId);
  // Out of scope answers like a missing group: a forged id learns nothing.
  if (!commune) return { ok: false, reason: "not_found" };
  const { count } = await db.alertGroup.deleteMany({ where: { id: group.id } });
  if (count !== 1) return { ok: false, reason: "not_found" };
  await cancelQueuedTo(db, group.addressTag);
  const target: SealedTarget = { channel: group.channel as Channel, sealedAddress: group.sealedAddress, addressTag: group.addressTag };
  await enqueue(db, target, { text: viGroups.goodbye(commune.name) }, { now });
  await enqueue(db, target, { text: "", leaveChat: true }, { now });
  await audit(db, commune.id, GROUP_AUDIT.removed, actor, group.id, now);
  await announceToLeaders(db, commune.id, viGroups.announce.removed(group.channel, commune.name, actor.displayName, formatDateTimeVN(now)), now);
  return { ok: true, group: viewOf(group, commune) };
}

/**
 * The registrant was revoked: their groups stop receiving alerts now (queued alerts included),
 * until another active officer registers them again. Called by revokeStaff, so every path does it.
 */
export async function deactivateAlertGroupsOf(deps: GroupDeps, staffId: number, actor: { id: number | null } = CLI_ACTOR): Promise<number> {
  const { db } = deps;
  const now = deps.now();
  const groups = await db.alertGroup.findMany({ where: { createdByStaffId: staffId, active: true }, include: { createdBy: true, commune: true }, orderBy: { id: "asc" } });
  let done = 0;
  for (const group of groups) {
    const { count } = await db.alertGroup.updateMany({ where: { id: group.id, createdByStaffId: staffId, active: true }, data: { active: false, deactivatedAt: now } });
    if (count !== 1) continue;
    done++;
    await cancelQueuedTo(db, group.addressTag);
    await enqueue(db, { channel: group.channel as Channel, sealedAddress: group.sealedAddress, addressTag: group.addressTag }, { text: viGroups.deactivatedNotice(group.commune.name) }, { now });
    await audit(db, group.communeId, GROUP_AUDIT.deactivated, actor, group.id, now);
    const fallback = (await activeGroupTargets(db, group.communeId)).length === 0;
    await announceToLeaders(
      db,
      group.communeId,
      viGroups.announce.deactivated(group.channel, group.commune.name, group.createdBy.displayName, formatDateTimeVN(now), fallback),
      now,
    );
  }
  return done;
}
