// /vietbantin's stored state (a commune writing its own bulletin): plain data, apart from the flow's
// logic (local-bulletins.ts) so the dialogue state (state.ts) can name it without importing the flow.
export const LOCAL_STEPS = ["lb_kind", "lb_title", "lb_text", "lb_audiences", "lb_preview"] as const;
export type LocalStep = (typeof LOCAL_STEPS)[number];

export interface LocalDraft {
  kind?: "bulletin" | "warning";
  title?: string;
  text?: string;
  /** Audience kinds chosen beside the villages (src/bulletins/audiences.ts); asked only when the commune has some. */
  audiences?: ("school" | "business")[];
}

export type LocalState = { step: LocalStep; draft: LocalDraft };
