// Zalo Bot by long polling with getUpdates (development without a public URL), through the
// channel-neutral loop (src/inbound/polling-loop.ts). One update per call (the platform's documented
// shape; a list is accepted too); the platform keeps no offset.
import type { Db } from "../../src/db/client.js";
import type { Keyring } from "../../src/crypto/keys.js";
import type { Logger } from "../../src/log.js";
import { startPolling, type Polling } from "../../src/inbound/polling-loop.js";
import { ZaloBotApiError, type ZaloBotClient } from "./client.js";
import { parseBotUpdate, toIncoming } from "./normalize.js";
import type { ZaloBotIngest } from "./webhook.js";

export type ZaloBotPolling = Polling;

export function startZaloBotPolling(
  client: ZaloBotClient,
  deps: { db: Db; keys: Keyring; now: () => Date; log?: Logger },
  ingest: ZaloBotIngest,
  options: { timeoutSeconds?: number; retryDelayMs?: number } = {},
): ZaloBotPolling {
  const timeout = options.timeoutSeconds ?? 30;
  return startPolling<unknown, "zalobot">(
    {
      channel: "zalobot",
      async fetch(_offset, signal) {
        const result = await client.getUpdates(timeout, AbortSignal.any([signal, AbortSignal.timeout((timeout + 10) * 1000)]));
        return Array.isArray(result) ? result : result ? [result] : [];
      },
      async normalise(update) {
        const parsed = parseBotUpdate(update);
        return parsed ? toIncoming(deps.db, deps.keys, parsed, deps.now()) : null;
      },
      fetchFailure(error) {
        if (error instanceof ZaloBotApiError && error.code === 408) return "idle"; // nothing new within the timeout
        return error instanceof ZaloBotApiError && (error.code === 401 || error.code === 403) ? "fatal" : "retry";
      },
    },
    ingest,
    { log: deps.log, retryDelayMs: options.retryDelayMs },
  );
}
