// The translation round across channels: a translator on Zalo OA records a Tai Dam bulletin (a voice
// message on Zalo's CDN) and types its text by numbered choices; the reviewers hear it where they
// are — a leader on Telegram in the audio player, an officer on Zalo OA as a file — and the village
// head on Telegram gets the approved recording at the next slot. Real app, real SQLite file, fakes
// of the Telegram Bot API and the Zalo OA API on localhost.
import { avFixture } from "../helpers/av.js";
import { cleanAudioVideo } from "../../src/media/av.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../helpers/harness.js";
import { audioEvent, startFakeZaloOa, type FakeZaloOa, type ZaloUser } from "../helpers/fake-zalo-oa.js";
import { callbackUpdate, startFakeTelegram, type FakeTelegram } from "../helpers/fake-telegram.js";
import { buttonsOf, postAndSettle, registerTelegramStaff, telegramUser, textsTo, tick, toChat, vnTime } from "../helpers/bulletins.js";
import { zaloSay } from "../helpers/zalo-flow.js";

// TEST-ONLY text in the Tai Viet block, not a translation.
const TAI_VIET = "[TEST] \uaa80\uaa81\uaa82 \uaa95\uaab1\uaabe\uaac1 \uaa8d\uaab8\uaa9d";
const M4A = avFixture("tags.m4a");
const M4A_SENT = cleanAudioVideo(M4A, "voice")!.bytes; // as passed on: without its tags

let tg: FakeTelegram;
let oa: FakeZaloOa;
let h: Harness;
const TRANSLATOR: ZaloUser = { id: "6610000000000000001", userIdByApp: "5610000000000000001", displayName: "Lò Văn Dịch Zalo" };
const OFFICER: ZaloUser = { id: "6610000000000000002", userIdByApp: "5610000000000000002", displayName: "Công an xã Zalo" };
const LEADER = telegramUser("Chủ tịch xã Như Xuân");
const HEAD = telegramUser("Trưởng bản Chòm Mốt");

const last = (u: ZaloUser) => oa.textsTo(u.id).at(-1) ?? "";
const numberOf = (text: string, label: string) => new RegExp(`(\\d+)\\. [^\\n]*${label}`).exec(text)?.[1];

beforeAll(async () => {
  [tg, oa] = await Promise.all([startFakeTelegram(), startFakeZaloOa()]);
  h = await createHarness({ telegram: tg, zalo: oa });
  await h.authorizeZalo();
  h.clock.now = vnTime("2026-11-23 05:00"); // a Monday
  await tick(h);
  await zaloSay(h, TRANSLATOR, `/dangky ${await h.invite("translator", { communeCode: "NHUXUAN" }, "Đ/c Lò Văn Dịch")}`);
  await zaloSay(h, OFFICER, `/dangky ${await h.invite("officer", { communeCode: "NHUXUAN" }, "Đ/c Công an (Zalo)")}`);
  await registerTelegramStaff(h, tg, LEADER, "leader", { communeCode: "NHUXUAN" }, "Đ/c Chủ tịch");
  await registerTelegramStaff(h, tg, HEAD, "village_head", { villageCode: "NX-01" }, "Trưởng bản NX-01");
}, 60_000);
afterAll(async () => {
  await h.close();
  await Promise.all([tg.close(), oa.close()]);
});

describe("a recording made on Zalo", () => {
  it("is taken from the translator on Zalo OA with the text, by numbered choices", async () => {
    await zaloSay(h, TRANSLATOR, "/dich");
    await zaloSay(h, TRANSLATOR, numberOf(last(TRANSLATOR), "Tai Dam")!);
    await zaloSay(h, TRANSLATOR, "xong");
    const list = last(TRANSLATOR);
    expect(list).toContain("Bản tiếng Thái (Thái Đen) (Tai Dam): còn");
    await zaloSay(h, TRANSLATOR, "1");
    expect(oa.textsTo(TRANSLATOR.id).join("\n")).toContain("Bản gốc tiếng Việt");
    expect((await h.postZalo(audioEvent(TRANSLATOR, oa.hostMedia(M4A, "audio/mp4")))).status).toBe(200);
    await h.settle();
    expect(last(TRANSLATOR)).toContain("Đã lưu ghi âm");
    await zaloSay(h, TRANSLATOR, TAI_VIET);
    expect(last(TRANSLATOR)).toContain("Đã lưu bản chữ");
    await zaloSay(h, TRANSLATOR, "gửi duyệt");
    expect(last(TRANSLATOR)).toContain("cho 2 cán bộ duyệt");
    const draft = await h.db.bulletinVersion.findFirstOrThrow({ where: { language: "blt", status: "draft" } });
    expect(draft).toMatchObject({ text: TAI_VIET, audioKind: "voice", audioChannel: "zalo" });
  });

  it("reaches the reviewers where they are: Telegram's audio player, a file on Zalo OA", async () => {
    const audio = tg.callsTo("sendAudio").filter(toChat(LEADER.id));
    expect(audio).toHaveLength(1);
    expect(audio[0]!.files.map((f) => [f.filename, f.size])).toEqual([["voice.m4a", M4A.length]]);
    expect(textsTo(tg, LEADER.id).join("\n")).toContain(TAI_VIET);
    const files = oa.messages
      .filter((m) => m.userId === OFFICER.id && m.attachment?.type === "file")
      .map((m) => oa.uploads.find((u) => u.id === (m.attachment!.payload as { token: string }).token)!);
    expect(files.map((f) => [f.name, f.mime])).toEqual([["ban-tin-blt.m4a", "audio/mp4"]]);
    expect(Buffer.compare(files[0]!.bytes, Buffer.from(M4A_SENT))).toBe(0);
  });

  it("is played to the Telegram village head at the next slot once approved", async () => {
    const request = tg.calls.filter((c) => toChat(LEADER.id)(c) && buttonsOf(c).some((b) => b.text === "✅ Duyệt")).at(-1)!;
    await postAndSettle(h, callbackUpdate(buttonsOf(request).find((b) => b.text === "✅ Duyệt")!.callback_data, { user: LEADER }));
    expect(last(TRANSLATOR)).toContain("đã được Đ/c Chủ tịch duyệt");
    h.clock.now = vnTime("2026-11-23 06:30");
    await tick(h);
    const audio = tg.callsTo("sendAudio").filter(toChat(HEAD.id));
    expect(audio).toHaveLength(1);
    expect(audio[0]!.files.map((f) => f.size)).toEqual([M4A.length]);
    expect(String(audio[0]!.payload.caption ?? "") + textsTo(tg, HEAD.id).join("\n")).toContain(TAI_VIET);
  });
});
