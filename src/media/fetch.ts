// A neutral "fetch media bytes" capability: each channel that holds media (Telegram file ids, Zalo
// CDN links, web-chat uploads) gives a fetcher, and a sender on another channel re-uploads the
// bytes. Pictures lose their metadata on the way (src/media/strip.ts), videos and recordings too
// (src/media/av.ts); what cannot be made safe is withheld. Web APIs only.
import type { Channel, OutgoingMedia } from "../../bots/core/types.js";
import { sniffImage, stripMetadata } from "./strip.js";
import { cleanAudioVideo } from "./av.js";

export interface MediaBytes {
  bytes: Uint8Array;
  mime: string;
}

/** A file that was fetched but is not passed on: it could not be made safe (unknown or damaged format). */
export interface Withheld {
  withheld: true;
}
export const WITHHELD: Withheld = Object.freeze({ withheld: true });
export const isWithheld = (found: unknown): found is Withheld => typeof found === "object" && found !== null && "withheld" in found;

export type MediaFetcher = (fileRef: string) => Promise<MediaBytes | null>;
export type MediaSources = Partial<Record<Channel, MediaFetcher>>;

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
 * The bytes of a media item from whichever channel holds it: pictures stripped of metadata;
 * videos, voice notes and audio rewritten without metadata and typed by what the bytes are
 * (Telegram serves every file as octet-stream), or withheld when that cannot be done; a document
 * only when the server made it (a report). null: nothing could be fetched.
 */
export async function fetchMediaBytes(sources: MediaSources, media: OutgoingMedia): Promise<MediaBytes | Withheld | null> {
  let found: MediaBytes | null = null;
  try {
    if (media.webUploadId !== undefined) found = (await sources.web?.(String(media.webUploadId))) ?? null;
    else if (media.fileRef) found = (await sources[media.channel]?.(media.fileRef)) ?? null;
  } catch {
    return null;
  }
  if (!found) return null;
  const image = sniffImage(found.bytes);
  if (image) return { bytes: stripMetadata(found.bytes), mime: image };
  return avOrWithheld(found, media);
}

/** Everything that is not a picture: cleaned, a server-made file as it is, or withheld. */
function avOrWithheld(found: MediaBytes, media: OutgoingMedia): MediaBytes | Withheld {
  if (media.kind === "video" || media.kind === "voice" || media.kind === "audio") return cleanAudioVideo(found.bytes, media.kind) ?? WITHHELD;
  if (media.kind === "document") return media.webUploadId !== undefined && media.fileName ? found : WITHHELD; // a report this server wrote
  return found; // a "photo" that is not a picture: the picture rules decide
}
