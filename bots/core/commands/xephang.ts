// /xephang [mã tỉnh] [tháng]: the province's communes ranked by criteria met; for commune staff (or
// an admin naming a commune), the commune's villages with the praise and criticism lists.
import { viCommands } from "../../../src/i18n/vi-commands.js";
import { statsReader } from "../help-lines.js";
import { defineCommand } from "../registry.js";
import { showRanking } from "../stats.js";
import { viCommandWords } from "../../../src/i18n/vi-command-words.js";

export default defineCommand({
  names: viCommandWords.xephang,
  for: "staff",
  inGroups: "run",
  help: [{ section: "compliance", shownTo: "stats.read", lines: ({ staff }) => ({ village: null, commune: viCommands.ranking.villages, above: viCommands.ranking.help })[statsReader(staff)] }],
  menu: viCommands.ranking.menu,
  run: (turn, args, staff) => showRanking(turn, staff, args),
});
