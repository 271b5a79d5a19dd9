// The contract between the admin command line and its command modules.
import type { Db } from "../db/client.js";
import type { Keyring } from "../crypto/keys.js";
import type { AppConfig } from "../config/schema.js";

export interface AdminContext {
  db: Db;
  keys: Keyring;
  config: AppConfig;
  /** Prints a line for the operator (Vietnamese). */
  out(line: string): void;
  /** Prints an error line for the operator (Vietnamese). */
  err(line: string): void;
  now(): Date;
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
