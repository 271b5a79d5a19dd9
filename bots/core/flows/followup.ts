// A tipster back with their receipt code: typing the code, reading the tip, adding to it.
import { z } from "zod";
import { continueFollowUp, openWithCode } from "../followup.js";
import { defineFlow } from "../registry.js";
import { IDLE, type State } from "../state.js";
import { mainMenu } from "../turn.js";

type FollowUpState = Extract<State, { step: "followup_code" | "followup" | "followup_add" }>;

const tipId = z.number().int().positive();
const schema: z.ZodType<FollowUpState> = z.discriminatedUnion("step", [
  z.object({ step: z.literal("followup_code") }),
  z.object({ step: z.literal("followup"), tipId }),
  z.object({ step: z.literal("followup_add"), tipId, pendingLocation: z.object({ latitude: z.number(), longitude: z.number() }).optional() }),
]);

export default defineFlow<FollowUpState>({
  id: "followup",
  steps: ["followup_code", "followup", "followup_add"],
  version: 1,
  schema,
  continue(turn, state) {
    if (state.step === "followup_code") {
      const { content } = turn.incoming;
      if (content.kind === "text") return openWithCode(turn, content.text);
      turn.reply(turn.t.citizen.followUp.askCode);
      return;
    }
    return continueFollowUp(turn, state.tipId, state.step === "followup_add");
  },
  cancel(turn, state) {
    turn.state = IDLE;
    turn.reply(state.step === "followup_add" ? turn.t.citizen.followUp.addingStopped : turn.t.citizen.followUp.codeCancelled, mainMenu(turn.t));
  },
});
