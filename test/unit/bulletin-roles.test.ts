// Who may do what with bulletins, where: table-driven over src/staff/roles.ts.
import { describe, expect, it } from "vitest";
import { can, type StaffAction, type StaffScope } from "../../src/staff/roles.js";

const staff = (role: string, communeId: number | null, villageId: number | null = null, active = true): StaffScope => ({ role, communeId, villageId, active });
const HEAD = staff("village_head", 1, 11);
const OFFICER = staff("officer", 1);
const LEADER = staff("leader", 1);
const TRANSLATOR = staff("translator", 1);
const ADMIN_COMMUNE = staff("admin", 1);
const ADMIN_ALL = staff("admin", null);

describe("bulletin permissions", () => {
  const table: [string, StaffScope, StaffAction, { communeId?: number; villageId?: number }, boolean][] = [
    ["a village head confirms for their village", HEAD, "bulletin.confirm", { communeId: 1, villageId: 11 }, true],
    ["…not for another village of the commune", HEAD, "bulletin.confirm", { communeId: 1, villageId: 12 }, false],
    ["…not in another commune", HEAD, "bulletin.confirm", { communeId: 2, villageId: 11 }, false],
    ["a village head reads the commune's bulletins", HEAD, "bulletin.read", { communeId: 1 }, true],
    ["a village head does not air bulletins", HEAD, "bulletin.approve", { communeId: 1 }, false],
    ["a village head does not see progress", HEAD, "bulletin.progress", { communeId: 1 }, false],
    ["an officer airs the first bulletin in their commune", OFFICER, "bulletin.approve", { communeId: 1 }, true],
    ["an officer does not air elsewhere", OFFICER, "bulletin.approve", { communeId: 2 }, false],
    ["an officer does not confirm broadcasts", OFFICER, "bulletin.confirm", { communeId: 1, villageId: 11 }, false],
    ["an officer sees progress", OFFICER, "bulletin.progress", { communeId: 1 }, true],
    ["an officer does not change the schedule", OFFICER, "bulletin.configure", { communeId: 1 }, false],
    ["a leader airs the first bulletin", LEADER, "bulletin.approve", { communeId: 1 }, true],
        ["an officer writes the commune's bulletins", OFFICER, "bulletin.write", { communeId: 1 }, true],
    ["a leader writes the commune's bulletins", LEADER, "bulletin.write", { communeId: 1 }, true],
    ["…not another commune's", LEADER, "bulletin.write", { communeId: 2 }, false],
    ["a village head does not write bulletins", HEAD, "bulletin.write", { communeId: 1 }, false],
    ["a translator does not write bulletins", TRANSLATOR, "bulletin.write", { communeId: 1 }, false],
    ["an admin does not write bulletins (officers and leaders do)", ADMIN_COMMUNE, "bulletin.write", { communeId: 1 }, false],
    ["a leader sees progress", LEADER, "bulletin.progress", { communeId: 1 }, true],
    ["a translator translates", TRANSLATOR, "bulletin.translate", { communeId: 1 }, true],
    ["a translator never approves a bulletin", TRANSLATOR, "bulletin.approve", { communeId: 1 }, false],
    ["a translator reviews translations (whose: src/bulletins/translation-review.ts)", TRANSLATOR, "translation.review", { communeId: 1 }, true],
    ["a leader does not review translations", LEADER, "translation.review", { communeId: 1 }, false],
    ["an officer does not review translations", OFFICER, "translation.review", { communeId: 1 }, false],
    ["an admin does not review translations", ADMIN_ALL, "translation.review", { communeId: 1 }, false],
    ["a commune admin configures their commune", ADMIN_COMMUNE, "bulletin.configure", { communeId: 1 }, true],
    ["…not another", ADMIN_COMMUNE, "bulletin.configure", { communeId: 2 }, false],
    ["a system admin configures any commune", ADMIN_ALL, "bulletin.configure", { communeId: 7 }, true],
    ["a revoked village head confirms nothing", staff("village_head", 1, 11, false), "bulletin.confirm", { communeId: 1, villageId: 11 }, false],
    ["an unknown role can do nothing", staff("mayor", 1), "bulletin.read", { communeId: 1 }, false],
  ];
  it.each(table)("%s", (_name, who, action, target, expected) => {
    expect(can(who, action, target)).toBe(expected);
  });
});
