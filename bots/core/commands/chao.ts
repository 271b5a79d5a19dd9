// A Zalo follow arrives as /chao: greet with what the bot can do.
import { defineCommand } from "../registry.js";
import { mainMenu } from "../turn.js";
import { viCommandWords } from "../../../src/i18n/vi-command-words.js";

export default defineCommand({
  names: viCommandWords.chao,
  for: "anyone",
  inGroups: "silent",
  run(turn) {
    turn.reply(turn.t.zalo.follow.hello);
    turn.reply(turn.t.citizen.welcome, mainMenu(turn.t));
  },
});
