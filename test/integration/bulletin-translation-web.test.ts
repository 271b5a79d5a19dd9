// A translator working in the web chat records the bulletin there (issue 16): the page's WebM Opus
// recording is stored as clean Ogg Opus, becomes the bulletin's (no longer a tip's attachment, not
// pruned as unattached), goes to the reviewer and, approved, to the village head on Telegram as a
// voice note. An upload of another conversation is refused. The commune has no second Tai Dam
// translator, so the review goes to one of another commune of the province (never of another
// province), and the leader is told who reviewed it and where.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, type WebClient } from "../helpers/harness.js";
import { startFakeTelegram, callbackUpdate, type FakeTelegram } from "../helpers/fake-telegram.js";
import { buttonsOf, postAndSettle, registerTelegramStaff, telegramUser, textsTo, tick, toChat, vnTime } from "../helpers/bulletins.js";
import { pickForCommune } from "../../src/bulletins/slots.js";
import { pruneUnattachedUploads } from "../../src/media/uploads.js";
import { avFixture } from "../helpers/av.js";
import { viWeb } from "../../src/i18n/vi-web.js";
import { setTranslatorLanguages } from "../../src/bulletins/translations.js";

let fake: FakeTelegram;
let h: Harness;
let translator: WebClient;
let webHead: WebClient; // the head of Bản Xuân Thành (also Tai Dam), on the web chat
let itemId = 0;
let communeId = 0;
const HEAD = telegramUser("Trưởng bản Chòm Mốt");
const LEADER = telegramUser("Chủ tịch xã");
const REVIEWER = telegramUser("Biên dịch Tai Dam xã bên");
const FAR = telegramUser("Biên dịch Tai Dam tỉnh khác");
const latin1 = (b: Uint8Array) => Buffer.from(b).toString("latin1");

async function uploadVoice(client: WebClient): Promise<string> {
  h.clock.advanceMinutes(0.05);
  const res = await h.app.request("/webchat/api/upload", {
    method: "POST",
    headers: await client.headers(),
    body: JSON.stringify({ token: client.token, kind: "voice", dataBase64: Buffer.from(avFixture("tagged-voice.webm")).toString("base64") }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { uploadId: string }).uploadId;
}

async function step<T>(action: () => Promise<T>): Promise<T> {
  h.clock.advanceMinutes(0.05);
  const out = await action();
  await h.settle();
  return out;
}

beforeAll(async () => {
  fake = await startFakeTelegram();
  h = await createHarness({ telegram: fake });
  h.clock.now = vnTime("2026-11-23 05:00"); // a Monday
  communeId = (await h.db.commune.findUniqueOrThrow({ where: { code: "NHUXUAN" } })).id;
  await tick(h);
  await registerTelegramStaff(h, fake, HEAD, "village_head", { villageCode: "NX-01" }, "Trưởng bản NX-01");
  await registerTelegramStaff(h, fake, LEADER, "leader", { communeCode: "NHUXUAN" }, "Đ/c Chủ tịch");
  // Another commune of Thanh Hóa with a Tai Dam translator, and one in Hà Tĩnh.
  const thanhHoa = (await h.db.commune.findUniqueOrThrow({ where: { code: "NHUXUAN" } })).provinceId;
  await h.db.commune.create({ data: { code: "THUONGNINH", name: "Thượng Ninh", searchName: "thuong ninh", provinceId: thanhHoa, languages: "vie,blt" } });
  for (const [user, code, name] of [[REVIEWER, "THUONGNINH", "Đ/c Lang Thị Duyệt"], [FAR, "HONGLOC", "Đ/c Xa Văn Tỉnh"]] as const) {
    const staff = await registerTelegramStaff(h, fake, user, "translator", { communeCode: code }, name);
    await setTranslatorLanguages(h.db, staff.id, ["blt"], h.clock.now);
  }
  translator = h.web();
  const joined = await step(async () => translator.say(`/dangky ${await h.invite("translator", { communeCode: "NHUXUAN" }, "Đ/c Lò Thị Dịch")}`));
  expect(joined.map((m) => m.text).join("\n")).toContain("Đăng ký thành công");
  webHead = h.web();
  const headJoined = await step(async () => webHead.say(`/dangky ${await h.invite("village_head", { villageCode: "NX-02" }, "Trưởng bản NX-02")}`));
  expect(headJoined.map((m) => m.text).join("\n")).toContain("Đăng ký thành công");
  itemId = (await pickForCommune(h.db, communeId, vnTime("2026-11-23 06:30")))!;
});

afterAll(async () => {
  await h.close();
  await fake.close();
});

describe("a translator recording in the web chat", () => {
  it("saves the page's recording as the draft's audio, and refuses another conversation's upload", async () => {
    await step(() => translator.say("/dich"));
    await step(() => translator.press("tl:blt"));
    await step(() => translator.press("tl:done"));
    await step(() => translator.press(`tr:${itemId}:blt`));

    const stranger = h.web();
    await step(() => stranger.say("/start"));
    const theirs = await uploadVoice(stranger);
    // Another conversation's upload is no upload at all for this one: refused, and the draft has no audio.
    const refused = await step(() => translator.send({ uploadId: theirs }));
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toBe(viWeb.server.uploadGone);
    expect(await h.db.bulletinVersion.count({ where: { itemId, language: "blt", audioFileRef: { not: null } } })).toBe(0);

    const mine = await uploadVoice(translator);
    const saved = await step(async () => (await translator.send({ uploadId: mine }), translator.read()));
    expect(saved.map((m) => m.text).join("\n")).toContain("Đã lưu ghi âm");
    const draft = await h.db.bulletinVersion.findUniqueOrThrow({ where: { itemId_language_status: { itemId, language: "blt", status: "draft" } } });
    expect(draft).toMatchObject({ audioKind: "voice", audioChannel: "web", audioFileRef: mine });
    const stored = await h.db.webUpload.findUniqueOrThrow({ where: { publicId: mine } });
    expect(stored).toMatchObject({ purpose: "bulletin", mime: "audio/ogg", tipId: null });
    // The pruning of unattached tip uploads leaves it be.
    await pruneUnattachedUploads(h.db, new Date(h.clock.now.getTime() + 48 * 3_600_000));
    expect(await h.db.webUpload.count({ where: { publicId: mine } })).toBe(1);
  });

  it("reaches a Tai Dam translator of the province and, approved, the village head on Telegram as a voice note", async () => {
    const submitted = await step(() => translator.press(`ts:${itemId}:blt`));
    expect(submitted.map((m) => m.text).join("\n")).toContain("Xã chưa có biên dịch viên thứ hai đọc được tiếng Thái (Thái Đen) (Tai Dam), nên đã gửi bản dịch");
    const review = fake.callsTo("sendVoice").find(toChat(REVIEWER.id));
    expect(review).toBeDefined();
    expect(latin1(review!.files[0]!.bytes.subarray(0, 4))).toBe("OggS");
    for (const notAsked of [LEADER, FAR]) expect(fake.callsTo("sendVoice").some(toChat(notAsked.id))).toBe(false);
    const request = fake.calls.filter((c) => toChat(REVIEWER.id)(c) && buttonsOf(c).length > 0).at(-1)!;
    // The translator of another province may not, even with the button.
    await postAndSettle(h, callbackUpdate(buttonsOf(request)[0]!.callback_data, { user: FAR }));
    expect(textsTo(fake, FAR.id).at(-1)).toContain("Chỉ một biên dịch viên khác");
    await postAndSettle(h, callbackUpdate(buttonsOf(request)[0]!.callback_data, { user: REVIEWER }));
    expect(textsTo(fake, REVIEWER.id).at(-1)).toContain("Đã duyệt");
    expect((await translator.read()).map((m) => m.text).join("\n")).toContain("đã được Đ/c Lang Thị Duyệt duyệt");
    expect(textsTo(fake, LEADER.id).at(-1)).toContain("đã được Đ/c Lang Thị Duyệt, biên dịch viên đọc được tiếng này ở Thượng Ninh, duyệt");

    h.clock.now = vnTime("2026-11-23 06:30");
    await tick(h);
    const voice = fake.callsTo("sendVoice").find(toChat(HEAD.id));
    expect(voice).toBeDefined();
    const bytes = voice!.files[0]!.bytes;
    expect(latin1(bytes.subarray(0, 4))).toBe("OggS");
    for (const planted of ["Nguyen Van Tipster", "Chrome"]) expect(latin1(bytes)).not.toContain(planted);

    // A head on the web chat gets it in the page, which fetches it by its address.
    const toWebHead = await webHead.read();
    const recording = toWebHead.find((m) => m.media?.uploadUrl);
    expect(recording?.media?.kind).toBe("voice");
    const played = await h.app.request(recording!.media!.uploadUrl!, { headers: { "X-Chat-Token": webHead.token } });
    expect(played.status).toBe(200);
    expect(played.headers.get("content-type")).toBe("audio/ogg");
    expect(latin1(new Uint8Array(await played.arrayBuffer())).startsWith("OggS")).toBe(true);
  });
});
