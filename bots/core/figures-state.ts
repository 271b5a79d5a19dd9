// The /capnhat form's stored state: plain data, apart from the form's logic (figures-form.ts) so the
// dialogue state (state.ts) can name it without importing the flow.
import { type MonthKey } from "../../src/util/vietnam-time.js";

export interface FiguresForm {
  villageId: number;
  villageCode: string;
  villageName: string;
  communeId: number;
  month: MonthKey;
  /** The version this form started from (0: none yet); the save lock. */
  basedOn: number;
  values: Record<string, number>;
  /** Values offered with "keep": this month's saved ones, else last month's. */
  previous: Record<string, number>;
  previousIsLastMonth: boolean;
  /** Last month's values, to show what changed. */
  lastMonth: Record<string, number>;
  /** Quarterly figures not asked this month, kept from before (their values are in `values`). */
  carried: string[];
  /** A draft found on opening, waiting for "go on" or "start again". */
  draft?: { values: Record<string, number>; index: number };
  /** Question index; FIGURE_FIELDS.length = the summary. */
  index: number;
  /** Editing one item from the summary: go back to the summary after it. */
  editing?: boolean;
  /** At the summary, waiting for the number of the item to edit. */
  picking?: boolean;
}

export type FiguresState = { step: "figures"; form: FiguresForm } | { step: "figures_village"; month: MonthKey; communeId: number };
