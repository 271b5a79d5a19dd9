// /capnhat's form: a village's monthly figures, one question at a time, a summary, then save.
import { z } from "zod";
import { continueFigures, figuresBack, figuresCancel } from "../figures-form.js";
import type { FiguresState } from "../figures-state.js";
import { defineFlow } from "../registry.js";

const month = z.string().regex(/^\d{4}-\d{2}$/);
const id = z.number().int().positive();
const counts = z.record(z.string(), z.number());

const schema: z.ZodType<FiguresState> = z.discriminatedUnion("step", [
  z.object({
    step: z.literal("figures"),
    form: z.object({
      villageId: id,
      villageCode: z.string(),
      villageName: z.string(),
      communeId: id,
      month,
      basedOn: z.number().int().nonnegative(),
      values: counts,
      previous: counts,
      previousIsLastMonth: z.boolean(),
      lastMonth: counts,
      carried: z.array(z.string()),
      draft: z.object({ values: counts, index: z.number().int().nonnegative() }).optional(),
      index: z.number().int().nonnegative(),
      editing: z.boolean().optional(),
      picking: z.boolean().optional(),
    }),
  }),
  z.object({ step: z.literal("figures_village"), month, communeId: id }),
]);

export default defineFlow<FiguresState>({
  id: "figures",
  steps: ["figures", "figures_village"],
  // 2: the form keeps last month's values, the quarterly figures it carries and a draft on offer.
  version: 2,
  schema,
  continue: (turn, state) => continueFigures(turn, state),
  back: (turn, state) => figuresBack(turn, state),
  cancel: (turn, state) => figuresCancel(turn, state),
  expiredNotice: (_settings, t) => t.compliance.form.expired,
});
