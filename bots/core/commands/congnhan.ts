// /congnhan [mã xã] [mã thôn] [tháng]: which villages qualify as "thôn, khu phố không ma túy", and why not.
import { viCommands } from "../../../src/i18n/vi-commands.js";
import { statsReader } from "../help-lines.js";
import { defineCommand } from "../registry.js";
import { showRecognition } from "../stats.js";
import { viCommandWords } from "../../../src/i18n/vi-command-words.js";

const t = viCommands.recognition;

export default defineCommand({
  names: viCommandWords.congnhan,
  for: "staff",
  inGroups: "run",
  help: [{ section: "compliance", shownTo: "stats.village", lines: ({ staff }) => ({ village: t.village, commune: t.commune, above: t.admin })[statsReader(staff)] }],
  menu: t.menu,
  run: (turn, args, staff) => showRecognition(turn, staff, args),
});
