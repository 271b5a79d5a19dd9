// Admin commands for the communes' alert groups: list them, remove one (the bot leaves it).
// The same domain functions as the chat, with the operator as a national admin.
import { findCommuneByCode } from "../../places/search.js";
import { formatDateTimeVN } from "../../util/vietnam-time.js";
import { CLI_ACTOR, listAlertGroups, removeAlertGroup, type AlertGroupView } from "../../staff/alert-groups.js";
import { viGroups } from "../../i18n/vi-groups.js";
import { parseId } from "../../util/ids.js";
import { ArgsError, parseCommandArgs } from "../args.js";
import type { AdminCommand, AdminContext } from "../types.js";
import { messagesFor } from "../../i18n/messages.js";

const cli = messagesFor("vi").cli;

const t = viGroups.admin;

async function list(ctx: AdminContext, communeCode: string | undefined): Promise<number> {
  let communeIds: number[];
  if (communeCode) {
    const commune = await findCommuneByCode(ctx.db, communeCode);
    if (!commune) {
      ctx.err(viGroups.communeUnknown(communeCode));
      return 1;
    }
    communeIds = [commune.id];
  } else {
    const rows = await ctx.db.alertGroup.findMany({ distinct: ["communeId"], select: { communeId: true }, orderBy: { communeId: "asc" } });
    communeIds = rows.map((r) => r.communeId);
  }
  const groups: AlertGroupView[] = [];
  for (const id of communeIds) {
    const listed = await listAlertGroups(ctx.db, CLI_ACTOR, id);
    if (listed.ok) groups.push(...listed.groups);
  }
  if (groups.length === 0) ctx.out(t.none);
  for (const g of groups) ctx.out(t.line(g.id, g.communeName, g.channel, formatDateTimeVN(g.registeredAt), g.registeredBy, g.active));
  return 0;
}

export const groupsCommands: AdminCommand[] = [
  {
    name: "groups",
    usage: cli.groups.usage,
    summary: t.summary,
    async run(ctx, args) {
      const { values, positionals } = parseCommandArgs(args, { commune: { type: "string" } });
      const [sub, ...rest] = positionals;
      if (sub === "list") {
        if (rest.length > 0) throw new ArgsError(cli.extra(String(rest[0])));
        return list(ctx, values.commune);
      }
      if (sub === "remove") {
        if (values.commune !== undefined) throw new ArgsError(cli.groups.removeNoCommune);
        if (rest.length > 1) throw new ArgsError(cli.extra(String(rest[1])));
        const id = parseId(rest[0]);
        if (id === null) throw new ArgsError(cli.notAnId(rest[0] ?? ""));
        const removed = await removeAlertGroup({ db: ctx.db, now: () => ctx.now() }, CLI_ACTOR, id);
        if (!removed.ok) {
          ctx.err(t.notFound(id));
          return 1;
        }
        ctx.out(t.removed(id));
        return 0;
      }
      throw new ArgsError(t.badSub(sub ?? ""));
    },
  },
];
