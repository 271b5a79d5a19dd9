// A bulletin slot end to end on Zalo, in the highland commune Lùng Phình (Vietnamese and Hmong),
// through the real app on a real SQLite file, with fakes of the Zalo OA API, the Zalo Bot API and
// the Telegram Bot API on localhost speaking their real wire formats. Village heads on Zalo OA,
// Zalo Bot and Telegram and subscribers on Zalo each get exactly one copy in the right language
// (with fallback to Vietnamese); the heads answer "Đã phát" / "Chưa phát được" + reason by typing
// the number or the words, recorded per village and slot; subscribers outside Zalo's 48-hour window
// and those who unfollowed are skipped and counted. The recordings cross channels: the Hmong one
// made on Telegram reaches Zalo as a playable file (Zalo Bot: a sealed link), the Vietnamese one
// made on Zalo reaches Telegram in its audio player.
import { avFixture } from "../helpers/av.js";
import { cleanAudioVideo } from "../../src/media/av.js";
import { existsSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, PUBLIC_URL, type Harness } from "../helpers/harness.js";
import { startFakeTelegram, type FakeTelegram } from "../helpers/fake-telegram.js";
import { followEvent, startFakeZaloOa, type FakeZaloOa, type ZaloUser } from "../helpers/fake-zalo-oa.js";
import { botUpdate, startFakeZaloBot, type FakeZaloBot, type ZaloBotUser } from "../helpers/fake-zalo-bot.js";
import { zaloSay } from "../helpers/zalo-flow.js";
import { registerTelegramStaff, textsTo, telegramUser, tick, vnTime } from "../helpers/bulletins.js";
import { pickForCommune, setSchedule } from "../../src/bulletins/slots.js";
import { villageCoverage } from "../../src/bulletins/coverage.js";
import { catalog, entryText } from "../../src/bulletins/catalog.js";
import { runBulletinTick } from "../../src/bulletins/tick.js";
import { progressText } from "../../src/bulletins/progress.js";

// TEST-ONLY placeholder in Hmong RPA letters, clearly not a translation of any bulletin.
const HMONG_SAMPLE = "[TEST-ONLY, không phải bản dịch] Nyob zoo — ntawv RPA: ntx, nkh, tsh, hl, dl, txh";
// Recordings as the platforms hold them: an OGG/Opus voice on Telegram, an M4A on Zalo's CDN; and
// as they are passed on, without their tags.
const OGG = avFixture("voice.ogg");
const M4A = avFixture("tags.m4a");
const OGG_SENT = cleanAudioVideo(OGG, "voice")!.bytes;
const M4A_SENT = cleanAudioVideo(M4A, "voice")!.bytes;
const TG_RECORDING = "AwACbulletinHnj";

let tg: FakeTelegram;
let oa: FakeZaloOa;
let bot: FakeZaloBot;
let h: Harness;
let communeId = 0;
let itemId = 0;
let vieText = "";

let n = 0;
const zaloUser = (displayName: string): ZaloUser => ({ id: `77100000000000${String(++n).padStart(5, "0")}`, userIdByApp: `55100000000000${String(n).padStart(5, "0")}`, displayName });
const botUser = (displayName: string): ZaloBotUser => ({ id: `b0b0c0ffee${String(++n).padStart(10, "0")}`, displayName });

const ZHEAD1 = zaloUser("Trưởng thôn Lùng Phình Zalo");
const ZHEAD4 = zaloUser("Trưởng thôn Tả Thền Zalo");
const BHEAD2 = botUser("Trưởng thôn Sín Chải Zbot");
const THEAD3 = telegramUser("Trưởng thôn Pả Chư Tỷ");
const ZSUB_HMONG = zaloUser("Người dân nghe tiếng Mông");
const ZSUB_VIE = zaloUser("Người dân nghe tiếng Việt");
const ZSUB_OLD = zaloUser("Người dân lâu không nhắn");
const ZSUB_GONE = zaloUser("Người dân đã bỏ quan tâm");
const BSUB = botUser("Người dân trên Zalo Bot");

const HEAD_HEADER = "BẢN TIN PHÒNG, CHỐNG MA TÚY";
const SUB_HEADER = "Bản tin phòng, chống ma túy";
const oaTexts = (u: ZaloUser) => oa.textsTo(u.id);
const botTexts = (u: ZaloBotUser) => bot.textsTo(u.id);
const copies = (texts: string[], header: string) => texts.filter((t) => t.includes(header));

/** Files sent to a Zalo OA user, in order: the uploads their messages point to. */
function filesTo(u: ZaloUser) {
  return oa.messages
    .filter((m) => m.userId === u.id && m.attachment?.type === "file")
    .map((m) => oa.uploads.find((up) => up.id === (m.attachment!.payload as { token: string }).token)!);
}

async function botSay(u: ZaloBotUser, text: string) {
  expect((await h.postZaloBot(botUpdate(u, { text }))).status).toBe(200);
  await h.settle();
}

async function subscribeOa(u: ZaloUser, language: "1" | "2") {
  await zaloSay(h, u, "/nhanbantin");
  await zaloSay(h, u, "lung phinh");
  expect(oaTexts(u).at(-1)).toMatch(/1\. Lùng Phình/);
  await zaloSay(h, u, "1");
  expect(oaTexts(u).at(-1)).toContain("1. Tiếng Việt\n2. Tiếng Mông (Hmoob)");
  await zaloSay(h, u, language);
  expect(oaTexts(u).at(-1)).toContain("Bạn sẽ nhận bản tin phòng, chống ma túy");
}

const deliveryOf = async (villageCode: string, slotAt: Date) => {
  const village = await h.db.village.findUniqueOrThrow({ where: { code: villageCode } });
  const slot = await h.db.bulletinSlot.findUniqueOrThrow({ where: { communeId_scheduledAt: { communeId, scheduledAt: slotAt } } });
  return h.db.bulletinDelivery.findUniqueOrThrow({ where: { slotId_villageId: { slotId: slot.id, villageId: village.id } } });
};

/** The sealed media link in a text, fetched from the app as Zalo would. */
async function fetchLink(text: string): Promise<Response> {
  const url = new RegExp(`${PUBLIC_URL.replace(/\./g, "\\.")}/media/[A-Za-z0-9._-]+`).exec(text)?.[0];
  expect(url, `no media link in: ${text.slice(0, 200)}`).toBeDefined();
  return h.app.request(new URL(url!).pathname);
}

beforeAll(async () => {
  [tg, oa, bot] = await Promise.all([startFakeTelegram(), startFakeZaloOa(), startFakeZaloBot()]);
  h = await createHarness({ telegram: tg, zalo: oa, zalobot: bot });
  await h.authorizeZalo();
  communeId = (await h.db.commune.findUniqueOrThrow({ where: { code: "LUNGPHINH" } })).id;

  // Friday: one citizen subscribes and then stays silent (outside the 48-hour window by Monday).
  h.clock.now = vnTime("2026-06-12 10:00");
  await tick(h);
  await setSchedule(h.db, communeId, { schedule: { days: [1, 4], times: ["06:30"] } }, h.clock.now);
  await subscribeOa(ZSUB_OLD, "1");

  h.clock.now = vnTime("2026-06-15 05:00");
  await zaloSay(h, ZHEAD1, `/dangky ${await h.invite("village_head", { villageCode: "LP-01" }, "Trưởng thôn LP-01 (Zalo)")}`);
  await zaloSay(h, ZHEAD4, `/dangky ${await h.invite("village_head", { villageCode: "LP-04" }, "Trưởng thôn LP-04 (Zalo)")}`);
  await botSay(BHEAD2, `/dangky ${await h.invite("village_head", { villageCode: "LP-02" }, "Trưởng thôn LP-02 (Zalo Bot)")}`);
  for (const texts of [oaTexts(ZHEAD1), oaTexts(ZHEAD4), botTexts(BHEAD2)]) expect(texts.join("\n")).toContain("Đăng ký thành công");
  await registerTelegramStaff(h, tg, THEAD3, "village_head", { villageCode: "LP-03" }, "Trưởng thôn LP-03 (Telegram)");

  await subscribeOa(ZSUB_HMONG, "2");
  await subscribeOa(ZSUB_VIE, "1");
  await subscribeOa(ZSUB_GONE, "1");
  expect((await h.postZalo(followEvent(ZSUB_GONE, "unfollow"))).status).toBe(200);
  await h.settle();
  await botSay(BSUB, "/nhanbantin");
  await botSay(BSUB, "Lùng Phình");
  await botSay(BSUB, "1");
  await botSay(BSUB, "tieng mong (hmoob)"); // the words of the choice, without diacritics
  expect(botTexts(BSUB).at(-1)).toContain("Bạn sẽ nhận bản tin");

  // The item the 06:30 slot will pick: an approved Hmong version recorded on Telegram, and the
  // Vietnamese version's recording made on Zalo (fixtures: the translation round is tested apart).
  itemId = (await pickForCommune(h.db, communeId, vnTime("2026-06-15 06:30")))!;
  tg.setFileContent(TG_RECORDING, OGG);
  await h.db.bulletinVersion.create({
    data: { itemId, language: "hnj", status: "approved", text: HMONG_SAMPLE, audioKind: "voice", audioChannel: "telegram", audioFileRef: TG_RECORDING, approvedAt: h.clock.now },
  });
  await h.db.bulletinVersion.updateMany({ where: { itemId, language: "vie", status: "approved" }, data: { audioKind: "voice", audioChannel: "zalo", audioFileRef: oa.hostMedia(M4A, "audio/mp4") } });
  const item = await h.db.bulletinItem.findUniqueOrThrow({ where: { id: itemId } });
  vieText = entryText(catalog.find((e) => e.slug === item.slug)!).split("\n\n")[1]!;
}, 60_000);

afterAll(async () => {
  await h.close();
  await Promise.all([tg.close(), oa.close(), bot.close()]);
});

describe("a bulletin slot on Zalo", () => {
  it("gives each village head one copy per language, the recordings as files a Zalo phone plays", async () => {
    h.clock.now = new Date(vnTime("2026-06-15 06:30").getTime() + 20_000);
    await tick(h);
    expect(await h.db.outboxMessage.count({ where: { status: "failed" } })).toBe(0);

    // Zalo OA, LP-01 (the commune's languages: Vietnamese, then Hmong).
    const head1 = copies(oaTexts(ZHEAD1), HEAD_HEADER);
    expect(head1).toHaveLength(2);
    expect(head1[0]).toContain("Ngôn ngữ: Tiếng Việt — 1/2");
    expect(oaTexts(ZHEAD1).join("\n")).toContain(vieText);
    expect(head1[1]).toContain("Ngôn ngữ: Tiếng Mông (Hmoob) — 2/2");
    expect(head1[1]).toContain(HMONG_SAMPLE);
    const files1 = filesTo(ZHEAD1);
    expect(files1.map((f) => [f.name, f.mime])).toEqual([
      ["ban-tin-vie.m4a", "audio/mp4"],
      ["ban-tin-hnj.ogg", "audio/ogg"],
    ]);
    expect(Buffer.compare(files1[0]!.bytes, Buffer.from(M4A_SENT))).toBe(0);
    expect(Buffer.compare(files1[1]!.bytes, Buffer.from(OGG_SENT))).toBe(0); // fetched from Telegram, uploaded to Zalo
    // Each text fits Zalo, and the answer choices arrive whole with their hint, at the end of each copy.
    expect(oaTexts(ZHEAD1).every((t) => t.length <= 2000)).toBe(true);
    const choiceTexts = oaTexts(ZHEAD1).filter((t) => t.includes("1. ✅ Đã phát\n2. ⚠️ Chưa phát được\n👉 Gõ 1 hoặc 2 để chọn"));
    expect(choiceTexts).toHaveLength(2);

    // Zalo OA, LP-04 (Hmong first).
    const head4 = copies(oaTexts(ZHEAD4), HEAD_HEADER);
    expect(head4).toHaveLength(2);
    expect(head4[0]).toContain(HMONG_SAMPLE);
    expect(filesTo(ZHEAD4).map((f) => f.name)).toEqual(["ban-tin-hnj.ogg", "ban-tin-vie.m4a"]);

    // Zalo Bot, LP-02: no files on that platform; the recording comes as a sealed link that plays.
    const head2 = copies(botTexts(BHEAD2), HEAD_HEADER);
    expect(head2).toHaveLength(2);
    expect(head2[0]).toContain(HMONG_SAMPLE);
    expect(head2[0]).toContain("📎 Ghi âm (mở để nghe hoặc tải về): https://phaodai.test/media/");
    const played = await fetchLink(head2[0]!);
    expect(played.status).toBe(200);
    expect(played.headers.get("Content-Type")).toBe("audio/ogg");
    expect(played.headers.get("Content-Disposition")).toBe('inline; filename="ban-tin-hnj.ogg"');
    expect(Buffer.compare(Buffer.from(await played.arrayBuffer()), Buffer.from(OGG_SENT))).toBe(0);
    expect(Buffer.compare(Buffer.from(await (await fetchLink(head2[1]!)).arrayBuffer()), Buffer.from(M4A_SENT))).toBe(0);

    // Telegram, LP-03: its own recording by file id, the Zalo one uploaded into the audio player.
    expect(copies(textsTo(tg, THEAD3.id), HEAD_HEADER)).toHaveLength(2); // the short Hmong copy as the voice's caption
    const voice = tg.callsTo("sendVoice").filter((c) => String(c.payload.chat_id) === String(THEAD3.id));
    expect(voice.map((c) => c.payload.voice)).toEqual([TG_RECORDING]);
    const audio = tg.callsTo("sendAudio").filter((c) => String(c.payload.chat_id) === String(THEAD3.id));
    expect(audio).toHaveLength(1);
    expect(audio[0]!.files.map((f) => [f.filename, f.size])).toEqual([["voice.m4a", M4A.length]]);
  });

  it("gives each reachable subscriber exactly one copy, and skips and counts those out of the window or gone", async () => {
    const hmong = copies(oaTexts(ZSUB_HMONG), SUB_HEADER);
    expect(hmong).toHaveLength(1);
    expect(hmong[0]).toContain(HMONG_SAMPLE);
    expect(hmong[0]).not.toContain("gửi bạn bản tiếng Việt");
    expect(hmong[0]).toContain("🔊 Ghi âm bản tin ở trên: bạn có thể mở để nghe.");
    expect(hmong[0]).not.toContain("đồng chí");
    expect(filesTo(ZSUB_HMONG).map((f) => f.name)).toEqual(["ban-tin-hnj.ogg"]);
    expect(oaTexts(ZSUB_HMONG).join("\n")).toContain("1. 🔕 Dừng nhận bản tin");

    const vie = copies(oaTexts(ZSUB_VIE), SUB_HEADER);
    expect(vie).toHaveLength(1);
    expect(oaTexts(ZSUB_VIE).join("\n")).toContain(vieText);
    expect(filesTo(ZSUB_VIE).map((f) => f.name)).toEqual(["ban-tin-vie.m4a"]);

    const onBot = copies(botTexts(BSUB), SUB_HEADER);
    expect(onBot).toHaveLength(1);
    expect(onBot[0]).toContain(HMONG_SAMPLE);

    for (const gone of [ZSUB_OLD, ZSUB_GONE]) {
      expect(copies(oaTexts(gone), SUB_HEADER)).toHaveLength(0);
      expect(filesTo(gone)).toHaveLength(0);
    }
    const slot = await h.db.bulletinSlot.findUniqueOrThrow({ where: { communeId_scheduledAt: { communeId, scheduledAt: vnTime("2026-06-15 06:30") } } });
    expect(slot).toMatchObject({ status: "sent", subscribersQueued: 3, subscribersSkipped: 2 });
    expect(await progressText(h.db, communeId, h.clock.now)).toContain("• Người đăng ký: 3/3 tin đã gửi, 2 bỏ qua (ngoài thời hạn nhận tin của ứng dụng hoặc đã bỏ quan tâm kênh)");
  });

  it("sends nothing twice when the job runs again", async () => {
    const before = { oa: oa.messages.length, bot: bot.calls.length, tg: tg.calls.length };
    h.clock.now = new Date(h.clock.now.getTime() + 60_000);
    await tick(h);
    await tick(h);
    expect({ oa: oa.messages.length, bot: bot.calls.length, tg: tg.calls.length }).toEqual(before);
  });

  it("records the Zalo village heads' answers, typed as numbers or words, per village and slot", async () => {
    const slotAt = vnTime("2026-06-15 06:30");
    await zaloSay(h, ZHEAD1, "1");
    expect(oaTexts(ZHEAD1).at(-1)).toContain("Đã ghi nhận: Thôn Lùng Phình đã phát bản tin buổi 06:30 Thứ Hai 15/06/2026");

    // Words, without the emoji, then the reason by its words without diacritics.
    await zaloSay(h, ZHEAD4, "chưa phát được");
    const reasons = oaTexts(ZHEAD4).at(-1)!;
    expect(reasons).toContain("1. Loa hỏng hoặc mất tín hiệu");
    expect(reasons).toMatch(/8\. ✖️ Hủy\n👉 Gõ số từ 1 đến 8 để chọn/);
    await zaloSay(h, ZHEAD4, "8"); // Hủy: nothing recorded
    expect(oaTexts(ZHEAD4).at(-1)).toContain("Đã hủy, chưa ghi nhận lý do");
    expect((await deliveryOf("LP-04", slotAt)).status).toBe("pending");
    await zaloSay(h, ZHEAD4, "Chưa phát được");
    await zaloSay(h, ZHEAD4, "loa hong hoac mat tin hieu");
    expect(oaTexts(ZHEAD4).at(-1)).toContain("Thôn Tả Thền chưa phát được bản tin buổi 06:30 Thứ Hai 15/06/2026 (Loa hỏng hoặc mất tín hiệu)");

    // Zalo Bot: numbers, then a reason of one's own, with odd input answered politely.
    await botSay(BHEAD2, "2");
    const other = /(\d)\. Lý do khác \(gõ chữ\)/.exec(botTexts(BHEAD2).at(-1)!)![1]!;
    await botSay(BHEAD2, other);
    expect(botTexts(BHEAD2).at(-1)).toContain("gõ ngắn gọn lý do");
    await botSay(BHEAD2, "\u200b\u200b");
    expect(botTexts(BHEAD2).at(-1)).toContain("Lý do đang trống");
    await botSay(BHEAD2, "Loa thôn bị sét đánh 🌩️ ꪀꪱꪒ, chờ sửa");
    expect(botTexts(BHEAD2).at(-1)).toContain("Thôn Sín Chải chưa phát được bản tin buổi 06:30 Thứ Hai 15/06/2026 (Loa thôn bị sét đánh 🌩️ ꪀꪱꪒ, chờ sửa)");

    const cov = await villageCoverage(h.db, communeId, "2026-06");
    const byCode = Object.fromEntries(cov.villages.map((v) => [v.code, v]));
    expect(byCode["LP-01"]).toMatchObject({ delivered: 1, broadcast: 1, reached: true });
    expect(byCode["LP-02"]).toMatchObject({ delivered: 1, notBroadcast: 1, reasons: { other: 1 }, otherReasons: ["Loa thôn bị sét đánh 🌩️ ꪀꪱꪒ, chờ sửa"] });
    expect(byCode["LP-03"]).toMatchObject({ delivered: 1, noAnswer: 1 });
    expect(byCode["LP-04"]).toMatchObject({ delivered: 1, notBroadcast: 1, reasons: { speaker: 1 } });
    expect(byCode["LP-05"]).toMatchObject({ delivered: 0, noHead: 1 });
    const answered = await deliveryOf("LP-01", slotAt);
    expect(answered.answeredByStaffId).toBe((await h.db.staff.findFirstOrThrow({ where: { displayName: "Trưởng thôn LP-01 (Zalo)" } })).id);
  });

  it("falls back to Vietnamese where Hmong is missing, reaches those who came back, and cancels a copy queued before an unfollow", async () => {
    // Wednesday: the Hmong subscriber writes (inside the window again), the silent one returns, the one who left follows again.
    h.clock.now = vnTime("2026-06-17 10:00");
    await zaloSay(h, ZSUB_HMONG, "cảm ơn");
    await zaloSay(h, ZSUB_OLD, "xin chào");
    expect((await h.postZalo(followEvent(ZSUB_GONE))).status).toBe(200);
    await h.settle();
    const before = { hmong: oaTexts(ZSUB_HMONG).length, old: oaTexts(ZSUB_OLD).length, gone: oaTexts(ZSUB_GONE).length, vie: oaTexts(ZSUB_VIE).length, head1: oaTexts(ZHEAD1).length };

    // Thursday 06:30: the fan-out is queued; before it is sent, the returning subscriber unfollows again.
    h.clock.now = vnTime("2026-06-18 06:30");
    await runBulletinTick(h.deps, { fanOutBudget: 100_000 });
    expect((await h.postZalo(followEvent(ZSUB_OLD, "unfollow"))).status).toBe(200);
    await h.settle();

    const slot = await h.db.bulletinSlot.findUniqueOrThrow({ where: { communeId_scheduledAt: { communeId, scheduledAt: vnTime("2026-06-18 06:30") } } });
    expect(slot.itemId).not.toBe(itemId);
    // ZSUB_VIE has been silent since Monday 05:00: outside 48 hours now.
    expect(slot).toMatchObject({ subscribersQueued: 4, subscribersSkipped: 1 });
    const hmong = copies(oaTexts(ZSUB_HMONG).slice(before.hmong), SUB_HEADER);
    expect(hmong).toHaveLength(1);
    expect(hmong[0]).toContain("(Chưa có bản tiếng Mông (Hmoob), gửi bạn bản tiếng Việt.)");
    expect(copies(oaTexts(ZSUB_GONE).slice(before.gone), SUB_HEADER)).toHaveLength(1);
    expect(copies(oaTexts(ZSUB_VIE).slice(before.vie), SUB_HEADER)).toHaveLength(0);
    expect(copies(oaTexts(ZSUB_OLD).slice(before.old), SUB_HEADER)).toHaveLength(0);
    const cancelled = await h.db.outboxMessage.findMany({ where: { status: "cancelled", dedupeKey: { startsWith: `b:${slot.id}:s:` } } });
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]!.sealedAddress).toBeNull();

    const head1 = copies(oaTexts(ZHEAD1).slice(before.head1), HEAD_HEADER);
    expect(head1).toHaveLength(1);
    expect(head1[0]).toContain("Chưa có bản tiếng Mông (Hmoob) đã duyệt");
    expect(copies(botTexts(BHEAD2), HEAD_HEADER).filter((t) => t.includes("18/06/2026"))).toHaveLength(1);
    expect((await deliveryOf("LP-02", vnTime("2026-06-18 06:30"))).languages).toBe("vie");
  });

  it("keeps no Zalo id, app-scoped id or name of a subscriber in the database", () => {
    const files = [h.dbPath, `${h.dbPath}-wal`].filter(existsSync).map((f) => readFileSync(f));
    for (const u of [ZSUB_HMONG, ZSUB_VIE, ZSUB_OLD, ZSUB_GONE]) {
      for (const needle of [u.id, u.userIdByApp, u.displayName]) for (const bytes of files) expect(bytes.includes(Buffer.from(needle))).toBe(false);
    }
    for (const needle of [BSUB.id, BSUB.displayName]) for (const bytes of files) expect(bytes.includes(Buffer.from(needle))).toBe(false);
  });
});
