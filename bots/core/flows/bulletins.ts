// The bulletin feature's short dialogues: a citizen typing the commune to subscribe to, a village
// head typing why a bulletin was not broadcast, a translator sending a translation.
import { z } from "zod";
import type { BulletinState } from "../bulletin-state.js";
import { continueBulletinStep, leaveBulletinStep } from "../bulletins.js";
import { defineFlow } from "../registry.js";

const id = z.number().int().positive();
const schema: z.ZodType<BulletinState> = z.discriminatedUnion("step", [
  z.object({ step: z.literal("sub_commune") }),
  z.object({ step: z.literal("b_reason"), deliveryId: id }),
  z.object({ step: z.literal("au_reason"), deliveryId: id }),
  z.object({ step: z.literal("translate"), itemId: id, language: z.string().regex(/^[a-z]{3}$/) }),
]);

export default defineFlow<BulletinState>({
  id: "bulletins",
  steps: ["sub_commune", "b_reason", "au_reason", "translate"],
  version: 1,
  schema,
  continue: (turn, state) => continueBulletinStep(turn, state),
  back: (turn, state) => leaveBulletinStep(turn, state, true),
  cancel: (turn, state) => leaveBulletinStep(turn, state, false),
});
