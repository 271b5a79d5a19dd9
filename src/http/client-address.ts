// Where a request came from, read the way each runtime exposes it. Used only as a key of the
// in-memory limiter (src/http/limiter.ts); never stored or logged.
import type { Context } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";

export type ClientAddress = (c: Context) => string | undefined;

/** @hono/node-server: the socket's remote address (no proxy header is trusted). */
export const nodeClientAddress: ClientAddress = (c) => {
  try {
    return getConnInfo(c).remote.address ?? undefined;
  } catch {
    return undefined; // app.request() in tests without a socket
  }
};

/** Cloudflare sets CF-Connecting-IP on every request it forwards to a Worker. */
export const workerClientAddress: ClientAddress = (c) => c.req.header("CF-Connecting-IP") ?? undefined;
