import data from "./categories.json" with { type: "json" };
import { z } from "zod";

const schema = z.object({
  categories: z.array(z.object({ id: z.string().regex(/^[a-z_]{2,24}$/), label: z.string().min(2) })).min(1),
});

export interface Category {
  id: string;
  label: string;
}

export const categories: Category[] = schema.parse(data).categories;

export function categoryLabel(id: string): string {
  return categories.find((c) => c.id === id)?.label ?? id;
}
