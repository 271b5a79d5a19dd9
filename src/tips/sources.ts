// Where a tip came from (src/tips/sources.json): chat, or entered by an officer from the phone, a
// tip-box letter, a visit or another agency.
import data from "./sources.json" with { type: "json" };
import { z } from "zod";

const schema = z.object({
  sources: z
    .array(z.object({ id: z.string().regex(/^[a-z_]{2,16}$/), label: z.string().min(2), entered: z.boolean(), slip: z.boolean(), source: z.string().min(10), sourceId: z.string().optional() }))
    .min(2)
    .refine((list) => list.some((s) => s.id === "chat" && !s.entered), { message: "the chat source must be listed, not entered by officers" }),
});

export interface TipSource {
  id: string;
  label: string;
  /** Entered by an officer (/nhaptin); false only for chat. */
  entered: boolean;
  /** May be entered under the code of a printed tip-box slip. */
  slip: boolean;
}

export const tipSources: TipSource[] = schema.parse(data).sources.map(({ id, label, entered, slip }) => ({ id, label, entered, slip }));

/** The sources an officer enters by hand. */
export const enteredSources: TipSource[] = tipSources.filter((s) => s.entered);

export function findSource(id: string): TipSource | null {
  return tipSources.find((s) => s.id === id) ?? null;
}

export function sourceLabel(id: string): string {
  return findSource(id)?.label ?? id;
}
