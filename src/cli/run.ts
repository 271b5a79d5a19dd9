// Running one admin command with its context: the errors an operator can fix are printed with an
// exit code, not thrown. The same on the operator's machine (src/cli/admin.ts) and for a signed
// request to a server (src/http/admin-api.ts).
import { InvitationError } from "../staff/invitations.js";
import { PlacesCsvError } from "../places/import.js";
import { viAdmin } from "../i18n/vi-admin.js";
import { ArgsError } from "./args.js";
import type { AdminCommand, AdminContext } from "./types.js";

export async function runCommand(command: AdminCommand, ctx: AdminContext, args: string[]): Promise<number> {
  try {
    return await command.run(ctx, args);
  } catch (error) {
    if (error instanceof ArgsError) {
      ctx.err(viAdmin.badArgs(`${command.name} ${command.usage}`.trimEnd(), error.message));
      return 2;
    }
    if (error instanceof InvitationError || error instanceof PlacesCsvError) {
      ctx.err(viAdmin.failed(error.message));
      return 1;
    }
    throw error;
  }
}
