// An officer entering a tip that did not come by chat (/nhaptin): source → slip code → village →
// category → words → confirm.
import { z } from "zod";
import { defineFlow } from "../registry.js";
import { INTAKE_STEPS, type IntakeState } from "../intake-state.js";
import { cancelIntake, continueIntake, enterIntakeStep, intakeBack } from "../intake.js";

const schema: z.ZodType<IntakeState> = z.object({
  step: z.enum(INTAKE_STEPS),
  entry: z.object({
    source: z.string().max(16).optional(),
    slipId: z.number().int().positive().optional(),
    villageId: z.number().int().positive().nullable().optional(),
    villageFixed: z.boolean().optional(),
    category: z.string().max(32).optional(),
    text: z.string().optional(),
  }),
});

export default defineFlow<IntakeState>({
  id: "intake",
  steps: INTAKE_STEPS,
  version: 1,
  schema,
  staffOnly: true,
  continue: (turn, state, staff) => continueIntake(turn, staff, state.step, state.entry),
  back: (turn, state) => intakeBack(turn, state.step, state.entry),
  cancel: (turn) => cancelIntake(turn),
  expiredNotice: (settings, t) => t.intake.flow.expired(settings.draftTtlMinutes),
  reprompt(turn, state) {
    turn.reply(turn.t.intake.flow.useButtons);
    return enterIntakeStep(turn, state.step, state.entry);
  },
});
