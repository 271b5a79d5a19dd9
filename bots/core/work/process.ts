import type { Incoming } from "../../../src/messaging/types.js";
import { mayHoldReceiptCode } from "../../../src/crypto/receipt.js";
import { checkpointAfterErasure } from "../../../src/db/forget.js";
import { handleIncoming } from "../engine.js";
import type { CoreDeps } from "../turn.js";
import { enqueue } from "../../../src/outbox/outbox.js";
import { vi } from "../../../src/i18n/vi.js";
import { yieldToIo } from "../../../src/util/yield.js";
import { classifyStorageError } from "../../../src/db/storage-health.js";
import { noteInbound } from "../../../src/outbox/window.js";
import { hasInteractionWindow } from "../../../src/bulletins/reach.js";

const MAX_ATTEMPTS = 3;
const BATCH = 20;

/** Rows left "processing" by a crash go back to the queue; their replies are de-duplicated by key. */
export async function requeueInterrupted(deps: CoreDeps): Promise<number> {
  const { count } = await deps.db.inboundUpdate.updateMany({ where: { status: "processing" }, data: { status: "pending", claimedAt: null } });
  return count;
}

/** Claims older than any handling takes were left by a crash or a storage failure: queue them again. */
export async function requeueStaleClaims(deps: CoreDeps, olderThanMs = 5 * 60_000): Promise<number> {
  const before = new Date(deps.now().getTime() - olderThanMs);
  const { count } = await deps.db.inboundUpdate.updateMany({
    where: { status: "processing", OR: [{ claimedAt: { lt: before } }, { claimedAt: null, receivedAt: { lt: before } }] },
    data: { status: "pending", claimedAt: null },
  });
  return count;
}

/** Handles stored incomings in arrival order, one at a time (updates of one chat must not overtake each other). */
export async function processPending(deps: CoreDeps, max = 200): Promise<number> {
  const { db, log } = deps;
  let handled = 0;
  let batch: Awaited<ReturnType<typeof db.inboundUpdate.findMany>> = [];
  // A batch shorter than asked for held every row pending when it was read: once it is handled the
  // pass ends without reading again (an empty SELECT per pass). A row stored after that read starts
  // work of its own (ingest's onStored: the loop's kick, which runs the pass again, or Workers'
  // waitUntil), and the timer catches anything else.
  let readAll = false;
  while (handled < max) {
    // Read a few at a time (one query per batch, not per update); a failure re-reads, keeping order.
    if (batch.length === 0) {
      if (readAll) break;
      batch = await db.inboundUpdate.findMany({ where: { status: "pending" }, orderBy: { id: "asc" }, take: BATCH });
      readAll = batch.length < BATCH;
    }
    const next = batch.shift();
    if (!next) break;
    const claimed = await db.inboundUpdate.updateMany({ where: { id: next.id, status: "pending" }, data: { status: "processing", attempts: { increment: 1 }, claimedAt: deps.now() } });
    if (claimed.count !== 1) continue;
    const incoming = JSON.parse(next.incoming) as Incoming;
    try {
      // On a channel with an interaction window (reach.json), a person writing is present again:
      // messages held for them are released ahead of the replies to this update.
      if (hasInteractionWindow(incoming.channel)) {
        await noteInbound(db, { channel: incoming.channel, chatTag: incoming.chat.tag, sender: incoming.sender }, new Date(incoming.receivedAt));
      }
      await handleIncoming(deps, incoming, `in:${next.id}`);
      log.debug("inbound.handled", { id: next.id, channel: next.channel, kind: incoming.content.kind });
      // The neutral copy has done its job: keep only the fact that it was handled.
      await db.inboundUpdate.update({ where: { id: next.id }, data: { status: "done", incoming: "", processedAt: deps.now() } });
      // A receipt code the citizen typed must not outlive its handling in the WAL either.
      if (incoming.content.kind === "text" && mayHoldReceiptCode(incoming.content.text)) await checkpointAfterErasure(db);
    } catch (error) {
      const storage = classifyStorageError(error);
      if (storage) {
        // Not the message's fault: give the attempt back and stop until the database takes writes
        // again. If even this write fails, the claim is released by the sweep (or at restart).
        log.error("inbound.storage_failed", { id: next.id, reason: storage });
        await db.inboundUpdate.updateMany({ where: { id: next.id, status: "processing" }, data: { status: "pending", attempts: next.attempts, claimedAt: null } });
        throw error;
      }
      const attempts = next.attempts + 1;
      const final = attempts >= MAX_ATTEMPTS;
      log.error("inbound.failed", { id: next.id, attempts, error: error instanceof Error ? error.message.slice(0, 300) : "unknown" });
      if (final) {
        await enqueue(db, { channel: incoming.channel, sealedAddress: incoming.chat.sealed, addressTag: incoming.chat.tag }, { text: vi.errors.generic }, { dedupeKey: `in:${next.id}:error` });
      }
      await db.inboundUpdate.update({
        where: { id: next.id },
        data: final ? { status: "failed", incoming: "", error: "handler failed" } : { status: "pending", claimedAt: null },
      });
      if (!final) {
        batch = []; // try it again before anything after it
        readAll = false;
      }
    }
    handled++;
    await (deps.pause ?? yieldToIo)();
  }
  return handled;
}
