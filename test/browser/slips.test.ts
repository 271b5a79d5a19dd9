// Tip-box slips as an operator prints them (`npm run admin -- slips`), opened in Chromium: two slips
// to an A4 page, nothing cut off, the code on both parts, and the QR code scans to the web chat (never
// to the code).
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser } from "playwright-core";
import { runAdmin } from "../../src/cli/admin.js";
import { SAMPLE_PLACES_CSV } from "../../src/node.js";
import { scanQrSvgs } from "../helpers/qr-page.js";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
const dir = mkdtempSync(join(tmpdir(), "phaodai-slips-"));
const env = { DATABASE_URL: `file:${join(dir, "data", "s.db")}`, PUBLIC_URL: "https://baotin.example.vn" };
const out = join(dir, "slips.html");
let browser: Browser | undefined;

beforeAll(async () => {
  const io = { out: () => undefined, err: (l: string) => console.error(l) };
  expect(await runAdmin(["import-places", SAMPLE_PLACES_CSV, "--sample"], env, io)).toBe(0);
  expect(await runAdmin(["slips", "--commune", "LUNGPHINH", "--village", "LP-03", "--count", "3", "--out", out], env, io)).toBe(0);
  if (hasChromium) browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("tip-box slips", () => {
  it("carries each code twice (slip and stub), the village, and the way to follow up", () => {
    const html = readFileSync(out, "utf8");
    const codes = [...html.matchAll(/data-code="([A-Z0-9-]{9})"/g)].map((m) => m[1]!);
    expect(codes).toHaveLength(3);
    for (const code of codes) expect(html.split(code).length - 1).toBe(3); // the attribute, the slip, the stub
    expect(html).toContain("Thôn Pả Chư Tỷ, xã Lùng Phình, Lào Cai");
    expect(html).toContain("DỮ LIỆU MẪU");
  });

  it.skipIf(!hasChromium)("prints two slips to an A4 page with nothing cut off, and its QR opens the web chat", async () => {
    const page = await browser!.newPage();
    await page.goto(`file://${out}`);
    const overflow = await page.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>(".slip")).map((s) => s.scrollHeight - s.clientHeight));
    expect(overflow).toEqual([0, 0, 0]);
    const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
    expect(pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)).toHaveLength(2);
    const decoded = await scanQrSvgs(page, ".stub svg");
    expect(decoded).toEqual(["https://baotin.example.vn", "https://baotin.example.vn", "https://baotin.example.vn"]);
    await page.setViewportSize({ width: 800, height: 1140 });
    await page.screenshot({ path: process.env.SLIPS_SCREENSHOT ?? join(dir, "slips.png"), fullPage: false });
    await page.close();
  });
});
