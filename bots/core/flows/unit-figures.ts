// A reporting unit's /capnhat form: its monthly figures, one question at a time, a summary, then save.
import { z } from "zod";
import { continueUnitFigures, unitFiguresBack } from "../unit-figures-form.js";
import type { UnitFiguresState } from "../unit-figures-state.js";
import { defineFlow } from "../registry.js";
import { IDLE } from "../state.js";

const counts = z.record(z.string(), z.number());

const schema: z.ZodType<UnitFiguresState> = z.object({
  step: z.literal("unit_figures"),
  form: z.object({
    communeId: z.number().int().positive(),
    communeName: z.string(),
    unitKind: z.string(),
    month: z.string().regex(/^\d{4}-\d{2}$/),
    basedOn: z.number().int().nonnegative(),
    values: counts,
    previous: counts,
    previousIsLastMonth: z.boolean(),
    index: z.number().int().nonnegative(),
    editing: z.boolean().optional(),
    picking: z.boolean().optional(),
  }),
});

export default defineFlow<UnitFiguresState>({
  id: "unit_figures",
  steps: ["unit_figures"],
  version: 1,
  schema,
  staffOnly: true,
  continue: (turn, state, staff) => continueUnitFigures(turn, state, staff),
  back: (turn, state) => unitFiguresBack(turn, state),
  cancel(turn) {
    turn.state = IDLE;
    turn.reply(turn.t.compliance.form.cancelled);
  },
  expiredNotice: (_settings, t) => t.compliance.form.expired,
});
