// /nhaptin: enter a tip received by phone, tip box, in person or from another agency.
import { viIntake } from "../../../src/i18n/vi-intake.js";
import { startIntake } from "../intake.js";
import { defineCommand } from "../registry.js";
import { viCommandWords } from "../../../src/i18n/vi-command-words.js";

export default defineCommand({
  names: viCommandWords.nhaptin,
  for: "staff",
  inGroups: "private_only",
  help: [{ section: "tips", shownTo: "tip.handle", lines: viIntake.commands.enter.help }],
  menu: viIntake.commands.enter.menu,
  run: (turn, _args, staff) => startIntake(turn, staff),
});
