// /baocao [mã xã] [tháng]: the monthly report files.
import { viCommands } from "../../../src/i18n/vi-commands.js";
import { statsReader } from "../help-lines.js";
import { defineCommand } from "../registry.js";
import { sendReport } from "../stats.js";
import { viCommandWords } from "../../../src/i18n/vi-command-words.js";

const t = viCommands.report;

export default defineCommand({
  names: viCommandWords.baocao,
  for: "staff",
  inGroups: "run",
  help: [{ section: "compliance", shownTo: "report.read", lines: ({ staff }) => (statsReader(staff) === "above" ? t.admin : t.commune) }],
  menu: t.menu,
  run: (turn, args, staff) => sendReport(turn, staff, args),
});
