// The village feeds over HTTP (issue 15), Web APIs only so Node and Workers serve it alike:
//   GET  /phat/<token>/rss.xml          podcast RSS of the village's bulletins of the past week
//   GET  /phat/<token>/playlist.m3u     the same recordings as an extended M3U playlist
//   GET  /phat/<token>/audio/<item>     one recording (HEAD and byte ranges for podcast apps)
//   POST /phat/<token>/daphat/<id>      "đã phát" for that airing, as the village head's button;
//   GET  the same, for loudspeaker systems that can only fetch a URL after playing. Idempotent.
// An unknown or rotated token, or an item of another village, is the app's plain 404.
import { Hono, type Context } from "hono";
import type { Db } from "../db/client.js";
import type { Keyring } from "../crypto/keys.js";
import type { Logger } from "../log.js";
import type { MediaBytes, MediaSources } from "../media/fetch.js";
import { viFeeds } from "../i18n/vi-feeds.js";
import { recordFeedPlayback } from "../bulletins/deliveries.js";
import { villageOfToken, type FeedVillage } from "./tokens.js";
import { feedEntries, feedEntry, recordingBytes, rememberAudio } from "./items.js";
import { renderM3u, renderRss, type FeedLinks } from "./render.js";

export interface FeedsOptions {
  db: Db;
  keys: Keyring;
  log: Logger;
  now: () => Date;
  /** PUBLIC_URL: the feed's links are absolute, as podcast apps need. */
  publicUrl: string;
  /** Where recordings are read (absent: every bulletin is listed as text only). */
  media?: MediaSources;
}

const PRIVATE = { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex, nofollow", "Referrer-Policy": "no-referrer" };

/** "bytes=a-b", "bytes=a-", "bytes=-n" within a file of `size` bytes; null when absent or not satisfiable. */
export function byteRange(header: string | undefined, size: number): { start: number; end: number } | "unsatisfiable" | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) return null;
  let start: number;
  let end: number;
  if (m[1] === "") {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return "unsatisfiable";
  return { start, end };
}

/** A recording's bytes as a player asks for them: whole, or the byte range asked for (Safari and podcast apps ask). */
export function sendRecording(c: Context, found: MediaBytes, extra: Record<string, string>): Response {
  const size = found.bytes.length;
  const headers: Record<string, string> = { ...extra, "Content-Type": found.mime, "Accept-Ranges": "bytes", "Content-Disposition": "inline" };
  const range = byteRange(c.req.header("Range"), size);
  if (range === "unsatisfiable") return c.body(null, 416, { ...headers, "Content-Range": `bytes */${size}` });
  if (range) {
    const part = found.bytes.slice(range.start, range.end + 1);
    return c.body(part, 206, { ...headers, "Content-Range": `bytes ${range.start}-${range.end}/${size}`, "Content-Length": String(part.length) });
  }
  return c.body(found.bytes as Uint8Array<ArrayBuffer>, 200, { ...headers, "Content-Length": String(size) });
}

export function feedsApp(opts: FeedsOptions): Hono {
  const app = new Hono();
  const site = opts.publicUrl.replace(/\/+$/, "");
  const notFound = (c: Context) => c.json({ error: "not found" }, 404);
  const links = (token: string): FeedLinks => ({ site, base: `${site}/phat/${token}` });
  const open = (token: string) => villageOfToken(opts.db, opts.keys, token);

  app.get("/phat/:token/rss.xml", async (c) => {
    const feed = await open(c.req.param("token"));
    if (!feed) return notFound(c);
    const now = opts.now();
    const entries = await feedEntries(opts.db, opts.media, feed, now);
    const body = renderRss({ village: feed.village.name, commune: feed.commune.name, entries, links: links(c.req.param("token")), now });
    return c.body(body, 200, { ...PRIVATE, "Content-Type": "application/rss+xml; charset=utf-8" });
  });

  app.get("/phat/:token/playlist.m3u", async (c) => {
    const feed = await open(c.req.param("token"));
    if (!feed) return notFound(c);
    const entries = await feedEntries(opts.db, opts.media, feed, opts.now());
    const body = renderM3u({ village: feed.village.name, commune: feed.commune.name, entries, links: links(c.req.param("token")) });
    return c.body(body, 200, { ...PRIVATE, "Content-Type": "audio/x-mpegurl; charset=utf-8" });
  });

  app.get("/phat/:token/audio/:item", async (c) => {
    const feed = await open(c.req.param("token"));
    if (!feed) return notFound(c);
    const now = opts.now();
    const entry = await feedEntry(opts.db, opts.media, feed, c.req.param("item"), now);
    if (!entry || !entry.version.audioFileRef) return notFound(c);
    const found = await recordingBytes(opts.media, entry.version);
    if (!found) return c.text(viFeeds.audioUnavailable, 503, { ...PRIVATE, "Retry-After": "60" });
    if (!entry.audio || entry.audio.size !== found.bytes.length || entry.audio.mime !== found.mime) await rememberAudio(opts.db, entry.version, found, now);
    return sendRecording(c, found, PRIVATE);
  });

  const confirm = async (c: Context) => {
    const feed: FeedVillage | null = await open(c.req.param("token") ?? "");
    if (!feed) return notFound(c);
    const id = c.req.param("id") ?? "";
    if (!/^\d{1,12}$/.test(id)) return notFound(c);
    // A link checker's HEAD (Hono routes it to the GET handler) must not count as a playback.
    if (c.req.method === "HEAD") return c.body(null, 200, PRIVATE);
    const outcome = await recordFeedPlayback({ db: opts.db, keys: opts.keys, log: opts.log, now: opts.now }, { id: feed.feedId, villageId: feed.villageId }, Number(id));
    if (!outcome.ok) return notFound(c);
    const message = outcome.changed ? viFeeds.played(outcome.village, outcome.when) : viFeeds.playedAlready(outcome.village, outcome.when);
    return c.json({ ok: true, recorded: outcome.changed, message }, 200, PRIVATE);
  };
  app.post("/phat/:token/daphat/:id", confirm);
  app.get("/phat/:token/daphat/:id", confirm);
  return app;
}
