// Words for criteria results, shared by the chat, the HTML page and the spreadsheet.
import type { CriterionResult } from "../compliance/criteria.js";
import type { VillageRecognition } from "../compliance/types.js";
import type { VillageCoverage } from "../compliance/coverage.js";
import { fieldById } from "../compliance/fields.js";
import { formatNumberVN, formatPercentVN } from "../compliance/month.js";
import { viCompliance as t } from "../i18n/vi-compliance.js";

export function figureLabel(field: string): string {
  if (field === "broadcasts_confirmed") return t.criteria.noBroadcastData;
  if (field === "villages") return t.report.colVillages;
  return fieldById(field)?.label ?? field;
}

function shownValue(r: CriterionResult, value: number): string {
  return r.display === "percent" ? formatPercentVN(value) : formatNumberVN(value);
}

export function valueText(r: CriterionResult): string {
  if (r.display === "check") return checkText(r);
  if (r.value !== null) return shownValue(r, r.value);
  // Decided by the villages known so far: what they already add up to.
  if (r.status !== "unknown" && r.display === "number") {
    if (Number.isFinite(r.bounds.lo) && !Number.isFinite(r.bounds.hi)) return t.criteria.atLeast(shownValue(r, r.bounds.lo));
    if (Number.isFinite(r.bounds.hi)) return t.criteria.atMost(shownValue(r, Math.max(0, r.bounds.lo)), shownValue(r, r.bounds.hi));
  }
  return t.report.noData;
}

/** A yes/no rule: the numbers behind it ("Người nghiện ma túy (tổng số): 5; …"). */
function checkText(r: CriterionResult): string {
  return r.numbers.map((n) => `${figureLabel(n.field)}: ${n.value === null ? t.report.noData : formatNumberVN(n.value)}`).join("; ");
}

export function requiredText(r: Pick<CriterionResult, "requirement" | "threshold" | "display">): string {
  if (r.requirement) return r.requirement;
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

/** "Mất điện, hỏng loa: 1; Lý do khác (gõ chữ): 2 (“loa xã đang sửa”; “trưởng thôn đi vắng”)". */
export function notBroadcastText(c: VillageCoverage | null | undefined): string {
  return (c?.notBroadcast ?? []).map((x) => t.report.notBroadcastItem(x.reason, x.count, x.texts ?? [])).join("; ");
}

/** Why a village is not recognised yet: the criteria it fails, or what it still has to enter. Empty when it qualifies. */
export function recognitionReason(v: VillageRecognition): string {
  if (v.status === "qualifies") return "";
  if (v.status === "fails") return v.results.filter((r) => r.status === "not_met").map((r) => r.text).join("; ");
  if (!v.reported) return t.recognition.noFigures;
  const fields = [...new Set(v.results.filter((r) => r.status === "unknown").flatMap((r) => r.missing.map((m) => m.field)))];
  return t.recognition.missingFigures(fields.map(figureLabel).join(", "));
}
