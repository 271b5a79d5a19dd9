// Buttons on tips: an officer's actions and "Xem" in a list, and the tipster's "Trả lời cán bộ".
// A stale or forged one is "not found", never read as another kind.
import { tipAction, tipAssign, tipMark, tipReply, tipView } from "../../../src/messaging/buttons.js";
import { openFromQuestion } from "../followup.js";
import { defineButton } from "../registry.js";
import type { Messages } from "../../../src/i18n/messages.js";
import { tipButton } from "../staff.js";
import { assignButton, viewTip } from "../case.js";
import { markButton } from "../marks.js";

/** A stale or forged tip button (here and in the held queue): one answer. */
export const notFound = (turn: { reply(text: string): void; t: Messages }) => turn.reply(turn.t.staff.desk.tipNotFound);

export const tipActionButton = defineButton({
  codec: tipAction,
  for: "staff",
  run: (turn, { tipId, action }, staff) => tipButton(turn, staff, tipId, action),
  forged: notFound,
});

export const tipViewButton = defineButton({
  codec: tipView,
  for: "staff",
  run: (turn, tipId, staff) => viewTip(turn, staff, tipId),
  forged: notFound,
});

/** An officer chosen to take over a tip ("Giao cán bộ khác"). */
export const tipAssignButton = defineButton({
  codec: tipAssign,
  for: "staff",
  run: (turn, { tipId, staffId }, staff) => assignButton(turn, staff, tipId, staffId),
  forged: notFound,
});

export const tipReplyButton = defineButton({
  codec: tipReply,
  for: "anyone",
  run: (turn, tipId) => openFromQuestion(turn, tipId),
  forged: notFound,
});

/** "Trùng tin", "Tin rác", "Không phải tin rác" under a tip's view (bots/core/marks.ts). */
export const tipMarkButton = defineButton({
  codec: tipMark,
  for: "staff",
  run: (turn, { tipId, mark }, staff) => markButton(turn, staff, tipId, mark),
  forged: notFound,
});
