// Citizens' subscriptions through the real app: /nhanbantin and /huybantin in the web chat and over
// Telegram, a way back from every step, odd input answered politely, nothing identifying stored,
// /xoadulieu ending the subscription, and the per-channel window (Zalo) respected by the fan-out.
import { existsSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../helpers/harness.js";
import { TIPSTER, callbackUpdate, startFakeTelegram, textUpdate, type FakeTelegram } from "../helpers/fake-telegram.js";
import { buttonsOf, postAndSettle, textsTo, tick, toChat, vnTime } from "../helpers/bulletins.js";
import { addressTagOf, pseudonymOf, sealAddress } from "../../src/crypto/pseudonym.js";

let fake: FakeTelegram;
let h: Harness;

beforeAll(async () => {
  fake = await startFakeTelegram();
  h = await createHarness({ telegram: fake });
  h.clock.now = vnTime("2026-11-23 05:00");
  await tick(h);
});
afterAll(async () => {
  await h.close();
  await fake.close();
});

const texts = (messages: { text: string }[]) => messages.map((m) => m.text).join("\n---\n");

describe("subscribing in the web chat", () => {
  it("offers subscribing from the main menu and in the help", async () => {
    const citizen = h.web();
    const menu = await citizen.say("xin chào");
    expect(menu.at(-1)!.choices!.flat().map((c) => c.label)).toContain("📢 Nhận bản tin");
    expect(texts(await citizen.say("/trogiup"))).toContain("/nhanbantin");
  });

  it("walks commune → language with a way back and out, and answers odd input politely", async () => {
    const citizen = h.web();
    await citizen.press("📢 Nhận bản tin").catch(async () => citizen.say("/nhanbantin"));
    expect(citizen.last()!.text).toContain("Bạn muốn nhận bản tin của xã");
    for (const odd of ["\u200b\u200b", "   "]) expect((await citizen.say(odd)).at(-1)!.text).toContain("Hãy gõ tên xã");
    expect((await citizen.say("x".repeat(8000))).at(-1)!.text).toContain("Không tìm thấy xã");
    expect((await citizen.say("🍵🍵 ꪼꪕ")).at(-1)!.text).toContain("Không tìm thấy xã");
    const found = await citizen.say("nhu xuan");
    expect(found.at(-1)!.choices!.flat().map((c) => c.label)).toContain("Như Xuân");
    const languages = await citizen.press("Như Xuân");
    expect(languages.at(-1)!.text).toContain("Xã Như Xuân. Bạn muốn nhận bản tin bằng tiếng nào?");
    expect(languages.at(-1)!.choices!.flat().map((c) => c.label)).toEqual(["Tiếng Việt", "Tiếng Thái (Thái Đen) (Tai Dam)", "Tiếng Mường", "⬅️ Quay lại", "✖️ Hủy"]);
    expect((await citizen.press("⬅️ Quay lại")).at(-1)!.text).toContain("Bạn muốn nhận bản tin của xã");
    expect((await citizen.press("✖️ Hủy")).at(-1)!.text).toContain("Đã hủy. Bạn chưa đăng ký");
    expect(await h.db.bulletinSubscription.count()).toBe(0);
    // A language the commune does not have is refused, even when the button is forged.
    const commune = await h.db.commune.findUniqueOrThrow({ where: { code: "NHUXUAN" } });
    await citizen.send({ choice: `sl:${commune.id}:hnj` });
    expect(texts(await citizen.read())).toContain("Ngôn ngữ này không có ở xã đã chọn");
    await citizen.send({ choice: `sl:999999:vie` });
    expect(texts(await citizen.read())).toContain("Bạn muốn nhận bản tin của xã");
    expect(await h.db.bulletinSubscription.count()).toBe(0);
  });

  it("subscribes, says what is kept, replaces on a second choice, and stops with /huybantin", async () => {
    const citizen = h.web();
    await citizen.say("/nhanbantin");
    await citizen.say("Như Xuân");
    await citizen.press("Như Xuân");
    const done = (await citizen.press("Tiếng Mường")).at(-1)!.text;
    expect(done).toContain("xã Như Xuân bằng tiếng Mường");
    expect(done).toContain("Thứ Hai, Thứ Năm, lúc 06:30, 18:30 (giờ Việt Nam)");
    expect(done).toContain("không lưu tên hay số điện thoại");
    await citizen.say("/nhanbantin");
    await citizen.say("hong loc");
    expect((await citizen.press("Tiếng Việt")).at(-1)!.text).toContain("đã được thay bằng đăng ký này");
    expect(await h.db.bulletinSubscription.count()).toBe(1);
    expect((await citizen.say("/huybantin")).at(-1)!.text).toContain("Đã dừng");
    expect((await citizen.say("/huybantin")).at(-1)!.text).toContain("Bạn chưa đăng ký");
    expect(await h.db.bulletinSubscription.count()).toBe(0);
  });

  it("answers forged or oversized buttons politely and changes nothing", async () => {
    const citizen = h.web();
    const table: [string, string][] = [
      ["bp:99999999999999999999", "Xin chào"],
      ["sl:1:xx", "Xin chào"],
      ["bv:-1", "Xin chào"],
      ["ta:1e9", "Xin chào"],
      ["br:1:bogus", "chỉ dành cho cán bộ"],
    ];
    for (const [choice, answer] of table) {
      expect((await citizen.send({ choice })).status).toBe(202);
      expect(texts(await citizen.read()), choice).toContain(answer);
    }
    await citizen.send({ choice: "tr:1:hnj" });
    expect(texts(await citizen.read())).toContain("chỉ dành cho cán bộ");
    expect(await h.db.inboundUpdate.count({ where: { status: "failed" } })).toBe(0);
  });

  it("refuses to subscribe a group", async () => {
    await postAndSettle(h, textUpdate("/nhanbantin", { chat: { id: -100123, type: "supergroup", title: "Nhóm thôn" } }));
    expect(textsTo(fake, -100123).at(-1)).toContain("nhắn riêng cho bot");
  });
});

describe("subscribing over Telegram", () => {
  it("stores nothing that identifies the person, writes no last-message time on a channel without a window, and /xoadulieu ends it", async () => {
    await postAndSettle(h, textUpdate("/nhanbantin"));
    await postAndSettle(h, textUpdate("Lùng Phình"));
    const pick = buttonsOf(fake.calls.filter(toChat(TIPSTER.id)).at(-1)!).find((b) => b.callback_data.startsWith("sc:"))!;
    await postAndSettle(h, callbackUpdate(pick.callback_data));
    await postAndSettle(h, callbackUpdate(buttonsOf(fake.calls.filter(toChat(TIPSTER.id)).at(-1)!).find((b) => b.callback_data.endsWith(":hnj"))!.callback_data));
    expect(textsTo(fake, TIPSTER.id).at(-1)).toContain("bằng tiếng Mông (Hmoob)");
    const sub = await h.db.bulletinSubscription.findFirstOrThrow();
    expect(sub.pseudonym).toBe(await pseudonymOf(h.keys, "telegram", String(TIPSTER.id)));
    expect(sub.language).toBe("hnj");

    // Telegram has no interaction window (reach.json): the last-message time is kept from the
    // subscription and not rewritten on every message (Zalo's is: bulletin-slot-zalo.test.ts).
    const subscribedAt = sub.lastIncomingAt.getTime();
    h.clock.advanceMinutes(30);
    await postAndSettle(h, textUpdate("/bantin"));
    expect((await h.db.bulletinSubscription.findFirstOrThrow()).lastIncomingAt.getTime()).toBe(subscribedAt);
    expect(textsTo(fake, TIPSTER.id).at(-1)).toContain("chưa có buổi phát bản tin nào. Buổi đầu tiên: 06:30 Thứ Hai 23/11/2026");

    // Nothing that identifies the citizen anywhere in the database file.
    await h.db.$queryRawUnsafe("PRAGMA wal_checkpoint(FULL)");
    const bytes = Buffer.concat([readFileSync(h.dbPath), ...(existsSync(`${h.dbPath}-wal`) ? [readFileSync(`${h.dbPath}-wal`)] : [])]).toString("utf8");
    for (const secret of [String(TIPSTER.id), TIPSTER.first_name, TIPSTER.last_name!, TIPSTER.username!, TIPSTER.language_code!]) {
      expect(bytes.includes(secret), secret).toBe(false);
    }
    for (const line of h.logs) expect(line).not.toContain(String(TIPSTER.id));

    await postAndSettle(h, textUpdate("/xoadulieu"));
    expect(textsTo(fake, TIPSTER.id).at(-1)).toContain("Đã dừng nhận bản tin và xóa địa chỉ nhận bản tin của bạn");
    expect(await h.db.bulletinSubscription.count()).toBe(0);
  });
});

describe("the channel window at fan-out", () => {
  it("skips and counts subscribers a channel can no longer reach (Zalo: 48 hours), and reaches the rest", async () => {
    const commune = await h.db.commune.findUniqueOrThrow({ where: { code: "NAMSACH" } });
    const add = async (channel: string, chatId: string, hoursAgo: number) => {
      const address = { channel, chatId };
      await h.db.bulletinSubscription.create({
        data: {
          pseudonym: await pseudonymOf(h.keys, channel, chatId),
          channel,
          sealedAddress: await sealAddress(h.keys, address),
          addressTag: await addressTagOf(h.keys, address),
          communeId: commune.id,
          language: "vie",
          lastIncomingAt: new Date(vnTime("2026-11-23 06:30").getTime() - hoursAgo * 3_600_000),
        },
      });
    };
    await add("zalo", "z-recent", 10);
    await add("zalo", "z-old", 72);
    await add("telegram", "5550123", 24 * 200);
    h.clock.now = vnTime("2026-11-23 06:30");
    await tick(h);
    const slot = await h.db.bulletinSlot.findFirstOrThrow({ where: { communeId: commune.id } });
    expect(slot).toMatchObject({ status: "sent", subscribersQueued: 2, subscribersSkipped: 1 });
    const queued = await h.db.outboxMessage.findMany({ where: { dedupeKey: { startsWith: `b:${slot.id}:s:` } } });
    expect(queued.map((q) => q.channel).sort()).toEqual(["telegram", "zalo"]);
    expect(textsTo(fake, "5550123").join("\n")).toContain("xã Nam Sách");
  });
});
