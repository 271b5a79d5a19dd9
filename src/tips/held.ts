// The held queue (issue 10): tips accepted beyond the flood limits. A genuine citizen is never
// refused; instead of one alert per tip, the commune's officers get one summary per window and
// review the queue in bulk. Held tips are left out of alerts, escalation, lists and statistics.
import type { Db } from "../db/client.js";
import { can } from "../staff/roles.js";
import { sendNewTipAlert, storedAttachment, type StaffRef, type TipDeps } from "./service.js";

const LIST_LIMIT = 20;

export type HeldScope = { ok: true; communeId: number } | { ok: false };

/** Only an officer of the commune (or someone who may handle its tips) reviews its held queue. */
export function heldScope(staff: StaffRef, action: "list" | "change"): HeldScope {
  if (!staff.active || !staff.communeId) return { ok: false };
  return can(staff, action === "list" ? "tip.list" : "tip.handle", { communeId: staff.communeId }) ? { ok: true, communeId: staff.communeId } : { ok: false };
}

export async function listHeldTips(db: Db, staff: StaffRef) {
  const scope = heldScope(staff, "list");
  if (!scope.ok) return { ok: false as const };
  const where = { communeId: scope.communeId, hold: "held" };
  const [total, tips, newest] = await Promise.all([
    db.tip.count({ where }),
    db.tip.findMany({ where, include: { village: true }, orderBy: { id: "asc" }, take: LIST_LIMIT }),
    db.tip.findFirst({ where, orderBy: { id: "desc" }, select: { id: true } }),
  ]);
  // The confirmation names what was shown: tips held after the list was read are not swept with it.
  return { ok: true as const, total, tips, upToId: newest?.id ?? 0 };
}

export async function countHeld(db: Db, staff: StaffRef, upToId: number): Promise<number | null> {
  const scope = heldScope(staff, "change");
  if (!scope.ok) return null;
  return db.tip.count({ where: { communeId: scope.communeId, hold: "held", id: { lte: upToId } } });
}

/**
 * Releases (normal alert flow from now on) or dismisses the commune's held tips up to `upToId`.
 * Each tip changes once (conditional update) and each change is a TipEvent with the officer's id.
 */
export async function resolveHeld(deps: TipDeps, staff: StaffRef, upToId: number, decision: "release" | "dismiss"): Promise<number | null> {
  const { db } = deps;
  const scope = heldScope(staff, "change");
  if (!scope.ok) return null;
  const now = deps.now();
  const tips = await db.tip.findMany({ where: { communeId: scope.communeId, hold: "held", id: { lte: upToId } }, include: { commune: true, village: true, attachments: true }, orderBy: { id: "asc" } });
  let changed = 0;
  for (const tip of tips) {
    const moved = await db.tip.updateMany({
      where: { id: tip.id, hold: "held" },
      data: decision === "release" ? { hold: null, lastAlertAt: now } : { hold: "dismissed" },
    });
    if (moved.count !== 1) continue;
    changed++;
    await db.tipEvent.create({ data: { tipId: tip.id, kind: decision === "release" ? "released" : "dismissed", actorStaffId: staff.id, createdAt: now } });
    if (decision === "release") {
      const attachments = tip.attachments.map(storedAttachment);
      await sendNewTipAlert(deps, tip, tip.commune, tip.village, attachments.map((a) => a.kind), attachments);
    }
  }
  return changed;
}
