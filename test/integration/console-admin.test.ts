// The console's admin pages (/canbo/quantri, issue 13) through the real Hono app on a real SQLite
// file: forms posted with this site's Origin (the CSRF check), a commune admin kept to their commune
// and a province admin to their province (anything else a 404 that changes nothing), a CSV with
// errors listing them all and writing nothing, invitations with their code and QR code redeemed in
// the chat, a revoked member's console session refused at once, alert groups removed, posters printed.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../helpers/harness.js";
import { CONSOLE_ORIGIN as ORIGIN, consoleRequests } from "../helpers/console-requests.js";
import { addHaTinhCommunes } from "../helpers/places.js";
import { translatorLanguages } from "../../src/bulletins/translations.js";
import { createSignInToken } from "../../src/staff/console-sessions.js";
import { setPoliceContacts } from "../../src/places/police-contacts.js";
import { addAudience } from "../../src/bulletins/audiences.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  await addHaTinhCommunes(h.db);
});
afterEach(async () => {
  await h.close();
});

const HEADER = "province_code,province_name,commune_code,commune_name,commune_hotline,village_code,village_name";

const { post, get, register, signIn } = consoleRequests(() => h);

async function provinceAdmin() {
  return signIn(await register("admin", { provinceCode: "HTI" }, "Đ/c Quản Trị Tỉnh"));
}

describe("console admin pages", () => {
  it("a commune admin manages their commune; another commune is a 404 by every path and nothing changes", async () => {
    const cookie = await signIn(await register("admin", { communeCode: "HONGLOC" }, "Đ/c Quản Trị Xã"));
    const home = await get("/canbo/quantri", cookie);
    expect(home.status).toBe(200);
    const html = await home.text();
    expect(html).toContain("Hồng Lộc");
    expect(html).not.toContain("Can Lộc");
    expect((await get("/canbo/quantri/xa/HONGLOC", cookie)).status).toBe(200);

    // Can Lộc's page, posters, staff, invitations, villages and alert groups: 404, and nothing written.
    const canlocOfficer = await register("officer", { communeCode: "CANLOC" }, "Đ/c Cán Bộ Can Lộc");
    const officerRow = await h.db.staff.findFirstOrThrow({ where: { displayName: "Đ/c Cán Bộ Can Lộc" } });
    await h.invite("leader", { communeCode: "CANLOC" }, "Lãnh đạo Can Lộc");
    const invitation = await h.db.invitation.findFirstOrThrow({ where: { note: "Lãnh đạo Can Lộc" } });
    const village = await h.db.village.findUniqueOrThrow({ where: { code: "CL-01" } });
    const group = await h.db.alertGroup.create({ data: { communeId: village.communeId, channel: "telegram", addressTag: "tg:group-canloc", sealedAddress: "sealed", createdByStaffId: officerRow.id } });
    expect((await get("/canbo/quantri/xa/CANLOC", cookie)).status).toBe(404);
    expect((await get("/canbo/quantri/xa/CANLOC/apphich", cookie)).status).toBe(404);
    expect((await post("/canbo/quantri/xa/CANLOC/moi", { role: "officer" }, cookie)).status).toBe(404);
    expect((await post(`/canbo/quantri/canbo/${officerRow.id}/thuhoi`, {}, cookie)).status).toBe(404);
    expect((await post(`/canbo/quantri/loimoi/${invitation.id}/thuhoi`, {}, cookie)).status).toBe(404);
    expect((await post(`/canbo/quantri/thon/${village.id}/ten`, { ten: "Thôn Bị Đổi" }, cookie)).status).toBe(404);
    expect((await post(`/canbo/quantri/nhom/${group.id}/xoa`, {}, cookie)).status).toBe(404);
    expect((await get("/canbo/quantri/xamoi", cookie)).status).toBe(404);
    expect((await post("/canbo/quantri/xamoi", { tinh: String(village.communeId), ma: "XAMOI", ten: "Xã Mới", thon: "Thôn A" }, cookie)).status).toBe(404);
    expect((await h.db.staff.findUniqueOrThrow({ where: { id: officerRow.id } })).active).toBe(true);
    expect((await h.db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).revokedAt).toBeNull();
    expect((await h.db.village.findUniqueOrThrow({ where: { id: village.id } })).name).toBe("Thôn Trung Lương");
    expect(await h.db.alertGroup.count({ where: { id: group.id } })).toBe(1);
    expect(await h.db.commune.count({ where: { code: "XAMOI" } })).toBe(0);
    expect(await h.db.staffAudit.count({ where: { communeId: village.communeId } })).toBe(0);
    // Their own alert group goes; the removal is audited in their commune.
    const own = await h.db.alertGroup.create({ data: { communeId: (await h.db.commune.findUniqueOrThrow({ where: { code: "HONGLOC" } })).id, channel: "telegram", addressTag: "tg:group-hl", sealedAddress: "sealed", createdByStaffId: officerRow.id } });
    const removed = await post(`/canbo/quantri/nhom/${own.id}/xoa`, {}, cookie);
    expect(removed.status).toBe(303);
    expect(await h.db.alertGroup.count({ where: { id: own.id } })).toBe(0);
    expect(await (await get(removed.headers.get("location")!, cookie)).text()).toContain("Đã gỡ nhóm");
    // Their CSV may change their commune only: another commune, a new one, or renaming the province are errors.
    const csv = [HEADER, "HTI,Hà Tĩnh,HONGLOC,Hồng Lộc,,HL-09,Thôn Mới", "HTI,Hà Tĩnh,CANLOC,Can Lộc,,CL-09,Thôn Lạ", "HTI,Hà Tĩnh,XAKHAC,Xã Khác,,XK-01,Thôn Một", "HTI,Tỉnh Đổi Tên,HONGLOC,Hồng Lộc,,HL-10,Thôn Mười"].join("\n");
    const checked = await (await post("/canbo/quantri/diadiem", { noidung: csv }, cookie)).text();
    expect(checked).toContain("Tệp có 3 lỗi");
    expect(checked).toContain("Dòng 3: xã CANLOC không thuộc phạm vi");
    expect(checked).toContain("Dòng 4: đồng chí không được tạo xã XAKHAC");
    expect(checked).toContain("Dòng 5: tên tỉnh HTI khác tên đã có");
    expect(await h.db.village.count({ where: { code: { in: ["HL-09", "CL-09", "XK-01", "HL-10"] } } })).toBe(0);
    // A non-admin has no admin pages at all.
    const officerCookie = await signIn(canlocOfficer);
    expect((await get("/canbo/quantri", officerCookie)).status).toBe(403);
    expect((await get("/canbo/quantri/xa/CANLOC", officerCookie)).status).toBe(403);
  });

  it("a CSV with errors lists every one and writes nothing; a good one is written only on Xác nhận", async () => {
    const cookie = await provinceAdmin();
    const bad = [HEADER, "HTI,Hà Tĩnh,TANLAP,Tân Lập,,TL-X1,", "HTI,Hà Tĩnh,TANLAP,Tân Lập,abc!,TL-X2,Thôn Hai", "LCA,Lào Cai,LUNGPHINH,Lùng Phình,,LP-09,Thôn Chín", "HTI,Hà Tĩnh,HONGLOC,Hồng Lộc,,CL-01,Thôn Lấy Mã"].join("\n");
    const before = { communes: await h.db.commune.count(), villages: await h.db.village.count() };
    const form = new FormData();
    form.set("tep", new File([bad], "diaban.csv", { type: "text/csv" }));
    const res = await h.app.request("/canbo/quantri/diadiem", { method: "POST", headers: { Origin: ORIGIN, Cookie: cookie }, body: form });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Tệp có 4 lỗi");
    expect(html).toContain("Dòng 2");
    expect(html).toContain("Dòng 3");
    expect(html).toContain("Dòng 4: xã LUNGPHINH không thuộc phạm vi");
    expect(html).toContain("Dòng 5: mã thôn CL-01 đã dùng cho thôn của xã khác");
    expect(html).not.toContain("/canbo/quantri/diadiem/xacnhan");
    expect({ communes: await h.db.commune.count(), villages: await h.db.village.count() }).toEqual(before);
    // Straight to "Xác nhận" with the bad file: checked again, nothing written.
    expect((await post("/canbo/quantri/diadiem/xacnhan", { noidung: bad }, cookie)).status).toBe(400);
    expect({ communes: await h.db.commune.count(), villages: await h.db.village.count() }).toEqual(before);

    const good = [HEADER, "HTI,Hà Tĩnh,TANLAP,Tân Lập,0239 3000 000,TLP-01,Thôn Một", "HTI,Hà Tĩnh,TANLAP,Tân Lập,0239 3000 000,TLP-02,Thôn Hai", "HTI,Hà Tĩnh,HONGLOC,Hồng Lộc,,HL-01,Thôn Thượng Phú Mới"].join("\r\n");
    const preview = await post("/canbo/quantri/diadiem", { noidung: good }, cookie);
    expect(preview.status).toBe(200);
    const page = await preview.text();
    expect(page).toContain("3 thôn; 1 xã mới, 1 xã đã có sẽ được cập nhật. Chưa ghi gì cả.");
    expect(await h.db.commune.count({ where: { code: "TANLAP" } })).toBe(0);
    const hidden = /name="noidung" value="([^"]*)"/.exec(page)![1]!.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&quot;/g, '"').replace(/&amp;/g, "&");
    const done = await post("/canbo/quantri/diadiem/xacnhan", { noidung: hidden }, cookie);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("Đã ghi 3 thôn của 2 xã, 1 tỉnh.");
    expect((await h.db.village.findUniqueOrThrow({ where: { code: "HL-01" } })).name).toBe("Thôn Thượng Phú Mới");
    expect(await h.db.village.count({ where: { commune: { code: "TANLAP" } } })).toBe(2);
    expect(await h.db.staffAudit.count({ where: { action: "places.imported" } })).toBe(2);
  });

  it("a province admin creates a commune with its villages, invites each role, and the codes work in the chat", async () => {
    const cookie = await provinceAdmin();
    const province = await h.db.province.findUniqueOrThrow({ where: { code: "HTI" } });
    expect((await get("/canbo", cookie)).headers.get("location")).toBe("/canbo/quantri");
    const refused = await post("/canbo/quantri/xamoi", { tinh: String(province.id), ma: "HONGLOC", ten: "", thon: "" }, cookie);
    expect(refused.status).toBe(400);
    const refusal = await refused.text();
    expect(refusal).toContain("Mã xã HONGLOC đã được dùng");
    expect(refusal).toContain("Cần ít nhất một thôn");
    const created = await post("/canbo/quantri/xamoi", { tinh: String(province.id), ma: "sonloc", ten: "Sơn Lộc", duongday: "0239 111 222", thon: "Thôn Một\nThôn Hai\n\n Thôn  Ba \n" }, cookie);
    expect(created.status).toBe(303);
    expect(created.headers.get("location")).toBe("/canbo/quantri/xa/SONLOC");
    const villages = await h.db.village.findMany({ where: { commune: { code: "SONLOC" } }, orderBy: { code: "asc" } });
    expect(villages.map((v) => [v.code, v.name])).toEqual([["SONLOC-01", "Thôn Một"], ["SONLOC-02", "Thôn Hai"], ["SONLOC-03", "Thôn Ba"]]);

    // A village head needs their village; a translator their languages.
    expect((await post("/canbo/quantri/xa/SONLOC/moi", { role: "village_head", thon: "" }, cookie)).status).toBe(400);
    const noLanguage = await post("/canbo/quantri/xa/SONLOC/moi", { role: "translator", ngonngu: "tiếng Việt" }, cookie);
    expect(await noLanguage.text()).toContain("ít nhất một ngôn ngữ");
    const invited = await post("/canbo/quantri/xa/SONLOC/moi", { role: "translator", ngonngu: "Mông, Thái", ten: "Chị Biên Dịch" }, cookie);
    expect(invited.status).toBe(200);
    const page = await invited.text();
    const code = /MOI-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(page)![0];
    // No bot username configured: the QR code opens the web chat with the code.
    expect(page).toContain(`data-url="http://localhost/?moi=${code}"`);
    expect(page).toContain("<svg");
    const translator = h.web();
    expect((await translator.say(`/dangky ${code}`))[0]!.text).toContain("Đăng ký thành công");
    const row = await h.db.staff.findFirstOrThrow({ where: { displayName: "Chị Biên Dịch" } });
    expect(row.role).toBe("translator");
    expect(await translatorLanguages(h.db, row.id)).toEqual(["hnj", "blt"]);

    const head = await post("/canbo/quantri/xa/SONLOC/moi", { role: "village_head", thon: "SONLOC-02" }, cookie);
    const headCode = /MOI-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(await head.text())![0];
    const list = await (await get("/canbo/quantri/xa/SONLOC", cookie)).text();
    expect(list).toContain("Chị Biên Dịch");
    expect(list).toContain("trưởng thôn · Thôn Hai");
    // The code is shown once: never on the list.
    expect(list).not.toContain(headCode);
    const open = await h.db.invitation.findFirstOrThrow({ where: { usedAt: null, commune: { code: "SONLOC" } } });
    const cancelled = await post(`/canbo/quantri/loimoi/${open.id}/thuhoi`, {}, cookie);
    expect(cancelled.status).toBe(303);
    const late = h.web();
    expect((await late.say(`/dangky ${headCode}`))[0]!.text).not.toContain("Đăng ký thành công");
    expect(await h.db.staffAudit.count({ where: { action: "staff.invited" } })).toBe(2);
    expect(await h.db.staffAudit.count({ where: { action: "invitation.revoked" } })).toBe(1);
    expect(await h.db.staffAudit.count({ where: { action: "commune.created" } })).toBe(1);

    // A village renamed; the posters' print view has a page per village and its print button.
    const renamed = await post(`/canbo/quantri/thon/${villages[0]!.id}/ten`, { ten: "Thôn Một Mới" }, cookie);
    expect(renamed.status).toBe(303);
    expect((await h.db.village.findUniqueOrThrow({ where: { id: villages[0]!.id } })).name).toBe("Thôn Một Mới");
    expect((await post(`/canbo/quantri/thon/${villages[0]!.id}/ten`, { ten: "   " }, cookie)).status).toBe(400);
    // The police's numbers set by 'admin police-contacts' are printed on every page, as by the CLI.
    expect((await setPoliceContacts(h.db, "SONLOC", [{ title: "head", name: "Nguyễn Văn Hùng", phone: "0912 345 678" }, { title: "deputy", name: "Lê Thị Lan", phone: "0987 654 321" }])).ok).toBe(true);
    const posters = await get("/canbo/quantri/xa/SONLOC/apphich", cookie);
    expect(posters.status).toBe(200);
    expect(posters.headers.get("content-security-policy")).toContain("script-src 'self'");
    const printable = await posters.text();
    expect(printable.match(/class="page"/g)).toHaveLength(3);
    expect(printable).toContain("Thôn Một Mới, xã Sơn Lộc");
    expect(printable).toContain('id="print"');
    expect(printable.match(/Trưởng Công an xã Nguyễn Văn Hùng: 0912 345 678/g)).toHaveLength(3);
    expect(printable.match(/Phó Trưởng Công an xã Lê Thị Lan: 0987 654 321/g)).toHaveLength(3);
    const script = /<script src="([^"]+)"/.exec(printable)![1]!;
    expect(await (await h.app.request(script)).text()).toContain("window.print()");
  });

  it("a revoked member's console session is refused at once; a CSRF-less form is refused", async () => {
    const cookie = await provinceAdmin();
    const officer = await register("officer", { communeCode: "HONGLOC" }, "Đ/c Sắp Bị Thu Hồi");
    const officerCookie = await signIn(officer);
    expect((await get("/canbo/tinbao", officerCookie)).status).toBe(200);
    const row = await h.db.staff.findFirstOrThrow({ where: { displayName: "Đ/c Sắp Bị Thu Hồi" } });
    // From another site: refused, and the member stays.
    expect((await post(`/canbo/quantri/canbo/${row.id}/thuhoi`, {}, cookie, "https://evil.example")).status).toBe(403);
    expect((await h.db.staff.findUniqueOrThrow({ where: { id: row.id } })).active).toBe(true);
    const revoked = await post(`/canbo/quantri/canbo/${row.id}/thuhoi`, {}, cookie);
    expect(revoked.status).toBe(303);
    expect(await h.db.consoleSession.count({ where: { staffId: row.id } })).toBe(0);
    expect((await get("/canbo/tinbao", officerCookie)).status).toBe(403);
    expect(await (await get("/canbo/quantri/xa/HONGLOC", cookie)).text()).toContain("đã thu hồi");
    expect(await h.db.staffAudit.count({ where: { action: "staff.revoked", subject: `staff:${row.id}` } })).toBe(1);
    // Twice, or a made-up id: not found.
    expect((await post(`/canbo/quantri/canbo/${row.id}/thuhoi`, {}, cookie)).status).toBe(404);
    expect((await post("/canbo/quantri/canbo/999999/thuhoi", {}, cookie)).status).toBe(404);
    expect((await post("/canbo/quantri/canbo/abc/thuhoi", {}, cookie)).status).toBe(404);
  });

  it("bad input is a polite 400, never a failure", async () => {
    const cookie = await provinceAdmin();
    const send = (path: string, type: string, body: string) => h.app.request(path, { method: "POST", headers: { "Content-Type": type, Origin: ORIGIN, Cookie: cookie }, body });
    for (const path of ["/canbo/quantri/diadiem", "/canbo/quantri/diadiem/xacnhan", "/canbo/quantri/xamoi", "/canbo/quantri/xa/HONGLOC/moi"]) {
      for (const [type, body] of [["multipart/form-data; boundary=xyz", "garbage"], ["multipart/form-data", "--x\r\n"], ["application/json", "{bad"], ["text/plain", "hello"]] as const) {
        const res = await send(path, type, body);
        expect(res.status, `${path} ${type}`).toBe(400);
        expect(await res.text()).toContain("<h1>");
      }
    }
    expect(await (await post("/canbo/quantri/diadiem", { noidung: "x".repeat(600 * 1024) }, cookie)).text()).toContain("Tệp quá lớn");
    expect(await (await post("/canbo/quantri/diadiem", { noidung: "a,b\n1,2" }, cookie)).text()).toContain("province_code");
    expect((await post("/canbo/quantri/xa/HONGLOC/moi", { role: "admin" }, cookie)).status).toBe(400);
    expect((await post("/canbo/quantri/xa/HONGLOC/moi", { role: "translator", ngonngu: "tiếng Sao Hỏa" }, cookie)).status).toBe(400);
    expect(await h.db.invitation.count({ where: { commune: { code: "HONGLOC" } } })).toBe(0);
  });

  it("invites a reporting unit's member with the unit chosen from the commune's units (issue 14)", async () => {
    const cookie = await provinceAdmin();
    const page = await (await get("/canbo/quantri/xa/HONGLOC", cookie)).text();
    expect(page).toContain('<select id="donvi" name="donvi">');
    expect(page).toContain('<option value="health_station">Trạm Y tế xã</option>');
    const missing = await post("/canbo/quantri/xa/HONGLOC/moi", { role: "reporting_unit", donvi: "" }, cookie);
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("Cán bộ ban, ngành, đoàn thể cần chọn đơn vị.");
    expect((await post("/canbo/quantri/xa/HONGLOC/moi", { role: "reporting_unit", donvi: "football_club" }, cookie)).status).toBe(400);
    const made = await post("/canbo/quantri/xa/HONGLOC/moi", { role: "reporting_unit", donvi: "health_station", ten: "Trạm trưởng Trạm Y tế" }, cookie);
    expect(made.status).toBe(200);
    expect(await made.text()).toContain("Trạm Y tế xã, xã Hồng Lộc");
    const invitation = await h.db.invitation.findFirstOrThrow({ where: { note: "Trạm trưởng Trạm Y tế" } });
    expect(invitation).toMatchObject({ role: "reporting_unit", unitKind: "health_station", villageId: null });
    expect(await (await get("/canbo/quantri/xa/HONGLOC", cookie)).text()).toContain("Trạm Y tế xã");
  });

  it("invites a teacher for one of the commune's schools, who registers in the chat (issue 15)", async () => {
    const cookie = await provinceAdmin();
    const national = { role: "admin", active: true, communeId: null, villageId: null, provinceId: null };
    const school = await addAudience(h.db, national, { communeCode: "HONGLOC", kind: "school", name: "Trường THCS Hồng Lộc" }, h.clock.now);
    const elsewhere = await addAudience(h.db, national, { communeCode: "CANLOC", kind: "school", name: "Trường Tiểu học Can Lộc" }, h.clock.now);
    if (!school.ok || !elsewhere.ok) throw new Error("no audience");
    const page = await (await get("/canbo/quantri/xa/HONGLOC", cookie)).text();
    expect(page).toContain(`<option value="${school.value.id}">Trường THCS Hồng Lộc</option>`);
    expect(page).not.toContain("Trường Tiểu học Can Lộc");
    const before = await h.db.invitation.count();
    const missing = await post("/canbo/quantri/xa/HONGLOC/moi", { role: "teacher", coso: "" }, cookie);
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("Giáo viên cần chọn trường học");
    // Another commune's school, by its id: refused, nothing written.
    expect((await post("/canbo/quantri/xa/HONGLOC/moi", { role: "teacher", coso: String(elsewhere.value.id) }, cookie)).status).toBe(400);
    // A school offered to a business contact: refused.
    expect((await post("/canbo/quantri/xa/HONGLOC/moi", { role: "business_contact", coso: String(school.value.id) }, cookie)).status).toBe(400);
    expect(await h.db.invitation.count()).toBe(before);
    const made = await post("/canbo/quantri/xa/HONGLOC/moi", { role: "teacher", coso: String(school.value.id), ten: "Cô giáo Lan" }, cookie);
    expect(made.status).toBe(200);
    const html = await made.text();
    expect(html).toContain("Trường THCS Hồng Lộc, xã Hồng Lộc");
    const code = /MOI-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(html)![0];
    const teacher = h.web();
    h.clock.advanceMinutes(0.05);
    expect((await teacher.say(`/dangky ${code}`)).map((m) => m.text).join("\n")).toContain("Đăng ký thành công");
    expect(await h.db.staff.findFirstOrThrow({ where: { role: "teacher" } })).toMatchObject({ audienceId: school.value.id, communeId: (await h.db.commune.findUniqueOrThrow({ where: { code: "HONGLOC" } })).id });
  });

  it("an invitation's QR code opens the Telegram bot when its username is known; outside demo mode without it, the code is typed", async () => {
    for (const [options, expected] of [
      [{ consoleTelegramBot: "PhaoDaiBot" }, (code: string) => `data-url="https://t.me/PhaoDaiBot?start=${code}"`],
      [{ settings: { demo: false } }, null],
    ] as const) {
      await h.close();
      h = await createHarness(options);
      const province = await h.db.province.findUniqueOrThrow({ where: { code: "HTI" } });
      // Signed in as the chat's /dangnhap would (the web chat takes staff codes in demo mode only).
      const staff = await h.db.staff.create({ data: { pseudonym: "ps-admin", channel: "telegram", sealedAddress: "sealed", displayName: "Đ/c Quản Trị", role: "admin", provinceId: province.id } });
      const link = await createSignInToken(h.db, h.keys, staff, h.clock.now);
      if (!link.ok) throw new Error("no sign-in link");
      const cookie = (await post("/canbo/vao", { token: link.token })).headers.get("set-cookie")!.split(";")[0]!;
      const page = await (await post("/canbo/quantri/xa/HONGLOC/moi", { role: "officer" }, cookie)).text();
      const code = /MOI-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(page)![0];
      if (expected) {
        expect(page).toContain(expected(code));
        expect(page).toContain("Telegram mở bot");
      } else {
        expect(page).not.toContain("<svg");
        expect(page).toContain(`/dangky ${code}`);
      }
    }
  });
});
