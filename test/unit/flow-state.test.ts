import { describe, expect, it } from "vitest";
import { firstStep, parseCommand, previousStep, stepAfterCategory, type Draft, type DraftStep } from "../../bots/core/state.js";

const open: Draft = { attachments: [] };
const fixed: Draft = { attachments: [], communeId: 1, villageId: 2, villageFixed: true };

describe("way back from every step", () => {
  const table: [DraftStep, Draft, DraftStep | null][] = [
    ["commune", open, null],
    ["category", open, "commune"],
    ["category", fixed, null],
    ["village", open, "category"],
    ["text", open, "village"],
    ["text", fixed, "category"],
    ["media", open, "text"],
    ["confirm", open, "media"],
  ];
  it.each(table)("back from %s", (step, draft, expected) => {
    expect(previousStep(step, draft)).toBe(expected);
  });
});

describe("steps skipped by a poster's deep link", () => {
  it("starts at the commune without a link and at the category with one", () => {
    expect(firstStep(open)).toBe("commune");
    expect(firstStep(fixed)).toBe("category");
  });
  it("skips the village question when the poster fixed it", () => {
    expect(stepAfterCategory(open)).toBe("village");
    expect(stepAfterCategory(fixed)).toBe("text");
  });
});

describe("commands", () => {
  it.each([
    ["/start", { command: "start", args: "" }],
    ["/start HL-01", { command: "start", args: "HL-01" }],
    ["/tinbao@PhaoDaiBot moi selling", { command: "tinbao", args: "moi selling" }],
    ["/DANGKY MOI-AAAA-BBBB", { command: "dangky", args: "MOI-AAAA-BBBB" }],
    ["  /huy  ", { command: "huy", args: "" }],
    ["hello /start", null],
    ["/", null],
    ["/123", null],
  ])("%j", (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });
});
