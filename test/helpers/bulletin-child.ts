// A second process for test/integration/bulletin-restart.test.ts: runs the bulletin job and the
// dispatcher on an existing SQLite file against the fake Bot API, and kills itself with SIGKILL (no
// clean-up of any kind) right after a chosen database write:
//   KILL_AFTER_ENQUEUES=n  after the n-th outbox insert statement (the fan-out is being queued; 50 rows a statement)
//   KILL_AFTER_CLAIMS=n    after the n-th outbox claim (a row is claimed, not yet sent)
// Run with: node --import tsx test/helpers/bulletin-child.ts
import { createKeyring } from "../../src/crypto/keys.js";
import { openNodeDatabase } from "../../src/db/node.js";
import type { Db } from "../../src/db/client.js";
import { createLogger } from "../../src/log.js";
import { runBulletinTick } from "../../src/bulletins/tick.js";
import { CLAIM, dispatchDue } from "../../src/outbox/dispatcher.js";
import { sqlOf } from "../../src/db/sql.js";
import { createTelegramBot } from "../../bots/telegram/bot.js";
import { createTelegramSender } from "../../bots/telegram/sender.js";

const env = process.env;
const killAfterEnqueues = Number(env.KILL_AFTER_ENQUEUES ?? 0);
const killAfterClaims = Number(env.KILL_AFTER_CLAIMS ?? 0);
let enqueues = 0;
let claims = 0;
const die = () => process.kill(process.pid, "SIGKILL");

function watched(db: Db): Db {
  const outbox = db.outboxMessage;
  const delegate = new Proxy(outbox, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (prop === "create") {
        return async (args: Parameters<typeof outbox.create>[0]) => {
          const result = await outbox.create(args);
          if (killAfterEnqueues && ++enqueues === killAfterEnqueues) die();
          return result;
        };
      }
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  // The fan-out writes its rows through the hot-path SQL (src/db/sql.ts), 50 to a statement: an
  // outbox INSERT there counts as one write, as a Prisma create does; the dispatcher claims each row
  // there too (CLAIM). (The client holds that layer as a fixed property, which a Proxy must return as
  // is: its method is wrapped in place instead.)
  const hot = sqlOf(db);
  const run = hot.run.bind(hot);
  hot.run = async (statement) => {
    const result = await run(statement);
    if (statement.sql.includes('INSERT INTO "OutboxMessage"') && killAfterEnqueues && ++enqueues === killAfterEnqueues) die();
    if (statement.sql === CLAIM && result.changes === 1 && killAfterClaims && ++claims === killAfterClaims) die();
    return result;
  };
  return new Proxy(db, {
    get(target, prop) {
      if (prop === "outboxMessage") return delegate;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

async function main() {
  const db = openNodeDatabase(`file:${env.DB_PATH}`);
  const keys = await createKeyring(env.PSEUDONYM_KEY!, env.VAULT_KEY!);
  const bot = createTelegramBot({ token: env.TG_TOKEN!, apiRoot: env.TG_API_ROOT!, botInfo: JSON.parse(env.TG_BOT_INFO!) });
  const now = new Date(env.NOW!);
  const deps = {
    db: watched(db),
    keys,
    log: createLogger("error", () => undefined),
    now: () => now,
    senders: { telegram: createTelegramSender(bot.api) },
  };
  await runBulletinTick(deps, { fanOutBudget: 100_000 });
  while ((await dispatchDue(deps)) > 0);
  await db.$disconnect();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
