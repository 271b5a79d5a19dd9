// /quaylai: one step back (the same as the Quay lại button).
import { viCommands } from "../../../src/i18n/vi-commands.js";
import { backFlow } from "../flows/index.js";
import { defineCommand } from "../registry.js";

export default defineCommand({
  names: ["quaylai"],
  for: "anyone",
  inGroups: "run",
  help: [{ section: "citizen", shownTo: "everyone", lines: viCommands.back.help }],
  menu: viCommands.back.menu,
  run: (turn) => backFlow(turn),
});
