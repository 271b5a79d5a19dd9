// The translation round over Telegram in Như Xuân (Vietnamese, Tai Dam, Mường): a translator picks
// a missing bulletin, sends Tai Dam text in Tai Viet script, a Latin spelling and a voice recording;
// a second Tai Dam translator of the commune (not the Mường one, not a leader or officer) returns it
// once, then approves it, and the leader is told who reviewed it; the next slot plays it to the
// village head — text byte for byte, the recording as a file. /dich pages through every bulletin.
// The system asks translators for what is still missing.
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
const REVIEWER = telegramUser("Biên dịch tiếng Thái thứ hai");
const MUONG = telegramUser("Biên dịch tiếng Mường");
let reviewerId = 0;

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
  reviewerId = (await registerTelegramStaff(h, fake, REVIEWER, "translator", { communeCode: "NHUXUAN" }, "Đ/c Lò Thị Duyệt")).id;
  await registerTelegramStaff(h, fake, MUONG, "translator", { communeCode: "NHUXUAN" }, "Đ/c Bùi Văn Mường");
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
    expect(String(list.payload.text)).toContain("Bản tiếng Thái (Thái Đen) (Tai Dam): còn 27/27 bài"); // 26 bulletins and the posters' words
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

  it("sends the draft to the second Tai Dam translator only; neither its author, a leader nor the Mường translator may approve; a return goes back", async () => {
    // The second reader of Tai Dam and the Mường translator choose their languages in chat.
    for (const [user, code] of [[REVIEWER, "blt"], [MUONG, "mtq"]] as const) {
      await say(user, "/dich");
      await press(user, `tl:${code}`);
      await press(user, "tl:done");
    }
    await press(TRANSLATOR, `ts:${itemId}:blt`);
    expect(textsTo(fake, TRANSLATOR.id).at(-1)).toContain("cho 1 biên dịch viên tiếng Thái (Thái Đen) (Tai Dam) khác trong xã duyệt");
    const voice = fake.callsTo("sendVoice").find(toChat(REVIEWER.id));
    expect(voice?.payload.voice).toBe("AwACvoice");
    expect(textsTo(fake, REVIEWER.id).join("\n")).toContain(TAI_VIET);
    expect(textsTo(fake, REVIEWER.id).join("\n")).toContain("do Đ/c Lò Văn Dịch dịch");
    for (const notAsked of [LEADER, OFFICER, MUONG, TRANSLATOR]) {
      expect(fake.callsTo("sendVoice").some(toChat(notAsked.id))).toBe(false);
      expect(textsTo(fake, notAsked.id).join("\n")).not.toContain("Bản dịch cần đồng chí duyệt");
    }
    const request = fake.calls.filter((c) => toChat(REVIEWER.id)(c) && buttonsOf(c).length > 0).at(-1)!;
    const [approve, giveBack] = buttonsOf(request);
    expect([approve!.text, giveBack!.text]).toEqual(["✅ Duyệt", "↩️ Trả lại để sửa"]);

    // Buttons reach others only by forwarding or forging: each is refused in words.
    await press(TRANSLATOR, approve!.callback_data);
    expect(textsTo(fake, TRANSLATOR.id).at(-1)).toContain("không tự duyệt bản dịch của mình");
    for (const other of [LEADER, OFFICER, MUONG]) {
      await press(other, approve!.callback_data);
      expect(textsTo(fake, other.id).at(-1)).toContain("Chỉ một biên dịch viên khác đọc được tiếng này");
    }
    expect(await h.db.bulletinVersion.count({ where: { itemId, language: "blt", status: "approved" } })).toBe(0);
    await press(REVIEWER, giveBack!.callback_data);
    expect(textsTo(fake, REVIEWER.id).at(-1)).toContain("Đã trả lại");
    expect(textsTo(fake, TRANSLATOR.id).at(-1)).toContain("được Đ/c Lò Thị Duyệt trả lại để sửa");
    await press(REVIEWER, approve!.callback_data); // the old request: already handled
    expect(textsTo(fake, REVIEWER.id).at(-1)).toContain("đã được xử lý");
    expect(await h.db.bulletinVersion.count({ where: { itemId, language: "blt", status: "approved" } })).toBe(0);
  });

  it("approves the resubmitted draft once, by the second translator; the leader is told who reviewed it; the version keeps every byte", async () => {
    await say(TRANSLATOR, "/dich");
    const list = buttonsOf(lastTo(TRANSLATOR.id));
    expect(list.find((b) => b.callback_data === `tr:${itemId}:blt`)!.text).toContain("✏️");
    await press(TRANSLATOR, `tr:${itemId}:blt`);
    expect(textsTo(fake, TRANSLATOR.id).at(-1)).toContain("Bản nháp đang có: bản chữ, bản chữ Latinh, ghi âm");
    await press(TRANSLATOR, `ts:${itemId}:blt`);
    // The reviewer also finds it in their /dich, waiting for them.
    await say(REVIEWER, "/dich");
    const waiting = fake.calls.filter(toChat(REVIEWER.id)).find((c) => String(c.payload.text).includes("đang chờ đồng chí duyệt") && c.payload.text !== undefined);
    expect(String(waiting?.payload.text)).toContain("1 bản dịch của người khác đang chờ đồng chí duyệt");
    const open = buttonsOf(waiting!)[0]!;
    expect(open.callback_data).toMatch(/^trv:\d+$/);
    const before = fake.calls.length;
    await press(REVIEWER, open.callback_data);
    const opened = fake.calls.slice(before).filter(toChat(REVIEWER.id));
    expect(opened.map((c) => String(c.payload.text ?? c.payload.caption ?? "")).join("\n")).toContain(TAI_VIET);
    expect(opened.find((c) => c.method === "sendVoice")?.payload.voice).toBe("AwACvoice");
    const request = opened.filter((c) => buttonsOf(c).length > 0).at(-1)!;
    expect(buttonsOf(request).map((b) => b.callback_data[1])).toEqual(["a", "x"]);
    const approve = buttonsOf(request)[0]!;
    await press(REVIEWER, approve.callback_data);
    expect(textsTo(fake, REVIEWER.id).at(-1)).toContain("Đã duyệt bản tiếng Thái (Thái Đen) (Tai Dam)");
    expect(textsTo(fake, TRANSLATOR.id).at(-1)).toContain("đã được Đ/c Lò Thị Duyệt duyệt");
    const told = textsTo(fake, LEADER.id).at(-1)!;
    expect(told).toContain("(do Đ/c Lò Văn Dịch dịch) đã được Đ/c Lò Thị Duyệt, biên dịch viên đọc được tiếng này của xã, duyệt");
    expect(textsTo(fake, OFFICER.id).join("\n")).not.toContain("đã được Đ/c Lò Thị Duyệt");
    await press(REVIEWER, approve.callback_data);
    expect(textsTo(fake, REVIEWER.id).at(-1)).toContain("đã được xử lý");
    await press(REVIEWER, open.callback_data);
    expect(textsTo(fake, REVIEWER.id).at(-1)).toContain("không còn chờ duyệt");
    const versions = await h.db.bulletinVersion.findMany({ where: { itemId, language: "blt" } });
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ status: "approved", text: TAI_VIET, altText: LATIN, audioFileRef: "AwACvoice", reviewedByStaffId: reviewerId });
    expect([...versions[0]!.text!]).toEqual([...TAI_VIET]);
    // The leader's /tiendo names who translated and who reviewed it, under the language's line.
    const item = await h.db.bulletinItem.findUniqueOrThrow({ where: { id: itemId } });
    await say(LEADER, "/tiendo");
    const progress = textsTo(fake, LEADER.id).at(-1)!;
    const blt = progress.split("\n").findIndex((l) => l.startsWith("• Tiếng Thái (Thái Đen)"));
    expect(blt).toBeGreaterThan(-1);
    expect(progress.split("\n")[blt + 1]).toContain(`«${item.title.slice(0, 20)}`);
    expect(progress.split("\n")[blt + 1]).toContain("Đ/c Lò Văn Dịch dịch, Đ/c Lò Thị Duyệt duyệt (23/11/2026)");
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
    expect(requests()[0]).toContain("còn 26 bài chưa có bản tiếng Thái (Thái Đen) (Tai Dam)");
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

describe("the translator's list", () => {
  it("pages through every bulletin to translate with Trang sau / Trang trước, and closes with Hủy", async () => {
    const items = await h.db.bulletinItem.findMany({ where: { retiredAt: null }, select: { id: true, title: true } });
    const titles = new Map(items.map((i) => [i.id, i.title]));
    const missing = items.length - 1; // one has its Tai Dam version now
    await say(TRANSLATOR, "/dich");
    const seen: number[] = [];
    let cut = 0;
    let list = lastTo(TRANSLATOR.id);
    expect(String(list.payload.text)).toContain(`còn ${missing}/${items.length} bài`);
    expect(String(list.payload.text)).toContain(`Trang 1/${Math.ceil(missing / 8)}`);
    for (let page = 1; ; page++) {
      const buttons = buttonsOf(list);
      for (const b of buttons.filter((x) => x.callback_data.startsWith("tr:"))) {
        const id = Number(b.callback_data.split(":")[1]);
        seen.push(id);
        // A label is the whole title, or a cut at a word boundary followed by "…".
        const label = b.text.replace(/^✍️ (⏳ |✏️ )?/u, "");
        const title = titles.get(id)!;
        if (label !== title) {
          cut++;
          expect(label.endsWith("…")).toBe(true);
          const kept = label.slice(0, -1);
          expect(title.startsWith(kept)).toBe(true);
          expect(title.slice(kept.length)).toMatch(/^[\s,;:.\-–—]/u);
        }
      }
      expect(buttons.some((b) => b.text === "◀️ Trang trước")).toBe(page > 1);
      expect(buttons.at(-1)!.text).toBe("✖️ Hủy");
      const next = buttons.find((b) => b.text === "Trang sau ▶️");
      if (!next) break;
      expect(next.callback_data).toBe(`tlp:blt:${page + 1}`);
      await press(TRANSLATOR, next.callback_data);
      list = lastTo(TRANSLATOR.id);
      expect(String(list.payload.text)).toContain(`Trang ${page + 1}/`);
    }
    expect(cut).toBeGreaterThan(0); // the catalog has titles longer than a button
    expect(seen).toHaveLength(missing);
    expect(new Set(seen).size).toBe(missing);
    expect(seen).not.toContain(itemId);
    // Back one page, then out.
    await press(TRANSLATOR, buttonsOf(list).find((b) => b.text === "◀️ Trang trước")!.callback_data);
    expect(String(lastTo(TRANSLATOR.id).payload.text)).toContain(`Trang ${Math.ceil(missing / 8) - 1}/`);
    await press(TRANSLATOR, buttonsOf(lastTo(TRANSLATOR.id)).at(-1)!.callback_data);
    expect(textsTo(fake, TRANSLATOR.id).at(-1)).toContain("Đã đóng danh sách cần dịch");
    // A forged page number beyond the end shows the last page; a forged language is refused politely.
    await press(TRANSLATOR, "tlp:blt:99");
    expect(String(lastTo(TRANSLATOR.id).payload.text)).toContain(`Trang ${Math.ceil(missing / 8)}/${Math.ceil(missing / 8)}`);
    await press(TRANSLATOR, "tlp:vie:1");
    expect(textsTo(fake, TRANSLATOR.id).at(-1)).toContain("không dịch được");
  });
});
