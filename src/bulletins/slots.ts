// From schedules to slots: each commune's schedule is read only when its next slot has come; due
// slots become BulletinSlot rows, unique per (commune, time), so two tickers or a restart never
// make a slot twice. Correctness rests on that unique key and on conditional updates of the
// schedule's cursor, not on transactions (D1 has none).
import type { Db } from "../db/client.js";
import { can, type StaffScope } from "../staff/roles.js";
import { activeTags, firstAiringOfDay, isValidAt, lastNewAirings, pickItem, pickUrgent, type AiredSlot, type Candidate } from "./rotation.js";
import {
  DEFAULT_SCHEDULE,
  REPEAT_WITHIN_DAY,
  nextSlotAfter,
  planDue,
  scheduleFromRow,
  scheduleToRow,
  spreadSchedule,
  type WeeklySchedule,
} from "./schedule.js";
import { BASE_LANGUAGE } from "./languages.js";
import { canAfford, isUniqueViolation, STATEMENTS_PER_PLAN, type BulletinDeps } from "./store.js";
import { POSTER_SLUG } from "./poster-text.js";

/**
 * Gives every commune without a schedule the default one, starting now (no slots before it), its
 * times spread over `spreadMinutes` by the commune's code (schedule.json default.spreadMinutes).
 */
export async function ensureSchedules(db: Db, now: Date, spreadMinutes = 0): Promise<number> {
  const communes = await db.commune.findMany({ where: { bulletinSchedule: null }, select: { id: true, code: true }, take: 500 });
  let created = 0;
  for (const c of communes) {
    const schedule = spreadSchedule(DEFAULT_SCHEDULE, c.code, spreadMinutes);
    try {
      await db.bulletinSchedule.create({
        data: { communeId: c.id, ...scheduleToRow(schedule), enabled: true, cursorAt: now, nextDueAt: nextSlotAfter(schedule, now), updatedAt: now },
      });
      created++;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return created;
}

/** The commune's schedule (the default until the first tick has created its row). */
export async function communeSchedule(db: Db, communeId: number) {
  const row = await db.bulletinSchedule.findUnique({ where: { communeId } });
  return { row, schedule: row ? scheduleFromRow(row) : DEFAULT_SCHEDULE, enabled: row?.enabled ?? true, repeatWithinDay: row?.repeatWithinDay ?? REPEAT_WITHIN_DAY };
}

/** Whether this commune airs a bulletin again later the same day (its own choice, or schedule.json's default). */
async function repeatsWithinDay(db: Db, communeId: number): Promise<boolean> {
  const row = await db.bulletinSchedule.findUnique({ where: { communeId }, select: { repeatWithinDay: true } });
  return row?.repeatWithinDay ?? REPEAT_WITHIN_DAY;
}

/** Turns the same-day re-airing on or off for one commune (the schedule itself is unchanged). */
export async function setRepeatWithinDay(db: Db, communeId: number, repeat: boolean, now: Date, staffId: number | null = null): Promise<void> {
  await ensureScheduleRow(db, communeId, now);
  await db.bulletinSchedule.update({ where: { communeId }, data: { repeatWithinDay: repeat, updatedAt: now, updatedByStaffId: staffId } });
}

async function ensureScheduleRow(db: Db, communeId: number, now: Date): Promise<void> {
  if (await db.bulletinSchedule.findUnique({ where: { communeId }, select: { id: true } })) return;
  await setSchedule(db, communeId, {}, now);
}

/**
 * Changes a commune's schedule from `now` on: slots of the new schedule before now are not made
 * up for. `enabled` false pauses it; resuming also starts from now.
 */
export async function setSchedule(db: Db, communeId: number, change: { schedule?: WeeklySchedule; enabled?: boolean }, now: Date, staffId: number | null = null) {
  const current = await communeSchedule(db, communeId);
  const schedule = change.schedule ?? current.schedule;
  const enabled = change.enabled ?? current.enabled;
  const data = {
    ...scheduleToRow(schedule),
    enabled,
    cursorAt: now,
    nextDueAt: enabled ? nextSlotAfter(schedule, now) : null,
    updatedAt: now,
    updatedByStaffId: staffId,
  };
  await db.bulletinSchedule.upsert({ where: { communeId }, create: { communeId, ...data }, update: data });
  return { schedule, enabled, next: data.nextDueAt };
}

/** Slots the commune aired (or is airing), with their items. */
async function airedSlots(db: Db, communeId: number): Promise<AiredSlot[]> {
  const rows = await db.bulletinSlot.findMany({
    where: { communeId, status: { in: ["sending", "sent"] }, itemId: { not: null } },
    select: { scheduledAt: true, itemId: true },
  });
  return rows.map((r) => ({ scheduledAt: r.scheduledAt, itemId: r.itemId! }));
}

/** The earlier airing on the same Vietnam day that a slot repeats (schedule.json repeatWithinDay), if it airs the same item. */
export async function repeatedAiring(db: Db, slot: { communeId: number; scheduledAt: Date; itemId: number | null }): Promise<AiredSlot | null> {
  const first = firstAiringOfDay(slot.scheduledAt, await airedSlots(db, slot.communeId), await repeatsWithinDay(db, slot.communeId));
  return first && first.itemId === slot.itemId ? first : null;
}

/**
 * The item a commune airs at `at`: the bulletin of the day's first airing again when the schedule
 * repeats within a day (and that item can still go out); otherwise approved in Vietnamese, valid,
 * not aired recently as a new bulletin, period tags first.
 */
export async function pickForCommune(db: Db, communeId: number, at: Date): Promise<number | null> {
  const items = await db.bulletinItem.findMany({
    // The shared catalog and this commune's own items, never another commune's.
    // The poster's words are translated like a bulletin but never aired.
    where: { retiredAt: null, slug: { not: POSTER_SLUG }, OR: [{ communeId: null }, { communeId }], versions: { some: { language: BASE_LANGUAGE, status: "approved" } } },
    select: { id: true, position: true, tags: true, validFrom: true, validUntil: true, priority: true },
  });
  if (items.length === 0) return null;
  const aired = await airedSlots(db, communeId);
  const last = lastNewAirings(aired);
  const everAired = new Set(aired.map((a) => a.itemId));
  const candidates: Candidate[] = items.map((i) => ({
    id: i.id,
    position: i.position,
    tags: i.tags.split(",").filter(Boolean),
    validFrom: i.validFrom,
    validUntil: i.validUntil,
    lastAiredAt: last.get(i.id) ?? null,
    priority: everAired.has(i.id) ? 0 : i.priority,
  }));
  // A commune's warning or bulletin approved for "the next slot" comes before anything else.
  const urgent = pickUrgent(candidates, at);
  if (urgent !== null) return urgent;
  const first = firstAiringOfDay(at, aired, await repeatsWithinDay(db, communeId));
  const again = first ? items.find((i) => i.id === first.itemId) : undefined;
  if (again && isValidAt(again, at)) return again.id;
  return pickItem(candidates, at, activeTags(at));
}

async function createSlot(db: Db, data: { communeId: number; scheduledAt: Date; status: string; itemId: number | null; late: boolean; createdAt: Date }): Promise<boolean> {
  try {
    await db.bulletinSlot.create({ data });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false; // made already (another ticker, or before a restart)
    throw error;
  }
}

export interface PlanReport {
  aired: number;
  missed: number;
  empty: number;
}

/** Turns due schedules into slots: the newest due slot is aired (late if need be), older ones recorded as missed. */
export async function planSlots(deps: BulletinDeps, limit = 200): Promise<PlanReport> {
  const { db, log } = deps;
  const now = deps.now();
  const report: PlanReport = { aired: 0, missed: 0, empty: 0 };
  const due = await db.bulletinSchedule.findMany({ where: { enabled: true, nextDueAt: { lte: now } }, orderBy: { nextDueAt: "asc" }, take: limit });
  for (const row of due) {
    // A whole province due at once: plan what this invocation's statements allow; the rest next run.
    if (!canAfford(deps, STATEMENTS_PER_PLAN)) break;
    const schedule = scheduleFromRow(row);
    const plan = planDue(schedule, row.cursorAt, now);
    // Slots first, then the cursor: a crash in between only repeats work the unique key absorbs.
    for (const at of plan.missed) {
      if (await createSlot(db, { communeId: row.communeId, scheduledAt: at, status: "missed", itemId: null, late: false, createdAt: now })) {
        report.missed++;
        log.warn("bulletins.slot_missed", { communeId: row.communeId, at: at.toISOString() });
      }
    }
    if (plan.air) {
      const itemId = await pickForCommune(db, row.communeId, plan.air);
      const status = itemId ? "sending" : "empty";
      if (await createSlot(db, { communeId: row.communeId, scheduledAt: plan.air, status, itemId, late: plan.late, createdAt: now })) {
        if (itemId) report.aired++;
        else {
          report.empty++;
          log.warn("bulletins.no_content", { communeId: row.communeId });
        }
      }
    }
    await db.bulletinSchedule.updateMany({
      where: { id: row.id, cursorAt: row.cursorAt },
      data: { cursorAt: plan.cursor, nextDueAt: nextSlotAfter(schedule, plan.cursor) },
    });
  }
  return report;
}

export type FirstAiring = { ok: true; slotId: number } | { ok: false; reason: "forbidden" | "aired_before" | "no_content" | "busy" };

/**
 * A new commune's first bulletin, now, on an officer's or leader's request: otherwise its village
 * heads wait for the schedule's next slot. Only before anything was ever aired there (after that the
 * schedule rules); the slot fans out as any other on the next tick.
 */
export async function airFirstBulletin(deps: BulletinDeps, staff: StaffScope, communeId: number): Promise<FirstAiring> {
  const { db } = deps;
  const commune = await db.commune.findUnique({ where: { id: communeId }, select: { id: true, provinceId: true } });
  if (!commune || !can(staff, "bulletin.approve", { communeId: commune.id, provinceId: commune.provinceId })) return { ok: false, reason: "forbidden" };
  if ((await db.bulletinSlot.count({ where: { communeId, status: { in: ["sending", "sent"] } } })) > 0) return { ok: false, reason: "aired_before" };
  const now = deps.now();
  const at = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const itemId = await pickForCommune(db, communeId, at);
  if (!itemId) return { ok: false, reason: "no_content" };
  if (!(await createSlot(db, { communeId, scheduledAt: at, status: "sending", itemId, late: false, createdAt: now }))) return { ok: false, reason: "busy" };
  const slot = await db.bulletinSlot.findUniqueOrThrow({ where: { communeId_scheduledAt: { communeId, scheduledAt: at } } });
  deps.log.info("bulletins.first_on_demand", { communeId, slotId: slot.id });
  return { ok: true, slotId: slot.id };
}

export type ItemAiring = { ok: true; slotId: number } | { ok: false; reason: "busy" };

/**
 * Airs one item in a commune now ("Phát ngay" of a bulletin the commune wrote): a slot at this
 * second, fanned out on the next tick as any other. The caller checks who may and which item.
 * Slots are unique per (commune, time): a slot made at the same instant answers "busy".
 */
export async function airItemNow(deps: BulletinDeps, communeId: number, itemId: number): Promise<ItemAiring> {
  const now = deps.now();
  const at = new Date(Math.floor(now.getTime() / 1000) * 1000);
  if (!(await createSlot(deps.db, { communeId, scheduledAt: at, status: "sending", itemId, late: false, createdAt: now }))) return { ok: false, reason: "busy" };
  const slot = await deps.db.bulletinSlot.findUniqueOrThrow({ where: { communeId_scheduledAt: { communeId, scheduledAt: at } } });
  deps.log.info("bulletins.local_on_demand", { communeId, slotId: slot.id, itemId });
  return { ok: true, slotId: slot.id };
}
