// What a closed tip came to (src/tips/results.json): chosen on closing, never shown to the tipster.
import data from "./results.json" with { type: "json" };
import { z } from "zod";

const schema = z.object({
  source: z.string().min(10),
  results: z.array(z.object({
    id: z.string().regex(/^[a-z_]{2,24}$/),
    label: z.string().min(2),
    for: z.array(z.enum(["done", "unfounded"])).min(1),
    /** Set only by that action ("Trùng tin", "Tin rác": src/tips/marks.ts), never chosen from the list. */
    by: z.enum(["duplicate", "spam"]).optional(),
    source: z.string().min(10).optional(),
  })).min(1),
});

export interface TipResult {
  id: string;
  label: string;
  for: ("done" | "unfounded")[];
  by?: ResultBy;
}

/** The actions that close a tip with a result of their own (src/tips/marks.ts). */
export type ResultBy = "duplicate" | "spam";

export const tipResults: TipResult[] = schema.parse(data).results;

/** The results an officer may choose when closing with this status. */
export function resultsFor(status: "done" | "unfounded"): TipResult[] {
  return tipResults.filter((r) => r.for.includes(status) && r.by === undefined);
}

/** Whether a tip may be closed with this status and result: one from the list, or the one `by` sets. */
export function resultFits(status: "done" | "unfounded", id: string, by?: ResultBy): boolean {
  return tipResults.some((r) => r.id === id && r.for.includes(status) && r.by === by);
}

/** The result that `by` closes a tip with, and its status. */
export function resultBy(by: ResultBy): { id: string; status: "done" | "unfounded" } {
  const r = tipResults.find((x) => x.by === by);
  if (!r) throw new Error(`src/tips/results.json has no result for ${by}`);
  return { id: r.id, status: r.for[0]! };
}

export function resultLabel(id: string): string {
  return tipResults.find((r) => r.id === id)?.label ?? id;
}
