// Where a commune's staff are reached: its active alert groups, and staff of given roles privately.
// One place, so tip alerts and staff announcements (to leaders) agree on who is reachable.
import type { Db } from "../db/client.js";
import type { SealedTarget } from "../outbox/outbox.js";

type Channel = SealedTarget["channel"];

/**
 * The groups that receive the commune's alerts: active ones whose registrant is still active.
 * The second condition makes a revocation stop the alerts even if a path forgot to deactivate.
 */
export async function activeGroupTargets(db: Db, communeId: number): Promise<SealedTarget[]> {
  const groups = await db.alertGroup.findMany({ where: { communeId, active: true, createdBy: { active: true } }, orderBy: { id: "asc" } });
  return groups.map((g) => ({ channel: g.channel as Channel, sealedAddress: g.sealedAddress, addressTag: g.addressTag }));
}

/** Active staff of these roles in the commune, each on the messenger they chose for alerts (/kenhcanhbao). */
export async function staffTargets(db: Db, communeId: number, roles: string[]): Promise<SealedTarget[]> {
  if (roles.length === 0) return [];
  const staff = await db.staff.findMany({ where: { communeId, active: true, role: { in: roles } }, orderBy: { id: "asc" } });
  const chosen = staff.length > 0 ? await db.staffLink.findMany({ where: { staffId: { in: staff.slice(0, 90).map((s) => s.id) }, alerts: true }, orderBy: { id: "desc" } }) : [];
  return staff.map((s) => {
    const address = chosen.find((l) => l.staffId === s.id) ?? s;
    return { channel: address.channel as Channel, sealedAddress: address.sealedAddress, addressTag: `staff:${s.id}` };
  });
}

/** One active staff member, privately, on the messenger they chose for alerts; null when revoked or gone. */
export async function staffTarget(db: Db, staffId: number): Promise<SealedTarget | null> {
  const s = await db.staff.findUnique({ where: { id: staffId } });
  if (!s || !s.active) return null;
  const link = await db.staffLink.findFirst({ where: { staffId, alerts: true }, orderBy: { id: "desc" } });
  const address = link ?? s;
  return { channel: address.channel as Channel, sealedAddress: address.sealedAddress, addressTag: `staff:${s.id}` };
}
