// /theodoi [mã]: open a tip by its receipt code (asked for when not given).
import { normalizeReceiptCode } from "../../../src/crypto/receipt.js";
import { viCommands } from "../../../src/i18n/vi-commands.js";
import { askReceiptCode, openWithCode } from "../followup.js";
import { defineCommand, inLocale } from "../registry.js";
import { viCommandWords } from "../../../src/i18n/vi-command-words.js";

export default defineCommand({
  names: viCommandWords.theodoi,
  for: "anyone",
  inGroups: "run",
  help: [{ section: "citizen", shownTo: "everyone", lines: inLocale((t) => t.commands.followUp.help) }],
  menu: viCommands.followUp.menu,
  run(turn, args) {
    if (args && normalizeReceiptCode(args)) return openWithCode(turn, args);
    askReceiptCode(turn);
  },
});
