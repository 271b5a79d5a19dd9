// The feed's two shapes (issue 15), pure: an RSS 2.0 podcast feed (enclosures with type and length,
// iTunes tags podcast apps read) and an extended M3U playlist. A bulletin with no recording in a
// language is an RSS item without an enclosure whose title starts with a clear marker, so nobody
// waits for a sound that never comes; the playlist leaves it out (a player cannot read text) and
// names it in a comment line players skip.
import { viFeeds } from "../i18n/vi-feeds.js";
import { languageLabel } from "../bulletins/languages.js";
import { formatSlot } from "../bulletins/messages.js";
import { missingLabel, type FeedEntry } from "./items.js";

const t = viFeeds;

export interface FeedLinks {
  /** The site's public address (PUBLIC_URL). */
  site: string;
  /** ".../phat/<token>": the feed's own base. */
  base: string;
}

const EXTENSIONS: Record<string, string> = {
  "audio/ogg": "ogg",
  "audio/mpeg": "mp3",
  "audio/mp4": "m4a",
  "audio/aac": "aac",
  "audio/wav": "wav",
  "audio/webm": "webm",
  "audio/amr": "amr",
  "audio/3gpp": "3gp",
};

/** An extension in the URL: some players and loudspeaker systems go by it rather than the type. */
export function audioExtension(mime: string): string {
  return EXTENSIONS[mime.split(";")[0]!.trim().toLowerCase()] ?? "bin";
}

export const audioUrl = (links: FeedLinks, e: FeedEntry & { audio: NonNullable<FeedEntry["audio"]> }) => `${links.base}/audio/${e.key}.${audioExtension(e.audio.mime)}`;
export const confirmUrl = (links: FeedLinks, e: Pick<FeedEntry, "deliveryId">) => `${links.base}/daphat/${e.deliveryId}`;

/** The title a listener sees: the bulletin, its language and its airing; the marker when there is nothing to play. */
export function entryTitle(e: FeedEntry): string {
  const title = t.itemTitle(e.title, languageLabel(e.language), formatSlot(e.scheduledAt));
  return e.audio ? title : `${t.textOnlyMarker} ${title}`;
}

function entryText(e: FeedEntry): string {
  const lines: string[] = [];
  if (!e.audio) lines.push(t.textOnlyNote, "");
  if (e.missing.length > 0) lines.push(t.fallback(missingLabel(e.missing)), "");
  if (e.version.text && e.version.text.trim() !== "") lines.push(e.version.text);
  if (e.version.altText && e.version.altText.trim() !== "") lines.push("", t.altScript, e.version.altText);
  return lines.join("\n");
}

/** XML text and attribute escaping; characters XML 1.0 forbids are dropped. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** The namespace of this server's own element: the confirmation link of each item. */
export const FEED_NAMESPACE = "urn:phaodai:feed:1";

export function renderRss(o: { village: string; commune: string; entries: FeedEntry[]; links: FeedLinks; now: Date }): string {
  const x = xmlEscape;
  const title = t.channelTitle(o.village, o.commune);
  const items = o.entries.map((e) => {
    const parts = [
      `<title>${x(entryTitle(e))}</title>`,
      `<description>${x(entryText(e))}</description>`,
      `<guid isPermaLink="false">${x(`phaodai-feed-${e.key}`)}</guid>`,
      `<pubDate>${e.scheduledAt.toUTCString()}</pubDate>`,
    ];
    if (e.audio) parts.push(`<enclosure url="${x(audioUrl(o.links, { ...e, audio: e.audio }))}" length="${e.audio.size}" type="${x(e.audio.mime)}"/>`);
    parts.push(`<phaodai:daphat>${x(confirmUrl(o.links, e))}</phaodai:daphat>`);
    return `<item>${parts.join("")}</item>`;
  });
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:phaodai="${FEED_NAMESPACE}">`,
    `<channel>`,
    `<title>${x(title)}</title>`,
    `<link>${x(o.links.site)}</link>`,
    `<description>${x(t.channelDescription(o.village))}</description>`,
    `<language>vi</language>`,
    `<lastBuildDate>${o.now.toUTCString()}</lastBuildDate>`,
    // A private feed: podcast directories must not list it.
    `<itunes:block>Yes</itunes:block>`,
    `<itunes:explicit>false</itunes:explicit>`,
    ...items,
    `</channel>`,
    `</rss>`,
    "",
  ].join("\n");
}

/**
 * The playlist in airing order (oldest first, so the week plays in order), each recording once (a
 * bulletin aired morning and evening is one file). Text-only entries become comment lines.
 */
export function renderM3u(o: { village: string; commune: string; entries: FeedEntry[]; links: FeedLinks }): string {
  const oneLine = (s: string) => s.replace(/[\r\n]+/g, " ");
  const lines = ["#EXTM3U", `#PLAYLIST:${oneLine(t.channelTitle(o.village, o.commune))}`];
  const seen = new Set<number>();
  for (const e of [...o.entries].reverse()) {
    if (seen.has(e.version.id)) continue;
    seen.add(e.version.id);
    if (e.audio) lines.push(`#EXTINF:-1,${oneLine(entryTitle(e))}`, audioUrl(o.links, { ...e, audio: e.audio }));
    else lines.push(`# ${oneLine(entryTitle(e))}`);
  }
  return lines.join("\n") + "\n";
}
