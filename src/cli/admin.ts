// The admin command line: `npm run admin -- <command> [args]`. Uses the same settings, database
// and keys as the server (invitation codes are keyed hashes, so the keys must match).
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { ConfigError, parseConfig } from "../config/schema.js";
import { createNodeKeyring } from "../crypto/node-keyring.js";
import { openNodeDatabase } from "../db/node.js";
import { loadNodeKeys } from "../node-keys.js";
import { viAdmin } from "../i18n/vi-admin.js";
import type { AdminContext, AdminIo } from "./types.js";
import { runCommand } from "./run.js";
import { runRemote } from "./remote.js";
import { adminCommandsWith } from "./registry.js";
import { zaloCommands } from "../../bots/zalo/cli.js";
import { nodeFiles } from "./node-files.js";
import { createNodeReportRenderers } from "../reports/node-renderers.js";
import { nodePosterFonts } from "../places/node-poster-fonts.js";

// Platform commands live with their adapter; this entry registers them.
const adminCommands = adminCommandsWith(zaloCommands);

function printHelp(io: AdminIo): void {
  io.out(viAdmin.usageTitle);
  io.out("");
  io.out(viAdmin.commandsTitle);
  for (const c of adminCommands) io.out(`  ${c.name} ${c.usage}`.trimEnd() + `\n      ${c.summary}`);
}

/** Runs one admin command; returns the exit code. Errors the operator can fix are printed, not thrown. */
export async function runAdmin(argv: string[], env: Record<string, string | undefined>, io: AdminIo, now: () => Date = () => new Date()): Promise<number> {
  const [name, ...args] = argv;
  // A command for a deployed server (Workers and D1): sent there signed, run there on its databases.
  if (name === "--remote") return runRemote(args, env, io, now);
  if (!name || name === "help" || name === "--help" || name === "-h") {
    printHelp(io);
    return name ? 0 : 2;
  }
  const command = adminCommands.find((c) => c.name === name);
  if (!command) {
    io.err(viAdmin.unknownCommand(name));
    return 2;
  }
  let config;
  try {
    config = parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
  const dataDir = resolve(dirname(config.databaseUrl.replace(/^file:/, "")));
  const keyText = await loadNodeKeys(config, dataDir);
  const keys = createNodeKeyring(keyText.pseudonymKey, keyText.vaultKey);
  const db = openNodeDatabase(config.databaseUrl);
  const ctx: AdminContext = { db, keys, config, out: io.out, err: io.err, now, files: nodeFiles, renderers: createNodeReportRenderers(), posterFonts: nodePosterFonts };
  try {
    return await runCommand(command, ctx, args);
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  runAdmin(process.argv.slice(2), process.env, { out: (l) => console.log(l), err: (l) => console.error(l) }).then(
    (code) => process.exit(code),
    (error) => {
      console.error(viAdmin.failed(error instanceof Error ? error.message : String(error)));
      process.exit(1);
    },
  );
}
