// /quaylai: one step back (the same as the Quay lại button).
import { viCommands } from "../../../src/i18n/vi-commands.js";
import { backFlow } from "../flows/index.js";
import { defineCommand, inLocale } from "../registry.js";
import { viCommandWords } from "../../../src/i18n/vi-command-words.js";

export default defineCommand({
  names: viCommandWords.quaylai,
  for: "anyone",
  inGroups: "run",
  help: [{ section: "citizen", shownTo: "everyone", lines: inLocale((t) => t.commands.back.help) }],
  menu: viCommands.back.menu,
  run: (turn) => backFlow(turn),
});
