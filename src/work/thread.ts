// The Node server's second thread: all background work — handling stored updates, sending the outbox,
// the periodic sweep (escalations, bulletin slots, reminders). The HTTP thread only verifies, stores
// and answers, so webhooks stay fast while this thread is busy; SQLite (WAL) lets both write.
import { parentPort, workerData } from "node:worker_threads";
import type { UserFromGetMe } from "grammy/types";
import { parseConfig } from "../config/schema.js";
import { createKeyring } from "../crypto/keys.js";
import { openNodeDatabase } from "../db/node.js";
import { createLogger } from "../log.js";
import { createWorkLoop } from "./runner.js";
import { requeueInterrupted } from "../inbound/process.js";
import { releaseStaleClaims } from "../outbox/dispatcher.js";
import { buildWorkDeps } from "./node-deps.js";

export interface WorkThreadData {
  env: Record<string, string | undefined>;
  pseudonymKey: string;
  vaultKey: string;
  botInfo?: UserFromGetMe;
}

/** Messages between the HTTP thread and the work thread. */
export type ToWorkThread = { type: "kick" } | { type: "settle"; id: number } | { type: "stop" };
export type FromWorkThread = { type: "ready" } | { type: "log"; line: string } | { type: "settled"; id: number } | { type: "stopped" } | { type: "failed"; error: string };

const port = parentPort!;
const post = (message: FromWorkThread) => port.postMessage(message);

async function main(data: WorkThreadData): Promise<void> {
  const config = parseConfig(data.env);
  const log = createLogger(config.logLevel, (line) => post({ type: "log", line }));
  const keys = await createKeyring(data.pseudonymKey, data.vaultKey);
  const db = openNodeDatabase(config.databaseUrl);
  const now = () => new Date();
  const deps = await buildWorkDeps({ config, db, keys, log, now, botInfo: data.botInfo });
  // Whatever a crash left claimed is this thread's to finish (on Node it is the only one that works).
  await requeueInterrupted(deps);
  const released = await releaseStaleClaims(db);
  if (released > 0) log.warn("outbox.claims_released", { rows: released });
  const loop = createWorkLoop(deps, { intervalMs: config.dispatchIntervalMs });

  port.on("message", (message: ToWorkThread) => {
    if (message.type === "kick") loop.kick();
    else if (message.type === "settle") {
      void (async () => {
        for (let i = 0; i < 50; i++) {
          loop.kick();
          await loop.idle();
          const pending = await db.inboundUpdate.count({ where: { status: "pending" } });
          const due = await db.outboxMessage.count({ where: { status: "pending", nextAttemptAt: { lte: now() } } });
          if (pending === 0 && due === 0) break;
        }
        post({ type: "settled", id: message.id });
      })();
    } else if (message.type === "stop") {
      void (async () => {
        await loop.stop();
        await db.$disconnect();
        post({ type: "stopped" });
      })();
    }
  });
  post({ type: "ready" });
  loop.kick();
}

main(workerData as WorkThreadData).catch((error: unknown) => {
  post({ type: "failed", error: error instanceof Error ? error.message : String(error) });
});
