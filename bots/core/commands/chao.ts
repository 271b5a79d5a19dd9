// A Zalo follow arrives as /chao: greet with what the bot can do.
import { vi } from "../../../src/i18n/vi.js";
import { viZalo } from "../../../src/i18n/vi-zalo.js";
import { defineCommand } from "../registry.js";
import { mainMenu } from "../turn.js";

export default defineCommand({
  names: ["chao"],
  for: "anyone",
  inGroups: "silent",
  run(turn) {
    turn.reply(viZalo.follow.hello);
    turn.reply(vi.welcome, mainMenu());
  },
});
