// The translation round across channels: a translator on Zalo OA records a Tai Dam bulletin (a voice
// message on Zalo's CDN) and types its text by numbered choices; the commune's two other Tai Dam
// translators hear it where they are — one on Telegram in the audio player, one on Zalo OA as a
// file — and the one on Zalo approves it by typing its number; the leader on Telegram is told who
// reviewed it, and the village head on Telegram gets the approved recording at the next slot. Real
// app, real SQLite file, fakes of the Telegram Bot API and the Zalo OA API on localhost.
import { avFixture } from "../helpers/av.js";
import { cleanAudioVideo } from "../../src/media/av.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../helpers/harness.js";
import { audioEvent, startFakeZaloOa, type FakeZaloOa, type ZaloUser } from "../helpers/fake-zalo-oa.js";
import { startFakeTelegram, type FakeTelegram } from "../helpers/fake-telegram.js";
import { registerTelegramStaff, telegramUser, textsTo, tick, toChat, vnTime } from "../helpers/bulletins.js";
import { zaloSay } from "../helpers/zalo-flow.js";
import { setTranslatorLanguages } from "../../src/bulletins/translations.js";

// TEST-ONLY text in the Tai Viet block, not a translation.
const TAI_VIET = "[TEST] \uaa80\uaa81\uaa82 \uaa95\uaab1\uaabe\uaac1 \uaa8d\uaab8\uaa9d";
const M4A = avFixture("tags.m4a");
const M4A_SENT = cleanAudioVideo(M4A, "voice")!.bytes; // as passed on: without its tags

let tg: FakeTelegram;
let oa: FakeZaloOa;
let h: Harness;
const TRANSLATOR: ZaloUser = { id: "6610000000000000001", userIdByApp: "5610000000000000001", displayName: "Lò Văn Dịch Zalo" };
const REVIEWER: ZaloUser = { id: "6610000000000000002", userIdByApp: "5610000000000000002", displayName: "Người duyệt Zalo" };
const OFFICER: ZaloUser = { id: "6610000000000000003", userIdByApp: "5610000000000000003", displayName: "Công an xã Zalo" };
const LEADER = telegramUser("Chủ tịch xã Như Xuân");
const TG_REVIEWER = telegramUser("Biên dịch Tai Dam Telegram");
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
  await zaloSay(h, REVIEWER, `/dangky ${await h.invite("translator", { communeCode: "NHUXUAN" }, "Đ/c Vi Thị Duyệt")}`);
  await zaloSay(h, OFFICER, `/dangky ${await h.invite("officer", { communeCode: "NHUXUAN" }, "Đ/c Công an (Zalo)")}`);
  await registerTelegramStaff(h, tg, LEADER, "leader", { communeCode: "NHUXUAN" }, "Đ/c Chủ tịch");
  const tgReviewer = await registerTelegramStaff(h, tg, TG_REVIEWER, "translator", { communeCode: "NHUXUAN" }, "Đ/c Hà Văn Nghe");
  await setTranslatorLanguages(h.db, tgReviewer.id, ["blt"], h.clock.now);
  // The Zalo reviewer chooses Tai Dam by numbered choices, as a translator does.
  await zaloSay(h, REVIEWER, "/dich");
  await zaloSay(h, REVIEWER, numberOf(last(REVIEWER), "Tai Dam")!);
  await zaloSay(h, REVIEWER, "xong");
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
    // 1 is the posters' words (src/bulletins/poster-text.ts), first for every translator; 2 is what the next slot airs.
    expect(list).toMatch(/1\. [^\n]*Lời trên áp phích/);
    await zaloSay(h, TRANSLATOR, "2");
    expect(oa.textsTo(TRANSLATOR.id).join("\n")).toContain("Bản gốc tiếng Việt");
    expect((await h.postZalo(audioEvent(TRANSLATOR, oa.hostMedia(M4A, "audio/mp4")))).status).toBe(200);
    await h.settle();
    expect(last(TRANSLATOR)).toContain("Đã lưu ghi âm");
    await zaloSay(h, TRANSLATOR, TAI_VIET);
    expect(last(TRANSLATOR)).toContain("Đã lưu bản chữ");
    await zaloSay(h, TRANSLATOR, "gửi duyệt");
    expect(last(TRANSLATOR)).toContain("cho 2 biên dịch viên tiếng Thái (Thái Đen) (Tai Dam) khác trong xã duyệt");
    const draft = await h.db.bulletinVersion.findFirstOrThrow({ where: { language: "blt", status: "draft" } });
    expect(draft).toMatchObject({ text: TAI_VIET, audioKind: "voice", audioChannel: "zalo" });
  });

  it("reaches the second translators where they are: Telegram's audio player, a file on Zalo OA; not the leader or officer", async () => {
    const audio = tg.callsTo("sendAudio").filter(toChat(TG_REVIEWER.id));
    expect(audio).toHaveLength(1);
    expect(audio[0]!.files.map((f) => [f.filename, f.size])).toEqual([["voice.m4a", M4A.length]]);
    expect(textsTo(tg, TG_REVIEWER.id).join("\n")).toContain(TAI_VIET);
    const files = oa.messages
      .filter((m) => m.userId === REVIEWER.id && m.attachment?.type === "file")
      .map((m) => oa.uploads.find((u) => u.id === (m.attachment!.payload as { token: string }).token)!);
    expect(files.map((f) => [f.name, f.mime])).toEqual([["ban-tin-blt.m4a", "audio/mp4"]]);
    expect(Buffer.compare(files[0]!.bytes, Buffer.from(M4A_SENT))).toBe(0);
    expect(tg.callsTo("sendAudio").some(toChat(LEADER.id))).toBe(false);
    expect(oa.messages.some((m) => m.userId === OFFICER.id && m.attachment?.type === "file")).toBe(false);
    expect(oa.textsTo(OFFICER.id).join("\n")).not.toContain("Bản dịch cần đồng chí duyệt");
  });

  it("is approved on Zalo by typing the number of Duyệt; the leader is told by whom; the village head on Telegram gets it at the next slot", async () => {
    const request = oa.textsTo(REVIEWER.id).filter((x) => x.includes("Duyệt")).at(-1)!;
    await zaloSay(h, REVIEWER, numberOf(request, "Duyệt")!);
    expect(last(REVIEWER)).toContain("Đã duyệt bản tiếng Thái (Thái Đen) (Tai Dam)");
    expect(last(TRANSLATOR)).toContain("đã được Đ/c Vi Thị Duyệt duyệt");
    expect(textsTo(tg, LEADER.id).at(-1)).toContain("(do Đ/c Lò Văn Dịch dịch) đã được Đ/c Vi Thị Duyệt, biên dịch viên đọc được tiếng này của xã, duyệt");
    expect(await h.db.bulletinVersion.count({ where: { language: "blt", status: "approved" } })).toBe(1);
    h.clock.now = vnTime("2026-11-23 06:30");
    await tick(h);
    const audio = tg.callsTo("sendAudio").filter(toChat(HEAD.id));
    expect(audio).toHaveLength(1);
    expect(audio[0]!.files.map((f) => f.size)).toEqual([M4A.length]);
    expect(String(audio[0]!.payload.caption ?? "") + textsTo(tg, HEAD.id).join("\n")).toContain(TAI_VIET);
  });
});
