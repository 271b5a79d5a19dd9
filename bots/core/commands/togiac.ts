// /togiac: straight into a new tip, without the welcome.
import { defineCommand } from "../registry.js";
import { startTipOff } from "../tipoff.js";

export default defineCommand({
  names: ["togiac", "baotin"],
  for: "anyone",
  inGroups: "private_only",
  run: (turn) => startTipOff(turn),
});
