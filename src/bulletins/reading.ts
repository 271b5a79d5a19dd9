// The bulletins a reader or a staff member asks to see (issue 11): slots that aired in their
// commune and a village's delivery of one. Every query keeps the communeId it is given.
import type { Db } from "../db/client.js";

/** The latest slot that aired (or is airing) in a commune, with its item and commune. */
export function latestAiredSlot(db: Db, communeId: number, now: Date) {
  return db.bulletinSlot.findFirst({
    where: { communeId, status: { in: ["sending", "sent"] }, itemId: { not: null }, scheduledAt: { lte: now } },
    orderBy: { scheduledAt: "desc" },
    include: { item: true, commune: true },
  });
}

export type AiredSlot = NonNullable<Awaited<ReturnType<typeof latestAiredSlot>>>;

/** One slot with a bulletin, only if it belongs to this commune. */
export function slotInCommune(db: Db, communeId: number, slotId: number) {
  return db.bulletinSlot.findFirst({ where: { id: slotId, communeId, itemId: { not: null } }, include: { item: true, commune: true } });
}

/** The commune's last slots up to now, newest first, with their items. */
export function recentSlots(db: Db, communeId: number, now: Date, take = 8) {
  return db.bulletinSlot.findMany({ where: { communeId, scheduledAt: { lte: now } }, orderBy: { scheduledAt: "desc" }, take, include: { item: true } });
}

/** The village's delivery of one slot, if it had one. */
export function villageDelivery(db: Db, slotId: number, villageId: number) {
  return db.bulletinDelivery.findUnique({ where: { slotId_villageId: { slotId, villageId } } });
}
