// Byte work on recordings, Web-safe: which audio container the bytes are, and MP3 tags removed.
// Pictures are never stripped by hand: they are decoded and re-encoded (src/media/reencode.ts).

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
