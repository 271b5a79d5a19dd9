// /nhomcanhbao: in a group, register it for the commune's alerts; in private, list and remove groups.
import { viCommands } from "../../../src/i18n/vi-commands.js";
import { alertGroupCommand } from "../alert-groups.js";
import { defineCommand } from "../registry.js";
import { viCommandWords } from "../../../src/i18n/vi-command-words.js";

export default defineCommand({
  names: viCommandWords.nhomcanhbao,
  for: "staff",
  inGroups: "run",
  help: [{ section: "tips", shownTo: "alertgroup.list", notOn: ["web"], lines: viCommands.alertGroups.help }],
  menu: viCommands.alertGroups.menu,
  run: (turn, args, staff) => alertGroupCommand(turn, staff, args),
});
