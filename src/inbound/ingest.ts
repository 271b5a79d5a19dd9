// The one intake path every channel ends in (webhooks, long polling, the web chat; Node and
// Workers): store the neutral incoming, say why when storage fails, start background work only for
// a new row. A failure is rethrown so the caller answers 503 (webhooks: the platform retries) or
// retries itself (polling): nothing answered as taken is lost.
import type { Db } from "../db/client.js";
import { classifyStorageError, STORAGE_HINTS } from "../db/storage-health.js";
import type { Logger } from "../log.js";
import type { Channel, Incoming } from "../messaging/types.js";
import { storeIncoming, type StoreResult } from "./store.js";

/** Stores one incoming (null: an update of a kind we ignore, whose id is still known). */
export type Ingest<C extends Channel = Channel> = (channel: C, externalId: string, incoming: Incoming | null) => Promise<unknown>;

/** A stored update could not be written: say clearly why, once per failure, without any content. */
export function logStorageFailure(log: Logger, channel: string, error: unknown): void {
  const reason = classifyStorageError(error);
  if (reason) log.error("storage.write_failed", { channel, reason, hint: STORAGE_HINTS[reason] });
}

export function createIngest(opts: { db: Db; log: Logger; now: () => Date; onStored: () => void }) {
  return async (channel: Channel, externalId: string, incoming: Incoming | null): Promise<StoreResult> => {
    let result: StoreResult;
    try {
      result = await storeIncoming(opts.db, channel, externalId, incoming, opts.now());
    } catch (error) {
      logStorageFailure(opts.log, channel, error);
      throw error;
    }
    // A repeat (the platform re-sent it) was handled when first stored.
    if (result === "stored") opts.onStored();
    return result;
  };
}
