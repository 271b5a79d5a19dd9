// Admin commands for bulletins: schedules, languages, coverage, progress, the catalog, translators.
// The lead wires `bulletinsCommands` into src/cli/admin.ts.
import { findCommuneByCode, findVillageInCommune, listVillages } from "../../places/search.js";
import { monthOf, monthRangeVN } from "../../util/vietnam-time.js";
import { parseArgs, type ParseArgsConfig } from "@pkgjs/parseargs";
import { dayList, viBulletins } from "../../i18n/vi-bulletins.js";
import { catalog, syncCatalog } from "../../bulletins/catalog.js";
import { villageCoverage } from "../../bulletins/coverage.js";
import { BASE_LANGUAGE, communeLanguagesFrom, languageLabel, languages as registry, parseLanguageList, readLanguageList, setCommuneLanguages } from "../../bulletins/languages.js";
import { formatSlot } from "../../bulletins/messages.js";
import { progressText } from "../../bulletins/progress.js";
import { nextSlotAfter, parseScheduleSpec } from "../../bulletins/schedule.js";
import { communeSchedule, setSchedule } from "../../bulletins/slots.js";
import { setTranslatorLanguages } from "../../bulletins/translations.js";
import { reasonLabel } from "../../bulletins/reasons.js";
import type { AdminCommand, AdminContext } from "../types.js";
import { messagesFor } from "../../i18n/messages.js";

const cli = messagesFor("vi").cli;

const t = viBulletins;
const a = t.admin;

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Strict parsing; a mistake is printed with the usage and gives exit code 2. */
function parse(ctx: AdminContext, usage: string, args: string[], options: Options = {}) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    ctx.err(a.badArgs(usage, error instanceof Error ? error.message : String(error)));
    return null;
  }
}

async function communeByCode(ctx: AdminContext, code: string | undefined) {
  const commune = code ? await findCommuneByCode(ctx.db, code) : null;
  if (!commune) ctx.err(a.communeUnknown(code ?? ""));
  return commune;
}

const describe = (s: { days: number[]; times: string[] }) => t.schedule.describe(dayList(s.days), s.times.join(", "));
const labels = (codes: string[]) => codes.map(languageLabel).join(", ");

const SCHEDULE_USAGE = cli.bulletins.scheduleUsage;
const LANGUAGES_USAGE = cli.bulletins.languagesUsage;
const COVERAGE_USAGE = cli.bulletins.coverageUsage;
const PROGRESS_USAGE = cli.bulletins.progressUsage;
const CATALOG_USAGE = "[--sync]";
const TRANSLATOR_USAGE = cli.bulletins.translatorUsage;

export const bulletinsCommands: AdminCommand[] = [
  {
    name: "bulletin-schedule",
    usage: SCHEDULE_USAGE,
    summary: a.scheduleSummary,
    async run(ctx, args) {
      const parsed = parse(ctx, `bulletin-schedule ${SCHEDULE_USAGE}`, args);
      if (!parsed) return 2;
      const [code, ...rest] = parsed.positionals;
      const commune = await communeByCode(ctx, code);
      if (!commune) return 1;
      const now = ctx.now();
      const spec = rest.join(" ").trim();
      if (!spec) {
        const { schedule, enabled, repeatWithinDay } = await communeSchedule(ctx.db, commune.id);
        const next = enabled ? nextSlotAfter(schedule, now) : null;
        // The schedule, the re-airing and the next slot: not the chat's "how to change it" lines.
        ctx.out(t.schedule.current(commune.name, describe(schedule), enabled, next ? formatSlot(next) : null, repeatWithinDay).split("\n").slice(0, 3).join("\n"));
        return 0;
      }
      if (cli.bulletins.pause.includes(spec.toLowerCase()) || cli.bulletins.resume.includes(spec.toLowerCase())) {
        const enabled = cli.bulletins.resume.includes(spec.toLowerCase());
        const result = await setSchedule(ctx.db, commune.id, { enabled }, now);
        ctx.out(enabled ? t.schedule.resumed(commune.name, result.next ? formatSlot(result.next) : null) : t.schedule.paused(commune.name));
        return 0;
      }
      const schedule = parseScheduleSpec(spec);
      if (!schedule.ok) {
        ctx.err(schedule.error === "bad_word" ? t.schedule.badWord(schedule.word ?? "") : (t.schedule.errors[schedule.error] ?? "").replace(/\/lichphat/g, `npm run admin -- bulletin-schedule ${commune.code}`));
        return 2;
      }
      const result = await setSchedule(ctx.db, commune.id, { schedule: schedule.schedule, enabled: true }, now);
      ctx.out(t.schedule.changed(commune.name, describe(schedule.schedule), result.next ? formatSlot(result.next) : null));
      return 0;
    },
  },
  {
    name: "bulletin-languages",
    usage: LANGUAGES_USAGE,
    summary: a.languagesSummary,
    async run(ctx, args) {
      const parsed = parse(ctx, `bulletin-languages ${LANGUAGES_USAGE}`, args, { village: { type: "string" } });
      if (!parsed) return 2;
      const [code, ...rest] = parsed.positionals;
      const commune = await communeByCode(ctx, code);
      if (!commune) return 1;
      const listText = rest.join(" ").trim();
      if (parsed.values.village) {
        const village = await findVillageInCommune(ctx.db, commune.id, String(parsed.values.village));
        if (!village) {
          ctx.err(a.villageUnknown(String(parsed.values.village), commune.name));
          return 1;
        }
        if (!listText) {
          ctx.out(t.languages.villageLine(village.name, village.code, labels(parseLanguageList(village.languages ?? commune.languages))));
          return 0;
        }
        if (cli.bulletins.clear.includes(listText.toLowerCase())) {
          await ctx.db.village.update({ where: { id: village.id }, data: { languages: null } });
          ctx.out(t.languages.villageCleared(village.name, labels(parseLanguageList(commune.languages))));
          return 0;
        }
        const { codes, unknown } = readLanguageList(listText);
        if (unknown.length > 0 || codes.length === 0) {
          ctx.err(unknown.length ? t.languages.unknown(unknown.join(", "), registry.map((l) => l.code).join(", ")) : t.languages.empty);
          return 2;
        }
        await ctx.db.village.update({ where: { id: village.id }, data: { languages: codes.join(",") } });
        ctx.out(t.languages.villageSet(village.name, labels(codes)));
        return 0;
      }
      if (!listText) {
        ctx.out(`${commune.code}: ${labels(parseLanguageList(commune.languages))}`);
        for (const v of await listVillages(ctx.db, commune.id)) {
          if (v.languages) ctx.out(t.languages.villageLine(v.name, v.code, labels(parseLanguageList(v.languages))));
        }
        return 0;
      }
      // The rule (known words, Vietnamese always kept) is the domain's, as for the chat and the console.
      const read = communeLanguagesFrom(listText);
      if (!read.ok) {
        ctx.err(read.error === "unknown" ? t.languages.unknown(read.unknown.join(", "), registry.map((l) => l.code).join(", ")) : t.languages.empty);
        return 2;
      }
      await setCommuneLanguages(ctx.db, commune.id, read.codes.join(","));
      ctx.out(t.languages.communeSet(commune.name, labels(read.codes)));
      return 0;
    },
  },
  {
    name: "bulletin-coverage",
    usage: COVERAGE_USAGE,
    summary: a.coverageSummary,
    async run(ctx, args) {
      const parsed = parse(ctx, `bulletin-coverage ${COVERAGE_USAGE}`, args, { json: { type: "boolean" } });
      if (!parsed) return 2;
      const [code, monthArg] = parsed.positionals;
      const commune = await communeByCode(ctx, code);
      if (!commune) return 1;
      const month = monthArg ?? monthOf(ctx.now());
      if (!monthRangeVN(month)) {
        ctx.err(a.badArgs(`bulletin-coverage ${COVERAGE_USAGE}`, cli.bulletins.month(month)));
        return 2;
      }
      const cov = await villageCoverage(ctx.db, commune.id, month);
      if (parsed.values.json) {
        ctx.out(JSON.stringify({ commune: commune.code, month, ...cov }));
        return 0;
      }
      ctx.out(t.coverage.title(commune.name, `${month.slice(5)}/${month.slice(0, 4)}`));
      ctx.out(t.coverage.slots(cov.slots.aired, cov.slots.missed, cov.slots.empty));
      for (const v of cov.villages) {
        ctx.out(v.delivered === 0 && v.noHead > 0 ? t.coverage.noHead(v.name) : t.coverage.village(v.name, v.delivered, v.broadcast, v.notBroadcast, v.noAnswer));
        for (const [id, n] of Object.entries(v.reasons)) if (id !== "other") ctx.out(`   – ${reasonLabel(id)}: ${n}`);
        for (const text of v.otherReasons) ctx.out(`   – ${text}`);
      }
      ctx.out(t.coverage.reached(cov.villagesReached, cov.villages.length));
      return 0;
    },
  },
  {
    name: "bulletin-progress",
    usage: PROGRESS_USAGE,
    summary: a.progressSummary,
    async run(ctx, args) {
      const parsed = parse(ctx, `bulletin-progress ${PROGRESS_USAGE}`, args);
      if (!parsed) return 2;
      const commune = await communeByCode(ctx, parsed.positionals[0]);
      if (!commune) return 1;
      for (const line of (await progressText(ctx.db, commune.id, ctx.now(), { zaloDigest: ctx.config.zalo.kind === "on" && ctx.config.zalo.articleCoverUrl !== undefined })).split("\n")) ctx.out(line);
      return 0;
    },
  },
  {
    name: "bulletin-catalog",
    usage: CATALOG_USAGE,
    summary: a.catalogSummary,
    async run(ctx, args) {
      const parsed = parse(ctx, `bulletin-catalog ${CATALOG_USAGE}`, args, { sync: { type: "boolean" } });
      if (!parsed) return 2;
      if (parsed.values.sync) {
        const result = await syncCatalog(ctx.db, catalog, ctx.now());
        ctx.out(a.catalogSynced(result.items, result.retired));
      }
      // The shared catalog only: a commune's own bulletins (communeId set) are that commune's, not the file's.
      const items = await ctx.db.bulletinItem.findMany({ where: { retiredAt: null, communeId: null }, include: { versions: true }, orderBy: { position: "asc" } });
      for (const item of items) {
        const status = [...new Set(item.versions.map((v) => v.language))]
          .map((code) => {
            const approved = item.versions.some((v) => v.language === code && v.status === "approved");
            return `${code}${approved ? "✓" : "…"}`;
          })
          .join(" ");
        ctx.out(a.catalogLine(item.position, item.title, item.tags.replace(/,/g, ", "), status));
      }
      return 0;
    },
  },
  {
    name: "bulletin-translator",
    usage: TRANSLATOR_USAGE,
    summary: a.translatorSummary,
    async run(ctx, args) {
      const parsed = parse(ctx, `bulletin-translator ${TRANSLATOR_USAGE}`, args);
      if (!parsed) return 2;
      const [idText, ...rest] = parsed.positionals;
      const id = Number(idText);
      const staff = Number.isInteger(id) && id > 0 ? await ctx.db.staff.findUnique({ where: { id } }) : null;
      if (!staff || staff.role !== "translator" || !staff.active) {
        ctx.err(a.staffUnknown(idText ?? ""));
        return 1;
      }
      const { codes, unknown } = readLanguageList(rest.join(" "));
      if (unknown.length > 0 || codes.filter((c) => c !== BASE_LANGUAGE).length === 0) {
        ctx.err(unknown.length ? t.languages.unknown(unknown.join(", "), registry.map((l) => l.code).join(", ")) : t.languages.empty);
        return 2;
      }
      await setTranslatorLanguages(ctx.db, staff.id, codes, ctx.now());
      ctx.out(a.translatorSet(staff.displayName, labels(codes.filter((c) => c !== BASE_LANGUAGE))));
      return 0;
    },
  },
];
