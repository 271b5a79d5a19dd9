import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { classifyStorageError } from "../../src/db/storage-health.js";
import { diagnoseOpenFailure } from "../../src/db/node-standby.js";

describe("classifyStorageError", () => {
  it.each([
    [{ message: "database or disk is full", code: "SQLITE_FULL" }, "disk_full"],
    [new Error("SqliteError: database or disk is full"), "disk_full"],
    [{ message: "attempt to write a readonly database" }, "read_only"],
    [{ message: "x", cause: { code: "SQLITE_READONLY" } }, "read_only"],
    [{ message: "database is locked", code: "SQLITE_BUSY" }, "busy"],
    [{ message: "wrapped", cause: { message: "inner", cause: { message: "database is locked" } } }, "busy"],
    [{ message: "disk I/O error" }, "unavailable"],
    [{ message: "unable to open database file", code: "SQLITE_CANTOPEN" }, "unavailable"],
    [{ message: "Unique constraint failed on the fields: (`externalId`)", code: "P2002" }, null],
    [new TypeError("Cannot read properties of undefined"), null],
    [null, null],
    ["database is locked", "busy"],
  ])("%j → %s", (error, expected) => {
    expect(classifyStorageError(error)).toBe(expected);
  });
});

describe("diagnoseOpenFailure (a real file in a temporary folder)", () => {
  const dir = mkdtempSync(join(tmpdir(), "phaodai-diagnose-"));
  const file = join(dir, "x.db");
  writeFileSync(file, "");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    [Object.assign(new Error("EROFS: read-only file system, mkdir"), { code: "EROFS" }), "read_only"],
    [Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" }), "read_only"],
    [Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" }), "disk_full"],
    [{ message: "database or disk is full", code: "SQLITE_FULL" }, "disk_full"],
    [{ message: "database is locked", code: "SQLITE_BUSY" }, "busy"],
    // "unable to open" on a file that can be written is not the storage's fault: the start stops.
    [{ message: "unable to open database file", code: "SQLITE_CANTOPEN" }, null],
    [new TypeError("Cannot read properties of undefined"), null],
  ])("%j → %s", (error, expected) => {
    expect(diagnoseOpenFailure(file, error)).toBe(expected);
  });
});
