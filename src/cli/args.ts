// Small, strict argument parsing for admin commands (node:util parseArgs, unknown flags refused).
import { parseArgs } from "node:util";
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
