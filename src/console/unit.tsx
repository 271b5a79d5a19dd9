// A reporting unit's monthly figures on one page (/canbo/donvi, issues 13 and 14): the unit's own
// figures (units.json) as fields, prefilled with this month's saved numbers or else last month's,
// each refusal at its field; saving is the chat's /capnhat save for units (saveUnitFigures: scope,
// revision, conflict). Only a unit's member has this page; the commune's leaders read every unit
// on /canbo/thang.
import type { Context, Hono } from "hono";
import { addMonths, formatDateTimeVN, formatMonthVN } from "../util/vietnam-time.js";
import { unitByKind, type ReportingUnit } from "../compliance/units.js";
import { saveUnitFigures, unitFiguresAs } from "../compliance/unit-figures.js";
import { findCommuneById } from "../places/search.js";
import { viConsole as t } from "../i18n/vi-console.js";
import { viUnits } from "../i18n/vi-units.js";
import { Layout, Message, sendPage } from "./layout.js";
import { badForm, readForm } from "./forms.js";
import { FigureInputs, MonthLinks, type FiguresFormState, basedOnOf, monthOfQuery, readFigureFields, shownValues } from "./figure-inputs.js";
import { CONSOLE_ROOT } from "./paths.js";
import type { ConsoleEnv, ConsoleOptions, StaffMember } from "./app.js";

const UNIT_PAGE = `${CONSOLE_ROOT}/donvi`;

interface UnitView extends FiguresFormState {
  unit: ReportingUnit;
  commune: { id: number; name: string };
}

function UnitPage(props: { staff: StaffMember; view: UnitView; now: Date }) {
  const { view } = props;
  const errorCount = Object.keys(view.errors).length;
  return (
    <Layout title={t.unit.title} staff={props.staff}>
      <h1>{t.unit.heading(formatMonthVN(view.month), view.unit.name, view.commune.name)}</h1>
      {view.flash ? <p class="ok">{view.flash}</p> : null}
      {errorCount > 0 ? <p class="err">{t.village.errors(errorCount)}</p> : null}
      {view.note ? <p class="note">{view.note}</p> : null}
      <MonthLinks path={UNIT_PAGE} month={view.month} now={props.now} />
      <form method="post" action={`${UNIT_PAGE}?thang=${view.month}`}>
        <input type="hidden" name="basedOn" value={String(view.basedOn)} />
        <FigureInputs fields={view.unit.fields} typed={view.typed} errors={view.errors} />
        <p class="meta">{t.village.emptyMeans}</p>
        <button class="btn" type="submit">
          {t.village.save}
        </button>
      </form>
    </Layout>
  );
}

export function unitRoutes(root: Hono<ConsoleEnv>, opts: ConsoleOptions): void {
  const { db } = opts;
  const forbidden = (c: Context<ConsoleEnv>, text: string = t.errors.forbidden) => sendPage(c, <Message title={t.errors.forbidden} text={text} staff={c.get("staff")} />, 403);

  /** The member's unit and commune, or null: the domain functions check the scope again on every read and save. */
  async function unitOf(staff: StaffMember) {
    const unit = staff.role === "reporting_unit" ? unitByKind(staff.unitKind) : undefined;
    const commune = unit && staff.communeId !== null ? await findCommuneById(db, staff.communeId) : null;
    return unit && commune ? { unit, commune: { id: commune.id, name: commune.name } } : null;
  }

  root.get("/donvi", async (c) => {
    const staff = c.get("staff");
    const mine = await unitOf(staff);
    if (!mine) return forbidden(c, staff.role === "reporting_unit" ? viUnits.form.noUnit : t.errors.forbidden);
    const month = monthOfQuery(c.req.query("thang"), opts.now());
    if (!month) return forbidden(c);
    const read = await unitFiguresAs(db, staff, mine.commune.id, mine.unit.kind, month);
    if (!read.ok) return forbidden(c);
    const last = read.figures ? null : await unitFiguresAs(db, staff, mine.commune.id, mine.unit.kind, addMonths(month, -1));
    const lastFigures = last?.ok ? last.figures : null;
    const values = read.figures?.values ?? lastFigures?.values ?? {};
    const note = read.figures ? t.village.savedAt(read.figures.version, formatDateTimeVN(read.figures.updatedAt)) : lastFigures ? t.village.fromLastMonth : null;
    const flash = c.req.query("kq") === "ok" && read.figures ? t.unit.saved(formatMonthVN(month), mine.unit.name, read.figures.version) : null;
    const view = { ...mine, month, basedOn: read.figures?.version ?? 0, typed: shownValues(mine.unit.fields, values), errors: {}, note, flash };
    return sendPage(c, <UnitPage staff={staff} view={view} now={opts.now()} />);
  });

  root.post("/donvi", async (c) => {
    const staff = c.get("staff");
    const mine = await unitOf(staff);
    const month = monthOfQuery(c.req.query("thang"), opts.now());
    if (!mine || !month) return forbidden(c);
    const form = await readForm(c);
    if (!form) return badForm(c);
    const basedOn = basedOnOf(form);
    const { typed, errors, values } = readFigureFields(form, mine.unit.fields);
    const page = (view: Partial<UnitView>) => sendPage(c, <UnitPage staff={staff} now={opts.now()} view={{ ...mine, month, basedOn, typed, errors: {}, note: null, flash: null, ...view }} />, 400);
    if (Object.keys(errors).length > 0) return page({ errors });
    const result = await saveUnitFigures(db, staff, { communeId: mine.commune.id, unitKind: mine.unit.kind, month, values, basedOnVersion: basedOn, now: opts.now() });
    if (!result.ok && result.reason === "not_found") return forbidden(c);
    if (!result.ok) {
      // Someone of the unit saved in between: nothing saved, the typed numbers kept to send again over the new version.
      const fresh = await unitFiguresAs(db, staff, mine.commune.id, mine.unit.kind, month);
      return page({ basedOn: fresh.ok ? (fresh.figures?.version ?? basedOn) : basedOn, note: t.unit.conflict });
    }
    return c.redirect(`${UNIT_PAGE}?thang=${month}&kq=ok`, 303);
  });
}
