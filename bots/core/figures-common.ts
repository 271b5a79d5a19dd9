// What the villages' and the reporting units' figures forms share: how far back, the navigation
// row, how a value reads.
import { formatNumberVN } from "../../src/compliance/month.js";
import type { FigureField } from "../../src/compliance/fields.js";
import type { Choice } from "../../src/messaging/types.js";
import { nav as navButton } from "../../src/messaging/buttons.js";
import type { Messages } from "../../src/i18n/messages.js";

/** How far back figures may be entered or corrected (the units' form too). */
export const MAX_MONTHS_BACK = 24;

/** Quay lại and Hủy, under every question of a figures form (the units' form too). */
export const nav = (t: Messages): Choice[] => [
  { label: t.compliance.buttons.back, data: navButton.pack("back") },
  { label: t.compliance.buttons.cancel, data: navButton.pack("cancel") },
];

/** A figure's value as the form shows it. */
export function show(t: Messages, field: FigureField, value: number | undefined): string {
  if (value === undefined) return t.compliance.form.missingValue;
  if (field.kind === "yesno") return value >= 1 ? t.compliance.form.yes : t.compliance.form.no;
  return formatNumberVN(value);
}
