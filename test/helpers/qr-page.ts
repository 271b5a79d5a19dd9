// Scans QR codes drawn as SVG in a page (posters, tip-box slips) with jsQR, in the page itself.
import { resolve } from "node:path";
import type { Page } from "playwright-core";

/** What each SVG matched by `selector` decodes to (null: it does not scan). */
export async function scanQrSvgs(page: Page, selector: string): Promise<(string | null)[]> {
  await page.addScriptTag({ path: resolve(import.meta.dirname, "../../node_modules/jsqr/dist/jsQR.js") });
  return page.evaluate(async (sel) => {
    const results: (string | null)[] = [];
    for (const svg of Array.from(document.querySelectorAll(sel))) {
      const img = new Image();
      img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(new XMLSerializer().serializeToString(svg));
      await img.decode();
      const canvas = document.createElement("canvas");
      canvas.width = canvas.height = 400;
      const g = canvas.getContext("2d")!;
      g.fillStyle = "#fff";
      g.fillRect(0, 0, 400, 400);
      g.drawImage(img, 0, 0, 400, 400);
      const data = g.getImageData(0, 0, 400, 400);
      const code = (window as unknown as { jsQR: (d: Uint8ClampedArray, w: number, h: number) => { data: string } | null }).jsQR(data.data, 400, 400);
      results.push(code?.data ?? null);
    }
    return results;
  }, selector);
}
