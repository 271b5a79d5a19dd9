// /xoadulieu: erase this chat's reply addresses, subscriptions, queued messages and the person's choices at once.
import { eraseSubscriptionsOfAddress } from "../../../src/bulletins/subscriptions.js";
import { viCommands } from "../../../src/i18n/vi-commands.js";
import { eraseMessagesToAddress } from "../../../src/outbox/erase.js";
import { forgetPreferences } from "../../../src/conversations/preferences.js";
import { eraseReplyAddresses } from "../../../src/tips/service.js";
import { defineCommand, inLocale } from "../registry.js";
import { IDLE } from "../state.js";
import { viCommandWords } from "../../../src/i18n/vi-command-words.js";

export default defineCommand({
  names: viCommandWords.xoadulieu,
  for: "anyone",
  inGroups: "run",
  help: [{ section: "citizen", shownTo: "everyone", lines: inLocale((t) => t.commands.erase.help) }],
  menu: viCommands.erase.menu,
  async run(turn) {
    const tag = turn.incoming.chat.tag;
    const erased = await eraseReplyAddresses(turn.deps, tag);
    const unsubscribed = await eraseSubscriptionsOfAddress(turn.deps.db, tag);
    await eraseMessagesToAddress(turn.deps.db, tag);
    await forgetPreferences(turn.deps.db, turn.incoming.sender);
    turn.state = IDLE;
    turn.reply(unsubscribed > 0 ? `${turn.t.citizen.erase.done(erased)}\n${turn.t.bulletins.subscribe.erased}` : turn.t.citizen.erase.done(erased));
  },
});
