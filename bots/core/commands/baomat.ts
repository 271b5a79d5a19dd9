// /baomat: what is protected and what is not.
import { viCommands } from "../../../src/i18n/vi-commands.js";
import { defineCommand } from "../registry.js";

export default defineCommand({
  names: ["baomat"],
  for: "anyone",
  inGroups: "run",
  help: [{ section: "citizen", shownTo: "everyone", lines: viCommands.privacy.help }],
  menu: viCommands.privacy.menu,
  run: (turn) => turn.reply(turn.t.citizen.privacy),
});
