// What a closed tip came to (src/tips/results.json): chosen on closing, never shown to the tipster.
import data from "./results.json" with { type: "json" };
import { z } from "zod";

const schema = z.object({
  source: z.string().min(10),
  results: z.array(z.object({ id: z.string().regex(/^[a-z_]{2,24}$/), label: z.string().min(2), for: z.array(z.enum(["done", "unfounded"])).min(1) })).min(1),
});

export interface TipResult {
  id: string;
  label: string;
  for: ("done" | "unfounded")[];
}

export const tipResults: TipResult[] = schema.parse(data).results;

/** The results an officer may choose when closing with this status. */
export function resultsFor(status: "done" | "unfounded"): TipResult[] {
  return tipResults.filter((r) => r.for.includes(status));
}

export function resultLabel(id: string): string {
  return tipResults.find((r) => r.id === id)?.label ?? id;
}
