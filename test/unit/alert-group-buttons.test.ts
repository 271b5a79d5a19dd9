// The alert-group buttons are typed data: what they encode parses back; anything forged is no id.
import { describe, expect, it } from "vitest";
import { groupButtonData, toGroupButton, type GroupButton } from "../../bots/core/alert-groups.js";
import { alertGroup } from "../../src/messaging/buttons.js";

/** As the button registry reads it: not this kind (null), this kind but forged ("invalid"), or the button. */
function read(data: string): GroupButton | "invalid" | null {
  if (!alertGroup.claims(data)) return null;
  const value = alertGroup.parse(data);
  return value ? toGroupButton(value) : "invalid";
}

describe("alert-group button data", () => {
  const buttons: GroupButton[] = [
    { kind: "list", communeId: 1 },
    { kind: "ask", groupId: 42 },
    { kind: "remove", groupId: 2_147_483_647 },
  ];
  it.each(buttons)("round-trips %o within Telegram's 64 bytes", (button) => {
    const data = groupButtonData(button);
    expect(new TextEncoder().encode(data).length).toBeLessThanOrEqual(64);
    expect(read(data)).toEqual(button);
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
    expect(read(data)).toBe("invalid");
  });

  it.each([["t:1:take"], ["ac:primary"], ["nav:back"], ["agx"]])("leaves other buttons alone: %s", (data) => {
    expect(read(data)).toBeNull();
  });
});
