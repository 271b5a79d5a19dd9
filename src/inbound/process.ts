import type { Incoming } from "../../bots/core/types.js";
import { handleIncoming } from "../../bots/core/engine.js";
import type { CoreDeps } from "../../bots/core/turn.js";
import { enqueue } from "../outbox/outbox.js";
import { vi } from "../i18n/vi.js";
import { yieldToIo } from "../util/yield.js";

const MAX_ATTEMPTS = 3;

/** Rows left "processing" by a crash go back to the queue; their replies are de-duplicated by key. */
export async function requeueInterrupted(deps: CoreDeps): Promise<number> {
  const { count } = await deps.db.inboundUpdate.updateMany({ where: { status: "processing" }, data: { status: "pending" } });
  return count;
}

/** Handles stored incomings in arrival order, one at a time (updates of one chat must not overtake each other). */
export async function processPending(deps: CoreDeps, max = 200): Promise<number> {
  const { db, log } = deps;
  let handled = 0;
  while (handled < max) {
    const next = await db.inboundUpdate.findFirst({ where: { status: "pending" }, orderBy: { id: "asc" } });
    if (!next) break;
    const claimed = await db.inboundUpdate.updateMany({ where: { id: next.id, status: "pending" }, data: { status: "processing", attempts: { increment: 1 } } });
    if (claimed.count !== 1) continue;
    const incoming = JSON.parse(next.incoming) as Incoming;
    try {
      await handleIncoming(deps, incoming, `in:${next.id}`);
      log.debug("inbound.handled", { id: next.id, channel: next.channel, kind: incoming.content.kind });
      // The neutral copy has done its job: keep only the fact that it was handled.
      await db.inboundUpdate.update({ where: { id: next.id }, data: { status: "done", incoming: "", processedAt: deps.now() } });
    } catch (error) {
      const attempts = next.attempts + 1;
      const final = attempts >= MAX_ATTEMPTS;
      log.error("inbound.failed", { id: next.id, attempts, error: error instanceof Error ? error.message.slice(0, 300) : "unknown" });
      if (final) {
        await enqueue(db, { channel: incoming.channel, sealedAddress: incoming.chat.sealed, addressTag: incoming.chat.tag }, { text: vi.errors.generic }, { dedupeKey: `in:${next.id}:error` });
      }
      await db.inboundUpdate.update({
        where: { id: next.id },
        data: final ? { status: "failed", incoming: "", error: "handler failed" } : { status: "pending" },
      });
    }
    handled++;
    await yieldToIo();
  }
  return handled;
}
