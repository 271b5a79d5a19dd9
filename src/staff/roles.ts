// Who may do what, where: pure rules with a table-driven test.

export const ROLES = ["officer", "leader", "village_head", "translator", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const roleLabels: Record<Role, string> = {
  officer: "công an xã",
  leader: "lãnh đạo xã",
  village_head: "trưởng thôn",
  translator: "biên dịch viên",
  admin: "quản trị",
};

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
  | "alertgroup.register"
  | "staff.manage"
  /** Enter or correct a village's monthly figures. */
  | "figures.write"
  /** A village's own figures and criteria (a village head: only their village). */
  | "stats.village"
  /** A commune's summary and criteria checklist. */
  | "stats.read"
  /** Tip statistics of a commune (counts and times, never tip contents). */
  | "tipstats.read"
  /** The monthly report file. */
  | "report.read"
  /** Ranking of the communes of a province by criteria met. */
  | "ranking.read";

export interface StaffScope {
  role: string;
  communeId: number | null;
  villageId: number | null;
  provinceId?: number | null;
  active: boolean;
}

/** What an action is done on: a commune (and its province), maybe one village; or a whole province. */
export interface ScopeTarget {
  communeId?: number;
  villageId?: number;
  provinceId?: number;
}

const allowed: Record<Role, StaffAction[]> = {
  officer: ["tip.read", "tip.handle", "tip.list", "alertgroup.register", "figures.write", "stats.village", "stats.read", "tipstats.read", "report.read"],
  leader: ["tip.read", "tip.list", "stats.village", "stats.read", "tipstats.read", "report.read"],
  village_head: ["figures.write", "stats.village"],
  translator: [],
  admin: [
    "tip.read",
    "tip.handle",
    "tip.list",
    "alertgroup.register",
    "staff.manage",
    "figures.write",
    "stats.village",
    "stats.read",
    "tipstats.read",
    "report.read",
    "ranking.read",
  ],
};

/**
 * Role and scope. A national admin (no province, no commune) may act anywhere; a province admin
 * only on targets that name their province; everybody else only in their own commune, and a
 * village head only on their own village.
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
    return staff.villageId !== null && target.villageId !== undefined && target.villageId === staff.villageId && target.communeId === staff.communeId;
  }
  return target.communeId !== undefined && staff.communeId === target.communeId;
}
