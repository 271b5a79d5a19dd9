import type { Db } from "../db/client.js";
import { checkpointAfterErasure } from "../db/forget.js";
import type { Keyring } from "../crypto/keys.js";
import { openAddress } from "../crypto/pseudonym.js";
import type { Channel, ChannelSender, OutgoingMessage } from "../messaging/types.js";
import type { Logger } from "../log.js";
import { yieldToIo } from "../util/yield.js";
import { sql, sqlDate, sqlOf } from "../db/sql.js";
import { notifyParked } from "./window.js";
import type { Pacer } from "./pacing.js";
import { duePass, markSent, type DueFilter, type DueRow } from "./queue.js";

/** What a delivered secret message leaves in its row. */
const FORGOTTEN_PAYLOAD = JSON.stringify({ text: "", secret: true });

export interface DispatcherDeps {
  db: Db;
  keys: Keyring;
  senders: Partial<Record<Channel, ChannelSender>>;
  now: () => Date;
  log: Logger;
  /** Paces sends per channel and holds a channel after a 429; without it rows go out as fast as they can. */
  pacer?: Pacer;
  /** Between sends: lets waiting webhooks go first (see CoreDeps.pause). */
  pause?: () => Promise<void>;
}

export const CLAIM_MS = 60_000;
/** Claims one due row for this sender (free, or its last claim expired). */
export const CLAIM = `UPDATE "OutboxMessage" SET "claimedUntil" = ? WHERE "id" = ? AND "status" = 'pending' AND ("claimedUntil" IS NULL OR "claimedUntil" < ?)`;
const MAX_ATTEMPTS = 25;

/**
 * At the start of the only dispatcher (Node), every claim is a leftover of a crash: release them so those
 * rows go out now rather than when their claim would have expired. A row whose send was in flight at the
 * crash may then arrive twice (no messenger API can tell whether it was delivered); every other row once.
 */
export async function releaseStaleClaims(db: Db): Promise<number> {
  const { count } = await db.outboxMessage.updateMany({ where: { status: "pending", claimedUntil: { not: null } }, data: { claimedUntil: null } });
  return count;
}

/** Back-off for transient failures: 2 s, 4 s, 8 s … capped at 10 minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(2_000 * 2 ** Math.max(0, attempts - 1), 600_000);
}

/**
 * Sends due outbox rows once each. A row is claimed by one conditional update before
 * it is sent, so two dispatchers (or a restarted one) never send it twice while the
 * claim lasts; a row whose sender crashed mid-send is retried after the claim expires.
 */
export async function dispatchDue(deps: DispatcherDeps, batchSize = 50, filter: DueFilter = {}): Promise<number> {
  const { db } = deps;
  const now = deps.now();
  // One lane per channel, each with its own batch, sending side by side: Telegram's pacing (or a 429
  // that holds it) never holds back Zalo's rows, and the reverse. Only channels with due rows have a
  // lane; rows of a channel without a sender are failed in their lane.
  // One statement: each lane's batch and every unsent message to the chats of this batch (read once,
  // not once per row), kept up to date as rows go out: a row waits while an earlier one to its chat
  // is still unsent.
  const { lanes, unsent: waiting } = await duePass(db, now, batchSize, filter);
  if (lanes.length === 0) return 0;
  const claimUntil = new Date(now.getTime() + CLAIM_MS);
  // One row, one claim, just before its send: through the prepared layer (a Prisma updateMany per
  // sent message was the hot path's costliest Prisma call, issue 11).
  const until = sqlDate(claimUntil);
  const at = sqlDate(now);
  const claim = async (row: DueRow) => (await sqlOf(db).run(sql(CLAIM, until, row.id, at))).changes === 1;
  return (await sendLanes(deps, lanes, waiting, claim)).sent;
}

/** What `sendLanes` did: rows delivered, and rows it left pending without trying (chat order, a held channel). */
export interface LanesResult {
  sent: number;
  skipped: number[];
}

/**
 * Sends lanes of rows (one lane per channel, side by side, each in its order), keeping one chat's
 * messages in order against `waiting` (every unsent message to those chats). `claim` takes a row
 * for this sender just before its send, or says another has it. Shared by the dispatcher (Node, and
 * a Worker request's own replies) and the queue consumer (src/outbox/queued.ts).
 */
export async function sendLanes(
  deps: DispatcherDeps,
  lanes: DueRow[][],
  waiting: Array<{ id: number; status: string; addressTag: string }>,
  claim: (row: DueRow) => Promise<boolean>,
): Promise<LanesResult> {
  const { db, keys, senders, log } = deps;
  const skipped: number[] = [];
  const blockedChats = new Set<string>();
  const heldChannels = new Set<string>();
  const unsent = new Map<string, Array<{ id: number; status: string }>>();
  for (const r of waiting) {
    const list = unsent.get(r.addressTag) ?? [];
    list.push({ id: r.id, status: r.status });
    unsent.set(r.addressTag, list);
  }
  const settled = (row: { id: number; addressTag: string | null }, status?: string) => {
    const list = row.addressTag ? unsent.get(row.addressTag) : undefined;
    const entry = list?.find((e) => e.id === row.id);
    if (!list || !entry) return;
    if (status) entry.status = status;
    else list.splice(list.indexOf(entry), 1);
  };
  const skip = (row: DueRow) => {
    skipped.push(row.id);
    return false;
  };
  /** Sends one row if it may go now; true when it was delivered. */
  const sendOne = async (row: DueRow): Promise<boolean> => {
    await (deps.pause ?? yieldToIo)();
    const chatKey = row.addressTag ?? `row:${row.id}`;
    if (blockedChats.has(chatKey)) return skip(row); // keep one chat's messages in order
    if (row.addressTag) {
      // An earlier message to the same chat still waits (e.g. for a 429): this one must not overtake it.
      const earlier = unsent.get(row.addressTag)?.find((e) => e.id < row.id);
      if (earlier) {
        // Behind a parked message (the person is out of reach until they write), wait parked too,
        // so a long wait never clogs the head of the queue; both are released together, in order.
        if (earlier.status === "parked") {
          blockedChats.add(chatKey);
          const moved = await db.outboxMessage.updateMany({ where: { id: row.id, status: "pending" }, data: { status: "parked", lastError: "behind a parked message" } });
          if (moved.count === 1) {
            settled(row, "parked");
            await notifyParked(deps, row);
          }
        }
        // Skip this row only: with priorities the earlier row may come later in this very batch.
        return skip(row);
      }
    }
    if (heldChannels.has(row.channel)) return skip(row);
    if (deps.pacer && !(await deps.pacer.acquire(row.channel))) {
      heldChannels.add(row.channel); // held after a 429: the next pass tries again
      return skip(row);
    }
    if (!(await claim(row))) return false;
    const sender = senders[row.channel as Channel];
    if (!sender || !row.sealedAddress) {
      await db.outboxMessage.update({
        where: { id: row.id },
        data: { status: "failed", lastError: sender ? "no address" : `no sender for ${row.channel}`, sealedAddress: null, claimedUntil: null },
      });
      settled(row);
      return false;
    }
    const message = JSON.parse(row.payload) as OutgoingMessage;
    let replyToExternalId: string | undefined;
    if (row.threadKey && row.addressTag) {
      const first = await db.outboxMessage.findFirst({
        where: { threadKey: row.threadKey, addressTag: row.addressTag, status: "sent", externalMessageId: { not: null } },
        orderBy: { id: "asc" },
        select: { externalMessageId: true },
      });
      replyToExternalId = first?.externalMessageId ?? undefined;
    }
    let result;
    try {
      const address = await openAddress(keys, row.sealedAddress);
      result = message.leaveChat
        ? await sender.leave(address.chatId)
        : message.commandMenu
          ? ((await sender.setCommandMenu?.(address.chatId, message.commandMenu)) ?? { ok: true as const })
          : await sender.send(address.chatId, message, { replyToExternalId });
    } catch (error) {
      result = { ok: false as const, permanent: false, error: error instanceof Error ? error.message : String(error) };
    }
    const attempts = row.attempts + 1;
    // A delivered (or undeliverable) secret is not kept: the receipt code leaves the database.
    const forget = message.secret && (result.ok || result.permanent || attempts >= MAX_ATTEMPTS) ? { payload: FORGOTTEN_PAYLOAD } : {};
    if (result.ok) {
      await markSent(db, { id: row.id, attempts, externalMessageId: result.externalMessageId ?? null, sentAt: deps.now(), ...forget });
      settled(row);
    } else if (result.unreachable) {
      // Outside the messenger's interaction window: kept (address included) until the chat writes again.
      blockedChats.add(chatKey);
      log.info("outbox.parked", { id: row.id, channel: row.channel });
      await db.outboxMessage.update({
        where: { id: row.id },
        data: { status: "parked", attempts, lastError: result.error.slice(0, 500), claimedUntil: null },
      });
      settled(row, "parked");
      await notifyParked(deps, row);
    } else if (result.permanent || attempts >= MAX_ATTEMPTS) {
      log.warn("outbox.failed", { id: row.id, channel: row.channel, error: result.error.slice(0, 200) });
      await db.outboxMessage.update({
        where: { id: row.id },
        data: { status: "failed", attempts, lastError: result.error.slice(0, 500), sealedAddress: null, claimedUntil: null, ...forget },
      });
      settled(row);
    } else {
      blockedChats.add(chatKey);
      const waitMs = result.retryAfterSeconds !== undefined ? result.retryAfterSeconds * 1000 : backoffMs(attempts);
      if (result.retryAfterSeconds !== undefined) await deps.pacer?.pause(row.channel, waitMs);
      await db.outboxMessage.update({
        where: { id: row.id },
        data: { attempts, lastError: result.error.slice(0, 500), nextAttemptAt: new Date(deps.now().getTime() + waitMs), claimedUntil: null },
      });
    }
    if ("payload" in forget) await checkpointAfterErasure(db);
    return result.ok;
  };
  const perLane = await Promise.all(
    lanes.map(async (rows) => {
      let sent = 0;
      for (const row of rows) if (await sendOne(row)) sent++;
      return sent;
    }),
  );
  return { sent: perLane.reduce((a, b) => a + b, 0), skipped };
}
