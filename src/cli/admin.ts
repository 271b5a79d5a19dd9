// The admin command line: `npm run admin -- <command> [args]`. Uses the same settings, database
// and keys as the server (invitation codes are keyed hashes, so the keys must match).
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { ConfigError, parseConfig } from "../config/schema.js";
import { createNodeKeyring } from "../crypto/node-keyring.js";
import { openNodeDatabase } from "../db/node.js";
import { loadNodeKeys } from "../node-keys.js";
import { InvitationError } from "../staff/invitations.js";
import { PlacesCsvError } from "../places/import.js";
import { viAdmin } from "../i18n/vi-admin.js";
import { ArgsError } from "./args.js";
import type { AdminCommand, AdminContext } from "./types.js";
import { placesCommands } from "./commands/places.js";
import { contactsCommands } from "./commands/contacts.js";
import { audiencesCommands } from "./commands/audiences.js";
import { staffCommands } from "./commands/staff.js";
// Platform commands live with their adapter; the entry registers them.
import { zaloCommands } from "../../bots/zalo/cli.js";
import { complianceCommands } from "./commands/compliance.js";
import { bulletinsCommands } from "./commands/bulletins.js";
import { tipsCommands } from "./commands/tips.js";
import { intakeCommands } from "./commands/intake.js";
import { groupsCommands } from "./commands/groups.js";
import { feedsCommands } from "./commands/feeds.js";
import { createChannels, registerWebhooks, WebhookRegistrationError } from "../channels.js";
import { createLogger } from "../log.js";
import { channelName } from "../i18n/vi-zalo.js";

// Spans two adapters, so it is wired here rather than in one of them.
const webhookCommands: AdminCommand[] = [
  {
    name: "set-webhooks",
    usage: "",
    summary: viAdmin.webhooks.summary,
    async run(ctx) {
      const log = createLogger("warn", (line) => ctx.err(line));
      const channels = await createChannels({ config: ctx.config, db: ctx.db, keys: ctx.keys, log, now: ctx.now, initBot: false });
      let done;
      try {
        done = await registerWebhooks(ctx.config, channels);
      } catch (error) {
        if (!(error instanceof WebhookRegistrationError)) throw error;
        // The platform's own words (e.g. "bad webhook: HTTPS url must be provided") tell the operator what to fix.
        ctx.err(viAdmin.webhooks.failed(channelName(error.channel), error.cause instanceof Error ? error.cause.message : String(error.cause)));
        return 1;
      }
      if (done.length === 0) {
        ctx.err(viAdmin.webhooks.noneConfigured);
        return 2;
      }
      for (const hook of done) ctx.out(viAdmin.webhooks.set(channelName(hook.channel), hook.url));
      return 0;
    },
  },
];

export const adminCommands: AdminCommand[] = [...placesCommands, ...contactsCommands, ...audiencesCommands, ...staffCommands, ...groupsCommands, ...bulletinsCommands, ...complianceCommands, ...tipsCommands, ...intakeCommands, ...feedsCommands, ...zaloCommands, ...webhookCommands];

export interface AdminIo {
  out(line: string): void;
  err(line: string): void;
}

function printHelp(io: AdminIo): void {
  io.out(viAdmin.usageTitle);
  io.out("");
  io.out(viAdmin.commandsTitle);
  for (const c of adminCommands) io.out(`  ${c.name} ${c.usage}`.trimEnd() + `\n      ${c.summary}`);
}

/** Runs one admin command; returns the exit code. Errors the operator can fix are printed, not thrown. */
export async function runAdmin(argv: string[], env: Record<string, string | undefined>, io: AdminIo, now: () => Date = () => new Date()): Promise<number> {
  const [name, ...args] = argv;
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
  const ctx: AdminContext = { db, keys, config, out: io.out, err: io.err, now };
  try {
    return await command.run(ctx, args);
  } catch (error) {
    if (error instanceof ArgsError) {
      io.err(viAdmin.badArgs(`${command.name} ${command.usage}`.trimEnd(), error.message));
      return 2;
    }
    if (error instanceof InvitationError || error instanceof PlacesCsvError) {
      io.err(viAdmin.failed(error.message));
      return 1;
    }
    throw error;
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
