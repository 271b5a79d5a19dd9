// Admin commands for tip retention: keep one closed tip longer (with a reason), and see which
// closed tips lose their content soon. The rules live in src/tips/retention.ts.
import { formatDateVN } from "../../util/vietnam-time.js";
import { DEFAULT_TIP_RETENTION_MONTHS, MAX_KEEP_MONTHS, keepTip, monthsAfter } from "../../tips/retention.js";
import { viAdmin } from "../../i18n/vi-admin.js";
import { ArgsError, parseCommandArgs } from "../args.js";
import type { AdminCommand } from "../types.js";
import { messagesFor } from "../../i18n/messages.js";

const cli = messagesFor("vi").cli;

const t = viAdmin.retention;

export const tipsCommands: AdminCommand[] = [
  {
    name: "tip-keep",
    usage: cli.tips.keepUsage,
    summary: t.keepSummary,
    async run(ctx, args) {
      const { values, positionals } = parseCommandArgs(args, { months: { type: "string" }, reason: { type: "string" } });
      if (positionals.length !== 1) throw new ArgsError(cli.tips.oneCase);
      const months = Number(values.months ?? "");
      const result = await keepTip(ctx.db, { caseNumber: positionals[0]!, months, reason: values.reason ?? "", actor: "operator" }, ctx.now());
      if (!result.ok) {
        ctx.err(result.reason === "too_long" ? t.refused.too_long(MAX_KEEP_MONTHS) : t.refused[result.reason]);
        return 1;
      }
      ctx.out(t.kept(result.caseNumber, formatDateVN(result.until)));
      return 0;
    },
  },
  {
    name: "tip-retention",
    usage: cli.tips.dueUsage,
    summary: t.listSummary,
    async run(ctx, args) {
      const { values, positionals } = parseCommandArgs(args, { months: { type: "string" } });
      if (positionals.length > 0) throw new ArgsError(cli.extra(String(positionals[0])));
      const ahead = values.months === undefined ? 3 : Number(values.months);
      if (!Number.isInteger(ahead) || ahead < 0 || ahead > 120) throw new ArgsError(cli.tips.badMonths);
      const months = ctx.config.tipRetentionMonths ?? DEFAULT_TIP_RETENTION_MONTHS;
      const now = ctx.now();
      const horizon = monthsAfter(now, ahead);
      const tips = await ctx.db.tip.findMany({ where: { closedAt: { not: null }, erasedAt: null }, orderBy: { closedAt: "asc" }, take: 2000 });
      let shown = 0;
      for (const tip of tips) {
        const end = tip.keepUntil ?? monthsAfter(tip.closedAt!, months);
        if (end > horizon && !tip.keepUntil) continue;
        ctx.out(t.row(tip.caseNumber, formatDateVN(tip.closedAt!), formatDateVN(end), tip.keepReason));
        shown++;
      }
      if (shown === 0) ctx.out(t.none);
      return 0;
    },
  },
];
