// Metadata removal for the simple audio formats (WAV, MP3, ADTS AAC, AMR): pure byte work, Web
// APIs only. Each function walks the whole file and returns null when it does not parse: a file
// that cannot be made safe is never passed on.
import { stripId3 } from "./strip.js";
import { concat } from "./bytes.js";

const ascii = (b: Uint8Array, at: number, text: string) => [...text].every((ch, i) => b[at + i] === ch.charCodeAt(0));
const le32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;


/** WAV: keeps only fmt, fact and data chunks (LIST/INFO, id3, bext with its originator, iXML… go). */
export function stripWav(bytes: Uint8Array): Uint8Array | null {
  if (bytes.length < 12 || !ascii(bytes, 0, "RIFF") || !ascii(bytes, 8, "WAVE")) return null;
  const end = Math.min(bytes.length, 8 + le32(bytes, 4));
  const kept: Uint8Array[] = [];
  let at = 12;
  let fmt = false;
  let data = false;
  while (at + 8 <= end) {
    const id = String.fromCharCode(...bytes.subarray(at, at + 4));
    const size = le32(bytes, at + 4);
    const next = at + 8 + size + (size & 1);
    if (at + 8 + size > end) return null;
    if (id === "fmt " || id === "fact" || id === "data") {
      const chunk = new Uint8Array(8 + size + (size & 1));
      chunk.set(bytes.subarray(at, at + 8 + size)); // the pad byte, if any, becomes zero
      kept.push(chunk);
      if (id === "fmt ") fmt = true;
      if (id === "data") data = true;
    }
    at = Math.min(next, end);
  }
  if (at !== end || !fmt || !data) return null;
  const body = concat(kept);
  const out = new Uint8Array(12 + body.length);
  out.set(bytes.subarray(0, 12));
  new DataView(out.buffer).setUint32(4, 4 + body.length, true);
  out.set(body, 12);
  return out;
}

/** An APE tag (v1/v2) at the very end, before any ID3v1 tag already removed: its length, or 0. */
function apeTagLength(bytes: Uint8Array): number | null {
  const footer = bytes.length - 32;
  if (footer < 0 || !ascii(bytes, footer, "APETAGEX")) return 0;
  const size = le32(bytes, footer + 12); // items and footer
  const hasHeader = (bytes[footer + 23]! & 0x80) !== 0;
  const length = size + (hasHeader ? 32 : 0);
  return length > bytes.length || size < 32 ? null : length;
}

/** An ID3v2.4 tag appended at the end (with its "3DI" footer): its length, or 0. */
function appendedId3Length(bytes: Uint8Array): number | null {
  const at = bytes.length - 10;
  if (at < 0 || !ascii(bytes, at, "3DI")) return 0;
  const s = bytes.subarray(at + 6, at + 10);
  if (s.some((b) => b >= 0x80)) return null;
  const length = ((s[0]! << 21) | (s[1]! << 14) | (s[2]! << 7) | s[3]!) + 20;
  return length > bytes.length ? null : length;
}

/** Strips tags at either end of a frame stream (ID3v2 at the start; ID3v1, APE and appended ID3v2 at the end). */
function stripTags(bytes: Uint8Array): Uint8Array | null {
  let body = stripId3(bytes);
  if (body.length >= 3 && ascii(body, 0, "ID3")) return null; // a tag stripId3 could not read
  for (let round = 0; round < 3; round++) {
    const ape = apeTagLength(body);
    const id3 = appendedId3Length(body);
    if (ape === null || id3 === null) return null;
    if (ape === 0 && id3 === 0) break;
    body = body.subarray(0, body.length - ape - id3);
    if (body.length >= 128 && ascii(body, body.length - 128, "TAG")) body = body.subarray(0, body.length - 128);
  }
  return body;
}

const MPEG_BITRATES: Record<string, number[]> = {
  // kbps by index, for MPEG-1 and MPEG-2/2.5, layers I–III
  "1-1": [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  "1-2": [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  "1-3": [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  "2-1": [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  "2-2": [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  "2-3": [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const MPEG_RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

/** The length of the MPEG audio frame at `at`, or 0 when there is none. */
function mpegFrameLength(b: Uint8Array, at: number): number {
  if (at + 4 > b.length || b[at] !== 0xff || (b[at + 1]! & 0xe0) !== 0xe0) return 0;
  const version = (b[at + 1]! >> 3) & 3; // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5
  const layer = 4 - ((b[at + 1]! >> 1) & 3); // 1..3
  const bitrateIndex = b[at + 2]! >> 4;
  const rateIndex = (b[at + 2]! >> 2) & 3;
  if (version === 1 || layer === 4 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return 0;
  const kbps = MPEG_BITRATES[`${version === 3 ? 1 : 2}-${layer}`]![bitrateIndex]!;
  const rate = MPEG_RATES[version]![rateIndex]!;
  const padding = (b[at + 2]! >> 1) & 1;
  if (layer === 1) return (Math.floor((12 * kbps * 1000) / rate) + padding) * 4;
  const perFrame = layer === 3 && version !== 3 ? 72 : 144;
  return Math.floor((perFrame * kbps * 1000) / rate) + padding;
}

/** MP3: tags removed at both ends, then every byte must belong to an MPEG audio frame. */
export function stripMp3(bytes: Uint8Array): Uint8Array | null {
  const body = stripTags(bytes);
  if (!body || body.length === 0) return null;
  let at = 0;
  while (at < body.length) {
    const length = mpegFrameLength(body, at);
    if (length === 0) return null;
    if (at + length > body.length) return body.subarray(0, at); // a cut-off last frame
    at += length;
  }
  return body;
}

/** ADTS AAC (the raw AAC some phones and Zalo send): tags removed, then a whole number of frames. */
export function stripAdts(bytes: Uint8Array): Uint8Array | null {
  const body = stripTags(bytes);
  if (!body || body.length === 0) return null;
  let at = 0;
  while (at < body.length) {
    if (at + 7 > body.length || body[at] !== 0xff || (body[at + 1]! & 0xf6) !== 0xf0) return null;
    const length = ((body[at + 3]! & 3) << 11) | (body[at + 4]! << 3) | (body[at + 5]! >> 5);
    if (length < 7) return null;
    if (at + length > body.length) return body.subarray(0, at);
    at += length;
  }
  return body;
}

// AMR storage format (RFC 4867 §5): a magic line, then frames of a size set by the frame type.
const AMR_NB = [12, 13, 15, 17, 19, 20, 26, 31, 5, -1, -1, -1, -1, -1, -1, 0];
const AMR_WB = [17, 23, 32, 36, 40, 46, 50, 58, 60, 5, -1, -1, -1, -1, 0, 0];

/** AMR carries no metadata; the frames are walked so nothing hides after them. */
export function stripAmr(bytes: Uint8Array): Uint8Array | null {
  const wb = ascii(bytes, 0, "#!AMR-WB\n");
  if (!wb && !ascii(bytes, 0, "#!AMR\n")) return null;
  const sizes = wb ? AMR_WB : AMR_NB;
  let at = wb ? 9 : 6;
  while (at < bytes.length) {
    const header = bytes[at]!;
    const size = sizes[(header >> 3) & 15]!;
    if (size < 0 || (header & 0x83) !== 0) return null; // reserved type, or padding bits set
    if (at + 1 + size > bytes.length) return bytes.subarray(0, at);
    at += 1 + size;
  }
  return bytes;
}
