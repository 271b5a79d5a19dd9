// Lets pending I/O (webhook requests) run between units of background work. Prisma's SQLite adapter
// answers with already-resolved promises, so a loop of queries is a chain of microtasks that would
// otherwise hold the event loop for the whole batch.
export function yieldToIo(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === "function") setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
}
