// Bulletins written by the commune (issue 15), through the real app on a real SQLite file, on two
// channels: an officer of Lùng Phình writes an urgent warning on Telegram (with Quay lại on the way),
// the commune's leader approves it in the web chat and airs it at once: the next tick sends it to
// Lùng Phình's village heads (Telegram and web chat), its translator is asked for Hmong, and Hồng
// Lộc's head never gets it. The other way round, the leader writes and the officer approves for the
// next slot, where it airs before the catalog. The writer cannot approve their own, another
// commune's officer cannot even find it, and the catalog import keeps it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, type WebClient } from "../helpers/harness.js";
import { callbackUpdate, startFakeTelegram, textUpdate, type FakeTelegram } from "../helpers/fake-telegram.js";
import { bulletinsTo, buttonsOf, postAndSettle, registerTelegramStaff, telegramUser, textsTo, tick, toChat, vnTime } from "../helpers/bulletins.js";
import { pickForCommune } from "../../src/bulletins/slots.js";
import { reviewLocalBulletin, airLocalBulletin } from "../../src/bulletins/local.js";
import { ensureCatalog } from "../../src/bulletins/catalog.js";
import { missingTranslations } from "../../src/bulletins/translations.js";

const WARNING_TITLE = "Ma túy trá hình kẹo ngọt ở cổng trường";
const WARNING_TEXT =
  "Bà con chú ý: có người lạ mời học sinh ăn kẹo ngọt ở cổng trường tiểu học. Kẹo này có thể chứa ma túy. Không cho trẻ nhận quà của người lạ. Thấy người khả nghi, báo ngay công an xã.";
const LOCAL_TITLE = "Họp thôn về phòng, chống ma túy";
const LOCAL_TEXT = "Tối thứ Năm này, các thôn họp bàn cách giữ thôn bản sạch ma túy. Mời bà con đến đông đủ và góp ý kiến.";

let fake: FakeTelegram;
let h: Harness;
let lungPhinh = 0;
let hongLoc = 0;
const OFFICER = telegramUser("Công an xã Lùng Phình");
const HEAD = telegramUser("Trưởng thôn Lùng Phình");
let leader: WebClient;
let headWeb: WebClient;
let translator: WebClient;
let otherOfficer: WebClient;
let otherHead: WebClient;
let citizen: WebClient;

const texts = (list: { text: string }[]) => list.map((m) => m.text).join("\n");
const lastTo = (chatId: number) => fake.calls.filter(toChat(chatId)).at(-1)!;
const press = (data: string) => postAndSettle(h, callbackUpdate(data, { user: OFFICER }));
const say = (text: string) => postAndSettle(h, textUpdate(text, { user: OFFICER }));
const lastText = () => String(lastTo(OFFICER.id).payload.text);
/** A button's data sent as is from the web chat (crafted, or under an older message). */
async function sendChoice(client: WebClient, data: string): Promise<string> {
  h.clock.advanceMinutes(0.05);
  expect((await client.send({ choice: data })).status).toBe(202);
  return texts(await client.read());
}

async function registerWeb(role: string, scope: { communeCode?: string; villageCode?: string }, name: string): Promise<WebClient> {
  const client = h.web();
  h.clock.advanceMinutes(0.05);
  expect(texts(await client.say(`/dangky ${await h.invite(role, scope, name)}`))).toContain("Đăng ký thành công");
  return client;
}

beforeAll(async () => {
  fake = await startFakeTelegram();
  h = await createHarness({ telegram: fake });
  h.clock.now = vnTime("2026-06-16 09:00"); // a Tuesday: the next slot is Thursday 06:30
  lungPhinh = (await h.db.commune.findUniqueOrThrow({ where: { code: "LUNGPHINH" } })).id;
  hongLoc = (await h.db.commune.findUniqueOrThrow({ where: { code: "HONGLOC" } })).id;
  await tick(h);
  await registerTelegramStaff(h, fake, OFFICER, "officer", { communeCode: "LUNGPHINH" }, "Đ/c Công An Lùng Phình");
  await registerTelegramStaff(h, fake, HEAD, "village_head", { villageCode: "LP-01" }, "Trưởng thôn LP-01");
  leader = await registerWeb("leader", { communeCode: "LUNGPHINH" }, "Đ/c Chủ Tịch Lùng Phình");
  headWeb = await registerWeb("village_head", { villageCode: "LP-02" }, "Trưởng thôn LP-02");
  translator = await registerWeb("translator", { communeCode: "LUNGPHINH" }, "Đ/c Dịch Tiếng Mông");
  expect((await translator.send({ choice: "tl:hnj" })).status).toBe(202);
  otherOfficer = await registerWeb("officer", { communeCode: "HONGLOC" }, "Đ/c Công An Hồng Lộc");
  otherHead = await registerWeb("village_head", { villageCode: "HL-01" }, "Trưởng thôn HL-01");
  // A citizen of Lùng Phình subscribed in Vietnamese.
  citizen = h.web();
  await citizen.say("/nhanbantin");
  await citizen.say("Lùng Phình");
  await citizen.press("Lùng Phình");
  expect(texts(await citizen.press("Tiếng Việt"))).toContain("xã Lùng Phình");
  for (const c of [leader, headWeb, translator, otherOfficer, otherHead]) await c.read();
});

afterAll(async () => {
  await h.close();
  await fake.close();
});

describe("a warning written on Telegram, approved in the web chat, aired at once", () => {
  let id = 0;
  let itemId = 0;

  it("asks kind, title, text with a way back at each step, then a preview", async () => {
    await say("/vietbantin");
    expect(lastText()).toContain("Đồng chí soạn loại nào?");
    expect(buttonsOf(lastTo(OFFICER.id)).map((b) => b.callback_data)).toEqual(["lbk:bulletin", "lbk:warning", "nav:cancel"]);
    await press("lbk:warning");
    expect(lastText()).toContain("Cảnh báo khẩn: đồng chí gõ tiêu đề");
    await press("nav:back");
    expect(lastText()).toContain("Đồng chí soạn loại nào?");
    await press("lbk:warning");
    await say("   ");
    expect(lastText()).toContain("Tiêu đề đang trống");
    await say(WARNING_TITLE);
    expect(lastText()).toContain("Gõ nội dung để trưởng thôn đọc trên loa");
    await say("Ngắn quá");
    expect(lastText()).toContain("Nội dung ngắn quá");
    await press("nav:back");
    expect(lastText()).toContain("gõ tiêu đề");
    await say(WARNING_TITLE);
    await say(WARNING_TEXT);
    const preview = lastText();
    expect(preview).toContain("Xem lại trước khi gửi duyệt");
    expect(preview).toContain(`Tiêu đề: ${WARNING_TITLE}`);
    expect(preview).toContain(WARNING_TEXT);
    expect(preview).toContain("Người duyệt: lãnh đạo xã");
    expect(buttonsOf(lastTo(OFFICER.id)).map((b) => b.callback_data)).toEqual(["lbc:submit", "lbc:edit", "nav:back", "nav:cancel"]);
    // "Sửa" goes back to the title with the draft shown; one button keeps what was written.
    await press("lbc:edit");
    expect(lastText()).toContain("gõ tiêu đề");
    expect(lastText()).toContain(`Đang có: «${WARNING_TITLE}»`);
    await press("lbg");
    expect(lastText()).toContain(`Đang có: «${WARNING_TEXT}»`);
    await press("lbg");
    expect(lastText()).toContain("Xem lại trước khi gửi duyệt");
    await press("lbc:submit");
    expect(lastText()).toContain(`Đã gửi «${WARNING_TITLE}» cho 1 người duyệt`);
    const row = await h.db.localBulletin.findFirstOrThrow();
    expect(row).toMatchObject({ communeId: lungPhinh, kind: "warning", status: "pending", title: WARNING_TITLE, itemId: null });
    id = row.id;
  });

  it("refuses self-approval and another commune's officer, in chat and in the domain", async () => {
    await press(`lbr:${id}:a`);
    expect(lastText()).toContain("không tự duyệt");
    expect(await sendChoice(otherOfficer, `lbr:${id}:a`)).toContain("Không tìm thấy bản tin này");
    const other = await h.db.staff.findFirstOrThrow({ where: { displayName: "Đ/c Công An Hồng Lộc" } });
    expect(await reviewLocalBulletin(h.deps, other, id, "approve")).toEqual({ ok: false, reason: "not_found" });
    expect(await airLocalBulletin(h.deps, other, id, "now")).toEqual({ ok: false, reason: "not_found" });
    expect((await h.db.localBulletin.findUniqueOrThrow({ where: { id } })).status).toBe("pending");
  });

  it("is approved by the leader, who airs it at once; the heads of the commune get it on the next tick", async () => {
    const request = await leader.read();
    expect(texts(request)).toContain(`Cảnh báo khẩn của xã chờ đồng chí duyệt: «${WARNING_TITLE}»`);
    expect(texts(request)).toContain("Người soạn: Đ/c Công An Lùng Phình");
    const approved = await leader.press("Duyệt");
    expect(texts(approved)).toContain(`Đã duyệt «${WARNING_TITLE}»`);
    const row = await h.db.localBulletin.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("approved");
    itemId = row.itemId!;
    const item = await h.db.bulletinItem.findUniqueOrThrow({ where: { id: itemId } });
    // A warning is about one event: valid a week from its approval (src/bulletins/local.json), then never picked again.
    expect(item).toMatchObject({ communeId: lungPhinh, priority: 2, title: `⚠️ CẢNH BÁO KHẨN: ${WARNING_TITLE}`, validUntil: vnTime("2026-06-22 00:00") });
    // The writer is told; the commune's translator is asked for Hmong.
    expect(textsTo(fake, OFFICER.id).join("\n")).toContain(`«${WARNING_TITLE}» đã được Đ/c Chủ Tịch Lùng Phình duyệt`);
    const asked = await translator.read();
    expect(texts(asked)).toContain(`Xã vừa có bản tin mới «${WARNING_TITLE}»`);
    expect(asked.flatMap((m) => m.choices ?? []).flat().map((c) => c.data)).toContain(`tr:${itemId}:hnj`);
    // A second press of Duyệt changes nothing.
    expect(await sendChoice(leader, `lbr:${id}:a`)).toContain("đã được duyệt hoặc trả lại rồi");

    const aired = await leader.press("📢 Phát ngay");
    expect(texts(aired)).toContain(`Đã phát «${WARNING_TITLE}»`);
    const slot = await h.db.bulletinSlot.findFirstOrThrow({ where: { communeId: lungPhinh, itemId } });
    expect(slot.status).toBe("sending");
    await tick(h);
    const got = bulletinsTo(fake, HEAD.id).map((c) => String(c.payload.text)).join("\n");
    expect(got).toContain(`CẢNH BÁO KHẨN: ${WARNING_TITLE}`);
    expect(got).toContain(WARNING_TEXT);
    expect(texts(await headWeb.read())).toContain(WARNING_TEXT);
    // The subscriber gets it too, queued with the village heads' priority (before other bulletins' subscribers).
    expect(texts(await citizen.read())).toContain(WARNING_TEXT);
    const subscriberRows = await h.db.outboxMessage.findMany({ where: { dedupeKey: { startsWith: `b:${slot.id}:s:` } } });
    expect(subscriberRows.map((r) => r.priority)).toEqual([-1]);
    expect(await h.db.bulletinDelivery.count({ where: { slotId: slot.id } })).toBe(await h.db.village.count({ where: { communeId: lungPhinh } }));
    // Once aired, "Phát ngay" again is refused and makes nothing.
    expect(texts(await leader.press("📢 Phát ngay"))).toContain("đã được phát rồi");
    expect(await h.db.bulletinSlot.count({ where: { communeId: lungPhinh, itemId } })).toBe(1);
  });

  it("never reaches another commune: not its head, not its pick, not its translators' list, and the catalog import keeps it", async () => {
    expect(texts(await otherHead.read())).not.toContain(WARNING_TITLE);
    expect(await pickForCommune(h.db, lungPhinh, vnTime("2026-06-23 06:30"))).not.toBe(itemId);
    for (const at of ["2026-06-18 06:30", "2026-06-22 06:30", "2026-06-25 06:30"]) expect(await pickForCommune(h.db, hongLoc, vnTime(at))).not.toBe(itemId);
    expect((await missingTranslations(h.db, "hnj", h.clock.now, hongLoc)).missing.map((m) => m.id)).not.toContain(itemId);
    expect((await missingTranslations(h.db, "hnj", h.clock.now, lungPhinh)).missing[0]!.id).toBe(itemId);
    await h.db.bulletinMeta.deleteMany({ where: { key: "catalog.revision" } });
    await ensureCatalog(h.db, h.clock.now);
    expect((await h.db.bulletinItem.findUniqueOrThrow({ where: { id: itemId } })).retiredAt).toBeNull();
    // Hồng Lộc's next slot airs a catalog bulletin, never Lùng Phình's warning.
    h.clock.now = vnTime("2026-06-18 06:31");
    await tick(h);
    const hl = await h.db.bulletinSlot.findFirstOrThrow({ where: { communeId: hongLoc, status: { in: ["sending", "sent"] } } });
    expect(hl.itemId).not.toBe(itemId);
    const heard = texts(await otherHead.read());
    expect(heard).toContain("BẢN TIN PHÒNG, CHỐNG MA TÚY");
    expect(heard).not.toContain(WARNING_TITLE);
  });
});

describe("a bulletin written by the leader, approved by the officer for the next slot", () => {
  it("airs first at the commune's next slot, before the catalog", async () => {
    h.clock.now = vnTime("2026-06-19 10:00"); // Friday: the next slot is Monday 06:30
    await leader.say("/soanbantin");
    await leader.press("📰 Bản tin");
    await leader.say(LOCAL_TITLE);
    await leader.say(LOCAL_TEXT);
    const sent = await leader.press("📤 Gửi duyệt");
    expect(texts(sent)).toContain(`Đã gửi «${LOCAL_TITLE}» cho 1 người duyệt`);
    const row = await h.db.localBulletin.findFirstOrThrow({ where: { title: LOCAL_TITLE } });
    // The leader cannot approve their own either.
    expect(await sendChoice(leader, `lbr:${row.id}:a`)).toContain("không tự duyệt");

    const local = await h.db.bulletinItem.findFirstOrThrow({ where: { title: LOCAL_TITLE } }).catch(() => null);
    expect(local).toBeNull(); // not in any catalog before it is approved
    const request = lastTo(OFFICER.id);
    expect(String(request.payload.text)).toContain(`Bản tin của xã chờ đồng chí duyệt: «${LOCAL_TITLE}»`);
    await press(buttonsOf(request).find((b) => b.text.includes("Duyệt"))!.callback_data);
    expect(lastText()).toContain(`Đã duyệt «${LOCAL_TITLE}»`);
    await press(buttonsOf(lastTo(OFFICER.id)).find((b) => b.text.includes("buổi tới"))!.callback_data);
    expect(lastText()).toContain(`«${LOCAL_TITLE}» sẽ được phát ở buổi tới: 06:30 Thứ Hai 22/06/2026`);
    expect(texts(await leader.read())).toContain(`«${LOCAL_TITLE}» đã được Đ/c Công An Lùng Phình duyệt`);

    h.clock.now = vnTime("2026-06-22 06:31");
    await tick(h);
    const item = (await h.db.localBulletin.findUniqueOrThrow({ where: { id: row.id } })).itemId!;
    const slot = await h.db.bulletinSlot.findFirstOrThrow({ where: { communeId: lungPhinh, scheduledAt: vnTime("2026-06-22 06:30") } });
    expect(slot.itemId).toBe(item);
    expect(bulletinsTo(fake, HEAD.id).map((c) => String(c.payload.text)).at(-1)).toContain(LOCAL_TITLE);
    // Returning: the officer writes, the leader returns it; the officer is told.
    await say("/vietbantin");
    await press("lbk:bulletin");
    await say("Một bản tin sẽ bị trả lại");
    await say("Nội dung thử để người duyệt trả lại cho người soạn sửa.");
    await press("lbc:submit");
    expect(texts(await leader.read())).toContain("Một bản tin sẽ bị trả lại");
    expect(texts(await leader.press("Trả lại"))).toContain("Đã trả lại");
    expect(lastText()).toContain("bị Đ/c Chủ Tịch Lùng Phình trả lại để sửa");
  });

  it("makes the item when airing one approved just before a crash (no item yet)", async () => {
    const officer = await h.db.staff.findFirstOrThrow({ where: { displayName: "Đ/c Công An Lùng Phình" } });
    const leaderRow = await h.db.staff.findFirstOrThrow({ where: { displayName: "Đ/c Chủ Tịch Lùng Phình" } });
    const now = h.clock.now;
    const row = await h.db.localBulletin.create({
      data: { communeId: lungPhinh, kind: "bulletin", title: "Bản tin duyệt trước khi máy dừng", text: LOCAL_TEXT, status: "approved", writerStaffId: leaderRow.id, approverStaffId: officer.id, decidedAt: now, createdAt: now, updatedAt: now },
    });
    const aired = await airLocalBulletin(h.deps, officer, row.id, "now");
    expect(aired.ok).toBe(true);
    const itemId = (await h.db.localBulletin.findUniqueOrThrow({ where: { id: row.id } })).itemId!;
    expect(await h.db.bulletinItem.findUniqueOrThrow({ where: { id: itemId } })).toMatchObject({ communeId: lungPhinh, slug: `local:${row.id}` });
  });
});
