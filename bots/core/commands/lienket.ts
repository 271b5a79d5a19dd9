// /lienket [mã]: link a staff member's account on another messenger (a code from one, sent on the other).
import { viCommands } from "../../../src/i18n/vi-commands.js";
import { defineCommand } from "../registry.js";
import { linkCommand } from "../staffchannels.js";
import { viCommandWords } from "../../../src/i18n/vi-command-words.js";

export default defineCommand({
  names: viCommandWords.lienket,
  // The account being linked is not staff yet: the code decides.
  for: "anyone",
  inGroups: "run",
  help: [{ section: "accounts", shownTo: "staff", notOn: ["web"], lines: viCommands.link.help }],
  menu: viCommands.link.menu,
  run: (turn, args) => linkCommand(turn, turn.staff, args),
});
