// /capnhat [mã thôn] [tháng]: enter or correct a village's monthly figures; for a reporting unit's
// member, /capnhat [tháng]: their unit's (unit-figures-form.ts).
import { viCommands } from "../../../src/i18n/vi-commands.js";
import { startFigures } from "../figures-form.js";
import { startUnitFigures } from "../unit-figures-form.js";
import { viUnits } from "../../../src/i18n/vi-units.js";
import { statsReader } from "../help-lines.js";
import { defineCommand } from "../registry.js";
import { viCommandWords } from "../../../src/i18n/vi-command-words.js";

const t = viCommands.figures;

export default defineCommand({
  names: viCommandWords.capnhat,
  for: "staff",
  inGroups: "run",
  help: [
    { section: "compliance", shownTo: "figures.write", lines: ({ staff }) => ({ village: t.village, commune: t.commune, above: null })[statsReader(staff)] },
    { section: "compliance", shownTo: "unitfigures.write", lines: viUnits.commands.figures },
  ],
  menu: t.menu,
  run: (turn, args, staff) => (staff.role === "reporting_unit" ? startUnitFigures(turn, staff, args) : startFigures(turn, staff, args)),
});
