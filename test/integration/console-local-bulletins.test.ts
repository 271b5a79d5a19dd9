// The commune's own bulletins in the staff console (/canbo/bantin/viet, issue 15), through the real
// Hono app on a real SQLite file: a leader of Lùng Phình signs in, writes a bulletin (a bad form is a
// 400 with the words kept), cannot approve it himself; the commune's officer sees it waiting, approves
// it and airs it now, and the village head gets it on the next tick. Another commune's officer gets
// 404 for every form and nothing changes; a forged form (another site) is a 403; a village head has
// no such page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, type WebClient } from "../helpers/harness.js";
import { tick, vnTime } from "../helpers/bulletins.js";
import { consoleRequests } from "../helpers/console-requests.js";

let h: Harness;
const PAGE = "/canbo/bantin/viet";
const TITLE = "Cảnh giác với thuốc lá điện tử pha ma túy";
const TEXT = "Bà con lưu ý: thuốc lá điện tử có thể bị pha ma túy tổng hợp. Không dùng, không cho con em dùng. Thấy bán ở đâu, báo công an xã.";

const { post, get, register, signIn } = consoleRequests(() => h, { stepMinutes: 0.05 });

let leaderCookie = "";
let officerCookie = "";
let otherCookie = "";
let headCookie = "";
let head: WebClient;
let officer: WebClient;

beforeAll(async () => {
  h = await createHarness();
  h.clock.now = vnTime("2026-06-16 09:00");
  await tick(h);
  const leader = await register("leader", { communeCode: "LUNGPHINH" }, "Đ/c Chủ Tịch Lùng Phình");
  officer = await register("officer", { communeCode: "LUNGPHINH" }, "Đ/c Công An Lùng Phình");
  const other = await register("officer", { communeCode: "HONGLOC" }, "Đ/c Công An Hồng Lộc");
  head = await register("village_head", { villageCode: "LP-01" }, "Trưởng thôn LP-01");
  leaderCookie = await signIn(leader);
  officerCookie = await signIn(officer);
  otherCookie = await signIn(other);
  headCookie = await signIn(head);
  await officer.read();
  await head.read();
});
afterAll(async () => h.close());

describe("writing and approving in the console", () => {
  let id = 0;

  it("writes one: a bad form is a 400 keeping the words, a good one waits for the officer", async () => {
    const empty = await get(PAGE, leaderCookie);
    expect(empty.status).toBe(200);
    const html = await empty.text();
    expect(html).toContain("Soạn bản tin của xã");
    expect(html).toContain("Người duyệt: cán bộ công an xã.");
    expect(html).toContain("Không có bản tin nào chờ đồng chí duyệt.");

    const bad = await post(PAGE, { kind: "bulletin", title: TITLE, text: "ngắn" }, leaderCookie);
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain("Nội dung ngắn quá");
    expect(badHtml).toContain(TITLE);
    expect(await h.db.localBulletin.count()).toBe(0);

    const ok = await post(PAGE, { kind: "bulletin", title: TITLE, text: TEXT }, leaderCookie);
    expect(ok.status).toBe(303);
    const row = await h.db.localBulletin.findFirstOrThrow();
    expect(row).toMatchObject({ status: "pending", kind: "bulletin", title: TITLE });
    id = row.id;
    expect(await (await get(ok.headers.get("location")!, leaderCookie)).text()).toContain(`Đã gửi «${TITLE}» đi duyệt`);
    // The officer is told in chat as well, with the chat's buttons.
    const told = await officer.read();
    expect(told.map((m) => m.text).join("\n")).toContain(`Bản tin của xã chờ đồng chí duyệt: «${TITLE}»`);
  });

  it("refuses the writer's own approval, another commune's officer, a forged form and a village head", async () => {
    const self = await post(`${PAGE}/${id}/duyet`, {}, leaderCookie);
    expect(self.status).toBe(403);
    expect(await self.text()).toContain("không tự duyệt");
    for (const action of ["duyet", "tralai", "phatngay"]) expect((await post(`${PAGE}/${id}/${action}`, {}, otherCookie)).status).toBe(404);
    expect(await (await get(PAGE, otherCookie)).text()).not.toContain(TITLE);
    expect((await post(`${PAGE}/${id}/duyet`, {}, officerCookie, "https://evil.example")).status).toBe(403);
    expect((await get(PAGE, headCookie)).status).toBe(403);
    expect((await post(PAGE, { kind: "warning", title: TITLE, text: TEXT }, headCookie)).status).toBe(403);
    expect((await post(`${PAGE}/abc/duyet`, {}, officerCookie)).status).toBe(404);
    expect((await h.db.localBulletin.findUniqueOrThrow({ where: { id } })).status).toBe("pending");
    expect(await h.db.localBulletin.count()).toBe(1);
  });

  it("is approved by the officer and aired now; the village head gets it on the next tick", async () => {
    const page = await (await get(PAGE, officerCookie)).text();
    expect(page).toContain("Bản tin chờ đồng chí duyệt");
    expect(page).toContain(TEXT);
    const approved = await post(`${PAGE}/${id}/duyet`, {}, officerCookie);
    expect(approved.status).toBe(303);
    const after = await (await get(approved.headers.get("location")!, officerCookie)).text();
    expect(after).toContain(`Đã duyệt «${TITLE}»`);
    expect(after).toContain(`${PAGE}/${id}/phatngay`);
    const aired = await post(`${PAGE}/${id}/phatngay`, {}, officerCookie);
    expect(aired.status).toBe(303);
    expect(await (await get(aired.headers.get("location")!, officerCookie)).text()).toContain(`Đã phát «${TITLE}»`);
    h.clock.advanceMinutes(1);
    await tick(h);
    expect((await head.read()).map((m) => m.text).join("\n")).toContain(TEXT);
    // Aired: no "Phát ngay" any more, and a second POST makes nothing.
    expect(await (await get(PAGE, officerCookie)).text()).not.toContain(`${PAGE}/${id}/phatngay`);
    expect((await post(`${PAGE}/${id}/phatngay`, {}, officerCookie)).status).toBe(200);
    const item = (await h.db.localBulletin.findUniqueOrThrow({ where: { id } })).itemId!;
    expect(await h.db.bulletinSlot.count({ where: { itemId: item } })).toBe(1);
  });
});
