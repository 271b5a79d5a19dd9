// Long polling for local runs without a public URL. Updates are handled one at a time, in order,
// and the next batch is fetched only once every update of this one is stored: an update whose
// storage fails is retried here (with back-off) instead of being skipped.
import type { Bot } from "grammy";
import type { Keyring } from "../../src/crypto/keys.js";
import type { Logger } from "../../src/log.js";
import { TELEGRAM_ALLOWED_UPDATES } from "./bot.js";
import { updateToIncoming } from "./normalize.js";
import { answerCallbackBestEffort, type TelegramIngest } from "./webhook.js";

export interface TelegramPollingOptions {
  /** Only event names and codes are logged: never updates, ids or names. */
  log?: Logger;
  /** First wait before retrying a failed ingest (doubles up to 30 s). Default 1 s. */
  retryDelayMs?: number;
  now?: () => number;
}

export interface TelegramPolling {
  stop(): Promise<void>;
  /** Settles when polling has ended (after stop(), or on a fatal error such as a wrong token). */
  running: Promise<void>;
}

function errorCode(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown; error_code?: unknown }).code ?? (error as { error_code?: unknown }).error_code;
    return typeof code === "string" || typeof code === "number" ? `${error.name}:${code}` : error.name;
  }
  return typeof error;
}

export function startTelegramPolling(bot: Bot, keys: Keyring, ingest: TelegramIngest, options: TelegramPollingOptions = {}): TelegramPolling {
  const { log } = options;
  const now = options.now ?? (() => Date.now());
  let stopping = false;
  let wake: (() => void) | undefined;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  bot.use(async (ctx) => {
    const { externalId, incoming } = await updateToIncoming(ctx.update, keys, now(), { botUsername: ctx.me.username });
    let delay = options.retryDelayMs ?? 1_000;
    for (;;) {
      try {
        await ingest("telegram", externalId, incoming);
        break;
      } catch (error) {
        if (stopping) throw error;
        log?.warn("telegram.polling.ingest_failed", { error: errorCode(error), retryInMs: delay });
        await pause(delay);
        if (stopping) throw error;
        delay = Math.min(delay * 2, 30_000);
      }
    }
    await answerCallbackBestEffort(ctx.api, ctx.update);
  });

  // Without a handler grammY logs the failing update's error and stops polling.
  bot.catch((err) => {
    log?.error("telegram.polling.update_failed", { error: errorCode(err.error) });
  });

  const running = bot
    .start({
      drop_pending_updates: false,
      allowed_updates: [...TELEGRAM_ALLOWED_UPDATES],
      onStart: () => log?.info("telegram.polling.started"),
    })
    .catch((error: unknown) => {
      log?.error("telegram.polling.stopped", { error: errorCode(error) });
    });

  return {
    running,
    async stop() {
      stopping = true;
      wake?.();
      try {
        await bot.stop();
      } catch (error) {
        log?.warn("telegram.polling.stop_failed", { error: errorCode(error) });
      }
      await running;
    },
  };
}
