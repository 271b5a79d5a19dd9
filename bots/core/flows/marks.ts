// Marking a tip (issue 12): typing the case number of the tip it duplicates, and confirming a spam
// mark or its undoing. Quay lại has no earlier step: it cancels, as Hủy.
import { z } from "zod";
import { cancelMark, continueMark } from "../marks.js";
import type { MarkState } from "../marks-state.js";
import { defineFlow } from "../registry.js";

const tipId = z.number().int().positive();
const schema: z.ZodType<MarkState> = z.discriminatedUnion("step", [
  z.object({ step: z.literal("tip_duplicate"), tipId }),
  z.object({ step: z.literal("tip_spam_confirm"), tipId, undo: z.boolean() }),
]);

export default defineFlow<MarkState>({
  id: "marks",
  steps: ["tip_duplicate", "tip_spam_confirm"],
  version: 1,
  schema,
  staffOnly: true,
  // The tip view may be read in the commune's group: the officer's next message there continues.
  inGroups: true,
  continue: (turn, state, staff) => continueMark(turn, state, staff),
  cancel: (turn, state) => cancelMark(turn, state),
});
