// A PDF opened in Chromium with pdf.js (pdfjs-dist, in the page): each page rendered to a canvas, the
// area of each link on it (a poster's QR code is one) decoded with jsQR from the rendered pixels.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Page } from "playwright-core";

const ORIGIN = "http://pdf.test";
const modules = resolve(import.meta.dirname, "../../node_modules");
const FILES: Record<string, { path: string; type: string }> = {
  "/pdf.mjs": { path: `${modules}/pdfjs-dist/build/pdf.min.mjs`, type: "text/javascript" },
  "/pdf.worker.mjs": { path: `${modules}/pdfjs-dist/build/pdf.worker.min.mjs`, type: "text/javascript" },
  "/jsQR.js": { path: `${modules}/jsqr/dist/jsQR.js`, type: "text/javascript" },
};

export interface RenderedPdfPage {
  /** The page as a PNG (data: URL), for a screenshot. */
  png: string;
  width: number;
  height: number;
  /** Each link's area on the page: its URI and what the code drawn there decodes to (null: it does not scan). */
  codes: { uri: string; decoded: string | null }[];
}

/** Renders every page of `pdf` at `scale` (1 = 72 dpi) in `page` and scans the codes under its links. */
export async function renderPdf(page: Page, pdf: Uint8Array, scale = 3): Promise<RenderedPdfPage[]> {
  await page.route(`${ORIGIN}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === "/file.pdf") return route.fulfill({ body: Buffer.from(pdf), contentType: "application/pdf" });
    if (path === "/") return route.fulfill({ body: "<!doctype html><title>pdf</title>", contentType: "text/html" });
    const file = FILES[path];
    return file ? route.fulfill({ body: readFileSync(file.path), contentType: file.type }) : route.fulfill({ status: 404 });
  });
  await page.goto(`${ORIGIN}/`);
  await page.addScriptTag({ url: `${ORIGIN}/jsQR.js` });
  // pdf.js is a module: loaded by the page itself (a dynamic import inside evaluate would be the test runner's).
  await page.addScriptTag({ type: "module", content: `import * as pdfjs from "/pdf.mjs"; pdfjs.GlobalWorkerOptions.workerSrc = "/pdf.worker.mjs"; window.pdfjsLib = pdfjs;` });
  await page.waitForFunction(() => "pdfjsLib" in window);
  return page.evaluate(async (scale) => {
    type Viewport = { width: number; height: number; convertToViewportRectangle(r: number[]): number[] };
    type PdfPage = {
      getViewport(o: { scale: number }): Viewport;
      render(o: { canvasContext: CanvasRenderingContext2D; viewport: Viewport; canvas: HTMLCanvasElement }): { promise: Promise<void> };
      getAnnotations(): Promise<{ subtype: string; url?: string; rect: number[] }[]>;
    };
    type Pdfjs = { getDocument(src: string): { promise: Promise<{ numPages: number; getPage(n: number): Promise<PdfPage> }> } };
    const pdfjs = (window as unknown as { pdfjsLib: Pdfjs }).pdfjsLib;
    const jsQR = (window as unknown as { jsQR: (d: Uint8ClampedArray, w: number, h: number) => { data: string } | null }).jsQR;
    const doc = await pdfjs.getDocument("/file.pdf").promise;
    const pages = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const p = await doc.getPage(n);
      const viewport = p.getViewport({ scale });
      const canvas = document.createElement("canvas");
      canvas.width = Math.ceil(viewport.width);
      canvas.height = Math.ceil(viewport.height);
      const g = canvas.getContext("2d", { willReadFrequently: true })!;
      await p.render({ canvasContext: g, viewport, canvas }).promise;
      const codes = [];
      for (const a of await p.getAnnotations()) {
        if (a.subtype !== "Link" || !a.url) continue;
        const [x1, y1, x2, y2] = viewport.convertToViewportRectangle(a.rect) as [number, number, number, number];
        const x = Math.floor(Math.min(x1, x2));
        const y = Math.floor(Math.min(y1, y2));
        const w = Math.ceil(Math.abs(x2 - x1));
        const h = Math.ceil(Math.abs(y2 - y1));
        const pixels = g.getImageData(x, y, w, h);
        codes.push({ uri: a.url, decoded: jsQR(pixels.data, w, h)?.data ?? null });
      }
      pages.push({ png: canvas.toDataURL("image/png"), width: canvas.width, height: canvas.height, codes });
    }
    return pages;
  }, scale);
}
