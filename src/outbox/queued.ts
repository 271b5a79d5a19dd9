// The outbox fanned out through a queue (Cloudflare Queues on Workers; Node keeps its in-process
// dispatcher). The producer (the cron, and a request whose own rows were too many to send at once)
// leases the due rows of each channel in one UPDATE … RETURNING and sends their ids as messages of
// one channel and one priority; a consumer claims a message's rows in one statement, if the lease
// is still the message's, and sends them through the dispatcher's own lanes (chat order, parking,
// retries, erasure of secrets), paced by the channel's shared pacer.
//
// The outbox stays the truth: delivery by the queue is at least once, and a message whose lease has
// changed (delivered twice, or re-queued after its lease ran out) claims nothing, so each row is sent
// once. A lost message only delays its rows until the lease ends and the next cron queues them again.
import { z } from "zod";
import type { Db } from "../db/client.js";
import { sql, sqlDate, sqlOf, type SqlRow } from "../db/sql.js";
import { CLAIM_MS, sendLanes, type DispatcherDeps } from "./dispatcher.js";
import { channelLimits } from "./pacing.js";
import type { DueRow } from "./queue.js";

/** How long queued rows stay leased to their message: past it, the next cron queues them again. */
export const LEASE_MS = 5 * 60_000;
/** Row ids per queue message (a message is at most 128 KB; 50 ids are well under 1 KB). */
export const IDS_PER_MESSAGE = 50;
/** Messages per `sendBatch` (Queues: at most 100, or 256 KB). */
const MESSAGES_PER_SEND = 100;
/** How much of a channel the cron queues per run: a minute (its interval) at the channel's pace. */
const HORIZON_SECONDS = 60;
/** For channels without a pace (the web chat stores messages locally). */
const UNPACED_PER_RUN = 500;
/** A message waiting for higher-priority rows of its channel asks the queue again after this. */
export const PRIORITY_WAIT_SECONDS = 2;

/** What one queue message carries: never an address or a text, only row ids and the lease. */
const workSchema = z.object({
  channel: z.string().min(1).max(40),
  priority: z.number().int(),
  lease: z.number().int().positive(),
  ids: z.array(z.number().int().positive()).min(1).max(IDS_PER_MESSAGE),
});
export type OutboxWork = z.infer<typeof workSchema>;

/** What the producer needs of a queue binding (Cloudflare's `Queue.sendBatch`). */
export interface WorkProducer {
  sendBatch(messages: Array<{ body: OutboxWork }>): Promise<unknown>;
}

/** What the consumer needs of a queue message (Cloudflare's `Message`). */
export interface WorkMessage {
  readonly body: unknown;
  ack(): void;
  retry(options?: { delaySeconds?: number }): void;
}

/** Rows queued per channel and run: a minute at the channel's pace from channel-limits.json. */
export function perRunLimits(limits: Record<string, number> = channelLimits): Record<string, number> {
  return Object.fromEntries(Object.entries(limits).map(([channel, perSecond]) => [channel, Math.ceil(perSecond * HORIZON_SECONDS)]));
}

// One statement: each channel's due rows in sending order (alerts and replies before bulletins, then
// first in, first out), up to the channel's share of this run, leased to this run's messages.
const LEASE_DUE = `UPDATE "OutboxMessage" SET "claimedUntil" = ? WHERE "id" IN (
    SELECT "id" FROM (
      SELECT "id", "channel", ROW_NUMBER() OVER (PARTITION BY "channel" ORDER BY "priority" DESC, "id" ASC) AS "rank"
      FROM "OutboxMessage" WHERE "status" = 'pending' AND "nextAttemptAt" <= ? AND ("claimedUntil" IS NULL OR "claimedUntil" < ?) AND "id" > ? AND "priority" >= ?
    ) WHERE "rank" <= COALESCE(json_extract(?, '$.' || "channel"), ?)
  ) RETURNING "id", "channel", "priority"`;

/**
 * The messages for leased rows: one channel and one priority each, each channel's in its sending
 * order, the channels taking turns (a consumer's batch then sends on every channel side by side).
 */
export function workMessages(rows: Array<{ id: number; channel: string; priority: number }>, lease: number): OutboxWork[] {
  const sorted = [...rows].sort((a, b) => (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : b.priority - a.priority || a.id - b.id));
  const perChannel = new Map<string, OutboxWork[]>();
  for (const row of sorted) {
    const list = perChannel.get(row.channel) ?? [];
    const last = list.at(-1);
    if (last && last.priority === row.priority && last.ids.length < IDS_PER_MESSAGE) last.ids.push(row.id);
    else list.push({ channel: row.channel, priority: row.priority, lease, ids: [row.id] });
    perChannel.set(row.channel, list);
  }
  const out: OutboxWork[] = [];
  const lists = [...perChannel.values()];
  for (let i = 0; lists.some((l) => i < l.length); i++) {
    for (const list of lists) if (i < list.length) out.push(list[i]!);
  }
  return out;
}

/**
 * Leases the due rows (a minute's worth per channel, or only rows after `afterId` of at least
 * `minPriority`) and queues them as messages. Two statements' worth of D1 whatever the backlog: the
 * lease, and nothing else. Returns the number of rows queued.
 */
export async function queueDueWork(
  deps: { db: Db; now: () => Date },
  producer: WorkProducer,
  opts: { afterId?: number; minPriority?: number; perRun?: Record<string, number> } = {},
): Promise<number> {
  const now = deps.now();
  const at = sqlDate(now);
  const lease = now.getTime() + LEASE_MS;
  const { rows } = await sqlOf(deps.db).run(
    sql(LEASE_DUE, sqlDate(new Date(lease)), at, at, opts.afterId ?? 0, opts.minPriority ?? -1_000_000, JSON.stringify(opts.perRun ?? perRunLimits()), UNPACED_PER_RUN),
  );
  if (rows.length === 0) return 0;
  const messages = workMessages(
    rows.map((r) => ({ id: Number(r.id), channel: String(r.channel), priority: Number(r.priority) })),
    lease,
  );
  for (let i = 0; i < messages.length; i += MESSAGES_PER_SEND) {
    await producer.sendBatch(messages.slice(i, i + MESSAGES_PER_SEND).map((body) => ({ body })));
  }
  return rows.length;
}

/** The highest outbox id now (a request's own rows are the ones written after it). */
export async function lastOutboxId(db: Db): Promise<number> {
  const { rows } = await sqlOf(db).run(sql(`SELECT COALESCE(MAX("id"), 0) AS "id" FROM "OutboxMessage"`));
  return Number(rows[0]?.id ?? 0);
}

// Is a row of higher priority due on this channel, outside this message, and free to go (no earlier
// unsent row to its chat, which it must not overtake)? Then this message waits for it.
const HIGHER_DUE = `SELECT 1 AS "found" FROM "OutboxMessage" AS "h" WHERE "h"."status" = 'pending' AND "h"."channel" = ? AND "h"."priority" > ? AND "h"."nextAttemptAt" <= ?
  AND "h"."id" NOT IN (SELECT "value" FROM json_each(?))
  AND NOT EXISTS (SELECT 1 FROM "OutboxMessage" AS "e" WHERE "e"."addressTag" = "h"."addressTag" AND "e"."status" IN ('pending', 'parked') AND "e"."id" < "h"."id")
  LIMIT 1`;

// One statement: the message's rows still under its lease become this consumer's claim, and are read.
const CLAIM_LEASED = `UPDATE "OutboxMessage" SET "claimedUntil" = ?
  WHERE "id" IN (SELECT "value" FROM json_each(?)) AND "status" = 'pending' AND "claimedUntil" = ?
  RETURNING "id", "channel", "sealedAddress", "addressTag", "replyAddressId", "threadKey", "payload", "attempts"`;

const UNSENT_TO = `SELECT "id", "status", "addressTag" FROM "OutboxMessage"
  WHERE "addressTag" IN (SELECT "value" FROM json_each(?)) AND "status" IN ('pending', 'parked')`;

// Rows claimed but not tried (chat order, a held channel): back to the next cron at once.
const RELEASE = `UPDATE "OutboxMessage" SET "claimedUntil" = NULL WHERE "id" IN (SELECT "value" FROM json_each(?)) AND "status" = 'pending' AND "claimedUntil" = ?`;

const stringOrNull = (v: unknown) => (v === null || v === undefined ? null : String(v));
const dueRowOf = (r: SqlRow): DueRow => ({
  id: Number(r.id),
  channel: String(r.channel),
  sealedAddress: stringOrNull(r.sealedAddress),
  addressTag: stringOrNull(r.addressTag),
  replyAddressId: r.replyAddressId === null || r.replyAddressId === undefined ? null : Number(r.replyAddressId),
  threadKey: stringOrNull(r.threadKey),
  payload: String(r.payload),
  attempts: Number(r.attempts),
});

export interface ConsumeResult {
  sent: number;
  /** Messages asked again later: higher-priority rows of their channel were still due. */
  waiting: number;
  /** Messages whose rows were no longer theirs (sent, or queued again): acknowledged, nothing sent. */
  stale: number;
}

/** One message: wait behind higher priorities, claim what is still leased to it, send it in order. */
async function consumeOne(deps: DispatcherDeps, message: WorkMessage, work: OutboxWork): Promise<{ sent: number; wait: boolean; stale: boolean }> {
  const hot = sqlOf(deps.db);
  const now = deps.now();
  const ids = JSON.stringify(work.ids);
  const higher = await hot.run(sql(HIGHER_DUE, work.channel, work.priority, sqlDate(now), ids));
  if (higher.rows.length > 0) {
    message.retry({ delaySeconds: PRIORITY_WAIT_SECONDS });
    return { sent: 0, wait: true, stale: false };
  }
  const claimUntil = sqlDate(new Date(now.getTime() + CLAIM_MS));
  const claimed = await hot.run(sql(CLAIM_LEASED, claimUntil, ids, sqlDate(new Date(work.lease))));
  if (claimed.rows.length === 0) {
    message.ack();
    return { sent: 0, wait: false, stale: true };
  }
  const order = new Map(work.ids.map((id, i) => [id, i]));
  const rows = claimed.rows.map(dueRowOf).sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  const tags = [...new Set(rows.map((r) => r.addressTag).filter((t): t is string => t !== null))];
  const unsent =
    tags.length === 0
      ? []
      : (await hot.run(sql(UNSENT_TO, JSON.stringify(tags)))).rows
          .map((r) => ({ id: Number(r.id), status: String(r.status), addressTag: String(r.addressTag) }))
          .sort((a, b) => a.id - b.id);
  const mine = new Set(rows.map((r) => r.id));
  const result = await sendLanes(deps, [rows], unsent, async (row) => mine.has(row.id));
  if (result.skipped.length > 0) await hot.run(sql(RELEASE, JSON.stringify(result.skipped), claimUntil));
  message.ack();
  return { sent: result.sent, wait: false, stale: false };
}

/**
 * The queue consumer: a batch of messages, the highest priority first (messages of one priority side
 * by side, each sending its rows in order), so that within a batch and across consumers no bulletin
 * of a channel goes out while an alert or reply of that channel is due. A malformed body is dropped.
 */
export async function consumeOutboxWork(deps: DispatcherDeps, messages: readonly WorkMessage[]): Promise<ConsumeResult> {
  const groups = new Map<number, Array<{ message: WorkMessage; work: OutboxWork }>>();
  for (const message of messages) {
    const parsed = workSchema.safeParse(message.body);
    if (!parsed.success) {
      deps.log.warn("outbox.queue_bad_message", {});
      message.ack();
      continue;
    }
    const group = groups.get(parsed.data.priority) ?? [];
    group.push({ message, work: parsed.data });
    groups.set(parsed.data.priority, group);
  }
  const total: ConsumeResult = { sent: 0, waiting: 0, stale: 0 };
  for (const priority of [...groups.keys()].sort((a, b) => b - a)) {
    const results = await Promise.all(
      groups.get(priority)!.map(({ message, work }) =>
        consumeOne(deps, message, work).catch((error: unknown) => {
          // Rows stay leased (or claimed) and go out again after it ends; the queue retries the message.
          deps.log.error("outbox.queue_failed", { error: error instanceof Error ? error.name : "unknown" });
          message.retry({ delaySeconds: PRIORITY_WAIT_SECONDS });
          return { sent: 0, wait: false, stale: false };
        }),
      ),
    );
    for (const r of results) {
      total.sent += r.sent;
      if (r.wait) total.waiting++;
      if (r.stale) total.stale++;
    }
  }
  return total;
}
