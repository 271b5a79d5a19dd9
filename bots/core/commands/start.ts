// /start: a new tip (with a village poster's code), or an invitation code for staff.
import { viCommands } from "../../../src/i18n/vi-commands.js";
import { defineCommand, inLocale } from "../registry.js";
import { register } from "../staff.js";
import { startTipOff } from "../tipoff.js";
import { viCommandWords } from "../../../src/i18n/vi-command-words.js";

const INVITE_PATTERN = /^MOI[-\s]?[A-Z0-9]{4}[-\s]?[A-Z0-9]{4}$/i;
const VILLAGE_CODE_PATTERN = /^[A-Za-z0-9-]{2,16}$/;

export default defineCommand({
  names: viCommandWords.start,
  for: "anyone",
  inGroups: "private_only",
  help: [{ section: "citizen", shownTo: "everyone", lines: inLocale((t) => t.commands.start.help) }],
  menu: viCommands.start.menu,
  run(turn, args) {
    if (INVITE_PATTERN.test(args)) return register(turn, args);
    turn.reply(turn.t.citizen.welcome);
    turn.reply(turn.t.citizen.falseReportNote);
    return startTipOff(turn, args && VILLAGE_CODE_PATTERN.test(args) ? args : undefined);
  },
});
