// The stored state of marking a tip (issue 12): typing the original's case number for "Trùng tin",
// and confirming "Tin rác" or "Không phải tin rác". Plain data (bots/core/flows/marks.ts validates it).
export type MarkState =
  | { step: "tip_duplicate"; tipId: number }
  | { step: "tip_spam_confirm"; tipId: number; undo: boolean };
