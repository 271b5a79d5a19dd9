// Tips that do not come by chat: an officer enters one received by phone, by letter in a village tip
// box, in person or from another agency. The same createTip as a chat tip (same case number, alert to
// the commune's alert targets, same life); no tipster in a chat, so no reply address, unless the letter
// came on a printed slip (src/tips/slips.ts): the tip then takes the slip's receipt hash, and the first
// person to open it with the slip's code gets a sealed reply address (bindSlipReplyAddress).
import type { Db } from "../db/client.js";
import { can } from "../staff/roles.js";
import { categories } from "./categories.js";
import { createTip, type StaffRef, type TipDeps } from "./service.js";
import { findSource } from "./sources.js";
import { isOpen } from "./status.js";
import type { Channel } from "../messaging/types.js";

const DAY_MS = 86_400_000;
/** As a chat tip's reply address (src/tips/service.ts): shortened once the tip closes. */
const ADDRESS_DAYS = 180;

export interface IntakeInput {
  source: string;
  villageId: number | null;
  category: string;
  text: string;
  /** The tip-box slip the letter came on, as findSlip found it from the typed code (never the code: it is not kept). */
  slipId?: number;
  /** The messenger the officer entered it on (the tip's source says it did not come by chat). */
  channel: Channel;
}

export type IntakeOutcome =
  | { ok: true; tipId: number; caseNumber: string; onSlip: boolean }
  | { ok: false; reason: "forbidden" | "bad_input" | "slip_unknown" | "slip_used" };

/** Whether this staff member may enter tips for their commune (officers, a commune's admins). */
export function mayEnterTips(staff: StaffRef): staff is StaffRef & { communeId: number } {
  return staff.communeId !== null && can(staff, "tip.handle", { communeId: staff.communeId });
}

export async function enterTip(deps: TipDeps, staff: StaffRef, input: IntakeInput): Promise<IntakeOutcome> {
  const { db } = deps;
  if (!mayEnterTips(staff)) return { ok: false, reason: "forbidden" };
  const communeId = staff.communeId;
  const source = findSource(input.source);
  const text = input.text.trim();
  if (!source?.entered || !categories.some((c) => c.id === input.category) || text.length === 0) return { ok: false, reason: "bad_input" };
  if (input.villageId !== null) {
    const village = await db.village.findUnique({ where: { id: input.villageId } });
    if (!village || village.communeId !== communeId) return { ok: false, reason: "bad_input" };
  }
  let slip: { id: number; receiptHash: string; communeId: number; usedByTipId: number | null } | null = null;
  if (input.slipId !== undefined) {
    if (!source.slip) return { ok: false, reason: "bad_input" };
    slip = await db.tipSlip.findUnique({ where: { id: input.slipId } });
    if (!slip || slip.communeId !== communeId) return { ok: false, reason: "slip_unknown" };
    if (slip.usedByTipId !== null) return { ok: false, reason: "slip_used" };
  }
  // Not on a slip: createTip draws a fresh receipt code that nobody is ever shown, so nobody can follow it up.
  let created;
  try {
    created = await createTip(deps, {
      communeId,
      villageId: input.villageId,
      category: input.category,
      text: text.slice(0, 3000),
      channel: input.channel,
      attachments: [],
      replyTo: null,
      conversationTag: null,
      source: source.id,
      enteredByStaffId: staff.id,
      ...(slip ? { receiptHash: slip.receiptHash } : {}),
    });
  } catch (error) {
    // Two officers entering the same slip at once: the tip's unique receipt hash lets one through.
    if (slip && (error as { code?: string }).code === "P2002") return { ok: false, reason: "slip_used" };
    throw error;
  }
  if (slip) await db.tipSlip.update({ where: { id: slip.id }, data: { usedByTipId: created.tipId, usedAt: deps.now() } });
  return { ok: true, tipId: created.tipId, caseNumber: created.caseNumber, onSlip: slip !== null };
}

/**
 * A letter's writer opening their tip with the slip's code, for the first time, in a chat: that chat
 * becomes the tip's sealed reply address, so officers' questions reach it. Only for an open tip
 * entered under a slip that has no address yet; true when bound now.
 */
export async function bindSlipReplyAddress(db: Db, tipId: number, replyTo: { sealed: string; tag: string }, now: Date): Promise<boolean> {
  const slip = await db.tipSlip.findUnique({ where: { usedByTipId: tipId } });
  if (!slip) return false;
  const tip = await db.tip.findUnique({ where: { id: tipId }, include: { replyAddress: true } });
  if (!tip || tip.replyAddress || !isOpen(tip.status) || tip.erasedAt) return false;
  try {
    await db.replyAddress.create({ data: { tipId, sealed: replyTo.sealed, addressTag: replyTo.tag, expiresAt: new Date(now.getTime() + ADDRESS_DAYS * DAY_MS), createdAt: now } });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return false;
    throw error;
  }
  await db.tipEvent.create({ data: { tipId, kind: "address_bound", createdAt: now } });
  return true;
}
