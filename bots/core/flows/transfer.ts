// Sending a tip on (issue 12): another commune or a police unit → which → the reason → confirm.
import { z } from "zod";
import { defineFlow } from "../registry.js";
import { TRANSFER_STEPS, type TransferState } from "../transfer-state.js";
import { backTransfer, cancelTransfer, continueTransfer, repromptTransfer } from "../transfer.js";

const schema: z.ZodType<TransferState> = z.object({
  step: z.enum(TRANSFER_STEPS),
  tipId: z.number().int().positive(),
  pick: z.object({
    toCommuneId: z.number().int().positive().optional(),
    unit: z.string().regex(/^[a-z0-9_]{2,24}$/).optional(),
    reason: z.string().max(500).optional(),
  }),
});

export default defineFlow<TransferState>({
  id: "transfer",
  steps: TRANSFER_STEPS,
  version: 1,
  schema,
  staffOnly: true,
  // "Chuyển" may be pressed in the commune's alert group: the officer's next message there continues.
  inGroups: true,
  continue: (turn, state, staff) => continueTransfer(turn, state, staff),
  cancel: (turn) => cancelTransfer(turn),
  back: (turn, state) => backTransfer(turn, state),
  expiredNotice: (_settings, t) => t.transfer.flow.expired,
  reprompt: (turn, state) => repromptTransfer(turn, state),
});
