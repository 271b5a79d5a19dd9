// The commune's own bulletins in the console (/canbo/bantin/viet, issue 15): a form to write a
// bulletin or urgent warning, the ones waiting for this person's approval with "Duyệt" / "Trả lại",
// and the commune's recent ones with "Phát ngay" once approved. Each form is a POST (CSRF-checked
// like every console form) to the functions the chat's /vietbantin and buttons call
// (src/bulletins/local.ts): scope, the approval rule and the airing are checked there. Another
// commune's bulletin is a 404 by every form and changes nothing.
import type { Context, Hono } from "hono";
import { roleMay } from "../staff/roles.js";
import { formatDateTimeVN } from "../util/vietnam-time.js";
import {
  airLocalBulletin,
  approverRole,
  checkText,
  checkTitle,
  findLocalBulletin,
  isLocalKind,
  LOCAL_KINDS,
  pendingForApprover,
  problemText,
  recentOfCommune,
  reviewLocalBulletin,
  submitLocalBulletin,
  TEXT_MAX,
  TITLE_MAX,
  type LocalKind,
} from "../bulletins/local.js";
import { viLocalBulletins } from "../i18n/vi-local-bulletins.js";
import { viConsole } from "../i18n/vi-console.js";
import { Layout, Message, sendPage } from "./layout.js";
import { badForm, readForm } from "./forms.js";
import { CONSOLE_ROOT } from "./paths.js";
import { AUDIENCE_KINDS, communeAudienceKinds, type AudienceKind } from "../bulletins/audiences.js";
import { viAudiences } from "../i18n/vi-audiences.js";
import type { ConsoleEnv, ConsoleOptions, StaffMember } from "./app.js";

const t = viLocalBulletins;
const tc = t.console;
export const LOCAL_BULLETINS_PATH = `${CONSOLE_ROOT}/bantin/viet`;
const ID = /^\d{1,12}$/;

interface FormValues {
  kind: LocalKind;
  title: string;
  text: string;
  audiences: AudienceKind[];
}

type Row = Awaited<ReturnType<typeof recentOfCommune>>[number];
type Pending = Awaited<ReturnType<typeof pendingForApprover>>[number];

function WritePage(props: { staff: StaffMember; pending: Pending[]; recent: Row[]; available: AudienceKind[]; values?: FormValues; error?: string | null; flash?: string | null }) {
  const v = props.values ?? { kind: "bulletin", title: "", text: "", audiences: [] };
  const ta = viAudiences.choose;
  const role = approverRole(props.staff.role);
  return (
    <Layout title={tc.title} staff={props.staff}>
      <h1>{tc.title}</h1>
      {props.flash ? <p class="ok">{props.flash}</p> : null}
      <p class="meta">{tc.intro}</p>
      <section class="card">
        {props.error ? <p class="err">{props.error}</p> : null}
        <form method="post" action={LOCAL_BULLETINS_PATH}>
          <div class="field">
            <label for="loai">{tc.kind}</label>
            <select id="loai" name="kind">
              {LOCAL_KINDS.map((k) => (
                <option value={k} selected={v.kind === k}>
                  {t.kinds[k]}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="tieude">{tc.heading}</label>
            <input id="tieude" name="title" value={v.title} maxlength={TITLE_MAX * 2} />
          </div>
          <div class="field">
            <label for="noidung">{tc.text}</label>
            <textarea id="noidung" name="text" rows={8} maxlength={TEXT_MAX * 2}>
              {v.text}
            </textarea>
          </div>
          {props.available.length > 0 ? (
            <fieldset class="field">
              <legend>{ta.consoleLegend}</legend>
              {props.available.map((k) => (
                <label>
                  <input type="checkbox" name={`audience_${k}`} value="1" checked={v.audiences.includes(k)} /> {ta[k]}
                </label>
              ))}
            </fieldset>
          ) : null}
          <p class="meta">{t.flow.previewApprover(t.approverOf[role] ?? role)}</p>
          <button class="btn" type="submit">
            {tc.submit}
          </button>
        </form>
      </section>
      <h2>{tc.pendingTitle}</h2>
      {props.pending.length === 0 ? <p class="note">{tc.pendingNone}</p> : null}
      {props.pending.map((p) => (
        <section class="card">
          <h3>{`${isLocalKind(p.kind) ? t.kinds[p.kind] : p.kind}: ${p.title}`}</h3>
          <p class="meta">{tc.writtenBy(p.writerName, formatDateTimeVN(p.createdAt))}</p>
          <p class="text">{p.text}</p>
          <form method="post" action={`${LOCAL_BULLETINS_PATH}/${p.id}/duyet`}>
            <button class="btn" type="submit">
              {tc.approve}
            </button>
          </form>
          <form method="post" action={`${LOCAL_BULLETINS_PATH}/${p.id}/tralai`}>
            <button class="btn alt" type="submit">
              {tc.return}
            </button>
          </form>
        </section>
      ))}
      <h2>{tc.recentTitle}</h2>
      {props.recent.length === 0 ? <p class="note">{tc.recentNone}</p> : null}
      <ul class="tips">
        {props.recent.map((r) => (
          <li>
            <span class="case">{tc.status[r.status] ?? r.status}</span> {`${isLocalKind(r.kind) ? t.kinds[r.kind] : r.kind}: ${r.title}`}
            <br />
            <span class="meta">{tc.writtenBy(r.writerName, formatDateTimeVN(r.createdAt))}</span>
            {r.status === "approved" && !r.aired ? (
              <form method="post" action={`${LOCAL_BULLETINS_PATH}/${r.id}/phatngay`}>
                <button class="btn" type="submit">
                  {tc.airNow}
                </button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
    </Layout>
  );
}

/** What the page says after a form's redirect (?kq=…&so=<id>), with the bulletin's title. */
const FLASH: Record<string, (title: string, approvers: string) => string> = {
  gui: (title) => tc.flash.submitted(title),
  guichua: (title, approvers) => t.flow.submittedNoApprover(title, approvers),
  duyet: (title) => tc.flash.approved(title),
  tralai: (title) => t.review.returned(title),
  phat: (title) => t.air.queuedNow(title),
};

export function localBulletinRoutes(root: Hono<ConsoleEnv>, opts: ConsoleOptions): void {
  const { db } = opts;
  const deps = { db, keys: opts.keys, now: opts.now, log: opts.log };
  const forbidden = (c: Context<ConsoleEnv>, text: string = viConsole.errors.forbidden) =>
    sendPage(c, <Message title={viConsole.errors.forbidden} text={text} staff={c.get("staff")} kind="err" back={{ href: LOCAL_BULLETINS_PATH, label: tc.back }} />, 403);
  const notFound = (c: Context<ConsoleEnv>) => sendPage(c, <Message title={viConsole.errors.notFound} text={t.review.notFound} staff={c.get("staff")} back={{ href: LOCAL_BULLETINS_PATH, label: tc.back }} />, 404);
  const mayUse = (staff: StaffMember) => staff.communeId !== null && roleMay(staff.role, "bulletin.write");

  async function page(c: Context<ConsoleEnv>, extra: { values?: FormValues; error?: string | null; flash?: string | null } = {}, status: 200 | 400 = 200) {
    const staff = c.get("staff");
    const [pending, recent, available] = await Promise.all([pendingForApprover(db, staff), recentOfCommune(db, staff), staff.communeId === null ? [] : communeAudienceKinds(db, staff.communeId)]);
    return sendPage(c, <WritePage staff={staff} pending={pending} recent={recent} available={available} {...extra} />, status);
  }

  root.get("/bantin/viet", async (c) => {
    if (!mayUse(c.get("staff"))) return forbidden(c);
    const done = c.req.query("kq") ?? "";
    const id = c.req.query("so") ?? "";
    const lb = Object.hasOwn(FLASH, done) && ID.test(id) ? await findLocalBulletin(db, c.get("staff"), Number(id)) : null;
    const role = approverRole(c.get("staff").role);
    return page(c, { flash: lb ? FLASH[done]!(lb.title, t.approverOf[role] ?? role) : null });
  });

  root.post("/bantin/viet", async (c) => {
    const staff = c.get("staff");
    if (!mayUse(staff)) return forbidden(c);
    const form = await readForm(c);
    if (!form) return badForm(c);
    const kind = typeof form.kind === "string" && isLocalKind(form.kind) ? form.kind : "bulletin";
    const title = typeof form.title === "string" ? form.title.slice(0, TITLE_MAX * 4) : "";
    const text = typeof form.text === "string" ? form.text.slice(0, TEXT_MAX * 4) : "";
    const audiences = AUDIENCE_KINDS.filter((k) => form[`audience_${k}`] === "1");
    const values = { kind, title, text, audiences };
    const problem = checkTitle(title) ?? checkText(text);
    if (problem) return page(c, { values, error: problemText(problem, problem.startsWith("title") ? title : text) }, 400);
    const outcome = await submitLocalBulletin(deps, staff, values);
    if (!outcome.ok) return outcome.reason === "forbidden" ? forbidden(c) : page(c, { values, error: problemText(outcome.reason, text) }, 400);
    return c.redirect(`${LOCAL_BULLETINS_PATH}?kq=${outcome.approvers > 0 ? "gui" : "guichua"}&so=${outcome.id}`, 303);
  });

  for (const [path, decision] of [["duyet", "approve"], ["tralai", "return"]] as const) {
    root.post(`/bantin/viet/:id/${path}`, async (c) => {
      const staff = c.get("staff");
      const id = c.req.param("id");
      if (!mayUse(staff) || !ID.test(id)) return notFound(c);
      const outcome = await reviewLocalBulletin(deps, staff, Number(id), decision);
      if (!outcome.ok) {
        if (outcome.reason === "not_found") return notFound(c);
        if (outcome.reason === "self") return forbidden(c, t.review.self);
        if (outcome.reason === "forbidden") return forbidden(c, t.review.forbidden(outcome.approverLabel ?? ""));
        return page(c, { flash: t.review.handled });
      }
      return c.redirect(`${LOCAL_BULLETINS_PATH}?kq=${path}&so=${outcome.id}`, 303);
    });
  }

  root.post("/bantin/viet/:id/phatngay", async (c) => {
    const staff = c.get("staff");
    const id = c.req.param("id");
    if (!mayUse(staff) || !ID.test(id)) return notFound(c);
    const outcome = await airLocalBulletin(deps, staff, Number(id), "now");
    if (!outcome.ok) {
      if (outcome.reason === "not_found") return notFound(c);
      if (outcome.reason === "forbidden") return forbidden(c);
      return page(c, { flash: outcome.reason === "busy" ? t.air.busy : outcome.reason === "aired_before" ? t.air.airedBefore : t.air.notApproved });
    }
    return c.redirect(`${LOCAL_BULLETINS_PATH}?kq=phat&so=${id}`, 303);
  });
}

