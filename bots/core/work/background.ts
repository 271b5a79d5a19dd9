// The background work of the Node server: kicked when an update is stored, settled in tests, stopped
// at shutdown. (A second thread with its own SQLite connection was measured and was slower: two writers
// wait on each other's lock; see BENCHMARKS.md.)
import { createWorkLoop, type WorkDeps } from "./runner.js";
import { requeueInterrupted } from "./process.js";
import { releaseStaleClaims } from "../../../src/outbox/dispatcher.js";

export interface BackgroundWork {
  kick(): void;
  settle(): Promise<void>;
  stop(): Promise<void>;
}

/** Runs the work loop on this thread, over the server's one SQLite connection. */
export async function startBackgroundWork(deps: WorkDeps, intervalMs: number): Promise<BackgroundWork> {
  await requeueInterrupted(deps);
  const released = await releaseStaleClaims(deps.db);
  if (released > 0) deps.log.warn("outbox.claims_released", { rows: released });
  const loop = createWorkLoop(deps, { intervalMs });
  return {
    kick: loop.kick,
    async settle() {
      for (let i = 0; i < 50; i++) {
        loop.kick();
        await loop.idle();
        const pending = await deps.db.inboundUpdate.count({ where: { status: "pending" } });
        const due = await deps.db.outboxMessage.count({ where: { status: "pending", nextAttemptAt: { lte: deps.now() } } });
        if (pending === 0 && due === 0) return;
      }
    },
    stop: () => loop.stop(),
  };
}
