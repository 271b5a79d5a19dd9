// An officer's steps on one tip (issue 12): typing an internal note, closing with a result and an
// optional note, the reason to reopen a closed tip or to extend its verification period.
import { z } from "zod";
import { backCase, cancelCase, continueCase } from "../case.js";
import type { CaseState } from "../case-state.js";
import { defineFlow } from "../registry.js";

const tipId = z.number().int().positive();
const action = z.enum(["done", "unfounded"]);
const schema: z.ZodType<CaseState> = z.discriminatedUnion("step", [
  z.object({ step: z.literal("tip_note"), tipId }),
  z.object({ step: z.literal("tip_close_result"), tipId, action }),
  z.object({ step: z.literal("tip_close_note"), tipId, action, result: z.string().regex(/^[a-z_]{2,24}$/) }),
  z.object({ step: z.literal("tip_reopen"), tipId }),
  z.object({ step: z.literal("tip_extend"), tipId }),
]);

export default defineFlow<CaseState>({
  id: "case",
  steps: ["tip_note", "tip_close_result", "tip_close_note", "tip_reopen", "tip_extend"],
  version: 1,
  schema,
  staffOnly: true,
  // Alert buttons are pressed in the commune's group: the officer's next message there continues.
  inGroups: true,
  continue: (turn, state, staff) => continueCase(turn, state, staff),
  cancel: (turn, state) => cancelCase(turn, state),
  back: (turn, state) => backCase(turn, state),
});
