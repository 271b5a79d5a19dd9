// The onboarding promise of issue 13, in Debian's Chromium at 360×740 against the real Node server
// in demo mode: a province admin, on a phone, creates a commune with five villages, invites its
// officer, leader, five village heads and a translator (each code with its QR code, which scans to the
// link that registers them), and opens the posters' print view (and downloads them as a PDF), without a shell. The officer's QR
// link registers them in the web chat. Every page is measured (bytes on the wire, cache off: under
// 100 KB) and screenshots go to docs/console-admin-*.png for the README. Skipped without Chromium.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { startServer, type RunningServer } from "../../src/node.js";
import { runAdmin } from "../../src/cli/admin.js";
import { PAGE_BUDGET_BYTES, pageWeights, type PageWeights } from "../helpers/page-weight.js";
import { CHROMIUM, hasChromium, launchChromium } from "../helpers/webchat-page.js";
import { scanQrSvgs } from "../helpers/qr-page.js";
import { renderPdf } from "../helpers/pdf-page.js";

const eventually = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000, interval: 100 });
if (!hasChromium) console.warn(`Browser tests skipped: ${CHROMIUM} is missing (apt-get install chromium; .ci/run installs it).`);

const DOCS = resolve(import.meta.dirname, "../../docs");
const dir = mkdtempSync(join(tmpdir(), "phaodai-onboarding-"));
const env = { DATABASE_URL: `file:${join(dir, "data", "onboarding.db")}`, PORT: "0", DEMO_MODE: "on", LOG_LEVEL: "warn" };
const VILLAGES = ["Thôn Đồng Bàng", "Thôn Khe Dầu", "Thôn Pà Cò", "Thôn Nà Tấu", "Thôn Sơn Thủy"];
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let admin: Page;
let measure: PageWeights["measure"];
const violations: string[] = [];
const measured = new Map<string, number>();
/** The links of the invitations' QR codes, as scanned. */
const scanned: string[] = [];
let started = 0;

const fitsTheScreen = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

/** Decodes the page's invitation QR code (in a blank page: the console's policy forbids injected scripts). */
async function scanInvitation(): Promise<string | null> {
  const svg = await admin.locator(".qr svg").evaluate((e) => e.outerHTML);
  const blank = await context.newPage();
  await blank.setContent(svg);
  const [decoded] = await scanQrSvgs(blank, "svg");
  await blank.close();
  return decoded ?? null;
}

async function invite(role: string, opts: { village?: string; languages?: string; name?: string; screenshot?: string } = {}): Promise<string> {
  await admin.locator("#role").selectOption({ label: role });
  if (opts.village) await admin.locator("#thon").selectOption({ label: opts.village });
  if (opts.languages) await admin.locator("#ngonngu").fill(opts.languages);
  if (opts.name) await admin.locator("#ten").fill(opts.name);
  await measure("/canbo/quantri/xa/:code/moi", () => Promise.all([admin.waitForURL(/\/moi$/), admin.locator("button", { hasText: "Tạo mã mời" }).click()]));
  const code = (await admin.locator("#code").textContent())!.trim();
  expect(code).toMatch(/^MOI-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  const link = await admin.locator(".qr").getAttribute("data-url");
  expect(link).toBe(`${server.url}/?moi=${code}`);
  const decoded = await scanInvitation();
  expect(decoded).toBe(link);
  scanned.push(decoded!);
  await fitsTheScreen(admin);
  if (opts.screenshot) await admin.screenshot({ path: join(DOCS, opts.screenshot), fullPage: true });
  await measure("/canbo/quantri/xa/:code", () => Promise.all([admin.waitForURL(/\/quantri\/xa\/TANLAP$/), admin.locator("a", { hasText: "Mời thêm người" }).click()]));
  return code;
}

describe.skipIf(!hasChromium)("the onboarding promise at 360×740", () => {
  beforeAll(async () => {
    server = await startServer(env, { logSink: () => undefined });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "vi-VN" });
    admin = await context.newPage();
    admin.on("console", (m) => m.text().includes("Content Security Policy") && violations.push(m.text()));
    ({ measure } = await pageWeights(context, admin, measured));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("the province admin's own invitation (the operator's one command) signs them in on the phone", async () => {
    const lines: string[] = [];
    expect(await runAdmin(["invite", "admin", "--province", "HTI", "--name", "Đ/c Quản Trị Tỉnh"], env, { out: (l) => lines.push(l), err: (l) => console.error(l) })).toBe(0);
    const code = /MOI-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(lines.join("\n"))![0];
    started = Date.now();
    // The link an admin's QR code carries: the web chat registers the code by itself.
    await admin.goto(`${server.url}/?moi=${code}`);
    await eventually(() => admin.locator(".msg.bot").allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining("Đăng ký thành công")]));
    expect(new URL(admin.url()).search).toBe("");
    await admin.locator("#text").fill("/dangnhap");
    await admin.locator("#text").press("Enter");
    const link = admin.locator(".msg.bot a.signin").last();
    await eventually(() => link.count()).toBeGreaterThan(0);
    await Promise.all([admin.waitForURL(/\/canbo\/vao\//), link.click()]);
    await measure("/canbo/quantri", () => Promise.all([admin.waitForURL(/\/canbo\/quantri$/), admin.locator("button", { hasText: "Vào bàn làm việc" }).click()]));
    await expect.poll(() => admin.locator("h1").textContent()).toBe("Quản trị");
    expect(await admin.locator("main").textContent()).toContain("Phạm vi: các xã của Hà Tĩnh.");
    await fitsTheScreen(admin);
    await admin.screenshot({ path: join(DOCS, "console-admin-home.png"), fullPage: false });
  });

  it("creates a commune with five villages, typed one per line", async () => {
    await measure("/canbo/quantri/xamoi", () => Promise.all([admin.waitForURL(/\/xamoi$/), admin.locator("a", { hasText: "Tạo xã mới" }).click()]));
    await admin.locator("#ma").fill("TANLAP");
    await admin.locator("#ten").fill("Tân Lập");
    await admin.locator("#duongday").fill("0239 3856 113");
    await admin.locator("textarea#thon").fill(VILLAGES.join("\n"));
    await fitsTheScreen(admin);
    await admin.screenshot({ path: join(DOCS, "console-admin-new-commune.png"), fullPage: true });
    await measure("/canbo/quantri/xa/:code", () => Promise.all([admin.waitForURL(/\/quantri\/xa\/TANLAP$/), admin.locator("button", { hasText: "Tạo xã" }).click()]));
    await expect.poll(() => admin.locator("h1").textContent()).toBe("Tân Lập · Hà Tĩnh");
    for (const [i, name] of VILLAGES.entries()) expect(await admin.locator(`input[value="${name}"]`).count(), `TANLAP-0${i + 1}`).toBe(1);
  });

  it("invites the officer, the leader, five village heads and a translator, each with a QR code that scans", async () => {
    const officerCode = await invite("Công an xã", { name: "Đ/c Lò Văn Sáng", screenshot: "console-admin-invite.png" });
    await invite("Lãnh đạo xã", { name: "Đ/c Hà Thị Lan" });
    for (const village of VILLAGES) await invite("Trưởng thôn", { village });
    await invite("Biên dịch viên", { languages: "Mông, Thái", name: "Chị Mùa Thị Dua" });
    expect(new Set(scanned).size).toBe(8);
    const list = await admin.locator("[data-invitation]").allTextContents();
    expect(list).toHaveLength(8);
    expect(list.filter((l) => l.includes("trưởng thôn"))).toHaveLength(5);

    // The officer scans the code with their phone: the web chat registers them.
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "vi-VN" });
    const officer = await phone.newPage();
    await officer.goto(scanned[0]!);
    await eventually(() => officer.locator(".msg.bot").allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining("Đăng ký thành công")]));
    await phone.close();
    await measure("/canbo/quantri/xa/:code", () => admin.reload());
    expect(await admin.locator("[data-invitation]").count()).toBe(7);
    expect(await admin.locator("[data-staff]").allTextContents()).toEqual([expect.stringContaining("Đ/c Lò Văn Sáng")]);
    expect(await admin.locator("main").textContent()).not.toContain(officerCode);
    await fitsTheScreen(admin);
    await admin.screenshot({ path: join(DOCS, "console-admin-commune.png"), fullPage: false });
  });

  it("opens the posters' print view, one page per village, and its In button prints", async () => {
    await measure("/canbo/quantri/xa/:code/apphich", () => Promise.all([admin.waitForURL(/\/apphich$/), admin.locator("a", { hasText: "Xem và in áp phích" }).click()]));
    expect(await admin.locator("section.page").count()).toBe(5);
    expect(await admin.locator("section.page").first().textContent()).toContain("Thôn Đồng Bàng, xã Tân Lập, Hà Tĩnh");
    const decoded = await scanQrSvgs(await posterSvgs(), "svg");
    expect(decoded).toEqual(["TANLAP-01", "TANLAP-02", "TANLAP-03", "TANLAP-04", "TANLAP-05"].map((c) => `${server.url}/?thon=${c}`));
    await fitsTheScreen(admin);
    await admin.screenshot({ path: join(DOCS, "console-admin-posters.png"), fullPage: false });
    await admin.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    await admin.locator("#print").click();
    await eventually(() => admin.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    // "Tải PDF" in the print bar downloads the same posters as a file: rendered by pdf.js, its codes scan alike.
    const [download] = await Promise.all([admin.waitForEvent("download"), admin.locator(".bar a", { hasText: "Tải PDF" }).click()]);
    expect(download.suggestedFilename()).toBe("ap-phich-TANLAP.pdf");
    const reader = await context.newPage();
    const pages = await renderPdf(reader, new Uint8Array(readFileSync((await download.path())!)));
    await reader.close();
    expect(pages.map((p) => p.codes.map((c) => c.decoded))).toEqual(["TANLAP-01", "TANLAP-02", "TANLAP-03", "TANLAP-04", "TANLAP-05"].map((c) => [`${server.url}/?thon=${c}`]));
    const minutes = (Date.now() - started) / 60_000;
    expect(minutes).toBeLessThan(10);

    // The commune's bulletin schedule, from its page: within the budget, and fitting the screen.
    await admin.goBack();
    await measure("/canbo/quantri/xa/:code/lichphat", () => Promise.all([admin.waitForURL(/\/lichphat$/), admin.locator("a", { hasText: "Lịch phát và ngôn ngữ bản tin" }).click()]));
    expect(await admin.locator("#tiep").textContent()).toContain("Buổi tiếp theo");
    await fitsTheScreen(admin);
    await admin.screenshot({ path: join(DOCS, "console-admin-schedule.png"), fullPage: false });

    for (const [path, bytes] of measured) expect(bytes, `${path}: ${bytes} bytes`).toBeLessThan(PAGE_BUDGET_BYTES);
    expect([...measured.keys()].sort()).toEqual(["/canbo/quantri", "/canbo/quantri/xa/:code", "/canbo/quantri/xa/:code/apphich", "/canbo/quantri/xa/:code/lichphat", "/canbo/quantri/xa/:code/moi", "/canbo/quantri/xamoi"]);
    console.info(`admin page weights (largest, bytes on the wire, cache off): ${JSON.stringify(Object.fromEntries(measured))}`);
    expect(violations).toEqual([]);
  });
});

/** The posters' QR codes copied into a blank page, where the scanner may run. */
async function posterSvgs(): Promise<Page> {
  const svgs = await admin.locator(".code svg").evaluateAll((els) => els.map((e) => e.outerHTML));
  const blank = await context.newPage();
  await blank.setContent(svgs.map((s) => `<div>${s}</div>`).join(""));
  return blank;
}
