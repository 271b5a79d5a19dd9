// One mapping from what went wrong with a request to the HTTP answer, for every webhook and the web
// chat: platforms read only the status (401 and 4xx are final, 503 means "send it again later").
import type { Context, ErrorHandler, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { safeEqual } from "../crypto/keys.js";
import { errorCode, type Logger } from "../log.js";

export type Refusal = "unauthenticated" | "malformed" | "too_large" | "retry_later";

export const REFUSAL_STATUS = { unauthenticated: 401, malformed: 400, too_large: 413, retry_later: 503 } as const satisfies Record<Refusal, number>;

/** How long a platform (or the page) should wait before trying a 503 again. */
export const RETRY_AFTER_SECONDS = 5;

/** The body of a 503 from the app itself (the web chat's page and anything unexpected). */
export const TEMPORARILY_UNAVAILABLE = { error: "temporarily unavailable" };

/**
 * The answer to a refused request. Webhooks get `{ ok: false }` (an unauthenticated one nothing at
 * all, so a prober learns nothing); the web chat passes its own body with the words for the person.
 */
export function refuse(c: Context, why: Refusal, body?: object): Response {
  const headers = why === "retry_later" ? { "Retry-After": String(RETRY_AFTER_SECONDS) } : undefined;
  if (why === "unauthenticated" && body === undefined) return c.body(null, 401);
  return c.json(body ?? { ok: false }, REFUSAL_STATUS[why], headers);
}

/** 413 past `maxSize` bytes, by the declared length or while the body streams in (Hono's bodyLimit). */
export function limitBody(maxSize: number, body?: object): MiddlewareHandler {
  return bodyLimit({ maxSize, onError: (c) => refuse(c, "too_large", body) });
}

/** 401 unless the header holds the secret (constant time); an empty secret accepts nothing. */
export function requireSecret(header: string, secret: string): MiddlewareHandler {
  return async (c, next) => {
    if (secret === "" || !safeEqual(c.req.header(header) ?? "", secret)) return refuse(c, "unauthenticated");
    await next();
  };
}

/** The body as text, or null when it could not be read (the sender broke off). */
export async function bodyText(c: Context): Promise<string | null> {
  try {
    return await c.req.text();
  } catch {
    return null;
  }
}

/** A JSON object, or null for anything else (not JSON, an array, a number…). */
export function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Never a 500 from a webhook: a platform retries it just the same, and a 503 says "later" honestly. */
export function retryLaterOnError(log: Logger | undefined, event: string): ErrorHandler {
  return (error, c) => {
    log?.error(event, { error: errorCode(error) });
    return refuse(c, "retry_later");
  };
}
