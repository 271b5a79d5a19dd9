// A PDF read back as text with pdf.js (pdfjs-dist's legacy build, for Node): each page's lines joined
// by spaces (the posters break lines at spaces only, so a wrapped sentence reads whole again).
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export interface PdfText {
  pages: string[];
  /** Each page's lines where they are drawn: x and baseline y in points from the bottom left, and the font size. */
  lines: { str: string; x: number; y: number; size: number }[][];
  title: string | undefined;
  /** Every key of the document's information dictionary (what a reader's "properties" show). */
  info: Record<string, unknown>;
}

export async function pdfText(bytes: Uint8Array): Promise<PdfText> {
  // pdf.js takes the buffer over: give it a copy.
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  const pages: string[] = [];
  const lines: PdfText["lines"] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    const drawn = content.items.flatMap((item) => ("str" in item && item.str.trim() ? [{ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number, size: Math.hypot(item.transform[0] as number, item.transform[1] as number) }] : []));
    lines.push(drawn);
    pages.push(drawn.map((l) => l.str).join(" ").replace(/\s+/g, " "));
  }
  const info = (await doc.getMetadata()).info as Record<string, unknown>;
  await doc.destroy();
  return { pages, lines, title: typeof info.Title === "string" ? info.Title : undefined, info };
}
