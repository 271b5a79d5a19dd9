// The media sources of a running server: web-chat uploads from the database, Zalo media from its
// CDN addresses, Telegram files through the Bot API.
import type { Api } from "grammy";
import type { Db } from "../db/client.js";
import { fetchUrlLimited, type MediaSources } from "./fetch.js";
import { readLinkedUpload } from "./uploads.js";
import { telegramMediaFetcher } from "../../bots/telegram/media.js";

export function buildMediaSources(opts: { db: Db; telegram?: { api: Api; token: string; apiRoot: string }; fetch?: typeof fetch }): MediaSources {
  const byUrl = (url: string) => (/^https?:\/\//.test(url) ? fetchUrlLimited(url, { fetch: opts.fetch }) : Promise.resolve(null));
  const sources: MediaSources = {
    web: (publicId, link) => readLinkedUpload(opts.db, publicId, link),
    zalo: byUrl,
    zalobot: byUrl,
  };
  if (opts.telegram) sources.telegram = telegramMediaFetcher(opts.telegram.api, opts.telegram.token, opts.telegram.apiRoot);
  return sources;
}
