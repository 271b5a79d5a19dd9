// The HTTP thread's handle on the work thread: start it, kick it when an update is stored, wait for
// it to settle (tests), stop it; start it again if it ever dies, so background work never silently ends.
import { Worker } from "node:worker_threads";
import type { Logger } from "../log.js";
import type { FromWorkThread, ToWorkThread, WorkThreadData } from "./thread.js";
import { createWorkLoop, type WorkDeps } from "./runner.js";
import { requeueInterrupted } from "../inbound/process.js";
import { releaseStaleClaims } from "../outbox/dispatcher.js";

export interface WorkThread {
  kick(): void;
  settle(): Promise<void>;
  stop(): Promise<void>;
}

const RESTART_DELAY_MS = 1_000;

export async function startWorkThread(data: WorkThreadData, opts: { log: Logger; logSink: (line: string) => void }): Promise<WorkThread> {
  let worker: Worker;
  let stopping = false;
  let nextId = 1;
  const settling = new Map<number, () => void>();
  let stopped: (() => void) | null = null;

  const spawn = () =>
    new Promise<void>((ready, fail) => {
      let started = false;
      worker = new Worker(new URL("./thread-entry.mjs", import.meta.url), { workerData: data });
      worker.on("message", (message: FromWorkThread) => {
        switch (message.type) {
          case "ready":
            started = true;
            ready();
            break;
          case "log":
            opts.logSink(message.line);
            break;
          case "settled":
            settling.get(message.id)?.();
            settling.delete(message.id);
            break;
          case "stopped":
            stopped?.();
            break;
          case "failed":
            if (!started) fail(new Error(message.error));
            else opts.log.error("work.thread_failed", { error: message.error.slice(0, 300) });
            break;
        }
      });
      worker.on("error", (error) => {
        if (!started) fail(error);
        else opts.log.error("work.thread_failed", { error: error.message.slice(0, 300) });
      });
      worker.on("exit", (code) => {
        if (stopping || !started) return;
        opts.log.error("work.thread_exited", { code, note: "restarting the work thread" });
        for (const done of settling.values()) done();
        settling.clear();
        setTimeout(() => void spawn().catch((e: unknown) => opts.log.error("work.thread_failed", { error: String(e).slice(0, 300) })), RESTART_DELAY_MS);
      });
    });

  await spawn();
  const send = (message: ToWorkThread) => worker.postMessage(message);
  return {
    kick: () => send({ type: "kick" }),
    settle: () =>
      new Promise<void>((done) => {
        const id = nextId++;
        settling.set(id, done);
        send({ type: "settle", id });
      }),
    async stop() {
      stopping = true;
      await new Promise<void>((done) => {
        stopped = done;
        send({ type: "stop" });
        setTimeout(done, 10_000).unref();
      });
      await worker.terminate();
    },
  };
}

/** The same background work on this thread (WORK_THREAD=off): one SQLite connection, less memory. */
export async function startInlineWork(deps: WorkDeps, intervalMs: number): Promise<WorkThread> {
  await requeueInterrupted(deps);
  const released = await releaseStaleClaims(deps.db);
  if (released > 0) deps.log.warn("outbox.claims_released", { rows: released });
  const loop = createWorkLoop(deps, { intervalMs });
  return {
    kick: loop.kick,
    async settle() {
      for (let i = 0; i < 50; i++) {
        loop.kick();
        await loop.idle();
        const pending = await deps.db.inboundUpdate.count({ where: { status: "pending" } });
        const due = await deps.db.outboxMessage.count({ where: { status: "pending", nextAttemptAt: { lte: deps.now() } } });
        if (pending === 0 && due === 0) return;
      }
    },
    stop: () => loop.stop(),
  };
}
