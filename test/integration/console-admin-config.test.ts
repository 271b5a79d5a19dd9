// The console's configuration pages (/canbo/quantri, issue 13) through the real Hono app on a real
// SQLite file: a commune's bulletin schedule and languages (changed here, seen by the chat), its
// criteria set and the check of a criteria file, the rankings; each kept to the admin's scope (a
// 404 otherwise). And every console form answering a body it cannot read with a polite 400.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness, type WebClient } from "../helpers/harness.js";
import { addHaTinhCommunes } from "../helpers/places.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  await addHaTinhCommunes(h.db);
});
afterEach(async () => {
  await h.close();
});

const ORIGIN = "http://localhost";

async function register(role: string, scope: { provinceCode?: string; communeCode?: string; villageCode?: string }, name: string, client = h.web()): Promise<WebClient> {
  const code = await h.invite(role, scope, name);
  const replies = await client.say(`/dangky ${code}`);
  expect(replies[0]!.text).toContain("Đăng ký thành công");
  return client;
}

/** /dangnhap in the chat, the link opened and its button pressed: the session cookie. */
async function signIn(client: WebClient): Promise<string> {
  const text = (await client.say("/dangnhap")).map((m) => m.text).join("\n");
  const token = /\/canbo\/vao\/([A-Za-z0-9_-]{43})/.exec(text)![1]!;
  const res = await post("/canbo/vao", { token });
  expect(res.status).toBe(303);
  return res.headers.get("set-cookie")!.split(";")[0]!;
}

function post(path: string, form: Record<string, string | string[]>, cookie?: string) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  return h.app.request(path, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN, ...(cookie ? { Cookie: cookie } : {}) }, body: body.toString() });
}

const get = (path: string, cookie: string) => h.app.request(path, { headers: { Cookie: cookie } });

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
