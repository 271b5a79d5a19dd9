// Files the server keeps: pictures a web-chat citizen uploads for a tip, and files the server
// makes for staff (reports). An upload belongs to the conversation that made it: only that
// conversation can attach it, only to its own draft, once; a report file can never be attached.
// Outside the server an upload is known only by a random public id; every read says what it is
// read for (the tip or the report file it belongs to) and is refused when that is not so.
// The row is the file's record; its bytes go through the media store (./store.ts), and deleting a
// row deletes its bytes first (deleteUploads), so no object outlives its record.
import type { Db } from "../db/client.js";
import { mediaStoreOf } from "./store.js";
import { can, type StaffScope } from "../staff/roles.js";
import { mayOnTip } from "../tips/scope.js";

import type { UploadLink } from "../messaging/types.js";
export type { UploadLink };

export interface UploadLimits {
  /** Pictures one conversation may hold before they are attached to a tip. */
  pendingPerConversation: number;
  /** Citizen uploads the whole server takes in a minute. */
  perMinute: number;
  /** Bytes of pictures not yet attached to any tip, across the server. */
  pendingQuotaBytes: number;
  /** The largest video the web chat takes (default 10 MB; a Worker without R2 keeps bytes in D1, at most 2 MB a row). */
  maxVideoBytes?: number;
}

export const DEFAULT_MAX_VIDEO_BYTES = 10 * 1024 * 1024;

/** A size in MB as Vietnamese writes it: "10", "1,9". */
export function megabytesVi(bytes: number): string {
  const mb = Math.floor((bytes / (1024 * 1024)) * 10) / 10;
  return Number.isInteger(mb) ? String(mb) : mb.toFixed(1).replace(".", ",");
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { pendingPerConversation: 10, perMinute: 60, pendingQuotaBytes: 200 * 1024 * 1024 };

/** Unattached pictures older than this are deleted even if a draft somehow outlived them. */
export const UNATTACHED_UPLOAD_HOURS = 24;

export const PUBLIC_ID_PATTERN = /^[0-9a-f]{32}$/;

export function newPublicId(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, "0")).join("");
}

type UploadWhere = NonNullable<NonNullable<Parameters<Db["webUpload"]["findMany"]>[0]>["where"]>;

/** A row's metadata: every column but the bytes (which the store holds). */
const META = { id: true, publicId: true, ownerTag: true, purpose: true, tipId: true, size: true, mime: true, createdAt: true } as const;

/** Creates the file's row, then puts its bytes in the store; a failed put leaves no row behind. */
async function createUpload(
  db: Db,
  row: { publicId: string; ownerTag: string | null; purpose: "citizen" | "bulletin" | "report"; mime: string; createdAt: Date },
  bytes: Uint8Array,
): Promise<{ id: number }> {
  const created = await db.webUpload.create({ data: { ...row, size: bytes.length }, select: { id: true } });
  try {
    await mediaStoreOf(db).put(row.publicId, bytes, row.mime);
  } catch (error) {
    await db.webUpload.delete({ where: { id: created.id } });
    throw error;
  }
  return created;
}

/** The bytes of a row from the store; null when the store has none (treated as not found). */
async function withBytes<T extends { publicId: string; mime: string }>(db: Db, upload: T): Promise<(T & { bytes: Uint8Array }) | null> {
  const bytes = await mediaStoreOf(db).get(upload.publicId);
  return bytes ? { ...upload, bytes } : null;
}

/** Keys per delete: D1 binds at most 100 parameters a query. */
const DELETE_CHUNK = 50;

/** Deletes the files these rows describe: their bytes in the store first, then the rows. */
export async function deleteUploads(db: Db, where: UploadWhere): Promise<number> {
  const rows = await db.webUpload.findMany({ where, select: { publicId: true } });
  let deleted = 0;
  for (let at = 0; at < rows.length; at += DELETE_CHUNK) {
    const keys = rows.slice(at, at + DELETE_CHUNK).map((r) => r.publicId);
    await mediaStoreOf(db).delete(keys);
    deleted += (await db.webUpload.deleteMany({ where: { publicId: { in: keys } } })).count;
  }
  return deleted;
}

export type StoreUploadResult = { ok: true; publicId: string } | { ok: false; reason: "conversation" | "busy" | "quota" };

/** Stores a citizen's picture for their current draft, within the limits. */
export async function storeCitizenUpload(
  db: Db,
  input: { ownerTag: string; mime: string; bytes: Uint8Array; now: Date },
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): Promise<StoreUploadResult> {
  const pending = { purpose: "citizen", tipId: null } as const;
  if ((await db.webUpload.count({ where: { ...pending, ownerTag: input.ownerTag } })) >= limits.pendingPerConversation) return { ok: false, reason: "conversation" };
  const recent = await db.webUpload.count({ where: { purpose: "citizen", createdAt: { gt: new Date(input.now.getTime() - 60_000) } } });
  if (recent >= limits.perMinute) return { ok: false, reason: "busy" };
  const used = (await db.webUpload.aggregate({ where: pending, _sum: { size: true } }))._sum.size ?? 0;
  if (used + input.bytes.length > limits.pendingQuotaBytes) return { ok: false, reason: "quota" };
  const publicId = newPublicId();
  await createUpload(db, { publicId, ownerTag: input.ownerTag, purpose: "citizen", mime: input.mime, createdAt: input.now }, input.bytes);
  return { ok: true, publicId };
}

/** A file (picture, recording, video) this conversation uploaded and has not attached yet; null for anyone else's or a report. */
export async function findOwnPendingUpload(db: Db, publicId: string, ownerTag: string): Promise<{ publicId: string; mime: string } | null> {
  if (!PUBLIC_ID_PATTERN.test(publicId)) return null;
  return db.webUpload.findFirst({ where: { publicId, ownerTag, purpose: "citizen", tipId: null }, select: { publicId: true, mime: true } });
}

/**
 * Attaches a conversation's pictures to its tip, each at most once. Returns the public ids that
 * were attached: anything else (another conversation's, a report, already attached) is left out.
 */
export async function claimUploads(db: Db, tipId: number, ownerTag: string | null, publicIds: string[]): Promise<Set<string>> {
  const claimed = new Set<string>();
  if (!ownerTag) return claimed;
  for (const publicId of publicIds) {
    if (!PUBLIC_ID_PATTERN.test(publicId)) continue;
    const { count } = await db.webUpload.updateMany({ where: { publicId, ownerTag, purpose: "citizen", tipId: null }, data: { tipId } });
    if (count === 1) claimed.add(publicId);
  }
  return claimed;
}

/**
 * A translator's recording made in the web chat becomes a bulletin's (purpose "bulletin"): it can no
 * longer be attached to a tip, is not deleted as an unattached upload, and is read only as a
 * bulletin recording. Only the conversation that uploaded it can do this, once.
 */
export async function keepAsBulletinRecording(db: Db, publicId: string, ownerTag: string): Promise<boolean> {
  if (!PUBLIC_ID_PATTERN.test(publicId)) return false;
  const { count } = await db.webUpload.updateMany({ where: { publicId, ownerTag, purpose: "citizen", tipId: null, mime: { startsWith: "audio/" } }, data: { purpose: "bulletin" } });
  return count === 1;
}

/** A translator's recording uploaded in the console (already cleaned): a bulletin recording from the start. */
export async function storeBulletinRecording(db: Db, input: { mime: string; bytes: Uint8Array; now: Date }): Promise<string> {
  const publicId = newPublicId();
  await createUpload(db, { publicId, ownerTag: null, purpose: "bulletin", mime: input.mime, createdAt: input.now }, input.bytes);
  return publicId;
}

/** A bulletin recording made in the web chat, as the web chat's page fetches it. */
export async function openBulletinRecording(db: Db, publicId: string): Promise<{ mime: string; bytes: Uint8Array } | null> {
  if (!PUBLIC_ID_PATTERN.test(publicId)) return null;
  const upload = await db.webUpload.findUnique({ where: { publicId }, select: META });
  return upload?.purpose === "bulletin" ? withBytes(db, upload) : null;
}

/** A draft ended without these pictures (cancelled, expired, or sent without them): delete them. */
export async function deletePendingUploads(db: Db, ownerTag: string): Promise<number> {
  return deleteUploads(db, { ownerTag, purpose: "citizen", tipId: null });
}

export async function pruneUnattachedUploads(db: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - UNATTACHED_UPLOAD_HOURS * 3_600_000);
  return deleteUploads(db, { purpose: "citizen", tipId: null, createdAt: { lt: before } });
}

/** Stores a file the server made for a staff member; the report-file row says whose and of what. */
export async function storeReportUpload(
  db: Db,
  input: { mime: string; bytes: Uint8Array; now: Date; communeId: number; provinceId: number | null; month: string; kind: string; staffId: number },
): Promise<{ publicId: string; reportFileId: number }> {
  const publicId = newPublicId();
  const upload = await createUpload(db, { publicId, ownerTag: null, purpose: "report", mime: input.mime, createdAt: input.now }, input.bytes);
  const report = await db.reportFile.create({
    data: { webUploadId: upload.id, communeId: input.communeId, provinceId: input.provinceId, month: input.month, kind: input.kind, staffId: input.staffId, createdAt: input.now },
  });
  return { publicId, reportFileId: report.id };
}

/** The bytes of an upload read for what it is linked to; null when it is not linked to that. */
export async function readLinkedUpload(db: Db, publicId: string, link: UploadLink | undefined): Promise<{ bytes: Uint8Array; mime: string } | null> {
  if (!link || !PUBLIC_ID_PATTERN.test(publicId)) return null;
  const upload = await db.webUpload.findUnique({ where: { publicId }, select: META });
  if (!upload) return null;
  if ("tipId" in link) return upload.purpose === "citizen" && upload.tipId === link.tipId ? withBytes(db, upload) : null;
  if ("bulletinRecording" in link) return upload.purpose === "bulletin" ? withBytes(db, upload) : null;
  if (upload.purpose !== "report") return null;
  const report = await db.reportFile.findUnique({ where: { id: link.reportFileId } });
  return report?.webUploadId === upload.id ? withBytes(db, upload) : null;
}

export type StaffUpload =
  | { ok: true; mime: string; bytes: Uint8Array; report: { id: number; month: string; kind: string } | null }
  | { ok: false; reason: "not_found" | "forbidden" };

/**
 * An upload a staff member opens: a tip's picture only within the tip's commune, a report only
 * within the report's scope. A picture not attached to any tip is no one's to see.
 */
export async function openUploadForStaff(db: Db, staff: StaffScope, publicId: string): Promise<StaffUpload> {
  if (!PUBLIC_ID_PATTERN.test(publicId)) return { ok: false, reason: "not_found" };
  const upload = await db.webUpload.findUnique({ where: { publicId }, select: META });
  if (!upload) return { ok: false, reason: "not_found" };
  if (upload.purpose === "report") {
    const report = await db.reportFile.findUnique({ where: { webUploadId: upload.id } });
    if (!report) return { ok: false, reason: "not_found" };
    if (!can(staff, "report.read", { communeId: report.communeId ?? undefined, provinceId: report.provinceId ?? undefined })) return { ok: false, reason: "forbidden" };
    const file = await withBytes(db, upload);
    if (!file) return { ok: false, reason: "not_found" };
    return { ok: true, mime: upload.mime, bytes: file.bytes, report: { id: report.id, month: report.month, kind: report.kind } };
  }
  if (upload.tipId === null) return { ok: false, reason: "not_found" };
  const tip = await db.tip.findUnique({ where: { id: upload.tipId }, select: { communeId: true, villageId: true } });
  if (!tip || !mayOnTip(staff, "tip.read", tip)) return { ok: false, reason: "forbidden" };
  const file = await withBytes(db, upload);
  if (!file) return { ok: false, reason: "not_found" };
  return { ok: true, mime: upload.mime, bytes: file.bytes, report: null };
}
