// Report files that need Node: the spreadsheet (exceljs) and the PNG chart (resvg-wasm with the
// Be Vietnam Pro font from its npm package, so Vietnamese labels render; nothing downloaded).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { initWasm, Resvg } from "@resvg/resvg-wasm";
import type { ReportRenderers } from "../compliance/service.js";
import { renderReportXlsx } from "./xlsx.js";
import { renderRegisterXlsx } from "./register-xlsx.js";
import { CHART_FONT, CHART_WIDTH } from "./chart.js";

const require = createRequire(import.meta.url);
let ready: Promise<Uint8Array[]> | null = null;

/** Loads the wasm module and the fonts once per process. */
function init(): Promise<Uint8Array[]> {
  ready ??= (async () => {
    await initWasm(readFileSync(require.resolve("@resvg/resvg-wasm/index_bg.wasm")));
    return ["400Regular/BeVietnamPro_400Regular.ttf", "700Bold/BeVietnamPro_700Bold.ttf"].map(
      (file) => new Uint8Array(readFileSync(require.resolve(`@expo-google-fonts/be-vietnam-pro/${file}`))),
    );
  })();
  return ready;
}

export async function svgToPng(svg: string): Promise<Uint8Array> {
  const fonts = await init();
  const resvg = new Resvg(svg, { fitTo: { mode: "width", value: CHART_WIDTH }, font: { fontBuffers: fonts, defaultFontFamily: CHART_FONT, loadSystemFonts: false } });
  const image = resvg.render();
  const png = image.asPng();
  image.free();
  resvg.free();
  return png;
}

export function createNodeReportRenderers(): ReportRenderers {
  return {
    xlsx: (report, chartPng) => renderReportXlsx(report, chartPng),
    png: svgToPng,
    register: renderRegisterXlsx,
  };
}
