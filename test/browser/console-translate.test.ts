// A translator's console pages in Debian's Chromium at 360×740 (its fake microphone plays a tone),
// against the real Node server with Telegram on a fake Bot API on localhost: the translator, joined
// on Telegram, signs in with /dangnhap's link, chooses Tai Dam, opens a bulletin (the Vietnamese above the
// draft on a phone), types the text, records with 🎤 Ghi âm (MediaRecorder; the recording goes into
// the form's file input) and sends it for review. The commune's second Tai Dam translator, on
// Telegram, gets it as a voice note Chromium decodes to about the length recorded. Every page stays
// within 100 KB on the wire, nothing is wider than the phone, and no CSP violation is reported.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import type { RunningServer } from "../../src/node.js";
import { startBrowserServer, type BrowserServer } from "../helpers/browser-server.js";
import { textUpdate, type FakeTelegram, type TestUser } from "../helpers/fake-telegram.js";
import { CHROMIUM, hasChromium } from "../helpers/webchat-page.js";
import { PAGE_BUDGET_BYTES, pageWeights } from "../helpers/page-weight.js";

const eventually = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000, interval: 100 });
if (!hasChromium) console.warn(`Browser tests skipped: ${CHROMIUM} is missing (apt-get install chromium; .ci/run installs it).`);

const REVIEWER: TestUser = { id: 5_551_888_001, is_bot: false, first_name: "Lò Thị Duyệt" };
const TRANSLATOR: TestUser = { id: 5_551_888_002, is_bot: false, first_name: "Lò Văn Dịch" };
const LONG = 30_000;
const TEXT = "[TEST] ꪀꪁꪂ ꪕꪱꪾ — not a translation";
let fake: FakeTelegram;
let server: RunningServer;
let browser: Browser;
let setup: BrowserServer;

const admin = (...argv: string[]) => setup.admin(...argv);
const inviteCode = async (name: string) => /Mã mời: (MOI-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(await admin("invite", "--role", "translator", "--commune", "NHUXUAN", "--name", name))![1]!;

describe.skipIf(!hasChromium)("a translator's console pages in Chromium at 360 px", () => {
  beforeAll(async () => {
    setup = await startBrowserServer("dich");
    ({ fake, server, browser } = setup);
  });
  afterAll(() => setup?.stop());

  it("records in the page and sends the draft to the second Tai Dam translator", async () => {
    // The second reader of Tai Dam, on Telegram (the first staff member: number 1).
    fake.enqueueUpdate(textUpdate(`/start ${await inviteCode("Đ/c Lò Thị Duyệt")}`, { user: REVIEWER }));
    await fake.waitFor((c) => c.method === "sendMessage" && c.payload.chat_id === REVIEWER.id && String(c.payload.text).includes("Đăng ký thành công"), LONG);
    await admin("bulletin-translator", "1", "blt");

    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "vi-VN" });
    await context.grantPermissions(["microphone"], { origin: server.url });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on("console", (m) => m.text().includes("Content Security Policy") && violations.push(m.text()));
    const { measure, measured } = await pageWeights(context, page);

    // The translator joins on Telegram and opens /dangnhap's one-time link.
    fake.enqueueUpdate(textUpdate(`/start ${await inviteCode("Đ/c Lò Văn Dịch")}`, { user: TRANSLATOR }));
    await fake.waitFor((c) => c.method === "sendMessage" && c.payload.chat_id === TRANSLATOR.id && String(c.payload.text).includes("Đăng ký thành công"), LONG);
    fake.enqueueUpdate(textUpdate("/dangnhap", { user: TRANSLATOR }));
    const linkMessage = await fake.waitFor((c) => c.method === "sendMessage" && c.payload.chat_id === TRANSLATOR.id && String(c.payload.text).includes("/canbo/vao/"), LONG);
    const token = /\/canbo\/vao\/([A-Za-z0-9_-]{43})/.exec(String(linkMessage.payload.text))![1]!;
    await page.goto(`${server.url}/canbo/vao/${token}`);
    await measure("/canbo/dich", () => Promise.all([page.waitForURL(/\/canbo\/dich$/), page.locator("button", { hasText: "Vào bàn làm việc" }).click()]));
    await expect.poll(() => page.locator("h1").textContent()).toBe("Dịch bản tin");

    // Tai Dam, then the list; the first bulletin.
    await page.locator("input[name=ngonngu][value=blt]").check();
    await measure("/canbo/dich?kq=ngonngu", () => Promise.all([page.waitForURL(/kq=ngonngu/), page.locator("button", { hasText: "Lưu ngôn ngữ" }).click()]));
    expect(await page.locator("main").textContent()).toContain("Bài cần dịch sang tiếng Thái (Thái Đen) (Tai Dam)");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await measure("/canbo/dich/:id/blt", () => Promise.all([page.waitForURL(/\/canbo\/dich\/\d+\/blt$/), page.locator("ul.tips li a").first().click()]));
    expect(await page.locator("main").textContent()).toContain("Bản gốc tiếng Việt");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // Type, record two seconds, stop: the recording sits in the form's file input, with a player.
    await page.locator("textarea[name=text]").fill(TEXT);
    const record = page.locator("[data-recorder] button");
    await eventually(() => record.isVisible()).toBe(true);
    await record.click();
    await eventually(() => record.getAttribute("aria-pressed")).toBe("true");
    await eventually(() => record.textContent()).toMatch(/0:0[2-9]/);
    await record.click();
    await eventually(() => page.locator("[data-recorder] output").textContent()).toContain("Đã ghi");
    expect(await page.locator("input[name=audio]").evaluate((el: HTMLInputElement) => el.files?.length ?? 0)).toBe(1);
    expect(await record.textContent()).toBe("🎤 Ghi âm");

    await measure("/canbo/dich/:id/blt (gửi duyệt)", () => Promise.all([page.waitForLoadState("load"), page.locator("button", { hasText: "Gửi duyệt" }).click()]));
    await eventually(() => page.locator("main").textContent()).toContain("cho 1 biên dịch viên tiếng Thái (Thái Đen) (Tai Dam) khác trong xã duyệt");

    // The reviewer hears it on Telegram, as Ogg Opus about as long as recorded, with the text.
    const voice = await fake.waitFor((c) => c.method === "sendVoice" && String(c.payload.chat_id) === String(REVIEWER.id), LONG);
    const ogg = voice.files[0]!.bytes;
    expect(Buffer.from(ogg.subarray(0, 4)).toString("latin1")).toBe("OggS");
    expect(Buffer.from(ogg).toString("latin1")).not.toContain("Chrome");
    const seconds = await page.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
      return (await new OfflineAudioContext(1, 48_000, 48_000).decodeAudioData(bytes.buffer)).duration;
    }, Buffer.from(ogg).toString("base64"));
    expect(seconds).toBeGreaterThan(1.5);
    expect(seconds).toBeLessThan(30);
    const toReviewer = fake.calls.filter((c) => String(c.payload.chat_id) === String(REVIEWER.id)).map((c) => String(c.payload.text ?? c.payload.caption ?? ""));
    expect(toReviewer.join("\n")).toContain(TEXT);

    for (const [path, bytes] of measured) expect(bytes, `${path}: ${bytes} bytes`).toBeLessThan(PAGE_BUDGET_BYTES);
    console.info(`translator page weights (bytes on the wire, cache off): ${JSON.stringify(Object.fromEntries(measured))}`);
    expect(violations).toEqual([]);
    await context.close();
  }, 120_000);
});
