// What an OA API error code means for a message: pure, table-tested. Zalo answers errors with
// HTTP 200 and a negative `error` (reference/zalo.md).
import { vietnamWallClock } from "../../src/util/vietnam-time.js";

export type ZaloErrorAction =
  /** The person is outside the interaction window (or not a follower): keep the message until they write. */
  | { kind: "unreachable" }
  /** Zalo's limit or trouble: try again later (after `afterSeconds` when known). */
  | { kind: "retry"; afterSeconds?: number }
  /** Retrying will not help (bad request, bad recipient, content refused). */
  | { kind: "permanent" };

/** "Cannot reach this user now" in working integrations; -234 (night hours) is handled apart. */
export const UNREACHABLE_CODES = [-213, -217, -227, -230, -232, -244] as const;
export const TOKEN_CODES = [-216, -220] as const;
export const RETRY_CODES = [-32, -100] as const;
export const NIGHT_CODE = -234;

/** Seconds from `now` until 06:01 in Vietnam (UTC+7, no daylight saving). */
export function secondsUntilVietnamMorning(now: Date): number {
  const local = vietnamWallClock(now);
  const target = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), 6, 1, 0));
  if (target.getTime() <= local.getTime()) target.setUTCDate(target.getUTCDate() + 1);
  return Math.ceil((target.getTime() - local.getTime()) / 1000);
}

export function classifyZaloError(code: number, now: Date): ZaloErrorAction {
  if ((UNREACHABLE_CODES as readonly number[]).includes(code)) return { kind: "unreachable" };
  if (code === NIGHT_CODE) return { kind: "retry", afterSeconds: secondsUntilVietnamMorning(now) };
  if (code === -32) return { kind: "retry", afterSeconds: 60 };
  if ((RETRY_CODES as readonly number[]).includes(code) || (TOKEN_CODES as readonly number[]).includes(code)) return { kind: "retry" };
  return { kind: "permanent" };
}
