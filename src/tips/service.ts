import { formatDateTimeVN, formatDateVN } from "../util/vietnam-time.js";
import type { Db } from "../db/client.js";
import type { Keyring } from "../crypto/keys.js";
import { newReceiptCode, normalizeReceiptCode, receiptHash } from "../crypto/receipt.js";
import { enqueue, enqueueToTipster, type SealedTarget } from "../outbox/outbox.js";
import type { Channel, Choice, OutgoingMessage } from "../messaging/types.js";
import { vi } from "../i18n/vi.js";
import { viStaff } from "../i18n/vi-staff.js";
import type { Messages } from "../i18n/messages.js";
import { categoryLabel } from "./categories.js";
import { sourceLabel } from "./sources.js";
import { viIntake } from "../i18n/vi-intake.js";
import { actionAllowed, escalationDue, isOpen, nextStatus, OPEN_STATUSES, type TipAction } from "./status.js";
import { verificationDue } from "./deadlines.js";
import { citizenBlock } from "./citizen-text.js";
import { mayOnTip } from "./scope.js";
import { claimUploads } from "../media/uploads.js";
import type { Logger } from "../log.js";
import { activeGroupTargets, staffTarget, staffTargets } from "../staff/targets.js";
import { countHits, recordHit } from "./limits.js";
import { senderHeldForSpam } from "./spam.js";
import { tipAction, tipReply, tipView } from "../messaging/buttons.js";
import { viCase } from "../i18n/vi-case.js";

export interface TipDeps {
  db: Db;
  keys: Keyring;
  now: () => Date;
  settings: { escalateAfterMinutes: number; addressRetentionDays: number; heldSummaryMinutes?: number };
  log?: Pick<Logger, "warn">;
}

export interface DraftAttachment {
  kind: "photo" | "video" | "voice" | "audio" | "location";
  channel: Channel;
  fileRef?: string;
  /** A web-chat picture, by public id: attached only if the same conversation uploaded it. */
  webUploadId?: string;
  latitude?: number;
  longitude?: number;
}

export interface StaffRef {
  id: number;
  displayName: string;
  role: string;
  communeId: number | null;
  villageId: number | null;
  /** A province admin's province (src/staff/roles.ts can). */
  provinceId?: number | null;
  active: boolean;
}

const MAX_ADDRESS_DAYS = 180;
const DAY_MS = 86_400_000;

function tipThreadKey(tipId: number): string {
  return `tip:${tipId}`;
}

export function tipActionChoices(tipId: number): Choice[][] {
  return [
    [
      { label: vi.buttons.take, data: tipAction.pack({ tipId, action: "take" }) },
      { label: vi.buttons.verify, data: tipAction.pack({ tipId, action: "verify" }) },
    ],
    [
      { label: vi.buttons.resolve, data: tipAction.pack({ tipId, action: "done" }) },
      { label: vi.buttons.unfounded, data: tipAction.pack({ tipId, action: "unfounded" }) },
    ],
    [{ label: vi.buttons.ask, data: tipAction.pack({ tipId, action: "ask" }) }],
  ];
}

/**
 * Where a commune's alerts go: its active alert groups, else (none active) each officer privately;
 * leaders too on the last escalation.
 */
export async function alertTargets(db: Db, communeId: number, includeLeaders = false): Promise<SealedTarget[]> {
  const groups = await activeGroupTargets(db, communeId);
  const roles = groups.length > 0 ? [] : ["officer"];
  if (includeLeaders) roles.push("leader");
  return [...groups, ...(await staffTargets(db, communeId, roles))];
}

/** Held tips (src/tips/held.ts): one summary alert per commune per this many minutes, unless set. */
export const DEFAULT_HELD_SUMMARY_MINUTES = 15;

/** One summary alert per commune per window, however many tips are held in it. */
export async function notifyHeldSummary(deps: TipDeps, commune: { id: number; name: string }): Promise<void> {
  const { db } = deps;
  const now = deps.now();
  const windowMs = (deps.settings.heldSummaryMinutes ?? DEFAULT_HELD_SUMMARY_MINUTES) * 60_000;
  const bucket = `held-summary:${commune.id}`;
  if ((await countHits(db, bucket, now, windowMs)) > 0) return;
  await recordHit(db, bucket, now);
  const count = await db.tip.count({ where: { communeId: commune.id, hold: "held" } });
  await notifyOfficers(deps, commune.id, { text: viStaff.held.summary(count, commune.name), protect: true });
}

export async function notifyOfficers(deps: TipDeps, communeId: number, message: OutgoingMessage, includeLeaders = false): Promise<void> {
  for (const target of await alertTargets(deps.db, communeId, includeLeaders)) {
    await enqueue(deps.db, target, message, { now: deps.now() });
  }
}

function attachmentSummary(kinds: string[]): string {
  if (kinds.length === 0) return vi.flow.summaryNoAttachments;
  const counts = new Map<string, number>();
  for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} ${vi.media[k] ?? k}`).join(", ");
}

export function describeAttachments(list: { kind: string }[]): string {
  return attachmentSummary(list.map((a) => a.kind));
}

function mediaMessage(caseNumber: string, tipId: number, a: DraftAttachment, threadKey: string): OutgoingMessage {
  const web = a.webUploadId !== undefined ? { webUploadId: a.webUploadId, webLink: { tipId } } : {};
  return {
    text: viStaff.alert.attachment(caseNumber, vi.media[a.kind] ?? a.kind),
    media: { kind: a.kind, channel: a.channel, fileRef: a.fileRef, ...web, latitude: a.latitude, longitude: a.longitude, citizen: true },
    protect: true,
    threadKey,
  };
}

/** The draft's attachments that may go with the tip: a web picture only if this conversation uploaded it. */
async function ownAttachments(deps: TipDeps, tipId: number, conversationTag: string | null, list: DraftAttachment[]): Promise<DraftAttachment[]> {
  const wanted = list.flatMap((a) => (a.webUploadId !== undefined ? [a.webUploadId] : []));
  if (wanted.length === 0) return list;
  const claimed = await claimUploads(deps.db, tipId, conversationTag, wanted);
  if (claimed.size < wanted.length) deps.log?.warn("uploads.refused", { tipId, refused: wanted.length - claimed.size });
  return list.filter((a) => a.webUploadId === undefined || claimed.has(a.webUploadId));
}

export async function createTip(
  deps: TipDeps,
  input: {
    communeId: number;
    villageId: number | null;
    category: string;
    text: string;
    channel: Channel;
    attachments: DraftAttachment[];
    replyTo: { sealed: string; tag: string } | null;
    /** The address tag of the conversation filing the tip: its own uploads are the only ones it can attach. */
    conversationTag: string | null;
    /** Beyond a flood limit: accepted into the held queue, no alert of its own (src/tips/held.ts). */
    hold?: boolean;
    /** Where it came from (src/tips/sources.json); "chat" when absent. */
    source?: string;
    /** Entered by an officer (src/tips/intake.ts): who, for the tip's history. */
    enteredByStaffId?: number;
    /** A tip-box slip's receipt hash (src/tips/slips.ts): the code is the slip's, and none is returned. */
    receiptHash?: string;
  },
): Promise<{ tipId: number; caseNumber: string; receiptCode: string; held: boolean }> {
  const { db, keys } = deps;
  const now = deps.now();
  const commune = await db.commune.findUniqueOrThrow({ where: { id: input.communeId } });
  // A sender with several tips marked spam here (src/tips/spam.ts): held for review, told nothing different.
  const held = input.hold === true || (input.replyTo !== null && (await senderHeldForSpam(db, keys, commune.id, input.replyTo.sealed, now)));
  const village = input.villageId ? await db.village.findUnique({ where: { id: input.villageId } }) : null;
  const receiptCode = input.receiptHash ? "" : newReceiptCode();
  const hash = input.receiptHash ?? (await receiptHash(keys, receiptCode));
  const created = await db.tip.create({
    data: {
      caseNumber: `pending:${hash}`,
      receiptHash: hash,
      communeId: commune.id,
      villageId: village?.id ?? null,
      category: input.category,
      text: input.text,
      channel: input.channel,
      createdAt: now,
      lastAlertAt: now,
      hold: held ? "held" : null,
      ...(input.source ? { source: input.source } : {}),
    },
  });
  const caseNumber = `${commune.code}-${String(created.id).padStart(5, "0")}`;
  await db.tip.update({ where: { id: created.id }, data: { caseNumber } });
  const attachments = await ownAttachments(deps, created.id, input.conversationTag, input.attachments);
  for (const a of attachments) {
    await db.tipAttachment.create({
      data: {
        tipId: created.id,
        kind: a.kind,
        channel: a.channel,
        fileRef: a.fileRef ?? (a.webUploadId !== undefined ? `web:${a.webUploadId}` : null),
        latitude: a.latitude ?? null,
        longitude: a.longitude ?? null,
        createdAt: now,
      },
    });
  }
  if (input.replyTo) {
    await db.replyAddress.create({
      data: {
        tipId: created.id,
        sealed: input.replyTo.sealed,
        addressTag: input.replyTo.tag,
        expiresAt: new Date(now.getTime() + MAX_ADDRESS_DAYS * DAY_MS),
        createdAt: now,
      },
    });
  }
  await db.tipEvent.create({ data: { tipId: created.id, kind: "created", toStatus: "new", actorStaffId: input.enteredByStaffId ?? null, createdAt: now } });

  if (held) {
    // Accepted, never refused: it waits for an officer's review, and the commune hears of the flood once.
    await db.tipEvent.create({ data: { tipId: created.id, kind: "held", createdAt: now } });
    await notifyHeldSummary(deps, commune);
  } else {
    await sendNewTipAlert(deps, { id: created.id, caseNumber, category: input.category, text: input.text, createdAt: now, source: input.source }, commune, village, input.attachments.map((a) => a.kind), attachments);
  }
  return { tipId: created.id, caseNumber, receiptCode, held };
}

/** The "new tip" alert and its attachments, to the commune's alert targets (on filing, or on release from the held queue). */
export async function sendNewTipAlert(
  deps: TipDeps,
  tip: { id: number; caseNumber: string; category: string; text: string; createdAt: Date; source?: string },
  commune: { id: number; name: string },
  village: { name: string } | null,
  kinds: string[],
  attachments: DraftAttachment[],
): Promise<void> {
  const threadKey = tipThreadKey(tip.id);
  const alert: OutgoingMessage = {
    text: viStaff.alert.newTip({
      caseNumber: tip.caseNumber,
      category: categoryLabel(tip.category),
      commune: commune.name,
      village: village?.name ?? vi.flow.unknownVillage,
      time: formatDateTimeVN(tip.createdAt),
      text: citizenBlock(tip.text),
      attachments: attachmentSummary(kinds),
    }) + (tip.source && tip.source !== "chat" ? `\n\n${viIntake.alertSource(sourceLabel(tip.source))}` : ""),
    choices: tipActionChoices(tip.id),
    protect: true,
    threadKey,
  };
  await notifyOfficers(deps, commune.id, alert);
  for (const a of attachments) await notifyOfficers(deps, commune.id, mediaMessage(tip.caseNumber, tip.id, a, threadKey));
}

/** A stored attachment as the senders take it (a web picture is "web:<public id>"). */
export function storedAttachment(row: { kind: string; channel: string; fileRef: string | null; latitude: number | null; longitude: number | null }): DraftAttachment {
  const web = row.fileRef?.startsWith("web:") ? row.fileRef.slice(4) : undefined;
  return {
    kind: row.kind as DraftAttachment["kind"],
    channel: row.channel as Channel,
    ...(web !== undefined ? { webUploadId: web } : row.fileRef ? { fileRef: row.fileRef } : {}),
    ...(row.latitude !== null ? { latitude: row.latitude } : {}),
    ...(row.longitude !== null ? { longitude: row.longitude } : {}),
  };
}

export async function findTipByReceipt(db: Db, keys: Keyring, typed: string) {
  const code = normalizeReceiptCode(typed);
  if (!code) return null;
  return db.tip.findUnique({ where: { receiptHash: await receiptHash(keys, code) } });
}

export type ActionOutcome =
  | { ok: true; caseNumber: string; status: string }
  | { ok: false; reason: "not_found" | "not_allowed"; caseNumber?: string; status?: string };

/** Moves the tip by an action of its officer; a tip outside the staff member's scope does not exist for them. */
export async function applyTipAction(deps: TipDeps, staff: StaffRef, tipId: number, action: TipAction): Promise<ActionOutcome> {
  const { db } = deps;
  const now = deps.now();
  const tip = await db.tip.findUnique({ where: { id: tipId } });
  if (!tip || !mayOnTip(staff, "tip.handle", tip)) return { ok: false, reason: "not_found" };
  const to = nextStatus(tip.status, action);
  if (!to) return { ok: false, reason: "not_allowed", caseNumber: tip.caseNumber, status: tip.status };
  // Conditional update: two officers pressing at once cannot both move the same tip.
  const updated = await db.tip.updateMany({
    where: { id: tipId, status: tip.status },
    data: {
      status: to,
      ...(action === "take" ? { takenAt: now, takenByStaffId: staff.id } : {}),
      // The first to take (or start verifying) it is its officer, unless one was named; the art. 147 period starts then.
      ...(isOpen(to) && tip.officerStaffId === null ? { officerStaffId: staff.id } : {}),
      ...(isOpen(to) && tip.dueAt === null ? { dueAt: verificationDue(now) } : {}),
      ...(isOpen(to) ? {} : { closedAt: now }),
    },
  });
  if (updated.count !== 1) {
    const fresh = await db.tip.findUnique({ where: { id: tipId } });
    return { ok: false, reason: "not_allowed", caseNumber: tip.caseNumber, status: fresh?.status ?? tip.status };
  }
  await db.tipEvent.create({ data: { tipId, kind: "status", actorStaffId: staff.id, fromStatus: tip.status, toStatus: to, createdAt: now } });
  if (!isOpen(to)) {
    // The reply address lives only a short while after the tip is closed.
    const address = await db.replyAddress.findUnique({ where: { tipId } });
    const until = new Date(now.getTime() + deps.settings.addressRetentionDays * DAY_MS);
    if (address && address.expiresAt > until) await db.replyAddress.update({ where: { tipId }, data: { expiresAt: until } });
  }
  await notifyOfficers(deps, tip.communeId, {
    text: viStaff.desk.actionDone(tip.caseNumber, staff.displayName, vi.status[to] ?? to, formatDateTimeVN(now)),
    threadKey: tipThreadKey(tipId),
    protect: true,
  });
  if (action === "take") {
    await enqueueToTipster(db, deps.keys, tipId, { text: vi.tipster.taken(formatDateVN(tip.createdAt)) }, now);
  }
  return { ok: true, caseNumber: tip.caseNumber, status: to };
}

export type AskOutcome = { ok: true; delivered: boolean; caseNumber: string; source: string } | { ok: false; reason: "not_found" | "forbidden" } | { ok: false; reason: "closed"; caseNumber: string };

/** A question to the tipster through the sealed reply address; the officers' thread hears it too. */
export async function askTipster(deps: TipDeps, staff: StaffRef, tipId: number, question: string): Promise<AskOutcome> {
  const { db } = deps;
  const now = deps.now();
  const tip = await db.tip.findUnique({ where: { id: tipId } });
  if (!tip || !mayOnTip(staff, "tip.read", tip)) return { ok: false, reason: "not_found" };
  if (!mayOnTip(staff, "tip.handle", tip)) return { ok: false, reason: "forbidden" };
  // No question on a closed tip: its tipster could not answer it.
  if (!actionAllowed(tip.status, "ask")) return { ok: false, reason: "closed", caseNumber: tip.caseNumber };
  await db.tipEvent.create({ data: { tipId, kind: "question", actorStaffId: staff.id, text: question, createdAt: now } });
  const delivered = await enqueueToTipster(db, deps.keys, tipId, {
    text: vi.tipster.question(formatDateVN(tip.createdAt), question),
    choices: [[{ label: vi.buttons.replyToOfficer, data: tipReply.pack(tipId) }]],
  }, now);
  await notifyOfficers(deps, tip.communeId, { text: viStaff.alert.question(tip.caseNumber, staff.displayName, question), threadKey: tipThreadKey(tipId), protect: true });
  return { ok: true, delivered, caseNumber: tip.caseNumber, source: tip.source };
}

export type FollowUpContent = { text: string } | { attachment: DraftAttachment };

export async function addFollowUp(deps: TipDeps, tipId: number, content: FollowUpContent, conversationTag: string | null): Promise<"saved" | "closed"> {
  const { db } = deps;
  const now = deps.now();
  const tip = await db.tip.findUniqueOrThrow({ where: { id: tipId } });
  if (!isOpen(tip.status)) return "closed";
  const threadKey = tipThreadKey(tipId);
  // A held tip keeps its follow-ups; officers read them when (and if) it is released.
  const alerting = tip.hold === null;
  if ("text" in content) {
    await db.tipEvent.create({ data: { tipId, kind: "followup", text: content.text, createdAt: now } });
    if (alerting) await notifyAnswer(deps, tip, { text: viStaff.alert.followUp(tip.caseNumber, citizenBlock(content.text)), threadKey, protect: true });
  } else {
    const [a] = await ownAttachments(deps, tipId, conversationTag, [content.attachment]);
    if (!a) return "saved"; // not this conversation's picture: nothing to add (the caller checked it was)
    await db.tipAttachment.create({
      data: { tipId, kind: a.kind, channel: a.channel, fileRef: a.fileRef ?? (a.webUploadId !== undefined ? `web:${a.webUploadId}` : null), latitude: a.latitude ?? null, longitude: a.longitude ?? null, createdAt: now },
    });
    await db.tipEvent.create({ data: { tipId, kind: "followup", text: `[${a.kind}]`, createdAt: now } });
    // A picture or recording answering a question gets the same "ask again" / "open" buttons as a text.
    if (alerting) await notifyAnswer(deps, tip, { ...mediaMessage(tip.caseNumber, tipId, a, threadKey), text: viStaff.alert.followUpMedia(tip.caseNumber, vi.media[a.kind] ?? a.kind) });
  }
  return "saved";
}

/**
 * What the tipster sent, to the commune's officers; after an officer's question, with "ask again" and
 * "open the tip", and to the officer who asked privately when the commune's alerts do not reach them.
 */
async function notifyAnswer(deps: TipDeps, tip: { id: number; communeId: number; caseNumber: string }, message: OutgoingMessage): Promise<void> {
  // A question asked before the tip was sent on to another commune is not this commune's: its asker is not told.
  const question = await deps.db.tipEvent.findFirst({ where: { tipId: tip.id, kind: { in: ["question", "transferred"] } }, orderBy: { id: "desc" } });
  if (!question || question.kind !== "question") return notifyOfficers(deps, tip.communeId, message);
  const withButtons: OutgoingMessage = {
    ...message,
    choices: [[
      { label: viCase.buttons.askAgain, data: tipAction.pack({ tipId: tip.id, action: "ask" }) },
      { label: viCase.buttons.open(tip.caseNumber), data: tipView.pack(tip.id) },
    ]],
  };
  const targets = await alertTargets(deps.db, tip.communeId);
  for (const target of targets) await enqueue(deps.db, target, withButtons, { now: deps.now() });
  if (question.actorStaffId === null || targets.some((t) => t.addressTag === `staff:${question.actorStaffId}`)) return;
  const asker = await staffTarget(deps.db, question.actorStaffId);
  if (asker) await enqueue(deps.db, asker, { ...withButtons, threadKey: undefined }, { now: deps.now() });
}

/** A tip with its village, commune and attachments, for an officer's view (the caller checks scope). */
export function tipWithPlaceAndAttachments(db: Db, tipId: number) {
  return db.tip.findUnique({ where: { id: tipId }, include: { village: true, commune: true, attachments: true } });
}

/**
 * The tip's files again, for a staff member who may read it (the tip view's "Xem tệp"): each copied
 * as in the alert (re-sent, never forwarded), or null when the tip is not theirs to read.
 */
export async function tipFileMessages(db: Db, staff: StaffRef, tipId: number): Promise<OutgoingMessage[] | null> {
  const tip = await tipWithPlaceAndAttachments(db, tipId);
  if (!tip || !mayOnTip(staff, "tip.read", tip)) return null;
  if (tip.erasedAt) return [];
  return tip.attachments.map((row) => ({ ...mediaMessage(tip.caseNumber, tip.id, storedAttachment(row), tipThreadKey(tip.id)), threadKey: undefined }));
}

/** Whether the chat with this address tag filed the tip (its reply address is that chat's). */
export async function tipFiledFrom(db: Db, tipId: number, addressTag: string): Promise<boolean> {
  const address = await db.replyAddress.findUnique({ where: { tipId } });
  return address !== null && address.addressTag === addressTag;
}

/** What a tipster may read: status and the officers' questions with their own answers. */
export async function tipsterView(db: Db, tipId: number, t: Messages): Promise<string> {
  const tip = await db.tip.findUniqueOrThrow({ where: { id: tipId } });
  const events = await db.tipEvent.findMany({ where: { tipId, kind: { in: ["question", "followup"] } }, orderBy: { id: "asc" } });
  const lines = [
    t.citizen.followUp.header(formatDateVN(tip.createdAt), categoryLabel(tip.category)),
    t.citizen.followUp.statusLine(t.citizen.statusForTipster[tip.status] ?? tip.status),
    "",
  ];
  if (tip.erasedAt) return [...lines, t.staff.desk.tipErased(formatDateVN(tip.erasedAt))].join("\n");
  const questions = events.filter((e) => e.kind === "question");
  if (questions.length === 0) lines.push(t.citizen.followUp.noQuestions);
  else {
    lines.push(t.citizen.followUp.questionsTitle);
    for (const e of events) {
      if (e.kind === "question") lines.push(t.citizen.followUp.questionLine(formatDateTimeVN(e.createdAt), e.text ?? ""));
      else if (questions.some((q) => q.id < e.id)) lines.push(t.citizen.followUp.answerLine(formatDateTimeVN(e.createdAt), e.text ?? ""));
    }
  }
  return lines.join("\n");
}

/** /xoadulieu: erase every reply address of this chat at once, and stop anything queued to it. */
export async function eraseReplyAddresses(deps: TipDeps, addressTag: string): Promise<number> {
  const { db } = deps;
  const now = deps.now();
  const addresses = await db.replyAddress.findMany({ where: { addressTag } });
  for (const a of addresses) {
    await db.outboxMessage.updateMany({ where: { replyAddressId: a.id, status: { in: ["pending", "parked"] } }, data: { status: "cancelled", sealedAddress: null } });
    await db.replyAddress.delete({ where: { id: a.id } });
    await db.tipEvent.create({ data: { tipId: a.tipId, kind: "address_erased", createdAt: now } });
  }
  return addresses.length;
}

export async function expireReplyAddresses(db: Db, now: Date): Promise<number> {
  const expired = await db.replyAddress.findMany({ where: { expiresAt: { lte: now } }, select: { id: true, tipId: true } });
  for (const a of expired) {
    await db.outboxMessage.updateMany({ where: { replyAddressId: a.id, status: { in: ["pending", "parked"] } }, data: { status: "cancelled", sealedAddress: null } });
    await db.replyAddress.delete({ where: { id: a.id } });
    await db.tipEvent.create({ data: { tipId: a.tipId, kind: "address_expired", createdAt: now } });
  }
  return expired.length;
}

/** Raises tips nobody took: officers again after the set time, then leaders. */
export async function escalateStaleTips(deps: TipDeps): Promise<number> {
  const { db } = deps;
  const now = deps.now();
  const minutes = deps.settings.escalateAfterMinutes;
  const candidates = await db.tip.findMany({
    where: { status: "new", hold: null, escalationLevel: { lt: 2 }, lastAlertAt: { lte: new Date(now.getTime() - minutes * 60_000) } },
    include: { commune: true },
    take: 200,
  });
  let raised = 0;
  for (const tip of candidates) {
    const level = escalationDue(tip, now, minutes);
    if (!level) continue;
    const moved = await db.tip.updateMany({ where: { id: tip.id, escalationLevel: tip.escalationLevel, status: "new" }, data: { escalationLevel: level, lastAlertAt: now } });
    if (moved.count !== 1) continue;
    const waited = Math.round((now.getTime() - tip.createdAt.getTime()) / 60_000);
    await db.tipEvent.create({ data: { tipId: tip.id, kind: "escalated", text: String(level), createdAt: now } });
    const message: OutgoingMessage = {
      text: level === 1 ? viStaff.alert.escalatedOfficers(tip.caseNumber, waited) : viStaff.alert.escalatedLeaders(tip.caseNumber, waited, tip.commune.name),
      choices: tipActionChoices(tip.id),
      threadKey: tipThreadKey(tip.id),
      protect: true,
    };
    await notifyOfficers(deps, tip.communeId, message, level === 2);
    raised++;
  }
  return raised;
}

export interface TipListFilter {
  statuses: string[];
  category?: string;
  villageId?: number;
  /** Where it came from (src/tips/sources.json): the console's queue filters by it. */
  source?: string;
  /** The console's queue: the oldest first (the chat lists the newest first). */
  oldestFirst?: boolean;
}

/** Tips of a commune, overdue ones first (most overdue first), then the newest; `skip` pages through both. */
export async function listTips(db: Db, communeId: number, filter: TipListFilter, take = 20, now = new Date(), skip = 0) {
  const where = {
    communeId,
    hold: null,
    status: { in: filter.statuses },
    ...(filter.category ? { category: filter.category } : {}),
    ...(filter.villageId ? { villageId: filter.villageId } : {}),
    ...(filter.source ? { source: filter.source } : {}),
  };
  const openStatuses = filter.statuses.filter(isOpen);
  const overdueWhere = { ...where, status: { in: openStatuses }, dueAt: { lt: now } };
  const [total, overdueTotal] = await Promise.all([db.tip.count({ where }), db.tip.count({ where: overdueWhere })]);
  const overdue = skip < overdueTotal ? await db.tip.findMany({ where: overdueWhere, include: { village: true }, orderBy: [{ dueAt: "asc" }, { id: "asc" }], skip, take }) : [];
  // The rest is everything not overdue (written out: a NULL deadline must count as not overdue).
  const notOverdue = { ...where, OR: [{ status: { notIn: openStatuses } }, { dueAt: null }, { dueAt: { gte: now } }] };
  const rest = overdue.length < take
    ? await db.tip.findMany({ where: notOverdue, include: { village: true }, orderBy: { id: filter.oldestFirst ? "asc" : "desc" }, skip: Math.max(0, skip - overdueTotal), take: take - overdue.length })
    : [];
  return { total, tips: [...overdue, ...rest] };
}

export { OPEN_STATUSES };
