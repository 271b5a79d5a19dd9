// The web chat takes a voice recording (the page's MediaRecorder: WebM Opus) and a phone video
// (MP4/MOV) like the messengers do (issue 16): the server keeps only the sound and pictures (the
// recording becomes Ogg Opus, the video loses its metadata boxes) before anything is stored, an
// officer on Telegram gets the recording as a voice note and the video as a video, and what cannot
// be made safe, or is too large, is refused with a polite line, never a 500.
import { existsSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startChannels, toChat, type Channels } from "../helpers/channels.js";
import { textUpdate, type TestUser } from "../helpers/fake-telegram.js";
import type { WebClient, WebMessage } from "../helpers/harness.js";
import { avFixture, avMarkersIn } from "../helpers/av.js";
import { mp4SampleRanges } from "../../src/media/mp4.js";
import { oggCommentPacket } from "../../src/media/ogg.js";
import { viWeb } from "../../src/i18n/vi-web.js";

const OFFICER: TestUser = { id: 5_550_916, is_bot: false, first_name: "Vàng", last_name: "A Dình", username: "vang_dinh_ca", language_code: "vi" };
const latin1 = (b: Uint8Array) => Buffer.from(b).toString("latin1");
const texts = (messages: WebMessage[]) => messages.map((m) => m.text).join("\n");

let c: Channels;

beforeAll(async () => {
  c = await startChannels();
  await c.telegram(textUpdate(`/start ${await c.h.invite("officer", { communeCode: "HONGLOC" }, "Đ/c Vàng A Dình")}`, { user: OFFICER }));
  expect(c.telegramTexts(OFFICER.id).join("\n")).toContain("Đăng ký thành công");
});
afterAll(async () => c.close());

async function step<T>(action: () => Promise<T>): Promise<T> {
  c.h.clock.advanceMinutes(0.05);
  return action();
}

async function upload(client: WebClient, body: Record<string, unknown>): Promise<Response> {
  c.h.clock.advanceMinutes(0.05);
  return c.h.app.request("/webchat/api/upload", { method: "POST", headers: await client.headers(), body: JSON.stringify({ token: client.token, ...body }) });
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

describe("voice and video from the web chat", () => {
  it("reach a Telegram officer as a voice note and a video, with nothing but the sound and pictures", async () => {
    const citizen = c.h.web();
    await step(() => citizen.say("/start"));
    await step(() => citizen.say("Hồng Lộc"));
    await step(() => citizen.press("Điểm, người bán lẻ ma túy"));
    await step(() => citizen.press("Không rõ thôn/xóm"));
    await step(() => citizen.say("Tối qua có người giao hàng ở bãi sông, tôi ghi âm lại lời họ nói."));

    const voiceRes = await upload(citizen, { kind: "voice", dataBase64: base64(avFixture("tagged-voice.webm")) });
    expect(voiceRes.status).toBe(200);
    const voiceId = ((await voiceRes.json()) as { uploadId: string }).uploadId;
    // What is stored is already the clean Ogg: the WebM never reaches the database.
    const stored = await c.h.db.webUpload.findUniqueOrThrow({ where: { publicId: voiceId } });
    expect(stored.mime).toBe("audio/ogg");
    expect(latin1(stored.bytes!).startsWith("OggS")).toBe(true);
    const afterVoice = await step(() => citizen.send({ uploadId: voiceId }).then(() => citizen.read()));
    expect(texts(afterVoice)).toContain("Đã nhận 1 tin nhắn thoại");

    const video = avFixture("android.mp4");
    const videoRes = await upload(citizen, { kind: "video", dataBase64: base64(video) });
    expect(videoRes.status).toBe(200);
    const videoId = ((await videoRes.json()) as { uploadId: string }).uploadId;
    const afterVideo = await step(() => citizen.send({ uploadId: videoId }).then(() => citizen.read()));
    expect(texts(afterVideo)).toMatch(/Đã nhận 1 video và 1 tin nhắn thoại|Đã nhận 1 tin nhắn thoại và 1 video/);

    await step(() => citizen.press("m:continue"));
    const sent = await step(() => citizen.press("s:submit"));
    expect(texts(sent)).toMatch(/Mã tiếp nhận của bạn: [A-Z0-9]{4}-[A-Z0-9]{4}/);
    await c.h.settle();

    const voices = c.tg.callsTo("sendVoice").filter(toChat(OFFICER.id));
    expect(voices).toHaveLength(1);
    const voice = voices[0]!.files[0]!.bytes;
    expect(latin1(voice.subarray(0, 4))).toBe("OggS");
    for (const planted of ["Nguyen Van Tipster", "18.5301", "0912345678", "Chrome", "TITLE"]) expect(latin1(voice)).not.toContain(planted);
    expect(latin1(oggCommentPacket(voice)!)).toBe("OpusTags\x07\0\0\0phaodai\0\0\0\0");

    const videos = c.tg.callsTo("sendVideo").filter(toChat(OFFICER.id));
    expect(videos).toHaveLength(1);
    const sentVideo = videos[0]!.files[0]!.bytes;
    expect(avMarkersIn(sentVideo)).toEqual([]);
    expect(mp4SampleRanges(sentVideo)).toEqual(mp4SampleRanges(video));
    expect(c.telegramTexts(OFFICER.id).join("\n")).toContain("Tối qua có người giao hàng ở bãi sông");
  });

  it("takes a recording as the description at step 4, as the step says", async () => {
    const citizen = c.h.web();
    await step(() => citizen.say("/start"));
    await step(() => citizen.say("Hồng Lộc"));
    await step(() => citizen.press("Điểm, người bán lẻ ma túy"));
    const asked = await step(() => citizen.press("Không rõ thôn/xóm"));
    expect(texts(asked)).toContain("🎤 Ghi âm");
    const before = c.tg.callsTo("sendVoice").filter(toChat(OFFICER.id)).length;
    const res = await upload(citizen, { kind: "voice", dataBase64: base64(avFixture("chromium-voice.webm")) });
    const id = ((await res.json()) as { uploadId: string }).uploadId;
    const next = await step(() => citizen.send({ uploadId: id }).then(() => citizen.read()));
    expect(texts(next)).toContain("Bước 5/5");
    const summary = await step(() => citizen.press("m:continue"));
    expect(texts(summary)).toContain("(tin nhắn thoại)");
    await step(() => citizen.press("s:submit"));
    await c.h.settle();
    expect(c.tg.callsTo("sendVoice").filter(toChat(OFFICER.id))).toHaveLength(before + 1);
  });

  it("refuses a recording or video it cannot clean, or one too large, with a line saying what to do", async () => {
    const citizen = c.h.web();
    await step(() => citizen.say("/start"));
    const cases: [Record<string, unknown>, number, string][] = [
      [{ kind: "voice", dataBase64: base64(Buffer.from("not a recording at all, Nguyen Van Tipster")) }, 422, viWeb.server.unsafeVoice],
      [{ kind: "video", dataBase64: base64(avFixture("chromium-voice.webm")) }, 422, viWeb.server.unsafeVideo], // WebM video: not handled, refused
      [{ kind: "video", dataBase64: base64(avFixture("truncated.mp4")) }, 422, viWeb.server.unsafeVideo],
      [{ kind: "voice", dataBase64: base64(new Uint8Array(2 * 1024 * 1024 + 10)) }, 413, viWeb.server.voiceTooLarge],
      [{ kind: "video", dataBase64: base64(new Uint8Array(10 * 1024 * 1024 + 10)) }, 413, viWeb.server.videoTooLarge("10")],
      [{ kind: "voice", dataBase64: "%%%%not base64%%%%" }, 400, viWeb.server.badRecording],
      [{ kind: "sticker", dataBase64: "AAAAAAAAAA" }, 400, viWeb.server.badUpload],
    ];
    for (const [body, status, line] of cases) {
      const res = await upload(citizen, body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      expect(((await res.json()) as { error: string }).error).toBe(line);
    }
    // A body far over any limit is stopped before it is read.
    const huge = await upload(citizen, { kind: "video", dataBase64: "A".repeat(15 * 1024 * 1024) });
    expect(huge.status).toBe(413);
  });

  it("leaves nothing planted in the recording in the database, its WAL or the logs", async () => {
    await c.h.settle();
    for (const file of [c.h.dbPath, `${c.h.dbPath}-wal`].filter(existsSync)) {
      const bytes = readFileSync(file).toString("latin1");
      for (const planted of ["Nguyen Van Tipster 18.5301", "ChromeWA"]) expect(bytes.includes(planted), `${file} holds ${planted}`).toBe(false);
    }
    expect(c.h.logs.join("\n")).not.toContain("Nguyen Van Tipster");
  });
});
