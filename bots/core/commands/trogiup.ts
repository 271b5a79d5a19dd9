// /trogiup: the help text for this person's role.
import { viCommands } from "../../../src/i18n/vi-commands.js";
import { defineCommand, inLocale } from "../registry.js";
import { viCommandWords } from "../../../src/i18n/vi-command-words.js";

export default defineCommand({
  names: viCommandWords.trogiup,
  for: "anyone",
  inGroups: "run",
  help: [{ section: "citizen", shownTo: "everyone", lines: inLocale((t) => t.commands.help.help) }],
  menu: viCommands.help.menu,
  run: (turn) => turn.reply(turn.helpText()),
});
