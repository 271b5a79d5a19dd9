// Small, strict argument parsing for admin commands (util.parseArgs, unknown flags refused).
// The Node.js project's own polyfill of util.parseArgs: the same parser on Node and on Workers (workerd has none).
import { parseArgs } from "@pkgjs/parseargs";
import { messagesFor } from "../i18n/messages.js";

export class ArgsError extends Error {}

export function parseCommandArgs<T extends Record<string, { type: "string" | "boolean"; multiple?: boolean }>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new ArgsError(error instanceof Error ? error.message : String(error));
  }
}

export function positiveId(text: string | undefined): number {
  const id = Number(text);
  if (!text || !Number.isInteger(id) || id <= 0) throw new ArgsError(messagesFor("vi").cli.notAnId(text ?? ""));
  return id;
}
