// A village head's bulletins (/canbo/bantin, issue 13): the village's airings of the past week as the
// chat sends them (title, slot, the text in each language sent, the recording as an <audio> player
// served by /canbo/bantin/<id>/ghiam/<language> from the same bytes as the village's feed), and the
// answer: "Đã phát" and "Chưa phát được" with a reason, each a POST to recordAnswer, the function
// the chat's buttons call (scope and record there). Only a village head has this page: an officer
// or leader reads coverage in /tiendo and on /canbo/thang, and gets a 403 here. Another village's
// airing, by page, recording or form, is a 404 and changes nothing.
import type { Context, Hono } from "hono";
import { roleMay } from "../staff/roles.js";
import { formatDateTimeVN, vnDayStart } from "../util/vietnam-time.js";
import { headAirings, headRecording, type HeadAiring } from "../bulletins/head-airings.js";
import { MAX_REASON_CHARS, recordAnswer } from "../bulletins/deliveries.js";
import { formatSlot } from "../bulletins/messages.js";
import { reasonLabel, reasons } from "../bulletins/reasons.js";
import { languageLabel } from "../bulletins/languages.js";
import { missingLabel } from "../feeds/items.js";
import type { FeedScope } from "../feeds/items.js";
import { sendRecording } from "../feeds/app.js";
import { viBulletins } from "../i18n/vi-bulletins.js";
import { viConsole as t } from "../i18n/vi-console.js";
import { Layout, Message, sendPage } from "./layout.js";
import { badForm, readForm } from "./forms.js";
import { ReasonForm, reasonProblem } from "./reason-form.js";
import { CONSOLE_ROOT } from "./paths.js";
import type { ConsoleEnv, ConsoleOptions } from "./app.js";

const b = viBulletins;
const tb = t.headBulletin;
const BULLETINS = `${CONSOLE_ROOT}/bantin`;
const airingPath = (id: number) => `${BULLETINS}/${id}`;
const ID = /^\d{1,12}$/;
const LANGUAGE = /^[a-z]{3}$/;

/** What the airing's record says, in the chat's words where it has them. */
function answerText(a: HeadAiring): string {
  if (a.status === "broadcast") return a.answeredAt ? (a.byFeed ? tb.statusBroadcastByFeed : tb.statusBroadcast)(formatDateTimeVN(a.answeredAt)) : b.buttons.broadcast;
  if (a.status === "not_broadcast") return tb.statusNot((a.reason === "other" && a.reasonText ? a.reasonText : reasonLabel(a.reason)) ?? "");
  return tb.statusPending;
}

function answerClass(a: HeadAiring): string {
  return a.status === "broadcast" ? "ok" : a.status === "not_broadcast" ? "err" : "note";
}

/** The chat's confirmation for the answer just recorded. */
function recordedText(village: string, a: HeadAiring): string {
  const when = formatSlot(a.scheduledAt);
  if (a.status === "broadcast") return b.head.recordedBroadcast(village, when);
  return b.head.recordedNot(village, when, (a.reason === "other" && a.reasonText ? a.reasonText : reasonLabel(a.reason)) ?? "");
}

function Versions(props: { airing: HeadAiring }) {
  const { airing } = props;
  return (
    <>
      {airing.versions.map((v) => (
        <div class="card">
          <h3>{b.head.language(languageLabel(v.language))}</h3>
          {v.missing.length > 0 ? <p class="meta">{b.head.fallback(missingLabel(v.missing))}</p> : null}
          {v.version.audioFileRef ? (
            v.audio ? (
              <p>
                <audio controls preload="none" src={`${airingPath(airing.deliveryId)}/ghiam/${v.language}`}>
                  {tb.noAudioPlayer}
                </audio>
              </p>
            ) : (
              <p class="note">{tb.recordingUnavailable}</p>
            )
          ) : null}
          {v.version.text && v.version.text.trim() !== "" ? <p class="text">{v.version.text}</p> : <p class="meta">{b.head.audioOnly}</p>}
          {v.version.altText && v.version.altText.trim() !== "" ? (
            <>
              <p class="meta">{b.head.altScript}</p>
              <p class="text">{v.version.altText}</p>
            </>
          ) : null}
        </div>
      ))}
    </>
  );
}

function AnswerForms(props: { airing: HeadAiring; error?: string | null; note?: string }) {
  const path = airingPath(props.airing.deliveryId);
  return (
    <div class="card">
      <p class={answerClass(props.airing)}>{answerText(props.airing)}</p>
      {props.airing.status === "broadcast" || props.airing.status === "not_broadcast" ? <p class="meta">{tb.changeHint}</p> : null}
      <form method="post" action={`${path}/daphat`}>
        <button class="btn" type="submit">
          {b.buttons.broadcast}
        </button>
      </form>
      <ReasonForm
        action={`${path}/chuaphat`}
        id={props.airing.deliveryId}
        heading={b.buttons.notBroadcast}
        button={b.buttons.notBroadcast}
        reasonLabel={tb.reasonLabel}
        reasons={reasons.map((r) => ({ value: r.id, label: r.label }))}
        selected={props.airing.status === "not_broadcast" ? props.airing.reason : null}
        error={props.error}
        note={props.note}
        maxChars={MAX_REASON_CHARS}
      />
    </div>
  );
}

function Airing(props: { airing: HeadAiring; error?: string | null; note?: string }) {
  const { airing } = props;
  return (
    <section>
      <h2>{`${tb.slot(formatSlot(airing.scheduledAt))} — ${b.head.title(airing.title)}`}</h2>
      {airing.late ? <p class="meta">{b.head.late}</p> : null}
      <Versions airing={airing} />
      <AnswerForms airing={airing} error={props.error} note={props.note} />
    </section>
  );
}

function ListPage(props: { staff: ConsoleEnv["Variables"]["staff"]; village: FeedScope; airings: HeadAiring[]; now: Date }) {
  const todayStart = vnDayStart(props.now).getTime();
  const today = props.airings.filter((a) => a.scheduledAt.getTime() >= todayStart);
  const earlier = props.airings.filter((a) => a.scheduledAt.getTime() < todayStart);
  return (
    <Layout title={tb.title} staff={props.staff}>
      <h1>{tb.heading(props.village.village.name, props.village.commune.name)}</h1>
      {props.airings.length === 0 ? <p class="note">{tb.none}</p> : <p class="meta">{tb.intro}</p>}
      {today.length > 0 ? <h2>{tb.today}</h2> : null}
      {today.map((a) => (
        <Airing airing={a} />
      ))}
      {earlier.length > 0 ? <h2>{tb.earlier}</h2> : null}
      {earlier.length > 0 ? (
        <ul class="tips">
          {earlier.map((a) => (
            <li>
              <a href={airingPath(a.deliveryId)}>
                <span class="case">{formatSlot(a.scheduledAt)}</span> {b.head.title(a.title)}
                <br />
                <span class="meta">{`${answerText(a)} · ${tb.open}`}</span>
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </Layout>
  );
}

function AiringPage(props: { staff: ConsoleEnv["Variables"]["staff"]; village: FeedScope; airing: HeadAiring; flash?: string | null; error?: string | null; note?: string }) {
  return (
    <Layout title={tb.title} staff={props.staff}>
      <p>
        <a href={BULLETINS}>{tb.back}</a>
      </p>
      <h1>{tb.heading(props.village.village.name, props.village.commune.name)}</h1>
      {props.flash ? <p class="ok">{props.flash}</p> : null}
      <Airing airing={props.airing} error={props.error} note={props.note} />
    </Layout>
  );
}

export function bulletinRoutes(root: Hono<ConsoleEnv>, opts: ConsoleOptions): void {
  const { db } = opts;
  const deps = { db, keys: opts.keys, now: opts.now, log: opts.log };
  const forbidden = (c: Context<ConsoleEnv>) => sendPage(c, <Message title={t.errors.forbidden} text={t.errors.forbidden} staff={c.get("staff")} />, 403);
  const notFound = (c: Context<ConsoleEnv>) => sendPage(c, <Message title={t.errors.notFound} text={tb.notFound} staff={c.get("staff")} />, 404);

  /** The head's airings, or null when this staff member is no village head (403). */
  const airingsOf = (c: Context<ConsoleEnv>) => headAirings(db, opts.media, c.get("staff"), opts.now());

  root.get("/bantin", async (c) => {
    const staff = c.get("staff");
    if (!roleMay(staff.role, "bulletin.confirm")) return forbidden(c);
    const list = await airingsOf(c);
    if (!list) return forbidden(c);
    return sendPage(c, <ListPage staff={staff} village={list.village} airings={list.airings} now={opts.now()} />);
  });

  root.get("/bantin/:id", async (c) => {
    const staff = c.get("staff");
    if (!roleMay(staff.role, "bulletin.confirm")) return forbidden(c);
    const id = c.req.param("id");
    const list = ID.test(id) ? await airingsOf(c) : null;
    const airing = list?.airings.find((a) => a.deliveryId === Number(id));
    if (!list || !airing) return notFound(c);
    const flash = c.req.query("kq") === "ok" && airing.answeredAt ? recordedText(list.village.village.name, airing) : null;
    return sendPage(c, <AiringPage staff={staff} village={list.village} airing={airing} flash={flash} />);
  });

  // The recording's bytes for the page's player (Hono routes HEAD here too). Private: never cached.
  root.get("/bantin/:id/ghiam/:language", async (c) => {
    const staff = c.get("staff");
    const id = c.req.param("id");
    const language = c.req.param("language");
    if (!roleMay(staff.role, "bulletin.confirm") || !ID.test(id) || !LANGUAGE.test(language)) return notFound(c);
    const recording = await headRecording(db, opts.media, staff, `${id}-${language}`, opts.now());
    if (!recording.ok && recording.reason === "not_found") return notFound(c);
    if (!recording.ok) return c.text(tb.recordingUnavailable, 503, { "Cache-Control": "no-store", "Retry-After": "60" });
    return sendRecording(c, recording.found, { "Cache-Control": "private, no-store" });
  });

  root.post("/bantin/:id/daphat", async (c) => {
    const staff = c.get("staff");
    const id = c.req.param("id");
    if (!roleMay(staff.role, "bulletin.confirm") || !ID.test(id)) return notFound(c);
    const outcome = await recordAnswer(deps, staff, Number(id), { status: "broadcast" });
    if (!outcome.ok) return notFound(c);
    return c.redirect(`${airingPath(Number(id))}?kq=ok`, 303);
  });

  root.post("/bantin/:id/chuaphat", async (c) => {
    const staff = c.get("staff");
    const id = c.req.param("id");
    if (!roleMay(staff.role, "bulletin.confirm") || !ID.test(id)) return notFound(c);
    const form = await readForm(c);
    if (!form) return badForm(c);
    const reason = typeof form.reason === "string" ? form.reason : "";
    const note = typeof form.note === "string" ? form.note.trim() : "";
    const known = reasons.some((r) => r.id === reason);
    const problem = { no_reason: tb.reasonNeeded, no_text: b.head.askReasonText, too_long: b.head.reasonTooLong(MAX_REASON_CHARS), none: null }[reasonProblem(known, reason, note, MAX_REASON_CHARS) ?? "none"];
    if (problem) {
      // Shown only on the head's own airing; another village's id is the same 404 as by page.
      const list = await airingsOf(c);
      const airing = list?.airings.find((a) => a.deliveryId === Number(id));
      if (!list || !airing) return notFound(c);
      return sendPage(c, <AiringPage staff={staff} village={list.village} airing={airing} error={problem} note={note.slice(0, MAX_REASON_CHARS * 2)} />, 400);
    }
    const outcome = await recordAnswer(deps, staff, Number(id), { status: "not_broadcast", reason, reasonText: reason === "other" ? note : null });
    if (!outcome.ok) return notFound(c);
    return c.redirect(`${airingPath(Number(id))}?kq=ok`, 303);
  });
}
