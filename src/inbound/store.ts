import type { Db } from "../db/client.js";
import type { Incoming } from "../messaging/types.js";

export type StoreResult = "stored" | "duplicate" | "ignored";

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

/** Persists a neutral incoming before the platform gets its 200. Repeats (same channel and id) are dropped. */
export async function storeIncoming(db: Db, channel: string, externalId: string, incoming: Incoming | null, now = new Date()): Promise<StoreResult> {
  if (!incoming) return "ignored";
  try {
    await db.inboundUpdate.create({ data: { channel, externalId, incoming: JSON.stringify(incoming), receivedAt: now } });
    return "stored";
  } catch (error) {
    if (isUniqueViolation(error)) return "duplicate";
    throw error;
  }
}
