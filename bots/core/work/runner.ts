import type { CoreDeps } from "../turn.js";
import type { Channel, ChannelSender } from "../../../src/messaging/types.js";
import { processPending } from "./process.js";
import { dispatchDue } from "../../../src/outbox/dispatcher.js";
import { sweep } from "./sweep.js";
import { classifyStorageError } from "../../../src/db/storage-health.js";
import type { Pacer } from "../../../src/outbox/pacing.js";

export interface WorkDeps extends CoreDeps {
  senders: Partial<Record<Channel, ChannelSender>>;
  /** Per-channel pacing of sends (src/outbox/channel-limits.json). */
  pacer?: Pacer;
  /** D1 statements the invocation may still make (Workers); the bulletin job stays within them. */
  statementsLeft?: () => number;
}

/** One pass of background work: handle stored incomings, then send what is due. */
export async function runWorkOnce(deps: WorkDeps): Promise<{ handled: number; sent: number }> {
  const handled = await processPending(deps);
  const sent = await dispatchDue(deps);
  return { handled, sent };
}

/**
 * In-process work loop (Node). `kick()` after storing an incoming runs a pass at once;
 * passes never overlap; a timer catches retries that became due and runs the sweep.
 */
export function createWorkLoop(deps: WorkDeps, opts: { intervalMs: number; sweepEveryMs?: number }) {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let lastSweep = 0;
  // While the database refuses writes (full disk, read-only, locked) passes only fail: wait longer
  // between them (1 s, 2 s … 30 s) instead of failing and logging twice a second.
  let storageFailures = 0;
  let pausedUntil = 0;
  const pass = async () => {
    do {
      again = false;
      try {
        await runWorkOnce(deps);
        if (Date.now() - lastSweep >= (opts.sweepEveryMs ?? 30_000)) {
          lastSweep = Date.now();
          await sweep(deps);
        }
        if (storageFailures > 0) deps.log.info("work.storage_recovered", { failedPasses: storageFailures });
        storageFailures = 0;
      } catch (error) {
        const reason = classifyStorageError(error);
        if (reason) {
          storageFailures++;
          pausedUntil = Date.now() + Math.min(1_000 * 2 ** (storageFailures - 1), 30_000);
          if (storageFailures === 1 || storageFailures % 10 === 0) deps.log.error("work.storage_failed", { reason, failedPasses: storageFailures });
          return;
        }
        deps.log.error("work.failed", { error: error instanceof Error ? error.message.slice(0, 300) : "unknown" });
      }
    } while (again && !stopped);
  };
  const kick = () => {
    if (stopped || Date.now() < pausedUntil) return;
    if (running) {
      again = true;
      return;
    }
    running = pass().finally(() => {
      running = null;
    });
  };
  const timer = setInterval(kick, opts.intervalMs);
  return {
    kick,
    /** Resolves when no pass is running. */
    async idle() {
      while (running) await running;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      while (running) await running;
    },
  };
}
