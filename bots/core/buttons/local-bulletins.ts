// The buttons of a commune's own bulletins that work from anywhere: "Duyệt" / "Trả lại" under a
// bulletin waiting for approval, and "Phát ngay" / "Phát ở buổi tới" once approved.
import { localAir, localReview } from "../../../src/messaging/buttons.js";
import { defineButton } from "../registry.js";
import { airLocal, reviewLocal, unknownLocal } from "../local-bulletins.js";

export const localReviewButton = defineButton({
  codec: localReview,
  for: "staff",
  run: (turn, { id, decision }, staff) => reviewLocal(turn, staff, id, decision),
  forged: (turn) => unknownLocal(turn),
});

export const localAirButton = defineButton({
  codec: localAir,
  for: "staff",
  run: (turn, { id, when }, staff) => airLocal(turn, staff, id, when),
  forged: (turn) => unknownLocal(turn),
});
