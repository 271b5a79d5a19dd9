// Printable tip-box slips (hòm thư tố giác), two per A4 page: the part the citizen writes on and puts
// in the village box, and a stub they tear off and keep, both with the slip's receipt code, and how to
// follow the tip up by that code in any chat. Pure: data in, HTML out, like the posters (poster.ts).
import { viIntake } from "../i18n/vi-intake.js";
import { escapeHtml, qrSvg } from "./poster.js";

const t = viIntake.slips;

export interface SlipPage {
  commune: { name: string; hotline: string | null; isSample: boolean };
  province: string;
  /** The slips to print, each with its village's name (null: the commune's) and code. */
  slips: { village: string | null; code: string }[];
  /** The web chat's address, where the code can be typed too. */
  webUrl: string;
}

const STYLE = `
@page{size:A4;margin:0}
*{box-sizing:border-box}
body{margin:0;font-family:"Noto Sans","DejaVu Sans",Arial,sans-serif;color:#1a1a1a;background:#ccc}
.page{width:210mm;height:297mm;background:#fff;margin:0 auto 8mm;display:flex;flex-direction:column;page-break-after:always;position:relative;overflow:hidden}
.slip{height:148.5mm;padding:8mm 12mm 6mm;display:flex;flex-direction:column;gap:2.5mm;border-bottom:1px dotted #999}
.head{display:flex;justify-content:space-between;align-items:baseline;border-bottom:2px solid #a31515;padding-bottom:1.5mm}
h1{margin:0;font-size:15pt;color:#a31515}
.code{font-family:"DejaVu Sans Mono",monospace;font-size:15pt;font-weight:800;letter-spacing:.08em}
.place{font-size:11pt;font-weight:600}
.write{font-size:10pt}
.lines{flex:1;background:repeating-linear-gradient(#fff 0 7.5mm,#bbb 7.5mm 7.8mm)}
.note{font-size:9pt;color:#333}
.cut{text-align:center;font-size:8.5pt;color:#555;border-top:1.5px dashed #555;padding-top:1mm;margin:1mm -12mm 0}
.stub{display:flex;gap:5mm;align-items:center}
.stub svg{width:26mm;height:26mm;flex:none}
.stub ul{margin:0;padding-left:5mm;font-size:9pt;line-height:1.35}
.stub h2{margin:0 0 1mm;font-size:10.5pt}
.stub small{display:block;font-size:7.5pt;color:#555;word-break:break-all}
.sample{position:absolute;top:130mm;left:-20mm;right:-20mm;transform:rotate(-28deg);text-align:center;font-size:30pt;font-weight:800;color:#a3151533}
@media print{body{background:#fff}.page{margin:0}}
`;

function slipHtml(page: SlipPage, slip: SlipPage["slips"][number], qr: string): string {
  const place = escapeHtml(t.place(slip.village, page.commune.name, page.province));
  const code = escapeHtml(slip.code);
  const hotline = page.commune.hotline ? ` ${escapeHtml(t.hotline(page.commune.hotline))}.` : "";
  return `<div class="slip" data-code="${code}">
<div class="head"><h1>${t.heading}</h1><span class="code">${t.codeLabel}: ${code}</span></div>
<div class="place">${place}</div>
<div class="write">${t.writeTitle}</div>
<div class="lines"></div>
<div class="note">${t.anonymous} ${t.falseReport}${hotline} ${t.emergency}.</div>
<div class="cut">${t.cut}</div>
<div class="stub">${qr}<div><h2>${t.stubTitle} — ${t.codeLabel}: <span class="code">${code}</span></h2><ul>${t.stubHow.map((line) => `<li>${escapeHtml(line)}</li>`).join("")}</ul><small>${t.webLabel}: ${escapeHtml(page.webUrl)}</small></div></div>
</div>`;
}

export function renderSlips(page: SlipPage): string {
  // The QR opens the web chat, never the code: a code in a link would reach browser histories and logs.
  const qr = qrSvg(page.webUrl);
  const pages: string[] = [];
  for (let i = 0; i < page.slips.length; i += 2) {
    const two = page.slips.slice(i, i + 2).map((slip) => slipHtml(page, slip, qr)).join("");
    pages.push(`<section class="page">${two}${page.commune.isSample ? `<div class="sample">${t.sample}</div>` : ""}</section>`);
  }
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(t.documentTitle(page.commune.name))}</title><style>${STYLE}</style></head><body>${pages.join("\n")}</body></html>`;
}
