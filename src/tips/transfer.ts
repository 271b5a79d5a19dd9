// Sending a tip on (issue 12): a tip filed in the wrong commune goes to another commune of the same
// province, where it arrives as a new tip (its officers get the new-tip alert); a tip that belongs to
// a police unit (src/tips/units.json) is closed "referred" through closeTip, so its tipster gets the
// neutral closing notice. Either way a TipTransfer row is the sending commune's line of it, and the
// tipster's receipt code keeps working (the tip keeps its id, receipt hash and reply address).
// Every function takes the staff member and checks role, commune and status here, once.
import type { Db } from "../db/client.js";
import { can, type ScopeTarget, type StaffScope } from "../staff/roles.js";
import { searchCommunes } from "../places/search.js";
import { viData } from "../i18n/vi-data.js";
import { viTransfer } from "../i18n/vi-transfer.js";
import { isOpen } from "./status.js";
import { mayOnTip, tipScopeTarget } from "./scope.js";
import { closeTip, staffLabel } from "./case.js";
import { notifyOfficers, sendNewTipAlert, storedAttachment, type StaffRef, type TipDeps } from "./service.js";
import { findUnit } from "./units.js";
import { communeNamesOf, destinationLabel } from "./transfer-labels.js";

/** The result a tip sent on to a unit is closed with (src/tips/results.json). */
export const REFERRED_RESULT = "referred";
const REASON_CHARS = 500;
const MATCHES_SHOWN = 8;
const DAY_MS = 86_400_000;

export type TransferKind = "commune" | "unit";
export type TransferRefusal = "closed" | "held" | "same_commune" | "other_province";
export type TransferFailure = { ok: false; reason: "not_found" | "forbidden" | "bad_commune" | "bad_unit" | "moved" | TransferRefusal; caseNumber?: string };

/**
 * Who may send a tip on: whoever handles the commune's tips (its officers, an admin over it); a
 * leader of the commune only to another commune, since sending it to a unit closes it, and closing
 * is the handling officer's.
 */
export function mayTransfer(staff: StaffScope, kind: TransferKind, scope: ScopeTarget): boolean {
  if (can(staff, "tip.handle", scope)) return true;
  return kind === "commune" && staff.role === "leader" && can(staff, "tip.assign", scope);
}

/** The kinds of transfer this staff member may start on a tip of this commune, in the order offered. */
export function transferKinds(staff: StaffScope, scope: ScopeTarget): TransferKind[] {
  return (["commune", "unit"] as const).filter((kind) => mayTransfer(staff, kind, scope));
}

/** Why a tip cannot go (to this commune, when one is given), or null: open, not held, another commune of its province. */
export function transferRefusal(
  tip: { status: string; hold: string | null; communeId: number; provinceId: number },
  to: { id: number; provinceId: number } | null,
): TransferRefusal | null {
  if (tip.hold !== null) return "held";
  if (!isOpen(tip.status)) return "closed";
  if (!to) return null;
  if (to.id === tip.communeId) return "same_commune";
  if (to.provinceId !== tip.provinceId) return "other_province";
  return null;
}

type LoadedTip = NonNullable<Awaited<ReturnType<typeof findTip>>>;

function findTip(db: Db, tipId: number) {
  return db.tip.findUnique({ where: { id: tipId }, include: { commune: true } });
}

const failed = (x: LoadedTip | TransferFailure): x is TransferFailure => "ok" in x;

/** The tip, if this staff member may send it on this way and it may go now. */
async function transferTip(db: Db, staff: StaffRef, tipId: number, kind: TransferKind): Promise<LoadedTip | TransferFailure> {
  const tip = await findTip(db, tipId);
  if (!tip) return { ok: false, reason: "not_found" };
  const scope = tipScopeTarget(tip);
  // Not the tip's commune: as every tip path, it does not exist for them (not even its case number).
  if (!mayOnTip(staff, "tip.read", tip)) return { ok: false, reason: "not_found" };
  if (!mayTransfer(staff, kind, scope)) return { ok: false, reason: "forbidden", caseNumber: tip.caseNumber };
  const refusal = transferRefusal({ ...tip, provinceId: tip.commune.provinceId }, null);
  if (refusal) return { ok: false, reason: refusal, caseNumber: tip.caseNumber };
  return tip;
}

/** Whether the staff member may start sending this tip on, and which ways. */
export async function transferStart(deps: TipDeps, staff: StaffRef, tipId: number): Promise<{ ok: true; caseNumber: string; kinds: TransferKind[] } | TransferFailure> {
  const tip = await transferTip(deps.db, staff, tipId, "commune");
  if (failed(tip)) return tip;
  return { ok: true, caseNumber: tip.caseNumber, kinds: transferKinds(staff, { communeId: tip.communeId, villageId: tip.villageId ?? undefined }) };
}

export interface CommuneChoice {
  id: number;
  name: string;
  code: string;
}

/**
 * The communes of the tip's province matching what was typed (name with or without diacritics, or
 * code), its own commune left out; `refusal` says why nothing is offered when something matched.
 */
export async function transferCommunes(
  deps: TipDeps,
  staff: StaffRef,
  tipId: number,
  query: string,
): Promise<{ ok: true; caseNumber: string; communes: CommuneChoice[]; more: boolean; refusal: TransferRefusal | null } | TransferFailure> {
  const tip = await transferTip(deps.db, staff, tipId, "commune");
  if (failed(tip)) return tip;
  const found = await searchCommunes(deps.db, query, 40);
  const fit = found.filter((c) => transferRefusal({ ...tip, provinceId: tip.commune.provinceId }, c) === null);
  const refusal = fit.length > 0 ? null : found.some((c) => c.id === tip.communeId) ? "same_commune" : found.length > 0 ? "other_province" : null;
  return {
    ok: true,
    caseNumber: tip.caseNumber,
    communes: fit.slice(0, MATCHES_SHOWN).map((c) => ({ id: c.id, name: c.name, code: c.code })),
    more: fit.length > MATCHES_SHOWN,
    refusal,
  };
}

/** A commune the flow named, as the officer reads it, if the tip may go there. */
export async function transferDestination(deps: TipDeps, staff: StaffRef, tipId: number, toCommuneId: number): Promise<{ ok: true; caseNumber: string; to: string } | TransferFailure> {
  const tip = await transferTip(deps.db, staff, tipId, "commune");
  if (failed(tip)) return tip;
  const to = await deps.db.commune.findUnique({ where: { id: toCommuneId } });
  if (!to) return { ok: false, reason: "bad_commune", caseNumber: tip.caseNumber };
  const refusal = transferRefusal({ ...tip, provinceId: tip.commune.provinceId }, to);
  if (refusal) return { ok: false, reason: refusal, caseNumber: tip.caseNumber };
  return { ok: true, caseNumber: tip.caseNumber, to: viData.commune(to.name) };
}

/** Whether the staff member may send this tip to a unit now. */
export async function unitTransferable(deps: TipDeps, staff: StaffRef, tipId: number): Promise<{ ok: true; caseNumber: string } | TransferFailure> {
  const tip = await transferTip(deps.db, staff, tipId, "unit");
  return failed(tip) ? tip : { ok: true, caseNumber: tip.caseNumber };
}

const threadKey = (tipId: number) => `tip:${tipId}`;

/**
 * The tip moves to another commune of the province as a new tip: status new, no officer, no deadline
 * until it is taken, escalation from now, no village (villages are the old commune's). Its new
 * commune gets the new-tip alert as for a fresh tip; the sending commune keeps the TipTransfer line.
 */
export async function transferToCommune(deps: TipDeps, staff: StaffRef, tipId: number, toCommuneId: number, reason: string): Promise<{ ok: true; caseNumber: string; to: string } | TransferFailure> {
  const { db } = deps;
  const tip = await transferTip(db, staff, tipId, "commune");
  if (failed(tip)) return tip;
  const to = await db.commune.findUnique({ where: { id: toCommuneId } });
  if (!to) return { ok: false, reason: "bad_commune", caseNumber: tip.caseNumber };
  const refusal = transferRefusal({ ...tip, provinceId: tip.commune.provinceId }, to);
  if (refusal) return { ok: false, reason: refusal, caseNumber: tip.caseNumber };
  const why = reason.trim().slice(0, REASON_CHARS);
  const now = deps.now();
  // Conditional: two officers sending it on (or one taking it) at once cannot both win.
  const moved = await db.tip.updateMany({
    where: { id: tipId, communeId: tip.communeId, status: tip.status, hold: null },
    data: {
      communeId: to.id,
      villageId: null,
      status: "new",
      officerStaffId: null,
      takenAt: null,
      takenByStaffId: null,
      dueAt: null,
      extensions: 0,
      reminderLevel: 0,
      escalationLevel: 0,
      lastAlertAt: now,
    },
  });
  if (moved.count !== 1) return { ok: false, reason: "moved", caseNumber: tip.caseNumber };
  await db.tipEvent.create({ data: { tipId, kind: "transferred", actorStaffId: staff.id, fromStatus: tip.status, toStatus: "new", text: why, createdAt: now } });
  await db.tipTransfer.create({ data: { tipId, fromCommuneId: tip.communeId, toCommuneId: to.id, reason: why, staffId: staff.id, at: now } });
  const toLabel = viData.commune(to.name);
  const by = staffLabel(staff);
  await notifyOfficers(deps, tip.communeId, { text: viTransfer.thread(tip.caseNumber, by, toLabel, why), threadKey: threadKey(tipId), protect: true });
  const attachments = (await db.tipAttachment.findMany({ where: { tipId }, orderBy: { id: "asc" } })).map(storedAttachment);
  await sendNewTipAlert(deps, { id: tipId, caseNumber: tip.caseNumber, category: tip.category, text: tip.text, createdAt: tip.createdAt, source: tip.source }, to, null, attachments.map((a) => a.kind), attachments);
  await notifyOfficers(deps, to.id, { text: viTransfer.arrived(viData.commune(tip.commune.name), by, why), threadKey: threadKey(tipId), protect: true });
  return { ok: true, caseNumber: tip.caseNumber, to: toLabel };
}

/** The tip goes to a police unit: closed "referred" (the tipster gets the neutral notice), the unit kept on its line. */
export async function transferToUnit(deps: TipDeps, staff: StaffRef, tipId: number, unitId: string, reason: string): Promise<{ ok: true; caseNumber: string; to: string } | TransferFailure> {
  const { db } = deps;
  const tip = await transferTip(db, staff, tipId, "unit");
  if (failed(tip)) return tip;
  const unit = findUnit(unitId);
  if (!unit) return { ok: false, reason: "bad_unit", caseNumber: tip.caseNumber };
  const why = reason.trim().slice(0, REASON_CHARS);
  const closed = await closeTip(deps, staff, tipId, "done", REFERRED_RESULT, null);
  if (!closed.ok) return { ok: false, reason: closed.reason === "forbidden" ? "forbidden" : "moved", caseNumber: tip.caseNumber };
  const now = deps.now();
  await db.tipEvent.create({ data: { tipId, kind: "transferred", actorStaffId: staff.id, fromStatus: tip.status, toStatus: "done", text: why, createdAt: now } });
  await db.tipTransfer.create({ data: { tipId, fromCommuneId: tip.communeId, unit: unit.id, reason: why, staffId: staff.id, at: now } });
  await notifyOfficers(deps, tip.communeId, { text: viTransfer.thread(tip.caseNumber, staffLabel(staff), unit.label, why), threadKey: threadKey(tipId), protect: true });
  return { ok: true, caseNumber: tip.caseNumber, to: unit.label };
}

/**
 * An officer of the commune a tip was sent on from, opening it afterwards: its case number and where
 * it went (they sent it), or null when it was not sent from their commune.
 */
export async function transferredAway(db: Db, staff: StaffRef, tipId: number): Promise<{ caseNumber: string; to: string } | null> {
  if (staff.communeId === null) return null;
  const tip = await db.tip.findUnique({ where: { id: tipId } });
  if (!tip || tip.communeId === staff.communeId) return null;
  const row = await db.tipTransfer.findFirst({ where: { tipId, fromCommuneId: staff.communeId }, orderBy: { id: "desc" } });
  if (!row || row.toCommuneId === null) return null;
  return { caseNumber: tip.caseNumber, to: destinationLabel(row, await communeNamesOf(db, [row])) };
}

/** What a commune sent on in the last `days` days, by destination, most first (counts only). */
export async function transfersSent(db: Db, staff: StaffRef, communeId: number, now: Date, days = 30): Promise<{ to: string; count: number }[]> {
  if (!can(staff, "tip.list", { communeId })) return [];
  const rows = await db.tipTransfer.findMany({ where: { fromCommuneId: communeId, at: { gte: new Date(now.getTime() - days * DAY_MS) } } });
  const names = await communeNamesOf(db, rows);
  const counts = new Map<string, number>();
  for (const r of rows) {
    const label = destinationLabel(r, names);
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].map(([to, count]) => ({ to, count })).sort((a, b) => b.count - a.count || a.to.localeCompare(b.to));
}

/** The /tinbao line of what was sent on, or null when nothing was. */
export async function transfersSentLine(db: Db, staff: StaffRef, communeId: number, now: Date, days = 30): Promise<string | null> {
  const sent = await transfersSent(db, staff, communeId, now, days);
  if (sent.length === 0) return null;
  return viTransfer.sentLine(days, sent.map((s) => viTransfer.sentPart(s.to, s.count)).join(", "));
}
