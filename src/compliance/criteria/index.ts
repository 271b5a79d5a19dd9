// The criteria sets shipped with the server: the default (communes), the village set (village.json:
// "thôn, khu phố không ma túy"), and one file per province that overrides either (named after the
// province code: HTI.json for communes, HTI.village.json for villages). Add a file here in one line;
// a test checks that every JSON file of this folder is listed, and every set is validated at start.
import defaultSet from "./default.json" with { type: "json" };
import villageSet from "./village.json" with { type: "json" };

export const CRITERIA_FILES: Record<string, unknown> = {
  "default.json": defaultSet,
  "village.json": villageSet,
};
