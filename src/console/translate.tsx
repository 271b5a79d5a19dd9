// A translator's pages (/canbo/dich, issue 13 and 15): the languages they translate, the drafts of
// others waiting for their review, and the bulletins still missing in each language, page by page;
// one bulletin's Vietnamese beside the draft (text in a textarea, a recording as a file), "Lưu bản
// nháp" and "Gửi duyệt"; a review page with "Duyệt" / "Trả lại để sửa". Every form is a POST behind
// the console's CSRF check and calls the functions the chat calls (src/bulletins/translations.ts),
// where the rules are: who reviews (a second translator of the language), what a draft keeps.
import type { Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { roleMay } from "../staff/roles.js";
import { BASE_LANGUAGE, isLanguageCode, language as languageInfo, languageInline, languageLabel } from "../bulletins/languages.js";
import {
  findDraft,
  itemForTranslation,
  MAX_TRANSLATION_CHARS,
  missingTranslations,
  offeredTranslatorLanguages,
  reviewableDraft,
  reviewDraft,
  reviewsWaitingFor,
  saveDraft,
  setTranslatorLanguages,
  submitDraft,
  translationTextProblem,
  translatorLanguages,
} from "../bulletins/translations.js";
import { cleanAudioVideo } from "../media/av.js";
import { storeBulletinRecording } from "../media/uploads.js";
import { recordingBytes } from "../feeds/items.js";
import { sendRecording } from "../feeds/app.js";
import { viBulletins } from "../i18n/vi-bulletins.js";
import { viConsole as t } from "../i18n/vi-console.js";
import { Layout, Message, sendPage } from "./layout.js";
import { badForm, readForm } from "./forms.js";
import { CONSOLE_ROOT } from "./paths.js";
import { MAX_RECORDING_SECONDS, RECORDER_SCRIPT } from "./recorder.js";
import type { ConsoleEnv, ConsoleOptions, StaffMember } from "./app.js";

const tt = t.translate;
const b = viBulletins;
const ROOT = `${CONSOLE_ROOT}/dich`;
/** Bulletins per page of the list (the chat shows 8 a message; a page holds more). */
export const CONSOLE_PAGE_SIZE = 20;
/** A recording uploaded here: as large as a row of the Worker's D1 holds, the same on Node. */
export const MAX_RECORDING_BYTES = 1_900_000;
const ID = /^[1-9]\d{0,9}$/;
const itemPath = (itemId: number, language: string) => `${ROOT}/${itemId}/${language}`;
const reviewPath = (versionId: number) => `${ROOT}/duyet/${versionId}`;

type Draft = Awaited<ReturnType<typeof findDraft>>;

function Paging(props: { language: string; page: number; pages: number; count: number }) {
  if (props.pages <= 1) return null;
  const at = (page: number) => `${ROOT}?ngonngu=${props.language}&trang=${page}`;
  return (
    <p class="actions">
      {props.page > 1 ? (
        <a class="btn alt" href={at(props.page - 1)}>
          {tt.previousPage}
        </a>
      ) : null}
      <span class="meta">{b.translate.listPage(props.page, props.pages, (props.page - 1) * CONSOLE_PAGE_SIZE + 1, Math.min(props.page * CONSOLE_PAGE_SIZE, props.count))}</span>
      {props.page < props.pages ? (
        <a class="btn alt" href={at(props.page + 1)}>
          {tt.nextPage}
        </a>
      ) : null}
    </p>
  );
}

async function ListPage(props: { opts: ConsoleOptions; staff: StaffMember; language?: string; page: number; flash?: string | null }) {
  const { db } = props.opts;
  const { staff } = props;
  const chosen = await translatorLanguages(db, staff.id);
  const offered = await offeredTranslatorLanguages(db, staff.communeId!);
  for (const c of chosen) if (!offered.includes(c)) offered.push(c);
  const waiting = await reviewsWaitingFor(db, staff);
  const sections = [];
  for (const code of chosen) {
    const { total, missing } = await missingTranslations(db, code, props.opts.now(), staff.communeId);
    const label = languageInline(code);
    const pages = Math.max(1, Math.ceil(missing.length / CONSOLE_PAGE_SIZE));
    const page = code === props.language ? Math.min(Math.max(1, props.page), pages) : 1;
    const shown = missing.slice((page - 1) * CONSOLE_PAGE_SIZE, page * CONSOLE_PAGE_SIZE);
    sections.push(
      <section>
        <h2>{tt.missingHeading(label)}</h2>
        {missing.length === 0 ? <p class="ok">{b.translate.allDone(label)}</p> : <p class="meta">{b.translate.listTitle(label, missing.length, total)}</p>}
        <ul class="tips">
          {shown.map((m) => (
            <li>
              <a href={itemPath(m.id, code)}>
                {m.title}
                {m.draft ? (
                  <>
                    <br />
                    <span class="meta">{m.draft.submitted ? tt.statusSubmitted : tt.statusDraft}</span>
                  </>
                ) : null}
              </a>
            </li>
          ))}
        </ul>
        <Paging language={code} page={page} pages={pages} count={missing.length} />
      </section>,
    );
  }
  return (
    <Layout title={tt.title} staff={staff}>
      <h1>{tt.title}</h1>
      {props.flash ? <p class="ok">{props.flash}</p> : null}
      {waiting.length > 0 ? (
        <section>
          <h2>{tt.waitingHeading}</h2>
          <ul class="tips">
            {waiting.map((w) => (
              <li>
                <a href={reviewPath(w.versionId)}>{`${languageLabel(w.language)}: ${w.title}`}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {chosen.length === 0 ? <p class="note">{b.translate.noLanguages}</p> : null}
      {sections}
      <details open={chosen.length === 0}>
        <summary>{chosen.length === 0 ? tt.languagesHeading : tt.languagesChange}</summary>
        <form method="post" action={`${ROOT}/ngonngu`} class="card">
          <p class="meta">{tt.languagesHint}</p>
          <fieldset>
            {offered.map((c) => (
              <label class="choice">
                <input type="checkbox" name="ngonngu" value={c} checked={chosen.includes(c)} /> {languageLabel(c)}
              </label>
            ))}
          </fieldset>
          <button class="btn" type="submit">
            {tt.languagesButton}
          </button>
        </form>
      </details>
    </Layout>
  );
}

function DraftAudio(props: { itemId: number; language: string; draft: Draft; playable: boolean }) {
  if (!props.draft?.audioFileRef) return null;
  if (!props.playable) return <p class="meta">{tt.audioElsewhere}</p>;
  return (
    <>
      <p class="meta">{tt.audioHas}</p>
      <audio controls preload="none" src={`${itemPath(props.itemId, props.language)}/ghiam`}>
        {t.headBulletin.noAudioPlayer}
      </audio>
      <p class="meta">{tt.audioReplace}</p>
    </>
  );
}

async function ItemPage(props: { opts: ConsoleOptions; staff: StaffMember; itemId: number; language: string; flash?: string | null; error?: string | null; typed?: { text: string; altText: string } }) {
  const { db } = props.opts;
  const item = await itemForTranslation(db, props.itemId, props.language, props.staff.communeId);
  const original = item?.versions.find((v) => v.language === BASE_LANGUAGE && v.status === "approved");
  if (!item || !original?.text) return null;
  const label = languageInline(props.language);
  const draft = await findDraft(db, props.itemId, props.language);
  const twoScripts = (languageInfo(props.language)?.scripts.length ?? 1) > 1;
  const approved = item.versions.some((v) => v.language === props.language && v.status === "approved");
  const playable = draft?.audioFileRef ? draft.audioChannel === "web" : false;
  return (
    <Layout title={tt.title} staff={props.staff}>
      <p>
        <a href={`${ROOT}?ngonngu=${props.language}`}>{tt.back}</a>
      </p>
      <h1>{item.title}</h1>
      {props.flash ? <p class="ok">{props.flash}</p> : null}
      {props.error ? <p class="err">{props.error}</p> : null}
      {approved ? <p class="note">{b.translate.alreadyApproved(label)}</p> : null}
      <div class="pair">
        <div class="card">
          <h2>{tt.original}</h2>
          <p class="text" lang="vi">
            {original.text}
          </p>
        </div>
        <form class="card" method="post" action={itemPath(props.itemId, props.language)} enctype="multipart/form-data">
          <h2>{tt.draft(label)}</h2>
          <p class="meta">{b.translate.instructions(label, twoScripts)}</p>
          {draft?.submittedAt ? <p class="note">{b.translate.listWaiting(1)}</p> : null}
          <div class="field">
            <label for="ban-chu">{tt.textLabel(MAX_TRANSLATION_CHARS)}</label>
            <textarea id="ban-chu" name="text" rows={10} lang={props.language}>
              {props.typed?.text ?? draft?.text ?? ""}
            </textarea>
          </div>
          {twoScripts ? (
            <div class="field">
              <p class="meta">{tt.twoScriptsHint}</p>
              <label for="ban-latinh">{tt.altLabel}</label>
              <textarea id="ban-latinh" name="altText" rows={6}>
                {props.typed?.altText ?? draft?.altText ?? ""}
              </textarea>
            </div>
          ) : null}
          <DraftAudio itemId={props.itemId} language={props.language} draft={draft} playable={playable} />
          <div class="card" data-recorder="" data-input="ghi-am" data-start={tt.record} data-stop={tt.recordStop} data-done={tt.recordDone} data-denied={tt.recordDenied} data-max-seconds={String(MAX_RECORDING_SECONDS)} hidden>
            <p class="meta">{tt.recordHint(MAX_RECORDING_SECONDS / 60)}</p>
            <button class="btn alt" type="button" aria-pressed="false">
              {tt.record}
            </button>
            <output aria-live="polite"></output>
            <audio controls hidden></audio>
          </div>
          <div class="field">
            <label for="ghi-am">{tt.audioLabel}</label>
            <input id="ghi-am" type="file" name="audio" accept="audio/*" />
          </div>
          <p class="actions">
            <button class="btn alt" type="submit" name="action" value="save">
              {tt.save}
            </button>
            <button class="btn" type="submit" name="action" value="submit">
              {tt.submit}
            </button>
          </p>
        </form>
      </div>
      <script src={RECORDER_SCRIPT.path} defer></script>
    </Layout>
  );
}

async function ReviewPage(props: { opts: ConsoleOptions; staff: StaffMember; versionId: number }) {
  const { db } = props.opts;
  const found = await reviewableDraft(db, props.staff, props.versionId);
  if (!found) return null;
  const { draft, author } = found;
  const item = await itemForTranslation(db, draft.itemId, draft.language, draft.item.communeId);
  const original = item?.versions.find((v) => v.language === BASE_LANGUAGE && v.status === "approved");
  const label = languageInline(draft.language);
  return (
    <Layout title={tt.review} staff={props.staff}>
      <p>
        <a href={ROOT}>{tt.back}</a>
      </p>
      <h1>{tt.review}</h1>
      <p>{tt.reviewIntro(draft.item.title, label, author.displayName)}</p>
      <div class="pair">
        <div class="card">
          <h2>{tt.original}</h2>
          <p class="text" lang="vi">
            {original?.text ?? ""}
          </p>
        </div>
        <div class="card">
          <h2>{tt.draft(label)}</h2>
          {draft.text ? <p class="text">{draft.text}</p> : null}
          {draft.altText ? (
            <>
              <p class="meta">{b.translate.reviewAlt}</p>
              <p class="text">{draft.altText}</p>
            </>
          ) : null}
          {!draft.text && !draft.altText ? <p class="meta">{b.translate.reviewNoText}</p> : null}
          {draft.audioFileRef ? (
            <audio controls preload="none" src={`${reviewPath(draft.id)}/ghiam`}>
              {t.headBulletin.noAudioPlayer}
            </audio>
          ) : null}
        </div>
      </div>
      <div class="actions">
        <form method="post" action={`${reviewPath(draft.id)}/duyet`}>
          <button class="btn" type="submit">
            {b.buttons.approve}
          </button>
        </form>
        <form method="post" action={`${reviewPath(draft.id)}/tralai`}>
          <button class="btn alt" type="submit">
            {b.buttons.returnDraft}
          </button>
        </form>
      </div>
    </Layout>
  );
}

export function translateRoutes(root: Hono<ConsoleEnv>, opts: ConsoleOptions): void {
  const { db } = opts;
  const deps = { db, keys: opts.keys, now: opts.now, log: opts.log };
  const page = (c: Context<ConsoleEnv>, node: Awaited<ReturnType<typeof ItemPage>>, status: 200 | 400 = 200) =>
    node ? sendPage(c, node, status) : sendPage(c, <Message title={t.errors.notFound} text={tt.notFound} staff={c.get("staff")} />, 404);
  const translator = (c: Context<ConsoleEnv>) => {
    const staff = c.get("staff");
    return staff.communeId !== null && roleMay(staff.role, "bulletin.translate") ? staff : null;
  };
  const forbidden = (c: Context<ConsoleEnv>) => sendPage(c, <Message title={t.errors.forbidden} text={t.errors.forbidden} staff={c.get("staff")} />, 403);
  /** The item and language of an address, or null (a 404): Vietnamese is the original, never translated. */
  const target = (c: Context<ConsoleEnv>) => {
    const id = c.req.param("itemId") ?? "";
    const language = c.req.param("language") ?? "";
    return ID.test(id) && isLanguageCode(language) && language !== BASE_LANGUAGE ? { itemId: Number(id), language } : null;
  };

  root.get("/dich", async (c) => {
    const staff = translator(c);
    if (!staff) return forbidden(c);
    const language = c.req.query("ngonngu");
    const pageNo = Number(c.req.query("trang") ?? "1");
    const flash = c.req.query("kq") === "ngonngu" ? b.translate.languagesSaved((await translatorLanguages(db, staff.id)).map(languageLabel).join(", ")) : null;
    return sendPage(c, await ListPage({ opts, staff, language, page: Number.isInteger(pageNo) ? pageNo : 1, flash }));
  });

  root.post("/dich/ngonngu", async (c) => {
    const staff = translator(c);
    if (!staff) return forbidden(c);
    const form = await readForm(c, { all: true });
    if (!form) return badForm(c);
    const raw = form.ngonngu;
    const codes = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((x): x is string => typeof x === "string" && isLanguageCode(x) && x !== BASE_LANGUAGE);
    await setTranslatorLanguages(db, staff.id, [...new Set(codes)], opts.now());
    return c.redirect(`${ROOT}?kq=ngonngu`, 303);
  });

  root.get("/dich/duyet/:versionId", async (c) => {
    const staff = translator(c);
    if (!staff) return forbidden(c);
    const id = c.req.param("versionId");
    const node = ID.test(id) ? await ReviewPage({ opts, staff, versionId: Number(id) }) : null;
    return node ? sendPage(c, node) : sendPage(c, <Message title={tt.review} text={tt.reviewGone} staff={staff} back={{ href: ROOT, label: tt.back }} />, 404);
  });

  root.get("/dich/duyet/:versionId/ghiam", async (c) => {
    const staff = translator(c);
    const id = c.req.param("versionId");
    const found = staff && ID.test(id) ? await reviewableDraft(db, staff, Number(id)) : null;
    const bytes = found ? await recordingBytes(opts.media, found.draft) : null;
    if (!bytes) return c.text(t.headBulletin.audioMissing, 404, { "Cache-Control": "no-store" });
    return sendRecording(c, bytes, { "Cache-Control": "private, no-store" });
  });

  for (const [action, decision] of [["duyet", "approve"], ["tralai", "return"]] as const) {
    root.post(`/dich/duyet/:versionId/${action}`, async (c) => {
      const staff = translator(c);
      if (!staff) return forbidden(c);
      const id = c.req.param("versionId");
      const outcome = ID.test(id) ? await reviewDraft(deps, staff, Number(id), decision) : ({ ok: false, reason: "handled" } as const);
      if (!outcome.ok) {
        const text = outcome.reason === "own" ? b.translate.ownTranslation : outcome.reason === "forbidden" ? b.translate.forbidden : b.translate.alreadyHandled;
        return sendPage(c, <Message title={tt.review} text={text} kind="err" staff={staff} back={{ href: ROOT, label: tt.back }} />, outcome.reason === "handled" ? 404 : 403);
      }
      const text = decision === "approve" ? b.translate.approved(outcome.title, outcome.label) : b.translate.returned(outcome.title, outcome.label);
      return sendPage(c, <Message title={tt.review} text={text} kind="ok" staff={staff} back={{ href: ROOT, label: tt.back }} />);
    });
  }

  root.get("/dich/:itemId/:language", async (c) => {
    const staff = translator(c);
    if (!staff) return forbidden(c);
    const at = target(c);
    if (!at) return page(c, null);
    const kq = c.req.query("kq");
    const flash = kq === "luu" ? tt.saved : null;
    return page(c, await ItemPage({ opts, staff, ...at, flash }));
  });

  // The draft's own recording, for its player (a recording made here or in the web chat).
  root.get("/dich/:itemId/:language/ghiam", async (c) => {
    const staff = translator(c);
    const at = target(c);
    const draft = staff && at ? await findDraft(db, at.itemId, at.language) : null;
    const bytes = draft?.audioFileRef ? await recordingBytes(opts.media, draft) : null;
    if (!bytes) return c.text(t.headBulletin.audioMissing, 404, { "Cache-Control": "no-store" });
    return sendRecording(c, bytes, { "Cache-Control": "private, no-store" });
  });

  const limit = bodyLimit({
    maxSize: MAX_RECORDING_BYTES + 4 * MAX_TRANSLATION_CHARS * 4 + 16_384,
    onError: (c) => sendPage(c, <Message title={tt.title} text={tt.audioTooLarge} kind="err" />, 400),
  });
  root.post("/dich/:itemId/:language", limit, async (c) => {
    const staff = translator(c);
    if (!staff) return forbidden(c);
    const at = target(c);
    if (!at) return page(c, null);
    const item = await itemForTranslation(db, at.itemId, at.language, staff.communeId);
    if (!item?.versions.some((v) => v.language === BASE_LANGUAGE && v.status === "approved" && v.text)) return page(c, null);
    const form = await readForm(c);
    if (!form) return badForm(c);
    const typed = { text: typeof form.text === "string" ? form.text : "", altText: typeof form.altText === "string" ? form.altText : "" };
    const again = (error: string) => ItemPage({ opts, staff, ...at, error, typed });
    // Everything is checked before anything is kept: a refused file leaves the typed text unsaved too.
    const texts: string[] = [];
    for (const text of [typed.text, typed.altText]) {
      const problem = translationTextProblem(text);
      if (problem?.reason === "too_long") return page(c, await again(tt.textTooLong(MAX_TRANSLATION_CHARS, problem.length)), 400);
      if (!problem) texts.push(text);
    }
    const file = form.audio;
    let recording: { bytes: Uint8Array; mime: string } | null = null;
    if (file instanceof File && file.size > 0) {
      if (file.size > MAX_RECORDING_BYTES) return page(c, await again(tt.audioTooLarge), 400);
      recording = cleanAudioVideo(new Uint8Array(await file.arrayBuffer()), "audio");
      if (!recording) return page(c, await again(tt.audioRefused), 400);
    }
    const now = opts.now();
    // As in chat: text is kept exactly as typed, the script decides the field (Tai Viet or Latin).
    for (const text of texts) await saveDraft(db, { itemId: at.itemId, language: at.language, staffId: staff.id, part: { kind: "text", text }, now });
    if (recording) {
      const fileRef = await storeBulletinRecording(db, { ...recording, now });
      await saveDraft(db, { itemId: at.itemId, language: at.language, staffId: staff.id, part: { kind: "audio", audioKind: recording.mime === "audio/ogg" ? "voice" : "audio", channel: "web", fileRef }, now });
    }
    if (form.action !== "submit") return c.redirect(`${itemPath(at.itemId, at.language)}?kq=luu`, 303);
    const outcome = await submitDraft(deps, staff, at.itemId, at.language);
    if (!outcome.ok) return page(c, await again(b.translate.nothingToSubmit), 400);
    const label = languageInline(at.language);
    const text = outcome.reviewers > 0 ? b.translate.submitted(outcome.title, label, outcome.reviewers, outcome.level === "province") : b.translate.noReviewers(label);
    return sendPage(c, <Message title={tt.title} text={text} kind={outcome.reviewers > 0 ? "ok" : "note"} staff={staff} back={{ href: `${ROOT}?ngonngu=${at.language}`, label: tt.back }} />);
  });
}
