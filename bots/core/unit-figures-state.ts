// The reporting unit's /capnhat form's stored state: plain data, apart from the form's logic
// (unit-figures-form.ts) so the dialogue state (state.ts) can name it without importing the flow.
import { type MonthKey } from "../../src/util/vietnam-time.js";

export interface UnitFiguresForm {
  communeId: number;
  communeName: string;
  unitKind: string;
  month: MonthKey;
  /** The version this form started from (0: none yet); the save lock. */
  basedOn: number;
  values: Record<string, number>;
  /** Values offered with "keep": this month's saved ones, else last month's. */
  previous: Record<string, number>;
  previousIsLastMonth: boolean;
  /** Question index; the unit's number of fields = the summary. */
  index: number;
  /** Editing one item from the summary: go back to the summary after it. */
  editing?: boolean;
  /** At the summary, waiting for the number of the item to edit. */
  picking?: boolean;
}

export type UnitFiguresState = { step: "unit_figures"; form: UnitFiguresForm };
