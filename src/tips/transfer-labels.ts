// Where a tip was sent on, in the officers' words: "xã A → xã B" or "xã A → a unit's name". Read by the
// timeline (src/tips/case.ts) and the sending commune's lines (src/tips/transfer.ts).
import type { Db } from "../db/client.js";
import { viData } from "../i18n/vi-data.js";
import { viTransfer } from "../i18n/vi-transfer.js";
import { unitLabel } from "./units.js";

export interface TransferRow {
  fromCommuneId: number;
  toCommuneId: number | null;
  unit: string | null;
}

/** The destination alone ("xã B", or the unit's name), from the commune names known. */
export function destinationLabel(row: Pick<TransferRow, "toCommuneId" | "unit">, communeNames: Map<number, string>): string {
  if (row.unit !== null) return unitLabel(row.unit);
  const name = row.toCommuneId !== null ? communeNames.get(row.toCommuneId) : undefined;
  return viData.commune(name ?? "?");
}

/** The names of the communes these rows name, by id. */
export async function communeNamesOf(db: Db, rows: TransferRow[]): Promise<Map<number, string>> {
  const ids = [...new Set(rows.flatMap((r) => (r.toCommuneId !== null ? [r.fromCommuneId, r.toCommuneId] : [r.fromCommuneId])))];
  const communes = ids.length > 0 ? await db.commune.findMany({ where: { id: { in: ids } } }) : [];
  return new Map(communes.map((c) => [c.id, c.name]));
}

/** "xã A → xã B" for each transfer of a tip, keyed by its time (the "transferred" event has the same). */
export async function transferRoutes(db: Db, tipId: number): Promise<Map<number, string>> {
  const rows = await db.tipTransfer.findMany({ where: { tipId }, orderBy: { id: "asc" } });
  const names = await communeNamesOf(db, rows);
  return new Map(rows.map((r) => [r.at.getTime(), viTransfer.route(viData.commune(names.get(r.fromCommuneId) ?? "?"), destinationLabel(r, names))]));
}
