// The console's "not done, because…" rule (src/console/reason-form.tsx), as the chat rules it.
import { describe, expect, it } from "vitest";
import { reasonProblem } from "../../src/console/reason-form.js";

describe("reasonProblem", () => {
  it.each([
    [false, "", "", "no_reason"],
    [false, "nonsense", "words", "no_reason"],
    [true, "no_power", "", null],
    [true, "no_power", "ignored words", null],
    [true, "other", "", "no_text"],
    [true, "other", " \u200b\u00a0 ", "no_text"],
    [true, "other", "Loa hỏng", null],
    [true, "other", "a".repeat(300), null],
    [true, "other", "a".repeat(301), "too_long"],
    [true, "other", "🔊".repeat(300), null],
  ] as const)("known %s, %s, %j → %s", (known, reason, note, expected) => {
    expect(reasonProblem(known, reason, note, 300)).toBe(expected);
  });
});
