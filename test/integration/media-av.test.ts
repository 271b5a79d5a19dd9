// Videos and recordings from citizens reach officers on every other channel without the metadata
// phones write (filming place, owner's name, tags): a Zalo OA tip read on Telegram and Zalo Bot, a
// Telegram tip read on Zalo OA and Zalo Bot; a damaged video is withheld with a line saying why;
// and nothing planted in the files is left in the database, its WAL or the logs.
import { startChannels, toChat, type Channels } from "../helpers/channels.js";
import { existsSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUBLIC_URL, type Harness } from "../helpers/harness.js";
import { textUpdate, callbackUpdate, videoUpdate, voiceUpdate, audioUpdate, TIPSTER, type FakeTelegram, type TestUser } from "../helpers/fake-telegram.js";
import { ZALO_OFFICER, ZALO_TIPSTER, audioEvent, videoEvent, type FakeZaloOa } from "../helpers/fake-zalo-oa.js";
import { BOT_OFFICER, botUpdate, type FakeZaloBot } from "../helpers/fake-zalo-bot.js";
import { zaloSay } from "../helpers/zalo-flow.js";
import { AV_SECRETS, avFixture, avMarkersIn } from "../helpers/av.js";
import { mp4Boxes, mp4SampleRanges } from "../../src/media/mp4.js";
import { vi } from "../../src/i18n/vi.js";
import { sealMediaLink } from "../../src/media/links.js";

const OFFICER: TestUser = { id: 5_550_888, is_bot: false, first_name: "Lường", last_name: "Văn Sáng", username: "luong_sang_ca", language_code: "vi" };
const WITHHELD = vi.media.withheldFile!;

let c: Channels;
let tg: FakeTelegram;
let zalo: FakeZaloOa;
let bot: FakeZaloBot;
let h: Harness;

beforeAll(async () => {
  c = await startChannels({ zalobot: true });
  ({ tg, zalo, h } = c);
  bot = c.bot!;
});
afterAll(async () => c.close());

const telegram = (update: unknown) => c.telegram(update);
const telegramTexts = (id: number) => c.telegramTexts(id);

/** The media links in what the Zalo Bot officer got, each fetched as a staff member's phone would. */
async function botLinks(): Promise<Response[]> {
  const links = bot.textsTo(BOT_OFFICER.id).flatMap((t) => [...t.matchAll(new RegExp(`${PUBLIC_URL.replace(/\./g, "\\.")}(/media/[A-Za-z0-9._-]+)`, "g"))].map((m) => m[1]!));
  return Promise.all(links.map((path) => h.app.request(path)));
}

/** The file is clean, still parses to its last box, and its samples are the original's bytes. */
function expectCleanMp4(sent: Uint8Array, original: Uint8Array): void {
  expect(avMarkersIn(sent)).toEqual([]);
  expect(mp4Boxes(sent)).not.toBeNull();
  const before = mp4SampleRanges(original)!;
  expect(mp4SampleRanges(sent)).toEqual(before);
  for (const [start, end] of before.flat()) expect(Buffer.compare(sent.subarray(start, end), original.subarray(start, end))).toBe(0);
}

describe("videos and recordings across channels", () => {
  it("registers an officer of Hồng Lộc on each messenger", async () => {
    await telegram(textUpdate(`/start ${await h.invite("officer", { communeCode: "HONGLOC" }, "Đ/c Lường Văn Sáng")}`, { user: OFFICER }));
    await zaloSay(h, ZALO_OFFICER, `/dangky ${await h.invite("officer", { communeCode: "HONGLOC" }, "Đ/c Lò Văn Công An")}`);
    const res = await h.postZaloBot(botUpdate(BOT_OFFICER, { text: `/start ${await h.invite("officer", { communeCode: "HONGLOC" }, "Đ/c Hà Thị Trực")}` }));
    expect(res.status).toBe(200);
    await h.settle();
    expect(telegramTexts(OFFICER.id).join("\n")).toContain("Đăng ký thành công");
    expect(zalo.textsTo(ZALO_OFFICER.id).join("\n")).toContain("Đăng ký thành công");
    expect(bot.textsTo(BOT_OFFICER.id).join("\n")).toContain("Đăng ký thành công");
  });

  it("carries a Zalo tipster's phone video and voice note to Telegram and Zalo Bot without metadata, and withholds a damaged video with a line", async () => {
    const video = avFixture("android.mp4");
    const voice = avFixture("zalo-voice.3gp");
    await zaloSay(h, ZALO_TIPSTER, "/start");
    await zaloSay(h, ZALO_TIPSTER, "Hồng Lộc");
    await zaloSay(h, ZALO_TIPSTER, "1");
    await zaloSay(h, ZALO_TIPSTER, "không rõ thôn/xóm");
    await zaloSay(h, ZALO_TIPSTER, "Người lạ giao hàng ở bến xe lúc chiều tối, có quay video.");
    for (const event of [videoEvent(ZALO_TIPSTER, zalo.hostMedia(video, "video/mp4")), audioEvent(ZALO_TIPSTER, zalo.hostMedia(voice, "audio/mp4")), videoEvent(ZALO_TIPSTER, zalo.hostMedia(avFixture("truncated.mp4"), "video/mp4"))]) {
      expect((await h.postZalo(event)).status).toBe(200);
      await h.settle();
    }
    await zaloSay(h, ZALO_TIPSTER, "1");
    await zaloSay(h, ZALO_TIPSTER, "1");
    expect(zalo.textsTo(ZALO_TIPSTER.id).join("\n")).toMatch(/Mã tiếp nhận của bạn: [A-Z0-9]{4}-[A-Z0-9]{4}/);

    // Telegram: the video re-uploaded clean, the 3GP voice in the audio player, the damaged one explained.
    const sentVideo = tg.callsTo("sendVideo").filter(toChat(OFFICER.id));
    expect(sentVideo).toHaveLength(1);
    expect(sentVideo[0]!.files[0]!.filename).toBe("video.mp4");
    expectCleanMp4(sentVideo[0]!.files[0]!.bytes, video);
    const sentVoice = tg.callsTo("sendAudio").find(toChat(OFFICER.id))!;
    expect(sentVoice.files[0]!.filename).toBe("voice.m4a");
    expectCleanMp4(sentVoice.files[0]!.bytes, voice);
    expect(telegramTexts(OFFICER.id).join("\n")).toContain(`⚠️ Video ${WITHHELD}`);
    expect(telegramTexts(OFFICER.id).join("\n")).toContain("Người lạ giao hàng ở bến xe");

    // Zalo Bot: two links that serve clean files, and the line instead of a third.
    const botTexts = bot.textsTo(BOT_OFFICER.id).join("\n");
    expect(botTexts).toContain(`⚠️ Video ${WITHHELD}`);
    const served = await botLinks();
    expect(served.map((r) => r.status)).toEqual([200, 200]);
    const bodies = await Promise.all(served.map(async (r) => ({ type: r.headers.get("content-type"), bytes: new Uint8Array(await r.arrayBuffer()) })));
    expect(bodies.map((b) => b.type).sort()).toEqual(["audio/mp4", "video/mp4"]);
    for (const body of bodies) expectCleanMp4(body.bytes, body.type === "video/mp4" ? video : voice);

    // The Zalo OA officer (same platform, still re-uploaded by the server) gets clean files too.
    const files = zalo.uploads.filter((u) => u.kind === "file");
    expect(files.map((f) => f.name).sort()).toEqual(["video.mp4", "voice.m4a"]);
    for (const file of files) expect(avMarkersIn(file.bytes)).toEqual([]);
  });

  it("carries a Telegram tipster's video, voice note and audio file to Zalo OA, Zalo Bot and Telegram without metadata", async () => {
    const video = avFixture("iphone.mov");
    tg.setFileContent("BAACvideo", video);
    tg.setFileContent("AwACvoice", avFixture("voice.ogg"));
    tg.setFileContent("CQACaudio", avFixture("tagged.mp3"));
    const uploadsBefore = zalo.uploads.length;
    const botBefore = bot.textsTo(BOT_OFFICER.id).length;
    await c.telegramDraft("Xe máy chở hàng vào nhà kho lúc nửa đêm.");
    await telegram(videoUpdate());
    await telegram(voiceUpdate());
    await telegram(audioUpdate());
    await telegram(callbackUpdate("m:continue"));
    await telegram(callbackUpdate("s:submit"));
    expect(telegramTexts(TIPSTER.id).join("\n")).toMatch(/Mã tiếp nhận của bạn: [A-Z0-9]{4}-[A-Z0-9]{4}/);

    const files = zalo.uploads.slice(uploadsBefore).filter((u) => u.kind === "file");
    expect(files.map((f) => f.name).sort()).toEqual(["audio.mp3", "video.mov", "voice.ogg"]);
    for (const file of files) expect(avMarkersIn(file.bytes), file.name).toEqual([]);
    expectCleanMp4(files.find((f) => f.name === "video.mov")!.bytes, video);
    const ogg = Buffer.from(files.find((f) => f.name === "voice.ogg")!.bytes).toString("latin1");
    expect(ogg).toContain("OpusTags");
    expect(ogg).not.toContain("ARTIST");

    // The Telegram officer too: fetched from Telegram, cleaned, uploaded again (no file id passed on).
    const sent = ["sendVideo", "sendVoice", "sendAudio"].map((m) => tg.callsTo(m).filter(toChat(OFFICER.id)).at(-1)!);
    expect(sent.map((c) => c.files[0]?.filename)).toEqual(["video.mov", "voice.ogg", "audio.mp3"]);
    for (const call of sent) expect(avMarkersIn(call.files[0]!.bytes)).toEqual([]);
    expectCleanMp4(sent[0]!.files[0]!.bytes, video);

    const served = await botLinks();
    const fresh = served.slice(-3);
    expect(bot.textsTo(BOT_OFFICER.id).length).toBeGreaterThan(botBefore);
    expect(fresh.map((r) => r.status)).toEqual([200, 200, 200]);
    for (const r of fresh) expect(avMarkersIn(new Uint8Array(await r.arrayBuffer()))).toEqual([]);
  });

  it("answers a sealed link to a file that cannot be made safe with the line, not the file", async () => {
    const media = { kind: "video" as const, channel: "zalo" as const, fileRef: zalo.hostMedia(avFixture("truncated.mp4"), "video/mp4"), citizen: true };
    const link = new URL(await sealMediaLink(h.keys, PUBLIC_URL, media, h.clock.now, { channel: "zalobot", chatId: BOT_OFFICER.id }));
    const res = await h.app.request(link.pathname);
    expect(res.status).toBe(422);
    expect(await res.text()).toBe(`⚠️ Video ${WITHHELD}`);
    const good = new URL(await sealMediaLink(h.keys, PUBLIC_URL, { ...media, fileRef: zalo.hostMedia(avFixture("android.mp4"), "video/mp4") }, h.clock.now, { channel: "zalobot", chatId: BOT_OFFICER.id }));
    const served = await h.app.request(good.pathname);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-disposition")).toBe('inline; filename="video.mp4"');
    expect(avMarkersIn(new Uint8Array(await served.arrayBuffer()))).toEqual([]);
  });

  it("leaves nothing planted in the files, nor who sent them, in the database, its WAL or the logs", async () => {
    const secrets = [...AV_SECRETS, ZALO_TIPSTER.id, ZALO_TIPSTER.displayName, String(TIPSTER.id), TIPSTER.username!, "VID_LauThiMy", "lau_thi_my"];
    const files = [h.dbPath, `${h.dbPath}-wal`].filter(existsSync);
    const stored = files.map((f) => readFileSync(f)).map((b) => b.toString("utf8") + b.toString("latin1"));
    const logs = h.logs.join("\n");
    for (const secret of secrets) {
      for (const blob of stored) expect(blob.includes(secret), `database holds ${secret}`).toBe(false);
      expect(logs.includes(secret), `logs hold ${secret}`).toBe(false);
    }
  });
});
