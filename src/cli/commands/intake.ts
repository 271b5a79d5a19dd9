// Admin commands for tips that do not come by chat: printed tip-box slips (each a fresh receipt code,
// stored only as its keyed hash) and the tip register as an Excel file.
import { DAY_MS, formatDateVN } from "../../util/vietnam-time.js";
import { issueSlips, MAX_SLIPS_PER_VILLAGE } from "../../tips/slips.js";
import { addFilterWord, monthPeriod, parseDayVN, periodOfDays, registerOfficers, registerRows, type RegisterFilter, type RegisterPeriod } from "../../tips/register.js";
import { renderSlips } from "../../places/slips.js";
import { viAdmin } from "../../i18n/vi-admin.js";
import { viIntake } from "../../i18n/vi-intake.js";
import { ArgsError, parseCommandArgs } from "../args.js";
import type { AdminCommand, AdminContext } from "../types.js";
import { messagesFor } from "../../i18n/messages.js";

const t = viIntake.cli;
const cli = messagesFor("vi").cli;

async function communeByCode(ctx: AdminContext, code: string | undefined) {
  if (!code) throw new ArgsError(t.missing("--commune"));
  const commune = await ctx.db.commune.findUnique({ where: { code: code.toUpperCase() }, include: { province: true, villages: { orderBy: { code: "asc" } } } });
  if (!commune) ctx.err(viAdmin.places.communeUnknown(code));
  return commune;
}

function period(values: { month?: string; from?: string; to?: string }): RegisterPeriod {
  if (values.month !== undefined) {
    if (values.from !== undefined || values.to !== undefined) throw new ArgsError(t.monthOrRange);
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(values.month)) throw new ArgsError(t.badMonth(values.month));
    return monthPeriod(values.month);
  }
  if (values.from === undefined || values.to === undefined) throw new ArgsError(t.monthOrRange);
  const first = /^\d{4}-\d{2}-\d{2}$/.test(values.from) ? parseDayVN(values.from) : null;
  const last = /^\d{4}-\d{2}-\d{2}$/.test(values.to) ? parseDayVN(values.to) : null;
  if (!first) throw new ArgsError(t.badDate(values.from));
  if (!last) throw new ArgsError(t.badDate(values.to));
  const p = periodOfDays(first, last);
  if (!p) throw new ArgsError(viIntake.register.badPeriod);
  return p;
}

export const intakeCommands: AdminCommand[] = [
  {
    name: "slips",
    usage: t.slipsUsage,
    summary: t.slipsSummary,
    async run(ctx, args) {
      const { values, positionals } = parseCommandArgs(args, { commune: { type: "string" }, village: { type: "string" }, count: { type: "string" }, out: { type: "string" }, url: { type: "string" } });
      if (positionals.length > 0) throw new ArgsError(cli.extra(String(positionals[0])));
      if (!values.out) throw new ArgsError(t.missing("--out"));
      const count = values.count === undefined ? 4 : Number(values.count);
      if (!Number.isInteger(count) || count < 1 || count > MAX_SLIPS_PER_VILLAGE) throw new ArgsError(t.badCount(MAX_SLIPS_PER_VILLAGE));
      const webUrl = values.url ?? ctx.config.publicUrl;
      if (!webUrl) {
        ctx.err(viAdmin.places.postersNeedUrl);
        return 2;
      }
      try {
        new URL(webUrl);
      } catch {
        throw new ArgsError(cli.places.badUrl(webUrl));
      }
      const commune = await communeByCode(ctx, values.commune);
      if (!commune) return 1;
      const villages = values.village ? commune.villages.filter((v) => v.code === values.village!.toUpperCase()) : commune.villages;
      if (villages.length === 0) {
        ctx.err(values.village ? t.villageUnknown(values.village.toUpperCase(), commune.name) : viAdmin.places.noVillages(commune.name));
        return 1;
      }
      const issued = await issueSlips(ctx.db, ctx.keys, { communeId: commune.id, villageIds: villages.map((v) => v.id), perVillage: count, now: ctx.now() });
      const names = new Map(villages.map((v) => [v.id, v.name]));
      const html = renderSlips({
        commune: { name: commune.name, hotline: commune.hotline, isSample: commune.isSample },
        province: commune.province.name,
        slips: issued.map((s) => ({ village: s.villageId !== null ? (names.get(s.villageId) ?? null) : null, code: s.code })),
        webUrl,
      });
      ctx.files.write(values.out, html, { privateFile: true });
      ctx.out(t.slipsWritten(issued.length, villages.length, values.out));
      return 0;
    },
  },
  {
    name: "register",
    usage: t.registerUsage,
    summary: t.registerSummary,
    async run(ctx, args) {
      const { values, positionals } = parseCommandArgs(args, {
        commune: { type: "string" },
        month: { type: "string" },
        from: { type: "string" },
        to: { type: "string" },
        status: { type: "string" },
        category: { type: "string" },
        village: { type: "string" },
        source: { type: "string" },
        officer: { type: "string" },
        out: { type: "string" },
      });
      if (positionals.length > 0) throw new ArgsError(cli.extra(String(positionals[0])));
      if (!values.out) throw new ArgsError(t.missing("--out"));
      const range = period(values);
      const commune = await communeByCode(ctx, values.commune);
      if (!commune) return 1;
      const filter: RegisterFilter = {};
      const filters: string[] = [];
      for (const flag of ["status", "category", "village", "source"] as const) {
        const value = values[flag];
        if (value === undefined) continue;
        const before = JSON.stringify(filter);
        const described = await addFilterWord(ctx.db, commune.id, filter, value);
        // Each flag must set its own kind of filter: "--status hotline" is no status.
        const key = flag === "status" ? "statuses" : flag === "village" ? "villageId" : flag;
        if (!described || JSON.stringify(filter) === before || !(key in filter)) throw new ArgsError(t.badFilter(`--${flag}`, value));
        filters.push(described);
      }
      if (values.officer !== undefined) {
        // An officer of the commune by their staff id or their exact display name (/toi shows both).
        const wanted = values.officer.trim();
        const officer = (await registerOfficers(ctx.db, commune.id)).find((o) => String(o.id) === wanted || o.displayName === wanted);
        if (!officer) throw new ArgsError(t.badFilter("--officer", wanted));
        filter.officerStaffId = officer.id;
        filters.push(viIntake.register.mine(officer.displayName));
      }
      const render = ctx.renderers?.register;
      if (!render) {
        ctx.err(cli.compliance.registerNeedsNode);
        return 1;
      }
      const now = ctx.now();
      const rows = await registerRows(ctx.db, commune.id, range, filter, now);
      const periodText = viIntake.register.periodText(formatDateVN(range.from), formatDateVN(new Date(range.to.getTime() - DAY_MS)));
      ctx.files.write(values.out, await render({ communeName: commune.name, periodText, filters, generatedAt: now }, rows));
      ctx.out(t.registerWritten(rows.length, values.out));
      return 0;
    },
  },
];
