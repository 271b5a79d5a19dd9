// A village head's bulletins in the staff console (issue 13), through the real Hono app on a real
// SQLite file: Lùng Phình airs Monday's bulletin at 06:30 (recorded in Vietnamese in the web chat);
// the head of Thôn Lùng Phình signs in with /dangnhap, sees a "Bản tin hôm nay" card on /canbo/thon,
// reads the airing on /canbo/bantin with its text and an <audio> player whose address gives the
// recording's bytes, answers "Đã phát" and "Chưa phát được" with a reason through recordAnswer (the
// record the chat's button makes, as the chat's button then shows); another village's airing is a
// 404 by page, recording and form, and changes nothing; an officer has no such page (403).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness, type WebClient } from "../helpers/harness.js";
import { tick, vnTime } from "../helpers/bulletins.js";
import { avFixture } from "../helpers/av.js";
import { consoleRequests } from "../helpers/console-requests.js";
import { newPublicId } from "../../src/media/uploads.js";

let h: Harness;
const RECORDING = avFixture("voice.ogg");

const { post, get, register, signIn } = consoleRequests(() => h);

let head: WebClient;
let otherHead: WebClient;
let deliveryId = 0;
let otherDeliveryId = 0;
let headId = 0;
let itemText = "";

beforeEach(async () => {
  h = await createHarness();
  h.clock.now = vnTime("2026-06-15 05:00");
  head = await register("village_head", { villageCode: "LP-01" }, "Trưởng thôn Lùng Phình");
  otherHead = await register("village_head", { villageCode: "LP-02" }, "Trưởng thôn LP-02");
  await tick(h); // the catalog and the default schedule (Monday and Thursday, 06:30 and 18:30)
  h.clock.now = new Date(vnTime("2026-06-15 06:30").getTime() + 20_000);
  await tick(h);
  const village = await h.db.village.findUniqueOrThrow({ where: { code: "LP-01" } });
  const other = await h.db.village.findUniqueOrThrow({ where: { code: "LP-02" } });
  const slot = await h.db.bulletinSlot.findUniqueOrThrow({ where: { communeId_scheduledAt: { communeId: village.communeId, scheduledAt: vnTime("2026-06-15 06:30") } } });
  deliveryId = (await h.db.bulletinDelivery.findUniqueOrThrow({ where: { slotId_villageId: { slotId: slot.id, villageId: village.id } } })).id;
  otherDeliveryId = (await h.db.bulletinDelivery.findUniqueOrThrow({ where: { slotId_villageId: { slotId: slot.id, villageId: other.id } } })).id;
  headId = (await h.db.staff.findFirstOrThrow({ where: { villageId: village.id, role: "village_head" } })).id;
  // The Vietnamese version gets a recording made in the web chat (a stored upload), as a translator's would be.
  const publicId = newPublicId();
  await h.db.webUpload.create({ data: { publicId, ownerTag: null, purpose: "bulletin", size: RECORDING.length, mime: "audio/ogg", bytes: RECORDING as Uint8Array<ArrayBuffer>, createdAt: h.clock.now } });
  await h.db.bulletinVersion.updateMany({ where: { itemId: slot.itemId!, language: "vie", status: "approved" }, data: { audioKind: "voice", audioChannel: "web", audioFileRef: publicId } });
  itemText = (await h.db.bulletinVersion.findFirstOrThrow({ where: { itemId: slot.itemId!, language: "vie", status: "approved" } })).text!;
  h.clock.now = vnTime("2026-06-15 07:00");
});
afterEach(async () => {
  await h.close();
});

describe("staff console: a village head's bulletins", () => {
  it("shows today's airing with its text and a player of the recording, and records the answers as the chat's buttons do", async () => {
    const cookie = await signIn(head);
    // The head's home stays the figures, with a pointer to today's bulletin.
    expect((await get("/canbo", cookie)).headers.get("location")).toBe("/canbo/thon");
    const figures = await (await get("/canbo/thon", cookie)).text();
    expect(figures).toContain("Bản tin hôm nay");
    expect(figures).toContain("Hôm nay thôn có 1 buổi phát bản tin.");
    expect(figures).toContain('href="/canbo/bantin"');

    const res = await get("/canbo/bantin", cookie);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page.length).toBeLessThan(100_000);
    expect(page).toContain("Bản tin — Thôn Lùng Phình, xã Lùng Phình");
    expect(page).toContain("Buổi phát 06:30 Thứ Hai 15/06/2026");
    expect(page).toContain("Ngôn ngữ: Tiếng Việt");
    // The text as sent (escaped as HTML), its first paragraph at least.
    const firstParagraph = itemText.split("\n\n")[0]!.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
    expect(page).toContain(firstParagraph.slice(0, 80));
    expect(page).toContain("Chưa trả lời");
    const src = /<audio controls="" preload="none" src="([^"]+)"|<audio[^>]*src="([^"]+)"/.exec(page);
    const audioPath = src![1] ?? src![2]!;
    expect(audioPath).toBe(`/canbo/bantin/${deliveryId}/ghiam/vie`);
    const audio = await get(audioPath, cookie);
    expect(audio.status).toBe(200);
    expect(audio.headers.get("content-type")).toBe("audio/ogg");
    expect(audio.headers.get("cache-control")).toBe("private, no-store");
    const bytes = new Uint8Array(await audio.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 4))).toBe("OggS");
    const part = await get(audioPath, cookie, { Range: "bytes=0-99" });
    expect(part.status).toBe(206);
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(bytes.slice(0, 100));
    // Without the session, nothing.
    expect((await h.app.request(audioPath)).status).toBe(403);
    // Every reason of reasons.json is a choice.
    expect(page).toContain('<option value="power">Mất điện</option>');

    // "Đã phát": one POST, the chat's record.
    const done = await post(`/canbo/bantin/${deliveryId}/daphat`, {}, cookie);
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe(`/canbo/bantin/${deliveryId}?kq=ok`);
    const row = await h.db.bulletinDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
    expect(row).toMatchObject({ status: "broadcast", reason: null, reasonText: null, answeredByStaffId: headId, answeredByFeedId: null });
    expect(row.answeredAt!.toISOString()).toBe(h.clock.now.toISOString());
    const shown = await (await get(done.headers.get("location")!, cookie)).text();
    expect(shown).toContain("Đã ghi nhận: Thôn Lùng Phình đã phát bản tin buổi 06:30 Thứ Hai 15/06/2026.");
    expect(shown).toContain("Đã phát (ghi nhận lúc 07:00 15/06/2026)");

    // Pressed again, as in chat: the same single record, its time the later press.
    h.clock.advanceMinutes(3);
    expect((await post(`/canbo/bantin/${deliveryId}/daphat`, {}, cookie)).status).toBe(303);
    const again = await h.db.bulletinDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
    expect(again).toMatchObject({ status: "broadcast", answeredByStaffId: headId });
    expect(again.answeredAt!.toISOString()).toBe(h.clock.now.toISOString());

    // "Chưa phát được" needs a reason from the list; "other" needs words, as in chat.
    expect((await post(`/canbo/bantin/${deliveryId}/chuaphat`, { reason: "", note: "" }, cookie)).status).toBe(400);
    expect((await post(`/canbo/bantin/${deliveryId}/chuaphat`, { reason: "__proto__", note: "" }, cookie)).status).toBe(400);
    const empty = await post(`/canbo/bantin/${deliveryId}/chuaphat`, { reason: "other", note: "  " }, cookie);
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("gõ ngắn gọn lý do");
    expect((await post(`/canbo/bantin/${deliveryId}/chuaphat`, { reason: "other", note: "x".repeat(301) }, cookie)).status).toBe(400);
    expect((await h.db.bulletinDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).status).toBe("broadcast");

    expect((await post(`/canbo/bantin/${deliveryId}/chuaphat`, { reason: "power", note: "" }, cookie)).status).toBe(303);
    expect(await h.db.bulletinDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).toMatchObject({ status: "not_broadcast", reason: "power", reasonText: null, answeredByStaffId: headId });
    const notShown = await (await get(`/canbo/bantin/${deliveryId}?kq=ok`, cookie)).text();
    expect(notShown).toContain("Chưa phát được: Mất điện");
    expect(notShown).toContain("Đã ghi nhận: Thôn Lùng Phình chưa phát được bản tin buổi 06:30 Thứ Hai 15/06/2026 (Mất điện).");

    expect((await post(`/canbo/bantin/${deliveryId}/chuaphat`, { reason: "other", note: "Loa bị sét đánh hỏng" }, cookie)).status).toBe(303);
    expect(await h.db.bulletinDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).toMatchObject({ status: "not_broadcast", reason: "other", reasonText: "Loa bị sét đánh hỏng" });
    expect(await (await get("/canbo/bantin", cookie)).text()).toContain("Chưa phát được: Loa bị sét đánh hỏng");

    // The chat's "Đã phát" under the same bulletin makes the same record the console's button made.
    await head.read();
    const replies = await head.press("✅ Đã phát");
    expect(replies.at(-1)!.text).toContain("Đã ghi nhận: Thôn Lùng Phình đã phát bản tin buổi 06:30 Thứ Hai 15/06/2026");
    const byChat = await h.db.bulletinDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
    expect({ ...byChat, answeredAt: null }).toEqual({ ...row, answeredAt: null });
    expect(await h.db.bulletinDelivery.count({ where: { villageId: row.villageId } })).toBe(1);
  });

  it("gives 404 for another village's airing by page, recording and form, changing nothing; an officer has no such page", async () => {
    const cookie = await signIn(head);
    const before = await h.db.bulletinDelivery.findUniqueOrThrow({ where: { id: otherDeliveryId } });
    expect(before.status).toBe("pending");
    expect((await get(`/canbo/bantin/${otherDeliveryId}`, cookie)).status).toBe(404);
    expect((await get(`/canbo/bantin/${otherDeliveryId}/ghiam/vie`, cookie)).status).toBe(404);
    expect((await post(`/canbo/bantin/${otherDeliveryId}/daphat`, {}, cookie)).status).toBe(404);
    expect((await post(`/canbo/bantin/${otherDeliveryId}/chuaphat`, { reason: "power" }, cookie)).status).toBe(404);
    expect((await post(`/canbo/bantin/${otherDeliveryId}/chuaphat`, { reason: "" }, cookie)).status).toBe(404);
    expect(await h.db.bulletinDelivery.findUniqueOrThrow({ where: { id: otherDeliveryId } })).toEqual(before);
    // Ids that are no airing at all, and nonsense, are the same 404.
    for (const path of ["/canbo/bantin/999999", "/canbo/bantin/abc", `/canbo/bantin/${deliveryId}/ghiam/xx`, `/canbo/bantin/${deliveryId}/ghiam/hmn`]) {
      expect((await get(path, cookie)).status).toBe(404);
    }
    // The other village's own head sees theirs, and not this village's.
    const otherCookie = await signIn(otherHead);
    const theirs = await (await get("/canbo/bantin", otherCookie)).text();
    expect(theirs).toContain("Thôn");
    expect(theirs).toContain(`/canbo/bantin/${otherDeliveryId}/`);
    expect(theirs).not.toContain(`/canbo/bantin/${deliveryId}/`);

    const officer = await register("officer", { communeCode: "LUNGPHINH" }, "Công an xã Lùng Phình");
    const officerCookie = await signIn(officer);
    expect((await get("/canbo/bantin", officerCookie)).status).toBe(403);
    expect((await post(`/canbo/bantin/${deliveryId}/daphat`, {}, officerCookie)).status).toBe(404);
    expect((await get("/canbo/tinbao", officerCookie)).status).toBe(200);
    expect(await (await get("/canbo/tinbao", officerCookie)).text()).not.toContain('href="/canbo/bantin"');
    expect(await (await get("/canbo/thon", cookie)).text()).toContain('<a href="/canbo/bantin">Bản tin</a>');
  });

  it("lists earlier days' airings as links, and shows no card on a day without an airing", async () => {
    h.clock.now = vnTime("2026-06-16 09:00");
    const cookie = await signIn(head);
    expect(await (await get("/canbo/thon", cookie)).text()).not.toContain("Bản tin hôm nay");
    const page = await (await get("/canbo/bantin", cookie)).text();
    expect(page).toContain("Những ngày trước");
    expect(page).toContain(`href="/canbo/bantin/${deliveryId}"`);
    expect(page).not.toContain("<audio");
    const one = await get(`/canbo/bantin/${deliveryId}`, cookie);
    expect(one.status).toBe(200);
    expect(await one.text()).toContain(`/canbo/bantin/${deliveryId}/ghiam/vie`);
  });
});
