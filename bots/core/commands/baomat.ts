// /baomat: what is protected and what is not.
import { viCommands } from "../../../src/i18n/vi-commands.js";
import { defineCommand, inLocale } from "../registry.js";
import { viCommandWords } from "../../../src/i18n/vi-command-words.js";

export default defineCommand({
  names: viCommandWords.baomat,
  for: "anyone",
  inGroups: "run",
  help: [{ section: "citizen", shownTo: "everyone", lines: inLocale((t) => t.commands.privacy.help) }],
  menu: viCommands.privacy.menu,
  run: (turn) => turn.reply(turn.t.citizen.privacy),
});
