// "Chuyển" on a tip's view: starts sending it on (bots/core/transfer.ts). A stale or forged one is "not found".
import { tipTransfer } from "../../../src/messaging/buttons.js";
import { defineButton } from "../registry.js";
import { startTransfer } from "../transfer.js";
import { notFound } from "./tips.js";

export const tipTransferButton = defineButton({
  codec: tipTransfer,
  for: "staff",
  run: (turn, tipId, staff) => startTransfer(turn, staff, tipId),
  forged: notFound,
});
