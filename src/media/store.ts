// Where the bytes of a stored file live (issue 19). A WebUpload row always holds the file's
// metadata (owner tag, purpose, tip, size, mime); its bytes are put, read and deleted through the
// store attached to the database client, keyed by the row's random public id (never anything that
// names a person). Node keeps them in the row (one SQLite file); Workers with an R2 binding keep
// them in R2, because a D1 row holds at most 2,000,000 bytes and a database 10 GB.
import type { Db } from "../db/client.js";

export interface MediaStore {
  /** Stores the bytes of the file whose row has this public id (the row exists already). */
  put(key: string, bytes: Uint8Array, mime: string): Promise<void>;
  /** The bytes, or null when there are none under this key. */
  get(key: string): Promise<Uint8Array | null>;
  /** Removes the bytes of these files; keys without bytes are fine. */
  delete(keys: string[]): Promise<void>;
}

/** The default: the bytes in WebUpload.bytes, beside their metadata. */
export function databaseMediaStore(db: Db): MediaStore {
  return {
    async put(key, bytes) {
      await db.webUpload.update({ where: { publicId: key }, data: { bytes: bytes as Uint8Array<ArrayBuffer> } });
    },
    async get(key) {
      return (await db.webUpload.findUnique({ where: { publicId: key }, select: { bytes: true } }))?.bytes ?? null;
    },
    async delete(keys) {
      if (keys.length > 0) await db.webUpload.updateMany({ where: { publicId: { in: keys } }, data: { bytes: null } });
    },
  };
}

/** What this store uses of a Workers R2 bucket binding (R2Bucket). */
export interface R2BucketLike {
  put(key: string, value: ArrayBuffer | Uint8Array, options?: { httpMetadata?: { contentType?: string } }): Promise<unknown>;
  get(key: string): Promise<{ arrayBuffer(): Promise<ArrayBuffer> } | null>;
  delete(keys: string | string[]): Promise<void>;
}

/** R2 deletes at most 1,000 keys a call. */
const R2_DELETE_BATCH = 1000;

/** The bytes in an R2 bucket (Workers' `MEDIA` binding), the row keeping metadata only. */
export function r2MediaStore(bucket: R2BucketLike): MediaStore {
  return {
    async put(key, bytes, mime) {
      await bucket.put(key, bytes, { httpMetadata: { contentType: mime } });
    },
    async get(key) {
      const object = await bucket.get(key);
      return object ? new Uint8Array(await object.arrayBuffer()) : null;
    },
    async delete(keys) {
      for (let at = 0; at < keys.length; at += R2_DELETE_BATCH) await bucket.delete(keys.slice(at, at + R2_DELETE_BATCH));
    },
  };
}

/**
 * A new store in front of an older one: files are put in `primary`; a file not found there is read
 * from `older` (the rows stored in D1 before the R2 binding was added); deleting clears both.
 */
export function layeredMediaStore(primary: MediaStore, older: MediaStore): MediaStore {
  return {
    put: (key, bytes, mime) => primary.put(key, bytes, mime),
    async get(key) {
      return (await primary.get(key)) ?? (await older.get(key));
    },
    async delete(keys) {
      await primary.delete(keys);
      await older.delete(keys);
    },
  };
}

const MEDIA_STORE = Symbol.for("phaodai.mediaStore");

/** Gives a database client the store of its files' bytes (the wiring: src/worker.ts). */
export function attachMediaStore<T extends object>(db: T, store: MediaStore): T {
  Object.defineProperty(db, MEDIA_STORE, { value: store, enumerable: false });
  return db;
}

/** The store of a client's files: the one attached, else the rows themselves. */
export function mediaStoreOf(db: Db): MediaStore {
  return (db as unknown as Record<symbol, MediaStore | undefined>)[MEDIA_STORE] ?? databaseMediaStore(db);
}
