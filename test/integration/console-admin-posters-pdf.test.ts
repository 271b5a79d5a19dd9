// The posters as a PDF download (issue 13, "posters (print view and PDF)") through the real Hono app
// on a real SQLite file: a province admin downloads Lùng Phình's posters (five Hmong villages, the
// poster's words approved in Hmong, the police's numbers recorded) and the file, read back with
// pdf.js, has a page per village and language with the print view's words; the same lookup as the
// print view keeps everyone else out with the console's 404.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../helpers/harness.js";
import { consoleRequests } from "../helpers/console-requests.js";
import { addHaTinhCommunes } from "../helpers/places.js";
import { pdfText } from "../helpers/pdf-text.js";
import { setPoliceContacts } from "../../src/places/police-contacts.js";
import { POSTER_SLUG, posterParagraphs, syncPosterItem, VIETNAMESE_POSTER_WORDS } from "../../src/bulletins/poster-text.js";
import { viPosters } from "../../src/i18n/vi-posters.js";

let h: Harness;
const { get, register, signIn } = consoleRequests(() => h);
const PDF = "/canbo/quantri/xa/LUNGPHINH/apphich.pdf";
const VILLAGES = [
  ["LP-01", "Thôn Lùng Phình"],
  ["LP-02", "Thôn Sín Chải"],
  ["LP-03", "Thôn Pả Chư Tỷ"],
  ["LP-04", "Thôn Tả Thền"],
  ["LP-05", "Thôn Chúng Chải"],
] as const;
/** TEST-ONLY words, not Hmong: an approved translation with the poster's paragraphs, a third longer. */
const HMONG = posterParagraphs(VIETNAMESE_POSTER_WORDS).map((p) => `[TEST] ${p} ${p.slice(0, Math.ceil(p.length / 3))}`);
let admin = "";

beforeAll(async () => {
  h = await createHarness({ consoleTelegramBot: "PhaoDaiBot", consoleZaloOaUrl: "https://zalo.me/1234567890" });
  await addHaTinhCommunes(h.db, ["CANLOC"]);
  expect((await setPoliceContacts(h.db, "LUNGPHINH", [{ title: "head", name: "Nguyễn Văn Hùng", phone: "0912 345 678" }, { title: "deputy", name: "Giàng A Páo", phone: "0987 654 321" }])).ok).toBe(true);
  await syncPosterItem(h.db, new Date());
  const item = await h.db.bulletinItem.findUniqueOrThrow({ where: { slug: POSTER_SLUG } });
  await h.db.bulletinVersion.create({ data: { itemId: item.id, language: "hnj", status: "approved", text: HMONG.join("\n\n"), approvedAt: new Date() } });
  admin = await signIn(await register("admin", { provinceCode: "LCA" }, "Đ/c Quản Trị Lào Cai"));
});
afterAll(async () => {
  await h.close();
});

describe("posters as a PDF in the console", () => {
  it("downloads as an attachment, never cached, one page per village and per approved language, with the print view's words", async () => {
    const res = await get(PDF, admin);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="ap-phich-LUNGPHINH.pdf"');
    expect(res.headers.get("cache-control")).toBe("no-store");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    // A4 posters, a light file: about 60 KB for ten pages (the fonts' subsets, vector codes).
    expect(bytes.length).toBeLessThan(200_000);

    const { pages, title, info } = await pdfText(bytes);
    expect(pages).toHaveLength(VILLAGES.length * 2);
    expect(title).toBe("Áp phích tố giác – xã Lùng Phình");
    // Nothing names who made it or with what.
    expect(Object.keys(info).filter((k) => ["Author", "Creator", "Producer"].includes(k))).toEqual([]);
    VILLAGES.forEach(([code, name], i) => {
      // The Vietnamese page, then the village's Hmong page: both with the place, codes and numbers.
      for (const page of [pages[2 * i]!, pages[2 * i + 1]!]) {
        expect(page).toContain(`${name}, xã Lùng Phình, Lào Cai`);
        expect(page).toContain(`?thon=${code}`);
        expect(page).toContain(`https://t.me/PhaoDaiBot?start=${code}`);
        expect(page).toContain(viPosters.zaloThenCode(code));
        expect(page).toContain("Trưởng Công an xã Nguyễn Văn Hùng: 0912 345 678");
        expect(page).toContain("Phó Trưởng Công an xã Giàng A Páo: 0987 654 321");
        expect(page).toContain("0769.04.04.04");
        expect(page).toContain("Khẩn cấp: gọi 113");
        expect(page).toContain("DỮ LIỆU MẪU");
      }
      const [vietnamese, hmong] = [pages[2 * i]!, pages[2 * i + 1]!];
      expect(vietnamese).toContain("TỐ GIÁC TỘI PHẠM MA TÚY");
      expect(vietnamese).toContain("Công an xã nhận tin ngay nhưng không biết bạn là ai.");
      expect(vietnamese).toContain("Ma túy trá hình: \"nước vui\", kẹo, thuốc lá điện tử, khí cười");
      expect(vietnamese).not.toContain("[TEST]");
      expect(hmong).toContain("Bản tiếng Mông");
      for (const paragraph of HMONG) expect(hmong).toContain(paragraph);
    });
  });

  it("is offered beside the print view, on the commune's page and in the print bar", async () => {
    const link = new RegExp(`href="${PDF}" download(="")?>Tải PDF</a>`);
    expect(await (await get("/canbo/quantri/xa/LUNGPHINH", admin)).text()).toMatch(link);
    const print = await (await get("/canbo/quantri/xa/LUNGPHINH/apphich", admin)).text();
    expect(print).toMatch(link);
    expect(print).not.toContain("Bản PDF không có");
  });

  it("leaves out a page in letters its font lacks (Tai Viet), which the print view still has and names beside the button", async () => {
    // Chúng Chải speaks Black Thai too, its poster words approved in Tai Viet letters (TEST-ONLY text).
    await h.db.village.update({ where: { code: "LP-05" }, data: { languages: "hnj,blt" } });
    const item = await h.db.bulletinItem.findUniqueOrThrow({ where: { slug: POSTER_SLUG } });
    await h.db.bulletinVersion.create({ data: { itemId: item.id, language: "blt", status: "approved", text: "\uAA80\uAAB1\uAA99 [TEST]", approvedAt: new Date() } });
    const print = await (await get("/canbo/quantri/xa/LUNGPHINH/apphich", admin)).text();
    expect(print.match(/<section class="page/g)).toHaveLength(11);
    expect(print).toContain('<span class="note">Bản PDF không có các trang tiếng Thái (Thái Đen)');
    const { pages } = await pdfText(new Uint8Array(await (await get(PDF, admin)).arrayBuffer()));
    expect(pages).toHaveLength(10);
    expect(pages.filter((p) => p.includes("Bản tiếng Thái"))).toEqual([]);
    expect(pages[9]).toContain("Thôn Chúng Chải, xã Lùng Phình, Lào Cai");
    await h.db.bulletinVersion.deleteMany({ where: { language: "blt" } });
  });

  it("is a 404 out of scope (another province's admin, another commune's admin), for an unknown code and a malformed one; staff who are not admins have no admin pages", async () => {
    const canLoc = await signIn(await register("admin", { communeCode: "CANLOC" }, "Đ/c Quản Trị Can Lộc"));
    for (const cookie of [await signIn(await register("admin", { provinceCode: "HTI" }, "Đ/c Quản Trị Hà Tĩnh")), canLoc]) {
      const res = await get(PDF, cookie);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toContain("text/html");
      expect(await res.text()).not.toContain("Lùng Phình");
    }
    // The refusal is the scope, not the route: Can Lộc's admin gets Can Lộc's posters.
    const own = await get("/canbo/quantri/xa/canloc/apphich.pdf", canLoc);
    expect(own.status).toBe(200);
    expect((await pdfText(new Uint8Array(await own.arrayBuffer()))).pages).toEqual([expect.stringContaining("Thôn Trung Lương, xã Can Lộc, Hà Tĩnh")]);
    for (const path of ["/canbo/quantri/xa/NOWHERE/apphich.pdf", "/canbo/quantri/xa/x/apphich.pdf", "/canbo/quantri/xa/LUNG%20PHINH/apphich.pdf"]) expect((await get(path, admin)).status, path).toBe(404);
    // An officer, of another commune or of Lùng Phình itself: the admin pages' refusal, no file.
    for (const [code, name] of [["HONGLOC", "Đ/c Công An Hồng Lộc"], ["LUNGPHINH", "Đ/c Công An Lùng Phình"]] as const) {
      const res = await get(PDF, await signIn(await register("officer", { communeCode: code }, name)));
      expect(res.status).toBe(403);
      expect(res.headers.get("content-type")).toContain("text/html");
    }
    // Without a session: the console's sign-in refusal, no file.
    const anonymous = await get(PDF, "");
    expect(anonymous.status).toBe(403);
    expect(anonymous.headers.get("content-type")).toContain("text/html");
  });
});
