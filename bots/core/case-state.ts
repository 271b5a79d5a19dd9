// The stored state of an officer's steps on one tip (issue 12): typing a note, closing with a result
// and a note, the reason to reopen or to extend. Plain data (bots/core/flows/case.ts validates it).
export type CloseAction = "done" | "unfounded";

export type CaseState =
  | { step: "tip_note"; tipId: number }
  | { step: "tip_close_result"; tipId: number; action: CloseAction }
  | { step: "tip_close_note"; tipId: number; action: CloseAction; result: string }
  | { step: "tip_reopen"; tipId: number }
  | { step: "tip_extend"; tipId: number };
