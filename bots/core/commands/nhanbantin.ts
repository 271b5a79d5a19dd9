// /nhanbantin: subscribe to the commune's bulletins.
import { viCommands } from "../../../src/i18n/vi-commands.js";
import { defineCommand, inLocale } from "../registry.js";
import { startSubscribe } from "../subscribe.js";
import { viCommandWords } from "../../../src/i18n/vi-command-words.js";

export default defineCommand({
  names: viCommandWords.nhanbantin,
  for: "anyone",
  inGroups: "run",
  help: [{ section: "citizen", shownTo: "everyone", lines: inLocale((t) => t.commands.subscribe.help) }],
  menu: viCommands.subscribe.menu,
  run: (turn) => startSubscribe(turn),
});
