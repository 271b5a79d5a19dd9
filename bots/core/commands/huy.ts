// /huy: leave whatever is under way (the same as the Hủy button).
import { viCommands } from "../../../src/i18n/vi-commands.js";
import { cancelFlow } from "../flows/index.js";
import { defineCommand, inLocale } from "../registry.js";
import { viCommandWords } from "../../../src/i18n/vi-command-words.js";

export default defineCommand({
  names: viCommandWords.huy,
  for: "anyone",
  inGroups: "run",
  help: [{ section: "citizen", shownTo: "everyone", lines: inLocale((t) => t.commands.cancel.help) }],
  menu: viCommands.cancel.menu,
  run: (turn) => cancelFlow(turn),
});
