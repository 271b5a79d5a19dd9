// What a tip is for the role check: the one definition every tip path uses (chat, console, files).
import { can, type ScopeTarget, type StaffAction, type StaffScope } from "../staff/roles.js";

/**
 * A tip's commune and village. Never its province: a province admin reads a province's statistics,
 * never a commune's tips (a national admin, who may act anywhere, can).
 */
export function tipScopeTarget(tip: { communeId: number; villageId: number | null }): ScopeTarget {
  return { communeId: tip.communeId, villageId: tip.villageId ?? undefined };
}

/** Whether the staff member may do `action` on this tip (role and scope). */
export function mayOnTip(staff: StaffScope, action: StaffAction, tip: { communeId: number; villageId: number | null }): boolean {
  return can(staff, action, tipScopeTarget(tip));
}
