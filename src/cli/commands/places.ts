// Admin commands for places: import provinces → communes → villages from CSV, list them.
import { readFileSync } from "node:fs";
import { importPlacesCsv } from "../../places/import.js";
import { viAdmin } from "../../i18n/vi-admin.js";
import { ArgsError, parseCommandArgs } from "../args.js";
import type { AdminCommand } from "../types.js";

const t = viAdmin.places;

export const placesCommands: AdminCommand[] = [
  {
    name: "import-places",
    usage: "import-places <tệp.csv> [--sample]",
    summary: t.importSummary,
    async run(ctx, args) {
      const { positionals, values } = parseCommandArgs(args, { sample: { type: "boolean" } });
      const path = positionals[0];
      if (!path || positionals.length > 1) throw new ArgsError("cần đúng một tệp CSV");
      let text: string;
      try {
        text = readFileSync(path, "utf8");
      } catch {
        ctx.err(t.fileMissing(path));
        return 1;
      }
      const counts = await importPlacesCsv(ctx.db, text, { isSample: values.sample ?? false });
      ctx.out(t.imported(counts.provinces, counts.communes, counts.villages));
      return 0;
    },
  },
  {
    name: "places",
    usage: "places [--commune <MÃ XÃ>]",
    summary: t.listSummary,
    async run(ctx, args) {
      const { values, positionals } = parseCommandArgs(args, { commune: { type: "string" } });
      if (positionals.length > 0) throw new ArgsError(`thừa "${positionals[0]}"`);
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
];
