// Node entry: the SQLite file, the Hono app, the background work loop, and the messengers by polling
// or webhook.
import { serve } from "@hono/node-server";
import { readFileSync } from "node:fs";
import { resolve, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { AddressInfo } from "node:net";
import { ConfigError, parseConfig } from "./config/schema.js";
import { createNodeKeyring } from "./crypto/node-keyring.js";
import { openNodeDatabaseWhenReady } from "./db/node-standby.js";
import { createLogger } from "./log.js";
import { createApp } from "./app.js";
import { adminCommandsWith } from "./cli/registry.js";
import { zaloCommands } from "../bots/zalo/cli.js";
import { nodeClientAddress } from "./http/client-address.js";
import { loadNodeKeys } from "./node-keys.js";
import { importPlacesCsv } from "./places/import.js";
import { createIngest } from "./inbound/ingest.js";
import { createChannels, registerWebhooks, webhookOptions } from "./channels.js";
import { startBackgroundWork } from "../bots/core/work/background.js";
import { commandMenu } from "../bots/core/help.js";
import { setCitizenMenu } from "../bots/telegram/menu.js";
import { buildWorkDeps } from "../bots/core/work/node-deps.js";
import { pauseForIntake, type IntakeGauge } from "./util/yield.js";
import { nodePosterFonts } from "./places/node-poster-fonts.js";
import { criteriaRegistry } from "./compliance/criteria.js";
import { startTelegramPolling } from "../bots/telegram/polling.js";
import { startZaloBotPolling, type ZaloBotPolling } from "../bots/zalobot/polling.js";

/** Every admin command, the platform adapters' own registered here (signed admin requests, `--remote`). */
const adminCommands = adminCommandsWith(zaloCommands);

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const SAMPLE_PLACES_CSV = resolve(root, "prisma/seed/sample-places.csv");
export const DEMO_COMMUNE_CODE = "HONGLOC";

/** How often the database is tried again while the storage is in trouble at start. */
const STORAGE_RETRY_MS = 3_000;

type FetchHandler = (request: Request, env?: unknown) => Response | Promise<Response>;

/** The HTTP listener, whose app can be swapped: the stand-in while storage is down, then the real one. */
async function listen(port: number, fetch: FetchHandler): Promise<{ server: ReturnType<typeof serve>; use(next: FetchHandler): void }> {
  let handler = fetch;
  const server = await new Promise<ReturnType<typeof serve>>((resolveServer) => {
    const s = serve({ fetch: (request: Request, env: unknown) => handler(request, env), port, hostname: "0.0.0.0" }, () => resolveServer(s));
  });
  return { server, use: (next) => (handler = next) };
}

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
  /** Waits until stored incomings are handled and due messages are sent (for tests). */
  settle(): Promise<void>;
}

export async function startServer(env: Record<string, string | undefined>, opts: { logSink?: (line: string) => void } = {}): Promise<RunningServer> {
  const config = parseConfig(env);
  const sink = opts.logSink ?? ((line: string) => console.log(line));
  const log = createLogger(config.logLevel, sink);
  const dataDir = resolve(dirname(config.databaseUrl.replace(/^file:/, "")));
  const keyText = await loadNodeKeys(config, dataDir);
  if (keyText.source === "generated") {
    log.warn("keys.generated", { note: `PSEUDONYM_KEY and VAULT_KEY were generated into ${keyText.file} for development. Set them in production.` });
  } else if (keyText.source === "loaded") {
    log.info("keys.loaded", { note: `PSEUDONYM_KEY and VAULT_KEY were loaded from ${keyText.file} (development keys). Set them in production.` });
  }
  const keys = createNodeKeyring(keyText.pseudonymKey, keyText.vaultKey);
  let front: Awaited<ReturnType<typeof listen>> | null = null;
  const { db } = await openNodeDatabaseWhenReady({
    databaseUrl: config.databaseUrl,
    log,
    retryMs: STORAGE_RETRY_MS,
    whileWaiting: async (standby) => {
      front = await listen(config.port, standby.fetch);
    },
  });
  const now = () => new Date();
  // Criteria files are checked at start: a malformed one stops the server with a clear message.
  criteriaRegistry();

  if (config.demo && (await db.commune.count()) === 0) {
    const counts = await importPlacesCsv(db, readFileSync(SAMPLE_PLACES_CSV, "utf8"), { isSample: true });
    log.info("demo.sample_places", { communes: counts.communes, villages: counts.villages });
  }

  const { bot, media, zaloBot, senders, articles } = await createChannels({ config, db, keys, log, now });
  if (config.zalo.kind === "on" && !(await db.zaloToken.findUnique({ where: { appId: config.zalo.appId } }))) {
    log.warn("zalo.token.missing", { note: "authorise the OA: npm run admin -- zalo-consent --redirect <url>, then zalo-token <code>" });
  }
  if (bot) await setCitizenMenu(bot.api, commandMenu({ staff: null, channel: "telegram" }), log);
  // Webhooks first: a burst is stored and answered at once, handling catches up right after.
  const intake: IntakeGauge = { active: 0 };
  const workDeps = buildWorkDeps({ config, db, keys, log, now, senders, articles });
  const work = await startBackgroundWork({ ...workDeps, pause: pauseForIntake(intake) }, config.dispatchIntervalMs);

  // One intake for the webhooks, the web chat and both pollings: a new row wakes the work loop.
  const ingest = createIngest({ db, log, now, onStored: work.kick });
  const app = createApp({
    db,
    keys,
    log,
    now,
    demo: config.demo,
    uploadLimits: config.uploads,
    demoCommuneCode: DEMO_COMMUNE_CODE,
    ...webhookOptions(config, bot?.botInfo.username),
    media: config.publicUrl ? media : undefined,
    feeds: config.publicUrl ? { publicUrl: config.publicUrl } : undefined,
    intake,
    ingest,
    webChat: { proof: { maxNumber: config.web.powMaxNumber }, tipsPerNetworkPerMinute: config.web.tipsPerNetworkPerMinute, clientAddress: nodeClientAddress },
    console: { settings: workDeps.settings, compliance: workDeps.compliance, media, telegramBot: bot?.botInfo.username, zaloOaUrl: config.zaloOaUrl, posterFonts: nodePosterFonts },
    // The same signed admin commands as a Worker takes, for an operator elsewhere (`npm run admin -- --remote`).
    ...(config.adminApiKey ? { adminApi: { key: config.adminApiKey, commands: adminCommands, config, renderers: workDeps.compliance?.renderers, posterFonts: nodePosterFonts } } : {}),
  });

  let polling: { stop(): Promise<void> } | null = null;
  if (bot && config.telegram.kind === "polling") {
    polling = startTelegramPolling(bot, keys, ingest, { log });
  }

  let zaloPolling: ZaloBotPolling | null = null;
  if (zaloBot && config.zalobot.kind === "polling") {
    zaloPolling = startZaloBotPolling(zaloBot, { db, keys, now, log }, ingest);
  }
  await registerWebhooks(config, { bot, zaloBot });

  // TS cannot see the assignment inside the callback above.
  const standing = front as Awaited<ReturnType<typeof listen>> | null;
  if (standing) standing.use(app.fetch);
  const { server } = standing ?? (await listen(config.port, app.fetch));
  const port = (server.address() as AddressInfo).port;
  const url = `http://localhost:${port}`;
  // Without PUBLIC_URL (a developer's machine), /dangnhap's links name the address this server listens on.
  workDeps.settings.publicUrl ??= url;
  log.info("server.started", { url, telegram: config.telegram.kind, zalo: config.zalo.kind, zalobot: config.zalobot.kind, demo: config.demo });
  work.kick();

  return {
    url,
    settle: () => work.settle(),
    async stop() {
      if (polling) await polling.stop();
      if (zaloPolling) await zaloPolling.stop();
      await new Promise<void>((done) => server.close(() => done()));
      await work.stop();
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
