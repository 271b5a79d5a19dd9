// The bulletin job in the Workers build (wrangler dev, workerd, local D1 with the same SQL
// migrations), run by the cron trigger: it imports the catalog and schedules on D1, and when a
// commune's slot comes it sends the village head the bulletin through the fake Bot API. A delivery
// two years old is rolled up into its village's monthly tally by the cron's sweep, on D1.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { d1Query, startLocalWorker, type LocalWorker } from "../helpers/workerd.js";
import { createKeyring, randomKeyText } from "../../src/crypto/keys.js";
import { pseudonymOf, sealAddress } from "../../src/crypto/pseudonym.js";
import { startFakeTelegram, type FakeTelegram } from "../helpers/fake-telegram.js";
import { feedTokenHash, newFeedToken } from "../../src/feeds/tokens.js";
import { DEFAULT_SCHEDULE, scheduleToRow, spreadSchedule } from "../../src/bulletins/schedule.js";
import { monthOf } from "../../src/util/vietnam-time.js";

const HEAD_CHAT = "7770001";
const keyText = { pseudonym: randomKeyText(), vault: randomKeyText() };
/** The village's feed link (issue 15), seeded as the admin command would leave it: only its keyed hash. */
const FEED_TOKEN = newFeedToken();
/** A slot aired two years ago, made when it fell due: the first slot of the database. */
const OLD_SLOT_AT = new Date(Date.now() - 730 * 86_400_000);

/** Prisma's text form of a DateTime in SQLite and D1. */
const prismaDate = (d: Date) => d.toISOString().replace("Z", "+00:00");

let persistTo: string;
let fake: FakeTelegram;
let worker: LocalWorker | null = null;

async function cron(): Promise<void> {
  const res = await worker!.fetch(`/__scheduled?cron=*+*+*+*+*`);
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  const keys = await createKeyring(keyText.pseudonym, keyText.vault);
  const sealed = await sealAddress(keys, { channel: "telegram", chatId: HEAD_CHAT });
  const pseudonym = await pseudonymOf(keys, "telegram", HEAD_CHAT);
  fake = await startFakeTelegram();
  worker = await startLocalWorker({
    name: "bulletins",
    scheduled: true,
    seedSql:
      "INSERT INTO Province (code, name) VALUES ('LCA', 'Lào Cai'); " +
      "INSERT INTO Commune (code, name, searchName, provinceId, languages) VALUES ('LUNGPHINH', 'Lùng Phình', 'lung phinh', 1, 'vie,hnj'); " +
      "INSERT INTO Village (code, name, communeId) VALUES ('LP-01', 'Thôn Lùng Phình', 1); " +
      `INSERT INTO Staff (pseudonym, channel, sealedAddress, displayName, role, communeId, villageId) VALUES ('${pseudonym}', 'telegram', '${sealed}', 'Trưởng thôn', 'village_head', 1, 1);` +
      `INSERT INTO VillageFeed (villageId, tokenHash, createdAt) VALUES (1, '${await feedTokenHash(keys, FEED_TOKEN)}', '${prismaDate(new Date())}');` +
      `INSERT INTO BulletinSlot (communeId, scheduledAt, status) VALUES (1, '${prismaDate(OLD_SLOT_AT)}', 'sent'); ` +
      `INSERT INTO BulletinDelivery (slotId, villageId, status, languages, reason, remindAt) VALUES (1, 1, 'not_broadcast', 'vie', 'power', '${prismaDate(OLD_SLOT_AT)}');`,
    vars: { PSEUDONYM_KEY: keyText.pseudonym, VAULT_KEY: keyText.vault, TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, TELEGRAM_WEBHOOK_SECRET: "workerd_bulletins", PUBLIC_URL: "https://phaodai.example" },
  });
  ({ persistTo } = worker);
}, 180_000);

afterAll(async () => {
  await worker?.stop();
  await fake?.close();
});

describe("bulletins on Workers with D1", () => {
  it("imports the catalog and gives the commune its schedule on the first cron run", async () => {
    await cron();
    const deadline = Date.now() + 60_000;
    while (d1Query<{ n: number }>(persistTo, "SELECT count(*) AS n FROM BulletinSchedule")[0]!.n === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
    expect(d1Query<{ n: number }>(persistTo, "SELECT count(*) AS n FROM BulletinItem WHERE retiredAt IS NULL")[0]!.n).toBeGreaterThanOrEqual(24);
    // The default schedule, spread by the commune's code as on Node (schedule.json default.spreadMinutes).
    expect(d1Query<{ days: string; times: string }>(persistTo, "SELECT days, times FROM BulletinSchedule")).toEqual([scheduleToRow(spreadSchedule(DEFAULT_SCHEDULE, "LUNGPHINH"))]);
    expect(scheduleToRow(spreadSchedule(DEFAULT_SCHEDULE, "LUNGPHINH"))).toEqual({ days: "1,4", times: "06:32,18:32" });
    // The same run gives Telegram the citizens' command menu (a Worker has no start to do it at).
    const menu = await fake.waitFor((c) => c.method === "setMyCommands", 30_000);
    expect(menu.payload.scope).toEqual({ type: "all_private_chats" });
    expect((menu.payload.commands as Array<{ command: string }>).map((c) => c.command)).toContain("theodoi");
  });

  it("rolls a two-year-old delivery up into its village's monthly tally at the cron's sweep, on D1", async () => {
    const old = () => d1Query<{ n: number }>(persistTo, "SELECT count(*) AS n FROM BulletinDelivery WHERE slotId = 1")[0]!.n;
    await expect.poll(old, { timeout: 60_000, interval: 500 }).toBe(0);
    expect(d1Query(persistTo, "SELECT villageId, month, status, reason, reasonText, tally FROM DeliveryTally")).toEqual([
      { villageId: 1, month: monthOf(OLD_SLOT_AT), status: "not_broadcast", reason: "power", reasonText: "", tally: 1 },
    ]);
  }, 90_000);

  it("airs a due slot: the village head gets the bulletin with the confirmation buttons", async () => {
    // Make a slot due a minute ago (every day at that minute, Vietnam time).
    const now = new Date();
    const slot = new Date(Math.floor((now.getTime() - 60_000) / 60_000) * 60_000);
    const vn = new Date(slot.getTime() + 7 * 3_600_000);
    const time = `${String(vn.getUTCHours()).padStart(2, "0")}:${String(vn.getUTCMinutes()).padStart(2, "0")}`;
    d1Query(persistTo, `UPDATE BulletinSchedule SET days = '1,2,3,4,5,6,7', times = '${time}', cursorAt = '${prismaDate(new Date(slot.getTime() - 600_000))}', nextDueAt = '${prismaDate(slot)}'`);
    await cron();
    const call = await fake.waitFor((c) => c.method === "sendMessage" && String(c.payload.chat_id) === HEAD_CHAT && String(c.payload.text).includes("BẢN TIN PHÒNG, CHỐNG MA TÚY"), 30_000);
    const buttons = (call.payload.reply_markup as { inline_keyboard: { text: string }[][] }).inline_keyboard.flat().map((b) => b.text);
    expect(buttons).toEqual(["✅ Đã phát", "⚠️ Chưa phát được"]);
    expect(String(call.payload.text)).toContain("Thôn Lùng Phình");
    const deadline = Date.now() + 60_000;
    let slots: { status: string }[] = [];
    while (Date.now() < deadline) {
      // Slot 1 is the old one seeded for the rollup (its slot row stays; its deliveries are tallies).
      slots = d1Query<{ status: string }>(persistTo, "SELECT status FROM BulletinSlot WHERE id > 1");
      if (slots[0]?.status === "sent") break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(slots).toEqual([{ status: "sent" }]);
    expect(d1Query<{ status: string; languages: string }>(persistTo, "SELECT status, languages FROM BulletinDelivery")).toEqual([{ status: "pending", languages: "vie" }]);
  });

  it("serves the village's feed with that airing, and its confirmation link marks it 'đã phát'", async () => {
    const rss = await worker!.fetch(`/phat/${FEED_TOKEN}/rss.xml`);
    expect(rss.status).toBe(200);
    expect(rss.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    const xml = await rss.text();
    expect(xml).toContain("<title>Bản tin phòng, chống ma túy — Thôn Lùng Phình, Lùng Phình</title>");
    // The catalog's bulletins are text: the item is marked, with no enclosure.
    expect(xml).toContain("<title>[Chỉ có bài đọc — trưởng thôn đọc trên loa] ");
    expect(xml).not.toContain("<enclosure");
    const confirm = /<phaodai:daphat>https:\/\/phaodai\.example(\/phat\/[^<]+)<\/phaodai:daphat>/.exec(xml)?.[1];
    expect(confirm).toBeDefined();
    const res = await worker!.fetch(confirm!, { method: "POST" });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { recorded: boolean }).recorded).toBe(true);
    expect(d1Query<{ status: string; byFeed: number | null; byStaff: number | null }>(persistTo, "SELECT status, answeredByFeedId AS byFeed, answeredByStaffId AS byStaff FROM BulletinDelivery")).toEqual([
      { status: "broadcast", byFeed: 1, byStaff: null },
    ]);
    expect((await worker!.fetch(`/phat/${newFeedToken()}/rss.xml`)).status).toBe(404);
  });
});
