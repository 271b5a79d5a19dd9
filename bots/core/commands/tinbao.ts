// /tinbao [bộ lọc | giu]: the commune's open tips, filtered; "giu": the tips held back in a flood.
import { viCommands } from "../../../src/i18n/vi-commands.js";
import { showHeldTips } from "../held.js";
import { defineCommand } from "../registry.js";
import { listCommuneTips } from "../staff.js";
import { viCommandWords } from "../../../src/i18n/vi-command-words.js";
import { viTransfer } from "../../../src/i18n/vi-transfer.js";

export default defineCommand({
  names: viCommandWords.tinbao,
  for: "staff",
  inGroups: "run",
  help: [{ section: "tips", shownTo: "tip.list", lines: [viCommands.tips.help, viCommands.tips.view, viTransfer.help] }],
  menu: viCommands.tips.menu,
  run(turn, args, staff) {
    if (args.trim().toLowerCase() === "giu") return showHeldTips(turn, staff);
    return listCommuneTips(turn, staff, args);
  },
});
