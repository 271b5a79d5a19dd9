// The village's figures page keeps a draft (issue 13: "saved as a draft"), on the real app and a real
// SQLite file: "Lưu nháp" keeps what reads, for this person only, and shows a refused number at its
// field; the page comes back with the draft; the chat's /capnhat offers to go on from the same draft
// (one draft per person, village and month, whichever way it was made); saving the figures ends it;
// a draft older than figures saved since is dropped with a word; "Bỏ bản nháp" drops it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, type WebClient } from "../helpers/harness.js";
import { consoleRequests } from "../helpers/console-requests.js";
import { findFigureDraft } from "../../src/compliance/figure-drafts.js";
import { figuresOf, saveVillageFigures } from "../../src/compliance/service.js";

/** 2026-12-DD at HH:00 Vietnam time. */
const vn = (day: number, hour: number) => new Date(Date.UTC(2026, 11, day, hour - 7));
const MONTH = "2026-12";
const PAGE = `/canbo/thon?thon=HL-01&thang=${MONTH}`;

let h: Harness;
const { post, get, register, signIn } = consoleRequests(() => h, { stepMinutes: 0.1 });
let head: WebClient;
let cookie: string;
let headId = 0;
let villageId = 0;

const draft = () => findFigureDraft(h.db, { staffId: headId, villageId, month: MONTH });
const html = async (path = PAGE) => (await get(path, cookie)).text();

beforeAll(async () => {
  h = await createHarness();
  h.clock.now = vn(5, 9);
  head = await register("village_head", { villageCode: "HL-01" }, "Trưởng thôn Thượng Phú");
  cookie = await signIn(head);
  const row = await h.db.staff.findFirstOrThrow({ where: { role: "village_head" } });
  headId = row.id;
  villageId = row.villageId!;
}, 60_000);
afterAll(async () => {
  await h.close();
});

describe("a draft of the village's month in the console", () => {
  it("keeps what reads, shows a refused number at its field, and saves nothing into the figures", async () => {
    const res = await post(PAGE, { basedOn: "0", action: "draft", f_households: "120", f_households_committed: "130", f_propaganda_sessions: "2" }, cookie);
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain("Đã lưu nháp 2 mục. 1 ô ghi đỏ bên dưới chưa vào nháp");
    expect(page).toContain('class="card field bad"><label for="f_households_committed"');
    expect(await draft()).toMatchObject({ basedOn: 0, values: { households: 120, propaganda_sessions: 2 }, index: 1 });
    expect(await figuresOf(h.db, villageId, MONTH)).toBeNull();

    const fixed = await post(PAGE, { basedOn: "0", action: "draft", f_households: "120", f_households_committed: "118", f_propaganda_sessions: "2" }, cookie);
    expect(fixed.status).toBe(303);
    expect(fixed.headers.get("location")).toBe(`${PAGE}&kq=nhap`);
    const again = await html(`${PAGE}&kq=nhap`);
    expect(again).toContain("Đã lưu nháp 3 mục, chưa vào số liệu của thôn");
    expect(again).toContain("Các ô đang hiện bản nháp của đồng chí (3 mục");
    expect(again).toContain('id="f_households_committed" name="f_households_committed" inputmode="numeric" maxlength="12" value="118"');
    expect(again).toContain("Bỏ bản nháp");
  });

  it("is the same draft the chat's /capnhat offers to go on with", async () => {
    h.clock.advanceMinutes(1);
    const replies = (await head.say("/capnhat")).map((m) => m.text).join("\n");
    expect(replies).toContain("Đồng chí có bản nháp chưa lưu");
    expect(replies).toContain("đã nhập 3 mục");
    h.clock.advanceMinutes(0.1);
    await head.press("▶️ Nhập tiếp bản nháp");
    h.clock.advanceMinutes(0.1);
    await head.say("/huy");
    expect(await draft()).toMatchObject({ values: { households: 120, households_committed: 118, propaganda_sessions: 2 } });
  });

  it("ends when the figures are saved", async () => {
    const saved = await post(PAGE, { basedOn: "0", action: "save", f_households: "120", f_households_committed: "118", f_propaganda_sessions: "3" }, cookie);
    expect(saved.status).toBe(303);
    expect(await figuresOf(h.db, villageId, MONTH)).toMatchObject({ version: 1, values: { households: 120, households_committed: 118, propaganda_sessions: 3 } });
    expect(await draft()).toBeNull();
    expect(await html()).not.toContain("Bỏ bản nháp");
  });

  it("is dropped with a word when figures were saved after it began, and by 'Bỏ bản nháp'", async () => {
    expect((await post(PAGE, { basedOn: "1", action: "draft", f_households: "121" }, cookie)).status).toBe(303);
    expect(await draft()).toMatchObject({ basedOn: 1 });
    // An officer saves the village's month in between.
    await register("officer", { communeCode: "HONGLOC" }, "Đ/c Trần Văn Test");
    const officerRow = await h.db.staff.findFirstOrThrow({ where: { role: "officer" } });
    expect(await saveVillageFigures(h.db, officerRow, { villageId, month: MONTH, values: { households: 125 }, basedOnVersion: 1, now: h.clock.now })).toMatchObject({ ok: true, version: 2 });
    const page = await html();
    expect(page).toContain("Bản nháp cũ đã được bỏ vì số liệu của thôn vừa được cập nhật sau đó");
    expect(page).toContain('value="125"');
    expect(await draft()).toBeNull();

    expect((await post(PAGE, { basedOn: "2", action: "draft", f_households: "126" }, cookie)).status).toBe(303);
    const dropped = await post(PAGE, { basedOn: "2", action: "dropdraft" }, cookie);
    expect(dropped.headers.get("location")).toBe(`${PAGE}&kq=bonhap`);
    expect(await draft()).toBeNull();
    const after = await html(`${PAGE}&kq=bonhap`);
    expect(after).toContain("Đã bỏ bản nháp");
    expect(after).toContain('value="125"');
    expect(await figuresOf(h.db, villageId, MONTH)).toMatchObject({ version: 2 });
  });
});
