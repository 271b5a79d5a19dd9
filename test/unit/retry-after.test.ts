import { describe, expect, it } from "vitest";
import { parseRetryAfter, RETRY_AFTER_CAP_SECONDS } from "../../src/util/retry-after.js";

const now = new Date("2026-11-23T10:00:00Z");

describe("parseRetryAfter", () => {
  it.each([
    ["30", 30],
    [" 5 ", 5],
    ["0", 1], // at least a second: "now" from a rate limiter still means "not this instant"
    ["Mon, 23 Nov 2026 10:00:45 GMT", 45],
    ["Mon, 23 Nov 2026 09:59:00 GMT", 1], // a date in the past
    ["999999", RETRY_AFTER_CAP_SECONDS],
    ["Tue, 24 Nov 2026 10:00:00 GMT", RETRY_AFTER_CAP_SECONDS],
    ["-3", undefined],
    ["1.5", undefined],
    ["soon", undefined],
    ["", undefined],
    [null, undefined],
    [undefined, undefined],
  ])("%j → %s", (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });
});
