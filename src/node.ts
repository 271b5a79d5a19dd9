// Node entry: SQLite file, the Hono app, the work loop, and Telegram by polling or webhook.
import { serve } from "@hono/node-server";
import { readFileSync } from "node:fs";
import { resolve, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { AddressInfo } from "node:net";
import { ConfigError, parseConfig } from "./config/schema.js";
import { createKeyring } from "./crypto/keys.js";
import { openNodeDatabase } from "./db/node.js";
import { createLogger } from "./log.js";
import { createApp } from "./app.js";
import { createWorkLoop, type WorkDeps } from "./work/runner.js";
import { requeueInterrupted } from "./inbound/process.js";
import { releaseStaleClaims } from "./outbox/dispatcher.js";
import { loadNodeKeys } from "./node-keys.js";
import { importPlacesCsv } from "./places/import.js";
import { storeIncoming } from "./inbound/store.js";
import { createWebChatSender } from "../bots/webchat/sender.js";
import { createTelegramBot, TELEGRAM_ALLOWED_UPDATES } from "../bots/telegram/bot.js";
import { createTelegramSender } from "../bots/telegram/sender.js";
import { startTelegramPolling } from "../bots/telegram/polling.js";
import type { ChannelSender, Channel } from "../bots/core/types.js";
import { buildMediaSources } from "./media/sources.js";
import { ZaloOaClient } from "../bots/zalo/client.js";
import { createTokenStore } from "../bots/zalo/tokens.js";
import { createZaloSender } from "../bots/zalo/sender.js";
import { ZaloBotClient } from "../bots/zalobot/client.js";
import { createZaloBotSender } from "../bots/zalobot/sender.js";
import { startZaloBotPolling, type ZaloBotPolling } from "../bots/zalobot/polling.js";
import { criteriaRegistry } from "./compliance/criteria.js";
import { defaultComplianceDeps } from "./compliance/service.js";
import { createNodeReportRenderers } from "./reports/node-renderers.js";
import { createPacer } from "./outbox/pacing.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const SAMPLE_PLACES_CSV = resolve(root, "prisma/seed/sample-places.csv");
export const DEMO_COMMUNE_CODE = "HONGLOC";

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
  /** Waits until stored incomings are handled and due messages are sent (for tests). */
  settle(): Promise<void>;
}

export async function startServer(env: Record<string, string | undefined>, opts: { logSink?: (line: string) => void } = {}): Promise<RunningServer> {
  const config = parseConfig(env);
  const log = createLogger(config.logLevel, opts.logSink);
  const dataDir = resolve(dirname(config.databaseUrl.replace(/^file:/, "")));
  const keyText = await loadNodeKeys(config, dataDir);
  if (keyText.generated) {
    log.warn("keys.generated", { note: `PSEUDONYM_KEY and VAULT_KEY were generated into ${dataDir}/keys.json for development. Set them in production.` });
  }
  const keys = await createKeyring(keyText.pseudonymKey, keyText.vaultKey);
  const db = openNodeDatabase(config.databaseUrl);
  const now = () => new Date();

  if (config.demo && (await db.commune.count()) === 0) {
    const counts = await importPlacesCsv(db, readFileSync(SAMPLE_PLACES_CSV, "utf8"), { isSample: true });
    log.info("demo.sample_places", { communes: counts.communes, villages: counts.villages });
  }

  const senders: Partial<Record<Channel, ChannelSender>> = { web: createWebChatSender(db, keys) };
  const settings = {
    draftTtlMinutes: config.draftTtlMinutes,
    tipsPerHour: config.tipsPerHour,
    globalTipsPerMinute: config.globalTipsPerMinute,
    escalateAfterMinutes: config.escalateAfterMinutes,
    addressRetentionDays: config.addressRetentionDays,
    demo: config.demo,
  };
  const bot = config.telegram.kind === "off" ? null : createTelegramBot({ token: config.telegram.token, apiRoot: config.telegram.apiRoot });
  const media = buildMediaSources({
    db,
    telegram: bot && config.telegram.kind !== "off" ? { api: bot.api, token: config.telegram.token, apiRoot: config.telegram.apiRoot } : undefined,
  });
  if (bot) {
    await bot.init();
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
    if (!(await db.zaloToken.findUnique({ where: { appId: config.zalo.appId } }))) {
      log.warn("zalo.token.missing", { note: "authorise the OA: npm run admin -- zalo-consent --redirect <url>, then zalo-token <code>" });
    }
  }
  const zaloBot = config.zalobot.kind === "off" ? null : new ZaloBotClient({ token: config.zalobot.token, apiRoot: config.zalobot.apiRoot });
  if (zaloBot) senders.zalobot = createZaloBotSender({ client: zaloBot, db, keys, now, publicUrl: config.publicUrl });
  // Criteria files are checked at start: a malformed one stops the server with a clear message.
  const compliance = defaultComplianceDeps({ criteria: criteriaRegistry(), renderers: createNodeReportRenderers(), ...config.compliance });
  const deps: WorkDeps = { db, keys, log, now, settings, senders, compliance, pacer: createPacer() };
  await requeueInterrupted(deps);
  const released = await releaseStaleClaims(db);
  if (released > 0) log.warn("outbox.claims_released", { rows: released });
  const loop = createWorkLoop(deps, { intervalMs: config.dispatchIntervalMs });

  const app = createApp({
    db,
    keys,
    log,
    now,
    demo: config.demo,
    demoCommuneCode: DEMO_COMMUNE_CODE,
    telegram: config.telegram.kind === "webhook" && bot ? { secret: config.telegram.secret, botUsername: bot.botInfo.username } : undefined,
    zalo: config.zalo.kind === "on" ? { appId: config.zalo.appId, oaSecretKey: config.zalo.oaSecretKey } : undefined,
    zalobot: config.zalobot.kind === "webhook" ? { secret: config.zalobot.secret } : undefined,
    media: config.publicUrl ? media : undefined,
    onStored: loop.kick,
  });

  let polling: { stop(): Promise<void> } | null = null;
  if (bot && config.telegram.kind === "polling") {
    polling = startTelegramPolling(bot, keys, async (channel, externalId, incoming) => {
      if ((await storeIncoming(db, channel, externalId, incoming, now())) === "stored") loop.kick();
    }, { log });
  } else if (bot && config.telegram.kind === "webhook") {
    await bot.api.setWebhook(new URL("/telegram/webhook", config.telegram.publicUrl).toString(), {
      secret_token: config.telegram.secret,
      max_connections: 40,
      allowed_updates: [...TELEGRAM_ALLOWED_UPDATES],
    });
  }

  let zaloPolling: ZaloBotPolling | null = null;
  if (zaloBot && config.zalobot.kind === "polling") {
    zaloPolling = startZaloBotPolling(zaloBot, { db, keys, now, log }, async (channel, externalId, incoming) => {
      if ((await storeIncoming(db, channel, externalId, incoming, now())) === "stored") loop.kick();
    });
  } else if (zaloBot && config.zalobot.kind === "webhook") {
    await zaloBot.setWebhook(new URL("/zalobot/webhook", config.zalobot.publicUrl).toString(), config.zalobot.secret);
  }

  const server = await new Promise<ReturnType<typeof serve>>((resolveServer) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: "0.0.0.0" }, () => resolveServer(s));
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://localhost:${port}`;
  log.info("server.started", { url, telegram: config.telegram.kind, zalo: config.zalo.kind, zalobot: config.zalobot.kind, demo: config.demo });
  loop.kick();

  return {
    url,
    async settle() {
      for (let i = 0; i < 50; i++) {
        loop.kick();
        await loop.idle();
        const pending = await db.inboundUpdate.count({ where: { status: "pending" } });
        const due = await db.outboxMessage.count({ where: { status: "pending", nextAttemptAt: { lte: now() } } });
        if (pending === 0 && due === 0) return;
      }
    },
    async stop() {
      if (polling) await polling.stop();
      if (zaloPolling) await zaloPolling.stop();
      await loop.stop();
      await new Promise<void>((done) => server.close(() => done()));
      await db.$disconnect();
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  startServer(process.env).then(
    (running) => {
      console.log(`Pháo Đài is running: ${running.url}`);
      const shutdown = () => void running.stop().then(() => process.exit(0));
      process.on("SIGINT", shutdown);
      process.on("SIGTERM", shutdown);
    },
    (error) => {
      if (error instanceof ConfigError) console.error(error.message);
      else console.error(`Pháo Đài could not start: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
