// ISO-BMFF (MP4, MOV, M4A, 3GP) metadata remover: pure byte work, Web APIs only (runs on Workers).
//
// Strategy: sizes are kept. Every box that can carry metadata (udta, meta, uuid incl. XMP, ©xyz,
// keys, ilst…) or that this module does not know is turned into a `free` box of the same size with
// its payload zeroed; free/skip/wide payloads are zeroed; creation times and handler names are
// zeroed. No box moves, so chunk offsets (stco/co64) and fragment offsets stay right without
// rewriting any table: simpler to audit than a re-layout, and the few hundred zero bytes cost
// nothing. Only boxes on a whitelist survive, at each level. For a plain (unfragmented) file every
// byte of mdat that no kept track's sample uses is zeroed too (a hidden track, padding), and bytes
// after the last box are dropped. Anything that does not parse fully returns null: never passed on.

export interface Mp4Result {
  bytes: Uint8Array;
  /** The major brand of ftyp ("isom", "qt  ", "3gp4", "M4A "…), or "" when there is none. */
  brand: string;
  /** Whether a kept track is video. */
  hasVideo: boolean;
}

interface Box {
  type: string;
  start: number;
  /** Where the payload starts (after size, type and any 64-bit size). */
  body: number;
  end: number;
}

class Refuse extends Error {}
const refuse = (why: string): never => {
  throw new Refuse(why);
};

const u32 = (b: Uint8Array, at: number) => ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;
const u16 = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
function u64(b: Uint8Array, at: number): number {
  const high = u32(b, at);
  if (high >= 0x200000) refuse("64-bit value beyond 2^53");
  return high * 0x1_0000_0000 + u32(b, at + 4);
}
const typeAt = (b: Uint8Array, at: number) => String.fromCharCode(b[at]!, b[at + 1]!, b[at + 2]!, b[at + 3]!);

/** The boxes between start and end; refuses any that overruns its parent. */
function children(b: Uint8Array, start: number, end: number, topLevel = false): { boxes: Box[]; tail: number } {
  const boxes: Box[] = [];
  let at = start;
  while (at < end) {
    if (end - at < 8) {
      if (topLevel) return { boxes, tail: at };
      refuse("partial box header");
    }
    let size = u32(b, at);
    let body = at + 8;
    if (size === 1) {
      if (end - at < 16) refuse("partial 64-bit size");
      size = u64(b, at + 8);
      body = at + 16;
    } else if (size === 0) {
      if (!topLevel) refuse("size 0 inside a box");
      size = end - at; // to the end of the file
    }
    if (size < body - at || at + size > end) {
      if (topLevel) return { boxes, tail: at };
      refuse("box overruns its parent");
    }
    boxes.push({ type: typeAt(b, at + 4), start: at, body, end: at + size });
    at += size;
  }
  return { boxes, tail: end };
}

/** Turns a box into `free` of the same size with a zero payload. */
function blank(out: Uint8Array, box: Box): void {
  out.set([0x66, 0x72, 0x65, 0x65], box.start + 4); // "free"
  out.fill(0, box.body, box.end);
}

function zeroPayload(out: Uint8Array, box: Box): void {
  out.fill(0, box.body, box.end);
}

/** mvhd, tkhd, mdhd: creation and modification times zeroed (when the video was filmed). */
function zeroTimes(out: Uint8Array, box: Box): void {
  if (box.end - box.body < 4) refuse("short full box");
  const width = out[box.body] === 1 ? 8 : 4;
  if (box.end - box.body < 4 + 2 * width) refuse("short time header");
  out.fill(0, box.body + 4, box.body + 4 + 2 * width);
}

/** hdlr: the handler type stays, its free-text name is zeroed. */
function handlerType(out: Uint8Array, box: Box): string {
  if (box.end - box.body < 12) refuse("short hdlr");
  const type = typeAt(out, box.body + 8);
  out.fill(0, Math.min(box.body + 24, box.end), box.end);
  return type;
}

// What may stay, by parent. Everything else (udta, meta, uuid, keys, ilst, ©xyz, unknown) is blanked.
const LEAF = new Set([
  "ftyp", "styp", "mdat", "sidx", "ssix", "prft", "iods", "elst", "elng", "vmhd", "smhd", "hmhd", "nmhd", "gmhd",
  "stsd", "stts", "ctts", "cslg", "stss", "stps", "sdtp", "stsc", "stsz", "stz2", "stco", "co64", "sgpd", "sbgp", "subs",
  "saiz", "saio", "padb", "stsh", "mehd", "trex", "leva", "mfhd", "tfhd", "tfdt", "trun", "senc", "tfra", "mfro", "tref", "tapt",
]);
const ALLOWED: Record<string, Set<string>> = {
  "": new Set(["ftyp", "styp", "moov", "mdat", "moof", "mfra", "sidx", "ssix", "prft"]),
  moov: new Set(["mvhd", "trak", "mvex", "iods"]),
  trak: new Set(["tkhd", "edts", "mdia", "tref", "tapt"]),
  edts: new Set(["elst"]),
  mdia: new Set(["mdhd", "hdlr", "minf", "elng"]),
  minf: new Set(["vmhd", "smhd", "hmhd", "nmhd", "gmhd", "hdlr", "dinf", "stbl"]),
  dinf: new Set(["dref"]),
  stbl: new Set(["stsd", "stts", "ctts", "cslg", "stss", "stps", "sdtp", "stsc", "stsz", "stz2", "stco", "co64", "sgpd", "sbgp", "subs", "saiz", "saio", "padb", "stsh"]),
  mvex: new Set(["mehd", "trex", "leva"]),
  moof: new Set(["mfhd", "traf"]),
  traf: new Set(["tfhd", "tfdt", "trun", "sbgp", "sgpd", "subs", "saiz", "saio", "senc"]),
  mfra: new Set(["tfra", "mfro"]),
};
const ZERO_PAYLOAD = new Set(["free", "skip", "wide"]);

interface Track {
  handler: string;
  /** [start, end) of every sample, from the sample tables. */
  ranges: Array<[number, number]>;
}

/** dref: only self-contained entries (the media is in this file); an external reference could name a path. */
function checkDref(b: Uint8Array, box: Box): void {
  if (box.end - box.body < 8) refuse("short dref");
  const count = u32(b, box.body + 4);
  const { boxes } = children(b, box.body + 8, box.end);
  if (boxes.length !== count) refuse("dref count");
  for (const entry of boxes) {
    // Self-contained (flag 1) with nothing after the flags, or only an empty location string's zero
    // bytes (Chromium's MediaRecorder writes one): any other byte could name a path.
    if (entry.end - entry.body < 4 || (u32(b, entry.body) & 1) !== 1 || b.subarray(entry.body + 4, entry.end).some((x) => x !== 0)) refuse("external data reference");
  }
}

/** Sample byte ranges of one track from stsc, stsz/stz2 and stco/co64. */
function sampleRanges(b: Uint8Array, stbl: Box[]): Array<[number, number]> {
  const find = (type: string) => stbl.find((x) => x.type === type);
  const stco = find("stco") ?? find("co64");
  const stsc = find("stsc");
  const stsz = find("stsz") ?? find("stz2");
  if (!stco || !stsc || !stsz) refuse("sample tables missing");
  const need = (box: Box, bytes: number) => box.end - box.body >= bytes || refuse(`short ${box.type}`);
  // Chunk offsets.
  need(stco!, 8);
  const chunkCount = u32(b, stco!.body + 4);
  const wide = stco!.type === "co64";
  need(stco!, 8 + chunkCount * (wide ? 8 : 4));
  const chunkOffset = (i: number) => (wide ? u64(b, stco!.body + 8 + i * 8) : u32(b, stco!.body + 8 + i * 4));
  // Sample sizes.
  need(stsz!, 12);
  let sampleCount: number;
  let sizeOf: (i: number) => number;
  if (stsz!.type === "stsz") {
    const fixed = u32(b, stsz!.body + 4);
    sampleCount = u32(b, stsz!.body + 8);
    if (fixed === 0) need(stsz!, 12 + sampleCount * 4);
    sizeOf = fixed !== 0 ? () => fixed : (i) => u32(b, stsz!.body + 12 + i * 4);
  } else {
    const field = b[stsz!.body + 7]!;
    sampleCount = u32(b, stsz!.body + 8);
    if (field !== 4 && field !== 8 && field !== 16) refuse("stz2 field size");
    need(stsz!, 12 + Math.ceil((sampleCount * field) / 8));
    const base = stsz!.body + 12;
    sizeOf = field === 16 ? (i) => u16(b, base + i * 2) : field === 8 ? (i) => b[base + i]! : (i) => (i % 2 === 0 ? b[base + (i >> 1)]! >> 4 : b[base + (i >> 1)]! & 15);
  }
  // Samples per chunk.
  need(stsc!, 8);
  const entries = u32(b, stsc!.body + 4);
  need(stsc!, 8 + entries * 12);
  const ranges: Array<[number, number]> = [];
  let sample = 0;
  for (let e = 0; e < entries; e++) {
    const first = u32(b, stsc!.body + 8 + e * 12) - 1;
    const perChunk = u32(b, stsc!.body + 12 + e * 12);
    const next = e + 1 < entries ? u32(b, stsc!.body + 20 + e * 12) - 1 : chunkCount;
    if (first < 0 || next < first || next > chunkCount || (e === 0 && first !== 0)) refuse("stsc order");
    for (let chunk = first; chunk < next; chunk++) {
      let at = chunkOffset(chunk);
      for (let s = 0; s < perChunk && sample < sampleCount; s++, sample++) {
        const size = sizeOf(sample);
        ranges.push([at, at + size]);
        at += size;
      }
    }
  }
  if (sample !== sampleCount) refuse("sample count does not match the chunks");
  return ranges;
}

/**
 * Returns the file without metadata, or null when it is not an ISO-BMFF file this module can
 * read to the last byte of its structure.
 */
export function stripMp4(input: Uint8Array): Mp4Result | null {
  try {
    return rewrite(input);
  } catch (error) {
    if (error instanceof Refuse) return null;
    throw error;
  }
}

function rewrite(input: Uint8Array): Mp4Result {
  const { boxes: top, tail } = children(input, 0, input.length, true);
  if (top.length === 0 || !["ftyp", "moov", "mdat", "free", "skip", "wide"].includes(top[0]!.type)) refuse("not ISO-BMFF");
  const out = new Uint8Array(input.subarray(0, tail));
  const tracks: Track[] = [];
  let moovs = 0;
  let fragmented = false;
  let brand = "";
  let droppedTracks = 0;

  const walk = (parent: string, list: Box[]) => {
    for (const box of list) {
      if (ZERO_PAYLOAD.has(box.type)) {
        zeroPayload(out, box);
        continue;
      }
      if (!ALLOWED[parent]!.has(box.type)) {
        blank(out, box);
        continue;
      }
      switch (box.type) {
        case "ftyp":
          if (box.end - box.body < 8) refuse("short ftyp");
          brand = typeAt(out, box.body);
          break;
        case "moov":
          moovs++;
          walk("moov", children(out, box.body, box.end).boxes);
          break;
        case "moof":
          fragmented = true;
          walk("moof", children(out, box.body, box.end).boxes);
          break;
        case "mvex":
          fragmented = true;
          walk("mvex", children(out, box.body, box.end).boxes);
          break;
        case "mvhd":
        case "tkhd":
        case "mdhd":
          zeroTimes(out, box);
          break;
        case "trak":
          track(box);
          break;
        case "hdlr":
          handlerType(out, box);
          break;
        case "dref":
          checkDref(out, box);
          break;
        default:
          if (ALLOWED[box.type]) walk(box.type, children(out, box.body, box.end).boxes);
          else if (!LEAF.has(box.type)) refuse(`unexpected ${box.type}`);
      }
    }
  };

  const track = (trak: Box) => {
    const inner = children(out, trak.body, trak.end).boxes;
    const mdia = inner.find((x) => x.type === "mdia") ?? refuse("trak without mdia");
    const mdiaBoxes = children(out, mdia.body, mdia.end).boxes;
    const hdlr = mdiaBoxes.find((x) => x.type === "hdlr") ?? refuse("mdia without hdlr");
    const handler = handlerType(out, hdlr);
    if (handler !== "vide" && handler !== "soun") {
      // A timed-metadata, text or timecode track: gone, and (unfragmented) its samples are zeroed below.
      blank(out, trak);
      droppedTracks++;
      return;
    }
    walk("trak", inner);
    const minf = mdiaBoxes.find((x) => x.type === "minf") ?? refuse("mdia without minf");
    const stbl = children(out, minf.body, minf.end).boxes.find((x) => x.type === "stbl") ?? refuse("minf without stbl");
    tracks.push({ handler, ranges: sampleRanges(out, children(out, stbl.body, stbl.end).boxes) });
  };

  walk("", top);
  if (moovs !== 1) refuse("one moov expected");
  if (tracks.length === 0) refuse("no audio or video track");

  if (!fragmented) {
    // Every sample must lie inside an mdat; whatever of an mdat no sample uses is zeroed.
    const mdats = top.filter((x) => x.type === "mdat");
    const used: Array<[number, number]> = tracks.flatMap((t) => t.ranges).sort((a, c) => a[0] - c[0]);
    for (const [start, end] of used) {
      if (!mdats.some((m) => start >= m.body && end <= m.end)) refuse("a sample outside mdat");
    }
    for (const mdat of mdats) {
      let at = mdat.body;
      for (const [start, end] of used) {
        if (end <= mdat.body || start >= mdat.end) continue;
        if (start > at) out.fill(0, at, start);
        at = Math.max(at, end);
      }
      if (at < mdat.end) out.fill(0, at, mdat.end);
    }
  } else {
    // Fragment offsets are not followed here: a dropped track's samples would stay, and a cut-off
    // fragment cannot be told from padding.
    if (droppedTracks > 0) refuse("a fragmented file with a metadata track");
    if (tail !== input.length) refuse("bytes after the last box of a fragmented file");
  }
  return { bytes: out, brand, hasVideo: tracks.some((t) => t.handler === "vide") };
}

/** Walks a rewritten file the way a player would; for tests and for a last check before sending. */
export function mp4Boxes(bytes: Uint8Array): Array<{ path: string; start: number; end: number }> | null {
  const found: Array<{ path: string; start: number; end: number }> = [];
  const containers = new Set(["moov", "trak", "edts", "mdia", "minf", "dinf", "stbl", "mvex", "moof", "traf", "mfra", "udta"]);
  try {
    const visit = (path: string, start: number, end: number, top: boolean) => {
      const { boxes, tail } = children(bytes, start, end, top);
      if (tail !== end) refuse("tail");
      for (const box of boxes) {
        found.push({ path: `${path}/${box.type}`, start: box.start, end: box.end });
        if (containers.has(box.type)) visit(`${path}/${box.type}`, box.body, box.end, false);
      }
    };
    visit("", 0, bytes.length, true);
    return found;
  } catch (error) {
    if (error instanceof Refuse) return null;
    throw error;
  }
}

/** The sample byte ranges of each audio/video track, in track order (tests compare them before and after). */
export function mp4SampleRanges(bytes: Uint8Array): Array<Array<[number, number]>> | null {
  try {
    const result: Array<Array<[number, number]>> = [];
    const moov = children(bytes, 0, bytes.length, true).boxes.find((x) => x.type === "moov") ?? refuse("no moov");
    for (const trak of children(bytes, moov.body, moov.end).boxes.filter((x) => x.type === "trak")) {
      const mdia = children(bytes, trak.body, trak.end).boxes.find((x) => x.type === "mdia") ?? refuse("mdia");
      const minf = children(bytes, mdia.body, mdia.end).boxes.find((x) => x.type === "minf") ?? refuse("minf");
      const stbl = children(bytes, minf.body, minf.end).boxes.find((x) => x.type === "stbl") ?? refuse("stbl");
      result.push(sampleRanges(bytes, children(bytes, stbl.body, stbl.end).boxes));
    }
    return result;
  } catch (error) {
    if (error instanceof Refuse) return null;
    throw error;
  }
}
