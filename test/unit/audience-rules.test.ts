// Audiences beyond villages (issue 15): which kinds an item reaches, who may confirm for which
// audience, the roles of their contacts, and the writer's choice kept to what the commune has.
import { describe, expect, it } from "vitest";
import { audienceKindsOf, contactRole, keepAvailable, kindOfRole, mayConfirmAudience, parseAudienceKinds, AUDIENCE_REASONS } from "../../src/bulletins/audiences.js";
import { can, roleMay } from "../../src/staff/roles.js";

const staff = (role: string, communeId: number | null, audienceId: number | null, active = true) => ({ role, communeId, villageId: null, provinceId: null, active, audienceId });

describe("which audience kinds an item reaches", () => {
  it.each([
    // catalog items (communeId null): by tag (audiences.json)
    [{ communeId: null, tags: "tra-hinh,hoc-sinh" }, null, ["school"]],
    [{ communeId: null, tags: "hoc-sinh,nam-hoc-moi" }, "business", ["school"]],
    [{ communeId: null, tags: "co-so-kinh-doanh,cam-ket" }, null, ["business"]],
    [{ communeId: null, tags: "tac-hai" }, null, []],
    [{ communeId: null, tags: "" }, "school,business", []],
    [{ communeId: null, tags: " hoc-sinh , co-so-kinh-doanh " }, null, ["school", "business"]],
    // a commune's own item: the writer's choice only, whatever its tags
    [{ communeId: 3, tags: "" }, "school", ["school"]],
    [{ communeId: 3, tags: "hoc-sinh" }, "", []],
    [{ communeId: 3, tags: "" }, "business,school", ["school", "business"]],
    [{ communeId: 3, tags: "" }, "school,school,xyz", ["school"]],
    [{ communeId: 3, tags: "" }, null, []],
  ] as const)("%j chosen %j → %j", (item, chosen, kinds) => {
    expect(audienceKindsOf(item, chosen)).toEqual(kinds);
  });

  it.each([
    ["", []],
    ["school", ["school"]],
    ["business, school", ["school", "business"]],
    ["School", []],
    ["village", []],
  ] as const)("parses %j as %j", (text, kinds) => {
    expect(parseAudienceKinds(text)).toEqual(kinds);
  });

  it.each([
    [["school", "business"], ["school"], ["school"]],
    [["business"], ["school"], []],
    [[], ["school", "business"], []],
    [["business", "school"], ["school", "business"], ["school", "business"]],
  ] as const)("keeps %j of what the commune has %j: %j", (chosen, available, kept) => {
    expect(keepAvailable(chosen, available)).toEqual(kept);
  });
});

describe("contacts and their answers", () => {
  it("maps kinds to roles and back", () => {
    expect(contactRole("school")).toBe("teacher");
    expect(contactRole("business")).toBe("business_contact");
    expect(kindOfRole("teacher")).toBe("school");
    expect(kindOfRole("business_contact")).toBe("business");
    for (const role of ["officer", "leader", "village_head", "translator", "admin", "nobody"]) expect(kindOfRole(role)).toBeNull();
    expect(AUDIENCE_REASONS).toContain("other");
  });

  const school = { audienceId: 5, communeId: 1, kind: "school" };
  it.each([
    ["the school's teacher", staff("teacher", 1, 5), school, true],
    ["another school's teacher", staff("teacher", 1, 6), school, false],
    ["a teacher of another commune with the same id", staff("teacher", 2, 5), school, false],
    ["a revoked teacher", staff("teacher", 1, 5, false), school, false],
    ["a teacher with no audience", staff("teacher", 1, null), school, false],
    ["a business contact on a school's delivery", staff("business_contact", 1, 5), school, false],
    ["the business's contact", staff("business_contact", 1, 7), { audienceId: 7, communeId: 1, kind: "business" }, true],
    ["the commune's officer", staff("officer", 1, 5), school, false],
    ["the village head", staff("village_head", 1, 5), school, false],
    ["a national admin", staff("admin", null, 5), school, false],
  ] as const)("%s: %s", (_who, s, delivery, allowed) => {
    expect(mayConfirmAudience(s, delivery)).toBe(allowed);
  });

  it.each([
    ["teacher", "audience.confirm", true],
    ["business_contact", "audience.confirm", true],
    ["teacher", "bulletin.confirm", false],
    ["teacher", "bulletin.write", false],
    ["teacher", "tip.read", false],
    ["business_contact", "stats.read", false],
    ["officer", "audience.confirm", false],
    ["admin", "audience.manage", true],
    ["officer", "audience.manage", false],
    ["leader", "audience.manage", false],
  ] as const)("%s may %s: %s", (role, action, allowed) => {
    expect(roleMay(role, action)).toBe(allowed);
  });

  it("scopes the admin's list to the commune or province", () => {
    expect(can(staff("admin", 1, null), "audience.manage", { communeId: 1, provinceId: 9 })).toBe(true);
    expect(can(staff("admin", 1, null), "audience.manage", { communeId: 2, provinceId: 9 })).toBe(false);
    expect(can({ ...staff("admin", null, null), provinceId: 9 }, "audience.manage", { communeId: 2, provinceId: 9 })).toBe(true);
    expect(can({ ...staff("admin", null, null), provinceId: 9 }, "audience.manage", { communeId: 2, provinceId: 8 })).toBe(false);
  });
});
