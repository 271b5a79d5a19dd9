// The criteria sets shipped with the server: the default, and one file per province that overrides
// it (named after the province code, e.g. HTI.json). Add a province's file here in one line; a test
// checks that every JSON file of this folder is listed, and every set is validated at start.
import defaultSet from "./default.json" with { type: "json" };

export const CRITERIA_FILES: Record<string, unknown> = {
  "default.json": defaultSet,
};
