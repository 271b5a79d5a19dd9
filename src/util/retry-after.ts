// HTTP Retry-After (RFC 9110 §10.2.3): delta-seconds or an HTTP date. Platforms that rate-limit at the
// HTTP layer (a 429 or 503 in front of the API) say how long to wait here rather than in the body.

/** A rate limit that names no wait still holds the channel this long rather than hammering it. */
export const DEFAULT_RATE_LIMIT_WAIT_SECONDS = 30;

/** Upper bound on any wait a header can impose: a wrong header must not stall a channel for days. */
export const RETRY_AFTER_CAP_SECONDS = 3_600;

/** Seconds to wait, at least 1 and at most the cap; undefined when the header is absent or unreadable. */
export function parseRetryAfter(header: string | null | undefined, now: Date, capSeconds = RETRY_AFTER_CAP_SECONDS): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  let seconds: number;
  if (/^\d+$/.test(value)) seconds = Number(value);
  else {
    const at = Date.parse(value);
    if (Number.isNaN(at) || !/\d{4}/.test(value)) return undefined;
    seconds = Math.ceil((at - now.getTime()) / 1000);
  }
  return Math.min(capSeconds, Math.max(1, seconds));
}
