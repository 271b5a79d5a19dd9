// Which bulletin a slot airs: pure rules, table-tested in test/unit/bulletin-rotation.test.ts.
import { DAY_MS, vnDayStart, vnParts } from "../util/vietnam-time.js";
import data from "./periods.json" with { type: "json" };
import { z } from "zod";
import { REPEAT_WITHIN_DAY, scheduleSettings } from "./schedule.js";

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const schema = z.object({
  periods: z.array(z.object({ tag: z.string().regex(/^[a-z0-9-]{2,40}$/), label: z.string().min(2), from: z.string().regex(MONTH_DAY), to: z.string().regex(MONTH_DAY) })),
});

export interface Period {
  tag: string;
  label: string;
  /** "MM-DD", inclusive, Vietnam time. */
  from: string;
  to: string;
}

export const periods: Period[] = schema.parse(data).periods;

/** Tags of the periods under way on the Vietnam date of `at`. A period whose end comes before its start wraps over the new year. */
export function activeTags(at: Date, list: Period[] = periods): string[] {
  const p = vnParts(at);
  const today = `${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
  const tags: string[] = [];
  for (const period of list) {
    const on = period.from <= period.to ? today >= period.from && today <= period.to : today >= period.from || today <= period.to;
    if (on && !tags.includes(period.tag)) tags.push(period.tag);
  }
  return tags;
}

export interface Candidate {
  id: number;
  position: number;
  tags: string[];
  validFrom: Date | null;
  validUntil: Date | null;
  /** When the commune last aired it, or null if never. */
  lastAiredAt: Date | null;
  /** A commune's own item: 2 an urgent warning, 1 a local bulletin; absent or 0 the catalog's. */
  priority?: number;
}

/** Valid on the slot's day: validFrom and validUntil are whole days, inclusive. */
export function isValidAt(c: Pick<Candidate, "validFrom" | "validUntil">, at: Date): boolean {
  if (c.validFrom && at.getTime() < c.validFrom.getTime()) return false;
  if (c.validUntil && at.getTime() >= c.validUntil.getTime() + DAY_MS) return false;
  return true;
}

/**
 * The item for a slot at `at`: among items valid that day, those not aired in the commune within
 * `recentDays` (all valid ones if every item was aired recently); among them, those tagged for a
 * period under way if there are any; then the one aired longest ago (never aired first), then
 * catalog order. Null when nothing is valid.
 */
export function pickItem(candidates: Candidate[], at: Date, tags: string[], recentDays = scheduleSettings.recentDays): number | null {
  const valid = candidates.filter((c) => isValidAt(c, at));
  if (valid.length === 0) return null;
  const recentMs = recentDays * DAY_MS;
  const fresh = valid.filter((c) => !c.lastAiredAt || at.getTime() - c.lastAiredAt.getTime() >= recentMs);
  let pool = fresh.length > 0 ? fresh : valid;
  const tagged = pool.filter((c) => c.tags.some((t) => tags.includes(t)));
  if (tagged.length > 0) pool = tagged;
  const sorted = [...pool].sort((a, b) => {
    const la = a.lastAiredAt?.getTime() ?? -Infinity;
    const lb = b.lastAiredAt?.getTime() ?? -Infinity;
    return la !== lb ? la - lb : a.position - b.position;
  });
  return sorted[0]!.id;
}

/**
 * A commune's own item waiting for its first airing (priority above 0, never aired there, valid
 * that day): it goes before any other pick and before a same-day re-airing, warnings first, then
 * the one approved first (lowest position). Null when none waits.
 */
export function pickUrgent(candidates: Candidate[], at: Date): number | null {
  const waiting = candidates.filter((c) => (c.priority ?? 0) > 0 && !c.lastAiredAt && isValidAt(c, at));
  if (waiting.length === 0) return null;
  waiting.sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0) || a.position - b.position);
  return waiting[0]!.id;
}

/** A slot the commune aired (status "sending" or "sent", with an item). */
export interface AiredSlot {
  scheduledAt: Date;
  itemId: number;
}

/**
 * The airing a slot at `at` repeats, when `repeatWithinDay`: the first slot aired earlier on the
 * same Vietnam day (a missed or empty morning leaves the evening to air its own). Null otherwise.
 */
export function firstAiringOfDay(at: Date, aired: AiredSlot[], repeatWithinDay = REPEAT_WITHIN_DAY): AiredSlot | null {
  if (!repeatWithinDay) return null;
  const day = vnDayStart(at).getTime();
  let first: AiredSlot | null = null;
  for (const a of aired) {
    if (a.scheduledAt.getTime() >= at.getTime() || vnDayStart(a.scheduledAt).getTime() !== day) continue;
    if (!first || a.scheduledAt.getTime() < first.scheduledAt.getTime()) first = a;
  }
  return first;
}

/**
 * When each item was last aired as a new bulletin: an airing that repeats an earlier airing of the
 * same item on the same Vietnam day is the same bulletin again, not a new one, and does not count.
 */
export function lastNewAirings(aired: AiredSlot[]): Map<number, Date> {
  const last = new Map<number, Date>();
  for (const a of aired) {
    const repeat = aired.some((b) => b.itemId === a.itemId && b.scheduledAt.getTime() < a.scheduledAt.getTime() && vnDayStart(b.scheduledAt).getTime() === vnDayStart(a.scheduledAt).getTime());
    if (repeat) continue;
    const seen = last.get(a.itemId);
    if (!seen || seen.getTime() < a.scheduledAt.getTime()) last.set(a.itemId, a.scheduledAt);
  }
  return last;
}
