// The villages of one commune ranked for its leaders, with the lists the plans use for praise
// (biểu dương) and criticism (phê bình). Pure: it reads the village review and the month's figures
// and coverage; the rules are data (village-ranking.json).
import { z } from "zod";
import data from "./village-ranking.json" with { type: "json" };
import type { VillageMonth, VillageRecognition } from "./types.js";

const rulesSchema = z.object({
  source: z.string().min(5),
  complexCriteria: z.array(z.string()).min(1),
  praiseNeedsReached: z.boolean(),
  criticise: z.object({ complex: z.boolean(), notReported: z.boolean(), notReached: z.boolean() }),
});
export type VillageRankingRules = z.infer<typeof rulesSchema>;
export const VILLAGE_RANKING_RULES: VillageRankingRules = rulesSchema.parse(data);

/** Why a village is on the criticism list. */
export type CriticismReason = { kind: "complex"; criteria: string[] } | { kind: "not_reported" } | { kind: "not_reached" };

export interface VillageRank {
  villageId: number;
  code: string;
  name: string;
  rank: number;
  met: number;
  notMet: number;
  total: number;
  /** Propaganda sessions entered plus broadcasts confirmed in the month. */
  reach: number;
  praise: boolean;
  criticism: CriticismReason[];
}

/**
 * Ranks by criteria met (most first), then criteria failed (fewest first), then propaganda reach,
 * then the village code; equal villages share a rank.
 */
export function rankVillages(review: VillageRecognition[], villages: VillageMonth[], rules: VillageRankingRules = VILLAGE_RANKING_RULES): VillageRank[] {
  const complex = new Set(rules.complexCriteria);
  const rows = review.map((r) => {
    const v = villages.find((x) => x.id === r.villageId);
    const reach = (v?.figures?.values.propaganda_sessions ?? 0) + (v?.coverage?.confirmedBroadcast ?? 0);
    const failedComplex = r.results.filter((c) => c.status === "not_met" && complex.has(c.id)).map((c) => c.id);
    const criticism: CriticismReason[] = [];
    if (rules.criticise.complex && failedComplex.length > 0) criticism.push({ kind: "complex", criteria: failedComplex });
    if (rules.criticise.notReported && !r.reported) criticism.push({ kind: "not_reported" });
    if (rules.criticise.notReached && reach === 0) criticism.push({ kind: "not_reached" });
    return {
      villageId: r.villageId,
      code: r.code,
      name: r.name,
      rank: 0,
      met: r.results.filter((c) => c.status === "met").length,
      notMet: r.results.filter((c) => c.status === "not_met").length,
      total: r.results.length,
      reach,
      praise: r.status === "qualifies" && (!rules.praiseNeedsReached || reach > 0),
      criticism,
    };
  });
  rows.sort((a, b) => b.met - a.met || a.notMet - b.notMet || b.reach - a.reach || a.code.localeCompare(b.code));
  rows.forEach((row, i) => {
    const prev = rows[i - 1];
    row.rank = prev && prev.met === row.met && prev.notMet === row.notMet && prev.reach === row.reach ? prev.rank : i + 1;
  });
  return rows;
}
