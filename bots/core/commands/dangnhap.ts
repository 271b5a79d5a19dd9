// /dangnhap: a one-time link to the staff console in the browser (src/console), sent only in a
// private chat. The token is made and stored (as a keyed hash) by src/staff/console-sessions.ts.
import { defineCommand } from "../registry.js";
import { viCommandWords } from "../../../src/i18n/vi-command-words.js";
import { viConsole } from "../../../src/i18n/vi-console.js";
import { consoleSignInUrl, createSignInToken } from "../../../src/staff/console-sessions.js";

export default defineCommand({
  names: viCommandWords.dangnhap,
  for: "staff",
  // A link in a group would let every member sign in as this officer.
  inGroups: "private_only",
  help: [{ section: "accounts", shownTo: "staff", lines: viConsole.command.help }],
  menu: viConsole.command.menu,
  async run(turn, _args, staff) {
    const made = await createSignInToken(turn.deps.db, turn.deps.keys, staff, turn.now());
    if (!made.ok) {
      turn.reply(made.reason === "rate_limited" ? turn.t.console.command.rateLimited : turn.t.staff.desk.notStaff);
      return;
    }
    turn.deps.log.info("console.signin_link", { staffId: staff.id });
    turn.replies.push({ text: turn.t.console.command.link(consoleSignInUrl(turn.deps.settings.publicUrl, made.token), made.minutes), protect: true });
  },
});
