// One person on several messengers (issue 11): the one-time codes behind /lienket, the linked
// accounts (StaffLink) and which of them receives alerts. Queries only: the replies stay in bots/core.
import type { Db } from "../db/client.js";

/** Stores a new link code (already tagged) for a staff member. */
export async function createLinkCode(db: Db, codeHash: string, staffId: number, expiresAt: Date): Promise<void> {
  await db.staffLinkCode.create({ data: { codeHash, staffId, expiresAt } });
}

export async function findLinkCode(db: Db, codeHash: string) {
  return db.staffLinkCode.findUnique({ where: { codeHash } });
}

/** Marks the code used; false when another message claimed it first (single use even when sent twice at once). */
export async function claimLinkCode(db: Db, codeHash: string, now: Date): Promise<boolean> {
  const claimed = await db.staffLinkCode.updateMany({ where: { codeHash, usedAt: null }, data: { usedAt: now } });
  return claimed.count === 1;
}

export interface LinkedAccount {
  channel: string;
  pseudonym: string;
  sealedAddress: string;
}

export async function addStaffLink(db: Db, staffId: number, account: LinkedAccount, now: Date): Promise<void> {
  await db.staffLink.create({ data: { staffId, channel: account.channel, pseudonym: account.pseudonym, sealedAddress: account.sealedAddress, createdAt: now } });
}

/** The first account's channel, the linked accounts (oldest first) and the channel alerts go to now. */
export async function alertChannelChoice(db: Db, staffId: number) {
  const full = await db.staff.findUniqueOrThrow({ where: { id: staffId } });
  const links = await db.staffLink.findMany({ where: { staffId }, orderBy: { id: "asc" } });
  const chosen = links.find((l) => l.alerts);
  return { primary: full.channel, links, current: chosen ? chosen.channel : full.channel };
}

/** Alerts back to the first account; returns its channel. */
export async function alertsToPrimary(db: Db, staffId: number): Promise<string> {
  const full = await db.staff.findUniqueOrThrow({ where: { id: staffId } });
  await db.staffLink.updateMany({ where: { staffId, alerts: true }, data: { alerts: false } });
  return full.channel;
}

/** Alerts to one of this staff member's own linked accounts; null when the link is not theirs. */
export async function alertsToLink(db: Db, staffId: number, linkId: number | null): Promise<string | null> {
  await db.staff.findUniqueOrThrow({ where: { id: staffId } });
  const link = linkId !== null ? await db.staffLink.findFirst({ where: { id: linkId, staffId } }) : null;
  if (!link) return null;
  // Two single statements: first the choice, then the others off (a crash between them leaves
  // two flagged links, and alertTargets takes the newest one).
  await db.staffLink.update({ where: { id: link.id }, data: { alerts: true } });
  await db.staffLink.updateMany({ where: { staffId, id: { not: link.id }, alerts: true }, data: { alerts: false } });
  return link.channel;
}
