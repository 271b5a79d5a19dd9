// Short-lived links to a tip's media for platforms that only take a URL (Zalo Bot's sendPhoto).
// The link carries the media reference sealed with the vault key (AES-GCM): unguessable, opaque,
// expiring; the server fetches the bytes from the source channel and strips picture metadata.
import { Hono } from "hono";
import type { Keyring } from "../crypto/keys.js";
import type { Channel, OutgoingMedia } from "../../bots/core/types.js";
import { fetchMediaBytes, type MediaSources } from "./fetch.js";

export const MEDIA_LINK_HOURS = 24;

interface LinkBody {
  c: Channel;
  k: OutgoingMedia["kind"];
  f?: string;
  w?: number;
  e: number;
}

export async function sealMediaLink(keys: Keyring, publicUrl: string, media: OutgoingMedia, now: Date): Promise<string> {
  const body: LinkBody = { c: media.channel, k: media.kind, e: now.getTime() + MEDIA_LINK_HOURS * 3_600_000 };
  if (media.fileRef) body.f = media.fileRef;
  if (media.webUploadId !== undefined) body.w = media.webUploadId;
  return new URL(`/media/${await keys.seal(JSON.stringify(body))}`, publicUrl).toString();
}

export async function openMediaLink(keys: Keyring, token: string, now: Date): Promise<OutgoingMedia | null> {
  try {
    const body = JSON.parse(await keys.open(token)) as LinkBody;
    if (typeof body.e !== "number" || body.e <= now.getTime()) return null;
    return { kind: body.k, channel: body.c, fileRef: body.f, webUploadId: body.w };
  } catch {
    return null;
  }
}

export function mediaLinkApp(opts: { keys: Keyring; media: MediaSources; now: () => Date }): Hono {
  const app = new Hono();
  app.get("/media/:token", async (c) => {
    const token = c.req.param("token");
    if (!/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token) || token.length > 4000) return c.json({ error: "not found" }, 404);
    const media = await openMediaLink(opts.keys, token, opts.now());
    if (!media || media.kind !== "photo") return c.json({ error: "not found" }, 404);
    const found = await fetchMediaBytes(opts.media, media);
    if (!found || !found.mime.startsWith("image/")) return c.json({ error: "not found" }, 404);
    return c.body(found.bytes as Uint8Array<ArrayBuffer>, 200, { "Content-Type": found.mime, "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" });
  });
  return app;
}
