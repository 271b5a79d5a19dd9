// The staff console in Debian's Chromium at 360 px, against the real Node server in demo mode: the
// web chat's officer tab asks for a sign-in link (/dangnhap), the officer opens it, lands on the
// tip queue, opens a citizen's tip and takes it. Every console page is measured: the bytes that
// crossed the network (headers and bodies, cache off) stay under 100 KB. Skipped without Chromium.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { startServer, type RunningServer } from "../../src/node.js";
import { PAGE_BUDGET_BYTES, pageWeights, type PageWeights } from "../helpers/page-weight.js";
import { CHROMIUM, hasChromium, lastBot, launchChromium, press, say, tipUpToDescription } from "../helpers/webchat-page.js";

const eventually = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000, interval: 100 });
if (!hasChromium) console.warn(`Browser tests skipped: ${CHROMIUM} is missing (apt-get install chromium; .ci/run installs it).`);

const dir = mkdtempSync(join(tmpdir(), "phaodai-console-"));
let server: RunningServer;
let browser: Browser;
let officerContext: BrowserContext;
let citizenContext: BrowserContext;
let officer: Page;
let citizen: Page;
let measure: PageWeights["measure"];
const violations: string[] = [];
/** Bytes per console page, by path: what the budget is checked against. */
const measured = new Map<string, number>();

describe.skipIf(!hasChromium)("staff console in Chromium at 360 px", () => {
  beforeAll(async () => {
    server = await startServer({ DATABASE_URL: `file:${join(dir, "data", "console.db")}`, PORT: "0", DEMO_MODE: "on", LOG_LEVEL: "warn" }, { logSink: () => undefined });
    browser = await launchChromium();
    officerContext = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "vi-VN" });
    citizenContext = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "vi-VN" });
    officer = await officerContext.newPage();
    citizen = await citizenContext.newPage();
    for (const page of [officer, citizen]) page.on("console", (m) => m.text().includes("Content Security Policy") && violations.push(m.text()));
    // The budget is for a first visit: nothing from the cache.
    ({ measure } = await pageWeights(officerContext, officer, measured));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("a citizen files a tip in the web chat", async () => {
    await tipUpToDescription(citizen, server.url);
    await say(citizen, "Nhà cuối ngõ bán ma túy, tối nào cũng có người đến mua.");
    await eventually(() => lastBot(citizen).textContent()).toContain("Bước 5/5");
    await press(citizen, "Tiếp tục");
    await eventually(() => lastBot(citizen).textContent()).toContain("Xem lại tin báo");
    await press(citizen, "Gửi tin báo");
    await eventually(() => citizen.locator(".msg.bot").allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/Mã tiếp nhận của bạn/)]));
  });

  it("the demo officer tab signs in to the console through /dangnhap", async () => {
    await officer.goto(`${server.url}/?vai=canbo`);
    await eventually(() => officer.locator(".msg.bot").allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining("Đăng ký thành công")]));
    await officer.locator("#console").click();
    const link = officer.locator(".msg.bot a.signin").last();
    await eventually(() => link.count()).toBeGreaterThan(0);
    expect(await link.getAttribute("href")).toMatch(/^\/canbo\/vao\/[A-Za-z0-9_-]{43}$/);

    const bytes = await measure("/canbo/vao/…", () => Promise.all([officer.waitForURL(/\/canbo\/vao\//), link.click()]));
    expect(bytes).toBeLessThan(PAGE_BUDGET_BYTES);
    await expect.poll(() => officer.locator("h1").textContent()).toBe("Đăng nhập bàn làm việc");
    const posted = officer.waitForRequest((r) => r.method() === "POST" && r.url().endsWith("/canbo/vao"));
    await measure("/canbo/tinbao", () => Promise.all([officer.waitForURL(/\/canbo\/tinbao$/), officer.locator("button", { hasText: "Vào bàn làm việc" }).click()]));
    // The form carries this site's Origin (not "null"), so the CSRF check does not rest on Sec-Fetch-Site alone.
    expect((await (await posted).allHeaders()).origin).toBe(new URL(server.url).origin);
    expect(new URL(officer.url()).pathname).toBe("/canbo/tinbao");
    await expect.poll(() => officer.locator("h1").textContent()).toBe("Tin báo của xã");
    const cookies = await officerContext.cookies();
    const session = cookies.find((c) => c.name === "canbo_phien")!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe("Strict");
  });

  it("the queue shows the tip; its page takes it with the same rule as the chat", async () => {
    const item = officer.locator("ul.tips li a").first();
    expect(await item.textContent()).toMatch(/HONGLOC-\d+/);
    // Readable at 360 px: nothing wider than the screen.
    expect(await officer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await measure("/canbo/tinbao/:id", () => Promise.all([officer.waitForURL(/\/canbo\/tinbao\/\d+$/), item.click()]));
    await expect.poll(() => officer.locator(".text").textContent()).toContain("Nhà cuối ngõ bán ma túy");
    await measure("/canbo/tinbao/:id?kq=ok", () => Promise.all([officer.waitForURL(/kq=ok$/), officer.locator("button", { hasText: "Tiếp nhận" }).click()]));
    await expect.poll(() => officer.locator("p.ok").textContent()).toContain("Đã tiếp nhận");
    expect(await officer.locator("ol.timeline").textContent()).toContain("Cán bộ thử nghiệm");
    expect(await officer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // The citizen hears it, as from the chat's button.
    await eventually(() => citizen.locator(".msg.bot").allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining("đã được cán bộ công an xã tiếp nhận")]));
  });

  it("the tip's page asks the tipster and keeps a note, at 360 px", async () => {
    await officer.locator("form[action$='/hoi'] textarea").fill("Người bán thường đến lúc mấy giờ?");
    await measure("/canbo/tinbao/:id?kq=hoi", () => Promise.all([officer.waitForURL(/kq=hoi$/), officer.locator("form[action$='/hoi'] button").click()]));
    await expect.poll(() => officer.locator("p.ok").textContent()).toContain("Đã gửi câu hỏi");
    await eventually(() => citizen.locator(".msg.bot").allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining("Người bán thường đến lúc mấy giờ?")]));
    await officer.locator("form[action$='/ghichu'] textarea").fill("Phối hợp trưởng thôn theo dõi.");
    await Promise.all([officer.waitForURL(/kq=ghichu$/), officer.locator("form[action$='/ghichu'] button").click()]);
    expect(await officer.locator("ol.timeline").textContent()).toContain("ghi chú: Phối hợp trưởng thôn theo dõi.");
    expect(await officer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  it("the month page, then sign-out; every page within 100 KB and no CSP violation", async () => {
    await measure("/canbo/thang", () => officer.goto(`${server.url}/canbo/thang`));
    await expect.poll(() => officer.locator("h2").first().textContent()).toBe("Tiêu chí xã không ma túy");
    expect(await officer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // The chart is the report code's SVG, shown as an image of this site.
    await eventually(() => officer.locator("img.chart").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    await officer.locator("header button", { hasText: "Đăng xuất" }).click();
    await expect.poll(() => officer.locator("main").textContent()).toContain("Đã đăng xuất");
    await officer.goto(`${server.url}/canbo/tinbao`);
    expect(await officer.locator("main").textContent()).toContain("chưa đăng nhập");

    for (const [path, bytes] of measured) expect(bytes, `${path}: ${bytes} bytes`).toBeLessThan(PAGE_BUDGET_BYTES);
    expect(measured.size).toBe(6);
    console.info(`console page weights (bytes on the wire, cache off): ${JSON.stringify(Object.fromEntries(measured))}`);
    expect(violations).toEqual([]);
  });
});
