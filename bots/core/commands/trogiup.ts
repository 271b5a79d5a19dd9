// /trogiup: the help text for this person's role.
import { viCommands } from "../../../src/i18n/vi-commands.js";
import { defineCommand } from "../registry.js";

export default defineCommand({
  names: ["trogiup", "help"],
  for: "anyone",
  inGroups: "run",
  help: [{ section: "citizen", shownTo: "everyone", lines: viCommands.help.help }],
  menu: viCommands.help.menu,
  run: (turn) => turn.reply(turn.helpText()),
});
