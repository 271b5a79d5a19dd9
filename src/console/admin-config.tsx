// The admin's configuration pages (/canbo/quantri, issue 13): a commune's bulletin schedule and
// languages (read and changed), the criteria set in effect for it, the check of a criteria file
// (every problem listed, nothing kept), and the rankings (a province's communes, a commune's
// villages) as tables with a bar chart. Every read and write is a domain function with its one
// scope check (src/bulletins/admin.ts, src/staff/admin.ts, src/compliance/ranking.ts): out of
// scope is a 404, as for a code that does not exist.
import type { Context, Hono } from "hono";
import { bulletinSettingsAs, setCommuneLanguagesAs, setScheduleAs } from "../bulletins/admin.js";
import { languageLabel, languages as registry, BASE_LANGUAGE } from "../bulletins/languages.js";
import { formatSlot } from "../bulletins/messages.js";
import { scheduleSettings } from "../bulletins/schedule.js";
import { checkCriteriaFile, type CriteriaSet } from "../compliance/criteria.js";
import { provinceRankingAs, villageRankingAs } from "../compliance/ranking.js";
import { requiredText } from "../reports/describe.js";
import { communeInScope } from "../staff/admin.js";
import { addMonths, formatMonthVN, monthOf, type MonthKey } from "../util/vietnam-time.js";
import { DAY_NAMES, dayList, viBulletins } from "../i18n/vi-bulletins.js";
import { viConsoleAdmin as a } from "../i18n/vi-console-admin.js";
import { Layout, Message, sendPage } from "./layout.js";
import { ADMIN_ROOT, communeAdminPath } from "./paths.js";
import { communeIdByCode, notFound } from "./admin-common.js";
import { badForm, field, readForm, type PostedForm } from "./forms.js";
import type { ConsoleEnv, ConsoleOptions, StaffMember } from "./app.js";

const b = a.bulletins;
const MAX_CRITERIA_BYTES = 256 * 1024;
const MONTHS_BACK = 11;
const CHART_ROWS = 40;

/** The repeated values of a form field (ticked boxes), strings only. */
function values(form: PostedForm, name: string): string[] {
  const raw = form[name];
  return (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((x): x is string => typeof x === "string").slice(0, 20);
}

const BackLinks = (props: { code: string; name: string }) => (
  <p>
    <a href={communeAdminPath(props.code)}>{a.backToCommune(props.name)}</a>
  </p>
);

type Settings = NonNullable<Awaited<ReturnType<typeof bulletinSettingsAs>>>;

function SchedulePage(props: { staff: StaffMember; s: Settings; flash?: string; error?: string; typed?: { days: string[]; times: string; enabled: boolean; repeat: boolean } }) {
  const { s } = props;
  const path = `${communeAdminPath(s.commune.code)}/lichphat`;
  const typed = props.typed ?? { days: s.schedule.days.map(String), times: s.schedule.times.join(", "), enabled: s.enabled, repeat: s.repeatWithinDay };
  const labels = (codes: string[]) => codes.map(languageLabel).join(", ");
  return (
    <Layout title={b.title(s.commune.name)} staff={props.staff}>
      <BackLinks code={s.commune.code} name={s.commune.name} />
      <h1>{b.title(s.commune.name)}</h1>
      {props.flash ? <p class="ok">{props.flash}</p> : null}
      {props.error ? <p class="err">{props.error}</p> : null}
      <h2>{b.scheduleHeading}</h2>
      <p id="lich">{b.current(viBulletins.schedule.describe(dayList(s.schedule.days), s.schedule.times.join(", ")))}</p>
      <p class="meta">{s.enabled ? b.running : b.paused}</p>
      {s.next ? <p id="tiep">{b.next(formatSlot(s.next))}</p> : null}
      <form class="card" method="post" action={path}>
        <fieldset>
          <legend>{b.days}</legend>
          {[1, 2, 3, 4, 5, 6, 7].map((d) => (
            <label class="choice">
              <input type="checkbox" name="ngay" value={String(d)} checked={typed.days.includes(String(d))} /> {DAY_NAMES[d]}
            </label>
          ))}
        </fieldset>
        <div class="field">
          <label for="gio">{b.times}</label>
          <input id="gio" name="gio" value={typed.times} maxlength={120} inputmode="text" />
        </div>
        <label class="choice">
          <input type="checkbox" name="bat" value="1" checked={typed.enabled} /> {b.enabled}
        </label>
        <label class="choice">
          <input type="checkbox" name="phatlai" value="1" checked={typed.repeat} /> {b.repeat}
        </label>
        <button class="btn" type="submit">
          {b.save}
        </button>
      </form>

      <h2>{b.languagesHeading}</h2>
      <p id="ngonngu-xa">{b.languagesNow(labels(s.languages))}</p>
      <form class="card" method="post" action={`${communeAdminPath(s.commune.code)}/ngonngu`}>
        <p class="meta">{b.languagesHelp}</p>
        <fieldset>
          {registry.map((l) => (
            <label class="choice">
              <input type="checkbox" name="ngonngu" value={l.code} checked={l.code === BASE_LANGUAGE || s.languages.includes(l.code)} disabled={l.code === BASE_LANGUAGE} /> {languageLabel(l.code)}
            </label>
          ))}
        </fieldset>
        <button class="btn" type="submit">
          {b.languagesSave}
        </button>
      </form>
      {s.villages.length > 0 ? (
        <>
          <p>{b.villagesOwn}</p>
          <ul>
            {s.villages.map((v) => (
              <li>{b.villageLine(v.name, v.code, labels(v.languages))}</li>
            ))}
          </ul>
        </>
      ) : null}
    </Layout>
  );
}

function CriteriaTable(props: { set: CriteriaSet }) {
  const c = a.criteria;
  return (
    <>
      <p>
        <strong>{c.setLine(props.set.name, props.set.province !== null)}</strong>
      </p>
      <p class="meta">{c.source(props.set.source)}</p>
      <table>
        <thead>
          <tr>
            <th>{c.columns.text}</th>
            <th>{c.columns.threshold}</th>
            <th>{c.columns.source}</th>
          </tr>
        </thead>
        <tbody>
          {props.set.criteria.map((x) => (
            <tr data-criterion={x.id}>
              <td>
                {x.text}
                <div class="meta">{c.level[x.level]}</div>
              </td>
              <td>{requiredText(x)}</td>
              <td class="meta">{x.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function CheckForm() {
  const c = a.criteria;
  return (
    <form class="card" method="post" action={`${ADMIN_ROOT}/tieuchi/kiemtra`} enctype="multipart/form-data">
      <p class="meta">{c.checkHelp}</p>
      <div class="field">
        <label for="tep">{c.file}</label>
        <input id="tep" name="tep" type="file" accept=".json,application/json" />
      </div>
      <div class="field">
        <label for="noidung">{c.orPaste}</label>
        <textarea id="noidung" name="noidung" rows={6} />
      </div>
      <button class="btn" type="submit">
        {c.check}
      </button>
    </form>
  );
}

/** A horizontal bar per row: criteria met out of the total (the first rows of the table). */
function Bars(props: { rows: { label: string; met: number; total: number }[] }) {
  const rows = props.rows.slice(0, CHART_ROWS);
  const h = 22;
  const label = (text: string) => ([...text].length > 18 ? `${[...text].slice(0, 17).join("")}…` : text);
  return (
    <svg viewBox={`0 0 360 ${rows.length * h + 4}`} width="100%" role="img" aria-label={a.ranking.chartTitle}>
      <title>{a.ranking.chartTitle}</title>
      {rows.map((r, i) => (
        <g>
          <title>{a.ranking.barLabel(r.label, r.met, r.total)}</title>
          <text x="0" y={String(i * h + 16)} font-size="12" fill="#1d1d1f">
            {label(r.label)}
          </text>
          <rect x="130" y={String(i * h + 5)} width="190" height="14" fill="#eee" />
          <rect x="130" y={String(i * h + 5)} width={String(r.total > 0 ? Math.round((190 * r.met) / r.total) : 0)} height="14" fill="#8b1a1a" />
          <text x="324" y={String(i * h + 16)} font-size="12" fill="#1d1d1f">{`${r.met}/${r.total}`}</text>
        </g>
      ))}
    </svg>
  );
}

function MonthForm(props: { action: string; months: MonthKey[]; month: MonthKey }) {
  return (
    <form class="filters" method="get" action={props.action}>
      <label>
        {a.ranking.month}
        <select name="thang">
          {props.months.map((m) => (
            <option value={m} selected={m === props.month}>
              {formatMonthVN(m)}
            </option>
          ))}
        </select>
      </label>
      <button class="btn alt" type="submit">
        {a.ranking.show}
      </button>
    </form>
  );
}

export function configRoutes(root: Hono<ConsoleEnv>, opts: ConsoleOptions): void {
  const { db } = opts;

  async function schedulePage(c: Context<ConsoleEnv>, extra: { flash?: string; error?: string; typed?: { days: string[]; times: string; enabled: boolean; repeat: boolean } } = {}, status: 200 | 400 = 200) {
    const staff = c.get("staff");
    const id = await communeIdByCode(db, c.req.param("code") ?? "");
    const s = id === null ? null : await bulletinSettingsAs(db, staff, id, opts.now());
    if (!s) return notFound(c);
    return sendPage(c, <SchedulePage staff={staff} s={s} {...extra} />, status);
  }

  root.get("/quantri/xa/:code/lichphat", (c) => {
    const kq = c.req.query("kq");
    return schedulePage(c, { flash: kq === "lich" ? b.saved : kq === "ngonngu" ? b.languagesSaved : undefined });
  });

  root.post("/quantri/xa/:code/lichphat", async (c) => {
    const staff = c.get("staff");
    const id = await communeIdByCode(db, c.req.param("code"));
    if (id === null) return notFound(c);
    const form = await readForm(c, { all: true });
    if (!form) return badForm(c);
    const typed = { days: values(form, "ngay"), times: field(form, "gio", 120), enabled: values(form, "bat").includes("1"), repeat: values(form, "phatlai").includes("1") };
    const result = await setScheduleAs(db, staff, id, { days: typed.days, times: typed.times, enabled: typed.enabled, repeatWithinDay: typed.repeat }, opts.now());
    if (!result.ok && result.reason === "not_found") return notFound(c);
    if (!result.ok) {
      const p = result.problem;
      const error = p.error === "bad_day" || p.error === "bad_time" ? b.errors[p.error](p.word) : p.error === "too_many_times" ? b.errors.too_many_times(scheduleSettings.maxTimesPerDay) : b.errors[p.error];
      return schedulePage(c, { error, typed }, 400);
    }
    return c.redirect(`${communeAdminPath(c.req.param("code").toUpperCase())}/lichphat?kq=lich`, 303);
  });

  root.post("/quantri/xa/:code/ngonngu", async (c) => {
    const staff = c.get("staff");
    const id = await communeIdByCode(db, c.req.param("code"));
    if (id === null) return notFound(c);
    const form = await readForm(c, { all: true });
    if (!form) return badForm(c);
    const result = await setCommuneLanguagesAs(db, staff, id, values(form, "ngonngu").join(","), opts.now());
    if (!result.ok && result.reason === "not_found") return notFound(c);
    if (!result.ok) return schedulePage(c, { error: result.problem.error === "unknown" ? b.languagesUnknown(result.problem.unknown.join(", ").slice(0, 120)) : b.languagesEmpty }, 400);
    return c.redirect(`${communeAdminPath(c.req.param("code").toUpperCase())}/lichphat?kq=ngonngu`, 303);
  });

  root.get("/quantri/xa/:code/tieuchi", async (c) => {
    const staff = c.get("staff");
    const id = await communeIdByCode(db, c.req.param("code"));
    const commune = id === null ? null : await communeInScope(db, staff, id);
    if (!commune) return notFound(c);
    const criteria = opts.compliance.criteria;
    const village = criteria.villageForProvince(commune.province.code);
    return sendPage(
      c,
      <Layout title={a.criteria.title(commune.name)} staff={staff}>
        <BackLinks code={commune.code} name={commune.name} />
        <h1>{a.criteria.title(commune.name)}</h1>
        <h2>{a.criteria.communeSet}</h2>
        <CriteriaTable set={criteria.forProvince(commune.province.code)} />
        <h2>{a.criteria.villageSet}</h2>
        {village ? <CriteriaTable set={village} /> : <p class="note">{a.criteria.noVillageSet}</p>}
        <p>
          <a href={`${ADMIN_ROOT}/tieuchi/kiemtra`}>{a.criteria.checkLink}</a>
        </p>
      </Layout>,
    );
  });

  const checkPage = (c: Context<ConsoleEnv>, result?: { ok: boolean; text: string; errors: string[] }, status: 200 | 400 = 200) =>
    sendPage(
      c,
      <Layout title={a.criteria.checkTitle} staff={c.get("staff")}>
        <p>
          <a href={ADMIN_ROOT}>{a.home}</a>
        </p>
        <h1>{a.criteria.checkTitle}</h1>
        {result ? (
          <>
            <p class={result.ok ? "ok" : "err"} id="ketqua">
              {result.text}
            </p>
            {result.errors.length > 0 ? (
              <ul class="errors">
                {result.errors.map((e) => (
                  <li>{e}</li>
                ))}
              </ul>
            ) : null}
            <h2>{a.criteria.again}</h2>
          </>
        ) : null}
        <CheckForm />
      </Layout>,
      status,
    );

  root.get("/quantri/tieuchi/kiemtra", (c) => checkPage(c));

  root.post("/quantri/tieuchi/kiemtra", async (c) => {
    const fail = (text: string) => checkPage(c, { ok: false, text, errors: [] }, 400);
    if (Number(c.req.header("content-length") ?? "0") > MAX_CRITERIA_BYTES * 2 + 4096) return fail(a.criteria.tooBig(MAX_CRITERIA_BYTES / 1024));
    const form = await readForm(c);
    if (!form) return badForm(c);
    const file = form.tep instanceof File && form.tep.size > 0 ? form.tep : null;
    if (file && file.size > MAX_CRITERIA_BYTES) return fail(a.criteria.tooBig(MAX_CRITERIA_BYTES / 1024));
    const text = file ? await file.text() : typeof form.noidung === "string" ? form.noidung : "";
    if (text.length > MAX_CRITERIA_BYTES) return fail(a.criteria.tooBig(MAX_CRITERIA_BYTES / 1024));
    if (!text.trim()) return fail(a.criteria.noFile);
    let input: unknown;
    try {
      input = JSON.parse(text);
    } catch {
      return fail(a.criteria.notJson);
    }
    // The file's own name decides its kind as on the server (HTI.json, HTI.village.json…); a pasted text goes by its content.
    const name = file ? file.name.split(/[\\/]/).pop()!.slice(0, 64) : null;
    const checked = checkCriteriaFile(name, input, opts.compliance.criteria);
    const kind = a.criteria.kind[checked.kind] ?? checked.kind;
    if (checked.ok) return checkPage(c, { ok: true, text: a.criteria.valid(kind, checked.set.name, checked.set.criteria.length), errors: [] });
    return checkPage(c, { ok: false, text: a.criteria.invalid(kind, checked.errors.length), errors: checked.errors.slice(0, 200) }, 400);
  });

  /** The month asked for (?thang=YYYY-MM among the last twelve), the current one when none; null when bad. */
  function monthAsked(c: Context<ConsoleEnv>): { month: MonthKey; months: MonthKey[] } | null {
    const current = monthOf(opts.now());
    const months = Array.from({ length: MONTHS_BACK + 1 }, (_, i) => addMonths(current, -i));
    const raw = c.req.query("thang");
    if (raw === undefined || raw === "") return { month: current, months };
    return months.includes(raw) ? { month: raw, months } : null;
  }
  const badMonth = (c: Context<ConsoleEnv>) => sendPage(c, <Message title={a.ranking.month} text={a.ranking.badMonth} staff={c.get("staff")} kind="err" back={{ href: ADMIN_ROOT, label: a.home }} />, 400);

  root.get("/quantri/xa/:code/xephang", async (c) => {
    const staff = c.get("staff");
    const id = await communeIdByCode(db, c.req.param("code"));
    if (id === null) return notFound(c);
    const asked = monthAsked(c);
    if (!asked) return badMonth(c);
    const ranking = await villageRankingAs(db, opts.compliance, staff, id, asked.month);
    if (!ranking) return notFound(c);
    const r = a.ranking;
    const title = r.villagesTitle(ranking.commune.name, formatMonthVN(asked.month));
    const rows = ranking.rows ?? [];
    return sendPage(
      c,
      <Layout title={title} staff={staff}>
        <BackLinks code={ranking.commune.code} name={ranking.commune.name} />
        <h1>{title}</h1>
        <MonthForm action={`${communeAdminPath(ranking.commune.code)}/xephang`} months={asked.months} month={asked.month} />
        {ranking.rows === null ? <p class="note">{r.noSet}</p> : rows.length === 0 ? <p class="note">{r.noVillages}</p> : null}
        {rows.length > 0 ? (
          <>
            <p class="meta">{r.byCriteria(ranking.setName ?? "")}</p>
            <Bars rows={rows.map((x) => ({ label: x.name, met: x.met, total: x.total }))} />
            <table>
              <thead>
                <tr>
                  <th>{r.columns.rank}</th>
                  <th>{r.columns.village}</th>
                  <th>{r.columns.met}</th>
                  <th>{r.columns.notMet}</th>
                  <th>{r.columns.reach}</th>
                  <th>{r.columns.notes}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((x) => (
                  <tr data-village={x.code}>
                    <td>{String(x.rank)}</td>
                    <td>{x.name}</td>
                    <td>{`${x.met}/${x.total}`}</td>
                    <td>{String(x.notMet)}</td>
                    <td>{ranking.reported.get(x.villageId) ? String(x.reach) : r.notReported}</td>
                    <td>{[x.praise ? r.praise : "", x.criticism.length > 0 ? r.criticism : ""].filter(Boolean).join("; ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
      </Layout>,
    );
  });

  root.get("/quantri/xephang/:province", async (c) => {
    const staff = c.get("staff");
    const raw = c.req.param("province");
    const province = /^[A-Za-z0-9-]{2,16}$/.test(raw) ? await db.province.findUnique({ where: { code: raw.toUpperCase() }, select: { id: true } }) : null;
    if (!province) return notFound(c);
    const asked = monthAsked(c);
    if (!asked) return badMonth(c);
    const ranking = await provinceRankingAs(db, opts.compliance, staff, province.id, asked.month);
    if (!ranking) return notFound(c);
    const r = a.ranking;
    const title = r.provinceTitle(ranking.province.name, formatMonthVN(asked.month));
    return sendPage(
      c,
      <Layout title={title} staff={staff}>
        <p>
          <a href={ADMIN_ROOT}>{a.home}</a>
        </p>
        <h1>{title}</h1>
        <MonthForm action={`${ADMIN_ROOT}/xephang/${ranking.province.code}`} months={asked.months} month={asked.month} />
        {ranking.rows.length === 0 ? <p class="note">{r.none}</p> : null}
        {ranking.rows.length > 0 ? (
          <>
            <p class="meta">{r.byCriteria(ranking.setName)}</p>
            <Bars rows={ranking.rows.map((x) => ({ label: x.commune.name, met: x.met, total: x.total }))} />
            <table>
              <thead>
                <tr>
                  <th>{r.columns.rank}</th>
                  <th>{r.columns.commune}</th>
                  <th>{r.columns.met}</th>
                  <th>{r.columns.unknown}</th>
                  <th>{r.columns.reported}</th>
                </tr>
              </thead>
              <tbody>
                {ranking.rows.map((x, i) => (
                  <tr data-commune={x.commune.code}>
                    <td>{String(i + 1)}</td>
                    <td>{x.commune.name}</td>
                    <td>{`${x.met}/${x.total}`}</td>
                    <td>{String(x.unknown)}</td>
                    <td>{`${x.villagesReported}/${x.villages}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
      </Layout>,
    );
  });
}
