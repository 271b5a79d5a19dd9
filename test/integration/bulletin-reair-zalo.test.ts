// The morning and early-evening airings of one bulletin (seed 002: "02 lần/tuần vào các buổi sáng và
// chiều tối") on Zalo, through the real app on a real SQLite file with fakes of the Zalo OA and Zalo
// Bot APIs on localhost: the village heads get Monday's bulletin at 06:30 and again at 18:30, told the
// evening one is this morning's, and confirm each airing by typing its number; a Zalo subscriber gets
// the text once; the head who left the evening airing unanswered is reminded the next morning.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../helpers/harness.js";
import { startFakeZaloOa, type FakeZaloOa, type ZaloUser } from "../helpers/fake-zalo-oa.js";
import { botUpdate, startFakeZaloBot, type FakeZaloBot, type ZaloBotUser } from "../helpers/fake-zalo-bot.js";
import { zaloSay } from "../helpers/zalo-flow.js";
import { tick, vnTime } from "../helpers/bulletins.js";
import { villageCoverage } from "../../src/bulletins/coverage.js";

let oa: FakeZaloOa;
let bot: FakeZaloBot;
let h: Harness;
let communeId = 0;

const OA_HEAD: ZaloUser = { id: "7720000000000000001", userIdByApp: "5520000000000000001", displayName: "Trưởng thôn Lùng Phình" };
const OA_SUB: ZaloUser = { id: "7720000000000000002", userIdByApp: "5520000000000000002", displayName: "Người dân Lùng Phình" };
const BOT_HEAD: ZaloBotUser = { id: "b0b0c0ffee0000000003", displayName: "Trưởng thôn Sín Chải" };
const HEADER = "BẢN TIN PHÒNG, CHỐNG MA TÚY";
const AGAIN = "🔁 Cùng bản tin đã gửi sáng nay (06:30)";

const oaBulletins = (u: ZaloUser, header = HEADER) => oa.textsTo(u.id).filter((t) => t.includes(header));
const botBulletins = () => bot.textsTo(BOT_HEAD.id).filter((t) => t.includes(HEADER));
const slotAt = (at: string) => h.db.bulletinSlot.findUniqueOrThrow({ where: { communeId_scheduledAt: { communeId, scheduledAt: vnTime(at) } } });

async function botSay(text: string) {
  expect((await h.postZaloBot(botUpdate(BOT_HEAD, { text }))).status).toBe(200);
  await h.settle();
}

beforeAll(async () => {
  [oa, bot] = await Promise.all([startFakeZaloOa(), startFakeZaloBot()]);
  h = await createHarness({ zalo: oa, zalobot: bot });
  await h.authorizeZalo();
  communeId = (await h.db.commune.findUniqueOrThrow({ where: { code: "LUNGPHINH" } })).id;
  h.clock.now = vnTime("2026-06-15 05:00");
  await tick(h); // the catalog and the default schedule: Monday and Thursday, 06:30 and again 18:30
  await zaloSay(h, OA_HEAD, `/dangky ${await h.invite("village_head", { villageCode: "LP-01" }, "Trưởng thôn LP-01 (Zalo OA)")}`);
  await botSay(`/dangky ${await h.invite("village_head", { villageCode: "LP-02" }, "Trưởng thôn LP-02 (Zalo Bot)")}`);
  expect(oa.textsTo(OA_HEAD.id).join("\n")).toContain("Đăng ký thành công");
  expect(bot.textsTo(BOT_HEAD.id).join("\n")).toContain("Đăng ký thành công");
  await zaloSay(h, OA_SUB, "/nhanbantin");
  await zaloSay(h, OA_SUB, "lung phinh");
  await zaloSay(h, OA_SUB, "1");
  await zaloSay(h, OA_SUB, "1"); // Tiếng Việt
  expect(oa.textsTo(OA_SUB.id).at(-1)).toContain("Bạn sẽ nhận bản tin phòng, chống ma túy");
}, 60_000);

afterAll(async () => {
  await h.close();
  await Promise.all([oa.close(), bot.close()]);
});

describe("one bulletin, morning and early evening, on Zalo", () => {
  it("airs Monday's bulletin at 06:30 to both heads, each confirming by typing 1", async () => {
    h.clock.now = new Date(vnTime("2026-06-15 06:30").getTime() + 20_000);
    await tick(h);
    expect((await slotAt("2026-06-15 06:30")).status).toBe("sent");
    expect(oaBulletins(OA_HEAD)).toHaveLength(1);
    expect(oaBulletins(OA_HEAD)[0]).not.toContain("Cùng bản tin");
    expect(botBulletins()).toHaveLength(1);
    await zaloSay(h, OA_HEAD, "1");
    expect(oa.textsTo(OA_HEAD.id).at(-1)).toContain("Đã ghi nhận: Thôn Lùng Phình đã phát bản tin buổi 06:30 Thứ Hai 15/06/2026");
    await botSay("1");
    expect(bot.textsTo(BOT_HEAD.id).at(-1)).toContain("đã phát bản tin buổi 06:30 Thứ Hai 15/06/2026");
    expect(oaBulletins(OA_SUB, "Bản tin phòng, chống ma túy")).toHaveLength(1);
  });

  it("airs the same bulletin at 18:30, saying so, and records that airing's answer on its own", async () => {
    const morning = await slotAt("2026-06-15 06:30");
    h.clock.now = new Date(vnTime("2026-06-15 18:30").getTime() + 20_000);
    await tick(h);
    const evening = await slotAt("2026-06-15 18:30");
    expect(evening).toMatchObject({ itemId: morning.itemId, status: "sent", subscribersQueued: 0 });
    const item = await h.db.bulletinItem.findUniqueOrThrow({ where: { id: morning.itemId! } });
    for (const copies of [oaBulletins(OA_HEAD), botBulletins()]) {
      expect(copies).toHaveLength(2);
      expect(copies[1]).toContain("Buổi phát 18:30 Thứ Hai 15/06/2026");
      expect(copies[1]).toContain(AGAIN);
      expect(copies[1]).toContain(`«${item.title}»`);
    }
    // The choices arrive whole at the end of the evening copy, as in the morning.
    expect(oa.textsTo(OA_HEAD.id).filter((t) => t.includes("1. ✅ Đã phát\n2. ⚠️ Chưa phát được"))).toHaveLength(2);
    await zaloSay(h, OA_HEAD, "đã phát"); // the words of the choice work as well as its number
    expect(oa.textsTo(OA_HEAD.id).at(-1)).toContain("đã phát bản tin buổi 18:30 Thứ Hai 15/06/2026");
    // The subscriber already has the text: no second copy in the evening.
    expect(oaBulletins(OA_SUB, "Bản tin phòng, chống ma túy")).toHaveLength(1);

    const cov = await villageCoverage(h.db, communeId, "2026-06");
    const byCode = Object.fromEntries(cov.villages.map((v) => [v.code, v]));
    expect(byCode["LP-01"]).toMatchObject({ delivered: 2, broadcast: 2, noAnswer: 0 });
    expect(byCode["LP-02"]).toMatchObject({ delivered: 2, broadcast: 1, noAnswer: 1 });
    expect(cov.slots).toEqual({ aired: 2, missed: 0, empty: 0 });
  });

  it("reminds the Zalo Bot head the next morning that the evening airing repeated the morning's", async () => {
    const before = bot.textsTo(BOT_HEAD.id).length;
    h.clock.now = vnTime("2026-06-16 07:01");
    await tick(h);
    const reminders = bot.textsTo(BOT_HEAD.id).slice(before).filter((t) => t.includes("Nhắc đồng chí"));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toContain("chưa xác nhận phát bản tin buổi 18:30 Thứ Hai 15/06/2026");
    expect(reminders[0]).toContain("(Buổi này phát lại bản tin buổi 06:30 Thứ Hai 15/06/2026.)");
    expect(oa.textsTo(OA_HEAD.id).filter((t) => t.includes("Nhắc đồng chí"))).toHaveLength(0);
    await botSay("1");
    expect(bot.textsTo(BOT_HEAD.id).at(-1)).toContain("đã phát bản tin buổi 18:30 Thứ Hai 15/06/2026");
  });
});
