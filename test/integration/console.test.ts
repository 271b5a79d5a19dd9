// The staff console (issue 13) through the real Hono app on a real SQLite file: /dangnhap in a
// private chat sends a one-time link; opening it and pressing the button starts a session; the
// queue, a tip's page and its actions call the same domain functions as the chat; CSRF, scope,
// expiry, revocation and sign-out are refused or ended as they should be.
import ExcelJS from "exceljs";
import { PNG } from "pngjs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, fileWebTip, type Harness, type WebClient } from "../helpers/harness.js";
import { revokeStaff } from "../../src/staff/invitations.js";
import { enterTip } from "../../src/tips/intake.js";
import { SIGN_IN_LINKS_PER_HOUR } from "../../src/staff/console-sessions.js";
import { addHaTinhCommunes } from "../helpers/places.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

const ORIGIN = "http://localhost";

async function registerOfficer(communeCode = "HONGLOC", name = "Đ/c Trần Văn Test", role = "officer"): Promise<WebClient> {
  const officer = h.web();
  const code = await h.invite(role, { communeCode }, name);
  const replies = await officer.say(`/dangky ${code}`);
  expect(replies[0]!.text).toContain("Đăng ký thành công");
  return officer;
}

/** /dangnhap in the chat: the link's path (no PUBLIC_URL in the harness: a path on this server). */
async function signInLink(staff: WebClient): Promise<string> {
  const replies = await staff.say("/dangnhap");
  const text = replies.map((m) => m.text).join("\n");
  const match = /\/canbo\/vao\/[A-Za-z0-9_-]{43}/.exec(text);
  if (!match) throw new Error(`no sign-in link in: ${text}`);
  return match[0];
}

function post(path: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  return h.app.request(path, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN, ...headers }, body: new URLSearchParams(form).toString() });
}

/** Opens the link, presses "Vào bàn làm việc": the session cookie. */
async function signIn(link: string): Promise<string> {
  const page = await h.app.request(link);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain("Vào bàn làm việc");
  const token = link.split("/").at(-1)!;
  const res = await post("/canbo/vao", { token });
  expect(res.status).toBe(303);
  const cookie = res.headers.get("set-cookie")!;
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Strict/i);
  expect(cookie).toMatch(/Path=\/canbo/);
  return cookie.split(";")[0]!;
}

const get = (path: string, cookie: string) => h.app.request(path, { headers: { Cookie: cookie } });

describe("staff console: signing in", () => {
  it("a link works once, starts a session, and the session ends on sign-out", async () => {
    const officer = await registerOfficer();
    const link = await signInLink(officer);
    const cookie = await signIn(link);
    // Home sends an officer to the queue; "/canbo/" is the same home.
    expect((await get("/canbo", cookie)).headers.get("location")).toBe("/canbo/tinbao");
    expect((await get("/canbo/", cookie)).headers.get("location")).toBe("/canbo");
    const home = await get("/canbo/tinbao", cookie);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("Tin báo của xã");

    // In demo mode over the local network (plain http, a phone trying it), the cookie cannot be Secure.
    const lan = await h.app.request("http://192.168.1.20:8080/canbo/vao", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://192.168.1.20:8080" }, body: `token=${(await signInLink(officer)).split("/").at(-1)!}` });
    expect(lan.status).toBe(303);
    expect(lan.headers.get("set-cookie")).not.toMatch(/Secure/);
    // Used once: the link and its POST no longer work.
    expect((await h.app.request(link)).status).toBe(410);
    expect((await post("/canbo/vao", { token: link.split("/").at(-1)! })).status).toBe(410);

    const out = await post("/canbo/dangxuat", {}, { Cookie: cookie });
    expect(out.status).toBe(200);
    expect(await out.text()).toContain("Đã đăng xuất");
    expect((await get("/canbo/tinbao", cookie)).status).toBe(403);
    // Nothing of the token or session is stored in the clear.
    const rows = await h.db.consoleSignIn.findMany();
    expect(rows.every((r) => !link.includes(r.tokenHash))).toBe(true);
  });

  it("a link expires after 10 minutes (injected clock); a session after 12 idle hours", async () => {
    const officer = await registerOfficer();
    const late = await signInLink(officer);
    h.clock.advanceMinutes(10);
    expect((await h.app.request(late)).status).toBe(410);
    expect((await post("/canbo/vao", { token: late.split("/").at(-1)! })).status).toBe(410);

    const cookie = await signIn(await signInLink(officer));
    h.clock.advanceMinutes(11 * 60);
    expect((await get("/canbo/tinbao", cookie)).status).toBe(200);
    h.clock.advanceMinutes(11 * 60); // 11 hours after the last page: still within the idle limit
    expect((await get("/canbo/tinbao", cookie)).status).toBe(200);
    h.clock.advanceMinutes(12 * 60);
    expect((await get("/canbo/tinbao", cookie)).status).toBe(403);
  });

  it("a revoked staff member's session ends at once", async () => {
    const officer = await registerOfficer();
    const cookie = await signIn(await signInLink(officer));
    expect((await get("/canbo/tinbao", cookie)).status).toBe(200);
    const staff = await h.db.staff.findFirstOrThrow({ where: { role: "officer" } });
    await revokeStaff(h.db, h.keys, staff.id, h.clock.now);
    expect((await get("/canbo/tinbao", cookie)).status).toBe(403);
    expect(await h.db.consoleSession.count()).toBe(0);
  });

  it("links are rate-limited per staff member, and only for staff", async () => {
    const officer = await registerOfficer();
    for (let i = 0; i < SIGN_IN_LINKS_PER_HOUR; i++) await signInLink(officer);
    const refused = await officer.say("/dangnhap");
    expect(refused.at(-1)!.text).toContain("nhiều đường dẫn đăng nhập");
    const citizen = h.web();
    const notStaff = await citizen.say("/dangnhap");
    expect(notStaff.at(-1)!.text).toContain("chỉ dành cho cán bộ");
    expect(notStaff.at(-1)!.text).not.toContain("/canbo/");
  });

  it("CSRF: a POST from another site, or with no origin at all, is refused", async () => {
    const officer = await registerOfficer();
    const citizen = h.web();
    await fileWebTip(citizen);
    const cookie = await signIn(await signInLink(officer));
    const tip = await h.db.tip.findFirstOrThrow();
    const forged = await post(`/canbo/tinbao/${tip.id}/xuly`, { action: "take" }, { Cookie: cookie, Origin: "https://evil.example" });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain("không gửi từ trang của bàn làm việc");
    const bare = await h.app.request(`/canbo/tinbao/${tip.id}/xuly`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie }, body: "action=take" });
    expect(bare.status).toBe(403);
    const opaque = await post(`/canbo/tinbao/${tip.id}/xuly`, { action: "take" }, { Cookie: cookie, Origin: "null" });
    expect(opaque.status).toBe(403);
    // The console's pages keep the Origin header on their own forms (the site's default is no-referrer).
    expect((await get("/canbo/tinbao", cookie)).headers.get("referrer-policy")).toBe("same-origin");
    const crossSite = await post(`/canbo/tinbao/${tip.id}/xuly`, { action: "take" }, { Cookie: cookie, Origin: "", "Sec-Fetch-Site": "cross-site" });
    expect(crossSite.status).toBe(403);
    expect((await h.db.tip.findUniqueOrThrow({ where: { id: tip.id } })).status).toBe("new");
    // Sign-out is a form too.
    expect((await post("/canbo/dangxuat", {}, { Cookie: cookie, Origin: "https://evil.example" })).status).toBe(403);
    expect((await get("/canbo/tinbao", cookie)).status).toBe(200);
  });
});

describe("staff console: officer pages", () => {
  it("lists the commune's open tips oldest first, shows one, and takes it through the domain (audited, tipster told)", async () => {
    const officer = await registerOfficer();
    const first = h.web();
    await fileWebTip(first, { text: "Tin thứ nhất: bán ma túy ở bến xe." });
    h.clock.advanceMinutes(5);
    const second = h.web();
    await fileWebTip(second, { text: "Tin thứ hai: trồng cây thuốc phiện ở đồi sau." });
    await h.settle();
    const cookie = await signIn(await signInLink(officer));

    const queue = await (await get("/canbo/tinbao", cookie)).text();
    const [a, b] = await h.db.tip.findMany({ orderBy: { id: "asc" } });
    expect(queue.indexOf(a!.caseNumber)).toBeGreaterThan(0);
    expect(queue.indexOf(a!.caseNumber)).toBeLessThan(queue.indexOf(b!.caseNumber));
    // Filters: status, category, village; a filter word that means nothing is ignored, not a crash.
    expect(await (await get("/canbo/tinbao?trangthai=done", cookie)).text()).toContain("Không có tin báo nào");
    expect((await get("/canbo/tinbao?trangthai=constructor&loai=__proto__&thon=%3Cscript%3E&nguon=%3Cb%3E", cookie)).status).toBe(200);
    // By source: a hotline call the officer entered (the chat's enterTip) and the chat's tips apart.
    const officerRow = await h.db.staff.findFirstOrThrow({ where: { role: "officer" } });
    const entered = await enterTip(h.deps, officerRow, { source: "hotline", villageId: null, category: "selling", text: "Gọi đường dây nóng: có người bán ma túy ở chợ.", channel: "web" });
    expect(entered.ok).toBe(true);
    const hotline = await (await get("/canbo/tinbao?nguon=hotline", cookie)).text();
    expect(hotline).toContain('<option value="hotline" selected="">');
    expect(hotline).not.toContain(a!.caseNumber);
    expect(hotline).toContain(entered.ok ? entered.caseNumber : "");
    expect(hotline).toContain("Điện thoại, đường dây nóng");
    const chat = await (await get("/canbo/tinbao?nguon=chat", cookie)).text();
    expect(chat).toContain(a!.caseNumber);
    expect(chat).not.toContain(entered.ok ? entered.caseNumber : "-");

    const page = await (await get(`/canbo/tinbao/${a!.id}`, cookie)).text();
    expect(page).toContain("Tin thứ nhất: bán ma túy ở bến xe.");
    expect(page).toContain("Tiếp nhận");
    expect(page).toContain("Tin báo được gửi tới");

    const taken = await post(`/canbo/tinbao/${a!.id}/xuly`, { action: "take" }, { Cookie: cookie });
    expect(taken.status).toBe(303);
    expect(taken.headers.get("location")).toBe(`/canbo/tinbao/${a!.id}?kq=ok`);
    const after = await h.db.tip.findUniqueOrThrow({ where: { id: a!.id } });
    expect(after.status).toBe("taken");
    const events = await h.db.tipEvent.findMany({ where: { tipId: a!.id, kind: "status" } });
    expect(events).toHaveLength(1);
    expect(events[0]!.actorStaffId).toBe(after.takenByStaffId);
    const shown = await (await get(`/canbo/tinbao/${a!.id}?kq=ok`, cookie)).text();
    expect(shown).toContain("Đã cập nhật: Đã tiếp nhận.");
    expect(shown).toContain("Đ/c Trần Văn Test");
    // The tipster hears it, as from the chat's button.
    const heard = await first.read();
    expect(heard.map((m) => m.text).join("\n")).toContain("đã được cán bộ công an xã tiếp nhận");

    // Taking it again is refused by the same rule, said politely.
    const again = await post(`/canbo/tinbao/${a!.id}/xuly`, { action: "take" }, { Cookie: cookie });
    expect(again.headers.get("location")).toBe(`/canbo/tinbao/${a!.id}?kq=refused`);
    // A forged action is a polite 400.
    expect((await post(`/canbo/tinbao/${a!.id}/xuly`, { action: "toString" }, { Cookie: cookie })).status).toBe(400);
    // Verify, then close: as in chat, closing needs a result from the list (issue 12), a note is optional.
    await post(`/canbo/tinbao/${a!.id}/xuly`, { action: "verify" }, { Cookie: cookie });
    const closeForm = await (await get(`/canbo/tinbao/${a!.id}`, cookie)).text();
    expect(closeForm).toContain('<option value="administrative">');
    expect((await post(`/canbo/tinbao/${a!.id}/xuly`, { action: "done" }, { Cookie: cookie })).status).toBe(400);
    expect((await post(`/canbo/tinbao/${a!.id}/xuly`, { action: "done", result: "nonsense" }, { Cookie: cookie })).status).toBe(400);
    expect((await h.db.tip.findUniqueOrThrow({ where: { id: a!.id } })).status).toBe("verifying");
    await post(`/canbo/tinbao/${a!.id}/xuly`, { action: "done", result: "administrative", note: "Đã phối hợp xử lý." }, { Cookie: cookie });
    const closed = await h.db.tip.findUniqueOrThrow({ where: { id: a!.id } });
    expect([closed.status, closed.result]).toEqual(["done", "administrative"]);
    // The tipster hears only that it was dealt with; the timeline shows the result and the note.
    const told = (await first.read()).map((m) => m.text).join("\n");
    expect(told).not.toContain("Đã phối hợp");
    expect(told.length).toBeGreaterThan(0);
    const closedPage = await (await get(`/canbo/tinbao/${a!.id}`, cookie)).text();
    expect(closedPage).toContain("ghi kết quả: Xử lý vi phạm hành chính");
    expect(closedPage).toContain("ghi chú: Đã phối hợp xử lý.");
  });

  it("an officer of commune A gets 404 for a tip of commune B, by page and by action", async () => {
    const citizen = h.web();
    await fileWebTip(citizen, { commune: "Phượng Tiến" });
    const other = await h.db.tip.findFirstOrThrow();
    expect(other.caseNumber).toContain("PHUONGTIEN");
    const officer = await registerOfficer("HONGLOC");
    const cookie = await signIn(await signInLink(officer));
    const page = await get(`/canbo/tinbao/${other.id}`, cookie);
    expect(page.status).toBe(404);
    expect(await page.text()).not.toContain(other.caseNumber);
    expect((await post(`/canbo/tinbao/${other.id}/xuly`, { action: "take" }, { Cookie: cookie })).status).toBe(404);
    expect((await h.db.tip.findUniqueOrThrow({ where: { id: other.id } })).status).toBe("new");
    expect(await (await get("/canbo/tinbao?trangthai=all", cookie)).text()).not.toContain(other.caseNumber);
    expect((await get("/canbo/tinbao/99999", cookie)).status).toBe(404);
    expect((await get("/canbo/tinbao/abc", cookie)).status).toBe(404);
  });

  it("a leader reads tips and the month, but cannot take a tip (403)", async () => {
    const citizen = h.web();
    await fileWebTip(citizen);
    const tip = await h.db.tip.findFirstOrThrow();
    const leader = await registerOfficer("HONGLOC", "Nguyễn Văn Lãnh Đạo", "leader");
    const cookie = await signIn(await signInLink(leader));
    const page = await (await get(`/canbo/tinbao/${tip.id}`, cookie)).text();
    expect(page).not.toContain('value="take"');
    expect((await post(`/canbo/tinbao/${tip.id}/xuly`, { action: "take" }, { Cookie: cookie })).status).toBe(403);

    const month = await get("/canbo/thang", cookie);
    expect(month.status).toBe(200);
    const html = await month.text();
    expect(html).toContain("Tiêu chí xã không ma túy");
    expect(html).toMatch(/[✅❌❔]/u);
    expect(html).toContain("1 tin báo: 1 đang mở, 0 đã kết thúc");
    // By source, and the villages against the "thôn không ma túy" set (none entered figures yet).
    expect(html).toMatch(/Theo nguồn tin<\/h3><table><tbody><tr><th>[^<]+<\/th><td>1<\/td><\/tr>/);
    expect(html).toContain("Xét công nhận thôn, khu phố không ma túy");
    expect(html).toContain("0/4 thôn đủ điều kiện đề nghị công nhận");
    expect(html).toContain("Thôn Thượng Phú<br/><span class=\"meta\">chưa nhập số liệu tháng (/capnhat)</span>");
    const chart = await get("/canbo/thang/bieudo.svg", cookie);
    expect(chart.status).toBe(200);
    expect(chart.headers.get("content-type")).toContain("image/svg+xml");
    expect(await chart.text()).toContain("<svg");
  });

  it("a tip's web chat picture opens for its commune's officer only; a village head has no tips", async () => {
    const citizen = h.web();
    await citizen.say("/start");
    await citizen.say("Hồng Lộc");
    await citizen.press("Điểm, người bán lẻ ma túy");
    await citizen.press("Không rõ thôn/xóm");
    await citizen.say("Có người bán ma túy ở bãi sông, chiều nào cũng thấy.");
    const image = new PNG({ width: 8, height: 8 });
    image.data.fill(120);
    const uploaded = await h.app.request("/webchat/api/upload", { method: "POST", headers: await citizen.headers(), body: JSON.stringify({ token: citizen.token, mime: "image/png", dataBase64: PNG.sync.write(image).toString("base64") }) });
    expect(uploaded.status).toBe(200);
    const { uploadId } = (await uploaded.json()) as { uploadId: string };
    expect((await citizen.send({ uploadId })).status).toBe(202);
    await citizen.read();
    await citizen.press("m:continue");
    await citizen.press("s:submit");
    const tip = await h.db.tip.findFirstOrThrow();

    const officer = await registerOfficer("HONGLOC");
    const cookie = await signIn(await signInLink(officer));
    const page = await (await get(`/canbo/tinbao/${tip.id}`, cookie)).text();
    expect(page).toContain(`href="/canbo/tep/${uploadId}"`);
    const file = await get(`/canbo/tep/${uploadId}`, cookie);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toMatch(/^image\//);
    expect(file.headers.get("content-security-policy")).toContain("sandbox");

    const stranger = await registerOfficer("PHUONGTIEN", "Đ/c Người Xã Khác");
    const strangerCookie = await signIn(await signInLink(stranger));
    expect((await get(`/canbo/tep/${uploadId}`, strangerCookie)).status).toBe(404);
    expect((await get(`/canbo/tep/${uploadId}`, "canbo_phien=none")).status).toBe(403);

    const head = h.web();
    const code = await h.invite("village_head", { villageCode: "HL-01" }, "Trưởng thôn Một");
    await head.say(`/dangky ${code}`);
    const headCookie = await signIn(await signInLink(head));
    // A village head's home is their village's figures page.
    expect((await get("/canbo", headCookie)).headers.get("location")).toBe("/canbo/thon");
    expect((await get("/canbo/tinbao", headCookie)).status).toBe(403);
    expect((await get("/canbo/thang", headCookie)).status).toBe(403);
  });
});

describe("staff console: a tip's case (issue 12 in the browser)", () => {
  const timelineOf = async (id: number, cookie: string) => {
    const html = await (await get(`/canbo/tinbao/${id}`, cookie)).text();
    return /<ol class="timeline">([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? "";
  };

  it("asks the tipster, notes, reassigns, extends, closes and reopens through the chat's domain functions", async () => {
    const officer = await registerOfficer();
    const second = await registerOfficer("HONGLOC", "Đ/c Lê Thị Hai");
    const citizen = h.web();
    await fileWebTip(citizen, { text: "Có người lạ bán hàng trắng ở chợ phiên." });
    await h.settle();
    const tip = await h.db.tip.findFirstOrThrow();
    const cookie = await signIn(await signInLink(officer));
    await post(`/canbo/tinbao/${tip.id}/xuly`, { action: "take" }, { Cookie: cookie });
    await citizen.read();

    // A question reaches the tipster on their channel with a button to answer; the officer never learns who.
    const page = await (await get(`/canbo/tinbao/${tip.id}`, cookie)).text();
    expect(page).toContain(`action="/canbo/tinbao/${tip.id}/hoi"`);
    expect(page).toContain("Người phụ trách");
    const asked = await post(`/canbo/tinbao/${tip.id}/hoi`, { question: "Người đó thường đến lúc mấy giờ?" }, { Cookie: cookie });
    expect(asked.headers.get("location")).toBe(`/canbo/tinbao/${tip.id}?kq=hoi`);
    const heard = (await citizen.read()).map((m) => m.text).join("\n");
    expect(heard).toContain("Người đó thường đến lúc mấy giờ?");
    expect(await (await get(`/canbo/tinbao/${tip.id}?kq=hoi`, cookie)).text()).toContain(tip.caseNumber);

    // An empty text changes nothing and says so; a note is kept on the timeline only.
    expect((await post(`/canbo/tinbao/${tip.id}/ghichu`, { note: "   " }, { Cookie: cookie })).headers.get("location")).toBe(`/canbo/tinbao/${tip.id}?kq=trong`);
    expect(await (await get(`/canbo/tinbao/${tip.id}?kq=trong`, cookie)).text()).toContain("Nội dung đang trống");
    expect(await h.db.tipEvent.count({ where: { tipId: tip.id, kind: "note" } })).toBe(0);
    expect((await post(`/canbo/tinbao/${tip.id}/ghichu`, { note: "Đã hỏi trưởng thôn, sẽ theo dõi phiên chợ tới." }, { Cookie: cookie })).headers.get("location")).toBe(`/canbo/tinbao/${tip.id}?kq=ghichu`);
    expect(await timelineOf(tip.id, cookie)).toContain("ghi chú: Đã hỏi trưởng thôn, sẽ theo dõi phiên chợ tới.");
    expect((await citizen.read()).map((m) => m.text).join("\n")).not.toContain("trưởng thôn");

    // Reassigned to the second officer, who hears it in chat; a made-up officer id is a polite 400.
    const secondStaff = await h.db.staff.findFirstOrThrow({ where: { displayName: "Đ/c Lê Thị Hai" } });
    expect(await (await get(`/canbo/tinbao/${tip.id}`, cookie)).text()).toContain(`<option value="${secondStaff.id}">Đ/c Lê Thị Hai</option>`);
    expect((await post(`/canbo/tinbao/${tip.id}/giao`, { officer: "999999" }, { Cookie: cookie })).status).toBe(400);
    expect((await post(`/canbo/tinbao/${tip.id}/giao`, { officer: "abc" }, { Cookie: cookie })).status).toBe(400);
    await post(`/canbo/tinbao/${tip.id}/giao`, { officer: String(secondStaff.id) }, { Cookie: cookie });
    expect((await h.db.tip.findUniqueOrThrow({ where: { id: tip.id } })).officerStaffId).toBe(secondStaff.id);
    expect((await second.read()).map((m) => m.text).join("\n")).toContain(`đã giao tin báo ${tip.caseNumber} cho đồng chí phụ trách`);
    expect(await timelineOf(tip.id, cookie)).toContain("giao cho Đ/c Lê Thị Hai");

    // Extended with a reason: the deadline moves by the rule of deadlines.json, shown on the page.
    const before = (await h.db.tip.findUniqueOrThrow({ where: { id: tip.id } })).dueAt!;
    await post(`/canbo/tinbao/${tip.id}/giahan`, { reason: "Chờ kết quả giám định mẫu." }, { Cookie: cookie });
    const extended = await h.db.tip.findUniqueOrThrow({ where: { id: tip.id } });
    expect(extended.extensions).toBe(1);
    expect(extended.dueAt!.getTime()).toBeGreaterThan(before.getTime());
    expect(await timelineOf(tip.id, cookie)).toContain("gia hạn xác minh. Lý do: Chờ kết quả giám định mẫu.");

    // Closed with a result, then the form to reopen is the only one left; reopening moves it back.
    await post(`/canbo/tinbao/${tip.id}/xuly`, { action: "unfounded", result: "not_verified" }, { Cookie: cookie });
    const closed = await h.db.tip.findUniqueOrThrow({ where: { id: tip.id } });
    expect(closed.status).toBe("unfounded");
    const closedPage = await (await get(`/canbo/tinbao/${tip.id}`, cookie)).text();
    expect(closedPage).not.toContain(`/canbo/tinbao/${tip.id}/hoi"`);
    expect(closedPage).not.toContain(`/canbo/tinbao/${tip.id}/ghichu"`);
    // Only its responsible officer (now the second) or a leader may reopen it: not this one, by form or by hand.
    expect(closedPage).not.toContain(`/canbo/tinbao/${tip.id}/molai"`);
    expect((await post(`/canbo/tinbao/${tip.id}/molai`, { reason: "Thử mở lại." }, { Cookie: cookie })).status).toBe(403);
    const secondCookie = await signIn(await signInLink(second));
    expect(await (await get(`/canbo/tinbao/${tip.id}`, secondCookie)).text()).toContain(`/canbo/tinbao/${tip.id}/molai"`);
    // A question on the closed tip by a hand-made POST: refused by the domain, nothing sent.
    expect((await post(`/canbo/tinbao/${tip.id}/hoi`, { question: "Còn gì nữa?" }, { Cookie: cookie })).headers.get("location")).toBe(`/canbo/tinbao/${tip.id}?kq=refused`);
    expect(await h.db.tipEvent.count({ where: { tipId: tip.id, kind: "question" } })).toBe(1);
    await post(`/canbo/tinbao/${tip.id}/molai`, { reason: "Có thêm người dân phản ánh." }, { Cookie: secondCookie });
    expect((await h.db.tip.findUniqueOrThrow({ where: { id: tip.id } })).status).toBe("verifying");
    expect(await timelineOf(tip.id, cookie)).toContain("mở lại tin báo. Lý do: Có thêm người dân phản ánh.");
  });

  it("a leader notes and reassigns but cannot ask; another commune's officer and a province admin get 404 and change nothing", async () => {
    const officer = await registerOfficer();
    const citizen = h.web();
    await fileWebTip(citizen);
    const tip = await h.db.tip.findFirstOrThrow();
    const leader = await registerOfficer("HONGLOC", "Nguyễn Văn Lãnh Đạo", "leader");
    const leaderCookie = await signIn(await signInLink(leader));
    const page = await (await get(`/canbo/tinbao/${tip.id}`, leaderCookie)).text();
    expect(page).not.toContain(`/canbo/tinbao/${tip.id}/hoi"`);
    expect(page).toContain(`/canbo/tinbao/${tip.id}/ghichu"`);
    expect(page).toContain(`/canbo/tinbao/${tip.id}/giao"`);
    expect((await post(`/canbo/tinbao/${tip.id}/hoi`, { question: "Ai đấy?" }, { Cookie: leaderCookie })).status).toBe(403);
    await post(`/canbo/tinbao/${tip.id}/ghichu`, { note: "Lãnh đạo đề nghị ưu tiên." }, { Cookie: leaderCookie });
    const officerStaff = await h.db.staff.findFirstOrThrow({ where: { role: "officer" } });
    await post(`/canbo/tinbao/${tip.id}/giao`, { officer: String(officerStaff.id) }, { Cookie: leaderCookie });
    expect((await h.db.tip.findUniqueOrThrow({ where: { id: tip.id } })).officerStaffId).toBe(officerStaff.id);
    expect((await officer.read()).map((m) => m.text).join("\n")).toContain("Nguyễn Văn Lãnh Đạo");

    const stranger = await registerOfficer("PHUONGTIEN", "Đ/c Người Xã Khác");
    const strangerCookie = await signIn(await signInLink(stranger));
    const province = await h.db.province.findFirstOrThrow({ where: { communes: { some: { id: tip.communeId } } } });
    const admin = h.web();
    await admin.say(`/dangky ${await h.invite("admin", { provinceCode: province.code }, "Quản trị tỉnh")}`);
    const adminCookie = await signIn(await signInLink(admin));
    const events = await h.db.tipEvent.count();
    for (const cookie of [strangerCookie, adminCookie]) {
      expect((await get(`/canbo/tinbao/${tip.id}`, cookie)).status).toBe(404);
      for (const [path, form] of [["hoi", { question: "?" }], ["ghichu", { note: "x" }], ["giahan", { reason: "x" }], ["molai", { reason: "x" }], ["giao", { officer: String(officerStaff.id) }]] as const) {
        expect((await post(`/canbo/tinbao/${tip.id}/${path}`, form, { Cookie: cookie })).status).toBe(404);
      }
    }
    expect(await h.db.tipEvent.count()).toBe(events);
  });

  it("pages through a long queue, overdue tips first and marked", async () => {
    const officer = await registerOfficer();
    const commune = await h.db.commune.findFirstOrThrow({ where: { code: "HONGLOC" } });
    const now = h.clock.now;
    await h.db.tip.createMany({
      data: Array.from({ length: 57 }, (_, i) => ({
        caseNumber: `TB-HONGLOC-PAGE-${String(i + 1).padStart(3, "0")}`,
        receiptHash: `page-${i}`,
        communeId: commune.id,
        category: "retail",
        text: `Tin thứ ${i + 1}`,
        channel: "web",
        status: i === 40 ? "taken" : "new",
        createdAt: new Date(now.getTime() - (60 - i) * 60_000),
        // One taken tip is past its deadline: it leads the first page although it is not the oldest.
        dueAt: i === 40 ? new Date(now.getTime() - 3 * 86_400_000) : null,
      })),
    });
    const cookie = await signIn(await signInLink(officer));
    const first = await (await get("/canbo/tinbao", cookie)).text();
    const cases = (html: string) => [...html.matchAll(/TB-HONGLOC-PAGE-\d{3}/g)].map((m) => m[0]);
    expect(cases(first)).toHaveLength(50);
    expect(cases(first)[0]).toBe("TB-HONGLOC-PAGE-041");
    expect(first).toContain("quá hạn 3 ngày");
    expect(first).toContain("57 tin báo, đang xem tin 1–50");
    const nextHref = /href="(\/canbo\/tinbao\?[^"]*trang=2)"/.exec(first)?.[1]?.replaceAll("&amp;", "&");
    expect(nextHref).toBeDefined();
    const second = await (await get(nextHref!, cookie)).text();
    expect(cases(second)).toHaveLength(7);
    expect(second).toContain("đang xem tin 51–57");
    expect(new Set([...cases(first), ...cases(second)]).size).toBe(57);
    expect(second).toContain("Trang trước");
    expect(second).not.toContain("Trang sau");
    // A page past the end is an empty page, not an error.
    expect(await (await get("/canbo/tinbao?trang=9", cookie)).text()).toContain("Không có tin báo nào");
  });
});

describe("staff console: downloads (the register and the reports)", () => {
  const workbook = async (res: Response) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    return wb;
  };

  it("an officer downloads the month's register, filtered as in chat; another commune's officer gets only their own", async () => {
    const officer = await registerOfficer();
    const first = h.web();
    await fileWebTip(first, { text: "Tin sổ một: bán lẻ ở chợ." });
    const second = h.web();
    await fileWebTip(second, { category: "Trồng cây có chứa chất ma túy (cây thuốc phiện, cần sa)", text: "Tin sổ hai: trồng cây ở nương." });
    const cookie = await signIn(await signInLink(officer));
    const page = await (await get("/canbo/tai", cookie)).text();
    expect(page).toContain("Sổ tiếp nhận, xử lý tin báo (Excel)");
    expect(page).toContain("Báo cáo kết quả xây dựng xã không ma túy");

    const month = new Date(h.clock.now.getTime() + 7 * 3_600_000).toISOString().slice(0, 7);
    const all = await get(`/canbo/tai/sotinbao.xlsx?thang=${month}&trangthai=&loai=&thon=&nguon=`, cookie);
    expect(all.status).toBe(200);
    expect(all.headers.get("content-disposition")).toMatch(/^attachment; filename="so-tin-bao-HONGLOC-\d{8}-\d{8}\.xlsx"$/);
    const wb = await workbook(all);
    const sheet = wb.getWorksheet("Sổ tin báo")!;
    const tips = await h.db.tip.findMany({ orderBy: { id: "asc" } });
    expect(sheet.rowCount).toBe(3);
    expect([sheet.getRow(2).getCell(2).value, sheet.getRow(3).getCell(2).value]).toEqual(tips.map((t) => t.caseNumber));
    expect(JSON.stringify(wb.model)).not.toContain("Tin sổ một");

    const planting = tips.find((t) => t.text.includes("Tin sổ hai"))!;
    const filtered = await workbook(await get(`/canbo/tai/sotinbao.xlsx?thang=${month}&loai=${planting.category}`, cookie));
    expect(filtered.getWorksheet("Sổ tin báo")!.rowCount).toBe(2);
    expect(filtered.getWorksheet("Sổ tin báo")!.getRow(2).getCell(2).value).toBe(planting.caseNumber);
    // Nothing matches: a page that says so; words that mean nothing and months out of range: a polite 400.
    expect(await (await get(`/canbo/tai/sotinbao.xlsx?thang=${month}&trangthai=done`, cookie)).text()).toContain("Không có tin báo nào");
    expect((await get(`/canbo/tai/sotinbao.xlsx?thang=${month}&loai=__proto__`, cookie)).status).toBe(400);
    expect((await get("/canbo/tai/sotinbao.xlsx?thang=1999-01", cookie)).status).toBe(400);
    // By responsible officer: the one who took the planting tip; another commune's officer id is refused.
    await post(`/canbo/tinbao/${planting.id}/xuly`, { action: "take" }, { Cookie: cookie });
    const me = await h.db.staff.findFirstOrThrow({ where: { role: "officer", communeId: planting.communeId } });
    const byOfficer = (await workbook(await get(`/canbo/tai/sotinbao.xlsx?thang=${month}&canbo=${me.id}`, cookie))).getWorksheet("Sổ tin báo")!;
    expect(byOfficer.rowCount).toBe(2);
    expect([byOfficer.getRow(2).getCell(2).value, byOfficer.getRow(2).getCell(12).value]).toEqual([planting.caseNumber, "Đ/c Trần Văn Test"]);
    expect((await get(`/canbo/tai/sotinbao.xlsx?thang=${month}&canbo=99999`, cookie)).status).toBe(400);

    const stranger = await registerOfficer("PHUONGTIEN", "Đ/c Người Xã Khác");
    const strangerCookie = await signIn(await signInLink(stranger));
    expect(await (await get(`/canbo/tai/sotinbao.xlsx?thang=${month}`, strangerCookie)).text()).toContain("Không có tin báo nào");
  });

  it("a leader downloads a period's report as a spreadsheet, a printable page and the chart; a village head may not", async () => {
    const leader = await registerOfficer("HONGLOC", "Nguyễn Văn Lãnh Đạo", "leader");
    const cookie = await signIn(await signInLink(leader));
    const page = await (await get("/canbo/tai", cookie)).text();
    // The leader has no register (tips are listed by officers) but has the reports; a quarter is offered.
    const quarter = /<option value="(\d{4}-q\d)">quý/.exec(page)?.[1];
    expect(quarter).toBeDefined();
    const xlsx = await get(`/canbo/tai/baocao?ky=${quarter}&dang=xlsx`, cookie);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-disposition")).toContain(`bao-cao-hongloc-${quarter}.xlsx`);
    expect((await workbook(xlsx)).worksheets.length).toBeGreaterThan(0);
    const html = await get(`/canbo/tai/baocao?ky=${quarter}&dang=html`, cookie);
    expect(html.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(await html.text()).toContain("Hồng Lộc");
    const svg = await get(`/canbo/tai/baocao?ky=${quarter}&dang=svg`, cookie);
    expect(svg.headers.get("content-type")).toContain("image/svg+xml");
    expect(await svg.text()).toContain("<svg");
    expect((await get("/canbo/tai/baocao?ky=2099-q1&dang=xlsx", cookie)).status).toBe(400);
    expect((await get(`/canbo/tai/baocao?ky=${quarter}&dang=exe`, cookie)).status).toBe(400);

    const head = h.web();
    await head.say(`/dangky ${await h.invite("village_head", { villageCode: "HL-01" }, "Trưởng thôn Một")}`);
    const headCookie = await signIn(await signInLink(head));
    expect((await get("/canbo/tai", headCookie)).status).toBe(403);
    expect((await get(`/canbo/tai/baocao?ky=${quarter}&dang=xlsx`, headCookie)).status).toBe(403);
  });
});

describe("staff console: the village's figures on one page", () => {
  const fieldsOf = (html: string) => Object.fromEntries([...html.matchAll(/<input id="f_([a-z0-9_]+)" name="f_\1"([^>]*)>/g)].map((m) => [m[1]!, /value="([^"]*)"/.exec(m[2]!)?.[1] ?? ""]));

  it("a village head enters the month's figures, sees refusals at their field, saves a revision, and next month starts from these numbers", async () => {
    const head = h.web();
    await head.say(`/dangky ${await h.invite("village_head", { villageCode: "HL-01" }, "Trưởng thôn Một")}`);
    const cookie = await signIn(await signInLink(head));
    const page = await (await get("/canbo/thon", cookie)).text();
    expect(page).toContain("Thôn Thượng Phú");
    expect(page).toContain("Thôn hiện có bao nhiêu hộ gia đình đang cư trú?");
    expect(Object.values(fieldsOf(page)).every((v) => v === "")).toBe(true);

    // Letters in a number, and more committed households than households: both refused where they are; nothing saved.
    const bad = await post("/canbo/thon?thon=HL-01", { basedOn: "0", f_households: "12a", f_households_committed: "50", f_tip_box: "co" }, { Cookie: cookie });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain("Có 1 ô cần sửa");
    expect(badHtml).toMatch(/<input id="f_households" name="f_households"[^>]*value="12a"[^>]*aria-invalid="true"/);
    expect(badHtml).toContain("Chưa đọc được số");
    const over = await post("/canbo/thon?thon=HL-01", { basedOn: "0", f_households: "40", f_households_committed: "50" }, { Cookie: cookie });
    expect(over.status).toBe(400);
    expect(await over.text()).toContain("Số này lớn hơn &quot;Số hộ gia đình đang cư trú&quot; (40)");
    expect(await h.db.figureRevision.count()).toBe(0);

    const saved = await post("/canbo/thon?thon=HL-01", { basedOn: "0", f_households: "1.234", f_households_committed: "1200", f_tip_box: "co", f_hotline_board: "khong", f_addicts_total: "3" }, { Cookie: cookie });
    expect(saved.status).toBe(303);
    const after = await (await get(saved.headers.get("location")!, cookie)).text();
    expect(after).toContain("Đã lưu số liệu tháng");
    const row = await h.db.villageFigures.findFirstOrThrow();
    expect(JSON.parse(row.data)).toEqual({ households: 1234, households_committed: 1200, tip_box: 1, hotline_board: 0, addicts_total: 3 });
    const revision = await h.db.figureRevision.findFirstOrThrow();
    expect(revision.staffId).toBe((await h.db.staff.findFirstOrThrow({ where: { role: "village_head" } })).id);
    expect(fieldsOf(after).households).toBe("1234");
    expect(after).toContain("Tháng này đã lưu 1 lần");

    // A save over an old version (someone saved in between) keeps what was typed and saves nothing.
    await post("/canbo/thon?thon=HL-01", { basedOn: "1", f_households: "1300" }, { Cookie: cookie });
    const stale = await post("/canbo/thon?thon=HL-01", { basedOn: "1", f_households: "999" }, { Cookie: cookie });
    expect(stale.status).toBe(400);
    const staleHtml = await stale.text();
    expect(staleHtml).toContain("vừa được người khác cập nhật");
    expect(fieldsOf(staleHtml).households).toBe("999");
    expect(JSON.parse((await h.db.villageFigures.findFirstOrThrow()).data).households).toBe(1300);

    // Next month: prefilled from this one, said so.
    h.clock.advanceMinutes(32 * 24 * 60);
    const next = await (await get("/canbo/thon", await signIn(await signInLink(head)))).text();
    expect(next).toContain("điền sẵn số của tháng trước");
    expect(fieldsOf(next).households).toBe("1300");
  });

  it("a village head cannot enter another village's figures; an officer picks any village of the commune; a leader may not", async () => {
    const head = h.web();
    await head.say(`/dangky ${await h.invite("village_head", { villageCode: "HL-01" }, "Trưởng thôn Một")}`);
    const headCookie = await signIn(await signInLink(head));
    expect((await get("/canbo/thon?thon=HL-02", headCookie)).status).toBe(403);
    expect((await post("/canbo/thon?thon=HL-02", { basedOn: "0", f_households: "5" }, { Cookie: headCookie })).status).toBe(403);
    expect((await get("/canbo/thon?thang=1999-01", headCookie)).status).toBe(403);

    const officer = await registerOfficer();
    const officerCookie = await signIn(await signInLink(officer));
    const page = await (await get("/canbo/thon?thon=HL-02", officerCookie)).text();
    expect(page).toContain('<option value="HL-02" selected');
    expect((await post("/canbo/thon?thon=HL-02", { basedOn: "0", f_households: "5" }, { Cookie: officerCookie })).status).toBe(303);
    expect(await h.db.villageFigures.count()).toBe(1);
    // An officer of another commune, by code: refused.
    const stranger = await registerOfficer("PHUONGTIEN", "Đ/c Người Xã Khác");
    expect((await get("/canbo/thon?thon=HL-02", await signIn(await signInLink(stranger)))).status).toBe(403);
    const leader = await registerOfficer("HONGLOC", "Nguyễn Văn Lãnh Đạo", "leader");
    expect((await get("/canbo/thon?thon=HL-02", await signIn(await signInLink(leader)))).status).toBe(403);
  });
});

describe("staff console: sending a tip on and marking it (issue 12 in the browser)", () => {
  it("searches a commune, sends the tip there with a reason; the new commune's officer is alerted and the sender gets 404 after", async () => {
    await addHaTinhCommunes(h.db, ["CANLOC"]);
    const officer = await registerOfficer();
    const canLoc = await registerOfficer("CANLOC", "Đ/c Công An Can Lộc");
    const citizen = h.web();
    const code = await fileWebTip(citizen, { text: "Bán ma túy ở chợ Can Lộc, không phải Hồng Lộc." });
    const tip = await h.db.tip.findFirstOrThrow();
    const cookie = await signIn(await signInLink(officer));
    expect(await (await get(`/canbo/tinbao/${tip.id}`, cookie)).text()).toContain(`action="/canbo/tinbao/${tip.id}/chuyen"`);

    // A search that matches nothing, the tip's own commune, then the right one.
    expect(await (await get(`/canbo/tinbao/${tip.id}/chuyen?q=khongcoxanay`, cookie)).text()).toContain("Không tìm thấy xã/phường nào");
    expect(await (await get(`/canbo/tinbao/${tip.id}/chuyen?q=Hồng Lộc`, cookie)).text()).toContain("Tin báo đang ở chính xã này");
    const picked = await (await get(`/canbo/tinbao/${tip.id}/chuyen?q=can loc`, cookie)).text();
    const canLocId = (await h.db.commune.findFirstOrThrow({ where: { code: "CANLOC" } })).id;
    expect(picked).toContain(`name="commune" value="${canLocId}"`);
    // No reason, no transfer.
    expect((await post(`/canbo/tinbao/${tip.id}/chuyen`, { kind: "commune", commune: String(canLocId), reason: " " }, { Cookie: cookie })).status).toBe(400);
    const sent = await post(`/canbo/tinbao/${tip.id}/chuyen`, { kind: "commune", commune: String(canLocId), reason: "Địa điểm thuộc xã Can Lộc." }, { Cookie: cookie });
    expect(sent.status).toBe(200);
    expect(await sent.text()).toContain(`Đã chuyển tin báo ${tip.caseNumber} sang xã Can Lộc`);
    expect((await h.db.tip.findUniqueOrThrow({ where: { id: tip.id } })).communeId).toBe(canLocId);
    await h.settle();
    expect((await canLoc.read()).map((m) => m.text).join("\n")).toContain("Bán ma túy ở chợ Can Lộc");
    expect((await get(`/canbo/tinbao/${tip.id}`, cookie)).status).toBe(404);
    // The tipster's code still works.
    const follower = h.web();
    await follower.say("/theodoi");
    expect((await follower.say(code)).map((m) => m.text).join("\n")).toContain("Tin báo gửi ngày");
  });

  it("sends a tip to a police unit (closed 'chuyển cơ quan khác', tipster told), marks a duplicate and spam, and undoes spam", async () => {
    const officer = await registerOfficer();
    const one = h.web();
    await fileWebTip(one, { text: "Tin một: bán ma túy ở bãi sông." });
    const two = h.web();
    await fileWebTip(two, { text: "Tin hai: cũng bãi sông đó." });
    const three = h.web();
    await fileWebTip(three, { text: "Tin ba: quảng cáo bán hàng." });
    const four = h.web();
    await fileWebTip(four, { text: "Tin bốn: đường dây ở tỉnh bên." });
    await h.settle();
    const [a, b, c, d] = await h.db.tip.findMany({ orderBy: { id: "asc" } });
    const cookie = await signIn(await signInLink(officer));
    for (const x of [one, two, three, four]) await x.read();

    // Duplicate: an unknown number is refused in words; the right one closes b and links it to a.
    const unknown = await post(`/canbo/tinbao/${b!.id}/trung`, { original: "99999" }, { Cookie: cookie });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain("Xã không có tin báo số hiệu");
    expect((await post(`/canbo/tinbao/${b!.id}/trung`, { original: b!.caseNumber }, { Cookie: cookie })).status).toBe(400);
    expect((await post(`/canbo/tinbao/${b!.id}/trung`, { original: a!.caseNumber }, { Cookie: cookie })).headers.get("location")).toBe(`/canbo/tinbao/${b!.id}?kq=trung`);
    const dup = await h.db.tip.findUniqueOrThrow({ where: { id: b!.id } });
    expect([dup.status, dup.duplicateOfId]).toEqual(["done", a!.id]);
    expect(await (await get(`/canbo/tinbao/${a!.id}`, cookie)).text()).toContain(`ghi nhận tin trùng: ${b!.caseNumber}`);

    // Spam needs its confirmation box; then the tip closes, and the undo reopens it.
    expect((await post(`/canbo/tinbao/${c!.id}/rac`, {}, { Cookie: cookie })).status).toBe(400);
    expect((await h.db.tip.findUniqueOrThrow({ where: { id: c!.id } })).status).toBe("new");
    await post(`/canbo/tinbao/${c!.id}/rac`, { confirm: "yes" }, { Cookie: cookie });
    expect((await h.db.tip.findUniqueOrThrow({ where: { id: c!.id } })).result).toBe("spam");
    expect(await h.db.spamMark.count()).toBe(1);
    expect(await (await get(`/canbo/tinbao/${c!.id}`, cookie)).text()).toContain(`/canbo/tinbao/${c!.id}/khongrac"`);
    const undone = await post(`/canbo/tinbao/${c!.id}/khongrac`, { confirm: "yes" }, { Cookie: cookie });
    expect(undone.headers.get("location")).toBe(`/canbo/tinbao/${c!.id}?kq=khongrac-mo`);
    expect((await h.db.tip.findUniqueOrThrow({ where: { id: c!.id } })).status).toBe("verifying");

    // To a unit: closed with "referred", the unit on the tip's line, the tipster told in neutral words.
    const sent = await post(`/canbo/tinbao/${d!.id}/chuyen`, { kind: "unit", unit: "pc04", reason: "Đường dây liên tỉnh." }, { Cookie: cookie });
    expect(sent.status).toBe(200);
    const closed = await h.db.tip.findUniqueOrThrow({ where: { id: d!.id } });
    expect([closed.status, closed.result]).toEqual(["done", "referred"]);
    expect((await h.db.tipTransfer.findFirstOrThrow({ where: { tipId: d!.id } })).unit).toBe("pc04");
    await h.settle();
    const told = (await four.read()).map((m) => m.text).join("\n");
    expect(told).toContain("đã được công an xã xem xét, giải quyết xong");
    expect(told).not.toContain("PC04");
    expect((await post(`/canbo/tinbao/${d!.id}/chuyen`, { kind: "unit", unit: "nonsense", reason: "x" }, { Cookie: cookie })).status).toBe(400);

    // Another commune's officer: 404 on every one of these, nothing changes.
    const stranger = await registerOfficer("PHUONGTIEN", "Đ/c Người Xã Khác");
    const strangerCookie = await signIn(await signInLink(stranger));
    const events = await h.db.tipEvent.count();
    expect((await get(`/canbo/tinbao/${a!.id}/chuyen?q=can`, strangerCookie)).status).toBe(404);
    for (const [path, form] of [["chuyen", { kind: "unit", unit: "pc04", reason: "x" }], ["trung", { original: b!.caseNumber }], ["rac", { confirm: "yes" }], ["khongrac", { confirm: "yes" }]] as const) {
      expect((await post(`/canbo/tinbao/${a!.id}/${path}`, form, { Cookie: strangerCookie })).status).toBe(404);
    }
    expect(await h.db.tipEvent.count()).toBe(events);
  });
});
