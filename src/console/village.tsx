// The village's monthly figures on one page (/canbo/thon, issue 13): every figure of figures.json as
// a field, prefilled with what was saved this month or else last month's numbers, each refusal shown
// at its field; saving is the chat's /capnhat save (saveVillageFigures: scope, revision, conflict).
import type { Context, Hono } from "hono";
import { addMonths, formatDateTimeVN, formatMonthVN } from "../util/vietnam-time.js";
import { can } from "../staff/roles.js";
import { FIGURE_FIELDS } from "../compliance/fields.js";
import { figuresOf, saveVillageFigures } from "../compliance/service.js";
import { dropFigureDraft, findFigureDraft, saveFigureDraft } from "../compliance/figure-drafts.js";
import { headAiringsToday } from "../bulletins/head-airings.js";
import { findVillageByCode, findVillageWithCommune, listVillages } from "../places/search.js";
import { messagesFor } from "../i18n/messages.js";
import { viConsole as t } from "../i18n/vi-console.js";
import { Layout, Message, sendPage } from "./layout.js";
import { badForm, readForm } from "./forms.js";
import { FigureInputs, MonthLinks, type FiguresFormState, basedOnOf, monthOfQuery, readFigureFields, shownValues } from "./figure-inputs.js";
import { CONSOLE_ROOT } from "./paths.js";
import type { ConsoleEnv, ConsoleOptions, StaffMember } from "./app.js";

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

interface FormView extends FiguresFormState {
  village: Village;
  /** The page shows the person's draft (kept for them, shared with /capnhat), which can be dropped. */
  hasDraft?: boolean;
}

function FiguresPage(props: { staff: StaffMember; view: FormView; villages: { code: string; name: string }[]; airingsToday?: number; now: Date }) {
  const { view } = props;
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
      <MonthLinks path={`${CONSOLE_ROOT}/thon`} query={`thon=${view.village.code}`} month={view.month} now={props.now} />
      <form method="post" action={`${CONSOLE_ROOT}/thon?thon=${view.village.code}&thang=${view.month}`}>
        <input type="hidden" name="basedOn" value={String(view.basedOn)} />
        <FigureInputs fields={FIGURE_FIELDS} typed={view.typed} errors={view.errors} />
        <p class="meta">{t.village.emptyMeans}</p>
        <div class="actions">
          <button class="btn" type="submit" name="action" value="save">
            {t.village.save}
          </button>
          <button class="btn alt" type="submit" name="action" value="draft">
            {t.village.saveDraft}
          </button>
        </div>
      </form>
      {view.hasDraft ? (
        <form method="post" action={`${CONSOLE_ROOT}/thon?thon=${view.village.code}&thang=${view.month}`}>
          <input type="hidden" name="basedOn" value={String(view.basedOn)} />
          <button class="btn alt" type="submit" name="action" value="dropdraft">
            {t.village.dropDraft}
          </button>
        </form>
      ) : null}
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
    const key = { staffId: staff.id, villageId: village.id, month };
    let draft = await findFigureDraft(db, key);
    let stale = false;
    if (draft && draft.basedOn !== (saved?.version ?? 0)) {
      // Figures were saved since the draft began (here or in the chat): its numbers would overwrite newer ones unseen.
      await dropFigureDraft(db, key);
      draft = null;
      stale = true;
    }
    const values = { ...(saved?.values ?? last?.values ?? {}), ...(draft?.values ?? {}) };
    const typed = shownValues(FIGURE_FIELDS, values);
    const kq = c.req.query("kq");
    const note = draft
      ? t.village.draftShown(Object.keys(draft.values).length, formatDateTimeVN(draft.updatedAt))
      : stale
        ? msg.compliance.form.draftStale
        : saved
          ? t.village.savedAt(saved.version, formatDateTimeVN(saved.updatedAt))
          : last
            ? t.village.fromLastMonth
            : null;
    const flash = kq === "ok" && saved ? msg.compliance.form.saved(month, village.name, saved.version, village.code) : kq === "nhap" && draft ? t.village.draftSaved(Object.keys(draft.values).length) : kq === "bonhap" && !draft ? t.village.draftDropped : null;
    const airingsToday = await headAiringsToday(db, staff, opts.now());
    return sendPage(c, <FiguresPage staff={staff} now={opts.now()} villages={await villagesOf(staff, village)} airingsToday={airingsToday} view={{ village, month, basedOn: saved?.version ?? 0, typed, errors: {}, note, flash, hasDraft: !!draft }} />);
  });

  root.post("/thon", async (c) => {
    const staff = c.get("staff");
    const village = await villageFor(opts, staff, c.req.query("thon"));
    const month = monthOfQuery(c.req.query("thang"), opts.now());
    if (!village || !month) return forbidden(c);
    const form = await readForm(c);
    if (!form) return badForm(c);
    const basedOn = basedOnOf(form);
    const key = { staffId: staff.id, villageId: village.id, month };
    const back = (kq: string) => c.redirect(`${CONSOLE_ROOT}/thon?thon=${village.code}&thang=${month}&kq=${kq}`, 303);
    if (form.action === "dropdraft") {
      await dropFigureDraft(db, key);
      return back("bonhap");
    }
    const { typed, errors, values } = readFigureFields(form, FIGURE_FIELDS);
    const villages = await villagesOf(staff, village);
    if (form.action === "draft") {
      // What reads is kept for this person (the chat's /capnhat offers to go on from its first empty figure); a refused number is shown at its field, not kept.
      const firstEmpty = FIGURE_FIELDS.findIndex((f) => values[f.id] === undefined);
      await saveFigureDraft(db, key, { basedOn, values, index: firstEmpty === -1 ? FIGURE_FIELDS.length : firstEmpty, now: opts.now() });
      if (Object.keys(errors).length === 0) return back("nhap");
      const note = t.village.draftSavedExcept(Object.keys(values).length, Object.keys(errors).length);
      return sendPage(c, <FiguresPage staff={staff} now={opts.now()} villages={villages} view={{ village, month, basedOn, typed, errors, note, flash: null, hasDraft: true }} />, 400);
    }
    if (Object.keys(errors).length > 0) {
      return sendPage(c, <FiguresPage staff={staff} now={opts.now()} villages={villages} view={{ village, month, basedOn, typed, errors, note: null, flash: null }} />, 400);
    }
    const result = await saveVillageFigures(db, staff, { villageId: village.id, month, values, basedOnVersion: basedOn, now: opts.now() });
    if (!result.ok && result.reason === "forbidden") return forbidden(c);
    if (!result.ok) {
      // Someone saved in between: nothing saved, the typed numbers kept on the page to send again over the new version.
      const fresh = await figuresOf(db, village.id, month);
      return sendPage(c, <FiguresPage staff={staff} now={opts.now()} villages={villages} view={{ village, month, basedOn: fresh?.version ?? basedOn, typed, errors: {}, note: t.village.conflict, flash: null }} />, 400);
    }
    await dropFigureDraft(db, key);
    return back("ok");
  });
}
