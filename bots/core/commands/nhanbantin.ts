// /nhanbantin: subscribe to the commune's bulletins.
import { viCommands } from "../../../src/i18n/vi-commands.js";
import { defineCommand } from "../registry.js";
import { startSubscribe } from "../subscribe.js";

export default defineCommand({
  names: ["nhanbantin"],
  for: "anyone",
  inGroups: "run",
  help: [{ section: "citizen", shownTo: "everyone", lines: viCommands.subscribe.help }],
  menu: viCommands.subscribe.menu,
  run: (turn) => startSubscribe(turn),
});
