import type { Incoming } from "../../../src/messaging/types.js";
import { mayHoldReceiptCode } from "../../../src/crypto/receipt.js";
import { checkpointAfterErasure } from "../../../src/db/forget.js";
import { handleIncoming } from "../engine.js";
import type { CoreDeps } from "../turn.js";
import { enqueue } from "../../../src/outbox/outbox.js";
import { messagesFor } from "../../../src/i18n/messages.js";
import { yieldToIo } from "../../../src/util/yield.js";
import { classifyStorageError } from "../../../src/db/storage-health.js";
import { noteInbound } from "../../../src/outbox/window.js";
import { hasInteractionWindow } from "../../../src/bulletins/reach.js";
import { claimNextInbound, inboundDone } from "../../../src/inbound/store.js";
import { readTurnStart } from "../../../src/conversations/store.js";

const MAX_ATTEMPTS = 3;

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
  while (handled < max) {
    // The oldest pending row, found and claimed in one statement; a row given back after a failure
    // is the oldest again, so it is tried before anything after it.
    const next = await claimNextInbound(db, deps.now());
    if (!next) break;
    const incoming = JSON.parse(next.incoming) as Incoming;
    // The person's locale for the last-resort error, when the turn's start was read here (else Vietnamese).
    let locale: string | undefined;
    try {
      // On a channel with an interaction window (reach.json), a person writing is present again:
      // messages held for them are released ahead of the replies to this update.
      // The turn's start (state and staff record) is read once, here, and handed to the engine.
      const start = hasInteractionWindow(incoming.channel) ? await readTurnStart(db, incoming.sender) : undefined;
      locale = start?.locale;
      if (start) {
        await noteInbound(db, { channel: incoming.channel, chatTag: incoming.chat.tag, staffId: start.staff?.id ?? null }, new Date(incoming.receivedAt));
      }
      // The neutral copy has done its job: only the fact that it was handled stays, written in the
      // turn's own transaction (with its state and replies).
      await handleIncoming(deps, incoming, `in:${next.id}`, { start, alsoWrite: () => [inboundDone(next.id, deps.now())] });
      log.debug("inbound.handled", { id: next.id, channel: next.channel, kind: incoming.content.kind });
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
        await enqueue(db, { channel: incoming.channel, sealedAddress: incoming.chat.sealed, addressTag: incoming.chat.tag }, { text: messagesFor(locale).citizen.errors.generic }, { dedupeKey: `in:${next.id}:error` });
      }
      await db.inboundUpdate.update({
        where: { id: next.id },
        data: final ? { status: "failed", incoming: "", lane: null, error: "handler failed" } : { status: "pending", claimedAt: null },
      });
    }
    handled++;
    await (deps.pause ?? yieldToIo)();
  }
  return handled;
}
