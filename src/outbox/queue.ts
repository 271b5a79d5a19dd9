// The dispatcher's reads of the queue and its "sent", the statements it runs on every pass and for
// every message, through the prepared layer (src/db/sql.ts). The claim is its own conditional update
// (CLAIM in dispatcher.ts): one row, one claim, just before its send.
import type { Db } from "../db/client.js";
import { sql, sqlDate, sqlOf } from "../db/sql.js";

/** What the dispatcher reads of a due row. */
export interface DueRow {
  id: number;
  channel: string;
  sealedAddress: string | null;
  addressTag: string | null;
  replyAddressId: number | null;
  threadKey: string | null;
  payload: string;
  attempts: number;
}

const numberOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const stringOrNull = (v: unknown) => (v === null || v === undefined ? null : String(v));

export interface DuePass {
  /** One lane per channel with due rows, each its batch in sending order. */
  lanes: DueRow[][];
  /** Every unsent (pending or parked) message to the chats of those rows, oldest first. */
  unsent: Array<{ id: number; status: string; addressTag: string }>;
}

// One statement for a pass: each channel's batch (higher priority first, alerts and replies before
// bulletin fan-out, then first in, first out) and the unsent rows to the same chats.
const DUE_PASS = `WITH "due" AS MATERIALIZED (
    SELECT * FROM (
      SELECT "id", "channel", "sealedAddress", "addressTag", "replyAddressId", "threadKey", "payload", "attempts", "priority",
             ROW_NUMBER() OVER (PARTITION BY "channel" ORDER BY "priority" DESC, "id" ASC) AS "rank"
      FROM "OutboxMessage" WHERE "status" = 'pending' AND "nextAttemptAt" <= ? AND ("claimedUntil" IS NULL OR "claimedUntil" < ?) AND "id" > ? AND "priority" >= ?
    ) WHERE "rank" <= ?
  )
  SELECT 1 AS "due", "id", "channel", "sealedAddress", "addressTag", "replyAddressId", "threadKey", "payload", "attempts", "rank", NULL AS "status" FROM "due"
  UNION ALL
  SELECT 0, "id", NULL, NULL, "addressTag", NULL, NULL, NULL, NULL, NULL, "status" FROM "OutboxMessage"
  WHERE "addressTag" IN (SELECT "addressTag" FROM "due" WHERE "addressTag" IS NOT NULL) AND "status" IN ('pending', 'parked')`;

/** Which due rows a pass may take: only those written after `afterId`, of at least `minPriority` (a Worker request's own replies). */
export interface DueFilter {
  afterId?: number;
  minPriority?: number;
}

/** The rows a dispatcher pass may send, `take` per channel, and what else waits for their chats. */
export async function duePass(db: Db, now: Date, take: number, filter: DueFilter = {}): Promise<DuePass> {
  const at = sqlDate(now);
  const { rows } = await sqlOf(db).run(sql(DUE_PASS, at, at, filter.afterId ?? 0, filter.minPriority ?? -1_000_000, take));
  const lanes = new Map<string, Array<DueRow & { rank: number }>>();
  const unsent: DuePass["unsent"] = [];
  for (const r of rows) {
    if (Number(r.due) !== 1) {
      unsent.push({ id: Number(r.id), status: String(r.status), addressTag: String(r.addressTag) });
      continue;
    }
    const channel = String(r.channel);
    const lane = lanes.get(channel) ?? [];
    lane.push({
      id: Number(r.id),
      channel,
      sealedAddress: stringOrNull(r.sealedAddress),
      addressTag: stringOrNull(r.addressTag),
      replyAddressId: numberOrNull(r.replyAddressId),
      threadKey: stringOrNull(r.threadKey),
      payload: String(r.payload),
      attempts: Number(r.attempts),
      rank: Number(r.rank),
    });
    lanes.set(channel, lane);
  }
  return {
    lanes: [...lanes.values()].map((lane) => lane.sort((a, b) => a.rank - b.rank).map(({ rank: _, ...row }) => row)),
    unsent: unsent.sort((a, b) => a.id - b.id),
  };
}

/** What a delivered message keeps of its content: nothing (the row stays for its dedupe key and thread). */
export const SENT_PAYLOAD = "{}";

/**
 * Delivered: the address and the content leave the row (a bulletin's text need not rest on the server
 * once the person has it; on D1 it was most of the outbox's size), the claim ends. A secret's row
 * gets its own marker in `payload`.
 */
export async function markSent(db: Db, row: { id: number; attempts: number; externalMessageId: string | null; sentAt: Date; payload?: string }): Promise<void> {
  await sqlOf(db).run(
    sql(
      `UPDATE "OutboxMessage" SET "status" = 'sent', "sentAt" = ?, "attempts" = ?, "externalMessageId" = ?, "sealedAddress" = NULL, "claimedUntil" = NULL, "payload" = ? WHERE "id" = ?`,
      sqlDate(row.sentAt),
      row.attempts,
      row.externalMessageId,
      row.payload ?? SENT_PAYLOAD,
      row.id,
    ),
  );
}
