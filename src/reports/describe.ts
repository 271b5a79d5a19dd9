// Words for criteria results, shared by the chat, the HTML page and the spreadsheet.
import type { CriterionResult } from "../compliance/criteria.js";
import { fieldById } from "../compliance/fields.js";
import { formatNumberVN, formatPercentVN } from "../compliance/month.js";
import { viCompliance as t } from "../i18n/vi-compliance.js";

export function figureLabel(field: string): string {
  if (field === "broadcasts_confirmed") return t.criteria.noBroadcastData;
  if (field === "villages") return t.report.colVillages;
  return fieldById(field)?.label ?? field;
}

export function valueText(r: CriterionResult): string {
  if (r.value === null) return t.report.noData;
  return r.display === "percent" ? formatPercentVN(r.value) : formatNumberVN(r.value);
}

export function requiredText(r: CriterionResult): string {
  return t.threshold(r.threshold.op, r.threshold.value, r.display === "percent");
}

/** "Số hộ gia đình (Thôn A, Thôn B); chưa có dữ liệu phát thanh (Thôn C)", at most `maxVillages` names each. */
export function missingText(r: CriterionResult, maxVillages = 5): string {
  return r.missing
    .map((m) => {
      const names = m.villages.filter((v): v is string => v !== null);
      const shown = names.slice(0, maxVillages).join(", ");
      const more = names.length > maxVillages ? `, ${t.criteria.moreVillages(names.length - maxVillages)}` : "";
      return names.length > 0 ? `${figureLabel(m.field)} (${shown}${more})` : figureLabel(m.field);
    })
    .join("; ");
}
