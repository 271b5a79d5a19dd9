// A /capnhat form in progress, kept after every answer (issue 14): "Hủy" or a timeout loses nothing,
// and the next /capnhat of the same person for the same village and month offers to go on. Only the
// values entered and where the form stood; a person's draft is theirs alone (keyed by their staff id,
// opened only after the form's own scope check).
import { z } from "zod";
import type { Db } from "../db/client.js";
import type { MonthKey } from "../util/vietnam-time.js";

const draftData = z.object({ values: z.record(z.string(), z.number().int().nonnegative()), index: z.number().int().nonnegative() });

export interface FigureDraft {
  basedOn: number;
  values: Record<string, number>;
  index: number;
  updatedAt: Date;
}

type Key = { staffId: number; villageId: number; month: MonthKey };

export async function saveFigureDraft(db: Db, key: Key, draft: { basedOn: number; values: Record<string, number>; index: number; now: Date }): Promise<void> {
  const data = JSON.stringify({ values: draft.values, index: draft.index });
  await db.figureDraft.upsert({
    where: { staffId_villageId_month: key },
    create: { ...key, basedOn: draft.basedOn, data, updatedAt: draft.now },
    update: { basedOn: draft.basedOn, data, updatedAt: draft.now },
  });
}

/** The person's draft for this village and month; null when there is none or it does not read. */
export async function findFigureDraft(db: Db, key: Key): Promise<FigureDraft | null> {
  const row = await db.figureDraft.findUnique({ where: { staffId_villageId_month: key } });
  if (!row) return null;
  let parsed: z.infer<typeof draftData> | null;
  try {
    parsed = draftData.parse(JSON.parse(row.data));
  } catch {
    parsed = null;
  }
  return parsed ? { basedOn: row.basedOn, values: parsed.values, index: parsed.index, updatedAt: row.updatedAt } : null;
}

export async function dropFigureDraft(db: Db, key: Key): Promise<void> {
  await db.figureDraft.deleteMany({ where: key });
}
