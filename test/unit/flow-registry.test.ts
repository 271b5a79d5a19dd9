// The flow registry's stored states: every flow's state survives storing and loading; what no flow
// of this version can read (garbage, an unknown step, an old version, a wrong shape) ends as idle
// and says it ended, so the engine tells the person instead of misreading the row.
import { describe, expect, it } from "vitest";
import { FLOWS, expiredNotice, flowOf, loadState, storeState } from "../../bots/core/flows/index.js";
import { commandNames, COMMANDS } from "../../bots/core/commands/index.js";
import type { State } from "../../bots/core/state.js";

const form = {
  villageId: 3,
  villageCode: "LP-02",
  villageName: "Thôn Lũng Pục",
  communeId: 1,
  month: "2026-11",
  basedOn: 0,
  values: { users: 2 },
  previous: {},
  previousIsLastMonth: true,
  lastMonth: { users: 1 },
  carried: ["households"],
  index: 1,
};

const states: Array<[string, State]> = [
  ["tipoff", { step: "commune", draft: { attachments: [] } }],
  ["tipoff", { step: "confirm", draft: { communeId: 1, villageId: null, category: "selling", text: "Có người bán", attachments: [{ kind: "location", channel: "web", latitude: 21.5, longitude: 105.2 }] } }],
  ["tipoff", { step: "media", draft: { communeId: 1, villageFixed: true, villageId: 4, attachments: [{ kind: "photo", channel: "web", webUploadId: "abc" }], pendingLocation: { latitude: 1, longitude: 2 } } }],
  ["followup", { step: "followup_code" }],
  ["followup", { step: "followup", tipId: 7 }],
  ["followup", { step: "followup_add", tipId: 7, pendingLocation: { latitude: 1, longitude: 2 } }],
  ["ask", { step: "ask", tipId: 9 }],
  ["figures", { step: "figures", form }],
  ["figures", { step: "figures", form: { ...form, draft: { values: { users: 3 }, index: 4 } } }],
  ["figures", { step: "figures_village", month: "2026-11", communeId: 1 }],
  ["bulletins", { step: "sub_commune" }],
  ["bulletins", { step: "b_reason", deliveryId: 5 }],
  ["bulletins", { step: "translate", itemId: 2, language: "hmn" }],
];

describe("stored states", () => {
  it.each(states)("%s: %j comes back as it was stored", (flowId, state) => {
    expect(flowOf(state)?.id).toBe(flowId);
    const stored = storeState(state);
    expect(JSON.parse(stored!)).toMatchObject({ v: flowOf(state)!.version });
    expect(loadState(stored)).toEqual({ state, broken: false });
  });

  it("stores nothing for idle and reads nothing stored as idle", () => {
    expect(storeState({ step: "idle" })).toBeNull();
    for (const json of [null, undefined, ""]) expect(loadState(json)).toEqual({ state: { step: "idle" }, broken: false });
  });

  it("reads states written before versions existed as version 1", () => {
    expect(loadState(JSON.stringify({ step: "ask", tipId: 9 }))).toEqual({ state: { step: "ask", tipId: 9 }, broken: false });
  });

  it.each([
    ["not JSON", "{not json"],
    ["a number", "42"],
    ["null", "null"],
    ["no step", JSON.stringify({ tipId: 1 })],
    ["an unknown step", JSON.stringify({ step: "teleport" })],
    ["a step of a prototype", JSON.stringify({ step: "__proto__" })],
    ["a later version", JSON.stringify({ step: "ask", tipId: 9, v: 2 })],
    ["a tip id as text", JSON.stringify({ step: "ask", tipId: "9" })],
    ["a negative id", JSON.stringify({ step: "followup", tipId: -1 })],
    ["a draft without its attachments", JSON.stringify({ step: "text", draft: {} })],
    ["an attachment of an unknown kind", JSON.stringify({ step: "media", draft: { attachments: [{ kind: "virus", channel: "web" }] } })],
    ["a language that is not a code", JSON.stringify({ step: "translate", itemId: 2, language: "../../etc" })],
    ["a figures form without its values", JSON.stringify({ step: "figures", form: { ...form, values: undefined }, v: 2 })],
    // Version 1 of the figures form knew nothing of carried figures: it ends, with the notice.
    ["a figures form of version 1", JSON.stringify({ step: "figures", form: { ...form, carried: undefined, lastMonth: undefined }, v: 1 })],
  ])("%s ends as idle, said to be broken", (_what, json) => {
    expect(loadState(json)).toEqual({ state: { step: "idle" }, broken: true });
  });

  it("strips fields no flow declares", () => {
    expect(loadState(JSON.stringify({ step: "ask", tipId: 9, admin: true }))).toEqual({ state: { step: "ask", tipId: 9 }, broken: false });
  });
});

describe("the registry", () => {
  it("gives every step to one flow", () => {
    const steps = FLOWS.flatMap((flow) => flow.steps);
    expect(new Set(steps).size).toBe(steps.length);
    expect(steps).not.toContain("idle");
  });

  it("says an expired draft or figures form ended, and nothing for the short dialogues", () => {
    const settings = { draftTtlMinutes: 45, tipsPerHour: 3, globalTipsPerMinute: 60, escalateAfterMinutes: 30, addressRetentionDays: 90, demo: false };
    expect(expiredNotice({ step: "text", draft: { attachments: [] } }, settings)).toContain("45");
    expect(expiredNotice({ step: "figures_village", month: "2026-11", communeId: 1 }, settings)).toBeTruthy();
    expect(expiredNotice({ step: "sub_commune" }, settings)).toBeNull();
    expect(expiredNotice({ step: "idle" }, settings)).toBeNull();
  });

  it("names every command once, in Telegram's alphabet", () => {
    const names = commandNames();
    expect(names.length).toBe(COMMANDS.flatMap((c) => c.names).length);
    for (const name of names) expect(name).toMatch(/^[a-z0-9_]{1,32}$/);
  });
});
