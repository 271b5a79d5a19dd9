// /nhaptin's stored state: plain data, apart from the flow's logic (intake.ts) so the dialogue state
// (state.ts) can name it without importing the flow. Never the slip's code: only the slip's row id.

export interface IntakeEntry {
  source?: string;
  slipId?: number;
  villageId?: number | null;
  /** The slip named the village: the village question is skipped. */
  villageFixed?: boolean;
  category?: string;
  text?: string;
}

export const INTAKE_STEPS = ["intake_source", "intake_slip", "intake_village", "intake_category", "intake_text", "intake_confirm"] as const;
export type IntakeStep = (typeof INTAKE_STEPS)[number];

export type IntakeState = { step: IntakeStep; entry: IntakeEntry };
