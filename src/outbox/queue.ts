// The dispatcher's reads of the queue and its "sent", the statements it runs on every pass and for
// every message, through the prepared layer (src/db/sql.ts). The claim stays a Prisma conditional
// update (dispatcher.ts): one row, one claim, just before its send.
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

const DUE = `"status" = 'pending' AND "nextAttemptAt" <= ? AND ("claimedUntil" IS NULL OR "claimedUntil" < ?)`;
const numberOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const stringOrNull = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** The channels with due rows (one lane each). */
export async function dueChannels(db: Db, now: Date): Promise<string[]> {
  const at = sqlDate(now);
  const { rows } = await sqlOf(db).run(sql(`SELECT DISTINCT "channel" FROM "OutboxMessage" WHERE ${DUE}`, at, at));
  return rows.map((r) => String(r.channel));
}

/** One lane's batch: higher priority first (alerts and replies before bulletin fan-out), then first in, first out. */
export async function dueRows(db: Db, now: Date, channel: string, take: number): Promise<DueRow[]> {
  const at = sqlDate(now);
  const { rows } = await sqlOf(db).run(
    sql(
      `SELECT "id", "channel", "sealedAddress", "addressTag", "replyAddressId", "threadKey", "payload", "attempts" FROM "OutboxMessage"
       WHERE ${DUE} AND "channel" = ? ORDER BY "priority" DESC, "id" ASC LIMIT ?`,
      at,
      at,
      channel,
      take,
    ),
  );
  return rows.map((r) => ({
    id: Number(r.id),
    channel: String(r.channel),
    sealedAddress: stringOrNull(r.sealedAddress),
    addressTag: stringOrNull(r.addressTag),
    replyAddressId: numberOrNull(r.replyAddressId),
    threadKey: stringOrNull(r.threadKey),
    payload: String(r.payload),
    attempts: Number(r.attempts),
  }));
}

/** Every unsent (pending or parked) message to these chats, oldest first. One JSON parameter: any number of tags, on D1 too. */
export async function unsentTo(db: Db, tags: string[]): Promise<Array<{ id: number; status: string; addressTag: string }>> {
  const { rows } = await sqlOf(db).run(
    sql(
      `SELECT "id", "status", "addressTag" FROM "OutboxMessage" WHERE "addressTag" IN (SELECT "value" FROM json_each(?)) AND "status" IN ('pending', 'parked') ORDER BY "id" ASC`,
      JSON.stringify(tags),
    ),
  );
  return rows.map((r) => ({ id: Number(r.id), status: String(r.status), addressTag: String(r.addressTag) }));
}

/** Delivered: the address leaves the row (and a secret's text, `payload`), the claim ends. */
export async function markSent(db: Db, row: { id: number; attempts: number; externalMessageId: string | null; sentAt: Date; payload?: string }): Promise<void> {
  const forget = row.payload !== undefined;
  await sqlOf(db).run(
    sql(
      `UPDATE "OutboxMessage" SET "status" = 'sent', "sentAt" = ?, "attempts" = ?, "externalMessageId" = ?, "sealedAddress" = NULL, "claimedUntil" = NULL${forget ? `, "payload" = ?` : ""} WHERE "id" = ?`,
      ...[sqlDate(row.sentAt), row.attempts, row.externalMessageId, ...(forget ? [row.payload!] : []), row.id],
    ),
  );
}
