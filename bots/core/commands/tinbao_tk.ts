// /tinbao_tk [mã xã] [tháng]: tip statistics (counts and times, never contents).
import { viCommands } from "../../../src/i18n/vi-commands.js";
import { statsReader } from "../help-lines.js";
import { defineCommand } from "../registry.js";
import { showTipStats } from "../stats.js";
import { viCommandWords } from "../../../src/i18n/vi-command-words.js";

const t = viCommands.tipStats;

export default defineCommand({
  names: viCommandWords.tinbao_tk,
  for: "staff",
  inGroups: "run",
  help: [{ section: "compliance", shownTo: "tipstats.read", lines: ({ staff }) => (statsReader(staff) === "above" ? t.admin : t.commune) }],
  menu: t.menu,
  run: (turn, args, staff) => showTipStats(turn, staff, args),
});
