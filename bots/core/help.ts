// The help text by role: the citizen's, plus each feature's commands the staff member may use.
import { vi } from "../../src/i18n/vi.js";
import { viZalo } from "../../src/i18n/vi-zalo.js";
import { bulletinHelp } from "./bulletins.js";
import { complianceHelp } from "./stats.js";
import type { StaffRow } from "./turn.js";

export function helpText(staff: StaffRow | null): string {
  const bulletins = bulletinHelp(staff);
  const citizen = `${vi.help.citizen}\n\n${bulletins.citizen}`;
  if (!staff) return citizen;
  // Village heads and translators have no tip commands.
  const tips = staff.role === "village_head" || staff.role === "translator" ? null : vi.help.staff;
  return [citizen, tips, complianceHelp(staff), bulletins.staff, viZalo.staff.help].filter(Boolean).join("\n\n");
}

