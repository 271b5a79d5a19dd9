// A commune's own bulletin or urgent warning (/vietbantin): kind → title → text → preview → Gửi duyệt.
import { z } from "zod";
import { defineFlow } from "../registry.js";
import { LOCAL_STEPS, type LocalState } from "../local-bulletin-state.js";
import { cancelLocal, continueLocal, enterLocalStep, localBack } from "../local-bulletins.js";

const schema: z.ZodType<LocalState> = z.object({
  step: z.enum(LOCAL_STEPS),
  draft: z.object({
    kind: z.enum(["bulletin", "warning"]).optional(),
    title: z.string().max(400).optional(),
    text: z.string().max(12_000).optional(),
    audiences: z.array(z.enum(["school", "business"])).max(2).optional(),
  }),
});

export default defineFlow<LocalState>({
  id: "local-bulletins",
  steps: LOCAL_STEPS,
  version: 1,
  schema,
  staffOnly: true,
  continue: (turn, state, staff) => continueLocal(turn, staff, state.step, state.draft),
  back: (turn, state) => localBack(turn, state.step, state.draft),
  cancel: (turn) => cancelLocal(turn),
  expiredNotice: (settings, t) => t.localBulletins.flow.expired(settings.draftTtlMinutes),
  reprompt(turn, state) {
    turn.reply(turn.t.localBulletins.flow.useButtons);
    return enterLocalStep(turn, state.step, state.draft);
  },
});
