// /toi: the staff member's role and scope.
import { viCommands } from "../../../src/i18n/vi-commands.js";
import { defineCommand } from "../registry.js";
import { whoAmI } from "../staff.js";
import { viCommandWords } from "../../../src/i18n/vi-command-words.js";

export default defineCommand({
  names: viCommandWords.toi,
  for: "staff",
  inGroups: "run",
  help: [{ section: "accounts", shownTo: "staff", lines: viCommands.whoAmI.help }],
  menu: viCommands.whoAmI.menu,
  run: (turn, _args, staff) => whoAmI(turn, staff),
});
