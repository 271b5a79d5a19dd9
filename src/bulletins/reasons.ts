// Reasons a village head may give for not broadcasting (reasons.json).
import data from "./reasons.json" with { type: "json" };
import { z } from "zod";

const schema = z.object({ reasons: z.array(z.object({ id: z.string().regex(/^[a-z_]{2,16}$/), label: z.string().min(2) })).min(2) });

export interface Reason {
  id: string;
  label: string;
}

export const reasons: Reason[] = schema.parse(data).reasons;
if (!reasons.some((r) => r.id === "other")) throw new Error("reasons.json needs an \"other\" reason (free text)");

export function reasonLabel(id: string | null | undefined): string | null {
  if (!id) return null;
  return reasons.find((r) => r.id === id)?.label ?? id;
}
