// The posters' PDF fonts on Node: Be Vietnam Pro from its npm package (as the report's PNG chart reads
// it), read once. Workers bundle the same files as Data modules (src/worker.ts, wrangler.toml).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { PosterFonts } from "./poster-pdf.js";

const require = createRequire(import.meta.url);
let fonts: PosterFonts | null = null;

export function nodePosterFonts(): PosterFonts {
  const read = (file: string) => new Uint8Array(readFileSync(require.resolve(`@expo-google-fonts/be-vietnam-pro/${file}`)));
  fonts ??= { regular: read("400Regular/BeVietnamPro_400Regular.ttf"), bold: read("700Bold/BeVietnamPro_700Bold.ttf") };
  return fonts;
}
