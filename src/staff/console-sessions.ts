// Signing in to the staff console (issue 13): a one-time link sent by /dangnhap in a private chat,
// and the browser session it starts. No passwords. What the browser holds (the link's token, the
// session id) is random; the database keeps only its keyed hash, so a copy of the database opens
// nothing. Every request checks the staff member is still active: revoking ends the session at once.
import type { Db } from "../db/client.js";
import type { Keyring } from "../crypto/keys.js";
import { bytesToBase64Url } from "../crypto/keys.js";
import { countHits, recordHit, underLimit } from "../tips/limits.js";

export const SIGN_IN_LINK_MINUTES = 10;
export const SESSION_IDLE_HOURS = 12;
/** Links one staff member may ask for in an hour (a lost phone's thief cannot flood the chat either). */
export const SIGN_IN_LINKS_PER_HOUR = 5;
const HOUR_MS = 3_600_000;
/** Refreshing lastSeenAt at most this often: one write per few minutes of reading, not per page. */
const TOUCH_MS = 60_000;

/** Where the console's sign-in page is (src/console mounts it there). */
export const SIGN_IN_PATH = "/canbo/vao/";

/** The link /dangnhap sends: on the public address when one is set, else a path on this server. */
export function consoleSignInUrl(publicUrl: string | undefined, token: string): string {
  const path = `${SIGN_IN_PATH}${token}`;
  return publicUrl ? new URL(path, publicUrl).toString() : path;
}

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

function randomToken(): string {
  return bytesToBase64Url(crypto.getRandomValues(new Uint8Array(32)));
}

/** Whether a string has the shape of a token this module makes (checked before any hashing). */
export function isConsoleToken(value: string | undefined): value is string {
  return value !== undefined && TOKEN_PATTERN.test(value);
}

export type SignInLinkResult = { ok: true; token: string; minutes: number } | { ok: false; reason: "rate_limited" | "inactive" };

/** A new one-time sign-in token for an active staff member (its hash stored, valid 10 minutes). */
export async function createSignInToken(db: Db, keys: Keyring, staff: { id: number; active: boolean }, now: Date): Promise<SignInLinkResult> {
  if (!staff.active) return { ok: false, reason: "inactive" };
  const bucket = `console-signin:${staff.id}`;
  if (!underLimit(await countHits(db, bucket, now, HOUR_MS), SIGN_IN_LINKS_PER_HOUR)) return { ok: false, reason: "rate_limited" };
  await recordHit(db, bucket, now);
  const token = randomToken();
  await db.consoleSignIn.create({
    data: { tokenHash: await keys.tag("console-signin", token), staffId: staff.id, expiresAt: new Date(now.getTime() + SIGN_IN_LINK_MINUTES * 60_000), createdAt: now },
  });
  return { ok: true, token, minutes: SIGN_IN_LINK_MINUTES };
}

/** Whether a link's token is still good (for the page that asks to confirm; nothing is used up). */
export async function signInTokenUsable(db: Db, keys: Keyring, token: string, now: Date): Promise<boolean> {
  if (!isConsoleToken(token)) return false;
  const row = await db.consoleSignIn.findUnique({ where: { tokenHash: await keys.tag("console-signin", token) } });
  return row !== null && row.usedAt === null && row.expiresAt > now;
}

export type RedeemResult = { ok: true; sessionId: string; staffId: number } | { ok: false; reason: "unknown" | "used" | "expired" | "inactive" };

/** Uses a sign-in token (once, even when two requests race) and starts a session. */
export async function redeemSignInToken(db: Db, keys: Keyring, token: string, now: Date): Promise<RedeemResult> {
  if (!isConsoleToken(token)) return { ok: false, reason: "unknown" };
  const tokenHash = await keys.tag("console-signin", token);
  const row = await db.consoleSignIn.findUnique({ where: { tokenHash } });
  if (!row) return { ok: false, reason: "unknown" };
  if (row.usedAt) return { ok: false, reason: "used" };
  if (row.expiresAt <= now) return { ok: false, reason: "expired" };
  const claimed = await db.consoleSignIn.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (claimed.count !== 1) return { ok: false, reason: "used" };
  const staff = await db.staff.findUnique({ where: { id: row.staffId } });
  if (!staff?.active) return { ok: false, reason: "inactive" };
  const sessionId = randomToken();
  await db.consoleSession.create({ data: { idHash: await keys.tag("console-session", sessionId), staffId: staff.id, createdAt: now, lastSeenAt: now } });
  return { ok: true, sessionId, staffId: staff.id };
}

/**
 * The active staff member behind a session id, or null. An idle session (12 hours) or one whose
 * member was revoked is deleted on the spot.
 */
export async function staffOfSession(db: Db, keys: Keyring, sessionId: string | undefined, now: Date) {
  if (!isConsoleToken(sessionId)) return null;
  const idHash = await keys.tag("console-session", sessionId);
  const session = await db.consoleSession.findUnique({ where: { idHash } });
  if (!session) return null;
  const staff = await db.staff.findUnique({ where: { id: session.staffId } });
  if (!staff?.active || now.getTime() - session.lastSeenAt.getTime() >= SESSION_IDLE_HOURS * HOUR_MS) {
    await db.consoleSession.deleteMany({ where: { idHash } });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_MS) await db.consoleSession.updateMany({ where: { idHash }, data: { lastSeenAt: now } });
  return staff;
}

/** "Đăng xuất": the session is gone from the server, whatever the browser keeps. */
export async function endSession(db: Db, keys: Keyring, sessionId: string | undefined): Promise<void> {
  if (!isConsoleToken(sessionId)) return;
  await db.consoleSession.deleteMany({ where: { idHash: await keys.tag("console-session", sessionId) } });
}

/** Used, expired links and idle sessions: nothing kept past its use (run with the other prunes). */
export async function pruneConsoleSessions(db: Db, now: Date): Promise<void> {
  await db.consoleSignIn.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - HOUR_MS) } } });
  await db.consoleSession.deleteMany({ where: { lastSeenAt: { lt: new Date(now.getTime() - SESSION_IDLE_HOURS * HOUR_MS) } } });
}
