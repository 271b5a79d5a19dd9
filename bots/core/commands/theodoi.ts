// /theodoi [mã]: open a tip by its receipt code (asked for when not given).
import { normalizeReceiptCode } from "../../../src/crypto/receipt.js";
import { viCommands } from "../../../src/i18n/vi-commands.js";
import { askReceiptCode, openWithCode } from "../followup.js";
import { defineCommand } from "../registry.js";

export default defineCommand({
  names: ["theodoi"],
  for: "anyone",
  inGroups: "run",
  help: [{ section: "citizen", shownTo: "everyone", lines: viCommands.followUp.help }],
  menu: viCommands.followUp.menu,
  run(turn, args) {
    if (args && normalizeReceiptCode(args)) return openWithCode(turn, args);
    askReceiptCode(turn);
  },
});
