// /ngonngu [mã thôn] <ngôn ngữ,…>: the languages of the commune's or a village's bulletins.
import { viCommands } from "../../../src/i18n/vi-commands.js";
import { manageLanguages } from "../bulletins.js";
import { defineCommand } from "../registry.js";
import { viCommandWords } from "../../../src/i18n/vi-command-words.js";

export default defineCommand({
  names: viCommandWords.ngonngu,
  for: "staff",
  inGroups: "run",
  help: [{ section: "bulletins", shownTo: "bulletin.configure", lines: viCommands.languages.help }],
  menu: viCommands.languages.menu,
  run: (turn, args, staff) => manageLanguages(turn, staff, args),
});
