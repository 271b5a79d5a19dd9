// The case side of a tip's page in the console (issues 12, 13): ask the tipster, internal notes,
// reassignment, deadline extension and reopening. Each form posts to one route that calls the same
// domain function as the chat's button (src/tips/case.ts, askTipster), which checks role, commune
// and status itself; the page only offers what that check would allow.
import type { Context, Hono } from "hono";
import { formatDateVN } from "../util/vietnam-time.js";
import { mayOnTip } from "../tips/scope.js";
import { actionAllowed } from "../tips/status.js";
import { askTipster } from "../tips/service.js";
import { addNote, assignableOfficers, assignTip, extendDeadline, extensionDue, reopenable, reopenTip } from "../tips/case.js";
import { viCase } from "../i18n/vi-case.js";
import { viStaff } from "../i18n/vi-staff.js";
import { viIntake } from "../i18n/vi-intake.js";
import { viConsole as t } from "../i18n/vi-console.js";
import { Message, sendPage } from "./layout.js";
import { badForm, field, readForm } from "./forms.js";
import { tipPath, parseTipId } from "./paths.js";
import type { ConsoleEnv, ConsoleOptions, StaffMember } from "./app.js";

const TEXT_CHARS = 2000;

interface CaseTip {
  id: number;
  caseNumber: string;
  status: string;
  communeId: number;
  villageId: number | null;
  officerStaffId: number | null;
  dueAt: Date | null;
}

/** What the page says after a case form: the chat's own words for the same outcome. */
export function caseFlash(kind: string | undefined, tip: CaseTip, officer: string | null): { text: string; ok: boolean } | null {
  switch (kind) {
    case "hoi":
      return { text: viStaff.desk.questionSent(tip.caseNumber), ok: true };
    case "hoi-luu":
      return { text: viStaff.desk.questionStored(tip.caseNumber), ok: true };
    case "hoi-khong":
      return { text: viIntake.questionNoTipster(tip.caseNumber), ok: true };
    case "ghichu":
      return { text: viCase.note.saved(tip.caseNumber), ok: true };
    case "giao":
      return { text: viCase.assign.done(tip.caseNumber, officer ?? t.event.someone), ok: true };
    case "giahan":
      return tip.dueAt ? { text: viCase.extend.done(tip.caseNumber, formatDateVN(tip.dueAt)), ok: true } : null;
    case "molai":
      return { text: viCase.reopen.done(tip.caseNumber), ok: true };
    case "trong":
      return { text: t.caseForms.emptyText, ok: false };
    default:
      return null;
  }
}

function TextForm(props: { action: string; title: string; hint: string; field: string; button: string; primary?: boolean }) {
  return (
    <form method="post" action={props.action} class="card">
      <h3>{props.title}</h3>
      <label>
        {props.hint}
        <textarea name={props.field} maxlength={TEXT_CHARS} rows={3} required />
      </label>
      <button class={props.primary ? "btn" : "btn alt"} type="submit">
        {props.button}
      </button>
    </form>
  );
}

/** The forms this staff member may use on this tip now (nothing when none applies). */
export async function CaseForms(props: { opts: ConsoleOptions; staff: StaffMember; tip: CaseTip }) {
  const { opts, staff, tip } = props;
  const path = tipPath(tip.id);
  const [officers, extension, reopen] = await Promise.all([
    assignableOfficers(opts, staff, tip.id),
    extensionDue(opts, staff, tip.id),
    reopenable(opts, staff, tip.id),
  ]);
  const forms = [];
  if (actionAllowed(tip.status, "ask") && mayOnTip(staff, "tip.handle", tip)) {
    forms.push(<TextForm action={`${path}/hoi`} title={t.caseForms.askTitle} hint={t.caseForms.askHint} field="question" button={t.caseForms.askButton} />);
  }
  if (actionAllowed(tip.status, "note") && mayOnTip(staff, "tip.note", tip)) {
    forms.push(<TextForm action={`${path}/ghichu`} title={t.caseForms.noteTitle} hint={t.caseForms.noteHint} field="note" button={t.caseForms.noteButton} />);
  }
  if (officers.ok) {
    forms.push(
      <form method="post" action={`${path}/giao`} class="card">
        <h3>{t.caseForms.assignTitle}</h3>
        {officers.officers.length === 0 ? (
          <p class="meta">{viCase.assign.nobody(tip.caseNumber)}</p>
        ) : (
          <>
            <label>
              {t.caseForms.assignHint}
              <select name="officer" required>
                {officers.officers.map((o) => (
                  <option value={String(o.id)}>{o.displayName}</option>
                ))}
              </select>
            </label>
            <button class="btn alt" type="submit">
              {t.caseForms.assignButton}
            </button>
          </>
        )}
      </form>,
    );
  }
  if (extension.ok) {
    forms.push(<TextForm action={`${path}/giahan`} title={t.caseForms.extendTitle(formatDateVN(extension.due))} hint={t.caseForms.reasonHint} field="reason" button={t.caseForms.extendButton} />);
  } else if (extension.reason === "no_more") {
    forms.push(<p class="meta">{viCase.extend.noMore(tip.caseNumber)}</p>);
  }
  if (reopen.ok) {
    forms.push(<TextForm action={`${path}/molai`} title={t.caseForms.reopenTitle} hint={t.caseForms.reasonHint} field="reason" button={t.caseForms.reopenButton} primary />);
  }
  return forms.length === 0 ? null : <div class="case-forms">{forms}</div>;
}

/** The typed text of a form, or null when the body does not parse. */
async function formText(c: Context<ConsoleEnv>, name: string): Promise<string | null> {
  const form = await readForm(c);
  return form ? field(form, name, TEXT_CHARS) : null;
}

type Outcome = { ok: true } | { ok: false; reason: string };

/** A domain answer as the browser sees it: done → back to the tip with its message; out of scope → 404. */
function answer(c: Context<ConsoleEnv>, id: number, outcome: Outcome, done: string): Response | Promise<Response> {
  const staff = c.get("staff");
  if (outcome.ok) return c.redirect(`${tipPath(id)}?kq=${done}`, 303);
  if (outcome.reason === "not_found") return sendPage(c, <Message title={t.errors.notFound} text={t.tip.notFound} staff={staff} />, 404);
  if (outcome.reason === "forbidden") return sendPage(c, <Message title={t.errors.forbidden} text={t.errors.forbidden} staff={staff} kind="err" />, 403);
  if (outcome.reason === "bad_officer") return sendPage(c, <Message title={t.errors.badRequest} text={viCase.assign.badOfficer} staff={staff} kind="err" />, 400);
  return c.redirect(`${tipPath(id)}?kq=refused`, 303);
}

export function caseRoutes(root: Hono<ConsoleEnv>, opts: ConsoleOptions): void {
  /** One route per form: the id and the typed text checked, then the domain function decides. */
  const textRoute = (path: string, field: string, run: (staff: StaffMember, id: number, text: string) => Promise<Outcome & { done?: string }>, done: string) => {
    root.post(`/tinbao/:id/${path}`, async (c) => {
      const id = parseTipId(c.req.param("id"));
      if (id === null) return answer(c, 0, { ok: false, reason: "not_found" }, done);
      const text = await formText(c, field);
      if (text === null) return badForm(c);
      if (!text) return c.redirect(`${tipPath(id)}?kq=trong`, 303);
      const outcome = await run(c.get("staff"), id, text);
      return answer(c, id, outcome, outcome.ok && outcome.done ? outcome.done : done);
    });
  };

  textRoute("hoi", "question", async (staff, id, text) => {
    const asked = await askTipster(opts, staff, id, text);
    if (!asked.ok) return asked.reason === "closed" ? { ok: false, reason: "not_allowed" } : asked;
    return { ok: true, done: asked.delivered ? "hoi" : asked.source !== "chat" ? "hoi-khong" : "hoi-luu" };
  }, "hoi");
  textRoute("ghichu", "note", (staff, id, text) => addNote(opts, staff, id, text), "ghichu");
  textRoute("giahan", "reason", (staff, id, text) => extendDeadline(opts, staff, id, text), "giahan");
  textRoute("molai", "reason", (staff, id, text) => reopenTip(opts, staff, id, text), "molai");

  root.post("/tinbao/:id/giao", async (c) => {
    const id = parseTipId(c.req.param("id"));
    const form = await readForm(c);
    if (!form) return badForm(c);
    const officer = typeof form.officer === "string" && /^[1-9][0-9]{0,9}$/.test(form.officer) ? Number(form.officer) : null;
    if (id === null) return answer(c, 0, { ok: false, reason: "not_found" }, "giao");
    const outcome = officer === null ? { ok: false as const, reason: "bad_officer" } : await assignTip(opts, c.get("staff"), id, officer);
    // Giving it to the officer who has it already changes nothing: said as the chat says it.
    if (!outcome.ok && outcome.reason === "same") return c.redirect(`${tipPath(id)}?kq=giao`, 303);
    return answer(c, id, outcome, "giao");
  });
}
