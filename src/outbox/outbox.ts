import type { Db } from "../db/client.js";
import type { Keyring } from "../crypto/keys.js";
import { openAddress } from "../crypto/pseudonym.js";
import type { Channel, OutgoingMessage } from "../messaging/types.js";
import { sql, sqlDate, type SqlStatement } from "../db/sql.js";

export interface SealedTarget {
  channel: Channel;
  sealedAddress: string;
  addressTag: string;
}

interface EnqueueOptions {
  dedupeKey?: string;
  replyAddressId?: number;
  now?: Date;
  priority?: number;
}

function outboxRow(target: SealedTarget, message: OutgoingMessage, opts: EnqueueOptions) {
  const now = opts.now ?? new Date();
  return {
    channel: target.channel,
    sealedAddress: target.sealedAddress,
    addressTag: target.addressTag,
    replyAddressId: opts.replyAddressId ?? null,
    threadKey: message.threadKey ?? null,
    payload: JSON.stringify(message),
    nextAttemptAt: now,
    createdAt: now,
    dedupeKey: opts.dedupeKey ?? null,
    priority: opts.priority ?? 0,
  };
}

/** Every outgoing message is a row first; the dispatcher sends it. A dedupe key makes a retried step enqueue once. */
export async function enqueue(db: Db, target: SealedTarget, message: OutgoingMessage, opts: EnqueueOptions = {}): Promise<void> {
  // A plain INSERT, never an upsert: Prisma runs such an upsert as BEGIN…COMMIT across awaits on the
  // one SQLite connection, and anything else written meanwhile (a webhook's stored update) would only
  // become durable at that COMMIT. A repeated dedupe key is a unique violation, i.e. already queued.
  try {
    await db.outboxMessage.create({ data: outboxRow(target, message, opts) });
  } catch (error) {
    if (!(opts.dedupeKey && isUniqueViolation(error))) throw error;
  }
}

/**
 * The same row as `enqueue`, as a statement to write with others in one transaction (a turn's
 * replies, src/db/sql.ts). A repeated dedupe key writes nothing: already queued.
 */
export function enqueueStatement(target: SealedTarget, message: OutgoingMessage, opts: EnqueueOptions = {}): SqlStatement {
  const row = outboxRow(target, message, opts);
  return sql(
    `INSERT INTO "OutboxMessage" ("channel", "sealedAddress", "addressTag", "replyAddressId", "threadKey", "payload", "status", "attempts", "nextAttemptAt", "createdAt", "dedupeKey", "priority")
     VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?, ?) ON CONFLICT ("dedupeKey") DO NOTHING`,
    row.channel,
    row.sealedAddress,
    row.addressTag,
    row.replyAddressId,
    row.threadKey,
    row.payload,
    sqlDate(row.nextAttemptAt),
    sqlDate(row.createdAt),
    row.dedupeKey,
    row.priority,
  );
}

/** Rows per `enqueueManyStatements` statement: a bulletin's row is ~2–4 KB, so a statement's one JSON value stays near 200 KB. */
const ROWS_PER_STATEMENT = 50;

/**
 * Many rows as few statements (a fan-out's village heads): each statement inserts up to 50 rows
 * from one JSON value, a repeated dedupe key writing nothing, as `enqueueStatement` does. On D1 that
 * is one statement per 50 rows of the invocation's 1,000, not one per row.
 */
export function enqueueManyStatements(rows: Array<{ target: SealedTarget; message: OutgoingMessage; opts?: EnqueueOptions }>): SqlStatement[] {
  const out: SqlStatement[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const values = rows.slice(i, i + ROWS_PER_STATEMENT).map(({ target, message, opts }) => {
      const row = outboxRow(target, message, opts ?? {});
      return { ...row, nextAttemptAt: sqlDate(row.nextAttemptAt), createdAt: sqlDate(row.createdAt) };
    });
    out.push(
      sql(
        `INSERT INTO "OutboxMessage" ("channel", "sealedAddress", "addressTag", "replyAddressId", "threadKey", "payload", "status", "attempts", "nextAttemptAt", "createdAt", "dedupeKey", "priority")
         SELECT json_extract("value", '$.channel'), json_extract("value", '$.sealedAddress'), json_extract("value", '$.addressTag'), json_extract("value", '$.replyAddressId'),
                json_extract("value", '$.threadKey'), json_extract("value", '$.payload'), 'pending', 0, json_extract("value", '$.nextAttemptAt'), json_extract("value", '$.createdAt'),
                json_extract("value", '$.dedupeKey'), json_extract("value", '$.priority')
         FROM json_each(?) WHERE true ORDER BY "key" ON CONFLICT ("dedupeKey") DO NOTHING`,
        JSON.stringify(values),
      ),
    );
  }
  return out;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

/** Queues a message to the tipster of a tip, if they left a reply address. Returns false when there is none. */
export async function enqueueToTipster(db: Db, keys: Keyring, tipId: number, message: OutgoingMessage, now: Date, dedupeKey?: string): Promise<boolean> {
  const address = await db.replyAddress.findUnique({ where: { tipId } });
  if (!address || address.expiresAt <= now) return false;
  const opened = await openAddress(keys, address.sealed);
  await enqueue(
    db,
    { channel: opened.channel as Channel, sealedAddress: address.sealed, addressTag: address.addressTag },
    message,
    { replyAddressId: address.id, now, dedupeKey },
  );
  return true;
}
