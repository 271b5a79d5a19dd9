// Every admin command, for the command line on an operator's machine (src/cli/admin.ts) and for
// signed admin requests to a deployed server (src/http/admin-api.ts): one list. Platform commands
// live with their adapter; the entries (admin.ts, node.ts, worker.ts) pass them in.
import type { AdminCommand } from "./types.js";
import { viAdmin } from "../i18n/vi-admin.js";
import { placesCommands } from "./commands/places.js";
import { contactsCommands } from "./commands/contacts.js";
import { audiencesCommands } from "./commands/audiences.js";
import { staffCommands } from "./commands/staff.js";
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

/** The admin commands with the platform adapters' own (bots/<channel>/cli.ts), in the help's order. */
export function adminCommandsWith(platformCommands: AdminCommand[]): AdminCommand[] {
  return [...placesCommands, ...contactsCommands, ...audiencesCommands, ...staffCommands, ...groupsCommands, ...bulletinsCommands, ...complianceCommands, ...tipsCommands, ...intakeCommands, ...feedsCommands, ...platformCommands, ...webhookCommands];
}

