// What a console page weighs on the wire, for issue 13's page budget (100 KB without images): the
// bytes Chromium's network events count (encodedDataLength: headers and bodies), with the cache off,
// while a navigation loads the page. One helper for every browser test that measures pages.
import { expect } from "vitest";
import type { BrowserContext, Page } from "playwright-core";

export const PAGE_BUDGET_BYTES = 100 * 1024;

export interface PageWeights {
  /** The heaviest load seen per label. */
  measured: Map<string, number>;
  /** Runs `navigate` and counts the bytes of the page it loads; returns them. */
  measure(label: string, navigate: () => Promise<unknown>): Promise<number>;
}

/** Counts the pages `page` loads (a first visit: nothing from the cache), into `measured` when given. */
export async function pageWeights(context: BrowserContext, page: Page, measured = new Map<string, number>()): Promise<PageWeights> {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  return {
    measured,
    async measure(label, navigate) {
      let bytes = 0;
      const onFinished = (e: { encodedDataLength: number }) => (bytes += e.encodedDataLength);
      cdp.on("Network.loadingFinished", onFinished);
      await navigate();
      await page.waitForLoadState("load");
      // Every request of the page has finished once "load" fired; a poll lets the last event arrive.
      await expect.poll(() => bytes, { timeout: 20_000, interval: 100 }).toBeGreaterThan(0);
      cdp.off("Network.loadingFinished", onFinished);
      measured.set(label, Math.max(bytes, measured.get(label) ?? 0));
      return bytes;
    },
  };
}
