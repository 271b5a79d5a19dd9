// /dangky <mã mời>: a staff member redeems an invitation.
import { defineCommand } from "../registry.js";
import { register } from "../staff.js";
import { viCommandWords } from "../../../src/i18n/vi-command-words.js";

export default defineCommand({
  names: viCommandWords.dangky,
  for: "anyone",
  inGroups: "run",
  run: (turn, args) => register(turn, args),
});
