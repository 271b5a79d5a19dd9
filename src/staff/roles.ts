// Who may do what, where: pure rules with a table-driven test.
import { viCommon } from "../i18n/vi-common.js";

export const ROLES = ["officer", "leader", "village_head", "translator", "reporting_unit", "admin", "teacher", "business_contact"] as const;
export type Role = (typeof ROLES)[number];

export const roleLabels: Record<Role, string> = viCommon.roles;

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function roleLabel(role: string): string {
  return isRole(role) ? roleLabels[role] : role;
}

export type StaffAction =
  | "tip.read"
  | "tip.handle"
  | "tip.list"
  /** Internal notes on a tip, reassigning it to another officer, reopening a closed one (issue 12). */
  | "tip.note"
  | "tip.assign"
  | "tip.reopen"
  /** Register a Telegram group for the commune's alerts (/nhomcanhbao in the group). */
  | "alertgroup.register"
  /** See the commune's alert groups and remove one (the bot leaves it). */
  | "alertgroup.list"
  | "alertgroup.remove"
  | "staff.manage"
  /** Places: import a CSV, rename a village, create a commune with its villages (admins only). */
  | "places.manage"
  /** Enter or correct a village's monthly figures. */
  | "figures.write"
  /** Enter or correct a reporting unit's monthly figures (a unit's member: only their own unit). */
  | "unitfigures.write"
  /** A reporting unit's figures (a unit's member: only their own unit; leaders and officers: every unit of the commune). */
  | "unitfigures.read"
  /** A village's own figures and criteria (a village head: only their village). */
  | "stats.village"
  /** A commune's summary and criteria checklist. */
  | "stats.read"
  /** Tip statistics of a commune (counts and times, never tip contents). */
  | "tipstats.read"
  /** The monthly report file. */
  | "report.read"
  /** Ranking of the communes of a province by criteria met. */
  | "ranking.read"
  /** Read the commune's bulletins (/bantin). */
  | "bulletin.read"
  /** Answer "Đã phát" / "Chưa phát được" for one's own village. */
  | "bulletin.confirm"
  /** Send translations and recordings (/dich). */
  | "bulletin.translate"
  /** Air a new commune's first bulletin at once (translations are reviewed by translators, below). */
  | "bulletin.approve"
  /** Write the commune's own bulletins and warnings (/vietbantin); a second person approves them (src/bulletins/local.ts). */
  | "bulletin.write"
  /** Approve or return another translator's translation into a language one reads (rules in src/bulletins/translation-review.ts). */
  | "translation.review"
  /** Fan-out progress and coverage (/tiendo). */
  | "bulletin.progress"
  /** Schedules and languages (/lichphat, /ngonngu). */
  | "bulletin.configure"
  /** Answer "Đã tuyên truyền" for one's own school or business (src/bulletins/audiences.ts checks which). */
  | "audience.confirm"
  /** Add, list and remove a commune's schools and businesses (src/bulletins/audiences.ts). */
  | "audience.manage";

export interface StaffScope {
  role: string;
  communeId: number | null;
  villageId: number | null;
  provinceId?: number | null;
  /** A reporting unit's member: their unit's kind (src/compliance/units.json). */
  unitKind?: string | null;
  active: boolean;
}

/** What an action is done on: a commune (and its province), maybe one village; or a whole province. */
export interface ScopeTarget {
  communeId?: number;
  villageId?: number;
  provinceId?: number;
  /** One reporting unit of the commune (its kind). */
  unitKind?: string;
}

const allowed: Record<Role, StaffAction[]> = {
  officer: ["tip.read", "tip.handle", "tip.list", "tip.note", "tip.assign", "tip.reopen", "alertgroup.register", "alertgroup.list", "alertgroup.remove", "figures.write", "stats.village", "stats.read", "unitfigures.read", "tipstats.read", "report.read", "bulletin.read", "bulletin.approve", "bulletin.write", "bulletin.progress"],
  leader: ["tip.read", "tip.list", "tip.note", "tip.assign", "tip.reopen", "alertgroup.list", "alertgroup.remove", "stats.village", "stats.read", "unitfigures.read", "tipstats.read", "report.read", "bulletin.read", "bulletin.approve", "bulletin.write", "bulletin.progress"],
  village_head: ["figures.write", "stats.village", "bulletin.read", "bulletin.confirm"],
  translator: ["bulletin.read", "bulletin.translate", "translation.review"],
  reporting_unit: ["unitfigures.write", "unitfigures.read"],
  /** A school's teacher and a business's contact (issue 15): the bulletins sent to their audience. */
  teacher: ["audience.confirm"],
  business_contact: ["audience.confirm"],
  admin: [
    "tip.read",
    "tip.handle",
    "tip.list",
    "tip.note",
    "tip.assign",
    "tip.reopen",
    "alertgroup.register",
    "alertgroup.list",
    "alertgroup.remove",
    "staff.manage",
    "places.manage",
    "figures.write",
    "stats.village",
    "stats.read",
    "unitfigures.read",
    "tipstats.read",
    "report.read",
    "ranking.read",
    "bulletin.read",
    "bulletin.approve",
    "bulletin.progress",
    "bulletin.configure",
    "audience.manage",
  ],
};

/** Whether the role may do the action somewhere (scope aside): what help texts and menus show. */
export function roleMay(role: string, action: StaffAction): boolean {
  return isRole(role) && allowed[role].includes(action);
}

/**
 * Role and scope. A national admin (no province, no commune) may act anywhere; a province admin
 * only on targets that name their province; everybody else only in their own commune, a village
 * head only on their own village, and a reporting unit's member only on their own unit.
 */
export function can(staff: StaffScope, action: StaffAction, target: ScopeTarget): boolean {
  if (!staff.active || !isRole(staff.role)) return false;
  if (!allowed[staff.role].includes(action)) return false;
  const provinceId = staff.provinceId ?? null;
  if (staff.role === "admin" && staff.communeId === null) {
    if (provinceId === null) return true;
    return target.provinceId !== undefined && target.provinceId === provinceId;
  }
  if (action === "ranking.read") return false;
  if (staff.role === "village_head") {
    // Their own village only. Figures need a village target; reading the commune's bulletins does not.
    if (target.villageId !== undefined) return staff.villageId !== null && target.villageId === staff.villageId && target.communeId === staff.communeId;
    if (action === "figures.write" || action === "stats.village") return false;
  }
  if (staff.role === "reporting_unit" && (target.unitKind === undefined || !staff.unitKind || target.unitKind !== staff.unitKind)) return false;
  return target.communeId !== undefined && staff.communeId === target.communeId;
}
