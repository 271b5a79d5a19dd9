// Long polling with getUpdates for development without a public URL. One update per call (the
// platform's documented shape; a list is accepted too), stored before the next call; a failed
// store is retried with back-off, never skipped.
import type { Db } from "../../src/db/client.js";
import type { Keyring } from "../../src/crypto/keys.js";
import type { Logger } from "../../src/log.js";
import { errorCode } from "../../src/log.js";
import { ZaloBotApiError, type ZaloBotClient } from "./client.js";
import { parseBotUpdate, toIncoming } from "./normalize.js";
import type { ZaloBotIngest } from "./webhook.js";

export interface ZaloBotPolling {
  stop(): Promise<void>;
  running: Promise<void>;
}

export function startZaloBotPolling(
  client: ZaloBotClient,
  deps: { db: Db; keys: Keyring; now: () => Date; log?: Logger },
  ingest: ZaloBotIngest,
  options: { timeoutSeconds?: number; retryDelayMs?: number } = {},
): ZaloBotPolling {
  const controller = new AbortController();
  let stopping = false;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      controller.signal.addEventListener("abort", () => {
        clearTimeout(timer);
        resolve();
      });
    });

  async function handle(update: unknown): Promise<void> {
    const parsed = parseBotUpdate(update);
    if (!parsed) return;
    let delay = options.retryDelayMs ?? 1_000;
    for (;;) {
      try {
        const { externalId, incoming } = await toIncoming(deps.db, deps.keys, parsed, deps.now());
        await ingest("zalobot", externalId, incoming);
        return;
      } catch (error) {
        if (stopping) return;
        deps.log?.warn("zalobot.polling.ingest_failed", { error: errorCode(error), retryInMs: delay });
        await pause(delay);
        delay = Math.min(delay * 2, 30_000);
      }
    }
  }

  const running = (async () => {
    deps.log?.info("zalobot.polling.started");
    let delay = options.retryDelayMs ?? 1_000;
    while (!stopping) {
      let result: unknown;
      try {
        const timeout = options.timeoutSeconds ?? 30;
        result = await client.getUpdates(timeout, AbortSignal.any([controller.signal, AbortSignal.timeout((timeout + 10) * 1000)]));
        delay = options.retryDelayMs ?? 1_000;
      } catch (error) {
        if (stopping) break;
        if (error instanceof ZaloBotApiError && error.code === 408) continue; // nothing new within the timeout
        if (error instanceof ZaloBotApiError && (error.code === 401 || error.code === 403)) {
          deps.log?.error("zalobot.polling.stopped", { error: errorCode(error) });
          return;
        }
        deps.log?.warn("zalobot.polling.failed", { error: errorCode(error), retryInMs: delay });
        await pause(delay);
        delay = Math.min(delay * 2, 30_000);
        continue;
      }
      const updates = Array.isArray(result) ? result : result ? [result] : [];
      for (const update of updates) await handle(update);
    }
  })();

  return {
    running,
    async stop() {
      stopping = true;
      controller.abort();
      await running;
    },
  };
}
