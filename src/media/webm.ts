// WebM (Matroska) voice recordings, as browsers' MediaRecorder makes them (Chromium and Firefox:
// audio/webm with Opus), rewritten as Ogg Opus: only the Opus ID header and the audio packets are
// taken over into a new file (src/media/ogg.ts muxOpus), so the muxing application, writing app,
// tags, titles and dates of the WebM stay behind. Ogg Opus is what Telegram plays as a voice note.
// Pure byte work, Web APIs only. One audio track of Opus only; anything else, or anything that
// does not parse, is null: never passed on.
import { muxOpus } from "./ogg.js";

const ID = {
  segment: 0x18538067,
  tracks: 0x1654ae6b,
  trackEntry: 0xae,
  trackNumber: 0xd7,
  trackType: 0x83,
  codecId: 0x86,
  codecPrivate: 0x63a2,
  cluster: 0x1f43b675,
  blockGroup: 0xa0,
  block: 0xa1,
  simpleBlock: 0xa3,
} as const;

/** Elements read inside rather than skipped (their size may be "unknown" in a live recording). */
const CONTAINERS = new Set<number>([ID.segment, ID.tracks, ID.trackEntry, ID.cluster, ID.blockGroup]);

export const isWebm = (bytes: Uint8Array) => bytes.length >= 4 && bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3;

/** A variable-length integer at `at`: its value (the marker bit removed unless `keepMarker`) and length; unknown is -1. */
function vint(bytes: Uint8Array, at: number, keepMarker: boolean): { value: number; length: number } | null {
  const first = bytes[at];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23; // 1..8
  if (at + length > bytes.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    value = value * 256 + bytes[at + i]!;
    if (bytes[at + i] !== 0xff) allOnes = false;
  }
  if (!keepMarker && allOnes) return { value: -1, length };
  return { value, length };
}

interface Track {
  number?: number;
  type?: number;
  codec?: string;
  head?: Uint8Array;
}

/** The Ogg Opus file of a WebM Opus recording, or null. */
export function webmOpusToOgg(bytes: Uint8Array): Uint8Array | null {
  if (!isWebm(bytes)) return null;
  const tracks: Track[] = [];
  const blocks: { track: number; data: Uint8Array }[] = [];
  let track: Track | null = null;
  let at = 0;
  while (at < bytes.length) {
    const id = vint(bytes, at, true);
    if (!id) return null;
    const size = vint(bytes, at + id.length, false);
    if (!size) return null;
    const start = at + id.length + size.length;
    if (id.value === ID.trackEntry) {
      track = {};
      tracks.push(track);
    }
    if (CONTAINERS.has(id.value)) {
      at = start; // read its children in turn
      continue;
    }
    if (size.value < 0 || start + size.value > bytes.length) {
      // A truncated last element (a recording cut short) ends the file; an unknown size elsewhere does not parse.
      if (id.value === ID.simpleBlock || id.value === ID.block) break;
      return null;
    }
    const body = bytes.subarray(start, start + size.value);
    const uint = () => body.reduce((n, b) => n * 256 + b, 0);
    if (track && id.value === ID.trackNumber) track.number = uint();
    else if (track && id.value === ID.trackType) track.type = uint();
    else if (track && id.value === ID.codecId) track.codec = new TextDecoder().decode(body);
    else if (track && id.value === ID.codecPrivate) track.head = body;
    else if (id.value === ID.simpleBlock || id.value === ID.block) {
      const number = vint(body, 0, false);
      if (!number || number.value < 0 || body.length < number.length + 3) return null;
      if ((body[number.length + 2]! & 0x06) !== 0) return null; // laced frames: browsers do not write them
      blocks.push({ track: number.value, data: body.subarray(number.length + 3) });
    }
    at = start + size.value;
  }
  if (tracks.length !== 1) return null; // a voice recording has one track: no video beside it
  const audio = tracks[0]!;
  if (audio.codec !== "A_OPUS" || audio.type !== 2 || !audio.head || audio.number === undefined) return null;
  if (blocks.some((b) => b.track !== audio.number)) return null;
  return muxOpus(audio.head, blocks.map((b) => b.data));
}
