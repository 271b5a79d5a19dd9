// The buttons under a bulletin sent to a school or a business: "Đã tuyên truyền", "Chưa tuyên truyền
// được" and its reasons (bots/core/audiences.ts; the domain checks whose audience it is).
import { audienceDone, audienceNotDone, audienceReason } from "../../../src/messaging/buttons.js";
import { defineButton } from "../registry.js";
import { askAudienceReason, audienceAnswer, chooseAudienceReason } from "../audiences.js";

export const audienceDoneButton = defineButton({ codec: audienceDone, for: "staff", run: (turn, deliveryId, staff) => audienceAnswer(turn, staff, deliveryId, "done") });

export const audienceNotDoneButton = defineButton({ codec: audienceNotDone, for: "staff", run: (turn, deliveryId, staff) => askAudienceReason(turn, staff, deliveryId) });

export const audienceReasonButton = defineButton({
  codec: audienceReason,
  for: "staff",
  run: (turn, { deliveryId, reason }, staff) => chooseAudienceReason(turn, staff, deliveryId, reason),
});
