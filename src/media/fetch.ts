// A neutral "fetch media bytes" capability: each channel that holds media (Telegram file ids, Zalo
// CDN links, web-chat uploads) gives a fetcher, and a sender on another channel re-uploads the
// bytes. Every picture is decoded and encoded again on the way (src/media/reencode.ts), videos and
// recordings are rewritten without metadata (src/media/av.ts); what cannot be made safe is withheld,
// never passed on. Web APIs only.
import type { Channel, OutgoingMedia } from "../messaging/types.js";
import { reencodeImage, sniffImage } from "./reencode.js";
import { cleanAudioVideo } from "./av.js";
import type { UploadLink } from "./uploads.js";

export interface MediaBytes {
  bytes: Uint8Array;
  mime: string;
}

/** A file that was fetched but is not passed on: it could not be made safe (a picture that does not
 * decode; a video, recording or document of an unknown or damaged format). The receiver is told. */
export interface MediaWithheld {
  withheld: "image" | "file";
}

export type FetchedMedia = MediaBytes | MediaWithheld;
export const isWithheld = (found: unknown): found is MediaWithheld => typeof found === "object" && found !== null && "withheld" in found;

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

/** A file the server made (a report, read for its report file: src/media/uploads.ts): nothing of a tipster. */
function serverMade(media: Pick<OutgoingMedia, "webLink">): boolean {
  return !!media.webLink && "reportFileId" in media.webLink;
}

/**
 * Whether these bytes are, or are sent as, a picture: then they go out only re-encoded. A photo,
 * any image type the source declares, or image bytes under any name (a "document" that is a JPEG).
 */
export function treatAsImage(media: Pick<OutgoingMedia, "kind" | "webLink">, found: MediaBytes): boolean {
  if (serverMade(media)) return false;
  return media.kind === "photo" || found.mime.startsWith("image/") || sniffImage(found.bytes) !== null;
}

/**
 * The bytes of a media item from whichever channel holds it: pictures decoded and re-encoded as
 * JPEG (withheld when they cannot be); videos, voice notes and audio rewritten without metadata and
 * typed by what the bytes are (Telegram serves every file as octet-stream), or withheld when that
 * cannot be done; a document only when the server made it (a report). Null when the source has no
 * such file.
 */
export async function fetchMediaBytes(sources: MediaSources, media: OutgoingMedia): Promise<FetchedMedia | null> {
  let found: MediaBytes | null = null;
  try {
    if (media.webUploadId !== undefined) found = (await sources.web?.(media.webUploadId, media.webLink)) ?? null;
    else if (media.fileRef && media.channel !== "web") found = (await sources[media.channel]?.(media.fileRef)) ?? null;
  } catch {
    return null;
  }
  if (!found) return null;
  if (treatAsImage(media, found)) {
    const clean = reencodeImage(found.bytes);
    return clean ? { bytes: clean.bytes, mime: clean.mime } : { withheld: "image" };
  }
  return avOrWithheld(found, media);
}

/** Everything that is not a picture: cleaned, a server-made file as it is, or withheld. */
function avOrWithheld(found: MediaBytes, media: OutgoingMedia): FetchedMedia {
  if (media.kind === "video" || media.kind === "voice" || media.kind === "audio") return cleanAudioVideo(found.bytes, media.kind) ?? { withheld: "file" };
  if (media.kind === "document") return serverMade(media) ? found : { withheld: "file" }; // a report this server wrote
  return found;
}
