// Small real image files for tests: a JPEG with an EXIF block (GPS position and camera serial in
// clear text, as phones write them) and a PNG with a text chunk.
import { readFileSync } from "node:fs";

export const EXIF_MARKERS = ["GPSLatitude", "SerialNo-7Q4X-PHAODAI", "Vu Thi Dua camera"];

/** A minimal baseline JPEG (1×1) with APP0, an APP1 EXIF segment, a COM segment, and the image data. */
export function jpegWithExif(): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
  const exifText = Buffer.from(`Exif\0\0MM\0*${EXIF_MARKERS.join("\0")}\0`, "latin1");
  const app1 = [0xff, 0xe1, ((exifText.length + 2) >> 8) & 0xff, (exifText.length + 2) & 0xff, ...exifText];
  const comText = Buffer.from("Vu Thi Dua camera", "latin1");
  const com = [0xff, 0xfe, 0x00, comText.length + 2, ...comText];
  // A tiny but well-formed 1×1 grayscale baseline image (DQT, SOF0, DHT, SOS, EOI).
  const dqt = [0xff, 0xdb, 0x00, 0x43, 0x00, ...new Array(64).fill(1)];
  const sof = [0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00];
  const dhtDc = [0xff, 0xc4, 0x00, 0x14, 0x00, 0x01, ...new Array(15).fill(0), 0x00];
  const dhtAc = [0xff, 0xc4, 0x00, 0x14, 0x10, 0x01, ...new Array(15).fill(0), 0x00];
  const sos = [0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0x00, 0xff, 0xd9];
  return new Uint8Array([0xff, 0xd8, ...app0, ...app1, ...com, ...dqt, ...sof, ...dhtDc, ...dhtAc, ...sos]);
}



export function containsText(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes).toString("latin1").includes(text);
}

// Fixtures under test/fixtures/images (see its README): real files with planted markers.
const FIXTURES = new URL("../fixtures/images/", import.meta.url);

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, FIXTURES)));
}

/** What the fixtures plant and no officer may ever receive. */
export const PLANTED = ["Nguyen Van Tipster", "SN-123456789", "GPS-21.028511N", "PhaoDaiCam", "TipsterPhone", "TRAILING-SECRET", "Exif\0\0", "<?xpacket", "http://ns.adobe.com", "MakerNote", "Photoshop 3.0", ...EXIF_MARKERS];

/** Markers among PLANTED that the bytes still carry. */
export function plantedIn(bytes: Uint8Array): string[] {
  return PLANTED.filter((marker) => containsText(bytes, marker));
}

/** The JPEG's segments before the first scan, by marker name (APP0, DQT, SOF0, DHT…). */
export function jpegSegments(bytes: Uint8Array): string[] {
  const names: string[] = [];
  let i = 2;
  while (i + 4 <= bytes.length && bytes[i] === 0xff) {
    const m = bytes[i + 1]!;
    const name = m >= 0xe0 && m <= 0xef ? `APP${m - 0xe0}` : m === 0xfe ? "COM" : m === 0xda ? "SOS" : m === 0xdb ? "DQT" : m === 0xc4 ? "DHT" : m === 0xdd ? "DRI" : m >= 0xc0 && m <= 0xcf ? `SOF${m - 0xc0}` : `0x${m.toString(16)}`;
    names.push(name);
    if (m === 0xda) break;
    i += 2 + ((bytes[i + 2]! << 8) | bytes[i + 3]!);
  }
  return names;
}
