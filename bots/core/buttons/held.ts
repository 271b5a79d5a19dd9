// The held queue (/tinbao giu): the list, "release / dismiss up to here?" and the confirmation.
// The three kinds share the prefix "hq", so a forged one of any is "not found".
import { heldAsk, heldConfirm, heldList } from "../../../src/messaging/buttons.js";
import { confirmHeld, resolveHeldTips, showHeldTips } from "../held.js";
import { defineButton } from "../registry.js";
import type { Messages } from "../../../src/i18n/messages.js";

const notFound = (turn: { reply(text: string): void; t: Messages }) => turn.reply(turn.t.citizen.staff.tipNotFound);

export const heldListButton = defineButton({
  codec: heldList,
  for: "staff",
  run: (turn, _list, staff) => showHeldTips(turn, staff),
  forged: notFound,
});

export const heldAskButton = defineButton({
  codec: heldAsk,
  for: "staff",
  run: (turn, { decision, upToId }, staff) => confirmHeld(turn, staff, decision, upToId),
});

export const heldConfirmButton = defineButton({
  codec: heldConfirm,
  for: "staff",
  run: (turn, { decision, upToId }, staff) => resolveHeldTips(turn, staff, decision, upToId),
});
