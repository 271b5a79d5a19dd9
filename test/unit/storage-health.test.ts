import { describe, expect, it } from "vitest";
import { classifyStorageError } from "../../src/db/storage-health.js";

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
