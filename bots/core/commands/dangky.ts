// /dangky <mã mời>: a staff member redeems an invitation.
import { defineCommand } from "../registry.js";
import { register } from "../staff.js";

export default defineCommand({
  names: ["dangky"],
  for: "anyone",
  inGroups: "run",
  run: (turn, args) => register(turn, args),
});
