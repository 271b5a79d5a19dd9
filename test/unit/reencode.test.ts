// Every picture is decoded and re-encoded (src/media/reencode.ts) or refused: table-driven over
// real files with planted metadata (test/fixtures/images, see its README), and fetchMediaBytes,
// which every sender and sealed link goes through, withholding what cannot be made safe.
import { describe, expect, it } from "vitest";
import { PhotonImage } from "@cf-wasm/photon";
import { imageDimensions, reencodeImage, sniffImage } from "../../src/media/reencode.js";
import { fetchMediaBytes } from "../../src/media/fetch.js";
import { fixture, jpegSegments, plantedIn } from "../helpers/images.js";

/** RGBA pixels of a JPEG, decoded again with photon. */
function decode(bytes: Uint8Array): { width: number; height: number; px: Uint8Array } {
  const image = PhotonImage.new_from_byteslice(bytes);
  try {
    return { width: image.get_width(), height: image.get_height(), px: image.get_raw_pixels() };
  } finally {
    image.free();
  }
}
const pixel = (d: ReturnType<typeof decode>, x: number, y: number) => [...d.px.subarray((y * d.width + x) * 4, (y * d.width + x) * 4 + 3)];
/** Mean absolute difference per channel between two decodes of the same size. */
function difference(a: ReturnType<typeof decode>, b: ReturnType<typeof decode>): number {
  let sum = 0;
  for (let i = 0; i < a.px.length; i++) if (i % 4 !== 3) sum += Math.abs(a.px[i]! - b.px[i]!);
  return sum / ((a.px.length / 4) * 3);
}

const reference = decode(reencodeImage(fixture("gps.jpg"))!.bytes);

describe("re-encoding every picture", () => {
  it.each([
    ["gps.jpg", "EXIF GPS, owner, serial, XMP, IPTC, COM, maker note, bytes after EOI"],
    ["padded.jpg", "fill bytes, EXIF/XMP/IPTC moved after the frame header"],
    ["progressive.jpg", "progressive scans"],
    ["cmyk.jpg", "CMYK with Adobe APP14"],
    ["meta.png", "16-bit PNG with eXIf, tEXt, zTXt, iTXt"],
    ["meta.webp", "lossy WebP with EXIF and XMP chunks"],
    ["lossless.webp", "lossless WebP with EXIF and XMP chunks"],
    ["comment.gif", "GIF with a comment and XMP"],
  ])("%s (%s): a clean JPEG of the same picture", (name) => {
    const original = fixture(name);
    expect(plantedIn(original).length).toBeGreaterThan(0);
    const clean = reencodeImage(original)!;
    expect(clean).not.toBeNull();
    expect(clean.mime).toBe("image/jpeg");
    expect(plantedIn(clean.bytes)).toEqual([]);
    // Nothing but the JFIF header, tables, frame and scan; nothing after the end marker.
    expect(jpegSegments(clean.bytes)).toEqual(["APP0", "SOF0", "DQT", "DQT", "DHT", "DHT", "DHT", "DHT", "SOS"]);
    expect(String.fromCharCode(...clean.bytes.subarray(6, 11))).toBe("JFIF\0");
    expect([...clean.bytes.subarray(-2)]).toEqual([0xff, 0xd9]);
    const again = decode(clean.bytes);
    expect([again.width, again.height, clean.width, clean.height]).toEqual([64, 48, 64, 48]);
    expect(difference(again, reference)).toBeLessThan(12); // colours right (CMYK not inverted), same picture
  });

  it("turns a photo stored sideways upright by its EXIF orientation, then drops the EXIF", () => {
    const clean = reencodeImage(fixture("oriented.jpg"))!;
    expect(plantedIn(clean.bytes)).toEqual([]);
    const d = decode(clean.bytes);
    expect([d.width, d.height]).toEqual([48, 64]);
    // Orientation 6: the stored top (navy) is the upright right side; the stored bottom (orange) the left.
    const [rr, , rb] = pixel(d, 46, 32);
    const [lr, , lb] = pixel(d, 1, 32);
    expect(rb!).toBeGreaterThan(rr!);
    expect(lr!).toBeGreaterThan(lb!);
  });

  it("lays transparency on white (JPEG has none; photon would make it black)", () => {
    const d = decode(reencodeImage(fixture("alpha.png"))!.bytes);
    for (const v of pixel(d, 1, 1)) expect(v).toBeGreaterThan(245);
    const [r, g, b] = pixel(d, 20, 15);
    expect(r!).toBeGreaterThan(170);
    expect(g! + b!).toBeLessThan(60);
  });

  it.each([
    ["photo.heic", "HEIC (photon has no HEIF decoder)"],
    ["heic-header.heic", "an HEIC header and junk"],
    ["truncated.jpg", "a JPEG cut in its scan data"],
    ["garbage.jpg", "junk behind a JPEG frame header"],
    ["bomb.png", "a 74-byte PNG claiming 30000×30000 pixels"],
  ])("%s (%s): refused", (name) => {
    expect(reencodeImage(fixture(name))).toBeNull();
  });

  it("refuses more pixels than the cap on the header alone, and sniffs what it refuses", () => {
    expect(imageDimensions(fixture("bomb.png"))).toEqual({ width: 30000, height: 30000 });
    expect(reencodeImage(fixture("gps.jpg"), { maxPixels: 64 * 48 - 1 })).toBeNull();
    expect(reencodeImage(fixture("gps.jpg"), { maxPixels: 64 * 48 })).not.toBeNull();
    expect(sniffImage(fixture("photo.heic"))).toBe("image/heic");
    expect(imageDimensions(fixture("meta.webp"))).toEqual({ width: 64, height: 48 });
    expect(imageDimensions(fixture("lossless.webp"))).toEqual({ width: 64, height: 48 });
    expect(imageDimensions(fixture("comment.gif"))).toEqual({ width: 64, height: 48 });
    expect(imageDimensions(fixture("padded.jpg"))).toEqual({ width: 64, height: 48 });
  });

  it("keeps working after many refusals and successes (photon images are freed, traps caught)", () => {
    for (let i = 0; i < 50; i++) {
      expect(reencodeImage(fixture("garbage.jpg"))).toBeNull();
      expect(reencodeImage(fixture("meta.webp"))).not.toBeNull();
    }
  });
});

describe("fetchMediaBytes", () => {
  const sources = (bytes: Uint8Array, mime: string) => ({ zalo: async () => ({ bytes, mime }), web: async () => ({ bytes, mime }) });

  it("re-encodes a photo, and a 'document' whose bytes are a picture", async () => {
    for (const kind of ["photo", "document"] as const) {
      const found = await fetchMediaBytes(sources(fixture("padded.jpg"), "application/octet-stream"), { kind, channel: "zalo", fileRef: "x" });
      expect(found && "bytes" in found && found.mime).toBe("image/jpeg");
      expect(plantedIn((found as { bytes: Uint8Array }).bytes)).toEqual([]);
    }
  });

  it("withholds a photo, or anything typed or shaped as a picture, that does not decode", async () => {
    const junk = new Uint8Array(200).fill(7);
    expect(await fetchMediaBytes(sources(junk, "application/octet-stream"), { kind: "photo", channel: "zalo", fileRef: "x" })).toEqual({ withheld: "image" });
    expect(await fetchMediaBytes(sources(junk, "image/jpeg"), { kind: "document", channel: "zalo", fileRef: "x" })).toEqual({ withheld: "image" });
    expect(await fetchMediaBytes(sources(fixture("photo.heic"), "application/octet-stream"), { kind: "document", channel: "zalo", fileRef: "x" })).toEqual({ withheld: "image" });
    expect(await fetchMediaBytes(sources(fixture("truncated.jpg"), "image/jpeg"), { kind: "photo", channel: "web", webUploadId: "3".repeat(32), webLink: { tipId: 3 } })).toEqual({ withheld: "image" });
  });

  it("passes other files, and a report chart the server made (read for its report file), as they are", async () => {
    const pdf = new TextEncoder().encode("%PDF-1.4 report");
    expect(await fetchMediaBytes(sources(pdf, "application/pdf"), { kind: "document", channel: "web", webUploadId: "4".repeat(32), webLink: { reportFileId: 4 }, fileName: "bao-cao.pdf" })).toEqual({ bytes: pdf, mime: "application/pdf" });
    const chart = fixture("alpha.png");
    expect(await fetchMediaBytes(sources(chart, "image/png"), { kind: "photo", channel: "web", webUploadId: "5".repeat(32), webLink: { reportFileId: 5 }, fileName: "bao-cao.png" })).toEqual({ bytes: chart, mime: "image/png" });
    // A name alone makes no report: a picture read for a tip is re-encoded whatever it is called.
    const named = await fetchMediaBytes(sources(chart, "image/png"), { kind: "photo", channel: "web", webUploadId: "6".repeat(32), webLink: { tipId: 6 }, fileName: "bao-cao.png" });
    expect(named && "mime" in named ? named.mime : null).toBe("image/jpeg");
  });
});
