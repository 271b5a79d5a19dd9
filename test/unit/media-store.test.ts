// The R2 store within the binding's limits (delete takes at most 1,000 keys a call) and the layered
// store a Worker uses: new files in R2, older ones still read from their rows, both cleared on delete.
import { describe, expect, it } from "vitest";
import { layeredMediaStore, r2MediaStore, type MediaStore, type R2BucketLike } from "../../src/media/store.js";

function recordingBucket() {
  const objects = new Map<string, Uint8Array>();
  const deletes: number[] = [];
  const bucket: R2BucketLike = {
    put: async (key, value) => objects.set(key, new Uint8Array(value instanceof Uint8Array ? value : new Uint8Array(value))),
    get: async (key) => {
      const bytes = objects.get(key);
      return bytes ? { arrayBuffer: async () => bytes.slice().buffer } : null;
    },
    delete: async (keys) => {
      const list = Array.isArray(keys) ? keys : [keys];
      deletes.push(list.length);
      for (const k of list) objects.delete(k);
    },
  };
  return { bucket, objects, deletes };
}

function memoryStore(initial: Record<string, number[]> = {}): MediaStore & { keys(): string[] } {
  const map = new Map<string, Uint8Array>(Object.entries(initial).map(([k, v]) => [k, new Uint8Array(v)]));
  return {
    put: async (key, bytes) => void map.set(key, bytes),
    get: async (key) => map.get(key) ?? null,
    delete: async (keys) => keys.forEach((k) => map.delete(k)),
    keys: () => [...map.keys()],
  };
}

describe("r2MediaStore", () => {
  it.each([
    [0, []],
    [1, [1]],
    [1000, [1000]],
    [1001, [1000, 1]],
    [2500, [1000, 1000, 500]],
  ])("deletes %i keys in calls of at most 1,000", async (n, calls) => {
    const { bucket, deletes } = recordingBucket();
    await r2MediaStore(bucket).delete(Array.from({ length: n }, (_, i) => `k${i}`));
    expect(deletes).toEqual(calls);
  });

  it("puts, reads back and answers null for a missing key", async () => {
    const { bucket } = recordingBucket();
    const store = r2MediaStore(bucket);
    await store.put("a".repeat(32), new Uint8Array([1, 2, 3]), "image/jpeg");
    expect([...(await store.get("a".repeat(32)))!]).toEqual([1, 2, 3]);
    expect(await store.get("b".repeat(32))).toBeNull();
  });
});

describe("layeredMediaStore", () => {
  it.each<[string, Record<string, number[]>, Record<string, number[]>, string, number[] | null]>([
    ["in the new store", { k: [1] }, {}, "k", [1]],
    ["only in the older one", {}, { k: [2] }, "k", [2]],
    ["in both: the new one wins", { k: [3] }, { k: [4] }, "k", [3]],
    ["in neither", {}, {}, "k", null],
  ])("reads a file %s", async (_name, primary, older, key, expected) => {
    const store = layeredMediaStore(memoryStore(primary), memoryStore(older));
    const got = await store.get(key);
    expect(got ? [...got] : null).toEqual(expected);
  });

  it("puts into the new store only and deletes from both", async () => {
    const primary = memoryStore();
    const older = memoryStore({ old: [9] });
    const store = layeredMediaStore(primary, older);
    await store.put("new", new Uint8Array([5]), "image/png");
    expect([primary.keys(), older.keys()]).toEqual([["new"], ["old"]]);
    await store.delete(["new", "old"]);
    expect([primary.keys(), older.keys()]).toEqual([[], []]);
  });
});
