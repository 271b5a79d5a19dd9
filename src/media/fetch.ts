// A neutral "fetch media bytes" capability: each channel that holds media (Telegram file ids, Zalo
// CDN links, web-chat uploads) gives a fetcher, and a sender on another channel re-uploads the
// bytes. Pictures lose their metadata on the way (src/media/strip.ts). Web APIs only.
import type { Channel, OutgoingMedia } from "../../bots/core/types.js";
import { sniffAudio, sniffImage, stripId3, stripMetadata } from "./strip.js";
import type { UploadLink } from "./uploads.js";

export interface MediaBytes {
  bytes: Uint8Array;
  mime: string;
}

export type MediaFetcher = (fileRef: string) => Promise<MediaBytes | null>;
/** A file kept by this server, read only for what it is linked to (src/media/uploads.ts). */
export type UploadFetcher = (publicId: string, link: UploadLink | undefined) => Promise<MediaBytes | null>;
export type MediaSources = Partial<Record<Exclude<Channel, "web">, MediaFetcher>> & { web?: UploadFetcher };

export const MAX_MEDIA_BYTES = 20 * 1024 * 1024;

/** Downloads a URL with a size limit and a time limit; null on any failure. */
export async function fetchUrlLimited(url: string, opts: { limit?: number; timeoutMs?: number; fetch?: typeof fetch } = {}): Promise<MediaBytes | null> {
  const limit = opts.limit ?? MAX_MEDIA_BYTES;
  const doFetch = opts.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  try {
    const response = await doFetch(url, { signal: AbortSignal.timeout(opts.timeoutMs ?? 20_000), redirect: "follow" });
    if (!response.ok || !response.body) return null;
    const declared = Number(response.headers.get("content-length") ?? "0");
    if (declared > limit) return null;
    const reader = response.body.getReader();
    const parts: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        return null;
      }
      parts.push(value);
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.byteLength;
    }
    const mime = (response.headers.get("content-type") ?? "application/octet-stream").split(";")[0]!.trim().toLowerCase();
    return { bytes, mime };
  } catch {
    return null;
  }
}

/**
 * The bytes of a media item from whichever channel holds it: pictures stripped of metadata, MP3
 * recordings of their ID3 tags, and a generic type (Telegram serves every file as octet-stream)
 * replaced by the audio type the bytes show, so the receiving platform can play them.
 */
export async function fetchMediaBytes(sources: MediaSources, media: OutgoingMedia): Promise<MediaBytes | null> {
  let found: MediaBytes | null = null;
  try {
    if (media.webUploadId !== undefined) found = (await sources.web?.(media.webUploadId, media.webLink)) ?? null;
    else if (media.fileRef && media.channel !== "web") found = (await sources[media.channel]?.(media.fileRef)) ?? null;
  } catch {
    return null;
  }
  if (!found) return null;
  const image = sniffImage(found.bytes);
  if (image) return { bytes: stripMetadata(found.bytes), mime: image };
  const generic = found.mime === "" || found.mime === "application/octet-stream" || found.mime === "binary/octet-stream";
  const audio = media.kind === "voice" || media.kind === "audio" || found.mime.startsWith("audio/") ? sniffAudio(found.bytes) : null;
  if (audio === "audio/mpeg") return { bytes: stripId3(found.bytes), mime: audio };
  if (audio && (generic || !found.mime.startsWith("audio/"))) return { bytes: found.bytes, mime: audio };
  return found;
}
