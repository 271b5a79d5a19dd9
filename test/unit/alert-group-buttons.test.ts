// The alert-group buttons are typed data: what they encode parses back; anything forged is no id.
import { describe, expect, it } from "vitest";
import { groupButtonData, parseGroupButton, type GroupButton } from "../../bots/core/alert-groups.js";

describe("alert-group button data", () => {
  const buttons: GroupButton[] = [
    { kind: "list", communeId: 1 },
    { kind: "ask", groupId: 42 },
    { kind: "remove", groupId: 2_147_483_647 },
  ];
  it.each(buttons)("round-trips %o within Telegram's 64 bytes", (button) => {
    const data = groupButtonData(button);
    expect(new TextEncoder().encode(data).length).toBeLessThanOrEqual(64);
    expect(parseGroupButton(data)).toEqual(button);
  });

  it.each([
    ["ag:y:1e20"],
    [`ag:y:${"9".repeat(40)}`],
    ["ag:y:2147483648"],
    ["ag:y:-1"],
    ["ag:y:0"],
    ["ag:y:007"],
    ["ag:y:"],
    ["ag:y:1:2"],
    ["ag:x:1"],
    ["ag:"],
    ["ag:r: 1"],
  ])("refuses forged %s", (data) => {
    expect(parseGroupButton(data)).toBe("invalid");
  });

  it.each([["t:1:take"], ["ac:primary"], ["nav:back"], ["agx"]])("leaves other buttons alone: %s", (data) => {
    expect(parseGroupButton(data)).toBeNull();
  });
});
