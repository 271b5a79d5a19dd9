// The weekly digest article on the Zalo OA (issue 15, docs/zalo-reach.md). A consultation message
// reaches a Zalo subscriber only within 48 hours of their last message; the one free push beyond it
// is an article broadcast to the OA's followers, at most a few a month. So once a week the bulletins
// the communes aired are published as one article, in Vietnamese and the approved translations, and
// broadcast within the monthly allowance of zalo-digest.json. Zalo's side is behind ArticlePublisher
// (bots/zalo/articles.ts). Each step is idempotent and claimed by a conditional update, so the sweep
// may run it often and from two places at once; a broadcast is never sent twice.
import { z } from "zod";
import data from "./zalo-digest.json" with { type: "json" };
import type { Db } from "../db/client.js";
import type { BulletinDeps } from "./store.js";
import { BASE_LANGUAGE, languageLabel, parseLanguageList } from "./languages.js";
import { windowHours } from "./reach.js";
import { DAY_MS, formatDateTimeVN, monthRange, monthOf, vnDayStart, vnParts, weekStartVN } from "../util/vietnam-time.js";
import { viZaloDigest as t } from "../i18n/vi-zalo-digest.js";

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const schema = z.object({
  weekday: z.number().int().min(1).max(7),
  from: HHMM,
  latest: HHMM,
  perMonth: z.number().int().min(0).max(31),
  maxItems: z.number().int().min(1).max(20),
  maxCoverDays: z.number().int().min(7).max(62),
  titleMax: z.number().int().min(20),
  authorMax: z.number().int().min(5),
  descriptionMax: z.number().int().min(20),
  verifyTries: z.number().int().min(1).max(20),
  sendingStaleMinutes: z.number().int().min(1),
});
export type DigestRules = z.infer<typeof schema>;
export const digestRules: DigestRules = schema.parse(data);

// ---- The port Zalo's adapter implements ----------------------------------------------------------

export interface DigestArticle {
  title: string;
  author: string;
  description: string;
  /** Paragraphs, in order. */
  paragraphs: string[];
}

/** How a Zalo call failed, as far as the digest cares (the adapter maps Zalo's codes). */
export type ArticleErrorKind =
  /** -214: the article's media is still being processed; verify again later. */
  | "processing"
  /** 3004: the OA or its followers have no broadcasts left this month. */
  | "quota"
  /** 3001, -224: the OA may not post or broadcast articles (unverified, basic package, app permission). */
  | "permission"
  /** 3002: the article does not exist (any more). */
  | "missing_article"
  /** 3005: the content was refused. */
  | "rejected"
  /** Any other answer of Zalo's: the request itself was wrong. */
  | "invalid"
  /** Network, HTTP error, no token: we do not know whether Zalo acted. */
  | "unreachable";

export class ArticleError extends Error {
  override name = "ArticleError";
  constructor(
    readonly kind: ArticleErrorKind,
    readonly code: number | null,
  ) {
    super(`article ${kind}${code !== null ? ` (${code})` : ""}`);
  }
}

export interface ArticlePublisher {
  /** Publishes the article (shown on the OA's page); returns Zalo's token for verify. */
  create(article: DigestArticle): Promise<string>;
  /** The article's id once Zalo has processed it; ArticleError "processing" while it has not. */
  verify(token: string): Promise<string>;
  /** Broadcasts the article to every follower; returns Zalo's message id. */
  broadcast(articleId: string): Promise<string>;
  /** The OA's follower count, or null when Zalo does not say. */
  followers(): Promise<number | null>;
}

// ---- Pure rules (table-tested in test/unit/zalo-digest-rules.test.ts) ------------------------------

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

/** The digest's week: the Vietnam date of its Monday, "YYYY-MM-DD". */
export function digestWeek(at: Date): string {
  const p = vnParts(weekStartVN(at));
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

/** Whether `at` is on the digest's weekday, from its hour until the latest start. */
export function digestDue(at: Date, rules: DigestRules = digestRules): boolean {
  const p = vnParts(at);
  return p.weekday === rules.weekday && p.minutes >= minutesOf(rules.from) && p.minutes < minutesOf(rules.latest);
}

/** Whether a broadcast may still start at `at` (Zalo moderates broadcasts sent late only the next day). */
export function mayStartBroadcast(at: Date, rules: DigestRules = digestRules): boolean {
  const p = vnParts(at);
  return p.minutes >= minutesOf(rules.from) && p.minutes < minutesOf(rules.latest);
}

/** Statuses that used (or may have used) a broadcast of the month. */
const SPENT = new Set(["sending", "sent", "ambiguous"]);

export interface DigestHistoryRow {
  status: string;
  /** When the broadcast was sent or its row created. */
  at: Date;
}

/** Broadcasts used in the Vietnam month of `at`, and whether Zalo said the month is full (3004). */
export function monthAllowance(history: DigestHistoryRow[], at: Date, rules: DigestRules = digestRules) {
  const { start, end } = monthRange(monthOf(at));
  const month = history.filter((h) => h.at >= start && h.at < end);
  const used = month.filter((h) => SPENT.has(h.status)).length;
  const full = month.some((h) => h.status === "quota_full");
  return { used, cap: rules.perMonth, left: full ? 0 : Math.max(0, rules.perMonth - used), full };
}

/** Shortens at a word boundary with "…" (Zalo refuses longer titles and descriptions). */
export function clampText(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join("");
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/u, "")}…`;
}

export interface DigestBulletin {
  title: string;
  text: string;
  /** Approved translations beside Vietnamese, in the order of the communes' languages. */
  translations: Array<{ language: string; text: string }>;
}

const dayMonth = (at: Date) => {
  const p = vnParts(at);
  return `${String(p.day).padStart(2, "0")}/${String(p.month).padStart(2, "0")}`;
};

/** The article for a week's bulletins. */
export function buildDigestArticle(weekStart: Date, bulletins: DigestBulletin[], rules: DigestRules = digestRules): DigestArticle {
  const end = new Date(weekStart.getTime() + 6 * DAY_MS);
  const paragraphs = [t.article.intro];
  for (const b of bulletins) {
    paragraphs.push(`📢 ${b.title}`, b.text);
    for (const tr of b.translations) paragraphs.push(t.article.languageHeading(languageLabel(tr.language)), tr.text);
  }
  paragraphs.push(t.article.howToTip);
  return {
    title: clampText(t.article.title(dayMonth(weekStart), `${dayMonth(end)}/${vnParts(end).year}`), rules.titleMax),
    author: clampText(t.article.author, rules.authorMax),
    description: clampText(t.article.description(bulletins.map((b) => b.title)), rules.descriptionMax),
    paragraphs,
  };
}

// ---- The job ---------------------------------------------------------------------------------------

/** Bulletins aired in any commune in [since, until), most aired first, and the communes' languages. */
async function airedItems(db: Db, since: Date, until: Date, rules: DigestRules): Promise<{ ids: number[]; languages: string[] }> {
  const slots = await db.bulletinSlot.findMany({
    // The OA serves every commune: a bulletin a commune wrote for itself (communeId set) stays out.
    where: { scheduledAt: { gte: since, lt: until }, status: { in: ["sending", "sent"] }, itemId: { not: null }, item: { communeId: null } },
    select: { itemId: true, scheduledAt: true, commune: { select: { languages: true } } },
  });
  const count = new Map<number, { n: number; last: number }>();
  const languages: string[] = [];
  for (const s of slots) {
    const c = count.get(s.itemId!) ?? { n: 0, last: 0 };
    count.set(s.itemId!, { n: c.n + 1, last: Math.max(c.last, s.scheduledAt.getTime()) });
    for (const l of parseLanguageList(s.commune.languages)) if (l !== BASE_LANGUAGE && !languages.includes(l)) languages.push(l);
  }
  const ids = [...count.entries()]
    .sort((a, b) => b[1].n - a[1].n || b[1].last - a[1].last)
    .slice(0, rules.maxItems)
    .map(([id]) => id);
  return { ids, languages };
}

async function history(db: Db): Promise<DigestHistoryRow[]> {
  const rows = await db.zaloDigest.findMany({ orderBy: { id: "desc" }, take: 12, select: { status: true, sentAt: true, createdAt: true } });
  return rows.map((r) => ({ status: r.status, at: r.sentAt ?? r.createdAt }));
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === "P2002";
}

/** Moves a digest from one status to the next only if nobody else did: true when this caller won. */
async function move(db: Db, id: number, from: string, data: Parameters<Db["zaloDigest"]["update"]>[0]["data"], now: Date): Promise<boolean> {
  const { count } = await db.zaloDigest.updateMany({ where: { id, status: from }, data: { ...data, updatedAt: now } as never });
  return count === 1;
}

const STOP: Record<Exclude<ArticleErrorKind, "processing" | "unreachable" | "missing_article">, string> = {
  quota: "quota_full",
  permission: "no_permission",
  rejected: "rejected",
  invalid: "invalid",
};

export type DigestStep = "not_due" | "skipped" | "waiting" | "sent" | "stopped" | "busy";

/**
 * One pass: starts this week's digest when due, or moves the digest under way one or more steps.
 * Returns what happened (for the log and tests).
 */
export async function runZaloDigest(deps: BulletinDeps, publisher: ArticlePublisher, rules: DigestRules = digestRules): Promise<DigestStep> {
  const { db, log } = deps;
  const now = deps.now();
  let row = await db.zaloDigest.findFirst({ where: { status: { in: ["publishing", "creating", "verifying", "ready", "sending"] } }, orderBy: { id: "desc" } });
  if (!row) {
    if (!digestDue(now, rules)) return "not_due";
    const week = digestWeek(now);
    if (await db.zaloDigest.findUnique({ where: { week } })) return "not_due";
    const allowance = monthAllowance(await history(db), now, rules);
    const last = await db.zaloDigest.findFirst({ where: { status: "sent" }, orderBy: { sentAt: "desc" } });
    const floor = new Date(vnDayStart(now).getTime() - rules.maxCoverDays * DAY_MS);
    const since = last?.sentAt && last.sentAt > floor ? last.sentAt : new Date(Math.max(floor.getTime(), weekStartVN(now).getTime() - 7 * DAY_MS));
    const aired = await airedItems(db, since, now, rules);
    const bulletins = await articleOf(db, aired.ids, aired.languages, rules);
    const reason = allowance.full ? "quota_full" : allowance.left === 0 ? "monthly_cap" : bulletins.length === 0 ? "nothing_aired" : null;
    try {
      row = await db.zaloDigest.create({
        data: { week, status: reason ? "skipped" : "publishing", reason, itemIds: aired.ids.join(","), languages: aired.languages.join(","), createdAt: now, updatedAt: now },
      });
    } catch (error) {
      if (isUniqueViolation(error)) return "busy"; // another sweep started this week's digest
      throw error;
    }
    if (reason) {
      log.info("zalo.digest.skipped", { week, reason });
      return "skipped";
    }
  }
  const digest = row;
  const stop = async (from: string, error: ArticleError): Promise<DigestStep> => {
    if (error.kind === "unreachable" && from === "creating") {
      // At worst Zalo made an article nobody was sent: publish again at the next pass.
      await move(db, digest.id, "creating", { status: "publishing" }, now);
      log.warn("zalo.digest.retry_later", { step: from });
      return "waiting";
    }
    const status = error.kind === "unreachable" ? "ambiguous" : (STOP[error.kind as keyof typeof STOP] ?? "failed");
    await move(db, digest.id, from, { status, reason: status, errorCode: error.code }, now);
    log.error("zalo.digest.stopped", { step: from, status, code: error.code });
    return "stopped";
  };

  if (digest.status === "sending") {
    // The broadcast call of another pass is in flight, or its answer was lost in a crash.
    const stale = now.getTime() - digest.updatedAt.getTime() >= rules.sendingStaleMinutes * 60_000;
    if (stale) await move(db, digest.id, "sending", { status: "ambiguous", reason: "ambiguous" }, now);
    return stale ? "stopped" : "busy";
  }
  if (digest.status === "creating") {
    // A pass claimed the creation and stopped without an answer: after a while, create again.
    const stale = now.getTime() - digest.updatedAt.getTime() >= rules.sendingStaleMinutes * 60_000;
    if (!stale || !(await move(db, digest.id, "creating", { status: "publishing" }, now))) return "busy";
    digest.status = "publishing";
  }

  if (digest.status === "publishing") {
    if (!(await move(db, digest.id, "publishing", { status: "creating" }, now))) return "busy";
    const ids = digest.itemIds.split(",").filter(Boolean).map(Number);
    const article = buildDigestArticle(weekStartVN(now), await articleOf(db, ids, parseLanguageList(digest.languages), rules), rules);
    let token: string;
    try {
      token = await publisher.create(article);
    } catch (error) {
      if (error instanceof ArticleError) return stop("creating", error);
      throw error;
    }
    await move(db, digest.id, "creating", { status: "verifying", articleToken: token }, now);
    digest.status = "verifying";
    digest.articleToken = token;
  }

  if (digest.status === "verifying") {
    let articleId: string;
    try {
      articleId = await publisher.verify(digest.articleToken!);
    } catch (error) {
      if (!(error instanceof ArticleError)) throw error;
      if (error.kind !== "processing" && error.kind !== "unreachable") return stop("verifying", error);
      const tries = digest.verifyTries + 1;
      await move(db, digest.id, "verifying", tries >= rules.verifyTries ? { status: "failed", reason: "failed", verifyTries: tries, errorCode: error.code } : { verifyTries: tries }, now);
      return tries >= rules.verifyTries ? "stopped" : "waiting";
    }
    await move(db, digest.id, "verifying", { status: "ready", articleId }, now);
    digest.status = "ready";
    digest.articleId = articleId;
  }

  if (digest.status === "ready") {
    if (!mayStartBroadcast(now, rules) || digestWeek(now) !== digest.week) {
      await move(db, digest.id, "ready", { status: "skipped", reason: "too_late" }, now);
      return "skipped";
    }
    const followers = await publisher.followers().catch(() => null);
    if (!(await move(db, digest.id, "ready", { status: "sending", followers }, now))) return "busy";
    let messageId: string;
    try {
      messageId = await publisher.broadcast(digest.articleId!);
    } catch (error) {
      if (!(error instanceof ArticleError)) throw error;
      if (error.kind === "missing_article") {
        // The article went away (removed in the OA Manager): publish it again from the start.
        await move(db, digest.id, "sending", { status: "publishing", articleId: null, articleToken: null, verifyTries: 0 }, now);
        return "waiting";
      }
      return stop("sending", error);
    }
    await move(db, digest.id, "sending", { status: "sent", messageId, sentAt: now }, now);
    log.info("zalo.digest.sent", { week: digest.week, items: digest.itemIds.split(",").filter(Boolean).length });
    return "sent";
  }
  return "busy";
}

async function articleOf(db: Db, ids: number[], languages: string[], rules: DigestRules): Promise<DigestBulletin[]> {
  const items = await db.bulletinItem.findMany({ where: { id: { in: ids } }, include: { versions: { where: { status: "approved" } } } });
  return ids.slice(0, rules.maxItems).flatMap((id) => {
    const item = items.find((i) => i.id === id);
    const vie = item?.versions.find((v) => v.language === BASE_LANGUAGE)?.text;
    if (!item || !vie) return [];
    const translations = languages.flatMap((language) => {
      const text = item.versions.find((v) => v.language === language)?.text;
      return text ? [{ language, text }] : [];
    });
    return [{ title: item.title, text: vie, translations }];
  });
}

// ---- What /tiendo says of the ways to reach Zalo followers -----------------------------------------

/** Lines for a commune's /tiendo: its Zalo subscribers reached directly, and the OA's weekly digest. */
export async function zaloReachLines(db: Db, communeId: number, now: Date, digestOn: boolean, rules: DigestRules = digestRules): Promise<string[]> {
  const total = await db.bulletinSubscription.count({ where: { communeId, channel: "zalo" } });
  const windowMs = (windowHours.zalo ?? 48) * 3_600_000;
  const inWindow = await db.bulletinSubscription.count({ where: { communeId, channel: "zalo", lastIncomingAt: { gte: new Date(now.getTime() - windowMs) } } });
  if (!digestOn) return total > 0 ? [t.progress.title, t.progress.followers(inWindow, total), t.progress.off] : [];
  const lines = [t.progress.title, t.progress.followers(inWindow, total)];
  const allowance = monthAllowance(await history(db), now, rules);
  const latest = await db.zaloDigest.findFirst({ orderBy: { id: "desc" } });
  if (latest) {
    const week = latest.week.split("-").reverse().join("/");
    if (latest.status === "sent") lines.push(t.progress.sent(week, formatDateTimeVN(latest.sentAt!), latest.followers, allowance.used, allowance.cap));
    else if (["publishing", "creating", "verifying", "ready", "sending"].includes(latest.status)) lines.push(t.progress.pending(week));
    else lines.push(t.progress.stopped(week, t.reasons[latest.reason ?? latest.status] ?? latest.status));
  }
  lines.push(t.progress.next(formatDateTimeVN(nextDigestAt(now, rules)), allowance.used, allowance.cap));
  return lines;
}

/** Lines for a commune's month of coverage (/tiendo thang …): both ways bulletins reached Zalo people. */
export async function zaloCoverageLines(db: Db, communeId: number, range: { start: Date; end: Date }, digestOn: boolean): Promise<string[]> {
  const slots = await db.bulletinSlot.findMany({ where: { communeId, scheduledAt: { gte: range.start, lt: range.end } }, select: { id: true } });
  // The subscribers' messages of a slot are the outbox rows under "b:<slot>:s:" (src/bulletins/fanout.ts);
  // sent rows are deleted after 30 days (sweep), so older months count none.
  const direct =
    slots.length === 0
      ? 0
      : await db.outboxMessage.count({ where: { channel: "zalo", status: "sent", OR: slots.map((s) => ({ dedupeKey: { gte: `b:${s.id}:s:`, lt: `b:${s.id}:s;` } })) } });
  const digests = digestOn ? await db.zaloDigest.findMany({ where: { status: "sent", sentAt: { gte: range.start, lt: range.end } }, select: { followers: true } }) : [];
  if (direct === 0 && digests.length === 0) return [];
  const lines = [t.coverage.title, t.coverage.direct(direct)];
  if (digests.length > 0) {
    const counts = digests.map((d) => d.followers).filter((n): n is number => n !== null);
    lines.push(t.coverage.digests(digests.length, counts.length > 0 ? Math.max(...counts) : null));
  }
  return lines;
}

/** When the next digest is due: the digest weekday's start hour, this week if still ahead. */
export function nextDigestAt(now: Date, rules: DigestRules = digestRules): Date {
  const start = weekStartVN(now);
  const at = (weekOffset: number) => new Date(start.getTime() + (weekOffset * 7 + rules.weekday - 1) * DAY_MS + minutesOf(rules.from) * 60_000);
  const thisWeek = at(0);
  return thisWeek > now ? thisWeek : at(1);
}
