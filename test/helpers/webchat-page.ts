// Driving the web chat page in Debian's Chromium (no browser downloads here): launching it, reading
// the latest bot bubble, pressing its buttons, typing, and a citizen's tip up to its description step.
import { existsSync } from "node:fs";
import { expect } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);

/** A headless Chromium for tests; `extraArgs` adds flags such as the fake microphone. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", ...extraArgs],
  });
}

export const lastBot = (page: Page) => page.locator(".msg.bot").last();

/** Clicks a button of the latest bot message that offers it. */
export async function press(page: Page, label: string | RegExp): Promise<void> {
  await page.locator(".msg.bot button", { hasText: label }).last().click();
}

export async function say(page: Page, text: string): Promise<void> {
  await page.locator("#text").fill(text);
  await page.locator("#text").press("Enter");
}

/** Opens the page and answers steps 1–3 of a tip (Hồng Lộc, retail selling, village unknown): step 4 asks for the words. */
export async function tipUpToDescription(page: Page, url: string, timeout = 15_000): Promise<void> {
  const eventually = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout, interval: 100 });
  await page.goto(url);
  await eventually(() => lastBot(page).textContent()).toContain("Bước 1/5");
  await say(page, "hong loc");
  await eventually(() => lastBot(page).textContent()).toContain("Bước 2/5");
  await press(page, "Điểm, người bán lẻ ma túy");
  await press(page, "Không rõ thôn/xóm");
  await eventually(() => lastBot(page).textContent()).toContain("Bước 4/5");
}
