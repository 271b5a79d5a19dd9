// Bulletin messages as channel-neutral OutgoingMessages: to a village head (with the confirmation
// buttons and the audio file where recorded) and to a subscribed citizen.
import { formatDateVN, vnParts } from "../util/vietnam-time.js";
import type { Channel, Choice, OutgoingMessage } from "../messaging/types.js";
import { DAY_NAMES, viBulletins } from "../i18n/vi-bulletins.js";
import { viZaloDelivery } from "../i18n/vi-zalo-delivery.js";
import { languageInline, languageLabel, type ResolvedLanguage } from "./languages.js";
import { broadcast, notBroadcast, subscription } from "../messaging/buttons.js";

const t = viBulletins;

export interface VersionContent {
  language: string;
  text: string | null;
  altText: string | null;
  audioKind: string | null;
  audioChannel: string | null;
  audioFileRef: string | null;
}

/** "06:30 Thứ Hai 15/06/2026" */
export function formatSlot(at: Date): string {
  const p = vnParts(at);
  const time = `${String(Math.floor(p.minutes / 60)).padStart(2, "0")}:${String(p.minutes % 60).padStart(2, "0")}`;
  return t.when(time, DAY_NAMES[p.weekday] ?? "", formatDateVN(at));
}

/**
 * Channels whose sender carries a recording made on another channel: Telegram re-uploads the bytes,
 * Zalo OA uploads them as a file, Zalo Bot gives a short-lived sealed link (src/media/fetch.ts,
 * src/media/links.ts); a recording made in the web chat is a stored upload they read the same way.
 * The web chat plays only its own uploads.
 */
export const AUDIO_FROM_OTHER_CHANNELS: ReadonlySet<Channel> = new Set<Channel>(["telegram", "zalo", "zalobot"]);

/** Whether a version's recording can reach someone on `channel`. */
export function hasAudioFor(v: Pick<VersionContent, "audioKind" | "audioChannel" | "audioFileRef">, channel: Channel): boolean {
  if (!v.audioFileRef || !v.audioChannel || (v.audioKind !== "voice" && v.audioKind !== "audio")) return false;
  return v.audioChannel === channel || AUDIO_FROM_OTHER_CHANNELS.has(channel);
}

/** The recording as media for someone on `channel`: it names the channel that holds the file. */
export function recordingMedia(v: Pick<VersionContent, "language" | "audioKind" | "audioChannel" | "audioFileRef">, channel: Channel): OutgoingMessage["media"] {
  if (!hasAudioFor(v, channel)) return undefined;
  // A neutral name for platforms that show files (Zalo OA): the sender adds the extension.
  const kind = v.audioKind as "voice" | "audio";
  const fileName = `ban-tin-${v.language}`;
  if (v.audioChannel === "web") return { kind, channel: "web", webUploadId: v.audioFileRef!, webLink: { bulletinRecording: true }, fileName };
  return { kind, channel: v.audioChannel as Channel, fileRef: v.audioFileRef!, fileName };
}

/** A version can reach someone on `channel` if it has text, or audio that channel can play. */
export function usableOn(v: VersionContent, channel: Channel): boolean {
  return Boolean(v.text && v.text.trim() !== "") || hasAudioFor(v, channel);
}


function body(v: VersionContent, channel: Channel, reader: "head" | "subscriber"): string[] {
  const lines: string[] = [];
  if (v.text && v.text.trim() !== "") lines.push(v.text);
  else lines.push(t.head.audioOnly);
  if (v.altText && v.altText.trim() !== "") lines.push("", t.head.altScript, v.altText);
  if (hasAudioFor(v, channel)) lines.push("", reader === "head" ? t.head.audioAbove : viZaloDelivery.subscriberRecording);
  return lines;
}

/** "Cùng bản tin đã gửi sáng nay (06:30)…" for an airing that repeats the one at `first`. */
export function repeatLine(first: Date): string {
  const minutes = vnParts(first).minutes;
  const time = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  return t.head.repeat(time, minutes < 12 * 60);
}

export function confirmChoices(deliveryId: number): Choice[][] {
  return [[{ label: t.buttons.broadcast, data: broadcast.pack(deliveryId) }], [{ label: t.buttons.notBroadcast, data: notBroadcast.pack(deliveryId) }]];
}

export function headMessage(o: {
  deliveryId: number | null;
  scheduledAt: Date;
  village: string;
  late: boolean;
  title: string;
  version: VersionContent;
  resolved: Pick<ResolvedLanguage, "missing">;
  channel: Channel;
  part?: string;
  /** When this airing repeats an earlier one of the same day (schedule.json repeatWithinDay): that airing's time. */
  repeatOf?: Date | null;
}): OutgoingMessage {
  const lines = [t.head.header(formatSlot(o.scheduledAt), o.village)];
  if (o.repeatOf) lines.push(repeatLine(o.repeatOf));
  if (o.late) lines.push(t.head.late);
  lines.push(t.head.language(languageLabel(o.version.language), o.part));
  if (o.resolved.missing.length > 0) lines.push(t.head.fallback(o.resolved.missing.map(languageInline).join(", ")));
  lines.push("", t.head.title(o.title), "", ...body(o.version, o.channel, "head"));
  if (o.deliveryId !== null) lines.push("", t.head.footer);
  const message: OutgoingMessage = { text: lines.join("\n") };
  if (o.deliveryId !== null) message.choices = confirmChoices(o.deliveryId);
  const media = recordingMedia(o.version, o.channel);
  if (media) message.media = media;
  return message;
}

export function subscriberMessage(o: {
  commune: string;
  scheduledAt: Date;
  title: string;
  version: VersionContent;
  resolved: Pick<ResolvedLanguage, "missing">;
  channel: Channel;
}): OutgoingMessage {
  const lines = [t.subscriber.header(o.commune, formatDateVN(o.scheduledAt))];
  if (o.resolved.missing.length > 0) lines.push(t.subscriber.fallback(o.resolved.missing.map(languageInline).join(", ")));
  lines.push("", t.head.title(o.title), "", ...body(o.version, o.channel, "subscriber"), "", t.subscriber.footer);
  const message: OutgoingMessage = { text: lines.join("\n"), choices: [[{ label: t.buttons.unsubscribe, data: subscription.pack("stop") }]] };
  const media = recordingMedia(o.version, o.channel);
  if (media) message.media = media;
  return message;
}
