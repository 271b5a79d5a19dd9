// Staff review of the held queue (/tinbao giu): list, then release or dismiss in bulk, each behind
// a confirmation with a way back. Scope and the changes themselves are decided in src/tips/held.ts.
import { formatDateTimeVN } from "../../src/util/vietnam-time.js";
import { categoryLabel } from "../../src/tips/categories.js";
import { cleanCitizenText } from "../../src/tips/citizen-text.js";
import { countHeld, listHeldTips, resolveHeld } from "../../src/tips/held.js";
import { heldAsk, heldConfirm, heldList } from "../../src/messaging/buttons.js";
import type { StaffRow, Turn } from "./turn.js";

type HeldDecision = "release" | "dismiss";

export async function showHeldTips(turn: Turn, staff: StaffRow): Promise<void> {
  const listed = await listHeldTips(turn.deps.db, staff);
  if (!listed.ok) {
    turn.reply(turn.t.staff.desk.forbidden);
    return;
  }
  if (listed.total === 0) {
    turn.reply(turn.t.staff.held.listEmpty);
    return;
  }
  const lines = [turn.t.staff.held.listTitle(listed.total)];
  for (const t of listed.tips) {
    const words = cleanCitizenText(t.text).replace(/\s+/g, " ").slice(0, 80);
    lines.push(turn.t.staff.held.listLine(t.caseNumber, formatDateTimeVN(t.createdAt), categoryLabel(t.category), t.village?.name ?? turn.t.citizen.flow.unknownVillage, words));
  }
  if (listed.total > listed.tips.length) lines.push(turn.t.staff.held.listMore(listed.total - listed.tips.length));
  turn.reply(lines.join("\n"), [
    [{ label: turn.t.staff.held.release, data: heldAsk.pack({ decision: "release", upToId: listed.upToId }) }],
    [{ label: turn.t.staff.held.dismiss, data: heldAsk.pack({ decision: "dismiss", upToId: listed.upToId }) }],
  ]);
}

/** "Release / dismiss the held tips up to here?": how many, and a confirmation with a way back. */
export async function confirmHeld(turn: Turn, staff: StaffRow, decision: HeldDecision, upToId: number): Promise<void> {
  const count = await countHeld(turn.deps.db, staff, upToId);
  if (count === null) turn.reply(turn.t.staff.desk.forbidden);
  else if (count === 0) turn.reply(turn.t.staff.held.nothing);
  else
    turn.reply(decision === "release" ? turn.t.staff.held.confirmRelease(count) : turn.t.staff.held.confirmDismiss(count), [
      [{ label: turn.t.staff.held.yes, data: heldConfirm.pack({ decision, upToId }) }],
      [{ label: turn.t.staff.held.back, data: heldList.pack("list") }],
    ]);
}

/** Confirmed: release or dismiss them. */
export async function resolveHeldTips(turn: Turn, staff: StaffRow, decision: HeldDecision, upToId: number): Promise<void> {
  const changed = await resolveHeld(turn.deps, staff, upToId, decision);
  if (changed === null) turn.reply(turn.t.staff.desk.forbidden);
  else if (changed === 0) turn.reply(turn.t.staff.held.nothing);
  else turn.reply(decision === "release" ? turn.t.staff.held.released(changed) : turn.t.staff.held.dismissed(changed));
}
