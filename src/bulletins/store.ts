// Small database helpers shared by the bulletin modules.
import type { Db } from "../db/client.js";
import type { Keyring } from "../crypto/keys.js";
import type { Logger } from "../log.js";
import type { SealedTarget } from "../outbox/outbox.js";
import type { Channel } from "../messaging/types.js";
import type { VersionContent } from "./messages.js";
import { resolveVersions, type ResolvedLanguage } from "./languages.js";
import { usableOn } from "./messages.js";

export interface BulletinDeps {
  db: Db;
  keys: Keyring;
  now: () => Date;
  log: Logger;
  /** The running server's settings (CoreSettings): the default schedule's spread; without it, no spread. */
  settings?: { bulletinSpreadMinutes?: number };
  /**
   * D1 statements this invocation may still make (Workers: 1,000 per invocation, counted by the
   * Worker); the bulletin job stops planning and fanning out before it runs short, and the next cron
   * run goes on. Absent (Node's SQLite file): no such limit.
   */
  statementsLeft?: () => number;
}

/** Statements a commune's planning or a slot's fan-out step may need at most, kept in hand before starting one. */
export const STATEMENTS_PER_PLAN = 12;
export const STATEMENTS_PER_FAN_OUT = 60;

/** Whether the invocation can afford `need` more statements (always, where nothing counts them). */
export const canAfford = (deps: Pick<BulletinDeps, "statementsLeft">, need: number) => !deps.statementsLeft || deps.statementsLeft() >= need;

/** Outbox priorities: below alerts and replies (0); village heads before citizens. */
export const PRIORITY_HEADS = -1;
export const PRIORITY_SUBSCRIBERS = -2;
/** BulletinItem.priority of a commune's urgent warning (src/bulletins/local.ts): its subscribers go with the village heads. */
export const WARNING_ITEM_PRIORITY = 2;

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

/** A staff member as an outbox target. The tag follows the tips service ("staff:<id>"), so one staff chat keeps one order. */
export function staffTarget(s: { id: number; channel: string; sealedAddress: string }): SealedTarget {
  return { channel: s.channel as Channel, sealedAddress: s.sealedAddress, addressTag: `staff:${s.id}` };
}

/** Approved versions of an item, by language. */
export async function approvedVersions(db: Db, itemId: number): Promise<Map<string, VersionContent>> {
  const rows = await db.bulletinVersion.findMany({ where: { itemId, status: "approved" } });
  return new Map(rows.map((r) => [r.language, r]));
}

/** Which versions reach someone on `channel` asking for `requested`, after fallback. */
export function versionsFor(requested: string[], versions: Map<string, VersionContent>, channel: Channel): (ResolvedLanguage & { version: VersionContent })[] {
  const usable = new Set([...versions].filter(([, v]) => usableOn(v, channel)).map(([code]) => code));
  return resolveVersions(requested, usable).map((r) => ({ ...r, version: versions.get(r.language)! }));
}

/** Active staff of a commune with one of the roles, commune-scoped admins included when asked. */
export function communeStaff(db: Db, communeId: number, roles: string[]) {
  return db.staff.findMany({ where: { communeId, active: true, role: { in: roles } }, orderBy: { id: "asc" } });
}
