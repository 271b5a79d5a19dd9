// An officer typing a question for a tipster (privately or in the alert group).
import { z } from "zod";
import { defineFlow } from "../registry.js";
import { continueAsk } from "../staff.js";
import { IDLE, type State } from "../state.js";

type AskState = Extract<State, { step: "ask" }>;

export default defineFlow<AskState>({
  id: "ask",
  steps: ["ask"],
  version: 1,
  schema: z.object({ step: z.literal("ask"), tipId: z.number().int().positive() }),
  staffOnly: true,
  inGroups: true,
  continue: (turn, state, staff) => continueAsk(turn, staff, state.tipId),
  cancel(turn) {
    turn.state = IDLE;
    turn.reply(turn.t.staff.desk.askCancelled);
  },
});
