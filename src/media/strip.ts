// Removes metadata that could identify a sender (EXIF with GPS and camera serials, XMP, IPTC,
// comments, text chunks) from JPEG and PNG bytes without re-encoding the picture. Pure byte work,
// Web-safe. Other formats are returned as they are (callers decide whether to send them).

/** JPEG: keeps SOI, APP0 (JFIF), APP14 (Adobe colour transform) and everything from the first frame on. */
export function stripJpeg(bytes: Uint8Array): Uint8Array {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return bytes;
  const out: Uint8Array[] = [bytes.subarray(0, 2)];
  let i = 2;
  let reachedImage = false;
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== 0xff) return bytes; // not a well-formed stream: leave it to the caller
    const marker = bytes[i + 1]!;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker === 0xda || (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)) {
      out.push(bytes.subarray(i)); // frame header or scan: image data from here
      reachedImage = true;
      break;
    }
    const length = (bytes[i + 2]! << 8) | bytes[i + 3]!;
    if (length < 2 || i + 2 + length > bytes.length) return bytes;
    const segment = bytes.subarray(i, i + 2 + length);
    const isApp = marker >= 0xe0 && marker <= 0xef;
    const keep = !(isApp && marker !== 0xe0 && marker !== 0xee) && marker !== 0xfe; // drop APP1–13, APP15, COM
    if (keep) out.push(segment);
    i += 2 + length;
  }
  if (!reachedImage) return bytes;
  const size = out.reduce((n, part) => n + part.length, 0);
  const result = new Uint8Array(size);
  let at = 0;
  for (const part of out) {
    result.set(part, at);
    at += part.length;
  }
  return result;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_DROP = new Set(["tEXt", "zTXt", "iTXt", "eXIf", "tIME"]);

/** PNG: drops text, EXIF and time chunks. */
export function stripPng(bytes: Uint8Array): Uint8Array {
  if (bytes.length < 8 || !PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return bytes;
  const parts: Uint8Array[] = [bytes.subarray(0, 8)];
  let i = 8;
  while (i + 12 <= bytes.length) {
    const length = ((bytes[i]! << 24) >>> 0) + (bytes[i + 1]! << 16) + (bytes[i + 2]! << 8) + bytes[i + 3]!;
    const type = String.fromCharCode(bytes[i + 4]!, bytes[i + 5]!, bytes[i + 6]!, bytes[i + 7]!);
    const end = i + 12 + length;
    if (end > bytes.length) return bytes;
    if (!PNG_DROP.has(type)) parts.push(bytes.subarray(i, end));
    i = end;
    if (type === "IEND") break;
  }
  const result = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    result.set(p, at);
    at += p.length;
  }
  return result;
}

/** Sniffs the image type from its first bytes. */
export function sniffImage(bytes: Uint8Array): "image/jpeg" | "image/png" | "image/webp" | "image/gif" | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return "image/jpeg";
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return "image/png";
  if (bytes[0] === 0x52 && bytes[1] === 0x49 && bytes[8] === 0x57 && bytes[9] === 0x45) return "image/webp";
  if (bytes[0] === 0x47 && bytes[1] === 0x49 && bytes[2] === 0x46) return "image/gif";
  return null;
}

/** Strips what can be stripped by type. */
export function stripMetadata(bytes: Uint8Array): Uint8Array {
  const type = sniffImage(bytes);
  if (type === "image/jpeg") return stripJpeg(bytes);
  if (type === "image/png") return stripPng(bytes);
  return bytes;
}

/** Sniffs common audio containers from their first bytes (Telegram serves files as octet-stream). */
export function sniffAudio(bytes: Uint8Array): "audio/ogg" | "audio/mpeg" | "audio/mp4" | "audio/aac" | "audio/amr" | "audio/wav" | null {
  const ascii = (at: number, text: string) => [...text].every((ch, i) => bytes[at + i] === ch.charCodeAt(0));
  if (ascii(0, "OggS")) return "audio/ogg";
  if (ascii(0, "ID3")) return "audio/mpeg";
  if (ascii(4, "ftyp")) return "audio/mp4";
  if (ascii(0, "#!AMR")) return "audio/amr";
  if (ascii(0, "RIFF") && ascii(8, "WAVE")) return "audio/wav";
  if (bytes[0] === 0xff && bytes[1] !== undefined) {
    if ((bytes[1] & 0xf6) === 0xf0) return "audio/aac"; // ADTS: sync 12 bits, layer 00
    if ((bytes[1] & 0xe0) === 0xe0 && (bytes[1] & 0x06) !== 0) return "audio/mpeg"; // MPEG audio frame sync, layer I–III
  }
  return null;
}

/**
 * MP3: drops ID3v2 tags at the start and an ID3v1 tag at the end (titles, artists, comments: a
 * name or a phone's owner can hide there). The audio frames are left as they are.
 */
export function stripId3(bytes: Uint8Array): Uint8Array {
  let start = 0;
  // Several ID3v2 tags may follow one another.
  while (start + 10 <= bytes.length && bytes[start] === 0x49 && bytes[start + 1] === 0x44 && bytes[start + 2] === 0x33) {
    const sizeBytes = bytes.subarray(start + 6, start + 10);
    if (sizeBytes.some((b) => b >= 0x80)) return bytes; // not a synchsafe size: not a tag we understand
    const size = (sizeBytes[0]! << 21) | (sizeBytes[1]! << 14) | (sizeBytes[2]! << 7) | sizeBytes[3]!;
    const footer = (bytes[start + 5]! & 0x10) !== 0 ? 10 : 0;
    const next = start + 10 + size + footer;
    if (next > bytes.length) return bytes;
    start = next;
  }
  let end = bytes.length;
  if (end - start >= 128 && bytes[end - 128] === 0x54 && bytes[end - 127] === 0x41 && bytes[end - 126] === 0x47) end -= 128; // "TAG"
  return start === 0 && end === bytes.length ? bytes : bytes.subarray(start, end);
}
