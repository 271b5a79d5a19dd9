// The admin command line's sender for a deployed server (issue 19, admin on Workers):
// `npm run admin -- --remote <url> <command> [args]` signs the command with ADMIN_API_KEY and posts it
// to <url>/quantri/lenh, where it runs on that server's databases (src/http/admin-api.ts). Files
// named on the command line go along with it; files the command writes come back and are written
// here. A places file is checked here in full first (every error listed before anything is
// written, as on the server's own command line), then sent in parts that each stay well within a
// Worker's 1,000 D1 statements.
import { statSync, readFileSync } from "node:fs";
import { signAdminRequest, ADMIN_SIGNATURE_HEADER } from "../crypto/admin-signature.js";
import { base64UrlToBytes, parseKeyMaterial } from "../crypto/keys.js";
import { checkPlacesCsv, PLACES_EXAMPLE_ROW, PLACES_HEADER, PLACES_OPTIONAL } from "../places/import.js";
import { parseCsv } from "../places/csv.js";
import { ADMIN_API_MAX_BYTES, ADMIN_API_PATH } from "../http/admin-api.js";
import { viAdmin } from "../i18n/vi-admin.js";
import { nodeFiles } from "./node-files.js";
import type { AdminIo } from "./types.js";

const r = viAdmin.remote;
/** Rows of a places file per request: a village row is a few statements (upserts), far below 1,000. */
export const PLACES_ROWS_PER_REQUEST = 200;

interface Answer {
  code: number;
  out: string[];
  err: string[];
  files: Record<string, { data: string; privateFile: boolean }>;
}

/** The files the arguments name: every argument that is a readable file here (the command decides what it means). */
function namedFiles(args: string[]): Record<string, string> {
  const files: Record<string, string> = {};
  for (const arg of args) {
    try {
      if (statSync(arg).isFile()) files[arg] = readFileSync(arg, "utf8");
    } catch {
      // Not a file here: an ordinary argument.
    }
  }
  return files;
}

/** A places file as parts of at most PLACES_ROWS_PER_REQUEST rows, each with the header; null with the errors printed when it does not check. */
function placesParts(text: string, io: AdminIo): string[] | null {
  const { rows, errors } = checkPlacesCsv(text);
  if (errors.length > 0) {
    for (const e of errors) io.err(viAdmin.failed(e));
    io.err(viAdmin.places.expectedColumns(PLACES_HEADER.join(","), PLACES_OPTIONAL.join(", "), PLACES_EXAMPLE_ROW));
    return null;
  }
  const header = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0]!;
  // Whole records, not lines: a quoted cell may hold a line break. Each record re-joined as CSV.
  const records = parseCsv(text).slice(1).filter((cells) => cells.some((c) => c.trim() !== ""));
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const parts: string[] = [];
  for (let i = 0; i < records.length; i += PLACES_ROWS_PER_REQUEST) {
    parts.push([header, ...records.slice(i, i + PLACES_ROWS_PER_REQUEST).map((cells) => cells.map(quote).join(","))].join("\n") + "\n");
  }
  io.out(r.checkedLocally(rows.length, parts.length));
  return parts;
}

async function send(base: string, key: string, payload: object, io: AdminIo, now: () => Date): Promise<Answer | number> {
  const body = JSON.stringify(payload);
  if (body.length > ADMIN_API_MAX_BYTES) {
    io.err(r.tooLarge(ADMIN_API_MAX_BYTES / 1024 / 1024));
    return 1;
  }
  let res: Response;
  try {
    res = await fetch(new URL(ADMIN_API_PATH, base), { method: "POST", headers: { "Content-Type": "application/json", [ADMIN_SIGNATURE_HEADER]: await signAdminRequest(key, body, now().getTime()) }, body });
  } catch (error) {
    io.err(r.unreachable(base, error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)));
    return 1;
  }
  if (res.status === 401) io.err(r.refused);
  else if (res.status === 404) io.err(r.notEnabled);
  else if (res.status === 413) io.err(r.tooLarge(ADMIN_API_MAX_BYTES / 1024 / 1024));
  else if (res.status !== 200) io.err(r.badAnswer(res.status));
  if (res.status !== 200) return 1;
  try {
    return (await res.json()) as Answer;
  } catch {
    io.err(r.badAnswer(res.status));
    return 1;
  }
}

/** Prints a part's answer and writes the files it carries; its exit code. */
function take(answer: Answer, io: AdminIo): number {
  for (const line of answer.out) io.out(line);
  for (const line of answer.err) io.err(line);
  for (const [path, file] of Object.entries(answer.files ?? {})) {
    nodeFiles.write(path, base64UrlToBytes(file.data), { privateFile: file.privateFile });
    io.out(r.wrote(path));
  }
  return answer.code;
}

export async function runRemote(argv: string[], env: Record<string, string | undefined>, io: AdminIo, now: () => Date): Promise<number> {
  const [base, command, ...args] = argv;
  if (!base || !command) {
    io.err(r.usage);
    return 2;
  }
  if (!/^https?:\/\/[^/\s]+/.test(base)) {
    io.err(r.badUrl(base));
    return 2;
  }
  const key = env.ADMIN_API_KEY?.trim() ?? "";
  try {
    parseKeyMaterial(key);
  } catch {
    io.err(r.noKey);
    return 1;
  }
  const files = namedFiles(args);
  const placesFile = command === "import-places" ? args.find((a) => a in files) : undefined;
  if (placesFile === undefined) {
    const answer = await send(base, key, { command, args, files }, io, now);
    return typeof answer === "number" ? answer : take(answer, io);
  }
  const parts = placesParts(files[placesFile]!, io);
  if (!parts) return 1;
  for (const [i, part] of parts.entries()) {
    if (parts.length > 1) io.out(r.part(i + 1, parts.length));
    const answer = await send(base, key, { command, args, files: { [placesFile]: part } }, io, now);
    const code = typeof answer === "number" ? answer : take(answer, io);
    if (code !== 0) {
      if (i > 0) io.err(r.stopped(i + 1, parts.length));
      return code;
    }
  }
  return 0;
}
