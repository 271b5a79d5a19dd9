// /tieuchi [mã xã] [tháng]: the drug-free criteria checklist.
import { viCommands } from "../../../src/i18n/vi-commands.js";
import { statsReader } from "../help-lines.js";
import { defineCommand } from "../registry.js";
import { showCriteria } from "../stats.js";
import { viCommandWords } from "../../../src/i18n/vi-command-words.js";

const t = viCommands.criteria;

export default defineCommand({
  names: viCommandWords.tieuchi,
  for: "staff",
  inGroups: "run",
  help: [{ section: "compliance", shownTo: "stats.read", lines: ({ staff }) => (statsReader(staff) === "above" ? t.admin : t.commune) }],
  menu: t.menu,
  run: (turn, args, staff) => showCriteria(turn, staff, args),
});
