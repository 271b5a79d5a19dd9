// Admin command: a commune's schools and businesses at risk, which get bulletins beside its villages
// (issue 15). Through the domain's functions (src/bulletins/audiences.ts) with the operator's scope.
import { addAudience, contactRole, isAudienceKind, listAudiences, removeAudience } from "../../bulletins/audiences.js";
import type { StaffScope } from "../../staff/roles.js";
import { viAudiences } from "../../i18n/vi-audiences.js";
import { messagesFor } from "../../i18n/messages.js";
import { ArgsError, parseCommandArgs, positiveId } from "../args.js";
import type { AdminCommand } from "../types.js";

const cli = messagesFor("vi").cli;
const t = viAudiences.cli;

/** Whoever runs the command line on the server acts as a national admin. */
const OPERATOR: StaffScope = { role: "admin", communeId: null, villageId: null, provinceId: null, active: true };

const kindLabel = (kind: string) => (isAudienceKind(kind) ? viAudiences.kinds[kind] : kind);

export const audiencesCommands: AdminCommand[] = [
  {
    name: "audiences",
    usage: t.usage,
    summary: t.summary,
    async run(ctx, args) {
      const { values, positionals } = parseCommandArgs(args, { commune: { type: "string" }, add: { type: "string" }, name: { type: "string" }, remove: { type: "string" } });
      if (positionals.length > 0) throw new ArgsError(cli.extra(String(positionals[0])));
      if (!values.commune) throw new ArgsError(cli.places.missing("--commune"));
      if (values.add !== undefined && values.remove !== undefined) throw new ArgsError(t.addOrRemove);
      const commune = values.commune.toUpperCase();
      if (values.add !== undefined) {
        if (values.name === undefined) throw new ArgsError(t.needName);
        const added = await addAudience(ctx.db, OPERATOR, { communeCode: commune, kind: values.add, name: values.name }, ctx.now());
        if (!added.ok) {
          ctx.err(added.reason === "not_found" ? t.communeUnknown(commune) : added.reason === "bad_kind" ? t.badKind(values.add) : t.badName);
          return 1;
        }
        const { id, kind, name } = added.value;
        ctx.out(t.added(id, viAudiences.kindsInline[kind], name, contactRole(kind)));
        return 0;
      }
      if (values.remove !== undefined) {
        const id = positiveId(values.remove);
        const removed = await removeAudience(ctx.db, OPERATOR, commune, id, ctx.now());
        if (!removed.ok) {
          ctx.err((await ctx.db.commune.count({ where: { code: commune } })) === 0 ? t.communeUnknown(commune) : t.notFound(id));
          return 1;
        }
        ctx.out(t.removed(removed.value.name));
        return 0;
      }
      const listed = await listAudiences(ctx.db, OPERATOR, commune);
      if (!listed.ok) {
        ctx.err(t.communeUnknown(commune));
        return 1;
      }
      if (listed.value.length === 0) ctx.out(t.none(commune));
      for (const a of listed.value) ctx.out(t.line(a.id, kindLabel(a.kind), a.name, a.contacts));
      return 0;
    },
  },
];
