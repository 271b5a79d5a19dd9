// Who reads which wording of the statistics commands: a village head (their village), an admin
// above the communes (who names the commune), or the commune's staff.
import type { StaffRow } from "./turn.js";

export type StatsReader = "village" | "above" | "commune";

export function statsReader(staff: StaffRow): StatsReader {
  if (staff.role === "village_head") return "village";
  if (staff.role === "admin" && staff.communeId === null) return "above";
  return "commune";
}
