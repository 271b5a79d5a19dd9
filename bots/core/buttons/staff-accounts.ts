// Staff buttons about where alerts go: the commune's alert groups (/nhomcanhbao), the account that
// gets an officer's alerts (/kenhcanhbao) and the Zalo reminder's "OK".
import { alertChannel, alertGroup, reminder } from "../../../src/messaging/buttons.js";
import { groupButton, toGroupButton } from "../alert-groups.js";
import { defineButton } from "../registry.js";
import { reminderAnswered, setAlertChannel } from "../staffchannels.js";

export const alertGroupButton = defineButton({
  codec: alertGroup,
  for: "staff",
  run: (turn, value, staff) => groupButton(turn, staff, toGroupButton(value)),
  forged: (turn) => turn.reply(turn.t.staff.groups.notFound),
});

export const alertChannelButton = defineButton({
  codec: alertChannel,
  for: "staff",
  run: (turn, choice, staff) => setAlertChannel(turn, staff, choice),
  // An account id that does not parse gets the list of accounts again.
  forged: (turn, staff) => setAlertChannel(turn, staff, null),
});

export const reminderButton = defineButton({
  codec: reminder,
  for: "anyone",
  run: (turn) => reminderAnswered(turn),
});
