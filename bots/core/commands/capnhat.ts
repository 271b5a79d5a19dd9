// /capnhat [mã thôn] [tháng]: enter or correct a village's monthly figures.
import { viCommands } from "../../../src/i18n/vi-commands.js";
import { startFigures } from "../figures-form.js";
import { statsReader } from "../help-lines.js";
import { defineCommand } from "../registry.js";
import { viCommandWords } from "../../../src/i18n/vi-command-words.js";

const t = viCommands.figures;

export default defineCommand({
  names: viCommandWords.capnhat,
  for: "staff",
  inGroups: "run",
  help: [{ section: "compliance", shownTo: "figures.write", lines: ({ staff }) => ({ village: t.village, commune: t.commune, above: null })[statsReader(staff)] }],
  menu: t.menu,
  run: (turn, args, staff) => startFigures(turn, staff, args),
});
