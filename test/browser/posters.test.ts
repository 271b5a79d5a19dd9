// Village posters as an operator makes them (`npm run admin -- posters`), opened in Chromium: every
// QR code on every page scans (jsQR, in the page) to the link that opens that village's tip-off. The
// PDF (`posters --pdf`, the console's "Tải PDF") is rendered by pdf.js in the page and scanned the same way.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser } from "playwright-core";
import { runAdmin } from "../../src/cli/admin.js";
import { SAMPLE_PLACES_CSV } from "../../src/node.js";
import { posterLinks } from "../../src/places/poster.js";
import { scanQrSvgs } from "../helpers/qr-page.js";
import { renderPdf } from "../helpers/pdf-page.js";
import { pdfText } from "../helpers/pdf-text.js";
import { openNodeDatabase } from "../../src/db/node.js";
import { POSTER_SLUG, posterParagraphs, syncPosterItem, VIETNAMESE_POSTER_WORDS } from "../../src/bulletins/poster-text.js";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
const dir = mkdtempSync(join(tmpdir(), "phaodai-posters-"));
const env = { DATABASE_URL: `file:${join(dir, "data", "p.db")}`, PUBLIC_URL: "https://baotin.example.vn" };
const out = join(dir, "posters.html");
// All three channels and every published leader's number: the fullest poster a commune prints.
const full = join(dir, "posters-full.html");
const HEAD = "Trưởng Công an xã Nguyễn Văn Hùng: 0912 345 678";
let browser: Browser | undefined;

beforeAll(async () => {
  const io = { out: () => undefined, err: (l: string) => console.error(l) };
  expect(await runAdmin(["import-places", SAMPLE_PLACES_CSV, "--sample"], env, io)).toBe(0);
  const lines: string[] = [];
  expect(await runAdmin(["posters", "--commune", "LUNGPHINH", "--out", out, "--telegram", "PhaoDaiBot"], env, { out: (l) => lines.push(l), err: io.err })).toBe(0);
  expect(lines[0]).toContain("Đã tạo 5 áp phích");
  const contacts = ["police-contacts", "--commune", "LUNGPHINH", "--head", "Nguyễn Văn Hùng: 0912 345 678"];
  for (const name of ["Lò Thị Mai", "Giàng A Páo", "Sùng Seo Chứ", "Vàng Thị Dợ"]) contacts.push("--deputy", `${name}: 0987 654 32${name.length % 10}`);
  const said: string[] = [];
  expect(await runAdmin(contacts, env, { out: (l) => said.push(l), err: io.err })).toBe(0);
  expect(said.join("\n")).toContain(HEAD);
  expect(await runAdmin(["posters", "--commune", "LUNGPHINH", "--out", full, "--telegram", "PhaoDaiBot", "--zalo", "https://zalo.me/1234567890"], env, io)).toBe(0);
  if (hasChromium) browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("village posters", () => {
  it.each([
    [{ webUrl: "https://baotin.example.vn" }, "LP-01", ["https://baotin.example.vn/?thon=LP-01"]],
    [{ webUrl: "https://x.vn/chat?lang=vi", telegramBot: "PhaoDaiBot" }, "HL-02", ["https://t.me/PhaoDaiBot?start=HL-02", "https://x.vn/chat?lang=vi&thon=HL-02"]],
    [{ webUrl: "http://localhost:8787", zaloUrl: "https://zalo.me/1234567890" }, "NX-03", ["https://zalo.me/1234567890", "http://localhost:8787/?thon=NX-03"]],
  ])("links for %j, village %s", (input, code, urls) => {
    expect(posterLinks(input, code).map((l) => l.url)).toEqual(urls);
  });

  it("makes one A4 page per village, marked as sample data, with the hotlines", () => {
    const html = readFileSync(out, "utf8");
    expect(html.match(/class="page"/g)).toHaveLength(5);
    expect(html).toContain("Thôn Pả Chư Tỷ, xã Lùng Phình, Lào Cai");
    expect(html).toContain("0769.04.04.04");
    expect(html).toContain("113");
    expect(html).toContain("DỮ LIỆU MẪU");
  });

  it("prints the commune police head's and deputies' numbers (seed 000), refuses a sixth and clears them", async () => {
    const html = readFileSync(full, "utf8");
    expect(html.split(HEAD)).toHaveLength(6);
    expect(html.split("Phó Trưởng Công an xã Giàng A Páo: 0987 654 32")).toHaveLength(6);
    const errors: string[] = [];
    const io = { out: () => undefined, err: (l: string) => errors.push(l) };
    const five = ["a", "b", "c", "d", "e"].flatMap((n) => ["--deputy", `Ông ${n}: 09123456${n.charCodeAt(0) - 90}`]);
    expect(await runAdmin(["police-contacts", "--commune", "LUNGPHINH", ...five], env, io)).toBe(1);
    expect(await runAdmin(["police-contacts", "--commune", "LUNGPHINH", "--head", "0912345678"], env, io)).toBe(1);
    expect(errors.join("\n")).toContain("Chỉ ghi được một Trưởng và tối đa 4 Phó");
    expect(errors.join("\n")).toContain("cần dạng Họ tên: số điện thoại");
    // Refusals changed nothing: the posters still carry the five numbers.
    const again = join(dir, "posters-again.html");
    expect(await runAdmin(["posters", "--commune", "LUNGPHINH", "--out", again], env, io)).toBe(0);
    expect(readFileSync(again, "utf8")).toContain(HEAD);
    expect(await runAdmin(["police-contacts", "--commune", "LUNGPHINH", "--clear"], env, io)).toBe(0);
    expect(await runAdmin(["posters", "--commune", "LUNGPHINH", "--out", again], env, io)).toBe(0);
    expect(readFileSync(again, "utf8")).not.toContain("Trưởng Công an xã");
  });

  it.skipIf(!hasChromium)("fits three QR codes and five numbers on one A4 page, nothing cut off", async () => {
    const page = await browser!.newPage();
    await page.goto(`file://${full}`);
    const boxes = await page.$$eval(".page", (pages) =>
      pages.map((p) => {
        const bottom = p.getBoundingClientRect().bottom;
        return [".contacts", ".sos", ".foot"].map((sel) => bottom - p.querySelector(sel)!.getBoundingClientRect().bottom);
      }),
    );
    expect(boxes).toHaveLength(5);
    for (const margins of boxes) for (const margin of margins) expect(margin).toBeGreaterThanOrEqual(0);
    await page.screenshot({ path: join(dir, "poster-full.png"), fullPage: false });
    // Smaller codes, three in a row, still scan.
    const scanned = await scanQrSvgs(page, ".code svg");
    expect(scanned).toHaveLength(15);
    expect(scanned).toContain("https://zalo.me/1234567890");
    await page.close();
  });

  it.skipIf(!hasChromium)("fits a page in Hmong after each Hmong village's, its codes scanning like the Vietnamese", async () => {
    // An approved translation a third longer than the Vietnamese (TEST-ONLY words, not Hmong).
    const db = openNodeDatabase(env.DATABASE_URL);
    await syncPosterItem(db, new Date());
    const item = await db.bulletinItem.findUniqueOrThrow({ where: { slug: POSTER_SLUG } });
    const text = posterParagraphs(VIETNAMESE_POSTER_WORDS).map((p) => `[TEST] ${p} ${p.slice(0, Math.ceil(p.length / 3))}`).join("\n\n");
    await db.bulletinVersion.create({ data: { itemId: item.id, language: "hnj", status: "approved", text, approvedAt: new Date() } });
    await db.$disconnect();
    const hmong = join(dir, "posters-hmong.html");
    expect(await runAdmin(["posters", "--commune", "LUNGPHINH", "--out", hmong, "--telegram", "PhaoDaiBot", "--zalo", "https://zalo.me/1234567890"], env, { out: () => undefined, err: console.error })).toBe(0);
    const page = await browser!.newPage();
    await page.goto(`file://${hmong}`);
    const boxes = await page.$$eval(".page[lang=hnj]", (pages) =>
      pages.map((p) => {
        const bottom = p.getBoundingClientRect().bottom;
        return [".hot", ".sos", ".foot"].map((sel) => bottom - p.querySelector(sel)!.getBoundingClientRect().bottom);
      }),
    );
    expect(boxes).toHaveLength(5);
    for (const margins of boxes) for (const margin of margins) expect(margin).toBeGreaterThanOrEqual(0);
    const expected = await page.$$eval(".page[lang=hnj] .code", (codes) => codes.map((c) => (c as HTMLElement).dataset.url!));
    const scanned = await scanQrSvgs(page, ".page[lang=hnj] .code svg");
    expect(scanned).toEqual(expected);
    expect(scanned).toContain("https://t.me/PhaoDaiBot?start=LP-02");
    await page.locator(".page[lang=hnj]").first().screenshot({ path: join(dir, "poster-hmong.png") });
    await page.close();
  });

  it.skipIf(!hasChromium)("has QR codes that scan to the village's links", async () => {
    const page = await browser!.newPage();
    await page.goto(`file://${out}`);
    const expected = await page.$$eval(".code", (boxes) => boxes.map((b) => (b as HTMLElement).dataset.url!));
    const scanned = (await scanQrSvgs(page, ".code svg")).map((decoded, i) => ({ expected: expected[i], decoded }));
    expect(scanned).toHaveLength(10);
    for (const { expected, decoded } of scanned) expect(decoded).toBe(expected);
    expect(scanned.map((s) => s.decoded)).toContain("https://t.me/PhaoDaiBot?start=LP-03");
    expect(scanned.map((s) => s.decoded)).toContain("https://baotin.example.vn/?thon=LP-05");
    await page.screenshot({ path: join(dir, "poster.png"), fullPage: false });
    await page.close();
  });

  it.skipIf(!hasChromium)("the PDF, rendered by pdf.js, has on every village's page and language page codes that scan to that village's links", async () => {
    // The fullest poster: three channels, the five leaders' numbers, and each village's Hmong page.
    const io = { out: () => undefined, err: (l: string) => console.error(l) };
    const contacts = ["police-contacts", "--commune", "LUNGPHINH", "--head", "Nguyễn Văn Hùng: 0912 345 678"];
    for (const name of ["Lò Thị Mai", "Giàng A Páo", "Sùng Seo Chứ", "Vàng Thị Dợ"]) contacts.push("--deputy", `${name}: 0987 654 321`);
    expect(await runAdmin(contacts, env, io)).toBe(0);
    const db = openNodeDatabase(env.DATABASE_URL);
    await syncPosterItem(db, new Date());
    const item = await db.bulletinItem.findUniqueOrThrow({ where: { slug: POSTER_SLUG } });
    const text = posterParagraphs(VIETNAMESE_POSTER_WORDS).map((p) => `[TEST] ${p} ${p.slice(0, Math.ceil(p.length / 3))}`).join("\n\n");
    if (!(await db.bulletinVersion.findFirst({ where: { itemId: item.id, language: "hnj", status: "approved" } }))) await db.bulletinVersion.create({ data: { itemId: item.id, language: "hnj", status: "approved", text, approvedAt: new Date() } });
    await db.$disconnect();
    const file = join(dir, "posters.pdf");
    const said: string[] = [];
    const links = { webUrl: env.PUBLIC_URL, telegramBot: "PhaoDaiBot", zaloUrl: "https://zalo.me/1234567890" };
    expect(await runAdmin(["posters", "--commune", "LUNGPHINH", "--pdf", "--out", file, "--telegram", links.telegramBot, "--zalo", links.zaloUrl], env, { out: (l) => said.push(l), err: io.err })).toBe(0);
    expect(said[0]).toContain("Đã tạo 5 áp phích (10 trang PDF)");
    const pdf = new Uint8Array(readFileSync(file));

    const page = await browser!.newPage();
    const pages = await renderPdf(page, pdf);
    await page.close();
    // Each village's Vietnamese page, then its Hmong page.
    const villages = ["LP-01", "LP-02", "LP-03", "LP-04", "LP-05"].flatMap((code) => [code, code]);
    expect(pages).toHaveLength(villages.length);
    pages.forEach((p, i) => {
      const expected = posterLinks(links, villages[i]!).map((l) => l.url);
      expect(p.codes.map((c) => c.decoded), `page ${i + 1}`).toEqual(expected);
      // The code is a link to the same place, for whoever opens the file on a screen.
      expect(p.codes.map((c) => c.uri)).toEqual(expected);
      // A4 at 3 × 72 dpi.
      expect([p.width, p.height]).toEqual([1786, 2526]);
    });
    const shot = (i: number, name: string) => writeFileSync(join(dir, name), Buffer.from(pages[i]!.png.split(",")[1]!, "base64"));
    shot(0, "poster-pdf.png");
    shot(1, "poster-pdf-hmong.png");
    // The words are there as text (found, copied, read aloud), in the page's order.
    const { pages: texts } = await pdfText(pdf);
    expect(texts[2]).toContain("Thôn Sín Chải, xã Lùng Phình, Lào Cai");
    expect(texts[3]).toContain("[TEST] TỐ GIÁC TỘI PHẠM MA TÚY");
  });
});
