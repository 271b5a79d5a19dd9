// Translations: never machine-made. The system tracks which approved versions are missing per
// language, asks the commune's translators, keeps their text and recordings as a draft, and a second
// translator who reads the language approves (or returns) it; the leaders are told who reviewed it.
// An approved version is used from the next slot on.
import { DAY_MS } from "../util/vietnam-time.js";
import type { Db } from "../db/client.js";
import type { Channel, OutgoingMessage } from "../messaging/types.js";
import { enqueue } from "../outbox/outbox.js";
import type { StaffScope } from "../staff/roles.js";
import { getCommune } from "../places/search.js";
import { cutAtWord } from "../util/text.js";
import { mayReviewTranslation, pickReviewers, type TranslatorCandidate } from "./translation-review.js";
import { viBulletins } from "../i18n/vi-bulletins.js";
import { BASE_LANGUAGE, languageInline, languages as registry, parseLanguageList, slotForText, villageLanguageCodes } from "./languages.js";
import { activeTags } from "./rotation.js";
import { scheduleSettings } from "./schedule.js";
import { communeStaff, isUniqueViolation, staffTarget, type BulletinDeps } from "./store.js";
import { recordingMedia } from "./messages.js";
import { translationApprove, translationOpen, translationReturn } from "../messaging/buttons.js";
import { POSTER_SLUG } from "./poster-text.js";

const t = viBulletins;
export const MAX_TRANSLATION_CHARS = 4000;
/** Room for a bulletin's title on a button, cut at a word boundary. */
export const TITLE_LABEL_CHARS = 56;

export async function translatorLanguages(db: Db, staffId: number): Promise<string[]> {
  const row = await db.bulletinTranslator.findUnique({ where: { staffId } });
  return parseLanguageList(row?.languages);
}

export async function setTranslatorLanguages(db: Db, staffId: number, codes: string[], now: Date): Promise<void> {
  const languages = codes.filter((c) => c !== BASE_LANGUAGE).join(",");
  await db.bulletinTranslator.upsert({ where: { staffId }, create: { staffId, languages, updatedAt: now }, update: { languages, updatedAt: now } });
}

/** Languages a translator of this commune may pick: the commune's and its villages' (all but Vietnamese), else every one. */
export async function offeredTranslatorLanguages(db: Db, communeId: number): Promise<string[]> {
  const commune = await getCommune(db, communeId);
  const codes = parseLanguageList(commune.languages);
  for (const c of await villageLanguageCodes(db, communeId)) if (!codes.includes(c)) codes.push(c);
  const ethnic = codes.filter((c) => c !== BASE_LANGUAGE);
  return ethnic.length > 0 ? ethnic : registry.map((l) => l.code).filter((c) => c !== BASE_LANGUAGE);
}

export interface MissingItem {
  id: number;
  title: string;
  /** A draft exists; submitted means it waits for review. */
  draft: { submitted: boolean } | null;
}

/** Items a commune's staff see: the shared catalog and that commune's own (never another commune's). */
export function itemsOfCommune(communeId: number | null) {
  return communeId === null ? { communeId: null } : { OR: [{ communeId: null }, { communeId }] };
}

/**
 * Items (active, with approved Vietnamese) of the shared catalog and of `communeId`'s own that have
 * no approved version in `language`, the commune's own and those tagged for a period under way
 * first, then in catalog order.
 */
export async function missingTranslations(db: Db, language: string, at: Date, communeId: number | null): Promise<{ total: number; missing: MissingItem[] }> {
  const items = await db.bulletinItem.findMany({
    where: { retiredAt: null, ...itemsOfCommune(communeId), versions: { some: { language: BASE_LANGUAGE, status: "approved" } } },
    include: { versions: { where: { language }, select: { status: true, submittedAt: true } } },
    orderBy: { position: "asc" },
  });
  const tags = activeTags(at);
  const missing = items
    .filter((i) => !i.versions.some((v) => v.status === "approved"))
    // The commune's own first, then the poster's words (printed in every village), then the period's.
    .sort((a, b) => Number(b.communeId !== null) - Number(a.communeId !== null) || Number(b.slug === POSTER_SLUG) - Number(a.slug === POSTER_SLUG) || Number(b.tags.split(",").some((x) => tags.includes(x))) - Number(a.tags.split(",").some((x) => tags.includes(x))))
    .map((i) => {
      const draft = i.versions.find((v) => v.status === "draft");
      return { id: i.id, title: i.title, draft: draft ? { submitted: draft.submittedAt !== null } : null };
    });
  return { total: items.length, missing };
}

export interface RecentApproval {
  title: string;
  translator: string | null;
  reviewer: string | null;
  approvedAt: Date;
}

/**
 * The last translations approved in a language among the commune's bulletins, with who translated
 * and who reviewed them (staff names only), for /tiendo.
 */
export async function recentApprovals(db: Db, language: string, communeId: number | null, take = 3): Promise<RecentApproval[]> {
  const rows = await db.bulletinVersion.findMany({
    where: { language, status: "approved", approvedAt: { not: null }, reviewedByStaffId: { not: null }, item: { retiredAt: null, ...itemsOfCommune(communeId) } },
    orderBy: { approvedAt: "desc" },
    take,
    select: { translatorStaffId: true, reviewedByStaffId: true, approvedAt: true, item: { select: { title: true } } },
  });
  const ids = [...new Set(rows.flatMap((r) => [r.translatorStaffId, r.reviewedByStaffId]).filter((id): id is number => id !== null))];
  const names = new Map((await db.staff.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } })).map((s) => [s.id, s.displayName]));
  const name = (id: number | null) => (id === null ? null : (names.get(id) ?? null));
  return rows.map((r) => ({ title: r.item.title, translator: name(r.translatorStaffId), reviewer: name(r.reviewedByStaffId), approvedAt: r.approvedAt! }));
}

export type DraftPart = { kind: "text"; text: string } | { kind: "audio"; audioKind: "voice" | "audio"; channel: string; fileRef: string };

/**
 * Saves what a translator sent into the draft of (item, language), exactly as sent: text into the
 * main script or the second spelling (Tai Viet vs Latin for Tai Dam), a recording as the audio.
 * Any change takes the draft out of review until it is submitted again.
 */
export async function saveDraft(db: Db, input: { itemId: number; language: string; staffId: number; part: DraftPart; now: Date }): Promise<"text" | "altText" | "audio"> {
  const { itemId, language, staffId, part, now } = input;
  let field: "text" | "altText" | "audio";
  let data: Record<string, unknown>;
  if (part.kind === "text") {
    field = slotForText(language, part.text);
    data = { [field]: part.text };
  } else {
    field = "audio";
    data = { audioKind: part.audioKind, audioChannel: part.channel, audioFileRef: part.fileRef };
  }
  const where = { itemId_language_status: { itemId, language, status: "draft" } };
  const common = { translatorStaffId: staffId, submittedAt: null, reviewedByStaffId: null, updatedAt: now };
  try {
    await db.bulletinVersion.upsert({ where, create: { itemId, language, status: "draft", createdAt: now, ...common, ...data }, update: { ...common, ...data } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await db.bulletinVersion.update({ where, data: { ...common, ...data } }); // created at the same moment elsewhere
  }
  return field;
}

/** A bulletin item with its Vietnamese original and its version in this language, if any; another commune's own item is none. */
export function itemForTranslation(db: Db, itemId: number, language: string, communeId: number | null) {
  return db.bulletinItem.findFirst({ where: { id: itemId, ...itemsOfCommune(communeId) }, include: { versions: { where: { language: { in: [BASE_LANGUAGE, language] } } } } });
}

export function findDraft(db: Db, itemId: number, language: string) {
  return db.bulletinVersion.findUnique({ where: { itemId_language_status: { itemId, language, status: "draft" } } });
}

function reviewMessage(title: string, label: string, translator: string, v: { id: number; language: string; text: string | null; altText: string | null; audioKind: string | null; audioChannel: string | null; audioFileRef: string | null }, reviewerChannel: string): OutgoingMessage {
  const lines = [t.translate.reviewRequest(title, label, translator), ""];
  if (v.text) lines.push(t.translate.reviewText, v.text);
  if (v.altText) lines.push("", t.translate.reviewAlt, v.altText);
  if (!v.text && !v.altText) lines.push(t.translate.reviewNoText);
  // The reviewer hears the recording wherever it was made (a Telegram recording reaches a reviewer on Zalo).
  const audio = recordingMedia(v, reviewerChannel as Channel);
  if (v.audioFileRef && !audio) lines.push(t.translate.reviewAudio);
  const message: OutgoingMessage = {
    text: lines.join("\n"),
    choices: [[{ label: t.buttons.approve, data: translationApprove.pack(v.id) }], [{ label: t.buttons.returnDraft, data: translationReturn.pack(v.id) }]],
  };
  if (audio) message.media = audio;
  return message;
}

/** A staff member as a reviewer candidate: their commune's province and the languages they translate. */
async function asCandidate(db: Db, staff: { id: number; role: string; active: boolean; communeId: number | null }): Promise<TranslatorCandidate> {
  const commune = staff.communeId ? await db.commune.findUnique({ where: { id: staff.communeId }, select: { provinceId: true } }) : null;
  return { id: staff.id, role: staff.role, active: staff.active, communeId: staff.communeId, provinceId: commune?.provinceId ?? null, languages: await translatorLanguages(db, staff.id) };
}

/** The active translators of a province (their commune's), as reviewer candidates. */
async function provinceTranslators(db: Db, provinceId: number) {
  const staff = await db.staff.findMany({ where: { role: "translator", active: true, commune: { provinceId } }, orderBy: { id: "asc" }, take: 500 });
  const rows = await db.bulletinTranslator.findMany({ where: { staffId: { in: staff.map((s) => s.id) } } });
  const languages = new Map(rows.map((r) => [r.staffId, parseLanguageList(r.languages)]));
  return staff.map((s) => ({ ...s, provinceId, languages: languages.get(s.id) ?? [] }));
}

export type SubmitOutcome = { ok: true; title: string; reviewers: number; level: "commune" | "province" | null } | { ok: false; reason: "nothing" };

/**
 * Sends the draft for review to a second translator of the language: the commune's, else the
 * province's (src/bulletins/translation-review.ts). With nobody to read it, the draft stays
 * submitted and shows in /dich of the first such translator to come.
 */
export async function submitDraft(deps: BulletinDeps, translator: { id: number; displayName: string; communeId: number | null }, itemId: number, language: string): Promise<SubmitOutcome> {
  const { db } = deps;
  const now = deps.now();
  const draft = await findDraft(db, itemId, language);
  if (!draft || (!draft.text && !draft.altText && !draft.audioFileRef)) return { ok: false, reason: "nothing" };
  // Another commune's own bulletin is not this translator's to submit (a crafted button).
  if (!(await db.bulletinItem.findFirst({ where: { id: itemId, ...itemsOfCommune(translator.communeId) }, select: { id: true } }))) return { ok: false, reason: "nothing" };
  await db.bulletinVersion.updateMany({ where: { id: draft.id, status: "draft" }, data: { submittedAt: now, translatorStaffId: translator.id } });
  const item = await db.bulletinItem.findUniqueOrThrow({ where: { id: itemId } });
  const commune = translator.communeId ? await db.commune.findUnique({ where: { id: translator.communeId }, select: { provinceId: true } }) : null;
  const author = { id: translator.id, communeId: translator.communeId, provinceId: commune?.provinceId ?? null };
  const { level, reviewers } = commune ? pickReviewers(await provinceTranslators(db, commune.provinceId), author, language) : { level: null, reviewers: [] };
  for (const r of reviewers) {
    // Like the tip alerts: no dedupe key, every submission is a new request.
    await enqueue(db, staffTarget(r), reviewMessage(item.title, languageInline(language), translator.displayName, draft, r.channel), { now });
  }
  deps.log.info("bulletins.translation_submitted", { itemId, language, reviewers: reviewers.length, level });
  return { ok: true, title: item.title, reviewers: reviewers.length, level };
}

export interface WaitingReview {
  versionId: number;
  itemId: number;
  title: string;
  language: string;
}

/** Submitted drafts in the reviewer's languages, by others, that they may review (oldest first). */
export async function reviewsWaitingFor(db: Db, reviewer: { id: number; role: string; active: boolean; communeId: number | null }): Promise<WaitingReview[]> {
  const me = await asCandidate(db, reviewer);
  if (me.languages.length === 0 || me.provinceId === null) return [];
  const drafts = await db.bulletinVersion.findMany({
    where: { status: "draft", submittedAt: { not: null }, language: { in: [...me.languages] }, translatorStaffId: { not: reviewer.id } },
    include: { item: { select: { title: true } } },
    orderBy: { submittedAt: "asc" },
    take: 200,
  });
  const authorIds = [...new Set(drafts.map((d) => d.translatorStaffId).filter((x): x is number => x !== null))];
  const authors = await db.staff.findMany({ where: { id: { in: authorIds } }, select: { id: true, communeId: true, commune: { select: { provinceId: true } } } });
  const byId = new Map(authors.map((a) => [a.id, { id: a.id, communeId: a.communeId, provinceId: a.commune?.provinceId ?? null }]));
  return drafts
    .filter((d) => d.translatorStaffId !== null && byId.has(d.translatorStaffId) && mayReviewTranslation(me, byId.get(d.translatorStaffId)!, d.language).ok)
    .map((d) => ({ versionId: d.id, itemId: d.itemId, title: d.item.title, language: d.language }));
}

/** A submitted draft this reviewer may review, with its item and author; null otherwise (or when handled). */
export async function reviewableDraft(db: Db, reviewer: { id: number; role: string; active: boolean; communeId: number | null }, versionId: number) {
  const draft = await db.bulletinVersion.findUnique({ where: { id: versionId }, include: { item: true } });
  if (!draft || draft.status !== "draft" || !draft.submittedAt || !draft.translatorStaffId) return null;
  const author = await db.staff.findUnique({ where: { id: draft.translatorStaffId } });
  if (!author || !mayReviewTranslation(await asCandidate(db, reviewer), await asCandidate(db, author), draft.language).ok) return null;
  return { draft, author: { id: author.id, displayName: author.displayName } };
}

/** The review request of one submitted draft again, for a reviewer who opens it from /dich. */
export async function reviewRequestFor(db: Db, reviewer: { id: number; role: string; active: boolean; communeId: number | null }, channel: string, versionId: number): Promise<OutgoingMessage | null> {
  const found = await reviewableDraft(db, reviewer, versionId);
  if (!found) return null;
  return reviewMessage(found.draft.item.title, languageInline(found.draft.language), found.author.displayName, found.draft, channel);
}

/** Why a translation's text cannot be kept (the chat and the console say it in their words), or null. */
export function translationTextProblem(text: string): { reason: "empty" } | { reason: "too_long"; length: number } | null {
  // Stored byte for byte (no trimming or normalising): only the check ignores invisible characters.
  if (text.replace(/[\p{Cf}\p{Z}\s]/gu, "") === "") return { reason: "empty" };
  const length = [...text].length;
  return length > MAX_TRANSLATION_CHARS ? { reason: "too_long", length } : null;
}

export type ReviewOutcome =
  | { ok: true; title: string; label: string }
  | { ok: false; reason: "handled" | "forbidden" | "own" };

/**
 * Approves or returns a submitted draft; only a second translator who reads the language may
 * (mayReviewTranslation). Approving makes it the approved version (merged into an existing one: new
 * text and/or new audio replace the old) and tells the translator and the commune's leaders who
 * reviewed it; a second press or a draft changed since submission gets "handled". Safe without
 * transactions: the draft is consumed by conditional writes.
 */
export async function reviewDraft(deps: BulletinDeps, reviewer: StaffScope & { id: number; displayName: string }, versionId: number, decision: "approve" | "return"): Promise<ReviewOutcome> {
  const { db } = deps;
  const now = deps.now();
  const draft = await db.bulletinVersion.findUnique({ where: { id: versionId }, include: { item: true } });
  if (!draft || draft.status !== "draft" || !draft.submittedAt) return { ok: false, reason: "handled" };
  const translator = draft.translatorStaffId ? await db.staff.findUnique({ where: { id: draft.translatorStaffId } }) : null;
  if (!translator?.communeId) return { ok: false, reason: "forbidden" };
  const verdict = mayReviewTranslation(await asCandidate(db, reviewer), await asCandidate(db, translator), draft.language);
  if (!verdict.ok) return { ok: false, reason: verdict.reason === "own" ? "own" : "forbidden" };
  const label = languageInline(draft.language);
  const title = draft.item.title;
  const toTranslator = (text: string) => enqueue(db, staffTarget(translator), { text }, { now });

  if (decision === "return") {
    const returned = await db.bulletinVersion.updateMany({ where: { id: draft.id, status: "draft", submittedAt: draft.submittedAt }, data: { submittedAt: null, reviewedByStaffId: reviewer.id, updatedAt: now } });
    if (returned.count !== 1) return { ok: false, reason: "handled" };
    await toTranslator(t.translate.returnedForTranslator(title, label, reviewer.displayName));
    return { ok: true, title, label };
  }

  const approved = await db.bulletinVersion.findUnique({ where: { itemId_language_status: { itemId: draft.itemId, language: draft.language, status: "approved" } } });
  const fields = { translatorStaffId: draft.translatorStaffId, reviewedByStaffId: reviewer.id, approvedAt: now, submittedAt: draft.submittedAt, updatedAt: now };
  if (approved) {
    // Merge: what the draft brings replaces the old; what it lacks stays.
    await db.bulletinVersion.update({
      where: { id: approved.id },
      data: {
        ...fields,
        text: draft.text ?? approved.text,
        altText: draft.altText ?? approved.altText,
        ...(draft.audioFileRef ? { audioKind: draft.audioKind, audioChannel: draft.audioChannel, audioFileRef: draft.audioFileRef } : {}),
      },
    });
    const consumed = await db.bulletinVersion.deleteMany({ where: { id: draft.id, status: "draft", submittedAt: draft.submittedAt } });
    if (consumed.count !== 1) return { ok: false, reason: "handled" };
  } else {
    try {
      const moved = await db.bulletinVersion.updateMany({ where: { id: draft.id, status: "draft", submittedAt: draft.submittedAt }, data: { status: "approved", ...fields } });
      if (moved.count !== 1) return { ok: false, reason: "handled" };
    } catch (error) {
      if (isUniqueViolation(error)) return { ok: false, reason: "handled" };
      throw error;
    }
  }
  deps.log.info("bulletins.translation_approved", { itemId: draft.itemId, language: draft.language, level: verdict.level, reviewerStaffId: reviewer.id });
  await toTranslator(t.translate.approvedForTranslator(title, label, reviewer.displayName));
  // The leaders (officers where there is none) see that it was reviewed, and by whom: staff names only.
  const where = verdict.level === "province" && reviewer.communeId ? (await getCommune(db, reviewer.communeId)).name : null;
  const leaders = await communeStaff(db, translator.communeId, ["leader"]);
  const told = leaders.length > 0 ? leaders : await communeStaff(db, translator.communeId, ["officer"]);
  for (const l of told) await enqueue(db, staffTarget(l), { text: t.translate.reviewedForLeader(title, label, translator.displayName, reviewer.displayName, where) }, { now });
  return { ok: true, title, label };
}

/** The request a translator receives: what is missing, with a button per item (the first few). */
export async function translationRequest(db: Db, languages: string[], at: Date, communeId: number | null, max = 5): Promise<OutgoingMessage | null> {
  for (const language of languages) {
    const { missing } = await missingTranslations(db, language, at, communeId);
    const open = missing.filter((m) => !m.draft?.submitted);
    if (open.length === 0) continue;
    return {
      text: t.translate.request(languageInline(language), missing.length),
      choices: open.slice(0, max).map((m) => [{ label: t.buttons.translate(cutAtWord(m.title, TITLE_LABEL_CHARS)), data: translationOpen.pack({ itemId: m.id, language }) }]),
    };
  }
  return null;
}

const REQUEST_CHECK_KEY = "translations.checkedAt";
const REQUEST_CHECK_EVERY_MS = 3_600_000;

/**
 * Asks each translator about missing translations, at most once per `translationRequestEveryDays`.
 * Looks at translators at most hourly (one read otherwise), so a run every minute stays cheap.
 */
export async function requestTranslations(deps: BulletinDeps): Promise<number> {
  const { db } = deps;
  const now = deps.now();
  const checked = await db.bulletinMeta.findUnique({ where: { key: REQUEST_CHECK_KEY } });
  if (checked && now.getTime() - Number(checked.value) < REQUEST_CHECK_EVERY_MS && now.getTime() >= Number(checked.value)) return 0;
  await db.bulletinMeta.upsert({ where: { key: REQUEST_CHECK_KEY }, create: { key: REQUEST_CHECK_KEY, value: String(now.getTime()), updatedAt: now }, update: { value: String(now.getTime()), updatedAt: now } });
  const every = scheduleSettings.translationRequestEveryDays * DAY_MS;
  const translators = await db.staff.findMany({ where: { role: "translator", active: true }, orderBy: { id: "asc" }, take: 500 });
  let asked = 0;
  for (const staff of translators) {
    const row = await db.bulletinTranslator.findUnique({ where: { staffId: staff.id } });
    if (row?.lastRequestAt && now.getTime() - row.lastRequestAt.getTime() < every) continue;
    const languages = parseLanguageList(row?.languages);
    const message = languages.length === 0 ? { text: t.translate.requestNoLanguages } : await translationRequest(db, languages, now, staff.communeId);
    if (!message) continue;
    // Claim this round first (conditional), then ask: two tickers ask once.
    if (row) {
      const claimed = await db.bulletinTranslator.updateMany({ where: { id: row.id, lastRequestAt: row.lastRequestAt }, data: { lastRequestAt: now } });
      if (claimed.count !== 1) continue;
    } else {
      try {
        await db.bulletinTranslator.create({ data: { staffId: staff.id, languages: "", lastRequestAt: now, updatedAt: now } });
      } catch (error) {
        if (isUniqueViolation(error)) continue;
        throw error;
      }
    }
    await enqueue(db, staffTarget(staff), message, { dedupeKey: `b:tq:${staff.id}:${now.getTime()}`, now });
    asked++;
  }
  return asked;
}
