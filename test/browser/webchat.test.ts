// The web chat in Debian's Chromium against the real Node server: a citizen files a tip with a photo
// by clicking through the page, an officer in another browser profile takes it and asks a question,
// and the citizen answers. Skipped with a clear message where Chromium is not installed.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { deflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { startServer, type RunningServer } from "../../src/node.js";
import { CHROMIUM, hasChromium, lastBot, launchChromium, press, say, tipUpToDescription } from "../helpers/webchat-page.js";

// Pages poll the server: every wait gets the same generous time (a busy CI machine is slow).
const eventually = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000, interval: 100 });
if (!hasChromium) console.warn(`Browser tests skipped: ${CHROMIUM} is missing (apt-get install chromium; .ci/run installs it).`);

const root = resolve(import.meta.dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "phaodai-browser-"));
let server: RunningServer;
let browser: Browser;
let citizenContext: BrowserContext;
let officerContext: BrowserContext;
let citizen: Page;
let officer: Page;
/** Anything Chromium refused under the Content-Security-Policy while the pages were used. */
const violations: string[] = [];

/** A small valid PNG (solid colour), made here so the test needs no image file. */
function png(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2; // truecolour
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) raw.set([40 + x, 90, 160 - y], y * (width * 3 + 1) + 1 + x * 3);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

const bubbles = (page: Page) => page.locator(".msg.bot");

describe.skipIf(!hasChromium)("web chat in Chromium", () => {
  beforeAll(async () => {
    server = await startServer({ DATABASE_URL: `file:${join(dir, "data", "browser.db")}`, PORT: "0", DEMO_MODE: "on", LOG_LEVEL: "warn" }, { logSink: () => undefined });
    browser = await launchChromium();
    // Two profiles, as two people on two devices: nothing shared between them.
    citizenContext = await browser.newContext({ viewport: { width: 480, height: 860 }, locale: "vi-VN" });
    officerContext = await browser.newContext({ viewport: { width: 480, height: 860 }, locale: "vi-VN" });
    citizen = await citizenContext.newPage();
    officer = await officerContext.newPage();
    for (const page of [citizen, officer]) page.on("console", (m) => m.text().includes("Content Security Policy") && violations.push(m.text()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("an officer tab registers itself in the demo commune", async () => {
    await officer.goto(`${server.url}/?vai=canbo`);
    await eventually(() => officer.locator(".msg.bot").allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining("Đăng ký thành công")]));
    await eventually(() => officer.locator("header").getAttribute("class")).toContain("officer");
  });

  it("a citizen files a tip with a cleaned photo, and gets a receipt code", async () => {
    await citizen.goto(server.url);
    await eventually(() => lastBot(citizen).textContent()).toContain("Bước 1/5");
    expect(await citizen.locator("body").textContent()).toContain("113");
    await say(citizen, "hong loc");
    await eventually(() => lastBot(citizen).textContent()).toContain("Bước 2/5");
    await press(citizen, "Điểm, người bán lẻ ma túy");
    await eventually(() => lastBot(citizen).textContent()).toContain("Bước 3/5");
    await press(citizen, "Thôn Tân Hòa");
    await eventually(() => lastBot(citizen).textContent()).toContain("Bước 4/5");
    await say(citizen, "Tối nào cũng có xe máy đến nhà cuối ngõ mua bán, khoảng 22 giờ. Người Hmong nói: Muaj neeg muag yeeb.");
    await eventually(() => lastBot(citizen).textContent()).toContain("Bước 5/5");
    await citizen.locator("#file").setInputFiles({ name: "anh.png", mimeType: "image/png", buffer: png(64, 48) });
    await eventually(() => lastBot(citizen).textContent()).toContain("Đã nhận 1 ảnh");
    await press(citizen, "Tiếp tục");
    await eventually(() => lastBot(citizen).textContent()).toContain("Xem lại tin báo");
    expect(await lastBot(citizen).textContent()).toContain("1 ảnh");
    await press(citizen, "Gửi tin báo");
    await eventually(() => citizen.locator(".msg.bot").allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/Mã tiếp nhận của bạn: [A-Z0-9]{4}-[A-Z0-9]{4}/)]));
  });

  it("the officer sees the alert with the photo, takes the tip and asks; the citizen answers", async () => {
    await eventually(() => officer.locator(".msg.bot").allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining("TIN BÁO MỚI")]));
    const alert = officer.locator(".msg.bot", { hasText: "TIN BÁO MỚI" }).last();
    expect(await alert.textContent()).toContain("Thôn Tân Hòa");
    expect(await alert.textContent()).toContain("Muaj neeg muag yeeb");
    // The photo arrives as a copy the officer's page can show (the upload is readable by staff only).
    await eventually(() => officer.locator(".msg.bot img").count()).toBeGreaterThan(0);
    const size = await officer.locator(".msg.bot img").last().evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
    expect(size).toEqual([64, 48]);

    await alert.locator("button", { hasText: "Tiếp nhận" }).click();
    await eventually(() => officer.locator(".msg.bot").allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining("chuyển sang \"Đã tiếp nhận\"")]));
    await eventually(() => citizen.locator(".msg.bot").allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining("đã được cán bộ công an xã tiếp nhận")]));

    await alert.locator("button", { hasText: "Hỏi người báo tin" }).click();
    await eventually(() => lastBot(officer).textContent()).toContain("Gõ câu hỏi");
    await say(officer, "Xe máy màu gì, biển số có nhớ không?");
    await eventually(() => officer.locator(".msg.bot").allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining("Đã gửi câu hỏi")]));

    await eventually(() => lastBot(citizen).textContent()).toContain("Xe máy màu gì");
    await press(citizen, "Trả lời cán bộ");
    await eventually(() => lastBot(citizen).textContent()).toContain("Gõ câu trả lời");
    await say(citizen, "Xe Wave màu đỏ, không nhớ biển số.");
    await eventually(() => officer.locator(".msg.bot").allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining("Xe Wave màu đỏ")]));

    // The officer's list shows the tip as taken.
    await officer.locator("button", { hasText: "Tin báo đang mở" }).click();
    await eventually(() => lastBot(officer).textContent()).toMatch(/HONGLOC-\d+ .* Đã tiếp nhận/);
  });

  it("runs under a Content-Security-Policy that refuses inline script, and broke nothing on the way", async () => {
    const res = await fetch(server.url);
    const policy = res.headers.get("content-security-policy") ?? "";
    for (const part of ["script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(policy).toContain(part);
    expect(policy).not.toContain("unsafe-inline");
    // Markup a tipster might smuggle in does not run.
    await citizen.evaluate(() => document.body.insertAdjacentHTML("beforeend", '<img src="data:," onerror="window.__injected = 1"><a id="js" href="javascript:window.__injected = 2">x</a>'));
    await citizen.locator("#js").click();
    await eventually(() => violations.length).toBeGreaterThan(0);
    expect(await citizen.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
    // Until that probe, the real pages had nothing refused.
    expect(violations.filter((v) => !v.includes("inline") && !v.includes("javascript:"))).toEqual([]);
  });

  it("on a 360×740 phone keeps the receipt code in view with a copy button, and names the page's own buttons for what it can send", async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "vi-VN" });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
    const phone = await context.newPage();
    phone.on("console", (m) => m.text().includes("Content Security Policy") && violations.push(m.text()));
    await tipUpToDescription(phone, server.url);
    // The steps name the page's buttons, the recorder among them (test/browser/webchat-voice.test.ts records).
    expect(await lastBot(phone).textContent()).toContain("🎤 Ghi âm");
    await say(phone, "Chiều nào cũng có người lạ giao hàng ở bãi sông sau chợ.");
    await eventually(() => lastBot(phone).textContent()).toContain("Bước 5/5");
    for (const button of ["📷 Ảnh", "🎬 Video", "🎤 Ghi âm", "📍 Vị trí"]) expect(await lastBot(phone).textContent()).toContain(button);
    await press(phone, "Không có, tiếp tục");
    await eventually(() => lastBot(phone).textContent()).toContain("Xem lại tin báo");
    await press(phone, "Gửi tin báo");
    await eventually(() => phone.locator("#receipt").isVisible()).toBe(true);
    const code = (await phone.locator("#receipt-code").textContent()) ?? "";
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    // After the next messages have come, the code is still on the screen without scrolling.
    await eventually(() => phone.locator(".msg.bot").count()).toBeGreaterThan(8);
    await eventually(() => bubbles(phone).allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining("113")]));
    const box = await phone.locator("#receipt-code").boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 740, JSON.stringify(box)).toBe(true);
    await phone.locator("#receipt-copy").click();
    await eventually(() => phone.evaluate(() => navigator.clipboard.readText())).toBe(code);
    expect(await phone.locator("#receipt-copy").textContent()).toContain("Đã sao chép");
    await phone.locator("#receipt-done").click();
    expect(await phone.locator("#receipt").isVisible()).toBe(false);
    await context.close();
  });

  it("shows staff who registered in the plain page a staff badge, not the citizen's notice", async () => {
    const context = await browser.newContext({ viewport: { width: 480, height: 860 }, locale: "vi-VN" });
    const page = await context.newPage();
    await page.goto(server.url);
    await eventually(() => lastBot(page).textContent()).toContain("Bước 1/5");
    expect(await page.locator("#role").textContent()).toBe("Người dân");
    const { code } = (await (await fetch(`${server.url}/webchat/api/demo/officer`, { method: "POST" })).json()) as { code: string };
    await say(page, `/dangky ${code}`);
    await eventually(() => page.locator("#role").textContent()).toBe("Cán bộ");
    expect(await page.locator(".notice").textContent()).toContain("tài khoản cán bộ");
    expect(await page.locator("header").getAttribute("class")).toContain("officer");
    await context.close();
  });

  it("shows both sides together (the README's picture)", async () => {
    const out = join(root, "test-results");
    mkdirSync(out, { recursive: true });
    const page = await browser.newPage({ viewport: { width: 1000, height: 760 } });
    // Both tabs' tokens live in their own profiles; the picture reuses them in frames of one page.
    const citizenToken = await citizen.evaluate(() => localStorage.getItem("phaodai.token.citizen"));
    const officerToken = await officer.evaluate(() => localStorage.getItem("phaodai.token.officer"));
    await page.goto(server.url);
    await page.evaluate(
      ([c, o]) => {
        localStorage.setItem("phaodai.token.citizen", c!);
        localStorage.setItem("phaodai.token.officer", o!);
        localStorage.setItem("phaodai.token.officer.registered", "1");
      },
      [citizenToken, officerToken],
    );
    await page.setContent(
      `<body style="margin:0;display:flex;gap:8px;background:#c9d1da;padding:8px;box-sizing:border-box;height:100vh">
        <iframe src="${server.url}/" style="flex:1;border:0;border-radius:8px;background:#fff"></iframe>
        <iframe src="${server.url}/?vai=canbo" style="flex:1;border:0;border-radius:8px;background:#fff"></iframe></body>`,
    );
    await page.waitForTimeout(2500);
    await page.screenshot({ path: join(out, "webchat.png") });
    expect(existsSync(join(out, "webchat.png"))).toBe(true);
    await page.close();
  });
});
