// The messenger clients, senders and media sources of a Node process, built from the settings.
// Both threads of the server build them: the HTTP thread for webhooks, polling and media links, the
// work thread for sending.
import type { UserFromGetMe } from "grammy/types";
import type { AppConfig } from "./config/schema.js";
import type { Keyring } from "./crypto/keys.js";
import type { Db } from "./db/client.js";
import type { Logger } from "./log.js";
import { buildMediaSources } from "./media/sources.js";
import { createWebChatSender } from "../bots/webchat/sender.js";
import { createTelegramBot } from "../bots/telegram/bot.js";
import { createTelegramSender } from "../bots/telegram/sender.js";
import { ZaloOaClient } from "../bots/zalo/client.js";
import { createTokenStore } from "../bots/zalo/tokens.js";
import { createZaloSender } from "../bots/zalo/sender.js";
import { ZaloBotClient } from "../bots/zalobot/client.js";
import { createZaloBotSender } from "../bots/zalobot/sender.js";
import type { Channel, ChannelSender } from "../bots/core/types.js";

export async function createNodeChannels(opts: { config: AppConfig; db: Db; keys: Keyring; log: Logger; now: () => Date; botInfo?: UserFromGetMe }) {
  const { config, db, keys, log, now } = opts;
  const senders: Partial<Record<Channel, ChannelSender>> = { web: createWebChatSender(db, keys) };
  const bot =
    config.telegram.kind === "off" ? null : createTelegramBot({ token: config.telegram.token, apiRoot: config.telegram.apiRoot, botInfo: opts.botInfo });
  if (bot && !opts.botInfo) await bot.init();
  const media = buildMediaSources({
    db,
    telegram: bot && config.telegram.kind !== "off" ? { api: bot.api, token: config.telegram.token, apiRoot: config.telegram.apiRoot } : undefined,
  });
  if (bot) {
    senders.telegram = createTelegramSender(bot.api, {
      resolveUpload: async (id) => {
        const upload = await db.webUpload.findUnique({ where: { id } });
        return upload ? { bytes: upload.bytes, mime: upload.mime } : null;
      },
      media,
    });
  }
  if (config.zalo.kind === "on") {
    const client = new ZaloOaClient({ ...config.zalo, tokens: createTokenStore(db, keys, config.zalo.appId), now, log });
    senders.zalo = createZaloSender({ client, db, keys, media, now, publicUrl: config.publicUrl });
  }
  const zaloBot = config.zalobot.kind === "off" ? null : new ZaloBotClient({ token: config.zalobot.token, apiRoot: config.zalobot.apiRoot });
  if (zaloBot) senders.zalobot = createZaloBotSender({ client: zaloBot, db, keys, now, publicUrl: config.publicUrl });
  return { senders, media, bot, zaloBot };
}
