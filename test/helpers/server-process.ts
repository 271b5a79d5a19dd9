// The Node server as a separate process, as it runs in production: for fault tests (SIGKILL mid-way)
// and benchmarks. Also a small keep-alive HTTP client for posting webhooks to it.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, request, Agent } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";

export const projectRoot = resolve(import.meta.dirname, "../..");

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

export interface ChildServer {
  process: ChildProcess;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
}

/** Starts a TypeScript entry (via tsx) and resolves once its output matches `ready`. */
export function startChild(script: string, env: Record<string, string>, ready: RegExp, nodeArgs: string[] = []): Promise<ChildServer> {
  return new Promise((resolveChild, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", script], { cwd: projectRoot, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let started = false;
    const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (!started && ready.test(out)) {
        started = true;
        resolveChild({ process: child, output: () => out, exited });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    void exited.then((code) => {
      if (!started) reject(new Error(`${script} exited with ${code} before it was ready: ${out.slice(-800)}`));
    });
  });
}

export interface PostResult {
  status: number;
  ms: number;
}

/** Posts JSON bodies over a pool of keep-alive connections (like Telegram's up to 100). */
export function createPoster(port: number, path: string, headers: Record<string, string>, maxSockets = 100) {
  const agent = new Agent({ keepAlive: true, maxSockets });
  let resets = 0;
  const once = (body: string, extra: Record<string, string> = {}) =>
    new Promise<PostResult>((resolvePost, reject) => {
      const started = performance.now();
      const req = request(
        { host: "127.0.0.1", port, path, method: "POST", agent, headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body), ...headers, ...extra } },
        (res) => {
          res.resume();
          res.on("end", () => resolvePost({ status: res.statusCode ?? 0, ms: performance.now() - started }));
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  return {
    /** One delivery; a keep-alive socket the server closed while idle is retried once, as a platform would. */
    async post(body: string, extra?: Record<string, string>): Promise<PostResult> {
      try {
        return await once(body, extra);
      } catch (error) {
        if ((error as { code?: string }).code !== "ECONNRESET") throw error;
        resets++;
        return once(body, extra);
      }
    },
    /** One delivery, no retry: a connection error is reported as status 0 (the platform would retry later). */
    async tryPost(body: string): Promise<PostResult> {
      try {
        return await once(body);
      } catch {
        return { status: 0, ms: 0 };
      }
    },
    /**
     * Opens `count` connections before the clock starts, as a platform holds its connections open
     * (Telegram up to 100): the timed requests then measure the server, not TCP handshakes. The
     * probe path answers 404 on purpose: it costs the server nothing.
     */
    async preconnect(count: number, probePath = "/preconnect-probe"): Promise<void> {
      await Promise.all(
        Array.from(
          { length: count },
          () =>
            new Promise<void>((done) => {
              const req = request({ host: "127.0.0.1", port, path: probePath, method: "GET", agent }, (res) => {
                res.resume();
                res.on("end", () => done());
              });
              req.on("error", () => done());
              req.end();
            }),
        ),
      );
    },
    resets: () => resets,
    close: () => agent.destroy(),
  };
}

export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number, what = "condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  if (!(await check())) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}
