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
  /** Read the commune's bulletins (/bantin). */
  | "bulletin.read"
  /** Answer "Đã phát" / "Chưa phát được" for one's own village. */
  | "bulletin.confirm"
  /** Send translations and recordings (/dich). */
  | "bulletin.translate"
  /** Approve or return translations. */
  | "bulletin.approve"
  /** Fan-out progress and coverage (/tiendo). */
  | "bulletin.progress"
  /** Schedules and languages (/lichphat, /ngonngu). */
  | "bulletin.configure";

export interface StaffScope {
  role: string;
  communeId: number | null;
  villageId: number | null;
  active: boolean;
}

const allowed: Record<Role, StaffAction[]> = {
  officer: ["tip.read", "tip.handle", "tip.list", "alertgroup.register", "bulletin.read", "bulletin.approve", "bulletin.progress"],
  leader: ["tip.read", "tip.list", "bulletin.read", "bulletin.approve", "bulletin.progress"],
  village_head: ["bulletin.read", "bulletin.confirm"],
  translator: ["bulletin.read", "bulletin.translate"],
  admin: [
    "tip.read",
    "tip.handle",
    "tip.list",
    "alertgroup.register",
    "staff.manage",
    "bulletin.read",
    "bulletin.approve",
    "bulletin.progress",
    "bulletin.configure",
  ],
};

export function can(staff: StaffScope, action: StaffAction, target: { communeId?: number; villageId?: number }): boolean {
  if (!staff.active || !isRole(staff.role)) return false;
  if (!allowed[staff.role].includes(action)) return false;
  if (staff.role === "admin" && staff.communeId === null) return true;
  // A village head acts for their own village only, when the target names one.
  if (staff.role === "village_head" && target.villageId !== undefined && staff.villageId !== target.villageId) return false;
  return target.communeId !== undefined && staff.communeId === target.communeId;
}
