// Admin commands of the compliance feature: import figures from CSV, check criteria files, write
// a commune's monthly report to disk.
import { monthOf, parseMonthArg } from "../../util/vietnam-time.js";
import { basename, join } from "node:path";
import type { AdminCommand } from "../types.js";
import { viCompliance as t } from "../../i18n/vi-compliance.js";
import { FiguresCsvError, importFigures, parseFiguresCsv } from "../../compliance/csv-import.js";
import { criteriaRegistry, CriteriaFileError, parseCriteriaSet, parseProvinceOverride, type CriteriaSet } from "../../compliance/criteria.js";
import { communeRef, defaultComplianceDeps } from "../../compliance/service.js";
import { buildPeriodReport } from "../../reports/model.js";
import { monthPeriod, parsePeriodArg } from "../../compliance/periods.js";
import { renderReportHtml } from "../../reports/html.js";
import { trendChartSvg } from "../../reports/chart.js";
import { messagesFor } from "../../i18n/messages.js";
import { findCommuneByCode } from "../../places/search.js";

const cli = messagesFor("vi").cli;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export const complianceCommands: AdminCommand[] = [
  {
    name: "figures-import",
    usage: cli.compliance.importUsage,
    summary: cli.compliance.importSummary,
    async run(ctx, args) {
      const path = args.find((a) => !a.startsWith("--"));
      if (!path) {
        ctx.err(t.cli.importUsage);
        return 2;
      }
      const text = ctx.files.readText(path);
      if (text === null) {
        ctx.err(t.cli.fileUnreadable(path));
        return 1;
      }
      try {
        const rows = await parseFiguresCsv(ctx.db, text);
        if (args.includes("--dry-run")) {
          ctx.out(t.cli.importChecked(rows.length));
          return 0;
        }
        const { saved, conflicts } = await importFigures(ctx.db, rows, ctx.now());
        ctx.out(t.cli.importDone(saved, conflicts));
        return conflicts > 0 ? 1 : 0;
      } catch (error) {
        if (error instanceof FiguresCsvError) {
          ctx.err(error.message);
          return 1;
        }
        throw error;
      }
    },
  },
  {
    name: "criteria-check",
    usage: cli.compliance.criteriaUsage,
    summary: cli.compliance.criteriaSummary,
    async run(ctx, args) {
      const path = args.find((a) => !a.startsWith("--"));
      try {
        const registry = criteriaRegistry();
        let sets: CriteriaSet[];
        if (!path) sets = [registry.default, ...registry.byProvince.values()];
        else {
          const text = ctx.files.readText(path);
          if (text === null) {
            ctx.err(t.cli.fileUnreadable(path));
            return 1;
          }
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            ctx.err(t.cli.notJson(path));
            return 1;
          }
          const file = basename(path);
          sets = [json && typeof json === "object" && "extends" in json ? parseProvinceOverride(file, json, registry.default) : parseCriteriaSet(file, json)];
        }
        for (const s of sets) ctx.out(t.cli.checkOk(s.name, s.criteria.length, s.province));
        return 0;
      } catch (error) {
        if (error instanceof CriteriaFileError) {
          ctx.err(error.message);
          return 1;
        }
        throw error;
      }
    },
  },
  {
    name: "compliance-report",
    usage: cli.compliance.reportUsage,
    summary: cli.compliance.reportSummary,
    async run(ctx, args) {
      const code = option(args, "--commune")?.toUpperCase();
      const monthText = option(args, "--month");
      const periodText = option(args, "--period");
      const month = monthText ? parseMonthArg(monthText) : monthOf(ctx.now());
      const dueDay = ctx.config.compliance.reportDueDay;
      const period = periodText ? parsePeriodArg(periodText, ctx.now(), dueDay) : month ? monthPeriod(month, dueDay) : null;
      if (!code || !period || (monthText && periodText)) {
        ctx.err(cli.compliance.reportHowTo);
        return 2;
      }
      const commune = await findCommuneByCode(ctx.db, code);
      const ref = commune ? await communeRef(ctx.db, commune.id) : null;
      if (!ref) {
        ctx.err(t.scope.unknownCommune(code));
        return 1;
      }
      const renderers = ctx.renderers;
      if (!renderers) {
        ctx.err(cli.compliance.reportNeedsNode);
        return 1;
      }
      const deps = defaultComplianceDeps({ renderers, ...ctx.config.compliance });
      const report = await buildPeriodReport(ctx.db, deps, ref, period, ctx.now());
      const svg = trendChartSvg(report.trend, `${period.kind === "month" ? t.report.chartTitle : report.periodLabel} — ${messagesFor("vi").data.commune(ref.name)}`);
      const png = await renderers.png(svg);
      const out = option(args, "--out") ?? ".";
      const stem = join(out, t.report.fileStem(ref.code, period.key));
      ctx.files.write(`${stem}.xlsx`, await renderers.xlsx(report, png));
      ctx.files.write(`${stem}.html`, renderReportHtml(report, svg));
      ctx.files.write(`${stem}.png`, png);
      for (const ext of ["xlsx", "html", "png"]) ctx.out(`${stem}.${ext}`);
      return 0;
    },
  },
];
