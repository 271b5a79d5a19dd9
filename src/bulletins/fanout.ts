// Fan-out of a slot through the outbox: one delivery row per village (the coverage evidence), one
// message per village head and language, one per subscriber. Every outbox row has a dedupe key per
// (slot, recipient, language), and progress over subscribers is a cursor moved by a conditional
// update, so a fan-out killed at any point and run again (here or elsewhere) sends nobody twice
// and misses nobody.
import { enqueueManyStatements } from "../outbox/outbox.js";
import { sql, sqlDate, sqlOf } from "../db/sql.js";
import type { Channel } from "../messaging/types.js";
import { villageLanguages } from "./languages.js";
import { headMessage, subscriberMessage, type VersionContent } from "./messages.js";
import { withinWindow } from "./reach.js";
import { reminderAt } from "./schedule.js";
import { repeatedAiring } from "./slots.js";
import { queueAudiences } from "./audiences.js";
import { approvedVersions, canAfford, STATEMENTS_PER_FAN_OUT, PRIORITY_HEADS, PRIORITY_SUBSCRIBERS, staffTarget, versionsFor, WARNING_ITEM_PRIORITY, type BulletinDeps } from "./store.js";

export const FAN_OUT_PAGE = 200;

export function headKey(slotId: number, staffId: number, language: string): string {
  return `b:${slotId}:h:${staffId}:${language}`;
}

export function subscriberKey(slotId: number, addressTag: string): string {
  return `b:${slotId}:s:${addressTag}`;
}

interface SlotRow {
  id: number;
  communeId: number;
  scheduledAt: Date;
  itemId: number | null;
  late: boolean;
  headsQueuedAt: Date | null;
  subscriberCursor: number;
}

/** Bound values per query stay under D1's limit (about 98). */
const TAG_QUERY_CHUNK = 90;

/**
 * Address tags of a page of subscribers whose chat unfollowed (Zalo OA `unfollow`, kept by
 * src/outbox/window.ts like isUnsubscribed reads it), looked up in a few queries per page.
 */
export async function unfollowedTags(db: BulletinDeps["db"], page: { channel: string; addressTag: string }[]): Promise<Set<string>> {
  const tags = page.filter((s) => s.channel === "zalo").map((s) => s.addressTag);
  const gone = new Set<string>();
  for (let i = 0; i < tags.length; i += TAG_QUERY_CHUNK) {
    const rows = await db.chatPresence.findMany({ where: { addressTag: { in: tags.slice(i, i + TAG_QUERY_CHUNK) }, unfollowedAt: { not: null } }, select: { addressTag: true } });
    for (const r of rows) gone.add(r.addressTag);
  }
  return gone;
}

// One statement for every village's delivery row of a slot (a repeated run writes nothing), one to
// read their ids back: a commune of 20 villages or of 300 costs the same two D1 statements.
const INSERT_DELIVERIES = `INSERT INTO "BulletinDelivery" ("slotId", "villageId", "status", "languages", "remindAt", "createdAt")
  SELECT ?, json_extract("value", '$.villageId'), json_extract("value", '$.status'), json_extract("value", '$.languages'), ?, ?
  FROM json_each(?) WHERE true ON CONFLICT ("slotId", "villageId") DO NOTHING`;

/**
 * Deliveries per village and the village heads' messages. Idempotent: a delivery per (slot, village)
 * and dedupe keys. In a handful of statements whatever the number of villages (the deliveries, their
 * ids, the heads' rows 50 to a statement), so a slot fits in a Worker invocation's D1 budget.
 */
export async function queueVillageHeads(deps: BulletinDeps, slot: SlotRow, title: string, versions: Map<string, VersionContent>, repeatOf: Date | null = null): Promise<number> {
  const { db } = deps;
  const now = deps.now();
  const hot = sqlOf(db);
  const commune = await db.commune.findUniqueOrThrow({ where: { id: slot.communeId } });
  const villages = await db.village.findMany({ where: { communeId: slot.communeId }, orderBy: { code: "asc" } });
  const heads = await db.staff.findMany({ where: { communeId: slot.communeId, role: "village_head", active: true }, orderBy: { id: "asc" } });
  const plans = villages.map((village) => {
    const requested = villageLanguages(village.languages, commune.languages);
    const villageHeads = heads.filter((h) => h.villageId === village.id);
    // What the village gets, as the record says: the versions reachable on the heads' first channel.
    const channel = (villageHeads[0]?.channel ?? "telegram") as Channel;
    const sent = versionsFor(requested, versions, channel).map((r) => r.language);
    return { village, requested, villageHeads, row: { villageId: village.id, status: villageHeads.length > 0 ? "pending" : "no_head", languages: sent.join(",") } };
  });
  if (plans.length === 0) return 0;
  await hot.run(sql(INSERT_DELIVERIES, slot.id, sqlDate(reminderAt(slot.scheduledAt)), sqlDate(now), JSON.stringify(plans.map((p) => p.row))));
  const deliveryIds = new Map(
    (await hot.run(sql(`SELECT "id", "villageId" FROM "BulletinDelivery" WHERE "slotId" = ?`, slot.id))).rows.map((r) => [Number(r.villageId), Number(r.id)]),
  );
  const rows: Parameters<typeof enqueueManyStatements>[0] = [];
  for (const { village, requested, villageHeads } of plans) {
    const deliveryId = deliveryIds.get(village.id)!;
    for (const head of villageHeads) {
      const list = versionsFor(requested, versions, head.channel as Channel);
      for (let i = 0; i < list.length; i++) {
        const r = list[i]!;
        const message = headMessage({
          deliveryId,
          scheduledAt: slot.scheduledAt,
          village: village.name,
          late: slot.late,
          title,
          version: r.version,
          resolved: r,
          channel: head.channel as Channel,
          part: list.length > 1 ? `${i + 1}/${list.length}` : undefined,
          repeatOf,
        });
        rows.push({ target: staffTarget(head), message, opts: { dedupeKey: headKey(slot.id, head.id, r.language), now, priority: PRIORITY_HEADS } });
      }
    }
  }
  for (const statement of enqueueManyStatements(rows)) await hot.run(statement);
  return rows.length;
}

export interface FanOutReport {
  heads: number;
  subscribers: number;
  skipped: number;
  finished: boolean;
}

/**
 * Advances one slot's fan-out by at most `budget` subscribers. Village heads are queued first, once;
 * subscribers page by page after the slot's cursor. Returns what it queued and whether the slot is done.
 */
export async function advanceFanOut(deps: BulletinDeps, slotId: number, budget = 1_000): Promise<FanOutReport> {
  const { db, log } = deps;
  const report: FanOutReport = { heads: 0, subscribers: 0, skipped: 0, finished: false };
  const slot = await db.bulletinSlot.findUnique({ where: { id: slotId }, include: { item: true, commune: true } });
  if (!slot || slot.status !== "sending" || !slot.item) return { ...report, finished: true };
  const item = slot.item;
  const versions = await approvedVersions(db, item.id);
  // The same bulletin again later the same day (schedule.json repeatWithinDay): the village heads air
  // and confirm it again; subscribers already have its text from the first airing and get nothing.
  const repeat = await repeatedAiring(db, slot);
  if (!slot.headsQueuedAt) {
    report.heads = await queueVillageHeads(deps, slot, item.title, versions, repeat?.scheduledAt ?? null);
    // Schools and businesses (src/bulletins/audiences.ts) get a bulletin once, not its same-day re-airing.
    if (!repeat) report.heads += await queueAudiences(deps, slot, item, versions);
    await db.bulletinSlot.updateMany({ where: { id: slot.id, headsQueuedAt: null }, data: { headsQueuedAt: deps.now() } });
  }
  if (repeat) {
    const done = await db.bulletinSlot.updateMany({ where: { id: slot.id, status: "sending" }, data: { status: "sent", fannedOutAt: deps.now() } });
    if (done.count === 1) log.info("bulletins.fanned_out", { slotId: slot.id, communeId: slot.communeId, repeat: true });
    return { ...report, finished: true };
  }
  let cursor = slot.subscriberCursor;
  const hot = sqlOf(db);
  const cache = new Map<string, ReturnType<typeof subscriberMessage> | null>();
  while (report.subscribers + report.skipped < budget) {
    const page = await db.bulletinSubscription.findMany({
      where: { communeId: slot.communeId, id: { gt: cursor } },
      orderBy: { id: "asc" },
      take: Math.min(FAN_OUT_PAGE, budget - report.subscribers - report.skipped),
    });
    if (page.length === 0) {
      const done = await db.bulletinSlot.updateMany({ where: { id: slot.id, status: "sending" }, data: { status: "sent", fannedOutAt: deps.now() } });
      if (done.count === 1) log.info("bulletins.fanned_out", { slotId: slot.id, communeId: slot.communeId });
      report.finished = true;
      return report;
    }
    const now = deps.now();
    const gone = await unfollowedTags(db, page);
    const rows: Parameters<typeof enqueueManyStatements>[0] = [];
    let skipped = 0;
    for (const sub of page) {
      // Out of the channel's free window (Zalo: 48 h), or unfollowed the OA: skipped and counted, not sent.
      if (!withinWindow(sub.channel, sub.lastIncomingAt, now) || gone.has(sub.addressTag)) {
        skipped++;
        continue;
      }
      const key = `${sub.channel}:${sub.language}`;
      if (!cache.has(key)) {
        const [chosen] = versionsFor([sub.language], versions, sub.channel as Channel);
        cache.set(
          key,
          chosen
            ? subscriberMessage({ commune: slot.commune.name, scheduledAt: slot.scheduledAt, title: item.title, version: chosen.version, resolved: chosen, channel: sub.channel as Channel })
            : null,
        );
      }
      const message = cache.get(key);
      if (!message) {
        skipped++;
        continue;
      }
      rows.push({
        target: { channel: sub.channel as Channel, sealedAddress: sub.sealedAddress, addressTag: sub.addressTag },
        message,
        // A commune's urgent warning reaches its subscribers before other bulletins' subscribers.
        opts: { dedupeKey: subscriberKey(slot.id, sub.addressTag), now, priority: item.priority >= WARNING_ITEM_PRIORITY ? PRIORITY_HEADS : PRIORITY_SUBSCRIBERS },
      });
    }
    // 50 rows a statement, as the village heads' (D1 counts statements per invocation, not rows); a
    // page redone after a crash writes nothing twice (the dedupe key).
    for (const statement of enqueueManyStatements(rows)) await hot.run(statement);
    const queued = rows.length;
    const last = page.at(-1)!.id;
    // One statement moves the cursor and the counts: a page redone after a crash is counted once.
    const moved = await db.bulletinSlot.updateMany({
      where: { id: slot.id, subscriberCursor: cursor },
      data: { subscriberCursor: last, subscribersQueued: { increment: queued }, subscribersSkipped: { increment: skipped } },
    });
    report.subscribers += queued;
    report.skipped += skipped;
    if (moved.count !== 1) {
      // Someone else moved it: carry on from where they are.
      const fresh = await db.bulletinSlot.findUnique({ where: { id: slot.id }, select: { status: true, subscriberCursor: true } });
      if (!fresh || fresh.status !== "sending") return { ...report, finished: true };
      cursor = fresh.subscriberCursor;
    } else cursor = last;
  }
  return report;
}

/** Advances every slot still fanning out, oldest first, within a budget of subscribers per call. */
export async function advanceFanOuts(deps: BulletinDeps, budget = 2_000): Promise<FanOutReport> {
  const total: FanOutReport = { heads: 0, subscribers: 0, skipped: 0, finished: true };
  const slots = await deps.db.bulletinSlot.findMany({ where: { status: "sending" }, orderBy: { id: "asc" }, take: 20, select: { id: true } });
  for (const { id } of slots) {
    const left = budget - total.subscribers - total.skipped;
    if (left <= 0 || !canAfford(deps, STATEMENTS_PER_FAN_OUT)) {
      total.finished = false;
      break;
    }
    const r = await advanceFanOut(deps, id, left);
    total.heads += r.heads;
    total.subscribers += r.subscribers;
    total.skipped += r.skipped;
    if (!r.finished) total.finished = false;
  }
  return total;
}
