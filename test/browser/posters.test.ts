// Village posters as an operator makes them (`npm run admin -- posters`), opened in Chromium: every
// QR code on every page scans (jsQR, in the page) to the link that opens that village's tip-off.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser } from "playwright-core";
import { runAdmin } from "../../src/cli/admin.js";
import { SAMPLE_PLACES_CSV } from "../../src/node.js";
import { posterLinks } from "../../src/places/poster.js";
import { scanQrSvgs } from "../helpers/qr-page.js";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
const dir = mkdtempSync(join(tmpdir(), "phaodai-posters-"));
const env = { DATABASE_URL: `file:${join(dir, "data", "p.db")}`, PUBLIC_URL: "https://baotin.example.vn" };
const out = join(dir, "posters.html");
let browser: Browser | undefined;

beforeAll(async () => {
  const io = { out: () => undefined, err: (l: string) => console.error(l) };
  expect(await runAdmin(["import-places", SAMPLE_PLACES_CSV, "--sample"], env, io)).toBe(0);
  const lines: string[] = [];
  expect(await runAdmin(["posters", "--commune", "LUNGPHINH", "--out", out, "--telegram", "PhaoDaiBot"], env, { out: (l) => lines.push(l), err: io.err })).toBe(0);
  expect(lines[0]).toContain("Đã tạo 5 áp phích");
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
});
