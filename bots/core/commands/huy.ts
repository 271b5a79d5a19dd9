// /huy: leave whatever is under way (the same as the Hủy button).
import { viCommands } from "../../../src/i18n/vi-commands.js";
import { cancelFlow } from "../flows/index.js";
import { defineCommand } from "../registry.js";

export default defineCommand({
  names: ["huy", "cancel"],
  for: "anyone",
  inGroups: "run",
  help: [{ section: "citizen", shownTo: "everyone", lines: viCommands.cancel.help }],
  menu: viCommands.cancel.menu,
  run: (turn) => cancelFlow(turn),
});
