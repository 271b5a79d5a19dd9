// A rate limit in front of a fake platform API on 127.0.0.1: forwards requests to the fake until
// more than `max` matching requests arrived within `windowMs`, then refuses them the way the
// platform does — HTTP 429 with Retry-After, or Zalo's HTTP 200 with error -32 ("exceeded the
// limit", reference/zalo.md). Refused requests never reach the fake, so what the fake recorded is
// what the platform delivered.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readBody } from "./read-body.js";

export type Refusal = "http429" | "zalo-32";

export interface RateLimitProxyOptions {
  /** Requests allowed per window. */
  max: number;
  windowMs: number;
  /** Which requests count (and may be refused): e.g. the send endpoint only. */
  limited: (method: string, path: string) => boolean;
  refusal: Refusal;
  /** Seconds named in Retry-After for "http429". */
  retryAfterSeconds?: number;
  /**
   * After this many forwarded requests, the next `count` limited ones are refused whatever our own
   * rate: the platform's limit is shared (other apps of the OA, other servers) and can be reached
   * by traffic this process never sees. Makes refusals certain in a test, however slow the machine.
   */
  sharedLimitHit?: { afterForwarded: number; count: number };
}

export interface RateLimitProxy {
  /** Use in place of the fake's apiRoot. */
  url: string;
  refused(): number;
  forwarded(): number;
  close(): Promise<void>;
}


const HOP_BY_HOP = new Set(["host", "connection", "content-length", "transfer-encoding", "keep-alive"]);

export async function startRateLimitProxy(target: string, opts: RateLimitProxyOptions): Promise<RateLimitProxy> {
  const times: number[] = [];
  let refused = 0;
  let forwarded = 0;
  let sharedRefused = 0;

  function refuse(res: ServerResponse): void {
    refused++;
    const body =
      opts.refusal === "http429"
        ? JSON.stringify({ error: 429, message: "Too Many Requests" })
        : JSON.stringify({ error: -32, message: "The request exceeded the limit" });
    res.writeHead(opts.refusal === "http429" ? 429 : 200, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
      ...(opts.refusal === "http429" ? { "retry-after": String(opts.retryAfterSeconds ?? 1) } : {}),
    });
    res.end(body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const method = req.method ?? "GET";
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    if (opts.limited(method, path)) {
      const now = Date.now();
      while (times.length > 0 && times[0]! <= now - opts.windowMs) times.shift();
      if (times.length >= opts.max) return refuse(res);
      const shared = opts.sharedLimitHit;
      if (shared && forwarded >= shared.afterForwarded && sharedRefused < shared.count) {
        sharedRefused++;
        return refuse(res);
      }
      times.push(now);
    }
    forwarded++;
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(k) && typeof v === "string") headers[k] = v;
    const answer = await fetch(target + (req.url ?? "/"), { method, headers, body: method === "GET" || method === "HEAD" ? undefined : new Uint8Array(body) });
    const bytes = Buffer.from(await answer.arrayBuffer());
    res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/octet-stream", "content-length": bytes.length });
    res.end(bytes);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    refused: () => refused,
    forwarded: () => forwarded,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
