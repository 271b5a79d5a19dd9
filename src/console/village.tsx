// The village's monthly figures on one page (/canbo/thon, issue 13): every figure of figures.json as
// a field, prefilled with what was saved this month or else last month's numbers, each refusal shown
// at its field; saving is the chat's /capnhat save (saveVillageFigures: scope, revision, conflict).
import type { Context, Hono } from "hono";
import { addMonths, formatDateTimeVN, formatMonthVN, monthOf, type MonthKey } from "../util/vietnam-time.js";
import { can } from "../staff/roles.js";
import { FIGURE_FIELDS, brokenRelations, checkRelation, parseFieldInput, problemText, type FigureField, type FigureValues } from "../compliance/fields.js";
import { figuresOf, saveVillageFigures } from "../compliance/service.js";
import { headAiringsToday } from "../bulletins/head-airings.js";
import { findVillageByCode, findVillageWithCommune, listVillages } from "../places/search.js";
import { messagesFor } from "../i18n/messages.js";
import { viConsole as t } from "../i18n/vi-console.js";
import { Layout, Message, sendPage } from "./layout.js";
import { badForm, readForm } from "./forms.js";
import { CONSOLE_ROOT } from "./paths.js";
import type { ConsoleEnv, ConsoleOptions, StaffMember } from "./app.js";

const MONTHS_BACK = 24;
const FIELD_PREFIX = "f_";
const msg = messagesFor("vi");

type Village = NonNullable<Awaited<ReturnType<typeof findVillageWithCommune>>>;

/** The village this staff member enters figures for: a village head's own; an officer's by code. */
async function villageFor(opts: ConsoleOptions, staff: StaffMember, code: string | undefined): Promise<Village | null> {
  const byCode = code ? await findVillageByCode(opts.db, code.slice(0, 16).toUpperCase()) : null;
  const id = byCode?.id ?? staff.villageId;
  const village = id ? await findVillageWithCommune(opts.db, id) : null;
  if (!village || !can(staff, "figures.write", { communeId: village.communeId, villageId: village.id, provinceId: village.commune.provinceId })) return null;
  return village;
}

function monthOfQuery(raw: string | undefined, now: Date): MonthKey | null {
  const current = monthOf(now);
  if (!raw) return current;
  const months = Array.from({ length: MONTHS_BACK + 1 }, (_, i) => addMonths(current, -i));
  return months.includes(raw) ? raw : null;
}

const shown = (field: FigureField, value: number | undefined) => (value === undefined ? "" : field.kind === "yesno" ? (value >= 1 ? "co" : "khong") : String(value));

interface FormView {
  village: Village;
  month: MonthKey;
  basedOn: number;
  /** What each field shows: typed text, or the stored value. */
  typed: Record<string, string>;
  errors: Record<string, string>;
  note: string | null;
  flash: string | null;
}

function FiguresPage(props: { staff: StaffMember; view: FormView; villages: { code: string; name: string }[]; airingsToday?: number }) {
  const { view } = props;
  let group = "";
  const errorCount = Object.keys(view.errors).length;
  return (
    <Layout title={t.village.title} staff={props.staff}>
      <h1>{t.village.heading(formatMonthVN(view.month), view.village.name, view.village.commune.name)}</h1>
      {view.flash ? <p class="ok">{view.flash}</p> : null}
      {errorCount > 0 ? <p class="err">{t.village.errors(errorCount)}</p> : null}
      {view.note ? <p class="note">{view.note}</p> : null}
      {props.airingsToday ? (
        <div class="card">
          <h2>{t.headBulletin.todayCard}</h2>
          <p>{t.headBulletin.todayCount(props.airingsToday)}</p>
          <a class="btn alt" href={`${CONSOLE_ROOT}/bantin`}>
            {t.headBulletin.todayLink}
          </a>
        </div>
      ) : null}
      {props.villages.length > 1 ? (
        <form class="filters card" method="get" action={`${CONSOLE_ROOT}/thon`}>
          <label>
            {t.queue.filterVillage}
            <select name="thon">
              {props.villages.map((v) => (
                <option value={v.code} selected={v.code === view.village.code}>
                  {v.name}
                </option>
              ))}
            </select>
          </label>
          <input type="hidden" name="thang" value={view.month} />
          <button class="btn alt" type="submit">
            {t.village.switch}
          </button>
        </form>
      ) : null}
      <form method="post" action={`${CONSOLE_ROOT}/thon?thon=${view.village.code}&thang=${view.month}`}>
        <input type="hidden" name="basedOn" value={String(view.basedOn)} />
        {FIGURE_FIELDS.map((f) => {
          const header = f.group !== group ? ((group = f.group), <h2>{f.group}</h2>) : null;
          const error = view.errors[f.id];
          const name = `${FIELD_PREFIX}${f.id}`;
          return (
            <>
              {header}
              <div class={error ? "card field bad" : "card field"}>
                <label for={name}>{f.question}</label>
                {f.kind === "yesno" ? (
                  <select id={name} name={name}>
                    <option value="">{t.village.unknown}</option>
                    <option value="co" selected={view.typed[f.id] === "co"}>
                      {msg.compliance.form.yes}
                    </option>
                    <option value="khong" selected={view.typed[f.id] === "khong"}>
                      {msg.compliance.form.no}
                    </option>
                  </select>
                ) : (
                  <input id={name} name={name} inputmode="numeric" maxlength={12} value={view.typed[f.id] ?? ""} aria-invalid={error ? "true" : undefined} />
                )}
                {error ? <p class="err">{error}</p> : null}
              </div>
            </>
          );
        })}
        <p class="meta">{t.village.emptyMeans}</p>
        <button class="btn" type="submit">
          {t.village.save}
        </button>
      </form>
    </Layout>
  );
}

export function villageRoutes(root: Hono<ConsoleEnv>, opts: ConsoleOptions): void {
  const { db } = opts;
  const forbidden = (c: Context<ConsoleEnv>) => sendPage(c, <Message title={t.errors.forbidden} text={t.errors.forbidden} staff={c.get("staff")} />, 403);

  async function villagesOf(staff: StaffMember, village: Village) {
    // A village head sees only their village; an officer may switch among the commune's.
    return staff.role === "village_head" ? [] : listVillages(db, village.communeId);
  }

  root.get("/thon", async (c) => {
    const staff = c.get("staff");
    const village = await villageFor(opts, staff, c.req.query("thon"));
    const month = monthOfQuery(c.req.query("thang"), opts.now());
    if (!village || !month) return forbidden(c);
    const saved = await figuresOf(db, village.id, month);
    const last = saved ? null : await figuresOf(db, village.id, addMonths(month, -1));
    const values = saved?.values ?? last?.values ?? {};
    const typed = Object.fromEntries(FIGURE_FIELDS.map((f) => [f.id, shown(f, values[f.id])]));
    const note = saved ? t.village.savedAt(saved.version, formatDateTimeVN(saved.updatedAt)) : last ? t.village.fromLastMonth : null;
    const flash = c.req.query("kq") === "ok" && saved ? msg.compliance.form.saved(month, village.name, saved.version, village.code) : null;
    const airingsToday = await headAiringsToday(db, staff, opts.now());
    return sendPage(c, <FiguresPage staff={staff} villages={await villagesOf(staff, village)} airingsToday={airingsToday} view={{ village, month, basedOn: saved?.version ?? 0, typed, errors: {}, note, flash }} />);
  });

  root.post("/thon", async (c) => {
    const staff = c.get("staff");
    const village = await villageFor(opts, staff, c.req.query("thon"));
    const month = monthOfQuery(c.req.query("thang"), opts.now());
    if (!village || !month) return forbidden(c);
    const form = await readForm(c);
    if (!form) return badForm(c);
    const basedOn = typeof form.basedOn === "string" && /^\d{1,6}$/.test(form.basedOn) ? Number(form.basedOn) : 0;
    const typed: Record<string, string> = {};
    const errors: Record<string, string> = {};
    const values: FigureValues = {};
    // Each field read as the chat reads a typed answer, in order, so "at most" compares with the fields above.
    for (const f of FIGURE_FIELDS) {
      const raw = form[`${FIELD_PREFIX}${f.id}`];
      const text = typeof raw === "string" ? raw.trim().slice(0, 40) : "";
      typed[f.id] = text;
      if (!text) continue;
      const parsed = parseFieldInput(f, f.kind === "yesno" ? (text === "co" ? msg.compliance.form.yes : text === "khong" ? msg.compliance.form.no : text) : text);
      if (!parsed.ok) {
        errors[f.id] = problemText(msg, parsed.problem, f);
        continue;
      }
      const relation = checkRelation(f, parsed.value, values);
      if (relation) errors[f.id] = problemText(msg, relation, f);
      else values[f.id] = parsed.value;
    }
    for (const f of brokenRelations(values)) errors[f.id] ??= problemText(msg, checkRelation(f, values[f.id]!, values)!, f);
    const villages = await villagesOf(staff, village);
    if (Object.keys(errors).length > 0) {
      return sendPage(c, <FiguresPage staff={staff} villages={villages} view={{ village, month, basedOn, typed, errors, note: null, flash: null }} />, 400);
    }
    const result = await saveVillageFigures(db, staff, { villageId: village.id, month, values, basedOnVersion: basedOn, now: opts.now() });
    if (!result.ok && result.reason === "forbidden") return forbidden(c);
    if (!result.ok) {
      // Someone saved in between: nothing saved, the typed numbers kept on the page to send again over the new version.
      const fresh = await figuresOf(db, village.id, month);
      return sendPage(c, <FiguresPage staff={staff} villages={villages} view={{ village, month, basedOn: fresh?.version ?? basedOn, typed, errors: {}, note: t.village.conflict, flash: null }} />, 400);
    }
    return c.redirect(`${CONSOLE_ROOT}/thon?thon=${village.code}&thang=${month}&kq=ok`, 303);
  });
}
