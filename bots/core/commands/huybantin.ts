// /huybantin: stop the bulletins.
import { viCommands } from "../../../src/i18n/vi-commands.js";
import { defineCommand, inLocale } from "../registry.js";
import { stopSubscription } from "../subscribe.js";
import { viCommandWords } from "../../../src/i18n/vi-command-words.js";

export default defineCommand({
  names: viCommandWords.huybantin,
  for: "anyone",
  inGroups: "run",
  help: [{ section: "citizen", shownTo: "everyone", lines: inLocale((t) => t.commands.unsubscribe.help) }],
  menu: viCommands.unsubscribe.menu,
  run: (turn) => stopSubscription(turn),
});
