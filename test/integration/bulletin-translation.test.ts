// The translation round over Telegram in Như Xuân (Vietnamese, Tai Dam, Mường): a translator picks
// a missing bulletin, sends Tai Dam text in Tai Viet script, a Latin spelling and a voice recording;
// a leader returns it once, then approves it; the next slot plays it to the village head — text byte
// for byte, the recording as a file. The system asks translators for what is still missing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../helpers/harness.js";
import { callbackUpdate, photoUpdate, startFakeTelegram, textUpdate, voiceUpdate, type FakeTelegram } from "../helpers/fake-telegram.js";
import { buttonsOf, postAndSettle, registerTelegramStaff, telegramUser, textsTo, tick, toChat, vnTime } from "../helpers/bulletins.js";
import { pickForCommune } from "../../src/bulletins/slots.js";

// TEST-ONLY strings, not translations: letters of the Tai Viet block (U+AA80–U+AADF) with its tone
// marks, and a Latin line. They must come out exactly as they went in.
const TAI_VIET = "[TEST] \uaa80\uaa81\uaa82 \uaa95\uaab1\uaabe\uaac1 \uaa8d\uaab8\uaa9d \uaadb\uaadc\uaadd\uaade\uaadf";
const LATIN = "[TEST] Tai Dam latin spelling: ǎ ơ ư — not a translation";

let fake: FakeTelegram;
let h: Harness;
let communeId = 0;
let itemId = 0;
const HEAD = telegramUser("Trưởng bản Chòm Mốt");
const TRANSLATOR = telegramUser("Biên dịch tiếng Thái");
const LEADER = telegramUser("Chủ tịch xã");
const OFFICER = telegramUser("Công an xã");

const lastTo = (chatId: number) => fake.calls.filter(toChat(chatId)).at(-1)!;
const press = (user: typeof HEAD, data: string) => postAndSettle(h, callbackUpdate(data, { user }));
const say = (user: typeof HEAD, text: string) => postAndSettle(h, textUpdate(text, { user }));

beforeAll(async () => {
  fake = await startFakeTelegram();
  h = await createHarness({ telegram: fake });
  h.clock.now = vnTime("2026-11-23 05:00"); // a Monday
  communeId = (await h.db.commune.findUniqueOrThrow({ where: { code: "NHUXUAN" } })).id;
  await tick(h);
  await registerTelegramStaff(h, fake, HEAD, "village_head", { villageCode: "NX-01" }, "Trưởng bản NX-01");
  await registerTelegramStaff(h, fake, TRANSLATOR, "translator", { communeCode: "NHUXUAN" }, "Đ/c Lò Văn Dịch");
  await registerTelegramStaff(h, fake, LEADER, "leader", { communeCode: "NHUXUAN" }, "Đ/c Chủ tịch");
  await registerTelegramStaff(h, fake, OFFICER, "officer", { communeCode: "NHUXUAN" }, "Đ/c Công an");
  itemId = (await pickForCommune(h.db, communeId, vnTime("2026-11-23 06:30")))!;
});

afterAll(async () => {
  await h.close();
  await fake.close();
});

describe("the translation round", () => {
  it("lets the translator choose languages and see what is missing", async () => {
    await say(TRANSLATOR, "/dich");
    const chooser = buttonsOf(lastTo(TRANSLATOR.id));
    expect(chooser.map((b) => b.callback_data)).toEqual(["tl:blt", "tl:mtq", "tl:done"]);
    await press(TRANSLATOR, "tl:done");
    expect(textsTo(fake, TRANSLATOR.id).at(-1)).toContain("chưa chọn ngôn ngữ");
    await press(TRANSLATOR, "tl:blt");
    expect(buttonsOf(lastTo(TRANSLATOR.id))[0]!.text).toBe("☑️ Tiếng Thái (Thái Đen) (Tai Dam)");
    await press(TRANSLATOR, "tl:done");
    const list = lastTo(TRANSLATOR.id);
    expect(String(list.payload.text)).toContain("Bản tiếng Thái (Thái Đen) (Tai Dam): còn 26/26 bài");
    expect(buttonsOf(list).map((b) => b.callback_data)).toContain(`tr:${itemId}:blt`);
  });

  it("keeps text in Tai Viet, a Latin spelling and a voice recording as the draft; refuses other things politely", async () => {
    await press(TRANSLATOR, `tr:${itemId}:blt`);
    const texts = textsTo(fake, TRANSLATOR.id);
    expect(texts.at(-2)).toContain("Bản gốc tiếng Việt");
    expect(texts.at(-1)).toContain("không dùng máy dịch");
    await say(TRANSLATOR, "\u200b \u200d");
    expect(textsTo(fake, TRANSLATOR.id).at(-1)).toContain("Tin nhắn đang trống");
    await say(TRANSLATOR, "ꪀ".repeat(4001));
    expect(textsTo(fake, TRANSLATOR.id).at(-1)).toContain("quá 4000");
    await postAndSettle(h, photoUpdate({ user: TRANSLATOR }));
    expect(textsTo(fake, TRANSLATOR.id).at(-1)).toContain("Chỉ nhận chữ hoặc ghi âm");
    await say(TRANSLATOR, TAI_VIET);
    expect(textsTo(fake, TRANSLATOR.id).at(-1)).toContain("Đã lưu bản chữ (");
    await say(TRANSLATOR, LATIN);
    expect(textsTo(fake, TRANSLATOR.id).at(-1)).toContain("Đã lưu bản chữ Latinh");
    await postAndSettle(h, voiceUpdate({ user: TRANSLATOR }));
    expect(textsTo(fake, TRANSLATOR.id).at(-1)).toContain("Đã lưu ghi âm");
    const draft = await h.db.bulletinVersion.findUniqueOrThrow({ where: { itemId_language_status: { itemId, language: "blt", status: "draft" } } });
    expect(draft).toMatchObject({ text: TAI_VIET, altText: LATIN, audioKind: "voice", audioChannel: "telegram", audioFileRef: "AwACvoice", submittedAt: null });
  });

  it("sends the draft to the commune's leader and officer; a translator cannot approve; a return goes back to the translator", async () => {
    await press(TRANSLATOR, `ts:${itemId}:blt`);
    expect(textsTo(fake, TRANSLATOR.id).at(-1)).toContain("cho 2 cán bộ duyệt");
    for (const reviewer of [LEADER, OFFICER]) {
      const voice = fake.callsTo("sendVoice").find(toChat(reviewer.id));
      expect(voice?.payload.voice).toBe("AwACvoice");
      expect(textsTo(fake, reviewer.id).join("\n")).toContain(TAI_VIET);
    }
    const request = fake.calls.filter((c) => toChat(LEADER.id)(c) && buttonsOf(c).length > 0).at(-1)!;
    const [approve, giveBack] = buttonsOf(request);
    expect([approve!.text, giveBack!.text]).toEqual(["✅ Duyệt", "↩️ Trả lại để sửa"]);

    await press(TRANSLATOR, approve!.callback_data);
    expect(textsTo(fake, TRANSLATOR.id).at(-1)).toContain("không có quyền duyệt");
    await press(LEADER, giveBack!.callback_data);
    expect(textsTo(fake, LEADER.id).at(-1)).toContain("Đã trả lại");
    expect(textsTo(fake, TRANSLATOR.id).at(-1)).toContain("được Đ/c Chủ tịch trả lại để sửa");
    await press(OFFICER, approve!.callback_data); // the old request: already handled
    expect(textsTo(fake, OFFICER.id).at(-1)).toContain("đã được xử lý");
    expect(await h.db.bulletinVersion.count({ where: { itemId, language: "blt", status: "approved" } })).toBe(0);
  });

  it("approves the resubmitted draft once; the version keeps every byte", async () => {
    await say(TRANSLATOR, "/dich");
    const list = buttonsOf(lastTo(TRANSLATOR.id));
    expect(list.find((b) => b.callback_data === `tr:${itemId}:blt`)!.text).toContain("✏️");
    await press(TRANSLATOR, `tr:${itemId}:blt`);
    expect(textsTo(fake, TRANSLATOR.id).at(-1)).toContain("Bản nháp đang có: bản chữ, bản chữ Latinh, ghi âm");
    await press(TRANSLATOR, `ts:${itemId}:blt`);
    const request = fake.calls.filter((c) => toChat(LEADER.id)(c) && buttonsOf(c).length > 0).at(-1)!;
    const approve = buttonsOf(request)[0]!;
    await press(LEADER, approve.callback_data);
    expect(textsTo(fake, LEADER.id).at(-1)).toContain("Đã duyệt bản tiếng Thái (Thái Đen) (Tai Dam)");
    expect(textsTo(fake, TRANSLATOR.id).at(-1)).toContain("đã được Đ/c Chủ tịch duyệt");
    await press(OFFICER, approve.callback_data);
    expect(textsTo(fake, OFFICER.id).at(-1)).toContain("đã được xử lý");
    const versions = await h.db.bulletinVersion.findMany({ where: { itemId, language: "blt" } });
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ status: "approved", text: TAI_VIET, altText: LATIN, audioFileRef: "AwACvoice" });
    expect([...versions[0]!.text!]).toEqual([...TAI_VIET]);
  });

  it("uses the approved translation at the next slot: the recording as a file, the text byte for byte", async () => {
    h.clock.now = vnTime("2026-11-23 06:30");
    await tick(h);
    const slot = await h.db.bulletinSlot.findFirstOrThrow({ where: { communeId } });
    expect(slot.itemId).toBe(itemId);
    const toHead = fake.calls.filter(toChat(HEAD.id)).filter((c) => c.method !== "answerCallbackQuery");
    const voice = toHead.find((c) => c.method === "sendVoice");
    expect(voice?.payload.voice).toBe("AwACvoice");
    const taiDam = toHead.filter((c) => String(c.payload.text ?? c.payload.caption ?? "").includes("Tai Dam"));
    const text = taiDam.map((c) => String(c.payload.text ?? c.payload.caption)).join("\n");
    const at = text.indexOf(TAI_VIET);
    expect(at).toBeGreaterThan(0);
    expect([...text.slice(at, at + TAI_VIET.length)].map((c) => c.codePointAt(0))).toEqual([...TAI_VIET].map((c) => c.codePointAt(0)));
    expect(text).toContain(LATIN);
    expect(text).toContain("Ghi âm bản tin ở trên");
    // Bản Chòm Mốt hears Tai Dam first, then Vietnamese.
    const order = toHead
      .map((c) => String(c.payload.text ?? c.payload.caption ?? ""))
      .filter((x) => x.includes("Ngôn ngữ:"))
      .map((x) => /Ngôn ngữ: ([^—\n]+)/.exec(x)![1]!.trim());
    expect(order).toEqual(["Tiếng Thái (Thái Đen) (Tai Dam)", "Tiếng Việt"]);
  });

  it("asks the translator for what is still missing, once a week", async () => {
    const requests = () => textsTo(fake, TRANSLATOR.id).filter((x) => x.includes("Đề nghị dịch bản tin"));
    expect(requests()).toHaveLength(1); // at the 06:30 run
    expect(requests()[0]).toContain("còn 25 bài chưa có bản tiếng Thái (Thái Đen) (Tai Dam)");
    h.clock.now = vnTime("2026-11-26 12:00");
    await tick(h);
    expect(requests()).toHaveLength(1);
    h.clock.now = vnTime("2026-11-30 07:00");
    await tick(h);
    expect(requests()).toHaveLength(2);
    const buttons = buttonsOf(fake.calls.filter((c) => toChat(TRANSLATOR.id)(c) && String(c.payload.text).includes("Đề nghị dịch")).at(-1)!);
    expect(buttons.length).toBeGreaterThan(0);
    expect(buttons.every((b) => /^tr:\d+:blt$/.test(b.callback_data))).toBe(true);
    expect(buttons.map((b) => b.callback_data)).not.toContain(`tr:${itemId}:blt`);
  });
});
