// The media sources of a running server: web-chat uploads from the database, Zalo media from its
// CDN addresses, and whatever platform fetchers the wiring registers (Telegram files through the
// Bot API: bots/telegram/media.ts), so this layer names no platform.
import type { Db } from "../db/client.js";
import { fetchUrlLimited, type MediaFetcher, type MediaSources } from "./fetch.js";
import { readLinkedUpload } from "./uploads.js";

export function buildMediaSources(opts: { db: Db; telegram?: MediaFetcher; fetch?: typeof fetch }): MediaSources {
  const byUrl = (url: string) => (/^https?:\/\//.test(url) ? fetchUrlLimited(url, { fetch: opts.fetch }) : Promise.resolve(null));
  const sources: MediaSources = {
    web: (publicId, link) => readLinkedUpload(opts.db, publicId, link),
    zalo: byUrl,
    zalobot: byUrl,
  };
  if (opts.telegram) sources.telegram = opts.telegram;
  return sources;
}
