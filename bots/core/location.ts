// A shared location is asked about before it goes anywhere: a phone shares where it is, which is
// often the tipster's home. Only a location the tipster confirms marks the place of the problem
// is attached; "no" drops it. Used by the tip draft and by follow-ups.
import type { PendingLocation } from "./state.js";
import type { Choice } from "../../src/messaging/types.js";
import type { Turn } from "./turn.js";
import { location } from "../../src/messaging/buttons.js";
import type { Messages } from "../../src/i18n/messages.js";

export function locationChoices(t: Messages, extra: Choice[][] = []): Choice[][] {
  return [[{ label: t.citizen.buttons.locationYes, data: location.pack("yes") }], [{ label: t.citizen.buttons.locationNo, data: location.pack("no") }], ...extra];
}

export function askLocation(turn: Turn, extra: Choice[][] = []): void {
  turn.reply(turn.t.citizen.flow.locationConfirm, locationChoices(turn.t, extra));
}

/** The tipster's answer about a pending location: "keep", "drop", or null when this is no answer. */
export function locationAnswer(turn: Turn): "keep" | "drop" | null {
  const { content } = turn.incoming;
  const answer = content.kind === "choice" ? location.parse(content.data) : null;
  return answer === "yes" ? "keep" : answer === "no" ? "drop" : null;
}

export function pendingFrom(content: Turn["incoming"]["content"]): PendingLocation | null {
  return content.kind === "location" ? { latitude: content.latitude, longitude: content.longitude } : null;
}
