// A new tip: commune → category → village → words → pictures and places → confirm.
import { z } from "zod";
import { defineFlow } from "../registry.js";
import { IDLE, type Draft, type DraftStep } from "../state.js";
import { continueTipOff, enterStep, goBack } from "../tipoff.js";
import { mainMenu } from "../turn.js";
import { CHANNELS } from "../../../src/messaging/types.js";

const point = z.object({ latitude: z.number(), longitude: z.number() });

const draft: z.ZodType<Draft> = z.object({
  communeId: z.number().int().optional(),
  villageId: z.number().int().nullable().optional(),
  villageFixed: z.boolean().optional(),
  category: z.string().optional(),
  text: z.string().optional(),
  attachments: z.array(
    z.object({
      kind: z.enum(["photo", "video", "voice", "audio", "location"]),
      channel: z.enum(CHANNELS),
      fileRef: z.string().optional(),
      webUploadId: z.string().optional(),
      latitude: z.number().optional(),
      longitude: z.number().optional(),
    }),
  ),
  pendingLocation: point.optional(),
});

const STEPS = ["commune", "category", "village", "text", "media", "confirm"] as const satisfies readonly DraftStep[];

export default defineFlow({
  id: "tipoff",
  steps: STEPS,
  version: 1,
  schema: z.object({ step: z.enum(STEPS), draft }),
  ownsUploads: true,
  continue: (turn, state) => continueTipOff(turn, state.step, state.draft),
  back: (turn, state) => goBack(turn, state.step, state.draft),
  cancel(turn) {
    turn.state = IDLE;
    turn.reply(turn.t.citizen.flow.cancelled, mainMenu(turn.t));
  },
  expiredNotice: (settings, t) => t.citizen.flow.draftExpired(settings.draftTtlMinutes),
  reprompt(turn, state) {
    turn.reply(turn.t.citizen.flow.useButtons);
    return enterStep(turn, state.step, state.draft);
  },
});
