// Lets pending I/O (webhook requests) run between units of background work. Prisma's SQLite adapter
// answers with already-resolved promises, so a loop of queries is a chain of microtasks that would
// otherwise hold the event loop for the whole batch.
export function yieldToIo(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === "function") setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
}

/** Counts webhook and chat requests in progress, so background work can let them go first. */
export interface IntakeGauge {
  active: number;
}

/**
 * A pause for background work that gives way to intake: after yielding, it waits (up to `maxMs`)
 * while requests are in progress. A burst is stored and answered first; handling catches up after.
 */
export function pauseForIntake(gauge: IntakeGauge, maxMs = 25): () => Promise<void> {
  return async () => {
    await yieldToIo();
    const until = Date.now() + maxMs;
    while (gauge.active > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 1));
  };
}
