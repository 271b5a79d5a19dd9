// Videos, voice notes and audio files without metadata, by what the bytes are (never by the name or
// type a platform claims): MP4/MOV/M4A/3GP (src/media/mp4.ts), Ogg Opus/Vorbis (ogg.ts), MP3,
// ADTS AAC, AMR and WAV (audio.ts); a browser's WebM Opus recording becomes Ogg Opus (webm.ts). Anything else, or anything that does not parse, is null: the
// caller withholds it.
import { stripAdts, stripAmr, stripMp3, stripWav } from "./audio.js";
import { stripMp4 } from "./mp4.js";
import { stripOgg } from "./ogg.js";
import { stripId3 } from "./strip.js";
import { isWebm, webmOpusToOgg } from "./webm.js";

export interface CleanMedia {
  bytes: Uint8Array;
  mime: string;
}

const ascii = (b: Uint8Array, at: number, text: string) => [...text].every((ch, i) => b[at + i] === ch.charCodeAt(0));
const BMFF_FIRST = ["ftyp", "moov", "mdat", "free", "skip", "wide"];

function cleanBmff(bytes: Uint8Array, video: boolean): CleanMedia | null {
  const result = stripMp4(bytes);
  if (!result) return null;
  if (!video) return { bytes: result.bytes, mime: "audio/mp4" };
  const mime = result.brand === "qt  " ? "video/quicktime" : result.brand.startsWith("3g") ? "video/3gpp" : "video/mp4";
  return { bytes: result.bytes, mime };
}

/** A video (kind "video") or a recording (voice, audio) rewritten without metadata, or null. */
export function cleanAudioVideo(bytes: Uint8Array, kind: "video" | "voice" | "audio"): CleanMedia | null {
  if (bytes.length >= 8 && BMFF_FIRST.some((type) => ascii(bytes, 4, type))) return cleanBmff(bytes, kind === "video");
  if (kind === "video") return null; // phones and messengers send MP4/MOV; WebM/Matroska video is not handled
  if (isWebm(bytes)) {
    const out = webmOpusToOgg(bytes);
    return out ? { bytes: out, mime: "audio/ogg" } : null;
  }
  if (ascii(bytes, 0, "OggS")) {
    const out = stripOgg(bytes);
    return out ? { bytes: out, mime: "audio/ogg" } : null;
  }
  if (ascii(bytes, 0, "RIFF")) {
    const out = stripWav(bytes);
    return out ? { bytes: out, mime: "audio/wav" } : null;
  }
  if (ascii(bytes, 0, "#!AMR")) {
    const out = stripAmr(bytes);
    return out ? { bytes: out, mime: "audio/amr" } : null;
  }
  // MP3 or ADTS AAC, perhaps behind ID3 tags: the first frame says which.
  const body = stripId3(bytes);
  if (body[0] === 0xff && body[1] !== undefined && (body[1] & 0xf6) === 0xf0) {
    const out = stripAdts(bytes);
    return out ? { bytes: out, mime: "audio/aac" } : null;
  }
  const out = stripMp3(bytes);
  return out ? { bytes: out, mime: "audio/mpeg" } : null;
}
