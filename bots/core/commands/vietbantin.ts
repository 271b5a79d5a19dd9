// /vietbantin (/soanbantin): an officer or leader writes the commune's own bulletin or urgent warning.
import { viLocalBulletins } from "../../../src/i18n/vi-local-bulletins.js";
import { viCommandWords } from "../../../src/i18n/vi-command-words.js";
import { defineCommand } from "../registry.js";
import { startLocal } from "../local-bulletins.js";

export default defineCommand({
  names: viCommandWords.vietbantin,
  for: "staff",
  inGroups: "private_only",
  help: [{ section: "bulletins", shownTo: "bulletin.write", lines: viLocalBulletins.commands.write.help }],
  menu: viLocalBulletins.commands.write.menu,
  run: (turn, _args, staff) => startLocal(turn, staff),
});
