// Sending a tip on and marking it (issue 12 in the console, issue 13): transfer to another commune
// of the province (search, pick, reason) or to a police unit, "Trùng tin" with the original's case
// number, "Tin rác" and its undo, each behind a confirmation. Every POST calls the chat's domain
// function (src/tips/transfer.ts, src/tips/marks.ts), which checks role, commune and status itself.
import type { Context, Hono } from "hono";
import { transferCommunes, transferKinds, transferToCommune, transferToUnit, type TransferFailure } from "../tips/transfer.js";
import { markable, markDuplicate, markSpam, spamMarked, unmarkSpam, type DuplicateOutcome } from "../tips/marks.js";
import { transferUnits } from "../tips/units.js";
import { tipScopeTarget } from "../tips/scope.js";
import { isOpen } from "../tips/status.js";
import { viTransfer } from "../i18n/vi-transfer.js";
import { viMarks } from "../i18n/vi-marks.js";
import { viConsole as t } from "../i18n/vi-console.js";
import { Layout, Message, sendPage } from "./layout.js";
import { badForm, field, readForm } from "./forms.js";
import { CONSOLE_ROOT, tipPath, parseTipId } from "./paths.js";
import type { ConsoleEnv, ConsoleOptions, StaffMember } from "./app.js";

const QUERY_CHARS = 80;
const REASON_CHARS = 500;

interface MovableTip {
  id: number;
  caseNumber: string;
  status: string;
  communeId: number;
  villageId: number | null;
  hold: string | null;
}

/** What the page says after one of these forms (the chat's words). */
export function moveFlash(kind: string | undefined, tip: { caseNumber: string }): string | null {
  switch (kind) {
    case "trung":
      return t.moves.duplicateDone(tip.caseNumber);
    case "rac":
      return viMarks.spam.done(tip.caseNumber);
    case "khongrac":
      return viMarks.spam.undone(tip.caseNumber);
    case "khongrac-mo":
      return viMarks.spam.undoneReopened(tip.caseNumber);
    default:
      return null;
  }
}

function ReasonField() {
  return (
    <label>
      {t.moves.reason}
      <textarea name="reason" maxlength={REASON_CHARS} rows={2} required />
    </label>
  );
}

/** A one-button form behind a box to tick (a change that is hard to take back by mistake). */
function ConfirmForm(props: { action: string; title: string; text: string; button: string }) {
  return (
    <form method="post" action={props.action} class="card">
      <h3>{props.title}</h3>
      <label>
        <input type="checkbox" name="confirm" value="yes" required /> {props.text}
      </label>
      <button class="btn alt" type="submit">
        {props.button}
      </button>
    </form>
  );
}

/** The transfer and marking forms this staff member may use on this tip now. */
export async function MoveForms(props: { opts: ConsoleOptions; staff: StaffMember; tip: MovableTip }) {
  const { opts, staff, tip } = props;
  const path = tipPath(tip.id);
  const open = isOpen(tip.status) && tip.hold === null;
  const kinds = open ? transferKinds(staff, tipScopeTarget(tip)) : [];
  const [mark, spam] = await Promise.all([markable(opts, staff, tip.id), spamMarked(opts, staff, tip.id)]);
  const forms = [];
  if (kinds.includes("commune")) {
    forms.push(
      <form method="get" action={`${path}/chuyen`} class="card">
        <h3>{t.moves.toCommune}</h3>
        <label>
          {t.moves.communeQuery}
          <input name="q" maxlength={QUERY_CHARS} required />
        </label>
        <button class="btn alt" type="submit">
          {t.moves.search}
        </button>
      </form>,
    );
  }
  if (kinds.includes("unit")) {
    forms.push(
      <form method="post" action={`${path}/chuyen`} class="card">
        <h3>{t.moves.toUnit}</h3>
        <input type="hidden" name="kind" value="unit" />
        <label>
          {t.moves.unit}
          <select name="unit" required>
            {transferUnits.map((u) => (
              <option value={u.id}>{u.label}</option>
            ))}
          </select>
        </label>
        <ReasonField />
        <p class="meta">{viTransfer.flow.summaryUnit}</p>
        <button class="btn alt" type="submit">
          {viTransfer.buttons.confirm}
        </button>
      </form>,
    );
  }
  if (mark.ok) {
    forms.push(
      <form method="post" action={`${path}/trung`} class="card">
        <h3>{viMarks.buttons.duplicate}</h3>
        <label>
          {t.moves.original}
          <input name="original" maxlength={40} required />
        </label>
        <button class="btn alt" type="submit">
          {t.moves.markDuplicate}
        </button>
      </form>,
      <ConfirmForm action={`${path}/rac`} title={viMarks.buttons.spam} text={t.moves.spamConfirm} button={viMarks.buttons.confirmSpam} />,
    );
  }
  if (spam.ok) {
    forms.push(<ConfirmForm action={`${path}/khongrac`} title={viMarks.buttons.notSpam} text={t.moves.notSpamConfirm} button={viMarks.buttons.confirmNotSpam} />);
  }
  return forms.length === 0 ? null : <div class="case-forms">{forms}</div>;
}


export function moveRoutes(root: Hono<ConsoleEnv>, opts: ConsoleOptions): void {
  const back = (id: number) => ({ href: tipPath(id), label: t.tip.backToTip });
  const notFound = (c: Context<ConsoleEnv>) => sendPage(c, <Message title={t.errors.notFound} text={t.tip.notFound} staff={c.get("staff")} />, 404);
  const refused = (c: Context<ConsoleEnv>, id: number, text: string, status: 400 | 403 = 400) => sendPage(c, <Message title={t.moves.refusedTitle} text={text} staff={c.get("staff")} kind="err" back={back(id)} />, status);

  /** A transfer refusal in the chat's words; out of scope is a 404 as everywhere. */
  function transferRefused(c: Context<ConsoleEnv>, id: number, failure: TransferFailure) {
    const w = viTransfer.refused;
    const caseNumber = failure.caseNumber ?? "";
    switch (failure.reason) {
      case "not_found":
        return notFound(c);
      case "forbidden":
        return refused(c, id, w.unitForbidden, 403);
      case "closed":
        return refused(c, id, w.closed(caseNumber));
      case "held":
        return refused(c, id, w.held(caseNumber));
      case "moved":
        return refused(c, id, w.moved(caseNumber));
      case "bad_unit":
        return refused(c, id, w.badUnit);
      default:
        return refused(c, id, w.badCommune);
    }
  }

  // The communes matching what was typed: pick one, give the reason, confirm in one form.
  root.get("/tinbao/:id/chuyen", async (c) => {
    const staff = c.get("staff");
    const id = parseTipId(c.req.param("id"));
    if (id === null) return notFound(c);
    const query = (c.req.query("q") ?? "").trim().slice(0, QUERY_CHARS);
    const found = await transferCommunes(opts, staff, id, query);
    if (!found.ok) return transferRefused(c, id, found);
    const f = viTransfer.flow;
    const none = found.communes.length === 0;
    const text = none ? (found.refusal === "same_commune" ? f.sameCommune : found.refusal === "other_province" ? f.otherProvince(query) : f.noMatch(query)) : found.more ? f.tooMany : null;
    return sendPage(
      c,
      <Layout title={found.caseNumber} staff={staff}>
        <p>
          <a href={tipPath(id)}>{t.tip.backToTip}</a>
        </p>
        <h1>{t.moves.transferTitle(found.caseNumber)}</h1>
        {text ? <p class={none ? "err" : "note"}>{text}</p> : null}
        <form method="get" action={`${tipPath(id)}/chuyen`} class="card">
          <label>
            {t.moves.communeQuery}
            <input name="q" maxlength={QUERY_CHARS} value={query} required />
          </label>
          <button class="btn alt" type="submit">
            {t.moves.search}
          </button>
        </form>
        {none ? null : (
          <form method="post" action={`${tipPath(id)}/chuyen`} class="card">
            <input type="hidden" name="kind" value="commune" />
            <fieldset>
              <legend>{t.moves.pickCommune}</legend>
              {found.communes.map((x, i) => (
                <label class="choice">
                  <input type="radio" name="commune" value={String(x.id)} checked={i === 0} required /> {viTransfer.buttons.commune(x.name, x.code)}
                </label>
              ))}
            </fieldset>
            <ReasonField />
            <p class="meta">{f.summaryCommune}</p>
            <button class="btn" type="submit">
              {viTransfer.buttons.confirm}
            </button>
          </form>
        )}
      </Layout>,
    );
  });

  root.post("/tinbao/:id/chuyen", async (c) => {
    const staff = c.get("staff");
    const id = parseTipId(c.req.param("id"));
    if (id === null) return notFound(c);
    const form = await readForm(c);
    if (!form) return badForm(c);
    const reason = field(form, "reason", REASON_CHARS);
    if (!reason) return refused(c, id, viTransfer.flow.reasonEmpty);
    if (form.kind === "unit") {
      const done = await transferToUnit(opts, staff, id, field(form, "unit", 40), reason);
      if (!done.ok) return transferRefused(c, id, done);
      return sendPage(c, <Message title={done.caseNumber} text={viTransfer.flow.doneUnit(done.caseNumber, done.to)} staff={staff} kind="ok" back={back(id)} />);
    }
    const communeId = /^[1-9][0-9]{0,9}$/.test(field(form, "commune", 12)) ? Number(form.commune) : null;
    if (form.kind !== "commune" || communeId === null) return transferRefused(c, id, { ok: false, reason: "bad_commune" });
    const done = await transferToCommune(opts, staff, id, communeId, reason);
    if (!done.ok) return transferRefused(c, id, done);
    // The tip is the other commune's now: back to the queue, not to a page this officer can no longer open.
    return sendPage(c, <Message title={done.caseNumber} text={viTransfer.flow.doneCommune(done.caseNumber, done.to)} staff={staff} kind="ok" back={{ href: `${CONSOLE_ROOT}/tinbao`, label: t.tip.back }} />);
  });

  root.post("/tinbao/:id/trung", async (c) => {
    const staff = c.get("staff");
    const id = parseTipId(c.req.param("id"));
    if (id === null) return notFound(c);
    const form = await readForm(c);
    if (!form) return badForm(c);
    const typed = field(form, "original", 40);
    if (!typed) return refused(c, id, viMarks.duplicate.empty);
    const done: DuplicateOutcome = await markDuplicate(opts, staff, id, typed);
    if (done.ok) return c.redirect(`${tipPath(id)}?kq=trung`, 303);
    const d = viMarks.duplicate;
    switch (done.reason) {
      case "not_found":
        return notFound(c);
      case "forbidden":
        return refused(c, id, t.errors.forbidden, 403);
      case "unknown_case":
        return refused(c, id, d.unknown(done.typed));
      case "other_commune":
        return refused(c, id, d.otherCommune(done.typed));
      case "same_tip":
        return refused(c, id, d.same(done.caseNumber));
      case "original_closed":
        return refused(c, id, d.originalClosed(done.typed));
      default:
        return c.redirect(`${tipPath(id)}?kq=refused`, 303);
    }
  });

  /** Whether the box "confirm" was ticked; null when the body does not parse. */
  const confirmed = async (c: Context<ConsoleEnv>) => {
    const form = await readForm(c);
    return form ? form.confirm === "yes" : null;
  };

  root.post("/tinbao/:id/rac", async (c) => {
    const id = parseTipId(c.req.param("id"));
    if (id === null) return notFound(c);
    const ticked = await confirmed(c);
    if (ticked === null) return badForm(c);
    if (!ticked) return refused(c, id, t.moves.confirmNeeded);
    const done = await markSpam(opts, c.get("staff"), id);
    if (done.ok) return c.redirect(`${tipPath(id)}?kq=rac`, 303);
    if (done.reason === "not_found") return notFound(c);
    if (done.reason === "forbidden") return refused(c, id, t.errors.forbidden, 403);
    return c.redirect(`${tipPath(id)}?kq=refused`, 303);
  });

  root.post("/tinbao/:id/khongrac", async (c) => {
    const id = parseTipId(c.req.param("id"));
    if (id === null) return notFound(c);
    const ticked = await confirmed(c);
    if (ticked === null) return badForm(c);
    if (!ticked) return refused(c, id, t.moves.confirmNeeded);
    const done = await unmarkSpam(opts, c.get("staff"), id);
    if (done.ok) return c.redirect(`${tipPath(id)}?kq=${done.reopened ? "khongrac-mo" : "khongrac"}`, 303);
    if (done.reason === "not_found") return notFound(c);
    if (done.reason === "forbidden") return refused(c, id, t.errors.forbidden, 403);
    if (done.reason === "not_spam") return refused(c, id, viMarks.spam.notMarked(done.caseNumber));
    return c.redirect(`${tipPath(id)}?kq=refused`, 303);
  });
}
