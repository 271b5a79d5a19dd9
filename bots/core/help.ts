// The help text by role: the citizen's, plus each feature's commands the staff member may use.
import { vi } from "../../src/i18n/vi.js";
import { viZalo } from "../../src/i18n/vi-zalo.js";
import { bulletinHelp } from "./bulletins.js";
import { complianceHelp } from "./stats.js";
import type { StaffRow } from "./turn.js";
import type { Channel } from "../../src/messaging/types.js";

/** `channel`: the web chat has no group chats and no other account to link, so those commands are left out there. */
export function helpText(staff: StaffRow | null, channel?: Channel): string {
  const bulletins = bulletinHelp(staff);
  const citizen = `${vi.help.citizen}\n\n${bulletins.citizen}`;
  if (!staff) return citizen;
  // Village heads and translators have no tip commands.
  const web = channel === "web";
  const tips = staff.role === "village_head" || staff.role === "translator" ? null : web ? vi.help.staff : `${vi.help.staff}\n${vi.help.staffGroups}`;
  return [citizen, tips, complianceHelp(staff), bulletins.staff, web ? null : viZalo.staff.help].filter(Boolean).join("\n\n");
}

