// /tiendo [thang MM/YYYY]: bulletin fan-out progress and broadcast confirmations.
import { viCommands } from "../../../src/i18n/vi-commands.js";
import { showProgress } from "../bulletins.js";
import { defineCommand } from "../registry.js";
import { viCommandWords } from "../../../src/i18n/vi-command-words.js";

export default defineCommand({
  names: viCommandWords.tiendo,
  for: "staff",
  inGroups: "run",
  help: [{ section: "bulletins", shownTo: "bulletin.progress", lines: viCommands.progress.help }],
  menu: viCommands.progress.menu,
  run: (turn, args, staff) => showProgress(turn, staff, args),
});
