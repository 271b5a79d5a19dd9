// The runtime dependencies every layer above may rely on: the database, the keys, the log, the
// clock and the core's settings. Infrastructure only (src/db, src/crypto, src/log), nothing of the
// domain, the core or an adapter.
import type { Db } from "../db/client.js";
import type { Keyring } from "../crypto/keys.js";
import type { Logger } from "../log.js";

export interface CoreSettings {
  draftTtlMinutes: number;
  tipsPerHour: number;
  globalTipsPerMinute: number;
  escalateAfterMinutes: number;
  addressRetentionDays: number;
  /** Months after closing that a tip's content is kept; default 24 (src/tips/retention.ts). */
  tipRetentionMonths?: number;
  demo: boolean;
  /** A flood's held tips: one summary alert per commune per this many minutes (default 15). */
  heldSummaryMinutes?: number;
  /** Wrong receipt codes server-wide per minute, across all senders; beyond it every try waits (default 30). */
  wrongCodesPerMinute?: number;
  /** Where this server is reached from outside (PUBLIC_URL): the base of staff console sign-in links. */
  publicUrl?: string;
  /** Minutes over which new communes' default bulletin times are spread by commune code (schedule.json); unset, not spread. */
  bulletinSpreadMinutes?: number;
}

export interface RuntimeDeps {
  db: Db;
  keys: Keyring;
  log: Logger;
  now: () => Date;
  settings: CoreSettings;
  /** Between units of background work: lets waiting webhooks go first (Node); a plain yield elsewhere. */
  pause?: () => Promise<void>;
}

/** A staff member as the layers above see one. */
export interface StaffRow {
  id: number;
  displayName: string;
  role: string;
  communeId: number | null;
  villageId: number | null;
  /** A province admin's province (no commune); null/absent otherwise. */
  provinceId?: number | null;
  /** A reporting unit's member: their unit (src/compliance/units.json); null/absent otherwise. */
  unitKind?: string | null;
  active: boolean;
}
