// Real video and audio files for tests (test/fixtures/av, see its README): what each one plants
// and how to look for it in bytes that reached an officer.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const DIR = fileURLToPath(new URL("../fixtures/av/", import.meta.url));

export function avFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(DIR + name));
}

/** The XMP packet's uuid box type (BE7ACFCB-97A9-42E8-9C71-999491E3AFAC), as latin1 text. */
export const XMP_UUID = Buffer.from("be7acfcb97a942e89c71999491e3afac", "hex").toString("latin1");

/** Planted words that must appear nowhere: not in the database, its WAL, the logs or what officers get. */
export const AV_SECRETS = ["Nguyen Van Tipster", "18.5301"];

/** Planted in the fixtures: the owner's name, the filming place, a phone number, location and XMP boxes. */
export const AV_MARKERS = ["Nguyen Van Tipster", "18.5301", "0912345678", "\xa9xyz", "loci", "keys", "ilst", XMP_UUID];

/** The planted markers still inside the bytes. */
export function avMarkersIn(bytes: Uint8Array): string[] {
  const text = Buffer.from(bytes).toString("latin1");
  return AV_MARKERS.filter((m) => text.includes(m));
}
