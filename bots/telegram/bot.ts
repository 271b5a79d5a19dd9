import { Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { autoRetry } from "@grammyjs/auto-retry";

/** The update kinds we ask Telegram for, by long polling and in setWebhook alike. */
export const TELEGRAM_ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"] as const;

export interface TelegramBotOptions {
  token: string;
  /** "https://api.telegram.org" in production, a local fake in tests. */
  apiRoot: string;
  /** Skips getMe; required where the bot cannot call out at start (Cloudflare Workers). */
  botInfo?: UserFromGetMe;
  /**
   * How long one API call may take. grammY's default (500 s) would let one hanging request stall the
   * dispatcher for minutes; 40 s still leaves room for a 30 s long poll.
   */
  timeoutSeconds?: number;
}

export function createTelegramBot(opts: TelegramBotOptions): Bot {
  const bot = new Bot(opts.token, {
    ...(opts.botInfo ? { botInfo: opts.botInfo } : {}),
    client: { apiRoot: opts.apiRoot, timeoutSeconds: opts.timeoutSeconds ?? 40 },
  });
  // Short waits only: a longer retry_after, 5xx answers and network errors go back to the outbox,
  // whose back-off survives restarts and does not hold up other chats.
  // rethrowHttpErrors: auto-retry 2.0 retries network errors forever (maxRetryAttempts does not
  // apply to them), which would hold a dispatcher run hostage during an outage.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 2, maxDelaySeconds: 3, rethrowHttpErrors: true, rethrowInternalServerErrors: true }));
  return bot;
}
