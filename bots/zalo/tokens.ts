// The OA token pair in the database. Zalo's refresh token is single-use: once Zalo answers a
// refresh, the old refresh token is dead and the only valid one is in that answer. So:
//
// 1. One refresher at a time: a refresh first claims the row with a lease (refreshingUntil) by a
//    conditional single-statement update. A second process (or Worker instance) that finds the
//    lease taken never spends the same refresh token; it keeps using the current access token.
// 2. The new pair is written in ONE conditional statement keyed by the generation it replaces
//    (UPDATE … SET generation = g + 1, both tokens … WHERE generation = g). Both tokens change
//    together or not at all (a single statement is atomic on SQLite and on D1, which has no
//    interactive transactions), and a stale writer can never overwrite a newer pair. Nothing
//    else happens between Zalo's answer and that write, and the new access token is used only
//    after the write returned.
// 3. What no local scheme can prevent: a crash in the instant between Zalo's answer and that
//    write loses the new pair (Zalo already killed the old refresh token). Its cost is bounded:
//    we refresh REFRESH_MARGIN_MS (12 h) before the access token expires, and Zalo does not
//    revoke the old access token on refresh, so sends go on with it for at least 12 hours; the
//    next refresh attempt finds the refresh token refused, records lastError and logs
//    "zalo.token.reauth_needed", and `npm run admin -- zalo-consent` / `zalo-token` restores a
//    pair in one minute. A crash at any other moment loses nothing: before the call the old pair
//    is valid, after the write the new pair is stored.
import type { Db } from "../../src/db/client.js";
import type { Keyring } from "../../src/crypto/keys.js";

export const REFRESH_MARGIN_MS = 12 * 3_600_000;
export const LEASE_MS = 30_000;

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  accessExpiresAt: Date;
  refreshExpiresAt: Date;
}

export interface StoredPair extends TokenPair {
  generation: number;
  refreshingUntil: Date | null;
  lastError: string | null;
}

export interface TokenStore {
  load(): Promise<StoredPair | null>;
  /** Takes the refresh lease for this generation; false when another refresher holds it or the pair moved on. */
  claimRefresh(generation: number, now: Date): Promise<boolean>;
  /** Replaces generation `generation` by the new pair in one statement; false when the pair moved on. */
  saveRefreshed(generation: number, pair: TokenPair, now: Date): Promise<boolean>;
  /** Records that Zalo refused this generation's refresh token, and releases the lease. */
  markFailed(generation: number, error: string | null, now: Date): Promise<void>;
  /** Stores a pair from an authorisation code (a new generation, whatever was there). */
  saveAuthorised(pair: TokenPair, now: Date): Promise<number>;
}

export function createTokenStore(db: Db, keys: Keyring, appId: string): TokenStore {
  return {
    async load() {
      const row = await db.zaloToken.findUnique({ where: { appId } });
      if (!row) return null;
      return {
        generation: row.generation,
        accessToken: await keys.open(row.accessToken),
        refreshToken: await keys.open(row.refreshToken),
        accessExpiresAt: row.accessExpiresAt,
        refreshExpiresAt: row.refreshExpiresAt,
        refreshingUntil: row.refreshingUntil,
        lastError: row.lastError,
      };
    },
    async claimRefresh(generation, now) {
      const { count } = await db.zaloToken.updateMany({
        where: { appId, generation, OR: [{ refreshingUntil: null }, { refreshingUntil: { lt: now } }] },
        data: { refreshingUntil: new Date(now.getTime() + LEASE_MS) },
      });
      return count === 1;
    },
    async saveRefreshed(generation, pair, now) {
      const [accessToken, refreshToken] = await Promise.all([keys.seal(pair.accessToken), keys.seal(pair.refreshToken)]);
      const { count } = await db.zaloToken.updateMany({
        where: { appId, generation },
        data: {
          generation: generation + 1,
          accessToken,
          refreshToken,
          accessExpiresAt: pair.accessExpiresAt,
          refreshExpiresAt: pair.refreshExpiresAt,
          refreshingUntil: null,
          lastError: null,
          updatedAt: now,
        },
      });
      return count === 1;
    },
    async markFailed(generation, error, now) {
      await db.zaloToken.updateMany({
        where: { appId, generation },
        data: { refreshingUntil: null, ...(error !== null ? { lastError: error.slice(0, 300) } : {}), updatedAt: now },
      });
    },
    async saveAuthorised(pair, now) {
      const [accessToken, refreshToken] = await Promise.all([keys.seal(pair.accessToken), keys.seal(pair.refreshToken)]);
      const data = {
        accessToken,
        refreshToken,
        accessExpiresAt: pair.accessExpiresAt,
        refreshExpiresAt: pair.refreshExpiresAt,
        refreshingUntil: null,
        lastError: null,
        updatedAt: now,
      };
      const row = await db.zaloToken.upsert({
        where: { appId },
        create: { appId, generation: 1, ...data },
        update: { generation: { increment: 1 }, ...data },
      });
      return row.generation;
    },
  };
}
