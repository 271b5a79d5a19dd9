// /togiac: straight into a new tip, without the welcome.
import { defineCommand } from "../registry.js";
import { startTipOff } from "../tipoff.js";
import { viCommandWords } from "../../../src/i18n/vi-command-words.js";

export default defineCommand({
  names: viCommandWords.togiac,
  for: "anyone",
  inGroups: "private_only",
  run: (turn) => startTipOff(turn),
});
