// Admin commands for places: import provinces → communes → villages from CSV, list them, print their
// posters (HTML to print from a browser, or with --pdf the PDF the console downloads).
import { posterPages, renderPosters, type PosterInput } from "../../places/poster.js";
import { renderPostersPdf } from "../../places/poster-pdf.js";
import { posterLanguagePages } from "../../bulletins/poster-text.js";
import { readPoliceContacts } from "../../places/police-contacts.js";
import { importPlacesCsv, PLACES_EXAMPLE_ROW, PLACES_HEADER, PLACES_OPTIONAL, PlacesCsvError } from "../../places/import.js";
import { viAdmin } from "../../i18n/vi-admin.js";
import { ArgsError, parseCommandArgs } from "../args.js";
import type { AdminCommand } from "../types.js";
import { messagesFor } from "../../i18n/messages.js";

const cli = messagesFor("vi").cli;

const t = viAdmin.places;

export const placesCommands: AdminCommand[] = [
  {
    name: "import-places",
    usage: cli.places.importUsage,
    summary: t.importSummary,
    async run(ctx, args) {
      const { positionals, values } = parseCommandArgs(args, { sample: { type: "boolean" }, template: { type: "string" } });
      if (values.template !== undefined) {
        if (positionals.length > 0 || values.sample) throw new ArgsError(cli.places.templateAlone);
        if (!ctx.files.write(values.template, `${[...PLACES_HEADER, ...PLACES_OPTIONAL].join(",")}\n`, { exclusive: true })) {
          ctx.err(t.templateExists(values.template));
          return 1;
        }
        ctx.out(t.templateWritten(values.template, PLACES_EXAMPLE_ROW));
        return 0;
      }
      const path = positionals[0];
      if (!path || positionals.length > 1) throw new ArgsError(cli.places.oneFile);
      const text = ctx.files.readText(path);
      if (text === null) {
        ctx.err(t.fileMissing(path));
        return 1;
      }
      let counts;
      try {
        counts = await importPlacesCsv(ctx.db, text, { isSample: values.sample ?? false });
      } catch (error) {
        if (!(error instanceof PlacesCsvError)) throw error;
        // What the file should look like, so the operator need not find prisma/seed/README.md.
        ctx.err(viAdmin.failed(error.message));
        ctx.err(t.expectedColumns(PLACES_HEADER.join(","), PLACES_OPTIONAL.join(", "), PLACES_EXAMPLE_ROW));
        return 1;
      }
      ctx.out(t.imported(counts.provinces, counts.communes, counts.villages));
      return 0;
    },
  },
  {
    name: "places",
    usage: cli.places.communeUsage,
    summary: t.listSummary,
    async run(ctx, args) {
      const { values, positionals } = parseCommandArgs(args, { commune: { type: "string" } });
      if (positionals.length > 0) throw new ArgsError(cli.extra(String(positionals[0])));
      if (values.commune) {
        const commune = await ctx.db.commune.findUnique({ where: { code: values.commune.toUpperCase() }, include: { villages: { orderBy: { code: "asc" } } } });
        if (!commune) {
          ctx.err(t.communeUnknown(values.commune));
          return 1;
        }
        for (const v of commune.villages) ctx.out(t.villageLine(v.code, v.name));
        return 0;
      }
      const communes = await ctx.db.commune.findMany({ include: { province: true, _count: { select: { villages: true } } }, orderBy: [{ province: { code: "asc" } }, { code: "asc" }] });
      if (communes.length === 0) ctx.out(t.noCommunes);
      for (const c of communes) ctx.out(t.communeLine(c.code, c.name, c.province.name, c._count.villages, c.hotline, c.isSample));
      return 0;
    },
  },
  {
    name: "posters",
    usage: cli.places.postersUsage,
    summary: t.postersSummary,
    async run(ctx, args) {
      const { values, positionals } = parseCommandArgs(args, {
        commune: { type: "string" },
        village: { type: "string" },
        out: { type: "string" },
        url: { type: "string" },
        telegram: { type: "string" },
        zalo: { type: "string" },
        pdf: { type: "boolean" },
      });
      if (positionals.length > 0) throw new ArgsError(cli.extra(String(positionals[0])));
      if (!values.commune) throw new ArgsError(cli.places.missing("--commune"));
      if (!values.out) throw new ArgsError(cli.places.missing("--out"));
      const commune = await ctx.db.commune.findUnique({
        where: { code: values.commune.toUpperCase() },
        include: { province: true, villages: { orderBy: { code: "asc" } } },
      });
      if (!commune) {
        ctx.err(t.communeUnknown(values.commune));
        return 1;
      }
      const villages = values.village ? commune.villages.filter((v) => v.code === values.village!.toUpperCase()) : commune.villages;
      if (villages.length === 0) {
        ctx.err(t.noVillages(commune.name));
        return 1;
      }
      // The admin command runs apart from the server: its PORT says nothing about where phones will reach it.
      const webUrl = values.url ?? ctx.config.publicUrl;
      if (!webUrl) {
        ctx.err(t.postersNeedUrl);
        return 2;
      }
      try {
        new URL(webUrl);
      } catch {
        throw new ArgsError(cli.places.badUrl(webUrl));
      }
      if (values.telegram && !/^[A-Za-z][A-Za-z0-9_]{3,31}$/.test(values.telegram.replace(/^@/, ""))) throw new ArgsError(cli.places.badTelegram);
      if (values.zalo && !/^https:\/\/(zalo\.me|oa\.zalo\.me)\//.test(values.zalo)) throw new ArgsError(cli.places.badZalo);
      const pages = await posterLanguagePages(ctx.db, commune, villages);
      const input: PosterInput = {
        commune: { name: commune.name, hotline: commune.hotline, isSample: commune.isSample, policeContacts: readPoliceContacts(commune.policeContacts) },
        province: commune.province.name,
        ...pages,
        webUrl,
        telegramBot: values.telegram?.replace(/^@/, ""),
        zaloUrl: values.zalo,
      };
      if (values.pdf) {
        // The console's "Tải PDF" file, from the same function.
        if (!ctx.posterFonts) {
          ctx.err(cli.places.pdfNeedsFonts);
          return 1;
        }
        const pdf = await renderPostersPdf(input, ctx.posterFonts());
        ctx.files.write(values.out, pdf.bytes);
        ctx.out(t.postersPdfWritten(villages.length, posterPages(input).length - pdf.omitted.length, values.out));
        const left = [...new Set(pdf.omitted.map((o) => o.label))];
        if (left.length > 0) ctx.err(t.postersPdfOmitted(left));
        return 0;
      }
      ctx.files.write(values.out, renderPosters(input));
      ctx.out(t.postersWritten(villages.length, values.out));
      return 0;
    },
  },
];
