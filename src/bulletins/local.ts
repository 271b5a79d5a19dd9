// Bulletins written by the commune (issue 15): an officer or leader writes a bulletin or an urgent
// warning; a second person of the same commune approves it (a leader an officer's, an officer a
// leader's, never the writer: mayApprove, table-tested); approved, it becomes a BulletinItem with
// communeId set, so it enters that commune's catalog only, and airs at once ("Phát ngay") or first
// at the next slot. The chat (/vietbantin) and the console (/canbo/bantin/viet) call these functions;
// scope is checked here, once: another commune's bulletin is not_found by every path.
import data from "./local.json" with { type: "json" };
import { z } from "zod";
import type { Db } from "../db/client.js";
import { DAY_MS, vnDayStart } from "../util/vietnam-time.js";
import { enqueue } from "../outbox/outbox.js";
import { can, type StaffScope } from "../staff/roles.js";
import type { OutgoingMessage } from "../messaging/types.js";
import { localAir, localReview, translationOpen } from "../messaging/buttons.js";
import { viLocalBulletins } from "../i18n/vi-local-bulletins.js";
import { BASE_LANGUAGE, languageInline, parseLanguageList, villageLanguageCodes } from "./languages.js";
import { communeStaff, isUniqueViolation, staffTarget, WARNING_ITEM_PRIORITY, type BulletinDeps } from "./store.js";
import { airItemNow, communeSchedule } from "./slots.js";
import { nextSlotAfter } from "./schedule.js";
import { translatorLanguages } from "./translations.js";
import { communeAudienceKinds, keepAvailable, parseAudienceKinds } from "./audiences.js";
import { viAudiences } from "../i18n/vi-audiences.js";

const t = viLocalBulletins;

export const LOCAL_KINDS = ["bulletin", "warning"] as const;
export type LocalKind = (typeof LOCAL_KINDS)[number];

export function isLocalKind(value: string): value is LocalKind {
  return (LOCAL_KINDS as readonly string[]).includes(value);
}

const settings = z
  .object({ titleMax: z.number().int().positive(), textMin: z.number().int().positive(), textMax: z.number().int().positive(), warningValidDays: z.number().int().positive() })
  .parse(data);

export const TITLE_MAX = settings.titleMax;
export const TEXT_MIN = settings.textMin;
export const TEXT_MAX = settings.textMax;
/** Local items sort after the catalog's positions; among themselves, in the order approved. */
const LOCAL_POSITION_BASE = 1_000_000;
/** How a local item waits for its first airing (src/bulletins/rotation.ts pickUrgent). */
const PRIORITY: Record<LocalKind, number> = { warning: WARNING_ITEM_PRIORITY, bulletin: 1 };

/** Who wrote it, as the rule needs it: the bulletin's commune stands for the writer's. */
export interface Writer {
  id: number;
  role: string;
  communeId: number | null;
}

export interface Approver extends Writer {
  active: boolean;
}

/** Officers and leaders of a commune write its bulletins. */
export function mayWrite(staff: StaffScope): boolean {
  return staff.communeId !== null && can(staff, "bulletin.write", { communeId: staff.communeId });
}

/**
 * The approval rule: a leader approves an officer's bulletin, an officer a leader's; never the
 * writer; only an active member of the same commune.
 */
export function mayApprove(writer: Writer, approver: Approver): boolean {
  if (!approver.active || approver.id === writer.id) return false;
  if (writer.communeId === null || approver.communeId !== writer.communeId) return false;
  return (writer.role === "officer" && approver.role === "leader") || (writer.role === "leader" && approver.role === "officer");
}

/** The role that approves what `writerRole` wrote. */
export function approverRole(writerRole: string): "leader" | "officer" {
  return writerRole === "leader" ? "officer" : "leader";
}

export type DraftProblem = "title_empty" | "title_long" | "text_empty" | "text_short" | "text_long";

const visible = (s: string) => s.replace(/[\p{Cf}\p{Z}\s]/gu, "");

export function checkTitle(title: string): DraftProblem | null {
  if (visible(title).length === 0) return "title_empty";
  if ([...title.trim()].length > TITLE_MAX) return "title_long";
  return null;
}

export function checkText(text: string): DraftProblem | null {
  if (visible(text).length === 0) return "text_empty";
  if ([...text.trim()].length < TEXT_MIN) return "text_short";
  if ([...text.trim()].length > TEXT_MAX) return "text_long";
  return null;
}

/** The words of a problem, for the chat and the console alike. */
export function problemText(problem: DraftProblem, got: string): string {
  const w = t.flow;
  switch (problem) {
    case "title_empty":
      return w.titleEmpty;
    case "title_long":
      return w.titleTooLong(TITLE_MAX, [...got.trim()].length);
    case "text_empty":
      return w.textEmpty;
    case "text_short":
      return w.textTooShort(TEXT_MIN);
    case "text_long":
      return w.textTooLong(TEXT_MAX, [...got.trim()].length);
  }
}

type Staffish = StaffScope & { id: number; displayName: string };

export type SubmitOutcome =
  | { ok: true; id: number; approvers: number; approverLabel: string }
  | { ok: false; reason: "forbidden" | DraftProblem };

function reviewMessage(lb: { id: number; kind: string; title: string; text: string; audiences: string }, writerName: string): OutgoingMessage {
  const kind = isLocalKind(lb.kind) ? t.kinds[lb.kind] : lb.kind;
  const audiences = parseAudienceKinds(lb.audiences);
  const also = audiences.length > 0 ? [`${viAudiences.choose.preview}: ${audiences.map((k) => viAudiences.kindsInline[k]).join(", ")}`] : [];
  return {
    text: [t.review.request(kind, lb.title, writerName), "", t.review.textHeading, lb.text, "", ...also, t.review.afterApproval].join("\n"),
    choices: [
      [{ label: viLocalBulletins.console.approve, data: localReview.pack({ id: lb.id, decision: "approve" }) }],
      [{ label: viLocalBulletins.console.return, data: localReview.pack({ id: lb.id, decision: "return" }) }],
    ],
  };
}

/** Saves a written bulletin as pending and tells the commune's approvers (the other role), in chat. */
export async function submitLocalBulletin(deps: BulletinDeps, writer: Staffish, input: { kind: LocalKind; title: string; text: string; /** Kinds of audience also sent to (src/bulletins/audiences.ts). */ audiences?: readonly string[] }): Promise<SubmitOutcome> {
  const { db } = deps;
  if (!mayWrite(writer) || !isLocalKind(input.kind)) return { ok: false, reason: "forbidden" };
  const problem = checkTitle(input.title) ?? checkText(input.text);
  if (problem) return { ok: false, reason: problem };
  const now = deps.now();
  const communeId = writer.communeId!;
  // Only kinds the commune has on its list (a choice made before an audience was removed drops it).
  const audiences = keepAvailable(input.audiences ?? [], await communeAudienceKinds(db, communeId)).join(",");
  const lb = await db.localBulletin.create({
    data: { communeId, kind: input.kind, title: input.title.trim(), text: input.text.trim(), audiences, status: "pending", writerStaffId: writer.id, createdAt: now, updatedAt: now },
  });
  const role = approverRole(writer.role);
  const approvers = (await communeStaff(db, communeId, [role])).filter((s) => mayApprove({ id: writer.id, role: writer.role, communeId }, s));
  const message = reviewMessage(lb, writer.displayName);
  for (const a of approvers) await enqueue(db, staffTarget(a), message, { dedupeKey: `b:lr:${lb.id}:${a.id}`, now });
  deps.log.info("bulletins.local_submitted", { id: lb.id, communeId, kind: lb.kind, approvers: approvers.length });
  return { ok: true, id: lb.id, approvers: approvers.length, approverLabel: t.approverOf[role] ?? role };
}

/** One of the commune's own bulletins, or null when there is none by that id in the reader's commune. */
export async function findLocalBulletin(db: Db, staff: StaffScope, id: number) {
  if (staff.communeId === null || !staff.active) return null;
  const lb = await db.localBulletin.findUnique({ where: { id } });
  return lb && lb.communeId === staff.communeId ? lb : null;
}

/** The bulletins waiting for this person's approval (their commune's, written by the other role). */
export async function pendingForApprover(db: Db, approver: Staffish) {
  if (approver.communeId === null || !approver.active) return [];
  const rows = await db.localBulletin.findMany({ where: { communeId: approver.communeId, status: "pending" }, orderBy: { id: "asc" }, take: 50 });
  const writers = await db.staff.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.writerStaffId))] } }, select: { id: true, role: true, displayName: true } });
  return rows.flatMap((r) => {
    const w = writers.find((x) => x.id === r.writerStaffId);
    return w && mayApprove({ id: w.id, role: w.role, communeId: r.communeId }, { ...approver, communeId: approver.communeId }) ? [{ ...r, writerName: w.displayName }] : [];
  });
}

/** The commune's own bulletins, newest first, with who wrote them and whether they were aired. */
export async function recentOfCommune(db: Db, staff: StaffScope, take = 20) {
  if (staff.communeId === null || !staff.active) return [];
  const rows = await db.localBulletin.findMany({ where: { communeId: staff.communeId }, orderBy: { id: "desc" }, take });
  const writers = await db.staff.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.writerStaffId))] } }, select: { id: true, displayName: true } });
  const itemIds = rows.flatMap((r) => (r.itemId === null ? [] : [r.itemId]));
  const aired = new Set((await db.bulletinSlot.findMany({ where: { communeId: staff.communeId, itemId: { in: itemIds } }, select: { itemId: true } })).map((s) => s.itemId));
  return rows.map((r) => ({
    ...r,
    writerName: writers.find((w) => w.id === r.writerStaffId)?.displayName ?? "",
    aired: r.status === "aired" || (r.itemId !== null && aired.has(r.itemId)),
  }));
}

export type ReviewOutcome =
  | { ok: true; id: number; title: string; decision: "approve" | "return" }
  | { ok: false; reason: "not_found" | "self" | "forbidden" | "handled"; approverLabel?: string };

/**
 * Approves or returns a pending bulletin. Approving makes it the commune's own BulletinItem (its
 * Vietnamese text approved), tells the writer, and asks the commune's translators. Safe without
 * transactions: the pending row is claimed by a conditional update; the item is upserted by slug.
 */
export async function reviewLocalBulletin(deps: BulletinDeps, approver: Staffish, id: number, decision: "approve" | "return"): Promise<ReviewOutcome> {
  const { db } = deps;
  const lb = await findLocalBulletin(db, approver, id);
  if (!lb) return { ok: false, reason: "not_found" };
  const writer = await db.staff.findUnique({ where: { id: lb.writerStaffId } });
  if (!writer) return { ok: false, reason: "not_found" };
  if (writer.id === approver.id) return { ok: false, reason: "self" };
  if (!mayApprove({ id: writer.id, role: writer.role, communeId: lb.communeId }, approver)) {
    return { ok: false, reason: "forbidden", approverLabel: t.approverOf[approverRole(writer.role)] };
  }
  if (lb.status !== "pending") return { ok: false, reason: "handled" };
  const now = deps.now();
  const claimed = await db.localBulletin.updateMany({
    where: { id: lb.id, status: "pending" },
    data: { status: decision === "approve" ? "approved" : "returned", approverStaffId: approver.id, decidedAt: now, updatedAt: now },
  });
  if (claimed.count !== 1) return { ok: false, reason: "handled" };
  const toWriter = (text: string) => enqueue(db, staffTarget(writer), { text }, { dedupeKey: `b:lw:${lb.id}`, now });
  if (decision === "return") {
    await toWriter(t.review.toWriterReturned(lb.title, approver.displayName));
    deps.log.info("bulletins.local_returned", { id: lb.id, communeId: lb.communeId });
    return { ok: true, id: lb.id, title: lb.title, decision };
  }
  const itemId = await makeItem(deps, lb, now);
  await db.localBulletin.update({ where: { id: lb.id }, data: { itemId, updatedAt: now } });
  await toWriter(t.review.toWriterApproved(lb.title, approver.displayName));
  await askTranslators(deps, lb.communeId, itemId, lb.title, now);
  deps.log.info("bulletins.local_approved", { id: lb.id, communeId: lb.communeId, itemId });
  return { ok: true, id: lb.id, title: lb.title, decision };
}

async function makeItem(deps: BulletinDeps, lb: { id: number; communeId: number; kind: string; title: string; text: string }, now: Date): Promise<number> {
  const { db } = deps;
  const commune = await db.commune.findUniqueOrThrow({ where: { id: lb.communeId }, select: { name: true } });
  const kind: LocalKind = isLocalKind(lb.kind) ? lb.kind : "bulletin";
  const fields = {
    position: LOCAL_POSITION_BASE + lb.id,
    title: kind === "warning" ? t.warningTitle(lb.title) : lb.title,
    topic: t.kinds[kind],
    tags: "",
    sources: t.sourceLine(commune.name),
    communeId: lb.communeId,
    priority: PRIORITY[kind],
    // A warning is about one event: picked only in its first days (validUntil is a whole day, inclusive).
    validUntil: kind === "warning" ? new Date(vnDayStart(now).getTime() + (settings.warningValidDays - 1) * DAY_MS) : null,
    updatedAt: now,
  };
  // "local:" cannot be a catalog slug (a-z, 0-9 and "-" only), so the catalog import never meets it.
  const item = await db.bulletinItem.upsert({ where: { slug: `local:${lb.id}` }, create: { slug: `local:${lb.id}`, createdAt: now, ...fields }, update: fields });
  try {
    await db.bulletinVersion.upsert({
      where: { itemId_language_status: { itemId: item.id, language: BASE_LANGUAGE, status: "approved" } },
      create: { itemId: item.id, language: BASE_LANGUAGE, status: "approved", text: lb.text, approvedAt: now, createdAt: now, updatedAt: now },
      update: { text: lb.text, updatedAt: now },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  return item.id;
}

/** The commune's translators are asked for the new item in each of their languages the commune uses. */
async function askTranslators(deps: BulletinDeps, communeId: number, itemId: number, title: string, now: Date): Promise<number> {
  const { db } = deps;
  const commune = await db.commune.findUniqueOrThrow({ where: { id: communeId }, select: { languages: true } });
  const used = parseLanguageList(commune.languages);
  for (const c of await villageLanguageCodes(db, communeId)) if (!used.includes(c)) used.push(c);
  let asked = 0;
  for (const translator of await communeStaff(db, communeId, ["translator"])) {
    const languages = (await translatorLanguages(db, translator.id)).filter((l) => l !== BASE_LANGUAGE && used.includes(l));
    if (languages.length === 0) continue;
    const message: OutgoingMessage = {
      text: t.translators.request(title, languages.map(languageInline).join(", ")),
      choices: languages.map((language) => [{ label: `✍️ ${languageInline(language)}`.slice(0, 60), data: translationOpen.pack({ itemId, language }) }]),
    };
    await enqueue(db, staffTarget(translator), message, { dedupeKey: `b:lt:${itemId}:${translator.id}`, now });
    asked++;
  }
  return asked;
}

export type AirOutcome =
  | { ok: true; when: "now"; title: string; slotId: number }
  | { ok: true; when: "next"; title: string; at: Date | null }
  | { ok: false; reason: "not_found" | "forbidden" | "not_approved" | "aired_before" | "busy" };

/**
 * Airs an approved bulletin: "now" makes a slot at once (the next tick sends it to the village heads
 * and subscribers, as "Phát bản tin đầu tiên ngay" does); "next" leaves it first in line for the
 * commune's next slot (its priority) and says when that is. Any officer or leader of the commune.
 */
export async function airLocalBulletin(deps: BulletinDeps, staff: Staffish, id: number, when: "now" | "next"): Promise<AirOutcome> {
  const { db } = deps;
  const lb = await findLocalBulletin(db, staff, id);
  if (!lb) return { ok: false, reason: "not_found" };
  if (!mayWrite(staff)) return { ok: false, reason: "forbidden" };
  if (lb.status !== "approved" && lb.status !== "aired") return { ok: false, reason: "not_approved" };
  // Approved but its item not made (a crash right after the approval): made now, idempotently by slug.
  const itemId = lb.itemId ?? (await makeItem(deps, lb, deps.now()));
  if (lb.itemId === null) await db.localBulletin.update({ where: { id: lb.id }, data: { itemId } });
  if (lb.status === "aired" || (await db.bulletinSlot.count({ where: { communeId: lb.communeId, itemId } })) > 0) return { ok: false, reason: "aired_before" };
  const now = deps.now();
  if (when === "next") {
    const { schedule, enabled } = await communeSchedule(db, lb.communeId);
    return { ok: true, when, title: lb.title, at: enabled ? nextSlotAfter(schedule, now) : null };
  }
  // Claimed first, so two presses make one slot; given back if the slot could not be made.
  const claimed = await db.localBulletin.updateMany({ where: { id: lb.id, status: "approved" }, data: { status: "aired", updatedAt: now } });
  if (claimed.count !== 1) return { ok: false, reason: "aired_before" };
  const aired = await airItemNow(deps, lb.communeId, itemId);
  if (!aired.ok) {
    await db.localBulletin.updateMany({ where: { id: lb.id, status: "aired" }, data: { status: "approved", updatedAt: now } });
    return { ok: false, reason: "busy" };
  }
  await db.localBulletin.update({ where: { id: lb.id }, data: { slotId: aired.slotId } });
  return { ok: true, when, title: lb.title, slotId: aired.slotId };
}

/** The buttons offered once a bulletin is approved. */
export function airChoices(id: number) {
  return [[{ label: t.air.now, data: localAir.pack({ id, when: "now" }) }], [{ label: t.air.next, data: localAir.pack({ id, when: "next" }) }]];
}
