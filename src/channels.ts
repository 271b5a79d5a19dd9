// The messenger clients, senders and media sources, built from the settings. Web APIs only: the Node
// server and the Worker build them the same way (the Worker per request, without asking Telegram's
// getMe).
import { telegramMediaFetcher } from "../bots/telegram/media.js";
import type { UserFromGetMe } from "grammy/types";
import type { AppConfig } from "./config/schema.js";
import type { AppOptions } from "./app.js";
import type { Keyring } from "./crypto/keys.js";
import type { Db } from "./db/client.js";
import type { Logger } from "./log.js";
import { buildMediaSources } from "./media/sources.js";
import { createWebChatSender } from "../bots/webchat/sender.js";
import { createTelegramBot, TELEGRAM_ALLOWED_UPDATES } from "../bots/telegram/bot.js";
import { createTelegramSender } from "../bots/telegram/sender.js";
import { ZaloOaClient } from "../bots/zalo/client.js";
import { createTokenStore } from "../bots/zalo/tokens.js";
import { createZaloSender } from "../bots/zalo/sender.js";
import { zaloArticlePublisher } from "../bots/zalo/articles.js";
import { ZaloBotClient } from "../bots/zalobot/client.js";
import { createZaloBotSender } from "../bots/zalobot/sender.js";
import type { Channel, ChannelSender } from "./messaging/types.js";

export async function createChannels(opts: {
  config: AppConfig;
  db: Db;
  keys: Keyring;
  log: Logger;
  now: () => Date;
  botInfo?: UserFromGetMe;
  /** Ask Telegram who the bot is (getMe) when `botInfo` is not given: Node, once at start. */
  initBot?: boolean;
  /** How long one Telegram API call may take (default in bots/telegram/bot.ts). */
  telegramTimeoutSeconds?: number;
}) {
  const { config, db, keys, log, now } = opts;
  const senders: Partial<Record<Channel, ChannelSender>> = { web: createWebChatSender(db, keys) };
  const bot =
    config.telegram.kind === "off" ? null : createTelegramBot({ token: config.telegram.token, apiRoot: config.telegram.apiRoot, botInfo: opts.botInfo, timeoutSeconds: opts.telegramTimeoutSeconds });
  if (bot && !opts.botInfo && opts.initBot !== false) await bot.init();
  const media = buildMediaSources({
    db,
    telegram: bot && config.telegram.kind !== "off" ? telegramMediaFetcher(bot.api, config.telegram.token, config.telegram.apiRoot) : undefined,
  });
  if (bot) {
    senders.telegram = createTelegramSender(bot.api, { media });
  }
  const zaloOa = config.zalo.kind === "on" ? new ZaloOaClient({ ...config.zalo, tokens: createTokenStore(db, keys, config.zalo.appId), now, log }) : null;
  if (zaloOa) senders.zalo = createZaloSender({ client: zaloOa, db, keys, media, now, publicUrl: config.publicUrl });
  const zaloBot = config.zalobot.kind === "off" ? null : new ZaloBotClient({ token: config.zalobot.token, apiRoot: config.zalobot.apiRoot });
  if (zaloBot) senders.zalobot = createZaloBotSender({ client: zaloBot, db, keys, now, publicUrl: config.publicUrl, media });
  // The weekly digest article needs a cover Zalo can fetch (a public URL): without one, no digest.
  const articles = zaloOa && config.zalo.kind === "on" && config.zalo.articleCoverUrl ? zaloArticlePublisher(zaloOa, config.zalo.articleCoverUrl) : undefined;
  return { senders, media, bot, zaloOa, zaloBot, articles };
}

/** Which webhooks the app serves, from the settings: the same on Node and Workers. */
export function webhookOptions(config: AppConfig, telegramUsername?: string): Pick<AppOptions, "telegram" | "zalo" | "zalobot"> {
  return {
    telegram: config.telegram.kind === "webhook" ? { secret: config.telegram.secret, botUsername: telegramUsername } : undefined,
    zalo: config.zalo.kind === "on" ? { appId: config.zalo.appId, oaSecretKey: config.zalo.oaSecretKey } : undefined,
    zalobot: config.zalobot.kind === "webhook" ? { secret: config.zalobot.secret } : undefined,
  };
}

/** A webhook this app asked a platform to call. */
export interface RegisteredWebhook {
  channel: "telegram" | "zalobot";
  url: string;
}

/** A platform refused (or could not be reached to set) its webhook. */
export class WebhookRegistrationError extends Error {
  constructor(
    readonly channel: RegisteredWebhook["channel"],
    override readonly cause: unknown,
  ) {
    super(`${channel} setWebhook failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = "WebhookRegistrationError";
  }
}

/**
 * Tells Telegram and Zalo Bot where to send updates, for the channels set to webhook mode (PUBLIC_URL
 * and their secret set). The Node server does it at start; a Worker never starts, so the admin
 * command `set-webhooks` does it for a deployment from the same settings.
 */
export async function registerWebhooks(config: AppConfig, channels: Pick<Awaited<ReturnType<typeof createChannels>>, "bot" | "zaloBot">): Promise<RegisteredWebhook[]> {
  const done: RegisteredWebhook[] = [];
  const register = async (channel: RegisteredWebhook["channel"], url: string, call: () => Promise<unknown>) => {
    try {
      await call();
    } catch (error) {
      throw new WebhookRegistrationError(channel, error);
    }
    done.push({ channel, url });
  };
  const { bot, zaloBot } = channels;
  if (bot && config.telegram.kind === "webhook") {
    const { secret, publicUrl } = config.telegram;
    const url = new URL("/telegram/webhook", publicUrl).toString();
    await register("telegram", url, () => bot.api.setWebhook(url, { secret_token: secret, max_connections: 40, allowed_updates: [...TELEGRAM_ALLOWED_UPDATES] }));
  }
  if (zaloBot && config.zalobot.kind === "webhook") {
    const { secret, publicUrl } = config.zalobot;
    const url = new URL("/zalobot/webhook", publicUrl).toString();
    await register("zalobot", url, () => zaloBot.setWebhook(url, secret));
  }
  return done;
}
