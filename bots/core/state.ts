// Dialogue state: plain data stored per pseudonym (validated on load by each flow's schema, bots/core/flows), and pure rules over it.
import type { DraftAttachment } from "../../src/tips/service.js";
import type { FiguresState } from "./figures-state.js";
import type { UnitFiguresState } from "./unit-figures-state.js";
import type { BulletinState } from "./bulletin-state.js";
import type { IntakeState } from "./intake-state.js";
import type { CaseState } from "./case-state.js";
import type { TransferState } from "./transfer-state.js";
import type { MarkState } from "./marks-state.js";
import type { LocalState } from "./local-bulletin-state.js";

export interface Draft {
  communeId?: number;
  villageId?: number | null;
  /** A village poster's deep link fixed commune and village: those steps are skipped. */
  villageFixed?: boolean;
  category?: string;
  text?: string;
  attachments: DraftAttachment[];
  /** A shared location waiting for the tipster to confirm it marks the place, not their home. */
  pendingLocation?: PendingLocation;
}

export interface PendingLocation {
  latitude: number;
  longitude: number;
}

export type DraftStep = "commune" | "category" | "village" | "text" | "media" | "confirm";

export type State =
  | { step: "idle" }
  | { step: DraftStep; draft: Draft }
  | { step: "followup_code" }
  | { step: "followup"; tipId: number }
  | { step: "followup_add"; tipId: number; pendingLocation?: PendingLocation }
  | { step: "ask"; tipId: number }
  | FiguresState
  | UnitFiguresState
  | BulletinState
  | IntakeState
  | CaseState
  | TransferState
  | MarkState
  | LocalState;

export const IDLE: State = { step: "idle" };

export const MAX_TEXT_CHARS = 3000;
export const MAX_ATTACHMENTS = 10;

/** The step "back" leads to; null means back leaves the flow. */
export function previousStep(step: DraftStep, draft: Draft): DraftStep | null {
  switch (step) {
    case "commune":
      return null;
    case "category":
      return draft.villageFixed ? null : "commune";
    case "village":
      return "category";
    case "text":
      return draft.villageFixed ? "category" : "village";
    case "media":
      return "text";
    case "confirm":
      return "media";
  }
}

/** The first step of a new draft. */
export function firstStep(draft: Draft): DraftStep {
  return draft.communeId ? "category" : "commune";
}

/** After the category: skip the village question when a poster fixed it. */
export function stepAfterCategory(draft: Draft): DraftStep {
  return draft.villageFixed ? "text" : "village";
}

/** Splits "/cmd@bot arg1 arg2" into a lower-case command and its argument text. */
export function parseCommand(text: string): { command: string; args: string } | null {
  const match = /^\/([A-Za-z_]+)(?:@\w+)?(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!match) return null;
  return { command: match[1]!.toLowerCase(), args: (match[2] ?? "").trim() };
}
