// Short-lived links to media for platforms that only take a URL (Zalo Bot's sendPhoto, and a file
// the platform cannot carry: a report, a recording). The link carries the media reference sealed
// with the vault key (AES-GCM): unguessable, opaque, expiring; the server fetches the bytes from
// the source channel (pictures stripped of metadata). A report file is served only while the staff
// member it was made for is active and may still read that commune's (or province's) report.
import { Hono } from "hono";
import type { Keyring } from "../crypto/keys.js";
import type { Db } from "../db/client.js";
import type { Channel, OutgoingMedia } from "../../bots/core/types.js";
import { can } from "../staff/roles.js";
import { withheldFileLine } from "../i18n/vi.js";
import { fetchMediaBytes, isWithheld, type MediaSources } from "./fetch.js";

export const MEDIA_LINK_HOURS = 24;

interface LinkBody {
  c: Channel;
  k: OutgoingMedia["kind"];
  f?: string;
  w?: number;
  n?: string;
  e: number;
}

/** When a link made now stops working. */
export function mediaLinkExpiry(now: Date): Date {
  return new Date(now.getTime() + MEDIA_LINK_HOURS * 3_600_000);
}

export async function sealMediaLink(keys: Keyring, publicUrl: string, media: OutgoingMedia, now: Date): Promise<string> {
  const body: LinkBody = { c: media.channel, k: media.kind, e: mediaLinkExpiry(now).getTime() };
  if (media.fileRef) body.f = media.fileRef;
  if (media.webUploadId !== undefined) body.w = media.webUploadId;
  if (media.fileName) body.n = media.fileName;
  return new URL(`/media/${await keys.seal(JSON.stringify(body))}`, publicUrl).toString();
}

export async function openMediaLink(keys: Keyring, token: string, now: Date): Promise<OutgoingMedia | null> {
  try {
    const body = JSON.parse(await keys.open(token)) as LinkBody;
    if (typeof body.e !== "number" || body.e <= now.getTime()) return null;
    return { kind: body.k, channel: body.c, fileRef: body.f, webUploadId: body.w, ...(body.n ? { fileName: body.n } : {}) };
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

/** A report file may be read through a link only by the active staff member it was made for, within their scope. */
async function reportAllowed(db: Db, webUploadId: number): Promise<boolean> {
  const report = await db.reportFile.findUnique({ where: { webUploadId } });
  if (!report) return true; // not a report (a web-chat picture of a tip): the sealed link is the permission
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
    if (media.webUploadId !== undefined && (!opts.db || !(await reportAllowed(opts.db, media.webUploadId)))) return notFound();
    const found = await fetchMediaBytes(opts.media, media);
    if (isWithheld(found)) {
      // Said in words to whoever opens the link (a Zalo Bot officer): the file was kept back on purpose.
      return c.text(withheldFileLine(media.kind), 422, { "Cache-Control": "private, no-store", "Content-Security-Policy": "default-src 'none'; sandbox" });
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
