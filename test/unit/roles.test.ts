// Who may do what, where: the table of roles, actions and scopes.
import { describe, expect, it } from "vitest";
import { can, type ScopeTarget, type StaffAction, type StaffScope } from "../../src/staff/roles.js";

const officerA: StaffScope = { role: "officer", communeId: 1, villageId: null, active: true };
const leaderA: StaffScope = { role: "leader", communeId: 1, villageId: null, active: true };
const headA1: StaffScope = { role: "village_head", communeId: 1, villageId: 11, active: true };
const translatorA: StaffScope = { role: "translator", communeId: 1, villageId: null, active: true };
const communeAdminA: StaffScope = { role: "admin", communeId: 1, villageId: null, active: true };
const provinceAdminP: StaffScope = { role: "admin", communeId: null, villageId: null, provinceId: 100, active: true };
const nationalAdmin: StaffScope = { role: "admin", communeId: null, villageId: null, provinceId: null, active: true };
const revokedOfficer: StaffScope = { ...officerA, active: false };
const healthA: StaffScope = { role: "reporting_unit", communeId: 1, villageId: null, unitKind: "health_station", active: true };
const unitWithoutKind: StaffScope = { role: "reporting_unit", communeId: 1, villageId: null, active: true };

// Commune 1 (villages 11, 12) and commune 2 (village 21) in province 100; commune 3 in province 200.
const communeA: ScopeTarget = { communeId: 1, provinceId: 100 };
const village11: ScopeTarget = { communeId: 1, villageId: 11, provinceId: 100 };
const village12: ScopeTarget = { communeId: 1, villageId: 12, provinceId: 100 };
const communeB: ScopeTarget = { communeId: 2, provinceId: 100 };
const village21: ScopeTarget = { communeId: 2, villageId: 21, provinceId: 100 };
const communeC: ScopeTarget = { communeId: 3, provinceId: 200 };
const province100: ScopeTarget = { provinceId: 100 };
const province200: ScopeTarget = { provinceId: 200 };

const table: Array<[string, StaffScope, StaffAction, ScopeTarget, boolean]> = [
  // Tips: officers and leaders of the commune; a village head never, not even of their village.
  ["officer reads own commune's tips", officerA, "tip.read", communeA, true],
  ["officer reads another commune's tips", officerA, "tip.read", communeB, false],
  ["leader lists own commune's tips", leaderA, "tip.list", communeA, true],
  ["leader cannot handle tips", leaderA, "tip.handle", communeA, false],
  ["village head cannot read the commune's tips", headA1, "tip.read", communeA, false],
  ["village head cannot read tips of their village", headA1, "tip.read", village11, false],
  ["village head cannot read tip statistics", headA1, "tipstats.read", communeA, false],
  // Figures: village heads their own village only; officers any village of their commune.
  ["village head enters own village's figures", headA1, "figures.write", village11, true],
  ["village head cannot enter another village's figures", headA1, "figures.write", village12, false],
  ["village head cannot enter figures of a village elsewhere", headA1, "figures.write", village21, false],
  ["village head cannot enter figures for the whole commune", headA1, "figures.write", communeA, false],
  ["officer enters figures of a village of the commune", officerA, "figures.write", village12, true],
  ["officer cannot enter figures in another commune", officerA, "figures.write", village21, false],
  ["leader does not enter figures", leaderA, "figures.write", village11, false],
  // Statistics, criteria, report.
  ["village head reads own village's statistics", headA1, "stats.village", village11, true],
  ["village head cannot read the commune's statistics", headA1, "stats.read", communeA, false],
  ["village head cannot read another village's statistics", headA1, "stats.village", village12, false],
  ["leader reads own commune's statistics", leaderA, "stats.read", communeA, true],
  ["leader cannot read another commune's statistics", leaderA, "stats.read", communeB, false],
  ["leader gets the report of own commune", leaderA, "report.read", communeA, true],
  ["leader cannot get another commune's report", leaderA, "report.read", communeC, false],
  ["officer reads tip statistics", officerA, "tipstats.read", communeA, true],
  ["translator reads no statistics", translatorA, "stats.read", communeA, false],
  ["leader cannot rank communes", leaderA, "ranking.read", province100, false],
  ["commune admin reads own commune", communeAdminA, "stats.read", communeA, true],
  ["commune admin cannot read another commune", communeAdminA, "stats.read", communeB, false],
  ["commune admin cannot rank a province", communeAdminA, "ranking.read", province100, false],
  // Province admins: the communes of their province, nothing else.
  ["province admin reads a commune of the province", provinceAdminP, "stats.read", communeB, true],
  ["province admin cannot read a commune of another province", provinceAdminP, "stats.read", communeC, false],
  ["province admin ranks own province", provinceAdminP, "ranking.read", province100, true],
  ["province admin cannot rank another province", provinceAdminP, "ranking.read", province200, false],
  ["province admin: a target without province is refused", provinceAdminP, "stats.read", { communeId: 2 }, false],
  // National admins: everywhere.
  ["national admin ranks any province", nationalAdmin, "ranking.read", province200, true],
  ["national admin reads any commune", nationalAdmin, "report.read", communeC, true],
  ["national admin enters figures anywhere", nationalAdmin, "figures.write", village21, true],
  // Alert groups belong to the commune: its officers, leaders and admins list and remove them;
  // only officers (and admins) register one; nobody outside the commune touches them.
  ["officer lists own commune's alert groups", officerA, "alertgroup.list", communeA, true],
  ["officer removes own commune's alert group", officerA, "alertgroup.remove", communeA, true],
  ["officer cannot remove another commune's alert group", officerA, "alertgroup.remove", communeB, false],
  ["officer cannot list another commune's alert groups", officerA, "alertgroup.list", communeB, false],
  ["leader removes own commune's alert group", leaderA, "alertgroup.remove", communeA, true],
  ["leader cannot remove another commune's alert group", leaderA, "alertgroup.remove", communeC, false],
  ["leader does not register alert groups", leaderA, "alertgroup.register", communeA, false],
  ["village head cannot list alert groups", headA1, "alertgroup.list", communeA, false],
  ["village head cannot remove alert groups", headA1, "alertgroup.remove", village11, false],
  ["translator cannot remove alert groups", translatorA, "alertgroup.remove", communeA, false],
  ["commune admin removes own commune's alert group", communeAdminA, "alertgroup.remove", communeA, true],
  ["commune admin cannot remove another commune's alert group", communeAdminA, "alertgroup.remove", communeB, false],
  ["province admin removes an alert group of the province", provinceAdminP, "alertgroup.remove", communeB, true],
  ["province admin cannot remove an alert group elsewhere", provinceAdminP, "alertgroup.remove", communeC, false],
  ["national admin removes any alert group", nationalAdmin, "alertgroup.remove", communeC, true],
  ["revoked officer removes no alert group", revokedOfficer, "alertgroup.remove", communeA, false],
  // Places and staff (the console's admin pages): admins only, each within their scope.
  ["commune admin manages own commune's places", communeAdminA, "places.manage", communeA, true],
  ["commune admin cannot manage another commune's places", communeAdminA, "places.manage", communeB, false],
  ["commune admin cannot create a commune in the province", communeAdminA, "places.manage", province100, false],
  ["province admin creates a commune in the province", provinceAdminP, "places.manage", province100, true],
  ["province admin manages a commune of the province", provinceAdminP, "places.manage", communeB, true],
  ["province admin cannot create a commune elsewhere", provinceAdminP, "places.manage", province200, false],
  ["province admin cannot create a province", provinceAdminP, "places.manage", {}, false],
  ["national admin creates a province", nationalAdmin, "places.manage", {}, true],
  ["officer cannot manage places", officerA, "places.manage", communeA, false],
  ["leader cannot manage staff", leaderA, "staff.manage", communeA, false],
  ["province admin manages staff of the province's communes", provinceAdminP, "staff.manage", communeB, true],
  ["province admin cannot manage staff elsewhere", provinceAdminP, "staff.manage", communeC, false],
  // Reporting units (issue 14): a member enters and reads their own unit of their commune only;
  // leaders, officers and admins read every unit of theirs; nobody writes another's.
  ["unit member enters own unit's figures", healthA, "unitfigures.write", { ...communeA, unitKind: "health_station" }, true],
  ["unit member reads own unit's figures", healthA, "unitfigures.read", { ...communeA, unitKind: "health_station" }, true],
  ["unit member cannot enter another unit's figures", healthA, "unitfigures.write", { ...communeA, unitKind: "schools" }, false],
  ["unit member cannot read another unit's figures", healthA, "unitfigures.read", { ...communeA, unitKind: "youth_union" }, false],
  ["unit member cannot enter the same unit of another commune", healthA, "unitfigures.write", { ...communeB, unitKind: "health_station" }, false],
  ["unit member needs a unit to act on", healthA, "unitfigures.read", communeA, false],
  ["a member without a unit does nothing", unitWithoutKind, "unitfigures.write", { ...communeA, unitKind: "health_station" }, false],
  ["unit member reads no commune statistics", healthA, "stats.read", communeA, false],
  ["unit member reads no tips", healthA, "tip.read", communeA, false],
  ["unit member enters no village figures", healthA, "figures.write", village11, false],
  ["leader reads any unit of the commune", leaderA, "unitfigures.read", { ...communeA, unitKind: "schools" }, true],
  ["leader cannot read a unit of another commune", leaderA, "unitfigures.read", { ...communeB, unitKind: "schools" }, false],
  ["officer reads any unit of the commune", officerA, "unitfigures.read", { ...communeA, unitKind: "health_station" }, true],
  ["officer does not enter a unit's figures", officerA, "unitfigures.write", { ...communeA, unitKind: "health_station" }, false],
  ["village head reads no unit", headA1, "unitfigures.read", { ...communeA, unitKind: "health_station" }, false],
  ["province admin reads a unit of the province", provinceAdminP, "unitfigures.read", { ...communeB, unitKind: "schools" }, true],
  ["province admin cannot read a unit elsewhere", provinceAdminP, "unitfigures.read", { ...communeC, unitKind: "schools" }, false],
  // Revoked staff can do nothing.
  ["revoked officer reads nothing", revokedOfficer, "stats.read", communeA, false],
  ["unknown role can do nothing", { role: "mayor", communeId: 1, villageId: null, active: true }, "stats.read", communeA, false],
];

describe("can()", () => {
  it.each(table)("%s", (_name, staff, action, target, expected) => {
    expect(can(staff, action, target)).toBe(expected);
  });
});
