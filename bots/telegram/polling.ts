// Telegram by long polling (local runs without a public URL), through the channel-neutral loop
// (src/inbound/polling-loop.ts): here only getUpdates, the offset and the neutral update.
import type { Api, Bot } from "grammy";
import { GrammyError } from "grammy";
import type { Update } from "grammy/types";
import type { Keyring } from "../../src/crypto/keys.js";
import { startPolling, type Polling, type PollingOptions } from "../../src/inbound/polling-loop.js";
import { TELEGRAM_ALLOWED_UPDATES } from "./bot.js";
import { updateToIncoming } from "./normalize.js";
import { answerCallbackBestEffort, type TelegramIngest } from "./webhook.js";

export interface TelegramPollingOptions extends PollingOptions {
  now?: () => number;
}

export type TelegramPolling = Polling;

/** Seconds one getUpdates may wait for something new. */
const LONG_POLL_SECONDS = 30;

// grammY on Node types its signal after the abort-controller package; a native one works.
type ApiSignal = Parameters<Api["getUpdates"]>[1];

export function startTelegramPolling(bot: Bot, keys: Keyring, ingest: TelegramIngest, options: TelegramPollingOptions = {}): TelegramPolling {
  const now = options.now ?? (() => Date.now());
  return startPolling<Update, "telegram">(
    {
      channel: "telegram",
      async prepare() {
        if (!bot.isInited()) await bot.init();
        await bot.api.deleteWebhook({ drop_pending_updates: false });
      },
      fetch: (offset, signal) =>
        bot.api.getUpdates({ offset, limit: 100, timeout: LONG_POLL_SECONDS, allowed_updates: [...TELEGRAM_ALLOWED_UPDATES] }, signal as unknown as ApiSignal),
      offsetAfter: (update) => update.update_id + 1,
      normalise: (update) => updateToIncoming(update, keys, now(), { botUsername: bot.botInfo.username }),
      afterStored: (update) => answerCallbackBestEffort(bot.api, update),
      // A wrong token, or another poller or a webhook on this bot: polling cannot go on.
      fetchFailure: (error) => (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 409) ? "fatal" : "retry"),
      async confirm(offset) {
        await bot.api.getUpdates({ offset, limit: 1, timeout: 0 });
      },
    },
    ingest,
    options,
  );
}
