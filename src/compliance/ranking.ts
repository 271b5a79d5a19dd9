// Rankings with their one scope check, for the console (issue 13; the chat's /xephang applies the
// same rules): a province's communes by criteria met ("ranking.read": a province admin their
// province, a national admin any), and a commune's villages with the praise and criticism lists
// ("stats.read" in that commune). Out of scope is null, as for a place that does not exist.
import type { Db } from "../db/client.js";
import { can, type StaffScope } from "../staff/roles.js";
import { communeMonth, communeRef, provinceRanking, villageRecognition, type ComplianceDeps } from "./service.js";
import { rankVillages } from "./village-ranking.js";
import type { MonthKey } from "../util/vietnam-time.js";

/** The province's communes ranked for the month, or null when the actor may not see that ranking. */
export async function provinceRankingAs(db: Db, deps: ComplianceDeps, actor: StaffScope, provinceId: number, month: MonthKey) {
  if (!can(actor, "ranking.read", { provinceId })) return null;
  const province = await db.province.findUnique({ where: { id: provinceId } });
  if (!province) return null;
  return { province, setName: deps.criteria.forProvince(province.code).name, rows: await provinceRanking(db, deps, province, month) };
}

/**
 * The commune's villages ranked for the month (rankVillages over the village review), or null out
 * of scope. `rows` is null when no village set applies to the province.
 */
export async function villageRankingAs(db: Db, deps: ComplianceDeps, actor: StaffScope, communeId: number, month: MonthKey) {
  const commune = await communeRef(db, communeId);
  if (!commune || !can(actor, "stats.read", { communeId: commune.id, provinceId: commune.provinceId })) return null;
  const cm = await communeMonth(db, deps, commune, month);
  const review = villageRecognition(deps, cm);
  return { commune, setName: review?.setName ?? null, rows: review ? rankVillages(review.villages, cm.villages) : null, reported: new Map((review?.villages ?? []).map((v) => [v.villageId, v.reported])) };
}
