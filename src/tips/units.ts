// The police units a tip may be sent on to (src/tips/units.json): the tip closes "referred" there.
import data from "./units.json" with { type: "json" };
import { z } from "zod";

const schema = z.object({
  source: z.string().min(10),
  units: z.array(z.object({ id: z.string().regex(/^[a-z0-9_]{2,24}$/), label: z.string().min(2), source: z.string().min(10), sourceId: z.string().optional() })).min(1),
});

export interface TransferUnit {
  id: string;
  label: string;
}

export const transferUnits: TransferUnit[] = schema.parse(data).units.map(({ id, label }) => ({ id, label }));

export function findUnit(id: string): TransferUnit | null {
  return transferUnits.find((u) => u.id === id) ?? null;
}

export function unitLabel(id: string): string {
  return findUnit(id)?.label ?? id;
}
