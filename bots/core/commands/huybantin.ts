// /huybantin: stop the bulletins.
import { viCommands } from "../../../src/i18n/vi-commands.js";
import { defineCommand } from "../registry.js";
import { stopSubscription } from "../subscribe.js";

export default defineCommand({
  names: ["huybantin"],
  for: "anyone",
  inGroups: "run",
  help: [{ section: "citizen", shownTo: "everyone", lines: viCommands.unsubscribe.help }],
  menu: viCommands.unsubscribe.menu,
  run: (turn) => stopSubscription(turn),
});
