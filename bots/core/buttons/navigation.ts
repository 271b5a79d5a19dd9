// Hủy and Quay lại under any question, and the citizen's main menu: they work whatever the
// conversation is doing, so a button pressed in an old message still means what it says.
import { menu, nav } from "../../../src/messaging/buttons.js";
import { backFlow, cancelFlow } from "../flows/index.js";
import { askReceiptCode } from "../followup.js";
import { defineButton } from "../registry.js";
import { startTipOff } from "../tipoff.js";

export const navigation = defineButton({
  codec: nav,
  for: "anyone",
  run: (turn, move) => (move === "cancel" ? cancelFlow(turn) : backFlow(turn)),
});

export const mainMenu = defineButton({
  codec: menu,
  for: "anyone",
  async run(turn, item) {
    switch (item) {
      case "report":
        if (turn.incoming.chat.isGroup) turn.reply(turn.t.citizen.flow.groupOnly);
        else await startTipOff(turn);
        return;
      case "followup":
        return askReceiptCode(turn);
      case "privacy":
        return turn.reply(turn.t.citizen.privacy);
      case "help":
        return turn.reply(turn.helpText());
    }
  },
});
