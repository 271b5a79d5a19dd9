// The contract between the admin command line and its command modules.
import type { Db } from "../db/client.js";
import type { Keyring } from "../crypto/keys.js";
import type { AppConfig } from "../config/schema.js";
import type { ReportRenderers } from "../reports/types.js";
import type { PosterFonts } from "../places/poster-pdf.js";

/**
 * The files an operator names on the command line. On their machine these are the file system
 * (src/cli/node-files.ts); a command run on a server by a signed request reads the files the
 * command line sent along and hands back what it writes (src/cli/remote-files.ts).
 */
export interface AdminFiles {
  /** A named file as text; null when it cannot be read. */
  readText(path: string): string | null;
  /** Writes a named file (its folder made as needed); with `exclusive`, false when it exists and nothing is written. */
  write(path: string, data: string | Uint8Array, opts?: { exclusive?: boolean; privateFile?: boolean }): boolean;
}

/** Where the command line prints: the operator's terminal, or a test's lists. */
export interface AdminIo {
  out(line: string): void;
  err(line: string): void;
}

export interface AdminContext {
  db: Db;
  keys: Keyring;
  config: AppConfig;
  /** Prints a line for the operator (Vietnamese). */
  out(line: string): void;
  /** Prints an error line for the operator (Vietnamese). */
  err(line: string): void;
  now(): Date;
  files: AdminFiles;
  /** The report's spreadsheet and picture renderers, where they run (Node); absent on Workers. */
  renderers?: ReportRenderers;
  /** The posters' PDF fonts, as the runtime reads them (Node: the npm package's files; Workers: bundled). */
  posterFonts?: () => PosterFonts;
}

export interface AdminCommand {
  /** What the operator types, e.g. "zalo-consent". */
  name: string;
  /** One line: arguments, e.g. "--redirect <url>". */
  usage: string;
  /** One line in Vietnamese: what it does. */
  summary: string;
  /** Returns the process exit code. */
  run(ctx: AdminContext, args: string[]): Promise<number>;
}
