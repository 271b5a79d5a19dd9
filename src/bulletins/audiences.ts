// Audiences of a commune beyond its villages (issue 15; seeds 000 and 001: "tuyên truyền cá biệt",
// "người lao động tại các doanh nghiệp"): schools and businesses at risk, entered by an admin. Each
// has contacts (a teacher, a business contact: Staff.audienceId, given by the invitation) who get
// the bulletins sent to its kind — the commune's own bulletins to the kinds their writer chose,
// catalog bulletins by tag (audiences.json) — in Vietnamese with the recording, and answer
// "Đã tuyên truyền" per slot (AudienceDelivery), like a village head's "Đã phát". Scope is checked
// here, once: the CLI, the chat and the console call these; another commune's audience is not_found.
import data from "./audiences.json" with { type: "json" };
import { z } from "zod";
import type { Db } from "../db/client.js";
import type { Channel, Choice, OutgoingMessage } from "../messaging/types.js";
import { audienceDone, audienceNotDone } from "../messaging/buttons.js";
import { enqueue } from "../outbox/outbox.js";
import { can, type Role, type StaffScope } from "../staff/roles.js";
import { viAudiences } from "../i18n/vi-audiences.js";
import { viBulletins } from "../i18n/vi-bulletins.js";
import { BASE_LANGUAGE } from "./languages.js";
import { formatSlot, recordingMedia, hasAudioFor, type VersionContent } from "./messages.js";
import { reminderAt, scheduleSettings } from "./schedule.js";
import { PRIORITY_HEADS, staffTarget, versionsFor, type BulletinDeps } from "./store.js";

const t = viAudiences;

export const AUDIENCE_KINDS = ["school", "business"] as const;
export type AudienceKind = (typeof AUDIENCE_KINDS)[number];

export function isAudienceKind(value: string): value is AudienceKind {
  return (AUDIENCE_KINDS as readonly string[]).includes(value);
}

const settings = z
  .object({
    kinds: z.object({
      school: z.object({ role: z.literal("teacher"), tags: z.array(z.string().regex(/^[a-z0-9-]+$/)) }),
      business: z.object({ role: z.literal("business_contact"), tags: z.array(z.string().regex(/^[a-z0-9-]+$/)) }),
    }),
    reasons: z.array(z.string().regex(/^[a-z_]{2,16}$/)).min(2),
  })
  .parse(data);
if (!settings.reasons.includes("other")) throw new Error("audiences.json needs an \"other\" reason (free text)");

export const AUDIENCE_REASONS: readonly string[] = settings.reasons;
export const NAME_MIN = 2;
export const NAME_MAX = 120;
export const MAX_REASON_CHARS = 300;

/** The staff role of an audience kind's contacts. */
export function contactRole(kind: AudienceKind): Role {
  return settings.kinds[kind].role;
}

/** The audience kind a contact role is for; null for every other role. */
export function kindOfRole(role: string): AudienceKind | null {
  return AUDIENCE_KINDS.find((k) => settings.kinds[k].role === role) ?? null;
}

/** "school,business" → the kinds, known ones only, in the table's order, once each. */
export function parseAudienceKinds(text: string | null | undefined): AudienceKind[] {
  const words = new Set((text ?? "").split(",").map((w) => w.trim()));
  return AUDIENCE_KINDS.filter((k) => words.has(k));
}

/**
 * Which audience kinds an item reaches at a slot: a commune's own item (communeId set) the kinds its
 * writer chose; a catalog item each kind one of whose tags it carries (audiences.json).
 */
export function audienceKindsOf(item: { communeId: number | null; tags: string }, chosen: string | null): AudienceKind[] {
  if (item.communeId !== null) return parseAudienceKinds(chosen);
  const tags = new Set(item.tags.split(",").map((s) => s.trim()).filter(Boolean));
  return AUDIENCE_KINDS.filter((k) => settings.kinds[k].tags.some((tag) => tags.has(tag)));
}

/** A contact answers for their own audience only, in their own commune. */
export function mayConfirmAudience(staff: StaffScope & { audienceId: number | null }, delivery: { audienceId: number; communeId: number; kind: string }): boolean {
  if (!can(staff, "audience.confirm", { communeId: delivery.communeId })) return false;
  return staff.audienceId !== null && staff.audienceId === delivery.audienceId && kindOfRole(staff.role) === delivery.kind;
}

export function reasonLabel(id: string | null | undefined): string | null {
  if (!id) return null;
  return t.reasons[id] ?? id;
}

// ---- The admin's list: add, list, remove -----------------------------------------------------

export type AudienceResult<T> = { ok: true; value: T } | { ok: false; reason: "not_found" | "bad_kind" | "bad_name" };

async function communeInScope(db: Db, actor: StaffScope, communeCode: string) {
  const commune = await db.commune.findUnique({ where: { code: communeCode.trim().toUpperCase() }, select: { id: true, name: true, code: true, provinceId: true } });
  if (!commune || !can(actor, "audience.manage", { communeId: commune.id, provinceId: commune.provinceId })) return null;
  return commune;
}

export async function addAudience(db: Db, actor: StaffScope, input: { communeCode: string; kind: string; name: string }, now: Date): Promise<AudienceResult<{ id: number; kind: AudienceKind; name: string }>> {
  const commune = await communeInScope(db, actor, input.communeCode);
  if (!commune) return { ok: false, reason: "not_found" };
  if (!isAudienceKind(input.kind)) return { ok: false, reason: "bad_kind" };
  const name = input.name.replace(/\s+/g, " ").trim();
  if ([...name].length < NAME_MIN || [...name].length > NAME_MAX) return { ok: false, reason: "bad_name" };
  const row = await db.audience.create({ data: { communeId: commune.id, kind: input.kind, name, createdAt: now } });
  return { ok: true, value: { id: row.id, kind: input.kind, name } };
}

export async function listAudiences(db: Db, actor: StaffScope, communeCode: string): Promise<AudienceResult<{ id: number; kind: string; name: string; contacts: number }[]>> {
  const commune = await communeInScope(db, actor, communeCode);
  if (!commune) return { ok: false, reason: "not_found" };
  const rows = await db.audience.findMany({ where: { communeId: commune.id, removedAt: null }, orderBy: [{ kind: "desc" }, { id: "asc" }] });
  const contacts = await db.staff.groupBy({ by: ["audienceId"], where: { audienceId: { in: rows.map((r) => r.id) }, active: true }, _count: { _all: true } });
  return { ok: true, value: rows.map((r) => ({ id: r.id, kind: r.kind, name: r.name, contacts: contacts.find((c) => c.audienceId === r.id)?._count._all ?? 0 })) };
}

/** Removes an audience from the list: nothing is sent to it any more; its records stay. */
export async function removeAudience(db: Db, actor: StaffScope, communeCode: string, id: number, now: Date): Promise<AudienceResult<{ name: string }>> {
  const commune = await communeInScope(db, actor, communeCode);
  if (!commune) return { ok: false, reason: "not_found" };
  const row = await db.audience.findUnique({ where: { id } });
  if (!row || row.communeId !== commune.id || row.removedAt) return { ok: false, reason: "not_found" };
  await db.audience.update({ where: { id }, data: { removedAt: now } });
  return { ok: true, value: { name: row.name } };
}

/** The kinds a commune has audiences of (what a writer may choose), in the table's order. */
export async function communeAudienceKinds(db: Db, communeId: number): Promise<AudienceKind[]> {
  const rows = await db.audience.groupBy({ by: ["kind"], where: { communeId, removedAt: null } });
  return AUDIENCE_KINDS.filter((k) => rows.some((r) => r.kind === k));
}

/** The writer's choice kept as the commune has it: only kinds it has audiences of, once each. */
export function keepAvailable(chosen: readonly string[], available: readonly AudienceKind[]): AudienceKind[] {
  return available.filter((k) => chosen.includes(k));
}

/** A contact's own audience (a teacher's school, a business contact's business), or null. */
export async function contactAudience(db: Db, staffId: number): Promise<{ name: string; kind: AudienceKind } | null> {
  const me = await db.staff.findUnique({ where: { id: staffId }, select: { audienceId: true, role: true } });
  if (!me?.audienceId || kindOfRole(me.role) === null) return null;
  const row = await db.audience.findUnique({ where: { id: me.audienceId } });
  return row && isAudienceKind(row.kind) ? { name: row.name, kind: row.kind } : null;
}

/** An audience still on its commune's list, for an invitation. */
export async function activeAudience(db: Db, id: number) {
  const row = await db.audience.findUnique({ where: { id } });
  return row && !row.removedAt && isAudienceKind(row.kind) ? { ...row, kind: row.kind } : null;
}

// ---- Sending at a slot ---------------------------------------------------------------------

export function audienceKey(slotId: number, staffId: number): string {
  return `b:${slotId}:a:${staffId}`;
}

export function audienceChoices(deliveryId: number): Choice[][] {
  return [[{ label: t.contact.buttons.done, data: audienceDone.pack(deliveryId) }], [{ label: t.contact.buttons.notDone, data: audienceNotDone.pack(deliveryId) }]];
}

export function contactMessage(o: { deliveryId: number; scheduledAt: Date; audience: string; kind: AudienceKind; title: string; version: VersionContent; channel: Channel }): OutgoingMessage {
  const v = o.version;
  const lines = [t.contact.header(formatSlot(o.scheduledAt), o.audience), t.contact.intro[o.kind], "", viBulletins.head.title(o.title), ""];
  lines.push(v.text && v.text.trim() !== "" ? v.text : viBulletins.head.audioOnly);
  if (hasAudioFor(v, o.channel)) lines.push("", t.contact.audioAbove);
  lines.push("", t.contact.footer);
  const message: OutgoingMessage = { text: lines.join("\n"), choices: audienceChoices(o.deliveryId) };
  const media = recordingMedia(v, o.channel);
  if (media) message.media = media;
  return message;
}

/**
 * The audiences' deliveries and their contacts' messages for a slot's first airing. Idempotent:
 * upserts per (slot, audience) and a dedupe key per (slot, contact), like the village heads'.
 */
export async function queueAudiences(
  deps: BulletinDeps,
  slot: { id: number; communeId: number; scheduledAt: Date },
  item: { id: number; communeId: number | null; tags: string; title: string },
  versions: Map<string, VersionContent>,
): Promise<number> {
  const { db } = deps;
  const chosen = item.communeId === null ? null : ((await db.localBulletin.findUnique({ where: { itemId: item.id }, select: { audiences: true } }))?.audiences ?? "");
  const kinds = audienceKindsOf(item, chosen);
  if (kinds.length === 0) return 0;
  const now = deps.now();
  const audiences = await db.audience.findMany({ where: { communeId: slot.communeId, kind: { in: kinds }, removedAt: null }, orderBy: { id: "asc" } });
  if (audiences.length === 0) return 0;
  const contacts = await db.staff.findMany({ where: { communeId: slot.communeId, audienceId: { in: audiences.map((a) => a.id) }, active: true }, orderBy: { id: "asc" } });
  let queued = 0;
  for (const audience of audiences) {
    const kind = audience.kind as AudienceKind;
    const mine = contacts.filter((c) => c.audienceId === audience.id && c.role === contactRole(kind));
    const delivery = await db.audienceDelivery.upsert({
      where: { slotId_audienceId: { slotId: slot.id, audienceId: audience.id } },
      create: { slotId: slot.id, audienceId: audience.id, kind, status: mine.length > 0 ? "pending" : "no_contact", createdAt: now, remindAt: mine.length > 0 ? reminderAt(slot.scheduledAt) : null },
      update: {},
    });
    for (const contact of mine) {
      const [chosenVersion] = versionsFor([BASE_LANGUAGE], versions, contact.channel as Channel);
      if (!chosenVersion) continue;
      const message = contactMessage({ deliveryId: delivery.id, scheduledAt: slot.scheduledAt, audience: audience.name, kind, title: item.title, version: chosenVersion.version, channel: contact.channel as Channel });
      await enqueue(db, staffTarget(contact), message, { dedupeKey: audienceKey(slot.id, contact.id), now, priority: PRIORITY_HEADS });
      queued++;
    }
  }
  if (queued > 0) deps.log.info("bulletins.audiences_queued", { slotId: slot.id, audiences: audiences.length, messages: queued });
  return queued;
}

/**
 * The next morning's reminder to the contacts of an audience that has not answered, once (as a
 * village head's, src/bulletins/deliveries.ts): claimed first, so two runs send it once; given up
 * when the reminder is a day late (nothing ran meanwhile).
 */
export async function sendAudienceReminders(deps: BulletinDeps, limit = 200): Promise<number> {
  const { db } = deps;
  const now = deps.now();
  const due = await db.audienceDelivery.findMany({ where: { status: "pending", remindedAt: null, remindAt: { lte: now } }, orderBy: { id: "asc" }, take: limit });
  let sent = 0;
  for (const d of due) {
    const claimed = await db.audienceDelivery.updateMany({ where: { id: d.id, remindedAt: null }, data: { remindedAt: now } });
    if (claimed.count !== 1 || !d.remindAt || now.getTime() - d.remindAt.getTime() > scheduleSettings.reminder.giveUpAfterHours * 3_600_000) continue;
    const [audience, slot] = await Promise.all([db.audience.findUnique({ where: { id: d.audienceId } }), db.bulletinSlot.findUnique({ where: { id: d.slotId }, select: { scheduledAt: true, communeId: true } })]);
    if (!audience || audience.removedAt || !slot || !isAudienceKind(audience.kind)) continue;
    const contacts = await db.staff.findMany({ where: { communeId: slot.communeId, audienceId: audience.id, role: contactRole(audience.kind), active: true }, orderBy: { id: "asc" } });
    for (const contact of contacts) {
      await enqueue(db, staffTarget(contact), { text: t.contact.reminder(audience.name, formatSlot(slot.scheduledAt)), choices: audienceChoices(d.id) }, { dedupeKey: `b:${d.slotId}:ar:${contact.id}`, now, priority: PRIORITY_HEADS });
      sent++;
    }
  }
  return sent;
}

// ---- Contacts' answers ---------------------------------------------------------------------

export type AudienceAnswer = { status: "done" } | { status: "not_done"; reason: string; reasonText?: string | null };

export type AudienceAnswerOutcome =
  | { ok: true; audience: string; when: string; status: "done" | "not_done"; reason: string | null }
  | { ok: false; reason: "unknown" | "forbidden" };

/** A delivery with its audience and slot, if the contact may answer it; the reason otherwise. */
export async function deliveryForContact(db: Db, staff: StaffScope & { id: number }, deliveryId: number) {
  const delivery = await db.audienceDelivery.findUnique({ where: { id: deliveryId } });
  if (!delivery) return { ok: false as const, reason: "unknown" as const };
  const [audience, slot, me] = await Promise.all([
    db.audience.findUnique({ where: { id: delivery.audienceId } }),
    db.bulletinSlot.findUnique({ where: { id: delivery.slotId }, select: { scheduledAt: true, communeId: true } }),
    db.staff.findUnique({ where: { id: staff.id }, select: { audienceId: true } }),
  ]);
  if (!audience || !slot) return { ok: false as const, reason: "unknown" as const };
  if (!mayConfirmAudience({ ...staff, audienceId: me?.audienceId ?? null }, { audienceId: audience.id, communeId: slot.communeId, kind: delivery.kind })) {
    return { ok: false as const, reason: "forbidden" as const };
  }
  return { ok: true as const, delivery, audience, when: formatSlot(slot.scheduledAt) };
}

/** Records a contact's answer; a later answer replaces an earlier one. */
export async function recordAudienceAnswer(deps: BulletinDeps, staff: StaffScope & { id: number }, deliveryId: number, answer: AudienceAnswer): Promise<AudienceAnswerOutcome> {
  const found = await deliveryForContact(deps.db, staff, deliveryId);
  if (!found.ok) return found;
  const now = deps.now();
  const data =
    answer.status === "done"
      ? { status: "done", reason: null, reasonText: null, answeredAt: now, answeredByStaffId: staff.id }
      : { status: "not_done", reason: answer.reason, reasonText: answer.reasonText ?? null, answeredAt: now, answeredByStaffId: staff.id };
  await deps.db.audienceDelivery.update({ where: { id: deliveryId }, data });
  deps.log.info("bulletins.audience_answer", { deliveryId, status: answer.status });
  const reason = answer.status === "not_done" ? (answer.reason === "other" && answer.reasonText ? answer.reasonText : reasonLabel(answer.reason)) : null;
  return { ok: true, audience: found.audience.name, when: found.when, status: answer.status, reason };
}

// ---- /tiendo -------------------------------------------------------------------------------

/** Per audience kind reached by a slot: how many confirmed, with the reasons of those that could not. */
export async function audienceProgressLines(db: Db, slotId: number): Promise<string[]> {
  const rows = await db.audienceDelivery.findMany({ where: { slotId }, orderBy: { id: "asc" } });
  if (rows.length === 0) return [];
  const names = new Map((await db.audience.findMany({ where: { id: { in: rows.map((r) => r.audienceId) } }, select: { id: true, name: true } })).map((a) => [a.id, a.name]));
  const lines: string[] = [];
  for (const kind of AUDIENCE_KINDS) {
    const of = rows.filter((r) => r.kind === kind);
    if (of.length === 0) continue;
    const n = (s: string) => of.filter((r) => r.status === s).length;
    lines.push(t.progress.line(t.kinds[kind], n("done"), of.length, n("not_done"), n("pending"), n("no_contact")));
    for (const r of of.filter((x) => x.status === "not_done")) {
      lines.push(t.progress.reasonLine(names.get(r.audienceId) ?? "", r.reason === "other" && r.reasonText ? r.reasonText : (reasonLabel(r.reason) ?? "")));
    }
  }
  return lines;
}
