// One pacer per channel for every Worker instance: a Durable Object (one per channel name, single-
// threaded by Cloudflare) holding the channel's token bucket at the pace of channel-limits.json. A
// sender asks it for the next send; the object books it at the earliest instant the bucket allows
// and answers how long to wait, so all consumers and requests together stay at the channel's pace;
// a 429's wait holds the channel for all of them. Booking, not sleeping, happens inside the object:
// it answers at once and never holds a request open.
import { channelLimits, type Pacer } from "./pacing.js";

/** Tokens the bucket holds at most: 1, so sends are spaced evenly (never a burst above the pace). */
const BURST = 1;

interface Booking {
  ok: boolean;
  waitMs: number;
}

/** What the object answers: the booking, and the instant (epoch ms) the send may go. */
interface BookingAt extends Booking {
  at: number;
}

/** The token bucket itself, pure over a clock (table-tested in test/unit/channel-pacer.test.ts). */
export class TokenBucket {
  private tokens: number;
  private at: number;
  constructor(
    private readonly perSecond: number,
    now: number,
    private readonly burst = BURST,
  ) {
    this.tokens = burst;
    this.at = now;
  }

  /** Books one send: how long from `now` until it may go, or ok false (nothing booked) beyond `maxWaitMs`. */
  book(now: number, maxWaitMs: number): Booking {
    this.refill(now);
    // Tokens may go below zero: each booked send in the future is a debt the refill pays back.
    const waitMs = this.tokens >= 1 ? 0 : ((1 - this.tokens) * 1_000) / this.perSecond;
    if (waitMs > maxWaitMs) return { ok: false, waitMs };
    this.tokens -= 1;
    return { ok: true, waitMs };
  }

  /** The platform asked for a pause: no token until `now + ms`. */
  hold(now: number, ms: number): void {
    this.refill(now);
    this.tokens = Math.min(this.tokens, 1 - (ms * this.perSecond) / 1_000);
  }

  private refill(now: number): void {
    if (now > this.at) {
      this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) * this.perSecond) / 1_000);
      this.at = now;
    }
  }
}

/**
 * The Durable Object class (wrangler.toml [[durable_objects.bindings]] CHANNEL_PACER). Requests:
 * POST /book?channel=telegram&maxWaitMs=5000 → {ok, waitMs, at}; POST /hold?channel=telegram&ms=3000.
 * Its state is in memory: an evicted object starts with a full bucket, which is one send at most.
 */
export class ChannelPacer {
  private bucket: TokenBucket | null = null;
  private perSecond = 0;

  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const channel = url.searchParams.get("channel") ?? "";
    const perSecond = channelLimits[channel];
    const now = Date.now();
    if (!perSecond) return Response.json({ ok: true, waitMs: 0, at: now });
    if (!this.bucket || this.perSecond !== perSecond) {
      this.bucket = new TokenBucket(perSecond, now);
      this.perSecond = perSecond;
    }
    const number = (name: string, fallback: number) => {
      const v = Number(url.searchParams.get(name));
      return Number.isFinite(v) && v >= 0 ? Math.min(v, 3_600_000) : fallback;
    };
    if (url.pathname === "/hold") {
      this.bucket.hold(now, number("ms", 0));
      return Response.json({ ok: true, waitMs: 0, at: now });
    }
    const booking = this.bucket.book(now, number("maxWaitMs", 5_000));
    return Response.json({ ...booking, at: now + booking.waitMs } satisfies BookingAt);
  }
}

/** What a Worker sees of the Durable Object namespace binding. */
export interface PacerNamespace {
  idFromName(name: string): unknown;
  get(id: never): { fetch(url: string, init?: RequestInit): Promise<Response> };
}

/**
 * A dispatcher Pacer backed by the channel's Durable Object: shared by every instance. If the object
 * cannot be reached, the send waits the channel's spacing locally (never faster than the pace from
 * one sender) rather than failing.
 */
export function durablePacer(namespace: PacerNamespace, limits: Record<string, number> = channelLimits): Pacer {
  const stubs = new Map<string, ReturnType<PacerNamespace["get"]>>();
  const stub = (channel: string) => {
    let s = stubs.get(channel);
    if (!s) {
      s = namespace.get(namespace.idFromName(channel) as never);
      stubs.set(channel, s);
    }
    return s;
  };
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  return {
    async acquire(channel, maxWaitMs = 5_000) {
      const perSecond = limits[channel];
      if (!perSecond) return true;
      let booking: BookingAt;
      try {
        const res = await stub(channel).fetch(`https://pacer/book?channel=${encodeURIComponent(channel)}&maxWaitMs=${maxWaitMs}`, { method: "POST" });
        booking = (await res.json()) as BookingAt;
      } catch {
        booking = { ok: true, waitMs: 1_000 / perSecond, at: Date.now() + 1_000 / perSecond };
      }
      if (!booking.ok) return false;
      // Until the booked instant, not for the wait counted from when the answer arrives: the answer's
      // own time on the way would otherwise bunch sends of several consumers together.
      const wait = Math.min(booking.at - Date.now(), booking.waitMs);
      if (wait > 0) await sleep(wait);
      return true;
    },
    async pause(channel, ms) {
      // Awaited: an invocation may end right after, and the hold must reach the object first.
      try {
        await stub(channel).fetch(`https://pacer/hold?channel=${encodeURIComponent(channel)}&ms=${Math.ceil(ms)}`, { method: "POST" });
      } catch {
        // Unreachable: the row waits its own retry time anyway (dispatcher.ts).
      }
    },
    heldFor() {
      return 0;
    },
  };
}
