// Limits keyed on the client's network, kept in memory only and never written (issue 10): the key
// (an IP address) reaches no database, log or Incoming; callers turn the answer into a verdict flag.
// On Workers the platform's rate limiting binding does the counting; without it (tests, local
// runs) the in-memory limiter stands in, per isolate.

export interface NetworkLimiter {
  /** Counts one event for `key`; false when the key is over its limit in the current window. */
  allow(key: string, now: number): Promise<boolean>;
}

/**
 * Sliding window: at most `limit` events per `windowMs` for each key. Capped in keys so a flood of
 * addresses cannot grow memory without bound (the oldest key goes first).
 */
export class MemoryLimiter implements NetworkLimiter {
  private readonly hits = new Map<string, number[]>();
  constructor(
    readonly limit: number,
    readonly windowMs: number,
    readonly maxKeys = 50_000,
  ) {}

  async allow(key: string, now: number): Promise<boolean> {
    return this.hit(key, now);
  }

  /** Synchronous core of `allow`, so concurrent requests cannot both take the last place. */
  hit(key: string, now: number): boolean {
    const since = now - this.windowMs;
    const recent = (this.hits.get(key) ?? []).filter((t) => t > since);
    const allowed = recent.length < this.limit;
    if (allowed) recent.push(now);
    this.hits.delete(key); // re-inserted last: the map's order is least recently used first
    this.hits.set(key, recent);
    while (this.hits.size > this.maxKeys) this.hits.delete(this.hits.keys().next().value!);
    return allowed;
  }

  get size(): number {
    return this.hits.size;
  }
}

/** Cloudflare's rate limiting binding (wrangler.toml [[ratelimits]]): `limit({ key })` → `{ success }`. */
export interface RateLimitBinding {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

export function bindingLimiter(binding: RateLimitBinding): NetworkLimiter {
  return { allow: async (key) => (await binding.limit({ key })).success };
}
