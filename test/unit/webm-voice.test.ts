// A browser's voice recording (MediaRecorder's WebM Opus, test/fixtures/av/chromium-voice.webm
// recorded by Chromium 156) becomes Ogg Opus with nothing but the sound: the recorder's names and
// any tag stay behind, every page parses with its CRC, and the granule position counts the samples.
import { describe, expect, it } from "vitest";
import { cleanAudioVideo } from "../../src/media/av.js";
import { oggCommentPacket, opusPacketSamples, stripOgg } from "../../src/media/ogg.js";
import { webmOpusToOgg } from "../../src/media/webm.js";
import { avFixture } from "../helpers/av.js";

const latin1 = (b: Uint8Array) => Buffer.from(b).toString("latin1");

/** The granule position of the last Ogg page. */
function lastGranule(ogg: Uint8Array): bigint {
  const at = latin1(ogg).lastIndexOf("OggS");
  return new DataView(ogg.buffer, ogg.byteOffset + at + 6, 8).getBigUint64(0, true);
}

describe("WebM voice recordings", () => {
  it("are rewritten as Ogg Opus without the recorder's names", () => {
    const webm = avFixture("chromium-voice.webm");
    expect(latin1(webm)).toContain("Chrome");
    const clean = cleanAudioVideo(webm, "voice");
    expect(clean?.mime).toBe("audio/ogg");
    const ogg = clean!.bytes;
    expect(latin1(ogg.subarray(0, 4))).toBe("OggS");
    expect(latin1(ogg)).not.toContain("Chrome");
    expect(latin1(oggCommentPacket(ogg)!)).toBe("OpusTags\x07\0\0\0phaodai\0\0\0\0");
    // Every page parses and carries a right CRC: the Ogg stripper takes it as it is.
    expect(stripOgg(ogg)).toEqual(ogg);
    // 1.5 s recorded at 48 kHz, in 20 ms packets: the last granule counts them all.
    const seconds = Number(lastGranule(ogg)) / 48_000;
    expect(seconds).toBeGreaterThan(1.3);
    expect(seconds).toBeLessThan(1.7);
  });

  it("leave tags and unknown-size segments behind", () => {
    const webm = avFixture("tagged-voice.webm");
    expect(latin1(webm)).toContain("Nguyen Van Tipster");
    const ogg = webmOpusToOgg(webm);
    expect(ogg).not.toBeNull();
    for (const planted of ["Nguyen Van Tipster", "18.5301", "0912345678", "TITLE"]) expect(latin1(ogg!)).not.toContain(planted);
    expect(ogg).toEqual(webmOpusToOgg(avFixture("chromium-voice.webm")));
  });

  it("refuse what is not one Opus track", () => {
    const webm = avFixture("chromium-voice.webm");
    const renamed = new Uint8Array(webm);
    const at = latin1(renamed).indexOf("A_OPUS");
    renamed.set(Buffer.from("A_VORB"), at);
    expect(webmOpusToOgg(renamed)).toBeNull();
    expect(cleanAudioVideo(renamed, "voice")).toBeNull();
    expect(cleanAudioVideo(webm, "video")).toBeNull(); // WebM video is not handled: withheld
    expect(webmOpusToOgg(webm.subarray(0, 200))).toBeNull(); // cut before any sound
    expect(webmOpusToOgg(Buffer.from("not a recording, Nguyen Van Tipster"))).toBeNull();
  });

  it("count an Opus packet's samples from its TOC byte", () => {
    expect(opusPacketSamples(Uint8Array.of(0xfc))).toBe(960); // CELT 20 ms, one frame
    expect(opusPacketSamples(Uint8Array.of(0x19))).toBe(5760); // SILK 60 ms, two frames (code 1)
    expect(opusPacketSamples(Uint8Array.of(0xfb, 0x03))).toBe(2880); // CELT 20 ms, code 3 with three frames
    expect(opusPacketSamples(Uint8Array.of(0xfb, 0x3f))).toBeNull(); // 63 frames: more than 120 ms
    expect(opusPacketSamples(new Uint8Array(0))).toBeNull();
  });

  it("the MP4 a recorder makes where WebM is not offered passes as audio/mp4; a location string in its data reference does not", () => {
    const m4a = avFixture("chromium-voice.m4a");
    const clean = cleanAudioVideo(m4a, "voice");
    expect(clean?.mime).toBe("audio/mp4");
    const at = latin1(m4a).indexOf("url ");
    const elsewhere = new Uint8Array(m4a);
    elsewhere[at + 8] = "/".charCodeAt(0); // "url " flags 1, then a path instead of the empty string
    expect(cleanAudioVideo(elsewhere, "voice")).toBeNull();
  });
});
