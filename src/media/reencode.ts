// Every picture is decoded and encoded again on the server before anyone sees it: only pixels
// survive, so no EXIF (GPS, serials, owner), XMP, IPTC, ICC, comments, maker notes or trailing
// bytes can ride along, whatever the file's layout. Photon (Rust's `image` crate compiled to
// WebAssembly, @cf-wasm/photon) runs the same on Node and in workerd. Fails closed: anything that
// cannot be decoded gives null, and the caller withholds it.
import { PhotonImage } from "@cf-wasm/photon";

export type ImageType = "image/jpeg" | "image/png" | "image/webp" | "image/gif";

/** What the bytes are, by signature: the four formats we decode, or a picture format we refuse. */
export function sniffImage(bytes: Uint8Array): ImageType | "image/heic" | "image/avif" | "image/tiff" | "image/bmp" | null {
  const ascii = (at: number, text: string) => [...text].every((ch, i) => bytes[at + i] === ch.charCodeAt(0));
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (bytes[0] === 0x89 && ascii(1, "PNG\r\n\x1a\n")) return "image/png";
  if (ascii(0, "RIFF") && ascii(8, "WEBP")) return "image/webp";
  if (ascii(0, "GIF87a") || ascii(0, "GIF89a")) return "image/gif";
  if (ascii(4, "ftyp")) {
    const brand = String.fromCharCode(...bytes.subarray(8, 12));
    if (["avif", "avis"].includes(brand)) return "image/avif";
    if (["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"].includes(brand)) return "image/heic";
  }
  if (ascii(0, "II*\0") || ascii(0, "MM\0*")) return "image/tiff";
  if (ascii(0, "BM") && bytes.length > 26 && bytes[14]! >= 12 && bytes[15] === 0 && bytes[16] === 0 && bytes[17] === 0) return "image/bmp";
  return null;
}

/**
 * The largest picture decoded, in pixels. Photon holds the decoded picture about three times over
 * (decoder output, RGBA copy, encoder input): roughly 15 bytes a pixel at the peak, and WebAssembly
 * memory never shrinks. 25 MP covers 12–24 MP phone and camera photos on Node (~375 MB peak); a
 * Worker has 128 MB in all, so there 6 MP (Telegram and Zalo send photos at most 2560 px wide, the
 * web chat at most 1600 px). Larger pictures are refused, never decoded: a tiny file can claim
 * 30000×30000 pixels, and the cap is checked on the header before photon sees a byte.
 */
export const MAX_PIXELS = 25_000_000;
export const MAX_PIXELS_WORKERS = 6_000_000;
const onWorkers = typeof navigator !== "undefined" && navigator.userAgent === "Cloudflare-Workers";

export const JPEG_QUALITY = 85;

export interface Dimensions {
  width: number;
  height: number;
}

const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u16le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u24le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);
const u32be = (b: Uint8Array, i: number) => ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;

/** JPEG: the frame header's size, walking segments (fill bytes allowed) up to the first scan. */
function jpegDimensions(b: Uint8Array): Dimensions | null {
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return null; // a scan or the end before any frame
    const length = u16be(b, i + 2);
    if (length < 2) return null;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (i + 9 > b.length) return null;
      return { height: u16be(b, i + 5), width: u16be(b, i + 7) };
    }
    i += 2 + length;
  }
  return null;
}

/** GIF: the logical screen and the first frame (a frame may claim more than the screen). */
function gifDimensions(b: Uint8Array): Dimensions | null {
  if (b.length < 13) return null;
  let width = u16le(b, 6);
  let height = u16le(b, 8);
  let i = 13 + (b[10]! & 0x80 ? 3 * (2 << (b[10]! & 7)) : 0);
  while (i < b.length) {
    if (b[i] === 0x2c) {
      if (i + 9 > b.length) return null;
      width = Math.max(width, u16le(b, i + 1) + u16le(b, i + 5));
      height = Math.max(height, u16le(b, i + 3) + u16le(b, i + 7));
      return { width, height };
    }
    if (b[i] !== 0x21) return null;
    i += 2; // extension introducer and label, then sub-blocks
    while (i < b.length && b[i] !== 0) i += b[i]! + 1;
    i += 1;
  }
  return null;
}

function webpDimensions(b: Uint8Array): Dimensions | null {
  if (b.length < 30) return null;
  const chunk = String.fromCharCode(...b.subarray(12, 16));
  if (chunk === "VP8X") return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  if (chunk === "VP8 " && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a) return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  if (chunk === "VP8L" && b[20] === 0x2f) {
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  return null;
}

/** The picture's size as its header states it, without decoding; null for anything we do not decode. */
export function imageDimensions(bytes: Uint8Array): Dimensions | null {
  const type = sniffImage(bytes);
  if (type === "image/jpeg") return jpegDimensions(bytes);
  if (type === "image/png") return bytes.length >= 24 && String.fromCharCode(...bytes.subarray(12, 16)) === "IHDR" ? { width: u32be(bytes, 16), height: u32be(bytes, 20) } : null;
  if (type === "image/gif") return gifDimensions(bytes);
  if (type === "image/webp") return webpDimensions(bytes);
  return null;
}

/**
 * The EXIF orientation of a JPEG (1–8), so a phone photo stored sideways is turned upright before
 * its EXIF goes: only the first APP1 "Exif" segment is read, and anything odd means "as stored".
 */
export function jpegOrientation(b: Uint8Array): number {
  let i = 2;
  while (i + 4 <= b.length && b[i] === 0xff) {
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return 1;
    const length = u16be(b, i + 2);
    if (length < 2) return 1;
    if (marker === 0xe1 && length > 16 && String.fromCharCode(...b.subarray(i + 4, i + 10)) === "Exif\0\0") {
      const tiff = i + 10;
      const end = Math.min(b.length, i + 2 + length);
      const little = b[tiff] === 0x49 && b[tiff + 1] === 0x49;
      if (!little && !(b[tiff] === 0x4d && b[tiff + 1] === 0x4d)) return 1;
      const r16 = (at: number) => (little ? u16le(b, at) : u16be(b, at));
      const r32 = (at: number) => (little ? (u16le(b, at) | (u16le(b, at + 2) << 16)) >>> 0 : u32be(b, at));
      if (tiff + 8 > end) return 1;
      const ifd = tiff + r32(tiff + 4);
      if (ifd + 2 > end) return 1;
      const count = r16(ifd);
      for (let k = 0; k < count; k++) {
        const entry = ifd + 2 + k * 12;
        if (entry + 12 > end) return 1;
        if (r16(entry) === 0x0112) {
          const value = r16(entry + 8);
          return value >= 1 && value <= 8 ? value : 1;
        }
      }
      return 1;
    }
    i += 2 + length;
  }
  return 1;
}

/** RGBA pixels turned as EXIF orientation `o` says (2–8), and the new size. */
function orient(px: Uint8Array, w: number, h: number, o: number): { pixels: Uint8Array; width: number; height: number } {
  const swap = o >= 5;
  const width = swap ? h : w;
  const height = swap ? w : h;
  const out = new Uint8Array(px.length);
  const src = new Uint32Array(px.buffer, px.byteOffset, w * h);
  const dst = new Uint32Array(out.buffer, 0, w * h);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Where in the stored picture the upright picture's (x, y) comes from.
      let sx: number, sy: number;
      switch (o) {
        case 2: sx = w - 1 - x; sy = y; break;
        case 3: sx = w - 1 - x; sy = h - 1 - y; break;
        case 4: sx = x; sy = h - 1 - y; break;
        case 5: sx = y; sy = x; break;
        case 6: sx = y; sy = h - 1 - x; break;
        case 7: sx = w - 1 - y; sy = h - 1 - x; break;
        default: sx = w - 1 - y; sy = x; break; // 8
      }
      dst[y * width + x] = src[sy * w + sx]!;
    }
  }
  return { pixels: out, width, height };
}

/** Transparent parts laid on white (JPEG has no alpha; photon would make them black). */
function onWhite(px: Uint8Array): boolean {
  let changed = false;
  for (let i = 3; i < px.length; i += 4) {
    const a = px[i]!;
    if (a === 255) continue;
    changed = true;
    const keep = a / 255;
    const white = 255 * (1 - a / 255);
    px[i - 3] = Math.round(px[i - 3]! * keep + white);
    px[i - 2] = Math.round(px[i - 2]! * keep + white);
    px[i - 1] = Math.round(px[i - 1]! * keep + white);
    px[i] = 255;
  }
  return changed;
}

export interface CleanImage {
  bytes: Uint8Array;
  mime: "image/jpeg";
  width: number;
  height: number;
}

/**
 * Decodes a JPEG (baseline, progressive, CMYK), PNG, WebP or GIF (first frame) and encodes the
 * pixels as a new JPEG (quality 85: one type every platform takes as a photo; a PNG screenshot
 * loses a little crispness, transparency goes white). Null when the bytes are not one of those
 * formats, claim more than the pixel cap, or do not decode: the caller must withhold the file.
 */
export function reencodeImage(bytes: Uint8Array, opts: { maxPixels?: number } = {}): CleanImage | null {
  const type = sniffImage(bytes);
  if (type !== "image/jpeg" && type !== "image/png" && type !== "image/webp" && type !== "image/gif") return null;
  const claimed = imageDimensions(bytes);
  const cap = opts.maxPixels ?? (onWorkers ? MAX_PIXELS_WORKERS : MAX_PIXELS);
  if (!claimed || claimed.width < 1 || claimed.height < 1 || claimed.width * claimed.height > cap) return null;
  const orientation = type === "image/jpeg" ? jpegOrientation(bytes) : 1;
  let image: PhotonImage | null = null;
  let rebuilt: PhotonImage | null = null;
  try {
    // Photon panics (a WebAssembly trap) on a file it cannot read: caught here, refused.
    image = PhotonImage.new_from_byteslice(bytes);
    let width = image.get_width();
    let height = image.get_height();
    if (width < 1 || height < 1 || width * height > cap) return null;
    let target = image;
    if (orientation !== 1 || type !== "image/jpeg") {
      let pixels = image.get_raw_pixels();
      const flattened = type !== "image/jpeg" && onWhite(pixels);
      if (orientation !== 1) ({ pixels, width, height } = orient(pixels, width, height, orientation));
      if (flattened || orientation !== 1) {
        rebuilt = new PhotonImage(pixels, width, height);
        target = rebuilt;
      }
    }
    const out = target.get_bytes_jpeg(JPEG_QUALITY);
    return out.length > 0 ? { bytes: out, mime: "image/jpeg", width, height } : null;
  } catch {
    return null;
  } finally {
    rebuilt?.free();
    image?.free();
  }
}
