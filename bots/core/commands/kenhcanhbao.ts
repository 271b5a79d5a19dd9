// /kenhcanhbao: which linked account receives the tip alerts.
import { viCommands } from "../../../src/i18n/vi-commands.js";
import { defineCommand } from "../registry.js";
import { chooseAlertChannel } from "../staffchannels.js";
import { viCommandWords } from "../../../src/i18n/vi-command-words.js";

export default defineCommand({
  names: viCommandWords.kenhcanhbao,
  for: "staff",
  inGroups: "run",
  help: [{ section: "accounts", shownTo: "staff", notOn: ["web"], lines: viCommands.alertChannel.help }],
  menu: viCommands.alertChannel.menu,
  run: (turn, _args, staff) => chooseAlertChannel(turn, staff),
});
