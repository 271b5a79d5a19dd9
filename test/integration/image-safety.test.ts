// Every picture a tipster sends is decoded and re-encoded on the server before an officer sees it,
// and one that cannot be is withheld with a word to the officer (issue 10): a web chat upload is
// cleaned before it is stored, a Telegram or Zalo photo on its way to another platform.
import { startChannels, type Channels } from "../helpers/channels.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PhotonImage } from "@cf-wasm/photon";
import { createHarness, type Harness, type WebClient } from "../helpers/harness.js";
import { textUpdate, callbackUpdate, photoUpdate, type FakeTelegram, type TestUser, type ApiCall } from "../helpers/fake-telegram.js";
import { ZALO_OFFICER, ZALO_TIPSTER, imageEvent, type FakeZaloOa } from "../helpers/fake-zalo-oa.js";
import { zaloSay } from "../helpers/zalo-flow.js";
import { BOT_OFFICER, BOT_TIPSTER, botUpdate, startFakeZaloBot, type ZaloBotUser } from "../helpers/fake-zalo-bot.js";
import { fixture, plantedIn } from "../helpers/images.js";
import { viWeb } from "../../src/i18n/vi-web.js";
import { viMedia } from "../../src/i18n/vi-media.js";

const OFFICER: TestUser = { id: 5_550_991, is_bot: false, first_name: "Lê", last_name: "Văn Ảnh", username: "le_anh_ca", language_code: "vi" };

let tg: FakeTelegram;
let zalo: FakeZaloOa;
let h: Harness;
let c: Channels;

beforeAll(async () => {
  c = await startChannels();
  ({ tg, zalo, h } = c);
  await c.telegram(textUpdate(`/start ${await h.invite("officer", { communeCode: "HONGLOC" }, "Đ/c Lê Văn Ảnh")}`, { user: OFFICER }));
  await zaloSay(h, ZALO_OFFICER, `/dangky ${await h.invite("officer", { communeCode: "HONGLOC" }, "Đ/c Lò Văn Công An")}`);
});
afterAll(async () => c.close());

const toOfficer = (c: ApiCall) => String(c.payload.chat_id) === String(OFFICER.id);
const upload = async (citizen: WebClient, bytes: Uint8Array, mime = "image/jpeg") =>
  h.app.request("/webchat/api/upload", {
    method: "POST",
    headers: await citizen.headers(),
    body: JSON.stringify({ token: citizen.token, mime, dataBase64: Buffer.from(bytes).toString("base64") }),
  });
function decodes(bytes: Uint8Array): [number, number] {
  const image = PhotonImage.new_from_byteslice(bytes);
  try {
    return [image.get_width(), image.get_height()];
  } finally {
    image.free();
  }
}

describe("a web chat tip with a photo that carries GPS, owner and serial", () => {
  it("stores only the re-encoded picture, and both officers get it without a single planted marker", async () => {
    const citizen = h.web();
    const photo = fixture("gps.jpg");
    expect(plantedIn(photo).length).toBeGreaterThan(5);
    const res = await upload(citizen, photo);
    expect(res.status).toBe(200);
    const { uploadId } = (await res.json()) as { uploadId: string };
    const stored = await h.db.webUpload.findUniqueOrThrow({ where: { publicId: uploadId } });
    expect(stored.mime).toBe("image/jpeg");
    expect(plantedIn(stored.bytes!)).toEqual([]);

    await citizen.say("/start");
    await citizen.say("Hồng Lộc");
    await citizen.press("Điểm, người bán lẻ ma túy");
    await citizen.press("Không rõ thôn/xóm");
    await citizen.say("Có người bán ma túy ở quán nước đầu cầu.");
    expect((await citizen.send({ uploadId })).status).toBe(202);
    await h.settle();
    await citizen.press("m:continue");
    await citizen.press("s:submit");
    await h.settle();

    const sent = tg.callsTo("sendPhoto").find(toOfficer)!;
    expect(sent.files).toHaveLength(1);
    expect(plantedIn(sent.files[0]!.bytes)).toEqual([]);
    expect(decodes(sent.files[0]!.bytes)).toEqual([64, 48]);
    const onZalo = zalo.uploads.filter((u) => u.kind === "image").at(-1)!;
    expect(plantedIn(onZalo.bytes)).toEqual([]);
    expect(decodes(onZalo.bytes)).toEqual([64, 48]);
  });

  it("refuses a file that does not decode, and HEIC, with a Vietnamese answer, and stores nothing", async () => {
    const citizen = h.web();
    const before = await h.db.webUpload.count();
    for (const [name, message] of [["garbage.jpg", viWeb.server.unsafeUpload], ["truncated.jpg", viWeb.server.unsafeUpload], ["photo.heic", viWeb.server.heicUpload]] as const) {
      const res = await upload(citizen, fixture(name));
      expect(res.status, name).toBe(422);
      expect(((await res.json()) as { error: string }).error).toBe(message);
    }
    expect(await h.db.webUpload.count()).toBe(before);
  });
});

describe("a messenger photo that cannot be made safe", () => {
  it("is withheld from the Zalo officer, who is told; the Telegram tip itself arrives whole", async () => {
    tg.setFileContent("AgACphoto-large", fixture("truncated.jpg"));
    const commune = await h.db.commune.findUniqueOrThrow({ where: { code: "HONGLOC" } });
    const imagesBefore = zalo.uploads.filter((u) => u.kind === "image").length;
    for (const update of [textUpdate("/start"), callbackUpdate("menu:report"), textUpdate("Hồng Lộc"), callbackUpdate(`c:${commune.id}`), callbackUpdate("k:selling"), callbackUpdate("v:none"), textUpdate("Giao hàng lạ ở chợ phiên sáng chủ nhật."), photoUpdate(), callbackUpdate("m:continue"), callbackUpdate("s:submit")]) {
      expect((await h.postTelegram(update)).status).toBe(200);
      await h.settle();
    }
    const texts = zalo.textsTo(ZALO_OFFICER.id).join("\n");
    expect(texts).toContain("Giao hàng lạ ở chợ phiên sáng chủ nhật.");
    expect(texts).toContain(viMedia.imageWithheld);
    expect(zalo.uploads.filter((u) => u.kind === "image").length).toBe(imagesBefore);
    for (const u of zalo.uploads) expect(plantedIn(u.bytes)).toEqual([]);
  });

  it("is withheld from the Telegram officer when a Zalo tipster's picture does not decode", async () => {
    await zaloSay(h, ZALO_TIPSTER, "/start");
    await zaloSay(h, ZALO_TIPSTER, "Hồng Lộc");
    await zaloSay(h, ZALO_TIPSTER, "1");
    await zaloSay(h, ZALO_TIPSTER, "không rõ thôn/xóm");
    await zaloSay(h, ZALO_TIPSTER, "Xe lạ đỗ sau trạm y tế mỗi tối.");
    expect((await h.postZalo(imageEvent(ZALO_TIPSTER, zalo.hostMedia(fixture("garbage.jpg"), "image/jpeg")))).status).toBe(200);
    await h.settle();
    const photosBefore = tg.callsTo("sendPhoto").filter(toOfficer).length;
    await zaloSay(h, ZALO_TIPSTER, "1");
    await zaloSay(h, ZALO_TIPSTER, "1");
    const texts = tg.calls.filter(toOfficer).map((c) => String(c.payload.text ?? c.payload.caption ?? "")).join("\n");
    expect(texts).toContain("Xe lạ đỗ sau trạm y tế mỗi tối.");
    expect(texts).toContain(viMedia.imageWithheld);
    expect(tg.callsTo("sendPhoto").filter(toOfficer).length).toBe(photosBefore);
  });
});

describe("on Zalo Bot, where a photo goes as a link the platform fetches later", () => {
  it("names a withheld picture in the officer's alert instead of sending a link that would serve nothing", async () => {
    const fake = await startFakeZaloBot();
    const bot = await createHarness({ zalobot: fake });
    try {
      const say = async (user: ZaloBotUser, content: Parameters<typeof botUpdate>[1]) => {
        expect((await bot.postZaloBot(botUpdate(user, content))).status).toBe(200);
        await bot.settle();
      };
      await say(BOT_OFFICER, { text: `/start ${await bot.invite("officer", { communeCode: "HONGLOC" }, "Đ/c Hà Thị Trực")}` });
      for (const text of ["/start", "hồng lộc", "2", "Không rõ thôn/xóm", "Có người lạ cất hàng trong kho lúa cũ."]) await say(BOT_TIPSTER, { text });
      await say(BOT_TIPSTER, { photo_url: fake.hostMedia(fixture("garbage.jpg"), "image/jpeg") });
      await say(BOT_TIPSTER, { text: "1" });
      await say(BOT_TIPSTER, { text: "1" });
      const alert = fake.textsTo(BOT_OFFICER.id).join("\n");
      expect(alert).toContain("Có người lạ cất hàng trong kho lúa cũ.");
      expect(alert).toContain(viMedia.imageWithheld);
      expect(fake.callsTo("sendPhoto").filter((c) => c.payload.chat_id === BOT_OFFICER.id)).toHaveLength(0);
    } finally {
      await bot.close();
      await fake.close();
    }
  });
});
