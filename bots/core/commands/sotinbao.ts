// /sotinbao [period] [filters]: the tip register (sổ tiếp nhận, xử lý tin báo) as an Excel file.
import { viIntake } from "../../../src/i18n/vi-intake.js";
import { sendRegister } from "../register.js";
import { defineCommand } from "../registry.js";
import { viCommandWords } from "../../../src/i18n/vi-command-words.js";

export default defineCommand({
  names: viCommandWords.sotinbao,
  for: "staff",
  inGroups: "private_only",
  help: [{ section: "tips", shownTo: "tip.list", lines: viIntake.commands.register.help }],
  menu: viIntake.commands.register.menu,
  run: (turn, args, staff) => sendRegister(turn, staff, args),
});
