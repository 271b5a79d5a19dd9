// Tip-off, follow-up and the officer's side over the Zalo Bot platform (webhook with the secret
// header, wrapped and flat bodies), and long polling with getUpdates, against a fake Zalo Bot API.
import { revokeStaff } from "../../src/staff/invitations.js";
import { existsSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, PUBLIC_URL, type Harness } from "../helpers/harness.js";
import { EXIF_MARKERS, containsText, jpegWithExif } from "../helpers/images.js";
import { BOT_OFFICER, BOT_TIPSTER, botUpdate, flatBody, startFakeZaloBot, type FakeZaloBot, type ZaloBotUser } from "../helpers/fake-zalo-bot.js";
import { ZaloBotClient } from "../../bots/zalobot/client.js";
import { startZaloBotPolling } from "../../bots/zalobot/polling.js";
import { storeIncoming } from "../../src/inbound/store.js";

let fake: FakeZaloBot;
let h: Harness;

beforeAll(async () => {
  fake = await startFakeZaloBot();
  h = await createHarness({ zalobot: fake });
});
afterAll(async () => {
  await h.close();
  await fake.close();
});

let flat = false;
async function say(user: ZaloBotUser, content: Parameters<typeof botUpdate>[1]): Promise<void> {
  const update = botUpdate(user, content);
  flat = !flat; // alternate the two body shapes Zalo is reported to send
  const res = await h.postZaloBot(flat ? flatBody(update) : update);
  expect(res.status).toBe(200);
  await h.settle();
}
const last = (user: ZaloBotUser) => fake.textsTo(user.id).at(-1) ?? "";

describe("tip-off over Zalo Bot", () => {
  let receipt = "";

  it("files a tip with numbered choices and a photo, and alerts an officer on Zalo Bot", async () => {
    const code = await h.invite("officer", { communeCode: "HONGLOC" }, "Đ/c Hà Thị Trực");
    await say(BOT_OFFICER, { text: `/start ${code}` });
    expect(fake.textsTo(BOT_OFFICER.id).join("\n")).toContain("Đăng ký thành công");

    await say(BOT_TIPSTER, { text: "/start" });
    await say(BOT_TIPSTER, { text: "hồng lộc" }); // the only commune found: taken at once
    await say(BOT_TIPSTER, { text: "2" }); // the second category
    expect(last(BOT_TIPSTER)).toContain("Bước 3/5");
    await say(BOT_TIPSTER, { text: "Không rõ thôn/xóm" });
    await say(BOT_TIPSTER, { text: "Có nhóm thanh niên tụ tập sử dụng ma túy ở nhà hoang cuối xóm." });
    await say(BOT_TIPSTER, { photo_url: fake.hostMedia(jpegWithExif(), "image/jpeg"), caption: "nhà hoang" });
    expect(last(BOT_TIPSTER)).toContain("Đã nhận 1 ảnh");
    await say(BOT_TIPSTER, { sticker: "s1" });
    await say(BOT_TIPSTER, { text: "1" });
    await say(BOT_TIPSTER, { text: "1" });
    receipt = /Mã tiếp nhận của bạn: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(fake.textsTo(BOT_TIPSTER.id).join("\n"))?.[1] ?? "";
    expect(receipt).not.toBe("");

    const alert = fake.textsTo(BOT_OFFICER.id).find((t) => t.includes("TIN BÁO MỚI"))!;
    expect(alert).toContain("nhà hoang cuối xóm");
    expect(alert).toContain("5. 💬 Hỏi người báo tin");
    // sendPhoto takes a URL: a short-lived sealed link to our server, which serves the photo stripped.
    const photo = fake.callsTo("sendPhoto").find((c) => c.payload.chat_id === BOT_OFFICER.id)!;
    const link = new URL(String(photo.payload.photo));
    expect(link.origin).toBe(PUBLIC_URL);
    expect(link.pathname).toMatch(/^\/media\/v1\./);
    const served = await h.app.request(link.pathname);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/jpeg");
    const bytes = new Uint8Array(await served.arrayBuffer());
    expect(bytes[0]).toBe(0xff);
    for (const marker of EXIF_MARKERS) expect(containsText(bytes, marker)).toBe(false);
    // Tampered or expired links serve nothing.
    expect((await h.app.request(link.pathname.slice(0, -3) + "AAA")).status).toBe(404);
    // A link made for a staff member dies the moment they are revoked (issue 10), and works again if restored.
    const officer = await h.db.staff.findFirstOrThrow({ where: { channel: "zalobot", role: "officer" } });
    await revokeStaff(h.db, h.keys, officer.id, h.clock.now);
    expect((await h.app.request(link.pathname)).status).toBe(404);
    await h.db.staff.update({ where: { id: officer.id }, data: { active: true, revokedAt: null } });
    expect((await h.app.request(link.pathname)).status).toBe(200);
    h.clock.advanceMinutes(25 * 60);
    expect((await h.app.request(link.pathname)).status).toBe(404);
  });

  it("lets the officer take and ask, and the tipster answer", async () => {
    await say(BOT_OFFICER, { text: "tiếp nhận" });
    expect(last(BOT_TIPSTER)).toContain("đã được cán bộ công an xã tiếp nhận");
    await say(BOT_OFFICER, { text: "5" });
    await say(BOT_OFFICER, { text: "Nhà hoang có chó dữ không?" });
    expect(last(BOT_TIPSTER)).toContain("Nhà hoang có chó dữ không?");
    await say(BOT_TIPSTER, { text: "1" });
    await say(BOT_TIPSTER, { text: "Có một con chó vàng." });
    await say(BOT_TIPSTER, { text: "1" });
    expect(fake.textsTo(BOT_OFFICER.id).join("\n")).toContain("Có một con chó vàng.");
    await say(BOT_TIPSTER, { text: receipt });
    expect(last(BOT_TIPSTER)).toContain("Có một con chó vàng.");
  });

  it("leaves nothing that identifies the tipster in the database, logs or officers' messages", async () => {
    const secrets = [BOT_TIPSTER.id, BOT_TIPSTER.displayName];
    const stored = [h.dbPath, `${h.dbPath}-wal`].filter(existsSync).map((f) => readFileSync(f)).map((b) => b.toString("utf8") + b.toString("latin1"));
    const toOfficer = fake.calls.filter((c) => c.payload.chat_id === BOT_OFFICER.id).map((c) => JSON.stringify(c.payload));
    for (const secret of secrets) {
      for (const blob of stored) expect(blob.includes(secret), `database holds ${secret}`).toBe(false);
      expect(h.logs.join("\n").includes(secret)).toBe(false);
      for (const m of toOfficer) expect(m.includes(secret)).toBe(false);
    }
  });

  it("takes updates by long polling with getUpdates, one at a time, none lost", async () => {
    const client = new ZaloBotClient({ token: fake.token, apiRoot: fake.apiRoot });
    const before = await h.db.inboundUpdate.count();
    let failOnce = true;
    const polling = startZaloBotPolling(
      client,
      { db: h.db, keys: h.keys, now: () => h.clock.now },
      async (channel, externalId, incoming) => {
        if (failOnce) {
          failOnce = false;
          throw new Error("database busy");
        }
        await storeIncoming(h.db, channel, externalId, incoming, h.clock.now);
      },
      { timeoutSeconds: 1, retryDelayMs: 20 },
    );
    try {
      fake.enqueueUpdate(botUpdate(BOT_TIPSTER, { text: "/baomat" }));
      fake.enqueueUpdate(botUpdate(BOT_TIPSTER, { text: "/trogiup" }));
      for (let i = 0; i < 100 && (await h.db.inboundUpdate.count()) < before + 2; i++) await new Promise((r) => setTimeout(r, 50));
    } finally {
      await polling.stop();
    }
    expect(await h.db.inboundUpdate.count()).toBe(before + 2);
    await h.settle();
    const texts = fake.textsTo(BOT_TIPSTER.id);
    expect(texts.at(-2)).toContain("Điều chúng tôi bảo vệ");
    expect(texts.at(-1)).toContain("Hướng dẫn");
  });
});
