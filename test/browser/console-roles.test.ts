// The village head's, the reporting unit's and the leader's console pages in Debian's Chromium at
// 360×740, against the real Node server with Telegram on a fake Bot API on localhost. Each joins on
// Telegram and opens /dangnhap's one-time link. The village head enters the month's figures on one
// page (a number the chat refuses is refused at its field, the rest kept), the health station's
// member enters its month, and the leader's "Tháng này" shows both: the village's figures counted,
// the unit sent, bulletin coverage and the chart. Every page stays within 100 KB on the wire,
// nothing is wider than the phone, and no CSP violation is reported. Screenshots go to
// docs/console-*.png for the README.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { startBrowserServer, type BrowserServer } from "../helpers/browser-server.js";
import { textUpdate, type TestUser } from "../helpers/fake-telegram.js";
import { CHROMIUM, hasChromium } from "../helpers/webchat-page.js";
import { PAGE_BUDGET_BYTES, pageWeights, type PageWeights } from "../helpers/page-weight.js";

const eventually = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000, interval: 100 });
if (!hasChromium) console.warn(`Browser tests skipped: ${CHROMIUM} is missing (apt-get install chromium; .ci/run installs it).`);

const DOCS = join(import.meta.dirname, "..", "..", "docs");
const LONG = 30_000;
const HEAD: TestUser = { id: 5_552_777_001, is_bot: false, first_name: "Trần Văn Thôn" };
const HEALTH: TestUser = { id: 5_552_777_002, is_bot: false, first_name: "Nguyễn Thị Y Tế" };
const LEADER: TestUser = { id: 5_552_777_003, is_bot: false, first_name: "Phan Văn Chủ Tịch" };
let setup: BrowserServer;
const measured = new Map<string, number>();
const violations: string[] = [];

/** A staff member invited on the command line, joined on Telegram, signed in to the console in their own browser. */
async function signedIn(user: TestUser, invite: string[]): Promise<{ page: Page; context: BrowserContext; measure: PageWeights["measure"] }> {
  const { fake, server, browser } = setup;
  const code = /Mã mời: (MOI-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(await setup.admin("invite", ...invite))![1]!;
  fake.enqueueUpdate(textUpdate(`/start ${code}`, { user }));
  await fake.waitFor((c) => c.method === "sendMessage" && c.payload.chat_id === user.id && String(c.payload.text).includes("Đăng ký thành công"), LONG);
  fake.enqueueUpdate(textUpdate("/dangnhap", { user }));
  const link = await fake.waitFor((c) => c.method === "sendMessage" && c.payload.chat_id === user.id && String(c.payload.text).includes("/canbo/vao/"), LONG);
  const token = /\/canbo\/vao\/([A-Za-z0-9_-]{43})/.exec(String(link.payload.text))![1]!;
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "vi-VN" });
  const page = await context.newPage();
  page.on("console", (m) => m.text().includes("Content Security Policy") && violations.push(m.text()));
  const { measure } = await pageWeights(context, page, measured);
  await page.goto(`${server.url}/canbo/vao/${token}`);
  return { page, context, measure };
}

const width = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe.skipIf(!hasChromium)("the village head's, the unit's and the leader's pages in Chromium at 360 px", () => {
  beforeAll(async () => {
    setup = await startBrowserServer("vaitro");
  });
  afterAll(() => setup?.stop());

  it("the village head enters the month's figures on one page; a refused number is shown at its field", async () => {
    const { page, measure, context } = await signedIn(HEAD, ["--role", "village_head", "--village", "HL-01", "--name", "Trưởng thôn Thượng Phú"]);
    await measure("/canbo/thon", () => Promise.all([page.waitForURL(/\/canbo\/thon$/), page.locator("button", { hasText: "Vào bàn làm việc" }).click()]));
    expect(await page.locator("h1").textContent()).toMatch(/^Số liệu tháng \d{2}\/\d{4} — Thôn Thượng Phú, xã Hồng Lộc$/);
    expect(await width(page)).toBeLessThanOrEqual(360);
    await page.locator("#f_households").fill("120");
    await page.locator("#f_households_committed").fill("130");
    await page.locator("#f_tip_box").selectOption("co");
    await page.locator("#f_propaganda_sessions").fill("2");
    await measure("/canbo/thon (lỗi)", () => Promise.all([page.waitForLoadState("load"), page.locator("button", { hasText: "Lưu số liệu" }).click()]));
    // "At most the households": refused at that field, everything typed kept.
    const bad = page.locator(".field.bad");
    expect(await bad.count()).toBe(1);
    expect(await bad.locator("label").getAttribute("for")).toBe("f_households_committed");
    expect(await page.locator("#f_households").inputValue()).toBe("120");
    expect(await page.locator("#f_tip_box").inputValue()).toBe("co");
    expect(await width(page)).toBeLessThanOrEqual(360);
    await bad.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(DOCS, "console-village-figures.png"), fullPage: false });
    await page.locator("#f_households_committed").fill("118");
    await measure("/canbo/thon?kq=ok", () => Promise.all([page.waitForURL(/kq=ok$/), page.locator("button", { hasText: "Lưu số liệu" }).click()]));
    await eventually(() => page.locator("p.ok").textContent()).toContain("Thôn Thượng Phú");
    expect(await page.locator("#f_households_committed").inputValue()).toBe("118");
    await context.close();
  });

  it("the health station's member enters its month", async () => {
    const { page, measure, context } = await signedIn(HEALTH, ["--role", "reporting_unit", "--commune", "HONGLOC", "--unit", "health_station", "--name", "Trạm trưởng Trạm Y tế"]);
    await measure("/canbo/donvi", () => Promise.all([page.waitForURL(/\/canbo\/donvi$/), page.locator("button", { hasText: "Vào bàn làm việc" }).click()]));
    expect(await page.locator("h1").textContent()).toContain("Trạm Y tế xã, xã Hồng Lộc");
    expect(await width(page)).toBeLessThanOrEqual(360);
    await page.locator("#f_drug_tests").fill("12");
    await page.locator("#f_methadone_patients").fill("4");
    await measure("/canbo/donvi?kq=ok", () => Promise.all([page.waitForURL(/kq=ok$/), page.locator("button", { hasText: "Lưu số liệu" }).click()]));
    await eventually(() => page.locator("p.ok").textContent()).toContain("Đã lưu số liệu tháng");
    expect(await page.locator("#f_drug_tests").inputValue()).toBe("12");
    await context.close();
  });

  it("the leader's month shows the village's figures, the unit, coverage and the chart; every page within 100 KB", async () => {
    const { page, measure, context } = await signedIn(LEADER, ["--role", "leader", "--commune", "HONGLOC", "--name", "Chủ tịch UBND xã Hồng Lộc"]);
    await measure("/canbo/thang", () => Promise.all([page.waitForURL(/\/canbo\/thang$/), page.locator("button", { hasText: "Vào bàn làm việc" }).click()]));
    expect(await page.locator("h1").textContent()).toMatch(/^Tháng \d{2}\/\d{4} — xã Hồng Lộc$/);
    expect(await width(page)).toBeLessThanOrEqual(360);
    const unit = page.locator("li[data-unit=health_station]");
    expect(await unit.getAttribute("data-status")).toBe("met");
    expect(await unit.textContent()).toMatch(/12/);
    expect(await page.locator("li[data-unit=youth_union]").getAttribute("data-status")).toBe("unknown");
    expect(await page.locator("main").textContent()).toContain("1/8 ban, ngành, đoàn thể đã gửi số liệu");
    expect(await page.locator("main").textContent()).toContain("Bản tin đến các thôn trong tháng");
    // The village that entered figures is no longer "chưa nhập số liệu" in the recognition list.
    const village = page.locator("section", { hasText: "Xét công nhận" }).locator("li", { hasText: "Thôn Thượng Phú" });
    expect(await village.textContent()).not.toContain("chưa nhập số liệu");
    await eventually(() => page.locator("img.chart").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(DOCS, "console-leader-month.png"), fullPage: false });
    await context.close();

    for (const [path, bytes] of measured) expect(bytes, `${path}: ${bytes} bytes`).toBeLessThan(PAGE_BUDGET_BYTES);
    expect(measured.size).toBe(6);
    console.info(`console page weights (bytes on the wire, cache off): ${JSON.stringify(Object.fromEntries(measured))}`);
    expect(violations).toEqual([]);
  });
});
