// Short-lived links to media for platforms that only take a URL (Zalo Bot's sendPhoto, and a file
// the platform cannot carry: a report, a recording). The link carries the media reference sealed
// with the vault key (AES-GCM): unguessable, opaque, expiring; the server fetches the bytes from
// the source channel (pictures re-encoded, withheld when they cannot be). A report file is served only while the staff
// member it was made for is active and may still read that commune's (or province's) report.
import { Hono } from "hono";
import type { Keyring } from "../crypto/keys.js";
import type { Db } from "../db/client.js";
import type { Channel, OutgoingMedia } from "../messaging/types.js";
import { can } from "../staff/roles.js";
import { withheldLine } from "../i18n/vi-media.js";
import { fetchMediaBytes, isWithheld, type MediaSources } from "./fetch.js";
import type { UploadLink } from "./uploads.js";
import { pseudonymOf } from "../crypto/pseudonym.js";
import { findStaff } from "../staff/find.js";

export const MEDIA_LINK_HOURS = 24;

interface LinkBody {
  c: Channel;
  k: OutgoingMedia["kind"];
  f?: string;
  w?: string;
  l?: UploadLink;
  n?: string;
  e: number;
  /** The recipient's pseudonym: a link made for a staff member dies with their access. */
  r?: string;
}

/** Who a link is made for: the chat the sender posts it to (a private chat: the person). */
export interface LinkRecipient {
  channel: Channel;
  chatId: string;
}

/** When a link made now stops working. */
export function mediaLinkExpiry(now: Date): Date {
  return new Date(now.getTime() + MEDIA_LINK_HOURS * 3_600_000);
}

export async function sealMediaLink(keys: Keyring, publicUrl: string, media: OutgoingMedia, now: Date, recipient: LinkRecipient): Promise<string> {
  const body: LinkBody = { c: media.channel, k: media.kind, e: mediaLinkExpiry(now).getTime(), r: await pseudonymOf(keys, recipient.channel, recipient.chatId) };
  if (media.fileRef) body.f = media.fileRef;
  if (media.webUploadId !== undefined) body.w = media.webUploadId;
  if (media.webLink) body.l = media.webLink;
  if (media.fileName) body.n = media.fileName;
  return new URL(`/media/${await keys.seal(JSON.stringify(body))}`, publicUrl).toString();
}

export async function openMediaLink(keys: Keyring, token: string, now: Date): Promise<(OutgoingMedia & { recipient?: string }) | null> {
  try {
    const body = JSON.parse(await keys.open(token)) as LinkBody;
    if (typeof body.e !== "number" || body.e <= now.getTime()) return null;
    return { kind: body.k, channel: body.c, fileRef: body.f, webUploadId: body.w, webLink: body.l, ...(body.n ? { fileName: body.n } : {}), ...(body.r ? { recipient: body.r } : {}) };
  } catch {
    return null;
  }
}

const EXT: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "image/gif": "gif",
  "audio/ogg": "ogg",
  "audio/mpeg": "mp3",
  "audio/mp4": "m4a",
  "audio/x-m4a": "m4a",
  "audio/aac": "aac",
  "audio/amr": "amr",
  "audio/wav": "wav",
  "video/mp4": "mp4",
  "video/quicktime": "mov",
  "video/3gpp": "3gp",
  "application/pdf": "pdf",
  "text/html": "html",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
};

/** A download name: the server's own name (reports, "ban-tin-hnj") or the kind, with the extension the bytes call for. */
export function downloadName(media: Pick<OutgoingMedia, "kind" | "fileName">, mime: string): string {
  const ext = EXT[mime] ?? (mime.startsWith("image/") ? "jpg" : "bin");
  const base = (media.fileName ?? media.kind).replace(/[^A-Za-z0-9._-]/g, "_").slice(0, 80) || media.kind;
  return /\.[A-Za-z0-9]{2,5}$/.test(base) ? base : `${base}.${ext}`;
}

/**
 * A link made for someone who is (or was) staff works only while they are active: revoking a
 * member stops every link they were sent, whatever the file. Anyone else (a subscriber's bulletin
 * recording) is held by the link's own expiry.
 */
async function recipientAllowed(db: Db, pseudonym: string | undefined): Promise<boolean> {
  if (!pseudonym) return false; // every link names its recipient
  const staff = await findStaff(db, pseudonym);
  return !staff || staff.active;
}

/** A report file may be read through a link only by the active staff member it was made for, within their scope. */
async function reportAllowed(db: Db, link: UploadLink | undefined): Promise<boolean> {
  if (!link || !("reportFileId" in link)) return true; // a web-chat picture of a tip: the sealed link is the permission
  const report = await db.reportFile.findUnique({ where: { id: link.reportFileId } });
  if (!report) return false;
  const staff = await db.staff.findUnique({ where: { id: report.staffId } });
  return !!staff?.active && can(staff, "report.read", { communeId: report.communeId ?? undefined, provinceId: report.provinceId ?? undefined });
}

export function mediaLinkApp(opts: { keys: Keyring; media: MediaSources; now: () => Date; db?: Db }): Hono {
  const app = new Hono();
  app.get("/media/:token", async (c) => {
    const notFound = () => c.json({ error: "not found" }, 404);
    const token = c.req.param("token");
    if (!/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token) || token.length > 4000) return notFound();
    const media = await openMediaLink(opts.keys, token, opts.now());
    if (!media || media.kind === "location") return notFound();
    if (!opts.db || !(await recipientAllowed(opts.db, media.recipient))) return notFound();
    if (media.webUploadId !== undefined && !(await reportAllowed(opts.db, media.webLink))) return notFound();
    const found = await fetchMediaBytes(opts.media, media);
    if (isWithheld(found)) {
      // Said in words to whoever opens the link (a Zalo Bot officer): the file was kept back on purpose.
      return c.text(withheldLine(found.withheld, media.kind), 422, { "Cache-Control": "private, no-store", "Content-Security-Policy": "default-src 'none'; sandbox" });
    }
    if (!found) return notFound();
    const mime = found.mime.split(";")[0]!.trim().toLowerCase();
    if (media.kind === "photo" && !mime.startsWith("image/")) return notFound();
    const headers: Record<string, string> = {
      "Content-Type": found.mime,
      "Cache-Control": "private, no-store",
      "Referrer-Policy": "no-referrer",
      // Never rendered as a page of this site (a report is HTML): downloaded or played, nothing runs.
      "Content-Security-Policy": "default-src 'none'; sandbox",
    };
    if (media.kind !== "photo") {
      const name = downloadName(media, mime);
      headers["Content-Disposition"] = `${media.kind === "document" ? "attachment" : "inline"}; filename="${name}"`;
    }
    return c.body(found.bytes as Uint8Array<ArrayBuffer>, 200, headers);
  });
  return app;
}
