// /bantin [ngôn ngữ | ds]: the latest bulletin, for subscribers, village heads and reviewers.
import { viCommands } from "../../../src/i18n/vi-commands.js";
import { readBulletin } from "../bulletins.js";
import { defineCommand, inLocale } from "../registry.js";
import { viCommandWords } from "../../../src/i18n/vi-command-words.js";

const t = viCommands.bulletin;

export default defineCommand({
  names: viCommandWords.bantin,
  for: "anyone",
  inGroups: "run",
  help: [
    { section: "citizen", shownTo: "everyone", lines: inLocale((m) => m.commands.bulletin.help) },
    { section: "bulletins", shownTo: "bulletin.confirm", lines: t.village },
    { section: "bulletins", shownTo: "bulletin.approve", lines: t.reviewer },
  ],
  menu: t.menu,
  run: (turn, args) => readBulletin(turn, args),
});
