// /thongke [mã xã] [mã thôn] [tháng]: a summary of the commune's or a village's figures.
import { viCommands } from "../../../src/i18n/vi-commands.js";
import { statsReader } from "../help-lines.js";
import { defineCommand } from "../registry.js";
import { showSummary } from "../stats.js";
import { viUnits } from "../../../src/i18n/vi-units.js";
import { viCommandWords } from "../../../src/i18n/vi-command-words.js";

const t = viCommands.summary;

export default defineCommand({
  names: viCommandWords.thongke,
  for: "staff",
  inGroups: "run",
  help: [
    { section: "compliance", shownTo: "stats.village", lines: ({ staff }) => ({ village: t.village, commune: t.commune, above: t.admin })[statsReader(staff)] },
    { section: "compliance", shownTo: "unitfigures.write", lines: viUnits.commands.summary },
  ],
  menu: t.menu,
  run: (turn, args, staff) => showSummary(turn, staff, args),
});
