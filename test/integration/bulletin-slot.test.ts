// A bulletin slot end to end in the highland commune Lùng Phình (Vietnamese and Hmong), through the
// real app on a real SQLite file, with grammY talking to a fake Bot API on localhost and the web
// chat: every village head and subscriber gets exactly one copy in the right language (with
// fallback where a translation is missing), answers are recorded per village and slot, the next
// morning brings one reminder, leaders get the weekly summary, and slots missed while the server
// was down are aired once, late, or recorded as missed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, type WebClient } from "../helpers/harness.js";
import { callbackUpdate, startFakeTelegram, textUpdate, type FakeTelegram, type TestUser } from "../helpers/fake-telegram.js";
import { bulletinsTo, buttonsOf, postAndSettle, registerTelegramStaff, telegramUser, textsTo, tick, vnTime } from "../helpers/bulletins.js";
import { pickForCommune, setSchedule } from "../../src/bulletins/slots.js";
import { villageCoverage } from "../../src/bulletins/coverage.js";
import { catalog, entryText } from "../../src/bulletins/catalog.js";

// TEST-ONLY placeholder in Hmong RPA letters, clearly not a translation of any bulletin.
const HMONG_SAMPLE = "[TEST-ONLY, không phải bản dịch] Nyob zoo — ntxhais tshiab hmoob ntawv RPA: ntx, nkh, tsh, hl, dl, txh, ǎ";

let fake: FakeTelegram;
let h: Harness;
let communeId = 0;
let firstItemId = 0;
const HEAD1 = telegramUser("Trưởng thôn Lùng Phình");
const HEAD2 = telegramUser("Trưởng thôn Sín Chải");
const HEAD4 = telegramUser("Trưởng thôn Tả Thền");
const LEADER = telegramUser("Bí thư xã");
const SUB_HMONG = telegramUser("Người dân nghe tiếng Mông");
const SUB_OTHER = telegramUser("Người dân Hồng Lộc");
let head3: WebClient;
let subVie: WebClient;

const deliveryOf = async (villageCode: string, slotAt: Date) => {
  const village = await h.db.village.findUniqueOrThrow({ where: { code: villageCode } });
  const slot = await h.db.bulletinSlot.findUniqueOrThrow({ where: { communeId_scheduledAt: { communeId, scheduledAt: slotAt } } });
  return h.db.bulletinDelivery.findUniqueOrThrow({ where: { slotId_villageId: { slotId: slot.id, villageId: village.id } } });
};

async function subscribeTelegram(user: TestUser, commune: string, language: string) {
  await postAndSettle(h, textUpdate("/nhanbantin", { user }));
  await postAndSettle(h, textUpdate(commune, { user }));
  const results = fake.calls.filter((c) => String(c.payload.chat_id) === String(user.id)).at(-1)!;
  const pick = buttonsOf(results).find((b) => b.callback_data.startsWith("sc:"))!;
  await postAndSettle(h, callbackUpdate(pick.callback_data, { user }));
  const languages = fake.calls.filter((c) => String(c.payload.chat_id) === String(user.id)).at(-1)!;
  const choice = buttonsOf(languages).find((b) => b.callback_data.endsWith(`:${language}`))!;
  await postAndSettle(h, callbackUpdate(choice.callback_data, { user }));
  expect(textsTo(fake, user.id).at(-1)).toContain("Bạn sẽ nhận bản tin phòng, chống ma túy");
}

beforeAll(async () => {
  fake = await startFakeTelegram();
  h = await createHarness({ telegram: fake });
  h.clock.now = vnTime("2026-06-15 05:00");
  communeId = (await h.db.commune.findUniqueOrThrow({ where: { code: "LUNGPHINH" } })).id;
  await tick(h); // imports the catalog and gives every commune its schedule
  // The commune airs on Monday and Thursday mornings only (a change of schedule by an admin).
  await setSchedule(h.db, communeId, { schedule: { days: [1, 4], times: ["06:30"] } }, h.clock.now);

  await registerTelegramStaff(h, fake, HEAD1, "village_head", { villageCode: "LP-01" }, "Trưởng thôn LP-01");
  await registerTelegramStaff(h, fake, HEAD2, "village_head", { villageCode: "LP-02" }, "Trưởng thôn LP-02");
  await registerTelegramStaff(h, fake, HEAD4, "village_head", { villageCode: "LP-04" }, "Trưởng thôn LP-04");
  await registerTelegramStaff(h, fake, LEADER, "leader", { communeCode: "LUNGPHINH" }, "Đ/c Bí thư");
  head3 = h.web();
  const code = await h.invite("village_head", { villageCode: "LP-03" }, "Trưởng thôn LP-03 (web)");
  expect((await head3.say(`/dangky ${code}`))[0]!.text).toContain("Đăng ký thành công");

  await subscribeTelegram(SUB_HMONG, "lung phinh", "hnj");
  await subscribeTelegram(SUB_OTHER, "Hồng Lộc", "vie");
  subVie = h.web();
  await subVie.say("/nhanbantin");
  await subVie.say("Lùng Phình");
  await subVie.press("Lùng Phình");
  expect((await subVie.press("Tiếng Việt")).at(-1)!.text).toContain("Bạn sẽ nhận bản tin");

  // The item the 06:30 slot will pick gets a (test-only) approved Hmong version.
  firstItemId = (await pickForCommune(h.db, communeId, vnTime("2026-06-15 06:30")))!;
  await h.db.bulletinVersion.create({ data: { itemId: firstItemId, language: "hnj", status: "approved", text: HMONG_SAMPLE, approvedAt: h.clock.now } });
});

afterAll(async () => {
  await h.close();
  await fake.close();
});

describe("a bulletin slot in Lùng Phình", () => {
  it("does nothing before the slot", async () => {
    h.clock.now = vnTime("2026-06-15 06:29");
    await tick(h);
    expect(await h.db.bulletinSlot.count({ where: { communeId } })).toBe(0);
  });

  it("at 06:30 gives every village head one message per language and every subscriber exactly one copy", async () => {
    h.clock.now = new Date(vnTime("2026-06-15 06:30").getTime() + 20_000);
    await tick(h);
    const slot = await h.db.bulletinSlot.findFirstOrThrow({ where: { communeId } });
    expect(slot).toMatchObject({ itemId: firstItemId, status: "sent", late: false });
    const item = await h.db.bulletinItem.findUniqueOrThrow({ where: { id: firstItemId } });
    const vieText = entryText(catalog.find((e) => e.slug === item.slug)!);
    const firstParagraph = vieText.split("\n\n")[1]!;

    // LP-01 uses the commune's languages (Vietnamese, then Hmong); LP-02 and LP-04 their own (Hmong first).
    const head1 = bulletinsTo(fake, HEAD1.id).map((c) => String(c.payload.text));
    expect(head1).toHaveLength(2);
    expect(head1[0]).toContain("Ngôn ngữ: Tiếng Việt — 1/2");
    expect(head1[0]).toContain(firstParagraph);
    expect(head1[1]).toContain("Ngôn ngữ: Tiếng Mông (Hmoob) — 2/2");
    expect(head1[1]).toContain(HMONG_SAMPLE);
    for (const head of [HEAD2, HEAD4]) {
      const texts = bulletinsTo(fake, head.id).map((c) => String(c.payload.text));
      expect(texts).toHaveLength(2);
      expect(texts[0]).toContain(HMONG_SAMPLE);
      expect(texts[1]).toContain(firstParagraph);
    }
    for (const call of bulletinsTo(fake, HEAD2.id)) {
      expect(buttonsOf(call).map((b) => b.text)).toEqual(["✅ Đã phát", "⚠️ Chưa phát được"]);
    }
    const web = (await head3.read()).filter((m) => m.text.includes("BẢN TIN PHÒNG, CHỐNG MA TÚY"));
    expect(web).toHaveLength(2);
    expect(web[0]!.text).toContain("Thôn Pả Chư Tỷ");

    // Subscribers: one copy each, in their language; another commune's subscriber gets nothing.
    const hmong = bulletinsTo(fake, SUB_HMONG.id);
    expect(hmong).toHaveLength(1);
    const received = String(hmong[0]!.payload.text);
    expect(received).toContain(HMONG_SAMPLE);
    expect([...received.slice(received.indexOf(HMONG_SAMPLE), received.indexOf(HMONG_SAMPLE) + HMONG_SAMPLE.length)]).toEqual([...HMONG_SAMPLE]);
    expect(received).not.toContain("gửi bạn bản tiếng Việt");
    expect(buttonsOf(hmong[0]!).map((b) => b.callback_data)).toEqual(["sub:stop"]);
    const vie = (await subVie.read()).filter((m) => m.text.includes("Bản tin phòng, chống ma túy"));
    expect(vie).toHaveLength(1);
    expect(vie[0]!.text).toContain(firstParagraph);
    // Hồng Lộc airs at the same time (its default schedule): its subscriber gets Hồng Lộc's bulletin only.
    const other = bulletinsTo(fake, SUB_OTHER.id).map((c) => String(c.payload.text));
    expect(other).toHaveLength(1);
    expect(other[0]).toContain("xã Hồng Lộc");

    const deliveries = await h.db.bulletinDelivery.findMany({ where: { slotId: slot.id }, include: { village: true }, orderBy: { villageId: "asc" } });
    expect(deliveries.map((d) => [d.village.code, d.status, d.languages])).toEqual([
      ["LP-01", "pending", "vie,hnj"],
      ["LP-02", "pending", "hnj,vie"],
      ["LP-03", "pending", "hnj,vie"],
      ["LP-04", "pending", "hnj,vie"],
      ["LP-05", "no_head", "hnj,vie"],
    ]);
    // Delivered rows keep neither the bulletin's words nor an address (issue 19): the outbox stays small.
    const sent = await h.db.outboxMessage.findMany({ where: { status: "sent" } });
    expect(sent.length).toBeGreaterThanOrEqual(8);
    for (const row of sent) {
      expect(row.payload).not.toContain(firstParagraph.slice(0, 40));
      expect(row.payload).not.toContain(HMONG_SAMPLE);
      expect(row.sealedAddress).toBeNull();
    }
    expect(sent.filter((r) => r.payload === "{}").length).toBeGreaterThanOrEqual(8);
  });

  it("sends nothing twice when the job runs again", async () => {
    const before = fake.callsTo("sendMessage").length;
    h.clock.now = new Date(h.clock.now.getTime() + 60_000);
    await tick(h);
    await tick(h);
    expect(fake.callsTo("sendMessage").length).toBe(before);
    expect(await h.db.bulletinSlot.count({ where: { communeId } })).toBe(1);
  });

  it("records the village heads' answers per village and slot", async () => {
    const slotAt = vnTime("2026-06-15 06:30");
    const d1 = await deliveryOf("LP-01", slotAt);
    const d2 = await deliveryOf("LP-02", slotAt);
    await postAndSettle(h, callbackUpdate(`bp:${d1.id}`, { user: HEAD1 }));
    expect(textsTo(fake, HEAD1.id).at(-1)).toContain("Đã ghi nhận: Thôn Lùng Phình đã phát bản tin buổi 06:30 Thứ Hai 15/06/2026");

    await postAndSettle(h, callbackUpdate(`bn:${d2.id}`, { user: HEAD2 }));
    const reasonsAsked = fake.calls.filter((c) => String(c.payload.chat_id) === String(HEAD2.id)).at(-1)!;
    expect(buttonsOf(reasonsAsked).map((b) => b.text)).toContain("Loa hỏng hoặc mất tín hiệu");
    await postAndSettle(h, callbackUpdate(`br:${d2.id}:speaker`, { user: HEAD2 }));
    expect(textsTo(fake, HEAD2.id).at(-1)).toContain("chưa phát được bản tin buổi 06:30 Thứ Hai 15/06/2026 (Loa hỏng hoặc mất tín hiệu)");

    await head3.press("⚠️ Chưa phát được");
    await head3.press("Lý do khác (gõ chữ)");
    expect((await head3.say("\u200b\u200b")).at(-1)!.text).toContain("Lý do đang trống");
    expect((await head3.say("x".repeat(301))).at(-1)!.text).toContain("300 ký tự");
    expect((await head3.say("Loa thôn bị sét đánh hỏng 🌩️, đang chờ sửa")).at(-1)!.text).toContain("Loa thôn bị sét đánh hỏng 🌩️");

    // Nobody answers for another village; citizens cannot press staff buttons.
    await postAndSettle(h, callbackUpdate(`bp:${d2.id}`, { user: HEAD1 }));
    expect(textsTo(fake, HEAD1.id).at(-1)).toContain("thuộc thôn khác");
    await postAndSettle(h, callbackUpdate(`bp:${d1.id}`, { user: SUB_HMONG }));
    expect(textsTo(fake, SUB_HMONG.id).at(-1)).toContain("chỉ dành cho cán bộ");
    await postAndSettle(h, callbackUpdate(`bp:999999`, { user: HEAD1 }));
    expect(textsTo(fake, HEAD1.id).at(-1)).toContain("Không tìm thấy buổi phát này");

    const cov = await villageCoverage(h.db, communeId, "2026-06");
    const byCode = Object.fromEntries(cov.villages.map((v) => [v.code, v]));
    expect(byCode["LP-01"]).toMatchObject({ delivered: 1, broadcast: 1, reached: true });
    expect(byCode["LP-02"]).toMatchObject({ delivered: 1, notBroadcast: 1, reasons: { speaker: 1 }, reached: false });
    expect(byCode["LP-03"]).toMatchObject({ notBroadcast: 1, reasons: { other: 1 }, otherReasons: ["Loa thôn bị sét đánh hỏng 🌩️, đang chờ sửa"] });
    expect(byCode["LP-04"]).toMatchObject({ delivered: 1, noAnswer: 1 });
    expect(byCode["LP-05"]).toMatchObject({ delivered: 0, noHead: 1, reached: false });
    expect(cov.slots).toEqual({ aired: 1, missed: 0, empty: 0 });
    expect(cov.villagesReached).toBe(1);
  });

  it("reminds the head who has not answered once, the next morning", async () => {
    h.clock.now = vnTime("2026-06-16 06:59");
    await tick(h);
    expect(textsTo(fake, HEAD4.id).filter((x) => x.includes("Nhắc đồng chí"))).toHaveLength(0);
    h.clock.now = vnTime("2026-06-16 07:00");
    await tick(h);
    h.clock.now = vnTime("2026-06-16 07:05");
    await tick(h);
    const reminders = fake.callsTo("sendMessage").filter((c) => String(c.payload.text).includes("Nhắc đồng chí"));
    expect(reminders.map((c) => String(c.payload.chat_id))).toEqual([String(HEAD4.id)]);
    expect(String(reminders[0]!.payload.text)).toContain("Thôn Tả Thền chưa xác nhận phát bản tin buổi 06:30 Thứ Hai 15/06/2026");
    const button = buttonsOf(reminders[0]!).find((b) => b.text === "✅ Đã phát")!;
    await postAndSettle(h, callbackUpdate(button.callback_data, { user: HEAD4 }));
    expect((await deliveryOf("LP-04", vnTime("2026-06-15 06:30"))).status).toBe("broadcast");
  });

  it("falls back to Vietnamese, once per village head, where the Hmong translation is missing", async () => {
    const before = { head1: bulletinsTo(fake, HEAD1.id).length, head2: bulletinsTo(fake, HEAD2.id).length, sub: bulletinsTo(fake, SUB_HMONG.id).length };
    h.clock.now = vnTime("2026-06-18 06:30");
    await tick(h);
    const slot = await h.db.bulletinSlot.findUniqueOrThrow({ where: { communeId_scheduledAt: { communeId, scheduledAt: vnTime("2026-06-18 06:30") } } });
    expect(slot.itemId).not.toBe(firstItemId);
    const head2 = bulletinsTo(fake, HEAD2.id).slice(before.head2).map((c) => String(c.payload.text));
    expect(head2).toHaveLength(1);
    expect(head2[0]).toContain("Ngôn ngữ: Tiếng Việt");
    expect(head2[0]).toContain("Chưa có bản tiếng Mông (Hmoob) đã duyệt");
    expect(bulletinsTo(fake, HEAD1.id).slice(before.head1)).toHaveLength(1);
    const sub = bulletinsTo(fake, SUB_HMONG.id).slice(before.sub).map((c) => String(c.payload.text));
    expect(sub).toHaveLength(1);
    expect(sub[0]).toContain("(Chưa có bản tiếng Mông (Hmoob), gửi bạn bản tiếng Việt.)");
    expect((await deliveryOf("LP-02", vnTime("2026-06-18 06:30"))).languages).toBe("vie");
    // Translators are asked for what is missing.
    expect(await h.db.bulletinVersion.count({ where: { language: "hnj", status: "approved" } })).toBe(1);
  });

  it("lets a village head read the current bulletin, in one language, and the recent ones", async () => {
    const count = () => bulletinsTo(fake, HEAD2.id).length;
    const start = count();
    await postAndSettle(h, textUpdate("/bantin", { user: HEAD2 }));
    expect(count() - start).toBe(1); // only Vietnamese exists for this item
    const current = bulletinsTo(fake, HEAD2.id).at(-1)!;
    expect(buttonsOf(current).map((b) => b.text)).toEqual(["✅ Đã phát", "⚠️ Chưa phát được", "📚 Các bản tin gần đây", "🌐 Xem bằng ngôn ngữ khác"]);
    await postAndSettle(h, textUpdate("/bantin ds", { user: HEAD2 }));
    const list = textsTo(fake, HEAD2.id).at(-1)!;
    expect(list).toContain("06:30 Thứ Năm 18/06/2026");
    expect(list).toContain("06:30 Thứ Hai 15/06/2026");
    const view = fake.calls.filter((c) => String(c.payload.chat_id) === String(HEAD2.id)).at(-1)!;
    const first = buttonsOf(view).find((b) => b.text.includes("15/06/2026"))!;
    await postAndSettle(h, callbackUpdate(first.callback_data, { user: HEAD2 }));
    expect(bulletinsTo(fake, HEAD2.id).slice(-2).map((c) => String(c.payload.text)).join("\n")).toContain(HMONG_SAMPLE);
    await postAndSettle(h, textUpdate("/bantin klingon", { user: HEAD2 }));
    expect(textsTo(fake, HEAD2.id).at(-1)).toContain("Không hiểu ngôn ngữ");
  });

  it("sends leaders the weekly summary on Monday morning, once, and airs the late Monday slot once", async () => {
    // Monday 06:30 passed while the server was down; it comes back at 08:00: the slot is aired late.
    h.clock.now = vnTime("2026-06-22 08:00");
    await tick(h);
    await tick(h);
    const summary = textsTo(fake, LEADER.id).filter((x) => x.includes("Tổng hợp bản tin tuần"));
    expect(summary).toHaveLength(1);
    expect(summary[0]).toContain("15/06/2026–21/06/2026");
    expect(summary[0]).toContain("Thôn Sín Chải: phát 0/2 buổi — chưa phát được: Loa hỏng hoặc mất tín hiệu (1)");
    expect(summary[0]).toContain("Loa thôn bị sét đánh hỏng 🌩️");
    expect(summary[0]).toContain("Thôn Chúng Chải: phát 0/2 buổi — chưa có trưởng thôn đăng ký");
    const late = await h.db.bulletinSlot.findUniqueOrThrow({ where: { communeId_scheduledAt: { communeId, scheduledAt: vnTime("2026-06-22 06:30") } } });
    expect(late).toMatchObject({ status: "sent", late: true });
    const head1 = bulletinsTo(fake, HEAD1.id).map((c) => String(c.payload.text)).filter((x) => x.includes("22/06/2026"));
    expect(head1).toHaveLength(1);
    expect(head1[0]).toContain("Gửi muộn vì hệ thống bị gián đoạn");
  });

  it("records slots too old to air as missed, not aired stale and not twice", async () => {
    const lungPhinh = () => [HEAD1, HEAD2, HEAD4, SUB_HMONG].reduce((n, u) => n + bulletinsTo(fake, u.id).length, 0);
    const before = lungPhinh();
    h.clock.now = vnTime("2026-07-02 19:00"); // down since Monday: Thu 25/6, Mon 29/6 and Thu 2/7 06:30 all > 12 h old
    await tick(h);
    await tick(h);
    const slots = await h.db.bulletinSlot.findMany({ where: { communeId, scheduledAt: { gt: vnTime("2026-06-22 06:30") } }, orderBy: { scheduledAt: "asc" } });
    expect(slots.map((s) => [s.scheduledAt.toISOString(), s.status])).toEqual([
      [vnTime("2026-06-25 06:30").toISOString(), "missed"],
      [vnTime("2026-06-29 06:30").toISOString(), "missed"],
      [vnTime("2026-07-02 06:30").toISOString(), "missed"],
    ]);
    expect(lungPhinh()).toBe(before);
    const june = await villageCoverage(h.db, communeId, "2026-06");
    expect(june.slots).toEqual({ aired: 3, missed: 2, empty: 0 });
  });

  it("shows leaders the progress and the monthly coverage by chat", async () => {
    await postAndSettle(h, textUpdate("/tiendo", { user: LEADER }));
    const progress = textsTo(fake, LEADER.id).at(-1)!;
    expect(progress).toContain("Tiến độ bản tin — xã Lùng Phình");
    expect(progress).toContain("bỏ lỡ do hệ thống gián đoạn");
    expect(progress).toContain("Buổi tiếp theo: 06:30 Thứ Hai 06/07/2026");
    expect(progress).toContain("Tiếng Mông (Hmoob): thiếu");
    await postAndSettle(h, textUpdate("/tiendo thang 06/2026", { user: LEADER }));
    const coverage = textsTo(fake, LEADER.id).at(-1)!;
    expect(coverage).toContain("Độ phủ bản tin — xã Lùng Phình — tháng 06/2026");
    expect(coverage).toContain("Buổi phát: 3 đã gửi, 2 bỏ lỡ");
    expect(coverage).toContain("Thôn Chúng Chải: chưa có trưởng thôn đăng ký");
    await postAndSettle(h, textUpdate("/tiendo thang 13/2026", { user: LEADER }));
    expect(textsTo(fake, LEADER.id).at(-1)).toContain("Không hiểu tháng");
    // A village head may not see the progress.
    await postAndSettle(h, textUpdate("/tiendo", { user: HEAD1 }));
    expect(textsTo(fake, HEAD1.id).at(-1)).toContain("không có quyền");
  });
});
