// The core's settings, taken from the parsed configuration (Node and Workers alike).
import type { AppConfig } from "./schema.js";
import type { CoreSettings } from "../messaging/deps.js";
import { DEFAULT_SPREAD_MINUTES } from "../bulletins/schedule.js";

export function coreSettingsOf(config: AppConfig): CoreSettings {
  return {
    draftTtlMinutes: config.draftTtlMinutes,
    tipsPerHour: config.tipsPerHour,
    globalTipsPerMinute: config.globalTipsPerMinute,
    heldSummaryMinutes: config.heldSummaryMinutes,
    wrongCodesPerMinute: config.wrongCodesPerMinute,
    escalateAfterMinutes: config.escalateAfterMinutes,
    addressRetentionDays: config.addressRetentionDays,
    tipRetentionMonths: config.tipRetentionMonths,
    demo: config.demo,
    publicUrl: config.publicUrl,
    // Node and Workers alike: communes given the default schedule are spread over its window.
    bulletinSpreadMinutes: DEFAULT_SPREAD_MINUTES,
  };
}
