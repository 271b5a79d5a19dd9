// The stored incomings: written before the platform gets its 200, claimed one at a time by the work
// loop, marked done with the turn that handled them. The hot statements go through the prepared
// layer (src/db/sql.ts); the rare ones (releases, failures, clean-up) stay with Prisma.
import type { Db } from "../db/client.js";
import { sql, sqlDate, sqlOf, type SqlStatement } from "../db/sql.js";
import type { Incoming } from "../messaging/types.js";

export type StoreResult = "stored" | "duplicate" | "ignored";

/** Persists a neutral incoming before the platform gets its 200. Repeats (same channel and id) are dropped. */
export async function storeIncoming(db: Db, channel: string, externalId: string, incoming: Incoming | null, now = new Date()): Promise<StoreResult> {
  if (!incoming) return "ignored";
  // A repeat is the unique (channel, externalId) already taken: nothing written, nothing thrown.
  const { changes } = await sqlOf(db).run(
    sql(
      `INSERT INTO "InboundUpdate" ("channel", "externalId", "incoming", "status", "attempts", "receivedAt", "lane") VALUES (?, ?, ?, 'pending', 0, ?, ?) ON CONFLICT ("channel", "externalId") DO NOTHING`,
      channel,
      externalId,
      JSON.stringify(incoming),
      sqlDate(now),
      incoming.sender,
    ),
  );
  return changes === 1 ? "stored" : "duplicate";
}

export interface ClaimedInbound {
  id: number;
  channel: string;
  incoming: string;
  /** Attempts before this one. */
  attempts: number;
}

/**
 * Claims the oldest pending incoming in one statement (find and claim at once: two work loops, as
 * on Workers, never claim the same row), skipping people whose earlier update is still being
 * handled: one person's updates run one at a time and in order, however many passes run (a
 * double-pressed "Gửi tin báo" is one tip on Workers as on Node). Null when none may start.
 */
export async function claimNextInbound(db: Db, now: Date): Promise<ClaimedInbound | null> {
  const { rows } = await sqlOf(db).run(
    sql(
      `UPDATE "InboundUpdate" SET "status" = 'processing', "attempts" = "attempts" + 1, "claimedAt" = ?
       WHERE "id" = (
         SELECT i."id" FROM "InboundUpdate" i
         WHERE i."status" = 'pending'
           AND NOT EXISTS (SELECT 1 FROM "InboundUpdate" p WHERE p."status" = 'processing' AND p."lane" = i."lane")
         ORDER BY i."id" LIMIT 1
       ) AND "status" = 'pending'
       RETURNING "id", "channel", "incoming", "attempts"`,
      sqlDate(now),
    ),
  );
  const row = rows[0];
  if (!row) return null;
  return { id: Number(row.id), channel: String(row.channel), incoming: String(row.incoming), attempts: Number(row.attempts) - 1 };
}

/** Handled: the neutral copy has done its job, only the fact stays. Written with the turn's own writes. */
export function inboundDone(id: number, now: Date): SqlStatement {
  return sql(`UPDATE "InboundUpdate" SET "status" = 'done', "incoming" = '', "lane" = NULL, "processedAt" = ? WHERE "id" = ?`, sqlDate(now), id);
}
