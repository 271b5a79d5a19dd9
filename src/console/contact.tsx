// A school's teacher's or a business contact's bulletins (/canbo/tuyentruyen, issues 13 and 15):
// what their audience was sent this past week, each with its Vietnamese text and recording, and the
// answer: "Đã tuyên truyền" and "Chưa tuyên truyền được" with a reason, each a POST to
// recordAudienceAnswer, the function the chat's buttons call (scope and record there). Another
// audience's delivery, by recording or form, is a 404 and changes nothing.
import type { Context, Hono } from "hono";
import { roleMay } from "../staff/roles.js";
import { formatDateTimeVN } from "../util/vietnam-time.js";
import { AUDIENCE_REASONS, MAX_REASON_CHARS, reasonLabel, recordAudienceAnswer } from "../bulletins/audiences.js";
import { contactAirings, contactRecording, type ContactAiring } from "../bulletins/contact-airings.js";
import { formatSlot } from "../bulletins/messages.js";
import { sendRecording } from "../feeds/app.js";
import { viAudiences } from "../i18n/vi-audiences.js";
import { viBulletins } from "../i18n/vi-bulletins.js";
import { viConsole as t } from "../i18n/vi-console.js";
import { Layout, Message, sendPage } from "./layout.js";
import { badForm, field, readForm } from "./forms.js";
import { ReasonForm, reasonProblem } from "./reason-form.js";
import { CONSOLE_ROOT } from "./paths.js";
import type { ConsoleEnv, ConsoleOptions, StaffMember } from "./app.js";

const tc = t.contact;
const ac = viAudiences.contact;
const CONTACT_PAGE = `${CONSOLE_ROOT}/tuyentruyen`;
const ID = /^\d{1,12}$/;

const reasonOf = (a: { reason: string | null; reasonText: string | null }) => (a.reason === "other" && a.reasonText ? a.reasonText : (reasonLabel(a.reason) ?? ""));

function statusText(a: ContactAiring): string {
  if (a.status === "done") return tc.statusDone(a.answeredAt ? formatDateTimeVN(a.answeredAt) : "");
  if (a.status === "not_done") return tc.statusNot(reasonOf(a));
  return tc.statusPending;
}

function AiringCard(props: { airing: ContactAiring; error?: string | null; note?: string }) {
  const { airing } = props;
  const path = `${CONTACT_PAGE}/${airing.deliveryId}`;
  const text = airing.version?.text?.trim();
  return (
    <section id={`b${airing.deliveryId}`}>
      <h2>{viBulletins.head.title(airing.title)}</h2>
      <p class="meta">{tc.sent(formatSlot(airing.scheduledAt))}</p>
      {airing.hasRecording ? (
        <p>
          <audio controls preload="none" src={`${path}/ghiam`}>
            {t.headBulletin.noAudioPlayer}
          </audio>
        </p>
      ) : null}
      <div class="card">{text ? <p class="text">{text}</p> : <p class="meta">{tc.noText}</p>}</div>
      <div class="card">
        <p class={airing.status === "done" ? "ok" : airing.status === "not_done" ? "err" : "note"}>{statusText(airing)}</p>
        {airing.status !== "pending" ? <p class="meta">{tc.changeHint}</p> : null}
        <form method="post" action={`${path}/xong`}>
          <button class="btn" type="submit">
            {ac.buttons.done}
          </button>
        </form>
        <ReasonForm
          action={`${path}/chua`}
          id={airing.deliveryId}
          heading={ac.buttons.notDone}
          button={ac.buttons.notDone}
          reasonLabel={tc.reasonLabel}
          reasons={AUDIENCE_REASONS.map((r) => ({ value: r, label: reasonLabel(r) ?? r }))}
          selected={airing.status === "not_done" ? airing.reason : null}
          error={props.error}
          note={props.note}
          maxChars={MAX_REASON_CHARS}
        />
      </div>
    </section>
  );
}

type Listing = NonNullable<Awaited<ReturnType<typeof contactAirings>>>;

function ContactPage(props: { staff: StaffMember; list: Listing; flash?: string | null; error?: { deliveryId: number; text: string; note: string } }) {
  const { list } = props;
  return (
    <Layout title={tc.title} staff={props.staff}>
      <h1>{tc.heading(list.audience.name, list.commune.name)}</h1>
      {props.flash ? <p class="ok">{props.flash}</p> : null}
      <p class={list.airings.length === 0 ? "note" : "meta"}>{list.airings.length === 0 ? tc.none : tc.intro}</p>
      {list.airings.map((a) => (
        <AiringCard airing={a} error={props.error?.deliveryId === a.deliveryId ? props.error.text : null} note={props.error?.deliveryId === a.deliveryId ? props.error.note : undefined} />
      ))}
    </Layout>
  );
}

export function contactRoutes(root: Hono<ConsoleEnv>, opts: ConsoleOptions): void {
  const { db } = opts;
  const deps = { db, keys: opts.keys, now: opts.now, log: opts.log };
  const forbidden = (c: Context<ConsoleEnv>) => sendPage(c, <Message title={t.errors.forbidden} text={t.errors.forbidden} staff={c.get("staff")} />, 403);
  const notFound = (c: Context<ConsoleEnv>) => sendPage(c, <Message title={t.errors.notFound} text={tc.notFound} staff={c.get("staff")} />, 404);
  const mayUse = (staff: StaffMember) => roleMay(staff.role, "audience.confirm");

  root.get("/tuyentruyen", async (c) => {
    const staff = c.get("staff");
    const list = mayUse(staff) ? await contactAirings(db, staff, opts.now()) : null;
    if (!list) return forbidden(c);
    // After an answer: the chat's own confirmation for the airing answered.
    const answered = list.airings.find((a) => String(a.deliveryId) === c.req.query("kq") && a.status !== "pending");
    const when = answered ? formatSlot(answered.scheduledAt) : "";
    const flash = answered ? (answered.status === "done" ? ac.recordedDone(list.audience.name, when) : ac.recordedNot(list.audience.name, when, reasonOf(answered))) : null;
    return sendPage(c, <ContactPage staff={staff} list={list} flash={flash} />);
  });

  // The recording's bytes for the page's player. Private: never cached.
  root.get("/tuyentruyen/:id/ghiam", async (c) => {
    const staff = c.get("staff");
    const id = c.req.param("id");
    if (!mayUse(staff) || !ID.test(id)) return notFound(c);
    const recording = await contactRecording(db, opts.media, staff, Number(id));
    if (!recording.ok && recording.reason === "not_found") return notFound(c);
    if (!recording.ok) return c.text(t.headBulletin.recordingUnavailable, 503, { "Cache-Control": "no-store", "Retry-After": "60" });
    return sendRecording(c, recording.found, { "Cache-Control": "private, no-store" });
  });

  const answered = (id: number) => `${CONTACT_PAGE}?kq=${id}#b${id}`;

  root.post("/tuyentruyen/:id/xong", async (c) => {
    const staff = c.get("staff");
    const id = c.req.param("id");
    if (!mayUse(staff) || !ID.test(id)) return notFound(c);
    const outcome = await recordAudienceAnswer(deps, staff, Number(id), { status: "done" });
    if (!outcome.ok) return notFound(c);
    return c.redirect(answered(Number(id)), 303);
  });

  root.post("/tuyentruyen/:id/chua", async (c) => {
    const staff = c.get("staff");
    const id = c.req.param("id");
    if (!mayUse(staff) || !ID.test(id)) return notFound(c);
    const form = await readForm(c);
    if (!form) return badForm(c);
    const reason = field(form, "reason", 20);
    const note = typeof form.note === "string" ? form.note.trim() : "";
    const problem = { no_reason: tc.reasonNeeded, no_text: ac.askReasonText, too_long: ac.reasonTooLong(MAX_REASON_CHARS), none: null }[reasonProblem(AUDIENCE_REASONS.includes(reason), reason, note, MAX_REASON_CHARS) ?? "none"];
    if (problem) {
      const list = await contactAirings(db, staff, opts.now());
      if (!list?.airings.some((a) => a.deliveryId === Number(id))) return notFound(c);
      return sendPage(c, <ContactPage staff={staff} list={list} error={{ deliveryId: Number(id), text: problem, note: note.slice(0, MAX_REASON_CHARS * 2) }} />, 400);
    }
    const outcome = await recordAudienceAnswer(deps, staff, Number(id), { status: "not_done", reason, reasonText: reason === "other" ? note : null });
    if (!outcome.ok) return notFound(c);
    return c.redirect(answered(Number(id)), 303);
  });
}
