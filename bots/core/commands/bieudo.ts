// /bieudo [mã xã] [tháng]: the six-month chart.
import { viCommands } from "../../../src/i18n/vi-commands.js";
import { statsReader } from "../help-lines.js";
import { defineCommand } from "../registry.js";
import { sendChart } from "../stats.js";
import { viCommandWords } from "../../../src/i18n/vi-command-words.js";

const t = viCommands.chart;

export default defineCommand({
  names: viCommandWords.bieudo,
  for: "staff",
  inGroups: "run",
  help: [{ section: "compliance", shownTo: "stats.read", lines: ({ staff }) => (statsReader(staff) === "above" ? t.admin : t.commune) }],
  menu: t.menu,
  run: (turn, args, staff) => sendChart(turn, staff, args),
});
