// The default schedule airs two bulletins a week, each in the morning and again in the early
// evening (seed 002, schedule.json default.repeatWithinDay): through the real app on a real SQLite
// file, a village head on Telegram and one in the web chat get Monday's bulletin at 06:30 and the
// same bulletin at 18:30, told it is this morning's, and confirm each airing with one tap; the
// coverage counts both airings; subscribers get the text once; Thursday brings the next bulletin.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, type WebClient } from "../helpers/harness.js";
import { callbackUpdate, startFakeTelegram, textUpdate, type FakeTelegram } from "../helpers/fake-telegram.js";
import { bulletinsTo, buttonsOf, postAndSettle, registerTelegramStaff, telegramUser, textsTo, tick, vnTime } from "../helpers/bulletins.js";
import { villageCoverage } from "../../src/bulletins/coverage.js";
import { progressText } from "../../src/bulletins/progress.js";

let fake: FakeTelegram;
let h: Harness;
let communeId = 0;
let mondayItem = 0;
const HEAD = telegramUser("Trưởng thôn Lùng Phình");
const SUB = telegramUser("Người dân Lùng Phình");
let webHead: WebClient;

const slotAt = async (at: string) => h.db.bulletinSlot.findUniqueOrThrow({ where: { communeId_scheduledAt: { communeId, scheduledAt: vnTime(at) } } });
const webBulletins = (all: { text: string }[]) => all.filter((m) => m.text.includes("BẢN TIN PHÒNG, CHỐNG MA TÚY"));

beforeAll(async () => {
  fake = await startFakeTelegram();
  h = await createHarness({ telegram: fake });
  h.clock.now = vnTime("2026-06-15 05:00");
  communeId = (await h.db.commune.findUniqueOrThrow({ where: { code: "LUNGPHINH" } })).id;
  await tick(h); // imports the catalog and gives every commune the default schedule
  await registerTelegramStaff(h, fake, HEAD, "village_head", { villageCode: "LP-01" }, "Trưởng thôn LP-01");
  webHead = h.web();
  const code = await h.invite("village_head", { villageCode: "LP-03" }, "Trưởng thôn LP-03 (web)");
  expect((await webHead.say(`/dangky ${code}`))[0]!.text).toContain("Đăng ký thành công");
  await postAndSettle(h, textUpdate("/nhanbantin", { user: SUB }));
  await postAndSettle(h, textUpdate("lung phinh", { user: SUB }));
  const results = fake.calls.filter((c) => String(c.payload.chat_id) === String(SUB.id)).at(-1)!;
  await postAndSettle(h, callbackUpdate(buttonsOf(results).find((b) => b.callback_data.startsWith("sc:"))!.callback_data, { user: SUB }));
  const languages = fake.calls.filter((c) => String(c.payload.chat_id) === String(SUB.id)).at(-1)!;
  await postAndSettle(h, callbackUpdate(buttonsOf(languages).find((b) => b.callback_data.endsWith(":vie"))!.callback_data, { user: SUB }));
  expect(textsTo(fake, SUB.id).at(-1)).toContain("Bạn sẽ nhận bản tin phòng, chống ma túy");
});

afterAll(async () => {
  await h.close();
  await fake.close();
});

describe("one bulletin, morning and early evening", () => {
  it("airs Monday's bulletin at 06:30, confirmed in one tap on Telegram and in the web chat", async () => {
    const schedule = await h.db.bulletinSchedule.findUniqueOrThrow({ where: { communeId } });
    expect([schedule.days, schedule.times]).toEqual(["1,4", "06:30,18:30"]);
    h.clock.now = new Date(vnTime("2026-06-15 06:30").getTime() + 20_000);
    await tick(h);
    const morning = await slotAt("2026-06-15 06:30");
    expect(morning.status).toBe("sent");
    mondayItem = morning.itemId!;
    const tg = bulletinsTo(fake, HEAD.id);
    expect(tg).toHaveLength(1);
    expect(String(tg[0]!.payload.text)).not.toContain("Cùng bản tin");
    await postAndSettle(h, callbackUpdate(buttonsOf(tg[0]!).find((b) => b.text === "✅ Đã phát")!.callback_data, { user: HEAD }));
    expect(textsTo(fake, HEAD.id).at(-1)).toContain("Đã ghi nhận: Thôn Lùng Phình đã phát bản tin buổi 06:30 Thứ Hai 15/06/2026");
    expect(webBulletins(await webHead.read())).toHaveLength(1);
    expect((await webHead.press("✅ Đã phát")).at(-1)!.text).toContain("đã phát bản tin buổi 06:30 Thứ Hai 15/06/2026");
    expect(bulletinsTo(fake, SUB.id)).toHaveLength(1);
  });

  it("airs the same bulletin again at 18:30, saying it is this morning's, and each airing is confirmed on its own", async () => {
    h.clock.now = new Date(vnTime("2026-06-15 18:30").getTime() + 20_000);
    await tick(h);
    const evening = await slotAt("2026-06-15 18:30");
    expect(evening).toMatchObject({ itemId: mondayItem, status: "sent", subscribersQueued: 0 });
    const item = await h.db.bulletinItem.findUniqueOrThrow({ where: { id: mondayItem } });
    const tg = bulletinsTo(fake, HEAD.id);
    expect(tg).toHaveLength(2);
    const text = String(tg[1]!.payload.text);
    expect(text).toContain("Buổi phát 18:30 Thứ Hai 15/06/2026");
    expect(text).toContain("🔁 Cùng bản tin đã gửi sáng nay (06:30)");
    expect(text).toContain(`«${item.title}»`);
    expect(String(tg[0]!.payload.text)).toContain(`«${item.title}»`);
    expect(buttonsOf(tg[1]!).map((b) => b.text)).toEqual(["✅ Đã phát", "⚠️ Chưa phát được"]);
    await postAndSettle(h, callbackUpdate(buttonsOf(tg[1]!).find((b) => b.text === "✅ Đã phát")!.callback_data, { user: HEAD }));
    expect(textsTo(fake, HEAD.id).at(-1)).toContain("Đã ghi nhận: Thôn Lùng Phình đã phát bản tin buổi 18:30 Thứ Hai 15/06/2026");

    const web = webBulletins(await webHead.read());
    expect(web).toHaveLength(1);
    expect(web[0]!.text).toContain("🔁 Cùng bản tin đã gửi sáng nay (06:30)");
    // The web head does not answer the evening airing: the next morning's reminder says it was the re-airing.

    // Subscribers already have the text from the morning: no second copy.
    expect(bulletinsTo(fake, SUB.id)).toHaveLength(1);

    const cov = await villageCoverage(h.db, communeId, "2026-06");
    const byCode = Object.fromEntries(cov.villages.map((v) => [v.code, v]));
    expect(byCode["LP-01"]).toMatchObject({ delivered: 2, broadcast: 2, noAnswer: 0, reached: true });
    expect(byCode["LP-03"]).toMatchObject({ delivered: 2, broadcast: 1, noAnswer: 1, reached: true });
    expect(cov.slots).toEqual({ aired: 2, missed: 0, empty: 0 });

    // /tiendo: each airing with its own confirmations; the re-airing says whose bulletin it repeats.
    const progress = await progressText(h.db, communeId, h.clock.now);
    expect(progress).toContain("🗓️ 18:30 Thứ Hai 15/06/2026");
    expect(progress).toContain("• Phát lại bản tin buổi 06:30 Thứ Hai 15/06/2026");
    expect(progress).toContain("• Xác nhận phát: 1/5 thôn đã phát, 1 chưa trả lời, 3 chưa có trưởng thôn đăng ký");
    expect(progress).toContain("• Xác nhận phát: 2/5 thôn đã phát, 3 chưa có trưởng thôn đăng ký");
    expect(progress.match(/• Người đăng ký:/g)).toHaveLength(1);
  });

  it("reminds the next morning about the unanswered evening airing as the re-airing of the morning's", async () => {
    h.clock.now = vnTime("2026-06-16 07:01");
    await tick(h);
    const reminders = (await webHead.read()).filter((m) => m.text.includes("Nhắc đồng chí"));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.text).toContain("chưa xác nhận phát bản tin buổi 18:30 Thứ Hai 15/06/2026");
    expect(reminders[0]!.text).toContain("(Buổi này phát lại bản tin buổi 06:30 Thứ Hai 15/06/2026.)");
    expect((await webHead.press("✅ Đã phát")).at(-1)!.text).toContain("đã phát bản tin buổi 18:30 Thứ Hai 15/06/2026");
    expect(textsTo(fake, HEAD.id).filter((x) => x.includes("Nhắc đồng chí"))).toHaveLength(0);
  });

  it("airs the next bulletin on Thursday, morning and evening", async () => {
    h.clock.now = new Date(vnTime("2026-06-18 06:30").getTime() + 20_000);
    await tick(h);
    const thursday = await slotAt("2026-06-18 06:30");
    expect(thursday.itemId).not.toBe(mondayItem);
    h.clock.now = new Date(vnTime("2026-06-18 18:30").getTime() + 20_000);
    await tick(h);
    expect((await slotAt("2026-06-18 18:30")).itemId).toBe(thursday.itemId);
    const tg = bulletinsTo(fake, HEAD.id).map((c) => String(c.payload.text));
    expect(tg).toHaveLength(4);
    expect(tg[2]).not.toContain("Cùng bản tin");
    expect(tg[3]).toContain("🔁 Cùng bản tin đã gửi sáng nay (06:30)");
    expect(bulletinsTo(fake, SUB.id)).toHaveLength(2);
    // Monday's pair and Thursday's pair are two bulletins, four airings.
    const airings = await h.db.bulletinSlot.findMany({ where: { communeId, status: "sent" }, select: { itemId: true } });
    expect(airings).toHaveLength(4);
    expect(new Set(airings.map((a) => a.itemId)).size).toBe(2);
  });
});
