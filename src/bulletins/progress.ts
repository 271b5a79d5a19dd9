// Progress of a commune's bulletins for admins, leaders and officers (/tiendo): each recent slot's
// fan-out (from the outbox, by dedupe-key range), confirmations per village, the next slot, and
// the translations still missing for the commune's languages.
import type { Db } from "../db/client.js";
import { viBulletins } from "../i18n/vi-bulletins.js";
import { formatSlot } from "./messages.js";
import { BASE_LANGUAGE, languageLabel, parseLanguageList, villageLanguageCodes } from "./languages.js";
import { reasonLabel } from "./reasons.js";
import { nextSlotAfter } from "./schedule.js";
import { communeSchedule, repeatedAiring } from "./slots.js";
import { missingTranslations, recentApprovals } from "./translations.js";
import { formatDateVN } from "../util/vietnam-time.js";
import { cutAtWord } from "../util/text.js";
import { zaloReachLines } from "./zalo-digest.js";
import { audienceProgressLines } from "./audiences.js";

const t = viBulletins;

export interface OutboxCounts {
  sent: number;
  pending: number;
  failed: number;
  total: number;
}

/** Outbox rows whose dedupe key starts with `prefix`, by status: a range on the unique index. */
export async function outboxCounts(db: Db, prefix: string): Promise<OutboxCounts> {
  // ";" follows ":" in ASCII: [prefix, prefix with its last ":" → ";") is exactly the keys under it.
  const upper = `${prefix.slice(0, -1)};`;
  const groups = await db.outboxMessage.groupBy({ by: ["status"], where: { dedupeKey: { gte: prefix, lt: upper } }, _count: { _all: true } });
  const n = (s: string) => groups.find((g) => g.status === s)?._count._all ?? 0;
  const counts = { sent: n("sent"), pending: n("pending"), failed: n("failed") + n("cancelled"), total: 0 };
  counts.total = counts.sent + counts.pending + counts.failed;
  return counts;
}

export async function slotProgress(db: Db, slotId: number) {
  const slot = await db.bulletinSlot.findUniqueOrThrow({ where: { id: slotId }, include: { item: true } });
  const heads = await outboxCounts(db, `b:${slotId}:h:`);
  const subscribers = await outboxCounts(db, `b:${slotId}:s:`);
  const deliveries = await db.bulletinDelivery.findMany({ where: { slotId }, include: { village: true }, orderBy: { villageId: "asc" } });
  return { slot, heads, subscribers, deliveries };
}

/** The text of /tiendo for a commune; `zaloDigest`: whether the OA's weekly digest article is on. */
export async function progressText(db: Db, communeId: number, now: Date, opts: { zaloDigest?: boolean; slots?: number } = {}): Promise<string> {
  const slots = opts.slots ?? 3;
  const commune = await db.commune.findUniqueOrThrow({ where: { id: communeId } });
  const lines = [t.progress.title(commune.name)];
  const recent = await db.bulletinSlot.findMany({ where: { communeId }, orderBy: { scheduledAt: "desc" }, take: slots, select: { id: true } });
  if (recent.length === 0) lines.push(t.progress.none);
  for (const { id } of recent) {
    const p = await slotProgress(db, id);
    lines.push("", t.progress.slot(formatSlot(p.slot.scheduledAt), p.slot.item?.title ?? null, t.slotStatus[p.slot.status] ?? p.slot.status, p.slot.late));
    if (p.slot.status !== "sending" && p.slot.status !== "sent") continue;
    lines.push(t.progress.heads(p.heads.sent, p.heads.total, p.heads.pending, p.heads.failed));
    const repeat = await repeatedAiring(db, p.slot);
    if (repeat) lines.push(t.progress.repeatOf(formatSlot(repeat.scheduledAt)));
    else lines.push(t.progress.subscribers(p.subscribers.sent, p.slot.subscribersQueued, p.subscribers.pending, p.subscribers.failed, p.slot.subscribersSkipped));
    if (p.slot.status === "sending") lines.push(t.progress.fanningOut);
    const count = (s: string) => p.deliveries.filter((d) => d.status === s).length;
    lines.push(t.progress.confirmations(count("broadcast"), p.deliveries.length, count("not_broadcast"), count("pending"), count("no_head")));
    for (const d of p.deliveries.filter((x) => x.status === "not_broadcast")) {
      lines.push(t.progress.reasonLine(d.village.name, d.reason === "other" && d.reasonText ? d.reasonText : (reasonLabel(d.reason) ?? "")));
    }
    // Schools and businesses the slot reached, per kind (src/bulletins/audiences.ts).
    lines.push(...(await audienceProgressLines(db, id)));
  }
  const { schedule, enabled } = await communeSchedule(db, communeId);
  const next = enabled ? nextSlotAfter(schedule, now) : null;
  lines.push("", next ? t.progress.next(formatSlot(next)) : t.progress.paused);
  const zalo = await zaloReachLines(db, communeId, now, opts.zaloDigest === true);
  if (zalo.length > 0) lines.push("", ...zalo);
  const languages = parseLanguageList(commune.languages).filter((l) => l !== BASE_LANGUAGE);
  for (const l of await villageLanguageCodes(db, communeId)) if (l !== BASE_LANGUAGE && !languages.includes(l)) languages.push(l);
  if (languages.length > 0) {
    lines.push("", t.progress.missingTitle);
    for (const language of languages) {
      const { total, missing } = await missingTranslations(db, language, now, communeId);
      lines.push(t.progress.missingLine(languageLabel(language), missing.length, total, missing.filter((m) => m.draft?.submitted).length));
      for (const a of await recentApprovals(db, language, communeId)) lines.push(t.progress.approvedLine(cutAtWord(a.title, 60), a.translator, a.reviewer, formatDateVN(a.approvedAt)));
    }
  }
  return lines.join("\n");
}
