// Long polling for any channel (Telegram and Zalo Bot, for runs without a public URL): fetch, make
// each update neutral, store it through the one intake, in order. The next batch is fetched only
// once every update of this one is stored: a store that fails is retried with back-off, never
// skipped. The adapter supplies only what is the platform's: how to fetch and how to normalise.
import { classifyStorageError } from "../db/storage-health.js";
import { errorCode, type Logger } from "../log.js";
import type { Channel, Incoming } from "../messaging/types.js";
import type { Ingest } from "./ingest.js";

/** First wait after a failure; doubled after each further one, up to the most. */
export const POLL_RETRY_FIRST_MS = 1_000;
export const POLL_RETRY_MOST_MS = 30_000;

export interface PollSource<U, C extends Channel = Channel> {
  channel: C;
  /** Before the first fetch (Telegram: who the bot is, and no webhook set). A failure ends polling. */
  prepare?(): Promise<void>;
  /** Updates from `offset` on (undefined at first), waiting up to the platform's long-poll timeout. */
  fetch(offset: number | undefined, signal: AbortSignal): Promise<U[]>;
  /** The offset after an update (Telegram: update_id + 1); absent where the platform keeps none. */
  offsetAfter?(update: U): number;
  /** The neutral incoming of an update (incoming null: a kind we ignore, id still stored), or null to pass it by. */
  normalise(update: U): Promise<{ externalId: string; incoming: Incoming | null } | null>;
  /** After an update is stored (Telegram: a pressed button stops spinning). Best effort. */
  afterStored?(update: U): Promise<void>;
  /** What a failed fetch means: nothing new yet ("idle"), a wrong token ("fatal"), else back off and retry. */
  fetchFailure?(error: unknown): "idle" | "fatal" | "retry";
  /** On stop, tell the platform what was handled so nothing is fetched twice at the next start. */
  confirm?(offset: number): Promise<void>;
}

export interface PollingOptions {
  /** Only event names and codes are logged: never updates, ids or names. */
  log?: Logger;
  /** First wait before retrying (doubles up to 30 s). Default 1 s. */
  retryDelayMs?: number;
}

export interface Polling {
  stop(): Promise<void>;
  /** Settles when polling has ended (after stop(), or on a fatal error such as a wrong token). */
  running: Promise<void>;
}

export function startPolling<U, C extends Channel>(source: PollSource<U, C>, ingest: Ingest<C>, options: PollingOptions = {}): Polling {
  const { log } = options;
  const event = (name: string) => `${source.channel}.polling.${name}`;
  const first = options.retryDelayMs ?? POLL_RETRY_FIRST_MS;
  const backOff = (delay: number) => Math.min(delay * 2, POLL_RETRY_MOST_MS);
  const controller = new AbortController();
  const stopping = () => controller.signal.aborted;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      controller.signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
    });

  /** Stores one update; false when polling stopped before it could be (it is fetched again next time). */
  async function handle(update: U): Promise<boolean> {
    for (let delay = first; ; delay = backOff(delay)) {
      let stage: "normalise" | "store" = "normalise";
      try {
        const neutral = await source.normalise(update);
        stage = "store";
        if (!neutral) return true;
        await ingest(source.channel, neutral.externalId, neutral.incoming);
        await source.afterStored?.(update).catch(() => undefined);
        return true;
      } catch (error) {
        // An update that cannot be made neutral would fail the same way again; storage trouble passes.
        if (stage === "normalise" && !classifyStorageError(error)) {
          log?.error(event("update_failed"), { error: errorCode(error) });
          return true;
        }
        if (stopping()) return false;
        log?.warn(event("ingest_failed"), { error: errorCode(error), retryInMs: delay });
        await pause(delay);
        if (stopping()) return false;
      }
    }
  }

  let offset: number | undefined;
  const running = (async () => {
    try {
      await source.prepare?.();
    } catch (error) {
      log?.error(event("stopped"), { error: errorCode(error) });
      return;
    }
    log?.info(event("started"));
    let delay = first;
    while (!stopping()) {
      let updates: U[];
      try {
        updates = await source.fetch(offset, controller.signal);
        delay = first;
      } catch (error) {
        if (stopping()) break;
        const kind = source.fetchFailure?.(error) ?? "retry";
        if (kind === "idle") continue;
        if (kind === "fatal") {
          log?.error(event("stopped"), { error: errorCode(error) });
          return;
        }
        log?.warn(event("failed"), { error: errorCode(error), retryInMs: delay });
        await pause(delay);
        delay = backOff(delay);
        continue;
      }
      for (const update of updates) {
        if (!(await handle(update))) break;
        if (source.offsetAfter) offset = source.offsetAfter(update);
      }
    }
    if (offset !== undefined && source.confirm) {
      await source.confirm(offset).catch((error: unknown) => log?.warn(event("stop_failed"), { error: errorCode(error) }));
    }
  })();

  return {
    running,
    async stop() {
      controller.abort();
      await running;
    },
  };
}
