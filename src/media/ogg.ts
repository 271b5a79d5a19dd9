// Ogg (Opus, Vorbis) comment remover: pure byte work, Web APIs only (runs on Workers).
// The comment header (OpusTags / Vorbis comment packet: artist, title, location, the encoder's
// vendor string) is replaced by one with a neutral vendor and no comments; pages are renumbered
// and every page CRC recomputed. One logical stream only; every page must parse and carry a
// correct CRC, else null: never passed on. Bytes after the last page are dropped.
import { concat } from "./bytes.js";

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i << 24;
    for (let k = 0; k < 8; k++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
    table[i] = r >>> 0;
  }
  return table;
})();

/** The Ogg CRC-32 (polynomial 0x04c11db7, not reflected, no final xor). */
export function oggCrc(bytes: Uint8Array): number {
  let crc = 0;
  for (const b of bytes) crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ b) & 0xff]!) >>> 0;
  return crc;
}

interface Page {
  flags: number;
  granule: Uint8Array;
  serial: number;
  segments: number[];
  data: Uint8Array;
}

const VENDOR = new TextEncoder().encode("phaodai");
const ascii = (b: Uint8Array, at: number, text: string) => [...text].every((ch, i) => b[at + i] === ch.charCodeAt(0));
const le32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

function parsePages(bytes: Uint8Array): Page[] | null {
  const pages: Page[] = [];
  let at = 0;
  while (at + 27 <= bytes.length && ascii(bytes, at, "OggS")) {
    if (bytes[at + 4] !== 0) return null;
    const count = bytes[at + 26]!;
    if (at + 27 + count > bytes.length) return null;
    const segments = [...bytes.subarray(at + 27, at + 27 + count)];
    const size = segments.reduce((n, s) => n + s, 0);
    const end = at + 27 + count + size;
    if (end > bytes.length) return null;
    const page = new Uint8Array(bytes.subarray(at, end));
    const crc = le32(page, 22);
    page.fill(0, 22, 26);
    if (oggCrc(page) !== crc) return null;
    pages.push({ flags: bytes[at + 5]!, granule: bytes.slice(at + 6, at + 14), serial: le32(bytes, at + 14), segments, data: bytes.subarray(at + 27 + count, end) });
    at = end;
  }
  return pages.length > 0 ? pages : null;
}

function writePage(page: Page, sequence: number): Uint8Array {
  const out = new Uint8Array(27 + page.segments.length + page.data.length);
  out.set([0x4f, 0x67, 0x67, 0x53, 0, page.flags]);
  out.set(page.granule, 6);
  const view = new DataView(out.buffer);
  view.setUint32(14, page.serial, true);
  view.setUint32(18, sequence, true);
  out[26] = page.segments.length;
  out.set(page.segments, 27);
  out.set(page.data, 27 + page.segments.length);
  view.setUint32(22, oggCrc(out), true);
  return out;
}

/** Header packets laid out on fresh pages (granule 0), the last one ending its page. */
function headerPages(packets: Uint8Array[], serial: number): Page[] {
  const pages: Page[] = [];
  let segments: number[] = [];
  let data: number[] = [];
  let startsContinued = false;
  const flush = () => {
    pages.push({ flags: startsContinued ? 1 : 0, granule: new Uint8Array(8), serial, segments, data: new Uint8Array(data) });
    segments = [];
    data = [];
  };
  for (const packet of packets) {
    let left = packet.length;
    let at = 0;
    for (;;) {
      if (segments.length === 255) {
        flush();
        startsContinued = at > 0; // the next page goes on with this packet
      }
      const lace = Math.min(255, left);
      segments.push(lace);
      data.push(...packet.subarray(at, at + lace));
      at += lace;
      left -= lace;
      if (lace < 255) break;
    }
  }
  if (segments.length > 0) flush();
  return pages;
}

/**
 * Returns the Ogg file with an empty comment header, or null when it is not a single Opus or
 * Vorbis stream whose pages all parse.
 */
export function stripOgg(bytes: Uint8Array): Uint8Array | null {
  const pages = parsePages(bytes);
  if (!pages) return null;
  const serial = pages[0]!.serial;
  if (pages.some((p) => p.serial !== serial)) return null; // chained or multiplexed: not handled
  if ((pages[0]!.flags & 2) === 0) return null; // the first page begins the stream

  // Reassembles packets page by page until the headers are complete; they must end a page.
  const packets: Uint8Array[] = [];
  let partial: number[] = [];
  let need = 0;
  let headerEnd = -1;
  for (let p = 0; p < pages.length && headerEnd < 0; p++) {
    const page = pages[p]!;
    if (((page.flags & 1) !== 0) !== partial.length > 0) return null; // continuation flag must match
    let at = 0;
    for (const lace of page.segments) {
      partial.push(...page.data.subarray(at, at + lace));
      at += lace;
      if (lace < 255) {
        packets.push(new Uint8Array(partial));
        partial = [];
        if (packets.length === 1) {
          const first = packets[0]!;
          if (ascii(first, 0, "OpusHead")) need = 2;
          else if (first[0] === 1 && ascii(first, 1, "vorbis")) need = 3;
          else return null;
        }
      }
    }
    if (need > 0 && packets.length >= need) {
      if (packets.length !== need || partial.length > 0) return null; // audio shares a header page
      headerEnd = p;
    }
  }
  if (headerEnd < 0) return null;
  const opus = need === 2;
  const comment = packets[1]!;
  if (opus ? !ascii(comment, 0, "OpusTags") : !(comment[0] === 3 && ascii(comment, 1, "vorbis"))) return null;
  if (!opus && !(packets[2]![0] === 5 && ascii(packets[2]!, 1, "vorbis"))) return null;
  if (pages[0]!.segments.length !== 1 || headerEnd === 0) return null; // the ID header is alone on page 0

  const prefix = opus ? new TextEncoder().encode("OpusTags") : new Uint8Array([3, ...new TextEncoder().encode("vorbis")]);
  const clean = new Uint8Array(prefix.length + 4 + VENDOR.length + 4 + (opus ? 0 : 1));
  clean.set(prefix);
  new DataView(clean.buffer).setUint32(prefix.length, VENDOR.length, true);
  clean.set(VENDOR, prefix.length + 4);
  if (!opus) clean[clean.length - 1] = 1; // Vorbis framing bit
  const rebuilt = [pages[0]!, ...headerPages(opus ? [clean] : [clean, packets[2]!], serial), ...pages.slice(headerEnd + 1)];

  const parts = rebuilt.map((page, sequence) => writePage(page, sequence));
  return concat(parts);
}

/** The comment packet of an Ogg file (tests check it is the empty one). */
export function oggCommentPacket(bytes: Uint8Array): Uint8Array | null {
  const pages = parsePages(bytes);
  if (!pages) return null;
  const data: number[] = [];
  let packets = 0;
  for (const page of pages) {
    let at = 0;
    for (const lace of page.segments) {
      if (packets === 1) data.push(...page.data.subarray(at, at + lace));
      at += lace;
      if (lace < 255 && ++packets === 2) return new Uint8Array(data);
    }
  }
  return null;
}

/** Samples (at 48 kHz) one Opus packet holds, from its TOC byte (RFC 6716, 3.1); null when malformed. */
export function opusPacketSamples(packet: Uint8Array): number | null {
  if (packet.length < 1) return null;
  const config = packet[0]! >> 3;
  // SILK 10/20/40/60 ms, hybrid 10/20 ms, CELT 2.5/5/10/20 ms, in samples at 48 kHz.
  const frame = config < 12 ? [480, 960, 1920, 2880][config & 3]! : config < 16 ? [480, 960][config & 1]! : [120, 240, 480, 960][config & 3]!;
  const code = packet[0]! & 3;
  const frames = code === 0 ? 1 : code < 3 ? 2 : packet.length >= 2 ? packet[1]! & 0x3f : 0;
  if (frames === 0 || frame * frames > 5760) return null; // at most 120 ms per packet
  return frame * frames;
}

const OPUS_SERIAL = 0x50444149; // "PDAI": one stream per file, nothing of the recorder

/**
 * A new Ogg Opus file from an ID header and audio packets (a remux from another container): the
 * comment header is the empty one, so nothing but the sound is carried over. Null when a packet
 * does not parse as Opus.
 */
export function muxOpus(head: Uint8Array, packets: readonly Uint8Array[]): Uint8Array | null {
  if (head.length < 19 || !ascii(head, 0, "OpusHead") || packets.length === 0) return null;
  const tags = new Uint8Array(8 + 4 + VENDOR.length + 4);
  tags.set(new TextEncoder().encode("OpusTags"));
  new DataView(tags.buffer).setUint32(8, VENDOR.length, true);
  tags.set(VENDOR, 12);
  const pages: Page[] = [{ flags: 2, granule: new Uint8Array(8), serial: OPUS_SERIAL, segments: [head.length], data: head.slice() }, ...headerPages([tags], OPUS_SERIAL)];
  let granule = 0;
  let segments: number[] = [];
  let data: Uint8Array[] = [];
  const flush = (last: boolean) => {
    const g = new Uint8Array(8);
    new DataView(g.buffer).setBigUint64(0, BigInt(granule), true);
    const body = new Uint8Array(data.reduce((n, d) => n + d.length, 0));
    let at = 0;
    for (const d of data) {
      body.set(d, at);
      at += d.length;
    }
    pages.push({ flags: last ? 4 : 0, granule: g, serial: OPUS_SERIAL, segments, data: body });
    segments = [];
    data = [];
  };
  for (const [i, packet] of packets.entries()) {
    const samples = opusPacketSamples(packet);
    if (samples === null || packet.length > 1275 * 6) return null;
    const laces: number[] = [];
    for (let left = packet.length; ; left -= 255) {
      laces.push(Math.min(255, left));
      if (left < 255) break;
    }
    if (segments.length + laces.length > 255 || data.length >= 50) flush(false); // about a second a page
    segments.push(...laces);
    data.push(packet);
    granule += samples;
    if (i === packets.length - 1) flush(true);
  }
  const parts = pages.map((page, sequence) => writePage(page, sequence));
  return concat(parts);
}
