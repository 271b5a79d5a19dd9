// Received-update rows exist to catch a platform's repeats; once a repeat can no longer come, the
// row (already emptied of content when handled) goes. How long a repeat can come, per channel:
// Zalo OA events older than 15 minutes are refused (bots/zalo/webhook.ts), so an hour is ample;
// Telegram re-sends an unanswered update for up to 24 hours, Zalo Bot likewise; the web chat's ids
// are the server's own. Failed rows stay a week for the operator to see that something failed.
import type { Db } from "../db/client.js";

const HOUR_MS = 3_600_000;

export const INBOUND_KEEP_MS: Record<string, number> = {
  zalo: HOUR_MS,
  web: HOUR_MS,
  telegram: 48 * HOUR_MS,
  zalobot: 48 * HOUR_MS,
};
const FALLBACK_KEEP_MS = 48 * HOUR_MS;
export const FAILED_KEEP_MS = 7 * 24 * HOUR_MS;

export async function pruneInboundUpdates(db: Db, now: Date): Promise<number> {
  let removed = 0;
  const channels = [...Object.keys(INBOUND_KEEP_MS)];
  for (const channel of channels) {
    const before = new Date(now.getTime() - (INBOUND_KEEP_MS[channel] ?? FALLBACK_KEEP_MS));
    removed += (await db.inboundUpdate.deleteMany({ where: { channel, status: "done", receivedAt: { lt: before } } })).count;
  }
  removed += (await db.inboundUpdate.deleteMany({ where: { channel: { notIn: channels }, status: "done", receivedAt: { lt: new Date(now.getTime() - FALLBACK_KEEP_MS) } } })).count;
  removed += (await db.inboundUpdate.deleteMany({ where: { status: "failed", receivedAt: { lt: new Date(now.getTime() - FAILED_KEEP_MS) } } })).count;
  return removed;
}
