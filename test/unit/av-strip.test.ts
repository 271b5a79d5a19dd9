// Metadata removal from videos and recordings (src/media/av.ts and the rewriters under it): every
// real fixture (test/fixtures/av, made with ffmpeg and exiftool) comes out without what was
// planted and still parses, with its samples where they were; what cannot be parsed is refused;
// and the corners real files rarely show (64-bit sizes, size 0, trak-level meta, a hidden
// metadata track, external references, bad CRCs) are built by hand.
import { describe, expect, it } from "vitest";
import { cleanAudioVideo } from "../../src/media/av.js";
import { mp4Boxes, mp4SampleRanges, stripMp4 } from "../../src/media/mp4.js";
import { oggCommentPacket, oggCrc, stripOgg } from "../../src/media/ogg.js";
import { stripAdts, stripAmr, stripMp3, stripWav } from "../../src/media/audio.js";
import { XMP_UUID, avFixture, avMarkersIn } from "../helpers/av.js";

const latin1 = (b: Uint8Array) => Buffer.from(b).toString("latin1");

describe("real files", () => {
  // name, kind it arrives as, the type passed on (null: refused), markers planted in the original
  it.each([
    ["android.mp4", "video", "video/mp4", ["Nguyen Van Tipster", "18.5301", "\xa9xyz", "loci", "ilst"]],
    ["phone-faststart.mp4", "video", "video/mp4", ["Nguyen Van Tipster", "loci", "ilst", XMP_UUID]],
    ["phone-mdat-first.mp4", "video", "video/mp4", ["Nguyen Van Tipster", "0912345678", "loci"]],
    ["iphone.mov", "video", "video/quicktime", ["Nguyen Van Tipster", "18.5301", "\xa9xyz", "keys"]],
    ["fragmented.mp4", "video", "video/mp4", ["Nguyen Van Tipster", "loci"]],
    ["trailing.mp4", "video", "video/mp4", ["Nguyen Van Tipster", "\xa9xyz"]],
    ["tags.m4a", "audio", "audio/mp4", ["Nguyen Van Tipster", "ilst", "loci"]],
    ["zalo-voice.3gp", "voice", "audio/mp4", ["Nguyen Van Tipster", "loci"]],
    ["zalo-voice.3gp", "video", "video/3gpp", ["Nguyen Van Tipster", "loci"]],
    ["voice.ogg", "voice", "audio/ogg", ["Nguyen Van Tipster", "18.5301", "0912345678"]],
    ["vorbis.ogg", "audio", "audio/ogg", ["Nguyen Van Tipster", "18.5301"]],
    ["tagged.mp3", "audio", "audio/mpeg", ["Nguyen Van Tipster", "0912345678"]],
    ["info.wav", "audio", "audio/wav", ["Nguyen Van Tipster", "0912345678"]],
    ["voice.aac", "voice", "audio/aac", []],
    ["voice-id3.aac", "voice", "audio/aac", ["Nguyen Van Tipster"]],
    ["truncated.mp4", "video", null, []],
    ["garbage.bin", "video", null, []],
    ["garbage.bin", "voice", null, []],
    ["voice.ogg", "video", null, []],
    ["info.wav", "video", null, []],
  ] as const)("%s as %s → %s", (name, kind, mime, planted) => {
    const original = avFixture(name);
    for (const marker of planted) expect(latin1(original), `fixture lacks ${marker}`).toContain(marker);
    const out = cleanAudioVideo(original, kind);
    if (mime === null) {
      expect(out).toBeNull();
      return;
    }
    expect(out?.mime).toBe(mime);
    expect(avMarkersIn(out!.bytes)).toEqual([]);
    if (mime.includes("mp4") || mime.includes("quicktime") || mime.includes("3gpp")) {
      // Structure intact: every box parses, the size is kept (less any trailing bytes), samples untouched.
      expect(mp4Boxes(out!.bytes)).not.toBeNull();
      const ranges = mp4SampleRanges(original)!;
      expect(mp4SampleRanges(out!.bytes)).toEqual(ranges);
      for (const [start, end] of ranges.flat()) expect(Buffer.compare(out!.bytes.subarray(start, end), original.subarray(start, end))).toBe(0);
      if (name !== "trailing.mp4") expect(out!.bytes.length).toBe(original.length);
    }
    // Running it again changes nothing more.
    expect(Buffer.compare(cleanAudioVideo(out!.bytes, kind)!.bytes, out!.bytes)).toBe(0);
  });

  it("drops the bytes appended after the last box", () => {
    const original = avFixture("trailing.mp4");
    expect(stripMp4(original)!.bytes.length).toBe(avFixture("android.mp4").length);
  });

  it("leaves Ogg files with an empty comment header and correct page CRCs", () => {
    for (const name of ["voice.ogg", "vorbis.ogg"]) {
      const out = stripOgg(avFixture(name))!;
      const comment = latin1(oggCommentPacket(out)!);
      // eslint-disable-next-line no-control-regex -- the comment packet's binary header, byte for byte
      expect(comment).toMatch(/^(OpusTags|\x03vorbis)\x07\0\0\0phaodai\0\0\0\0\x01?$/);
      expect(stripOgg(out)).not.toBeNull(); // every page re-parses with its CRC
    }
  });

  it("keeps the audio of an Ogg file byte for byte", () => {
    const original = avFixture("voice.ogg");
    const out = stripOgg(original)!;
    // The last page (audio) is the same apart from its sequence number and CRC.
    const tail = (b: Uint8Array) => b.subarray(b.length - 200);
    expect(latin1(tail(out)).slice(-150)).toBe(latin1(tail(original)).slice(-150));
  });

  it("empties an OpusTags packet that spans pages (cover art in a comment)", () => {
    // Rebuilt from voice.ogg: its ID page, a 600-byte comment packet over two pages, its audio pages.
    const pages = oggPages(avFixture("voice.ogg"));
    const comment = Buffer.from(("METADATA_BLOCK_PICTURE=" + "Nguyen Van Tipster 18.5301 ".repeat(30)).slice(0, 600 - 8 - 4 - 6 - 4 - 4));
    const tags = new Uint8Array([...Buffer.from("OpusTags"), 6, 0, 0, 0, ...Buffer.from("vendor"), 1, 0, 0, 0, comment.length & 255, comment.length >> 8, 0, 0, ...comment]);
    expect(tags.length).toBe(600);
    const head = pages[0]!;
    const rebuilt = [
      head,
      { flags: 0, granule: 0, segments: [255], data: tags.subarray(0, 255) },
      { flags: 1, granule: 0, segments: [255, 90], data: tags.subarray(255) },
      ...pages.slice(2),
    ];
    const ogg = Buffer.concat(rebuilt.map((p, i) => oggPage(p, head.serial, i)));
    expect(latin1(ogg)).toContain("Nguyen Van Tipster");
    const out = stripOgg(ogg)!;
    expect(out).not.toBeNull();
    expect(avMarkersIn(out)).toEqual([]);
    expect(latin1(oggCommentPacket(out)!)).toBe("OpusTags\x07\0\0\0phaodai\0\0\0\0");
    expect(out.length).toBe(stripOgg(avFixture("voice.ogg"))!.length);
    // A continuation flag that lies is refused.
    const lying = Buffer.concat(rebuilt.map((p, i) => oggPage(i === 2 ? { ...p, flags: 0 } : p, head.serial, i)));
    expect(stripOgg(lying)).toBeNull();
  });

  it("refuses an Ogg page with a wrong CRC, and a cut-off last page", () => {
    const broken = new Uint8Array(avFixture("voice.ogg"));
    broken[broken.length - 5]! ^= 0xff;
    expect(stripOgg(broken)).toBeNull();
    const ogg = avFixture("voice.ogg");
    expect(stripOgg(ogg.subarray(0, ogg.length - 10))).toBeNull();
  });

  it("keeps only fmt and data in a WAV file", () => {
    const out = stripWav(avFixture("info.wav"))!;
    expect(latin1(out)).not.toContain("LIST");
    expect(new DataView(out.buffer).getUint32(4, true)).toBe(out.length - 8);
    expect(stripWav(avFixture("info.wav").subarray(0, 100))).toBeNull();
  });

  it("removes ID3v2, ID3v1 and APE tags from MP3, and refuses bytes that are not frames", () => {
    const mp3 = avFixture("tagged.mp3");
    const clean = stripMp3(mp3)!;
    const ape = new Uint8Array(32);
    ape.set(Buffer.from("APETAGEX", "latin1"));
    new DataView(ape.buffer).setUint32(8, 2000, true);
    new DataView(ape.buffer).setUint32(12, 32 + 18, true);
    const withApe = Buffer.concat([clean, Buffer.from("Nguyen Van Tipster", "latin1"), ape]);
    expect(Buffer.compare(stripMp3(withApe)!, clean)).toBe(0);
    expect(stripMp3(Buffer.concat([clean, Buffer.from("Nguyen Van Tipster hidden")]))).toBeNull();
    expect(stripAdts(Buffer.concat([avFixture("voice.aac"), Buffer.from("Nguyen Van Tipster hidden")]))).toBeNull();
  });

  it("walks AMR frames and refuses anything else after the magic line", () => {
    const frame = [0x3c, ...new Array(31).fill(0x11)]; // AMR-NB 12.2 kbit/s: type 7, 31 bytes
    const amr = new Uint8Array([...Buffer.from("#!AMR\n"), ...frame, ...frame]);
    expect(stripAmr(amr)).toEqual(amr);
    expect(cleanAudioVideo(amr, "voice")?.mime).toBe("audio/amr");
    expect(stripAmr(new Uint8Array([...amr, ...Buffer.from("Nguyen")]))).toBeNull();
  });
});

// ---- Ogg pages by hand (the CRC from the module under test is checked against ffmpeg's pages above).

interface RawPage {
  flags: number;
  granule: number;
  serial?: number;
  segments: number[];
  data: Uint8Array;
}
function oggPages(bytes: Uint8Array): Array<RawPage & { serial: number }> {
  const pages: Array<RawPage & { serial: number }> = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 0; at < bytes.length; ) {
    const count = bytes[at + 26]!;
    const segments = [...bytes.subarray(at + 27, at + 27 + count)];
    const size = segments.reduce((n, x) => n + x, 0);
    pages.push({ flags: bytes[at + 5]!, granule: Number(view.getBigUint64(at + 6, true)), serial: view.getUint32(at + 14, true), segments, data: bytes.subarray(at + 27 + count, at + 27 + count + size) });
    at += 27 + count + size;
  }
  return pages;
}
function oggPage(page: RawPage, serial: number, sequence: number): Uint8Array {
  const out = new Uint8Array(27 + page.segments.length + page.data.length);
  const view = new DataView(out.buffer);
  out.set(Buffer.from("OggS"));
  out[5] = page.flags;
  view.setBigUint64(6, BigInt(page.granule), true);
  view.setUint32(14, serial, true);
  view.setUint32(18, sequence, true);
  out[26] = page.segments.length;
  out.set(page.segments, 27);
  out.set(page.data, 27 + page.segments.length);
  view.setUint32(22, oggCrc(out), true);
  return out;
}

// ---- Hand-built ISO-BMFF files for the corners.

const u32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const text = (s: string) => [...Buffer.from(s, "latin1")];
function box(type: string, ...parts: number[][]): number[] {
  const body = parts.flat();
  return [...u32(8 + body.length), ...text(type), ...body];
}
function largeBox(type: string, body: number[]): number[] {
  return [...u32(1), ...text(type), ...u32(0), ...u32(16 + body.length), ...body];
}
const full = (version = 0) => [version, 0, 0, 0];
function track(handler: string, chunkOffset: number, sampleSizes: number[], extra: number[][] = [], selfContained = true): number[] {
  const stbl = box(
    "stbl",
    box("stsd", full(), u32(0)),
    box("stts", full(), u32(0)),
    box("stsc", full(), u32(1), u32(1), u32(sampleSizes.length), u32(1)),
    box("stsz", full(), u32(0), u32(sampleSizes.length), ...sampleSizes.map(u32)),
    box("stco", full(), u32(1), u32(chunkOffset)),
  );
  const minf = box("minf", box("vmhd", full(), new Array(8).fill(0)), box("dinf", box("dref", full(), u32(1), box("url ", [0, 0, 0, selfContained ? 1 : 0], selfContained ? [] : text("file:///sdcard/DCIM/VID_NguyenVanTipster.mp4\0")))), stbl);
  const mdia = box("mdia", box("mdhd", full(), u32(0xaaaaaaaa), u32(0xbbbbbbbb), new Array(12).fill(0)), box("hdlr", full(), u32(0), text(handler), new Array(12).fill(0), text("Nguyen Van Tipster handler\0")), minf);
  return box("trak", box("tkhd", full(), new Array(80).fill(0)), ...extra, mdia);
}

/** A file with moov before mdat, so chunk offsets are known when the moov is built. */
function buildFile(opts: { largeMdat?: boolean; sizeZeroMdat?: boolean; externalRef?: boolean } = {}): { bytes: Uint8Array; video: [number, number]; hidden: [number, number]; meta: [number, number] } {
  const ftyp = box("ftyp", text("isom"), u32(0), text("isom"));
  const xmp = box("uuid", [...Buffer.from("be7acfcb97a942e89c71999491e3afac", "hex")], text("<x:xmpmeta>Nguyen Van Tipster 18.5301</x:xmpmeta>"));
  const udta = box("udta", box("\xa9xyz", [0, 18, 0, 0], text("+18.5301+105.7203/")));
  const trakMeta = box("meta", full(), box("hdlr", full(), u32(0), text("mdir"), new Array(12).fill(0), [0]), box("ilst", text("Nguyen Van Tipster")));
  const free = box("free", text("Nguyen Van Tipster in a free box"));
  const videoSamples = [...text("VIDEO-SAMPLE-1"), ...text("VIDEO-SAMPLE-22")];
  const hiddenBytes = text("Nguyen Van Tipster between samples");
  const metaSample = text("Nguyen Van Tipster 18.5301 timed");
  const mdatPayload = [...videoSamples, ...hiddenBytes, ...metaSample];
  // Two passes: the moov size does not depend on the offsets.
  const moovFor = (base: number) =>
    box(
      "moov",
      box("mvhd", full(), u32(0xcccccccc), u32(0xdddddddd), new Array(88).fill(0)),
      track("vide", base, [14, 15], [xmp, trakMeta], !opts.externalRef),
      track("meta", base + videoSamples.length + hiddenBytes.length, [metaSample.length]),
      udta,
      box("meta", full(), box("keys", text("com.apple.quicktime.author"))),
    );
  const header = opts.largeMdat ? 16 : 8;
  const moovSize = moovFor(0).length;
  const base = ftyp.length + free.length + moovSize + header;
  const moov = moovFor(base);
  const mdat = opts.largeMdat ? largeBox("mdat", mdatPayload) : opts.sizeZeroMdat ? [...u32(0), ...text("mdat"), ...mdatPayload] : box("mdat", mdatPayload);
  const bytes = new Uint8Array([...ftyp, ...free, ...moov, ...mdat]);
  return { bytes, video: [base, base + videoSamples.length], hidden: [base + videoSamples.length, base + videoSamples.length + hiddenBytes.length], meta: [base + videoSamples.length + hiddenBytes.length, base + mdatPayload.length] };
}

describe("hand-built ISO-BMFF corners", () => {
  it.each([
    ["32-bit mdat", {}],
    ["64-bit mdat (size 1)", { largeMdat: true }],
    ["mdat to the end of the file (size 0)", { sizeZeroMdat: true }],
  ] as const)("%s: XMP, trak-level meta, udta/©xyz, moov-level keys, free text and a timed-metadata track all go", (_name, opts) => {
    const file = buildFile(opts);
    expect(mp4Boxes(file.bytes)).not.toBeNull();
    for (const marker of ["Nguyen Van Tipster", "18.5301", XMP_UUID, "\xa9xyz", "keys", "ilst"]) expect(latin1(file.bytes)).toContain(marker);
    const out = stripMp4(file.bytes)!;
    expect(out).not.toBeNull();
    expect(out.bytes.length).toBe(file.bytes.length);
    expect(avMarkersIn(out.bytes)).toEqual([]);
    expect(latin1(out.bytes)).not.toContain("com.apple");
    // The kept track's samples are where the chunk offset says, unchanged; the rest of mdat is zero.
    expect(latin1(out.bytes.subarray(...file.video))).toBe("VIDEO-SAMPLE-1VIDEO-SAMPLE-22");
    expect(mp4SampleRanges(out.bytes)![0]).toEqual([[file.video[0], file.video[0] + 14], [file.video[0] + 14, file.video[1]]]);
    expect(out.bytes.subarray(...file.hidden).every((b) => b === 0)).toBe(true);
    expect(out.bytes.subarray(...file.meta).every((b) => b === 0)).toBe(true);
    // Creation times zeroed.
    expect(latin1(out.bytes)).not.toMatch(/[\xaa-\xdd]{4}/);
    expect(mp4Boxes(out.bytes)).not.toBeNull();
  });

  it("refuses a file whose data lives elsewhere (an external data reference could name a path)", () => {
    expect(stripMp4(buildFile({ externalRef: true }).bytes)).toBeNull();
  });

  it("refuses a chunk offset outside any mdat, a box overrunning its parent, and no moov", () => {
    const file = buildFile();
    const cut = file.bytes.subarray(0, file.video[0] + 3);
    expect(stripMp4(cut)).toBeNull(); // samples no longer inside the file
    const overrun = new Uint8Array(file.bytes);
    const moovAt = latin1(overrun).indexOf("moov") - 4;
    overrun.set(u32(0x7fffffff), moovAt + 8); // mvhd claims more than moov holds
    expect(stripMp4(overrun)).toBeNull();
    expect(stripMp4(new Uint8Array([...box("ftyp", text("isom"), u32(0)), ...box("mdat", text("x"))]))).toBeNull();
  });
});
