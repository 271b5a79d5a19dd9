// Printable A4 posters, one per village, with QR codes that open the tip-off already fixed to that
// village (web chat ?thon=CODE, Telegram ?start=CODE). Pure: data in, HTML out (runs on Workers too).
import { encode } from "uqr";
import { viPosters as t } from "../i18n/vi-posters.js";
import type { PoliceContact } from "./police-contacts.js";
import { VIETNAMESE_POSTER_WORDS, type PosterTranslation, type PosterWords } from "../bulletins/poster-text.js";

export interface PosterVillage {
  code: string;
  name: string;
  /** The village's languages besides Vietnamese: a page each where the poster's words are translated. */
  languages?: string[];
}

export interface PosterInput {
  commune: { name: string; hotline: string | null; isSample: boolean; policeContacts?: PoliceContact[] };
  province: string;
  villages: PosterVillage[];
  /** The server's public address, for the web chat link. */
  webUrl: string;
  /** The Telegram bot's username, without "@". */
  telegramBot?: string;
  /** A Zalo link that opens the Official Account (Zalo cannot carry the village in it). */
  zaloUrl?: string;
  /** Approved translations of the poster's words (src/bulletins/poster-text.ts). */
  translations?: PosterTranslation[];
  /** A bar with a print button above the pages, hidden on paper (the console's print view): its label and script file. */
  printBar?: { label: string; script: string; back?: { href: string; label: string }; pdf?: { href: string; label: string; note?: string } };
}

export interface PosterLink {
  channel: "web" | "telegram" | "zalo";
  label: string;
  url: string;
  /** What to do after scanning, when the link cannot carry the village (Zalo). */
  then?: string;
}

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The links a village's poster carries, best channel first. */
export function posterLinks(input: Pick<PosterInput, "webUrl" | "telegramBot" | "zaloUrl">, villageCode: string): PosterLink[] {
  const links: PosterLink[] = [];
  if (input.zaloUrl) links.push({ channel: "zalo", label: t.scanZalo, url: input.zaloUrl, then: t.zaloThenCode(villageCode) });
  if (input.telegramBot) links.push({ channel: "telegram", label: t.scanTelegram, url: `https://t.me/${input.telegramBot}?start=${encodeURIComponent(villageCode)}` });
  const web = new URL(input.webUrl);
  web.searchParams.set("thon", villageCode);
  links.push({ channel: "web", label: t.scanWeb, url: web.toString() });
  return links;
}

const STYLE = `
@page{size:A4;margin:0}
*{box-sizing:border-box}
body{margin:0;font-family:"Noto Sans","DejaVu Sans",Arial,sans-serif;color:#1a1a1a;background:#ccc}
.page{width:210mm;height:297mm;padding:14mm 14mm 10mm;background:#fff;margin:0 auto 8mm;display:flex;flex-direction:column;gap:5mm;page-break-after:always;position:relative;overflow:hidden}
.band{background:#a31515;color:#fff;margin:-14mm -14mm 0;padding:9mm 14mm 7mm;text-align:center}
h1{margin:0;font-size:30pt;letter-spacing:.02em}
.sub{font-size:15pt;font-weight:700;margin-top:2mm;letter-spacing:.08em}
.place{text-align:center;font-size:17pt;font-weight:700}
.codes{display:flex;justify-content:center;gap:6mm}
.code{text-align:center;flex:0 1 70mm;min-width:0}
.code svg{width:100%;max-width:62mm;height:auto;aspect-ratio:1;display:block;margin:0 auto}
.code p{margin:2mm 0 0;font-size:11pt;font-weight:600}
.code p.then{font-size:10pt;font-weight:700;color:#a31515}
.code small{display:block;font-size:7.5pt;color:#555;word-break:break-all}
ul{margin:0;padding-left:7mm;font-size:13pt;line-height:1.45}
h2{margin:0 0 1mm;font-size:14pt}
.promises li{font-weight:600}
.hot{border:2px solid #a31515;border-radius:4mm;padding:4mm 6mm;font-size:13pt;line-height:1.5}
.hot .contacts{display:grid;grid-template-columns:1fr 1fr;gap:0 4mm;font-size:11pt;font-weight:700;line-height:1.35;margin:1mm 0}
.hot .sos{font-size:20pt;font-weight:800;color:#a31515}
.badge{display:inline-block;margin-top:2mm;padding:.5mm 4mm;border:1px solid #fff;border-radius:3mm;font-size:11pt}
.block p{margin:0 0 2mm;font-size:12pt;line-height:1.4}
.page.other h1{font-size:24pt}
.page.other .sub{font-size:13pt}
.page.other ul{font-size:11.5pt;line-height:1.35}
.page.other .code svg{max-width:54mm}
.foot{margin-top:auto;text-align:center;font-size:10pt;color:#444}
.sample{position:absolute;top:120mm;left:-20mm;right:-20mm;transform:rotate(-28deg);text-align:center;font-size:34pt;font-weight:800;color:#a3151533}
.bar{position:sticky;top:0;display:flex;flex-wrap:wrap;gap:2mm 4mm;align-items:center;justify-content:center;padding:3mm;background:#333;font-size:13pt}
.bar button{font:inherit;padding:2mm 8mm;border:0;border-radius:2mm;background:#a31515;color:#fff;cursor:pointer}
.bar a{color:#fff;white-space:nowrap}
.bar .note{flex-basis:100%;text-align:center;color:#fff;font-size:10pt}
@media screen and (max-width:800px){.page{zoom:.45}}
@media print{body{background:#fff}.page{margin:0}.bar{display:none}}
`;

/**
 * A QR code's dark modules as one SVG path of horizontal runs, a module a unit, `size` modules square
 * with the quiet zone: what the print view's SVG and the PDF's vector squares both draw.
 */
export function qrPath(url: string): { path: string; size: number } {
  // Medium error correction survives a smudged, sun-faded print; a 4-module quiet zone scans reliably.
  const { data, size } = encode(url, { ecc: "M", border: 4 });
  // Runs rather than a square per module: a fifth of the bytes, so a page of posters stays light on a
  // phone's connection.
  let path = "";
  data.forEach((row, y) => {
    for (let x = 0; x < size; x++) {
      if (!row[x]) continue;
      let end = x;
      while (end + 1 < size && row[end + 1]) end++;
      path += `M${x} ${y}h${end - x + 1}v1H${x}z`;
      x = end;
    }
  });
  return { path, size };
}

export function qrSvg(url: string): string {
  const { path, size } = qrPath(url);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges"><rect fill="#fff" width="${size}" height="${size}"/><path fill="#000" d="${path}"/></svg>`;
}

/** What one page of the posters says, whatever draws it (this HTML, or the PDF of poster-pdf.ts). */
export interface PosterPage {
  village: PosterVillage;
  /** The page's language when it is not Vietnamese. */
  translation?: PosterTranslation;
  heading: string;
  subheading: string;
  /** "Bản tiếng …" on a language page. */
  badge?: string;
  place: string;
  codes: { url: string; label: string; then?: string }[];
  /** The aligned words (Vietnamese, or a translation in the poster's places), or a translation as written. */
  body: { kind: "lists"; promises: string[]; whatTitle: string; what: string[] } | { kind: "block"; paragraphs: string[] };
  /** The commune's hotline, when it has one. */
  hotline?: string;
  /** The commune police head's and deputies' numbers. */
  contacts: string[];
  national: string;
  emergency: string;
  foot: [string, string];
  /** The watermark of sample data. */
  sample?: string;
}

/** One page: the Vietnamese poster, or a village's language page (aligned words, or the text as written). */
function posterPage(input: PosterInput, village: PosterVillage, translation?: PosterTranslation): PosterPage {
  const words: PosterWords = translation?.words ?? VIETNAMESE_POSTER_WORDS;
  const translated = translation?.words != null;
  return {
    village,
    translation,
    heading: words.heading,
    subheading: words.subheading,
    badge: translation ? t.languageBadge(translation.label) : undefined,
    place: t.place(village.name, input.commune.name, input.province),
    codes: posterLinks(input, village.code).map((link) => ({ url: link.url, label: translated ? `${words.scan} — ${t.channelName[link.channel]}` : link.label, then: link.then })),
    body: translation && !translated ? { kind: "block", paragraphs: translation.paragraphs } : { kind: "lists", promises: words.promises, whatTitle: words.whatTitle, what: words.what },
    hotline: input.commune.hotline ? t.hotlineCommune(input.commune.hotline) : undefined,
    contacts: (input.commune.policeContacts ?? []).map((c) => t.policeContact(c.title, c.name, c.phone)),
    national: t.hotlineNational,
    emergency: t.emergency,
    foot: [words.falseReport, words.motto],
    sample: input.commune.isSample ? t.sample : undefined,
  };
}

/** Every page in print order: each village's Vietnamese page, then one per language of the village whose words are translated. */
export function posterPages(input: PosterInput): PosterPage[] {
  return input.villages.flatMap((village) => {
    const languagePages = (village.languages ?? []).flatMap((code) => {
      const translation = input.translations?.find((tr) => tr.language === code);
      return translation ? [posterPage(input, village, translation)] : [];
    });
    return [posterPage(input, village), ...languagePages];
  });
}

function pageHtml(page: PosterPage): string {
  const codes = page.codes
    .map((code) => `<div class="code" data-url="${escapeHtml(code.url)}">${qrSvg(code.url)}<p>${escapeHtml(code.label)}</p>${code.then ? `<p class="then">${escapeHtml(code.then)}</p>` : ""}<small>${escapeHtml(code.url)}</small></div>`)
    .join("");
  const hotline = page.hotline ? `<div>${escapeHtml(page.hotline)}</div>` : "";
  const people = page.contacts.map((c) => `<div>${escapeHtml(c)}</div>`).join("");
  const contacts = people ? `<div class="contacts">${people}</div>` : "";
  const badge = page.badge ? `<div class="badge">${escapeHtml(page.badge)}</div>` : "";
  const body =
    page.body.kind === "block"
      ? `<div class="block">${page.body.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("")}</div>`
      : `<ul class="promises">${page.body.promises.map((p) => `<li>${escapeHtml(p)}</li>`).join("")}</ul>
<div><h2>${escapeHtml(page.body.whatTitle)}</h2><ul>${page.body.what.map((w) => `<li>${escapeHtml(w)}</li>`).join("")}</ul></div>`;
  const { translation } = page;
  const lang = translation ? ` lang="${escapeHtml(translation.language)}" data-language="${escapeHtml(translation.language)}"` : "";
  // Another language's words run longer than the Vietnamese: a page in it sets them a little smaller.
  return `<section class="page${translation ? " other" : ""}" data-village="${escapeHtml(page.village.code)}"${lang}>
<div class="band"><h1>${escapeHtml(page.heading)}</h1><div class="sub">${escapeHtml(page.subheading)}</div>${badge}</div>
<div class="place">${escapeHtml(page.place)}</div>
<div class="codes">${codes}</div>
${body}
<div class="hot">${hotline}${contacts}<div>${page.national}</div><div class="sos">${page.emergency}</div></div>
<div class="foot">${escapeHtml(page.foot[0])}<br>${escapeHtml(page.foot[1])}</div>
${page.sample ? `<div class="sample">${page.sample}</div>` : ""}
</section>`;
}

export function renderPosters(input: PosterInput): string {
  const pages = posterPages(input).map(pageHtml);
  const bar = input.printBar
    ? `<div class="bar"><button type="button" id="print">${escapeHtml(input.printBar.label)}</button>${input.printBar.pdf ? `<a href="${escapeHtml(input.printBar.pdf.href)}" download>${escapeHtml(input.printBar.pdf.label)}</a>` : ""}${input.printBar.pdf?.note ? `<span class="note">${escapeHtml(input.printBar.pdf.note)}</span>` : ""}${input.printBar.back ? `<a href="${escapeHtml(input.printBar.back.href)}">${escapeHtml(input.printBar.back.label)}</a>` : ""}</div><script src="${escapeHtml(input.printBar.script)}"></script>`
    : "";
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(t.documentTitle(input.commune.name))}</title><style>${STYLE}</style></head><body>${bar}${pages.join("\n")}</body></html>`;
}
