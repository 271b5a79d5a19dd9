// The console's configuration pages (/canbo/quantri, issue 13) through the real Hono app on a real
// SQLite file: a commune's bulletin schedule and languages (changed here, seen by the chat), its
// criteria set and the check of a criteria file, the rankings; each kept to the admin's scope (a
// 404 otherwise). And every console form answering a body it cannot read with a polite 400.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../helpers/harness.js";
import { CONSOLE_ORIGIN as ORIGIN, consoleRequests } from "../helpers/console-requests.js";
import { addHaTinhCommunes } from "../helpers/places.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  await addHaTinhCommunes(h.db);
});
afterEach(async () => {
  await h.close();
});

const { post, get, register, signIn } = consoleRequests(() => h);

const BROKEN = [
  ["multipart/form-data; boundary=xyz", "garbage"],
  ["multipart/form-data", "--x\r\n"],
] as const;

async function expectBadForm(path: string, cookie?: string) {
  for (const [type, body] of BROKEN) {
    const res = await h.app.request(path, { method: "POST", headers: { "Content-Type": type, Origin: ORIGIN, ...(cookie ? { Cookie: cookie } : {}) }, body });
    expect(res.status, `${path} ${type}`).toBe(400);
    const html = await res.text();
    expect(html).toContain("Không đọc được biểu mẫu đã gửi");
  }
}

describe("every console form", () => {
  it("answers a body it cannot read with a polite 400 page, never a failure", async () => {
    await expectBadForm("/canbo/vao");
    const officer = await signIn(await register("officer", { communeCode: "HONGLOC" }, "Đ/c Cán Bộ"));
    for (const path of ["xuly", "giao", "hoi", "ghichu", "giahan", "molai", "chuyen", "trung", "rac", "khongrac"]) await expectBadForm(`/canbo/tinbao/1/${path}`, officer);
    await expectBadForm("/canbo/bantin/viet", officer);
    const head = await signIn(await register("village_head", { villageCode: "HL-01" }, "Trưởng thôn Một"));
    await expectBadForm("/canbo/thon", head);
    await expectBadForm("/canbo/bantin/1/chuaphat", head);
    const translator = await signIn(await register("translator", { communeCode: "HONGLOC" }, "Người Dịch"));
    await expectBadForm("/canbo/dich/ngonngu", translator);
    // The admin's forms, including the new ones.
    const admin = await signIn(await register("admin", { communeCode: "HONGLOC" }, "Đ/c Quản Trị Xã"));
    for (const path of ["/canbo/quantri/diadiem", "/canbo/quantri/xa/HONGLOC/moi"]) await expectBadForm(path, admin);
  });
});

describe("posters", () => {
  it("print a Zalo QR code opening the OA when ZALO_OA_URL is set, and none without it", async () => {
    const admin = await signIn(await register("admin", { communeCode: "HONGLOC" }, "Đ/c Quản Trị Xã"));
    const without = await (await get("/canbo/quantri/xa/HONGLOC/apphich", admin)).text();
    expect(without).not.toContain("zalo.me");
    await h.close();
    h = await createHarness({ consoleZaloOaUrl: "https://zalo.me/1234567890" });
    const again = await signIn(await register("admin", { communeCode: "HONGLOC" }, "Đ/c Quản Trị Xã"));
    const res = await get("/canbo/quantri/xa/HONGLOC/apphich", again);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('data-url="https://zalo.me/1234567890"');
    // One Zalo code per village's page, with the village's code to type after opening the OA.
    const villages = await h.db.village.count({ where: { commune: { code: "HONGLOC" } } });
    expect(html.split('data-url="https://zalo.me/1234567890"').length - 1).toBe(villages);
    expect(html).toContain("HL-01");
  });
});

describe("bulletin schedule and languages", () => {
  it("a commune admin changes their commune's schedule and languages, seen by the chat; another commune is a 404 and nothing changes", async () => {
    const client = await register("admin", { communeCode: "HONGLOC" }, "Đ/c Quản Trị Xã");
    const cookie = await signIn(client);
    const page = await get("/canbo/quantri/xa/HONGLOC/lichphat", cookie);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Buổi tiếp theo");
    expect(Buffer.byteLength(html)).toBeLessThan(100 * 1024);
    expect(await (await get("/canbo/quantri/xa/HONGLOC", cookie)).text()).toContain("/canbo/quantri/xa/HONGLOC/lichphat");

    // Can Lộc's schedule, languages, criteria and ranking: 404, nothing written.
    const canloc = await h.db.commune.findUniqueOrThrow({ where: { code: "CANLOC" } });
    for (const path of ["lichphat", "tieuchi", "xephang"]) expect((await get(`/canbo/quantri/xa/CANLOC/${path}`, cookie)).status, path).toBe(404);
    expect((await post("/canbo/quantri/xa/CANLOC/lichphat", { ngay: ["2"], gio: "07:15", bat: "1" }, cookie)).status).toBe(404);
    expect((await post("/canbo/quantri/xa/CANLOC/ngonngu", { ngonngu: ["hnj"] }, cookie)).status).toBe(404);
    expect((await get("/canbo/quantri/xephang/HTI", cookie)).status).toBe(404);
    expect(await h.db.bulletinSchedule.count({ where: { communeId: canloc.id, updatedByStaffId: { not: null } } })).toBe(0);
    expect((await h.db.commune.findUniqueOrThrow({ where: { id: canloc.id } })).languages).toBe("vie");
    expect(await h.db.staffAudit.count({ where: { communeId: canloc.id } })).toBe(0);

    // Bad input: a polite 400 naming the mistake, the typed values kept, nothing written.
    const hongloc = await h.db.commune.findUniqueOrThrow({ where: { code: "HONGLOC" } });
    const before = await h.db.bulletinSchedule.findUnique({ where: { communeId: hongloc.id } });
    for (const [form, error] of [
      [{ ngay: ["2"], gio: "25:00", bat: "1" }, "Giờ không hợp lệ: “25:00”"],
      [{ ngay: ["2"], gio: "7 giờ", bat: "1" }, "Giờ không hợp lệ"],
      [{ ngay: ["9"], gio: "07:15", bat: "1" }, "Ngày không hợp lệ: “9”"],
      [{ gio: "07:15", bat: "1" }, "Xin chọn ít nhất một ngày phát"],
      [{ ngay: ["2"], gio: "", bat: "1" }, "Xin ghi ít nhất một giờ phát"],
      [{ ngay: ["2"], gio: "05:00, 06:00, 07:00, 08:00, 09:00", bat: "1" }, "Tối đa"],
    ] as const) {
      const res = await post("/canbo/quantri/xa/HONGLOC/lichphat", form as Record<string, string | string[]>, cookie);
      expect(res.status, error).toBe(400);
      const text = await res.text();
      expect(text).toContain(error);
    }
    expect(await h.db.bulletinSchedule.findUnique({ where: { communeId: hongloc.id } })).toEqual(before);
    expect((await post("/canbo/quantri/xa/HONGLOC/ngonngu", { ngonngu: ["xyz"] }, cookie)).status).toBe(400);
    expect(await (await post("/canbo/quantri/xa/HONGLOC/ngonngu", {}, cookie)).text()).toContain("Xin chọn ít nhất một ngôn ngữ");

    // A valid change: Tuesdays and Fridays at 07:15 and 17:45, audited, and the chat's /lichphat says so.
    const saved = await post("/canbo/quantri/xa/HONGLOC/lichphat", { ngay: ["2", "5"], gio: "17:45, 7:15", bat: "1" }, cookie);
    expect(saved.status).toBe(303);
    const after = await (await get(saved.headers.get("location")!, cookie)).text();
    expect(after).toContain("Đã lưu lịch phát");
    expect(after).toContain("Thứ Ba, Thứ Sáu, lúc 07:15, 17:45");
    const row = await h.db.bulletinSchedule.findUniqueOrThrow({ where: { communeId: hongloc.id } });
    expect(row).toMatchObject({ days: "2,5", times: "07:15,17:45", enabled: true, repeatWithinDay: false });
    expect(await h.db.staffAudit.count({ where: { communeId: hongloc.id, action: "bulletin.schedule_changed" } })).toBe(1);
    const chat = (await client.say("/lichphat")).map((m) => m.text).join("\n");
    expect(chat).toContain("Thứ Ba, Thứ Sáu, lúc 07:15, 17:45");
    expect(chat).toMatch(/Buổi tiếp theo: .*(07:15|17:45)/);
    // Paused from the console: the chat sees it paused.
    expect((await post("/canbo/quantri/xa/HONGLOC/lichphat", { ngay: ["2", "5"], gio: "07:15" }, cookie)).status).toBe(303);
    expect((await client.say("/lichphat")).map((m) => m.text).join("\n")).toContain("Đang tạm dừng");

    // Languages: Hmong added, Vietnamese kept first; the chat's /ngonngu lists them.
    const lang = await post("/canbo/quantri/xa/HONGLOC/ngonngu", { ngonngu: ["hnj"] }, cookie);
    expect(lang.status).toBe(303);
    expect(await (await get(lang.headers.get("location")!, cookie)).text()).toContain("Đã lưu ngôn ngữ bản tin");
    expect((await h.db.commune.findUniqueOrThrow({ where: { id: hongloc.id } })).languages).toBe("vie,hnj");
    expect(await h.db.staffAudit.count({ where: { communeId: hongloc.id, action: "bulletin.languages_changed" } })).toBe(1);
    expect((await client.say("/ngonngu")).map((m) => m.text).join("\n")).toMatch(/Tiếng Việt.*Mông/);
  });
});

describe("criteria and rankings", () => {
  it("show the commune's criteria set in effect, and check an uploaded file listing every error without keeping it", async () => {
    const cookie = await signIn(await register("admin", { communeCode: "HONGLOC" }, "Đ/c Quản Trị Xã"));
    const page = await get("/canbo/quantri/xa/HONGLOC/tieuchi", cookie);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Tiêu chí xã không ma túy (mặc định)");
    expect(html).toContain('data-criterion="addicts-below-10"');
    expect(html).toContain("Tiêu chí thôn");

    const upload = (name: string, text: string) => {
      const form = new FormData();
      form.set("tep", new File([text], name, { type: "application/json" }));
      return h.app.request("/canbo/quantri/tieuchi/kiemtra", { method: "POST", headers: { Origin: ORIGIN, Cookie: cookie }, body: form });
    };
    const base = { id: "hti", province: "HTI", extends: "default", name: "Tiêu chí Hà Tĩnh", source: "Kế hoạch thử của tỉnh, mục I" };
    const broken = await upload("HTI.json", JSON.stringify({ ...base, override: [{ id: "khong-co" }], remove: ["cung-khong-co"], add: [{ id: "moi", text: "Một tiêu chí mới", source: "Kế hoạch thử, mục II", formula: "so_la", threshold: { op: ">=", value: 1 }, needs: ["so_la"] }] }));
    expect(broken.status).toBe(400);
    const listed = await broken.text();
    expect(listed).toContain("có 3 lỗi");
    expect(listed).toContain("&quot;khong-co&quot;");
    expect(listed).toContain("&quot;cung-khong-co&quot;");
    expect(listed).toContain("&quot;moi&quot;");
    const good = await upload("HTI.json", JSON.stringify({ ...base, override: [{ id: "addicts-below-10", threshold: { op: "<", value: 5 } }] }));
    expect(good.status).toBe(200);
    expect(await good.text()).toContain("Tệp hợp lệ");
    expect((await upload("x.json", "{ not json")).status).toBe(400);
    expect(await (await post("/canbo/quantri/tieuchi/kiemtra", { noidung: "" }, cookie)).text()).toContain("Chưa chọn tệp");
    // Nothing kept: the commune's set is still the default.
    expect(await (await get("/canbo/quantri/xa/HONGLOC/tieuchi", cookie)).text()).toContain("(bộ mặc định)");
  });

  it("rank a province's communes for its admin and a commune's villages, each in scope only", async () => {
    const cookie = await signIn(await register("admin", { provinceCode: "HTI" }, "Đ/c Quản Trị Tỉnh"));
    const home = await (await get("/canbo/quantri", cookie)).text();
    expect(home).toContain("/canbo/quantri/xephang/HTI");
    expect(home).toContain("/canbo/quantri/tieuchi/kiemtra");
    const res = await get("/canbo/quantri/xephang/HTI", cookie);
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const code of ["HONGLOC", "CANLOC", "THIENLOC"]) expect(html).toContain(`data-commune="${code}"`);
    expect(html).toContain("<svg");
    const other = await h.db.province.findFirst({ where: { code: { not: "HTI" } } });
    if (other) expect((await get(`/canbo/quantri/xephang/${other.code}`, cookie)).status).toBe(404);
    expect((await get("/canbo/quantri/xephang/NOPE", cookie)).status).toBe(404);
    expect((await get("/canbo/quantri/xephang/HTI?thang=1999-01", cookie)).status).toBe(400);
    const villages = await get("/canbo/quantri/xa/HONGLOC/xephang", cookie);
    expect(villages.status).toBe(200);
    const vhtml = await villages.text();
    expect(vhtml).toContain('data-village="HL-01"');
    expect(vhtml).toContain("chưa nhập số liệu");
  });
});
