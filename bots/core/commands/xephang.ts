// /xephang [mã tỉnh] [tháng]: the province's communes ranked by criteria met.
import { viCommands } from "../../../src/i18n/vi-commands.js";
import { statsReader } from "../help-lines.js";
import { defineCommand } from "../registry.js";
import { showRanking } from "../stats.js";
import { viCommandWords } from "../../../src/i18n/vi-command-words.js";

export default defineCommand({
  names: viCommandWords.xephang,
  for: "staff",
  inGroups: "run",
  help: [{ section: "compliance", shownTo: "ranking.read", lines: ({ staff }) => (statsReader(staff) === "above" ? viCommands.ranking.help : null) }],
  menu: viCommands.ranking.menu,
  run: (turn, args, staff) => showRanking(turn, staff, args),
});
