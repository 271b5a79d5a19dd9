// /dich [ngonngu]: a translator's list of bulletins missing their language.
import { viCommands } from "../../../src/i18n/vi-commands.js";
import { defineCommand } from "../registry.js";
import { translatorMenu } from "../translations.js";
import { viCommandWords } from "../../../src/i18n/vi-command-words.js";

export default defineCommand({
  names: viCommandWords.dich,
  for: "staff",
  inGroups: "run",
  help: [{ section: "bulletins", shownTo: "bulletin.translate", lines: viCommands.translate.help }],
  menu: viCommands.translate.menu,
  run: (turn, args, staff) => translatorMenu(turn, staff, args),
});
