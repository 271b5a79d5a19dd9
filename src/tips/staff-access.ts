// A tip as a staff member may see or handle it: the one scope check every door uses (chat, console).
// Outside their commune a tip does not exist for them ("not_found"), so ids cannot be probed.
import type { Db } from "../db/client.js";
import type { StaffScope } from "../staff/roles.js";
import { tipWithPlaceAndAttachments } from "./service.js";
import { mayOnTip } from "./scope.js";

export type TipAccess =
  | { ok: true; tip: NonNullable<Awaited<ReturnType<typeof tipWithPlaceAndAttachments>>> }
  | { ok: false; reason: "not_found" | "forbidden" };

/**
 * "forbidden" only where the staff member may read the tip but not do this to it (a leader asked
 * to take one); any tip outside their scope is "not_found".
 */
export async function tipForStaff(db: Db, staff: StaffScope, tipId: number, action: "tip.read" | "tip.handle"): Promise<TipAccess> {
  const tip = await tipWithPlaceAndAttachments(db, tipId);
  if (!tip) return { ok: false, reason: "not_found" };
  if (!mayOnTip(staff, "tip.read", tip)) return { ok: false, reason: "not_found" };
  if (action !== "tip.read" && !mayOnTip(staff, action, tip)) return { ok: false, reason: "forbidden" };
  return { ok: true, tip };
}

/** The name of the officer who took a tip, for its page. */
export async function staffName(db: Db, staffId: number | null): Promise<string | null> {
  if (staffId === null) return null;
  const row = await db.staff.findUnique({ where: { id: staffId }, select: { displayName: true } });
  return row?.displayName ?? null;
}
