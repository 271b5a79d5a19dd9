// A Pháo Đài server process for the bulletin kill tests under load (test/faults/bulletin-kill-load.test.ts,
// test/bench/bulletin-kill.ts). It is put together from the same parts as src/node.ts — the Hono app
// answering the Telegram and Zalo OA webhooks on a port, the SQLite file, the in-process work loop
// (stored incomings, the sweep with the bulletin job, the dispatcher with per-channel pacing), the
// Telegram (grammY) and Zalo OA senders — and does the same at start: interrupted incomings are
// queued again and stale claims released. What a test must set comes from the environment:
//   DB_PATH, PSEUDONYM_KEY, VAULT_KEY, PORT
//   CLOCK_OFFSET_MS   added to the real clock (to stand at a bulletin slot)
//   PACE              per-channel messages per second, JSON ({"telegram":100,"zalo":100})
//   INTERVAL_MS, SWEEP_MS  the work loop's pass and sweep intervals
//   TG_TOKEN, TG_API_ROOT, TG_BOT_INFO, TG_SECRET
//   ZALO_APP_ID, ZALO_APP_SECRET, ZALO_OA_SECRET, ZALO_API_ROOT, ZALO_OAUTH_ROOT
// It prints "ready <port>" once it listens. Tests end it with SIGKILL: no clean-up of any kind.
// Run with: node --import tsx test/helpers/bulletin-load-child.ts
import { serve } from "@hono/node-server";
import { createKeyring } from "../../src/crypto/keys.js";
import { openNodeDatabase } from "../../src/db/node.js";
import { createLogger, type LogLevel } from "../../src/log.js";
import { createIngest } from "../../src/inbound/ingest.js";
import { createApp } from "../../src/app.js";
import { createWorkLoop, type WorkDeps } from "../../bots/core/work/runner.js";
import { requeueInterrupted } from "../../bots/core/work/process.js";
import { releaseStaleClaims } from "../../src/outbox/dispatcher.js";
import { createPacer } from "../../src/outbox/pacing.js";
import { createTelegramBot } from "../../bots/telegram/bot.js";
import { createTelegramSender } from "../../bots/telegram/sender.js";
import { ZaloOaClient } from "../../bots/zalo/client.js";
import { createTokenStore } from "../../bots/zalo/tokens.js";
import { createZaloSender } from "../../bots/zalo/sender.js";

const env = process.env;
const need = (name: string): string => {
  const value = env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

async function main() {
  const offset = Number(env.CLOCK_OFFSET_MS ?? 0);
  const now = () => new Date(Date.now() + offset);
  const log = createLogger((env.LOG_LEVEL ?? "error") as LogLevel, (line) => process.stderr.write(`${line}\n`));
  const db = openNodeDatabase(`file:${need("DB_PATH")}`);
  const keys = await createKeyring(need("PSEUDONYM_KEY"), need("VAULT_KEY"));
  const bot = createTelegramBot({ token: need("TG_TOKEN"), apiRoot: need("TG_API_ROOT"), botInfo: JSON.parse(need("TG_BOT_INFO")) });
  const appId = need("ZALO_APP_ID");
  const zalo = new ZaloOaClient({ appId, appSecret: need("ZALO_APP_SECRET"), apiRoot: need("ZALO_API_ROOT"), oauthRoot: need("ZALO_OAUTH_ROOT"), tokens: createTokenStore(db, keys, appId), now, log });
  const deps: WorkDeps = {
    db,
    keys,
    log,
    now,
    settings: { draftTtlMinutes: 60, tipsPerHour: 100, globalTipsPerMinute: 100_000, escalateAfterMinutes: 30, addressRetentionDays: 30, demo: false },
    senders: { telegram: createTelegramSender(bot.api), zalo: createZaloSender({ client: zalo, db, keys, now }) },
    pacer: createPacer(JSON.parse(env.PACE ?? "{}") as Record<string, number>),
  };
  await requeueInterrupted(deps);
  await releaseStaleClaims(db);
  const loop = createWorkLoop(deps, { intervalMs: Number(env.INTERVAL_MS ?? 50), sweepEveryMs: Number(env.SWEEP_MS ?? 250) });
  const app = createApp({
    db,
    keys,
    log,
    now,
    demo: false,
    telegram: { secret: need("TG_SECRET"), botUsername: "PhaoDaiBot" },
    zalo: { appId, oaSecretKey: need("ZALO_OA_SECRET") },
    ingest: createIngest({ db, log, now, onStored: loop.kick }),
  });
  const port = Number(need("PORT"));
  serve({ fetch: app.fetch, port, hostname: "127.0.0.1" }, () => {
    console.log(`ready ${port}`);
    loop.kick();
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
