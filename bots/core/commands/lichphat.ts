// /lichphat [ngày giờ | tat | bat]: the commune's broadcast schedule.
import { viCommands } from "../../../src/i18n/vi-commands.js";
import { manageSchedule } from "../bulletins.js";
import { defineCommand } from "../registry.js";
import { viCommandWords } from "../../../src/i18n/vi-command-words.js";

export default defineCommand({
  names: viCommandWords.lichphat,
  for: "staff",
  inGroups: "run",
  help: [{ section: "bulletins", shownTo: "bulletin.configure", lines: viCommands.schedule.help }],
  menu: viCommands.schedule.menu,
  run: (turn, args, staff) => manageSchedule(turn, staff, args),
});
