// The village posters as a PDF (issue 13, "posters (print view and PDF)"): the same pages and words as
// the print view (posterPages of poster.ts), drawn with pdf-lib in Be Vietnam Pro (a subset embedded,
// so Vietnamese prints the same on any printer), QR codes as vector squares. Pure: data and font bytes
// in, PDF bytes (and the language pages the font cannot write) out; runs on Workers too, the callers
// read the fonts.
import { PDFDocument, PDFString, degrees, rgb, type PDFFont, type PDFPage, type RGB } from "pdf-lib";
import fontkit from "@pdf-lib/fontkit";
import { viPosters as t } from "../i18n/vi-posters.js";
import { posterPages, qrPath, type PosterInput, type PosterPage } from "./poster.js";

export interface PosterFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

const MM = 72 / 25.4;
/** A4 in points. */
export const A4 = { width: 210 * MM, height: 297 * MM };
const SIDE = 14 * MM;
const BOTTOM = 10 * MM;
const GAP = 5 * MM;
const CONTENT = A4.width - 2 * SIDE;
const RED = rgb(0xa3 / 255, 0x15 / 255, 0x15 / 255);
const INK = rgb(0.1, 0.1, 0.1);
const GREY = rgb(0.27, 0.27, 0.27);
const FAINT = rgb(0.33, 0.33, 0.33);
const WHITE = rgb(1, 1, 1);
/** Where shrinking stops: a text this long (a fifth of the size) is a mistake to fix, not a page to print. */
const MIN_SCALE = 0.2;
/** The codes are never drawn smaller than this: a cheap phone's camera must still read them from a step away. */
const MIN_QR = 36 * MM;

/**
 * Greedy line breaking: words (split at spaces) fill a line up to `maxWidth` as `width` measures them;
 * a word wider than a line is cut between characters. `anywhere` cuts between any characters (links).
 */
export function wrapLines(text: string, maxWidth: number, width: (s: string) => number, anywhere = false): string[] {
  const lines: string[] = [];
  const chars = (word: string, line: string): string => {
    // Cuts `word` onto `line` and new lines; returns what is left on the last line.
    for (const ch of Array.from(word)) {
      if (line && width(line + ch) > maxWidth) {
        lines.push(line.trimEnd());
        line = "";
      }
      line += ch;
    }
    return line;
  };
  const clean = text.replace(/\s+/g, " ").trim();
  if (!clean) return [];
  if (anywhere) {
    const last = chars(clean, "");
    if (last) lines.push(last);
    return lines;
  }
  let line = "";
  // A space between two digits is no place to break: a phone number stays on one line.
  for (const word of clean.split(/(?<![0-9]) | (?![0-9])/)) {
    const joined = line ? `${line} ${word}` : word;
    if (width(joined) <= maxWidth) line = joined;
    else if (width(word) <= maxWidth) {
      if (line) lines.push(line);
      line = word;
    } else line = chars(word, line ? `${line} ` : "");
  }
  if (line) lines.push(line);
  return lines;
}

type Op =
  | { kind: "text"; text: string; x: number; top: number; size: number; lineHeight: number; bold: boolean; color: RGB }
  | { kind: "rect"; x: number; top: number; width: number; height: number; color: RGB }
  | { kind: "frame"; x: number; top: number; width: number; height: number; radius: number; borderWidth: number; color: RGB }
  | { kind: "qr"; url: string; x: number; top: number; size: number };

/** An embedded font and its text widths, remembered: a page is laid out at several scales, with the same words. */
interface MeasuredFont {
  pdf: PDFFont;
  width(text: string, size: number): number;
}

interface Fonts {
  regular: MeasuredFont;
  bold: MeasuredFont;
}

function measured(pdf: PDFFont): MeasuredFont {
  const known = new Map<string, number>();
  return {
    pdf,
    width(text, size) {
      let unit = known.get(text);
      if (unit === undefined) known.set(text, (unit = pdf.widthOfTextAtSize(text, 1)));
      return unit * size;
    },
  };
}

/** Lays a page out top-down at a scale of its words and codes; `bottom` is where the content ends. */
function layout(page: PosterPage, fonts: Fonts, scale: number): { ops: Op[]; bottom: number; footTop: number } {
  const ops: Op[] = [];
  /** The space between blocks, smaller on a shrunk page. */
  const space = GAP * Math.max(scale, 0.5);
  const other = page.translation !== undefined;
  const font = (bold: boolean) => (bold ? fonts.bold : fonts.regular);
  /** Wrapped lines of a paragraph, aligned in [x, x + width]; returns the height used. */
  const paragraph = (text: string, o: { x: number; top: number; width: number; size: number; lineHeight: number; bold?: boolean; color?: RGB; align?: "left" | "center"; anywhere?: boolean }): number => {
    const f = font(o.bold ?? false);
    const lines = wrapLines(text, o.width, (s) => f.width(s, o.size), o.anywhere);
    lines.forEach((line, i) => {
      const x = o.align === "center" ? o.x + (o.width - f.width(line, o.size)) / 2 : o.x;
      ops.push({ kind: "text", text: line, x, top: o.top + i * o.size * o.lineHeight, size: o.size, lineHeight: o.lineHeight, bold: o.bold ?? false, color: o.color ?? INK });
    });
    return lines.length * o.size * o.lineHeight;
  };

  // The red band across the top: the headline, the three words, the language's badge.
  const bandScale = Math.max(scale, 0.7);
  let y = 9 * MM;
  y += paragraph(page.heading, { x: SIDE, top: y, width: CONTENT, size: (other ? 24 : 30) * bandScale, lineHeight: 1.15, bold: true, color: WHITE, align: "center" });
  y += 2 * MM;
  y += paragraph(page.subheading, { x: SIDE, top: y, width: CONTENT, size: (other ? 13 : 15) * bandScale, lineHeight: 1.2, bold: true, color: WHITE, align: "center" });
  if (page.badge) {
    y += 2 * MM;
    const size = 11 * bandScale;
    const w = fonts.regular.width(page.badge, size) + 8 * MM;
    const h = size * 1.2 + 1 * MM;
    ops.push({ kind: "frame", x: (A4.width - w) / 2, top: y, width: w, height: h, radius: 3 * MM, borderWidth: 0.75, color: WHITE });
    ops.push({ kind: "text", text: page.badge, x: (A4.width - w) / 2 + 4 * MM, top: y + 0.5 * MM, size, lineHeight: 1.2, bold: false, color: WHITE });
    y += h;
  }
  y += 7 * MM;
  ops.unshift({ kind: "rect", x: 0, top: 0, width: A4.width, height: y, color: RED });

  y += space;
  y += paragraph(page.place, { x: SIDE, top: y, width: CONTENT, size: 17 * scale, lineHeight: 1.25, bold: true, align: "center" });

  // The codes in a row, each with its line, what to do after (Zalo) and the link written out.
  y += space;
  const n = page.codes.length;
  const gap = 6 * MM;
  const column = Math.min(70 * MM, (CONTENT - (n - 1) * gap) / n);
  const qr = Math.min(column, Math.max(MIN_QR, Math.min(column, (other ? 54 : 62) * MM) * scale));
  let left = SIDE + (CONTENT - (n * column + (n - 1) * gap)) / 2;
  let tallest = 0;
  for (const code of page.codes) {
    ops.push({ kind: "qr", url: code.url, x: left + (column - qr) / 2, top: y, size: qr });
    let h = qr + 2 * MM;
    h += paragraph(code.label, { x: left, top: y + h, width: column, size: 11 * scale, lineHeight: 1.25, bold: true, align: "center" });
    if (code.then) {
      h += 2 * MM;
      h += paragraph(code.then, { x: left, top: y + h, width: column, size: 10 * scale, lineHeight: 1.25, bold: true, color: RED, align: "center" });
    }
    h += paragraph(code.url, { x: left, top: y + h, width: column, size: 7.5 * scale, lineHeight: 1.25, color: FAINT, align: "center", anywhere: true });
    tallest = Math.max(tallest, h);
    left += column + gap;
  }
  y += tallest;

  // The words: the promises and what to report, or a translation as written.
  y += space;
  const listSize = (other ? 11.5 : 13) * scale;
  const listLine = other ? 1.35 : 1.45;
  const bullets = (items: string[], bold: boolean) => {
    for (const item of items) {
      ops.push({ kind: "text", text: "•", x: SIDE + 3 * MM, top: y, size: listSize, lineHeight: listLine, bold, color: INK });
      y += paragraph(item, { x: SIDE + 7 * MM, top: y, width: CONTENT - 7 * MM, size: listSize, lineHeight: listLine, bold });
    }
  };
  if (page.body.kind === "lists") {
    bullets(page.body.promises, true);
    y += space;
    y += paragraph(page.body.whatTitle, { x: SIDE, top: y, width: CONTENT, size: 14 * scale, lineHeight: 1.25, bold: true });
    y += 1 * MM;
    bullets(page.body.what, false);
  } else {
    for (const p of page.body.paragraphs) y += paragraph(p, { x: SIDE, top: y, width: CONTENT, size: 12 * scale, lineHeight: 1.4 }) + 2 * MM * scale;
  }

  // The numbers in a red frame.
  y += space;
  const boxTop = y;
  const inner = { x: SIDE + 6 * MM, width: CONTENT - 12 * MM };
  const hotSize = 13 * scale;
  y += 4 * MM;
  if (page.hotline) y += paragraph(page.hotline, { ...inner, top: y, size: hotSize, lineHeight: 1.5 });
  if (page.contacts.length > 0) {
    // Two columns, as the print view's grid.
    y += 1 * MM;
    const half = (inner.width - 4 * MM) / 2;
    for (let i = 0; i < page.contacts.length; i += 2) {
      const heights = page.contacts.slice(i, i + 2).map((c, j) => paragraph(c, { x: inner.x + j * (half + 4 * MM), top: y, width: half, size: 11 * scale, lineHeight: 1.35, bold: true }));
      y += Math.max(...heights);
    }
    y += 1 * MM;
  }
  y += paragraph(page.national, { ...inner, top: y, size: hotSize, lineHeight: 1.5 });
  y += paragraph(page.emergency, { ...inner, top: y, size: 20 * scale, lineHeight: 1.5, bold: true, color: RED });
  y += 4 * MM;
  ops.push({ kind: "frame", x: SIDE, top: boxTop, width: CONTENT, height: y - boxTop, radius: 4 * MM, borderWidth: 1.5, color: RED });

  // The foot sits on the bottom margin, as the print view's (margin-top: auto).
  const footSize = 10 * Math.max(scale, 0.8);
  const footLines = page.foot.flatMap((line) => wrapLines(line, CONTENT, (s) => fonts.regular.width(s, footSize)));
  const footTop = A4.height - BOTTOM - footLines.length * footSize * 1.3;
  footLines.forEach((line, i) => {
    ops.push({ kind: "text", text: line, x: SIDE + (CONTENT - fonts.regular.width(line, footSize)) / 2, top: footTop + i * footSize * 1.3, size: footSize, lineHeight: 1.3, bold: false, color: GREY });
  });
  return { ops, bottom: y, footTop };
}

/** The largest scale (1, then smaller by twentieths) at which the page's content clears its foot. */
function fitted(page: PosterPage, fonts: Fonts): Op[] {
  let scale = 1;
  for (;;) {
    const laid = layout(page, fonts, scale);
    if (laid.bottom + GAP <= laid.footTop || scale <= MIN_SCALE) return laid.ops;
    scale = Math.round((scale - 0.05) * 100) / 100;
  }
}

function draw(doc: PDFDocument, pdfPage: PDFPage, ops: Op[], fonts: Fonts, codes: Map<string, { path: string; size: number }>): void {
  const fromTop = (top: number) => A4.height - top;
  for (const op of ops) {
    if (op.kind === "rect") pdfPage.drawRectangle({ x: op.x, y: fromTop(op.top + op.height), width: op.width, height: op.height, color: op.color });
    else if (op.kind === "frame") {
      const { width: w, height: h, radius: r } = op;
      const path = `M${r} 0H${w - r}A${r} ${r} 0 0 1 ${w} ${r}V${h - r}A${r} ${r} 0 0 1 ${w - r} ${h}H${r}A${r} ${r} 0 0 1 0 ${h - r}V${r}A${r} ${r} 0 0 1 ${r} 0Z`;
      pdfPage.drawSvgPath(path, { x: op.x, y: fromTop(op.top), borderColor: op.color, borderWidth: op.borderWidth });
    } else if (op.kind === "text") {
      const f = (op.bold ? fonts.bold : fonts.regular).pdf;
      // The glyphs' box centred in the line's box, as a browser sets a line.
      const ascent = f.heightAtSize(op.size, { descender: false });
      const descent = f.heightAtSize(op.size) - ascent;
      const baseline = op.top + (op.size * op.lineHeight) / 2 + (ascent - descent) / 2;
      pdfPage.drawText(op.text, { x: op.x, y: fromTop(baseline), size: op.size, font: f, color: op.color });
    } else {
      // A village's codes print on each of its pages, the Zalo one on every page: each encoded once.
      let code = codes.get(op.url);
      if (!code) codes.set(op.url, (code = qrPath(op.url)));
      const { path, size } = code;
      pdfPage.drawRectangle({ x: op.x, y: fromTop(op.top + op.size), width: op.size, height: op.size, color: WHITE });
      pdfPage.drawSvgPath(path, { x: op.x, y: fromTop(op.top), scale: op.size / size, color: rgb(0, 0, 0) });
      // The code is also a link, for whoever opens the file on a screen.
      const rect = [op.x, fromTop(op.top + op.size), op.x + op.size, fromTop(op.top)];
      const link = doc.context.obj({ Type: "Annot", Subtype: "Link", Rect: rect, Border: [0, 0, 0], A: { Type: "Action", S: "URI", URI: PDFString.of(op.url) } });
      pdfPage.node.addAnnot(doc.context.register(link));
    }
  }
}

function watermark(pdfPage: PDFPage, text: string, font: PDFFont): void {
  const size = 34;
  const angle = (28 * Math.PI) / 180;
  const w = font.widthOfTextAtSize(text, size);
  // Centred 120 mm from the top, rising to the right as the print view's rotate(-28deg).
  const cx = A4.width / 2;
  const cy = A4.height - 120 * MM - 10 * MM;
  pdfPage.drawText(text, { x: cx - (Math.cos(angle) * w) / 2, y: cy - (Math.sin(angle) * w) / 2, size, font, color: RED, opacity: 0.2, rotate: degrees(28) });
}

/** NFC: Vietnamese letters as the font's precomposed glyphs (pdf-lib places no combining marks). */
function normalized(page: PosterPage): PosterPage {
  const n = (s: string) => s.normalize("NFC");
  return {
    ...page,
    heading: n(page.heading),
    subheading: n(page.subheading),
    badge: page.badge && n(page.badge),
    place: n(page.place),
    codes: page.codes.map((c) => ({ url: c.url, label: n(c.label), then: c.then && n(c.then) })),
    body: page.body.kind === "block" ? { kind: "block", paragraphs: page.body.paragraphs.map(n) } : { kind: "lists", promises: page.body.promises.map(n), whatTitle: n(page.body.whatTitle), what: page.body.what.map(n) },
    hotline: page.hotline && n(page.hotline),
    contacts: page.contacts.map(n),
    foot: [n(page.foot[0]), n(page.foot[1])],
  };
}

/** Every word a page prints. */
function pageText(page: PosterPage): string {
  const body = page.body.kind === "block" ? page.body.paragraphs : [...page.body.promises, page.body.whatTitle, ...page.body.what];
  return [page.heading, page.subheading, page.badge ?? "", page.place, ...page.codes.flatMap((c) => [c.label, c.then ?? "", c.url]), ...body, page.hotline ?? "", ...page.contacts, page.national, page.emergency, ...page.foot].join("");
}

/** A language page left out of the PDF. */
export interface OmittedPage {
  village: string;
  language: string;
  label: string;
}

export interface PostersPdf {
  bytes: Uint8Array;
  /** Language pages left out: their words need letters the font lacks (another script, e.g. Tai Viet), which would print as empty boxes. */
  omitted: OmittedPage[];
}

/** The letters both fonts have, read once per font bytes (their character maps only). */
const letters = new WeakMap<PosterFonts, (text: string) => boolean>();
function writableIn(fonts: PosterFonts): (text: string) => boolean {
  let writable = letters.get(fonts);
  if (!writable) {
    const [regular, bold] = [fonts.regular, fonts.bold].map((bytes) => new Set(fontkit.create(bytes).characterSet)) as [Set<number>, Set<number>];
    writable = (text) => Array.from(text).every((ch) => /\s/.test(ch) || (regular.has(ch.codePointAt(0)!) && bold.has(ch.codePointAt(0)!)));
    letters.set(fonts, writable);
  }
  return writable;
}

/** Which pages of these posters the PDF leaves out: a language page only prints in letters the font has (the Vietnamese always prints). */
export function omittedFromPdf(input: PosterInput, fonts: PosterFonts): OmittedPage[] {
  const writable = writableIn(fonts);
  return posterPages(input)
    .map(normalized)
    .flatMap((page) => (page.translation && !writable(pageText(page)) ? [{ village: page.village.code, language: page.translation.language, label: page.translation.label }] : []));
}

/** The posters of `input` as a PDF: one A4 page per village and per translated language of it that the font can write. */
export async function renderPostersPdf(input: PosterInput, fonts: PosterFonts): Promise<PostersPdf> {
  // No dates or producer: the file says what it is and nothing of who made it, when or with what.
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const embedded = { regular: measured(await doc.embedFont(fonts.regular, { subset: true })), bold: measured(await doc.embedFont(fonts.bold, { subset: true })) };
  doc.setTitle(t.pdfTitle(input.commune.name), { showInWindowTitleBar: true });
  doc.setLanguage("vi");
  const codes = new Map<string, { path: string; size: number }>();
  const writable = writableIn(fonts);
  const omitted: OmittedPage[] = [];
  for (const page of posterPages(input).map(normalized)) {
    // The Vietnamese page always prints; a language page only in letters the font has.
    if (page.translation && !writable(pageText(page))) {
      omitted.push({ village: page.village.code, language: page.translation.language, label: page.translation.label });
      continue;
    }
    const pdfPage = doc.addPage([A4.width, A4.height]);
    draw(doc, pdfPage, fitted(page, embedded), embedded, codes);
    if (page.sample) watermark(pdfPage, page.sample, embedded.bold.pdf);
  }
  return { bytes: await doc.save(), omitted };
}
