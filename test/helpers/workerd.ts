// The Workers build run locally for tests: wrangler dev (workerd, with D1 on a local file carrying
// the same SQL migrations) under the project's Node 22, a local D1 to seed and read, its local R2 to read, and a clean stop.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createServer } from "node:net";

const root = resolve(import.meta.dirname, "../..");
export const NODE22 = join(root, "tools/node22/node_modules/.bin/node");
const WRANGLER = join(root, "node_modules/wrangler/bin/wrangler.js");
const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true", NO_COLOR: "1" };

export function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => done(port));
    });
  });
}

export function runWrangler(args: string[]): string {
  const result = spawnSync(NODE22, [WRANGLER, ...args], { cwd: root, env, encoding: "utf8", timeout: 120_000 });
  if (result.status !== 0) throw new Error(`wrangler ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** Rows of a query on the local D1 file. */
export function d1Query<T>(persistTo: string, sql: string): T[] {
  const out = runWrangler(["d1", "execute", "DB", "--local", "--persist-to", persistTo, "--json", "--command", sql]);
  const parsed = JSON.parse(out.slice(out.indexOf("["))) as { results: T[] }[];
  return parsed[0]!.results;
}

/** An object of the local R2 bucket (wrangler.toml's MEDIA), or null when there is none under the key. */
export function r2Object(persistTo: string, key: string): Uint8Array | null {
  const file = join(persistTo, `r2-${Date.now()}-${key.replace(/[^A-Za-z0-9]/g, "")}`);
  const result = spawnSync(NODE22, [WRANGLER, "r2", "object", "get", `phao-dai-media/${key}`, "--local", "--persist-to", persistTo, "--file", file], { cwd: root, env, encoding: "utf8", timeout: 120_000 });
  if (result.status !== 0 || !existsSync(file)) return null;
  const bytes = new Uint8Array(readFileSync(file));
  rmSync(file, { force: true });
  return bytes;
}

/** Runs SQL (many statements, from a file) on the local D1 file. */
export function d1Exec(persistTo: string, sql: string): void {
  const file = join(persistTo, `exec-${Date.now()}.sql`);
  writeFileSync(file, sql);
  runWrangler(["d1", "execute", "DB", "--local", "--persist-to", persistTo, "--file", file]);
}

export interface LocalWorker {
  base: string;
  /** fetch on the worker's address, safe against the keep-alive race (see workerFetch). */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  persistTo: string;
  /** What wrangler dev printed so far (the Worker's log lines among it). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * A migrated local D1 seeded with `seedSql`, and wrangler dev serving the Worker on it with `vars`.
 * Waits for /health (wrangler's start-up is slow on a busy machine: a generous deadline, not a sleep).
 */
export async function startLocalWorker(opts: { vars: Record<string, string>; seedSql: string; scheduled?: boolean; name: string }): Promise<LocalWorker> {
  if (!existsSync(NODE22)) throw new Error("Node 22 for Wrangler is installed by npm install (tools/node22)");
  const persistTo = mkdtempSync(join(tmpdir(), `phaodai-d1-${opts.name}-`));
  runWrangler(["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo]);
  // From a file: a seed of hundreds of rows is longer than one command-line argument may be.
  const seedFile = join(persistTo, "seed.sql");
  writeFileSync(seedFile, opts.seedSql);
  runWrangler(["d1", "execute", "DB", "--local", "--persist-to", persistTo, "--file", seedFile]);
  const port = await freePort();
  const args = [WRANGLER, "dev", "--local", ...(opts.scheduled ? ["--test-scheduled"] : []), "--ip", "127.0.0.1", "--port", String(port), "--persist-to", persistTo, "--show-interactive-dev-session=false"];
  for (const [k, v] of Object.entries(opts.vars)) args.push("--var", `${k}:${v}`);
  const dev: ChildProcess = spawn(NODE22, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  dev.stdout!.on("data", (d) => (output += d));
  dev.stderr!.on("data", (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/health`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline || dev.exitCode !== null) {
      dev.kill("SIGTERM");
      throw new Error(`wrangler dev did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    base,
    fetch: workerFetch(base),
    persistTo,
    output: () => output,
    async stop() {
      dev.kill("SIGTERM");
      rmSync(persistTo, { recursive: true, force: true });
    },
  };
}

/**
 * fetch on a local worker. workerd closes idle keep-alive connections on its own schedule; a request
 * written to such a socket as it closes fails with "other side closed" before the worker saw it (more
 * often on a busy machine). That one case is sent again on a new connection, as browsers do; every
 * other failure and every answer is returned as it is.
 */
function workerFetch(base: string): (path: string, init?: RequestInit) => Promise<Response> {
  return async (path, init) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fetch(`${base}${path}`, init);
      } catch (error) {
        const code = (error as { cause?: { code?: string } }).cause?.code;
        if (code !== "UND_ERR_SOCKET" || attempt >= 3) throw error;
      }
    }
  };
}
