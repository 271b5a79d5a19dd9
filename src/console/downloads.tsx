// Downloads (/canbo/tai, issue 13): the tip register (sổ tiếp nhận, xử lý tin báo) as XLSX with its
// filters, and a review period's report as XLSX, a printable page and the chart. The same builders
// and scope checks as the chat's /sotinbao and /baocao (registerFile, periodReportFiles).
import type { Context, Hono } from "hono";
import { addMonths, monthOf, vnParts } from "../util/vietnam-time.js";
import { can, roleMay } from "../staff/roles.js";
import { communeRef } from "../compliance/service.js";
import { CAMPAIGNS, campaignPeriod, halfPeriod, monthPeriod as reviewMonth, periodLabel, quarterPeriod, yearPeriod, type ReviewPeriod } from "../compliance/periods.js";
import { periodReportFiles } from "../reports/files.js";
import { addFilterWord, monthPeriod, registerFile, registerOfficers, type RegisterFilter } from "../tips/register.js";
import { categories } from "../tips/categories.js";
import { tipSources } from "../tips/sources.js";
import { listVillages } from "../places/search.js";
import { vi } from "../i18n/vi.js";
import { viIntake } from "../i18n/vi-intake.js";
import { viCompliance } from "../i18n/vi-compliance.js";
import { viConsole as t } from "../i18n/vi-console.js";
import { Layout, Message, SelectField, sendPage } from "./layout.js";
import { CONSOLE_ROOT } from "./paths.js";
import type { ConsoleEnv, ConsoleOptions, StaffMember } from "./app.js";

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const REGISTER_MONTHS = 12;
const STATUSES = ["new", "taken", "verifying", "done", "unfounded"] as const;

/** The periods a report can be made for now: recent months, this and last year's quarters, halves, years and campaigns begun. */
export function reportPeriods(now: Date, dueDay: number): ReviewPeriod[] {
  const { year } = vnParts(now);
  const month = monthOf(now);
  const periods: ReviewPeriod[] = [];
  for (let i = 0; i < REGISTER_MONTHS; i++) periods.push(reviewMonth(addMonths(month, -i), dueDay));
  for (const y of [year, year - 1]) {
    for (let q = 4; q >= 1; q--) periods.push(quarterPeriod(y, q, dueDay));
    for (let h = 2; h >= 1; h--) periods.push(halfPeriod(y, h, dueDay));
    periods.push(yearPeriod(y, dueDay));
    for (const c of CAMPAIGNS) periods.push(campaignPeriod(c, y));
  }
  return periods.filter((p) => p.start <= now);
}

function attachment(c: Context, bytes: Uint8Array, type: string, fileName: string): Response {
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    "Content-Type": type,
    "Content-Disposition": `attachment; filename="${fileName}"`,
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  });
}

/** The commune whose files this staff member may download, or null. */
async function downloadCommune(opts: ConsoleOptions, staff: StaffMember) {
  if (staff.communeId === null) return null;
  const commune = await communeRef(opts.db, staff.communeId);
  return commune && (roleMay(staff.role, "tip.list") || roleMay(staff.role, "report.read")) ? commune : null;
}

export function downloadRoutes(root: Hono<ConsoleEnv>, opts: ConsoleOptions): void {
  const { db } = opts;
  const forbidden = (c: Context<ConsoleEnv>) => sendPage(c, <Message title={t.errors.forbidden} text={t.errors.forbidden} staff={c.get("staff")} />, 403);
  const bad = (c: Context<ConsoleEnv>) => sendPage(c, <Message title={t.errors.badRequest} text={t.errors.badRequest} staff={c.get("staff")} kind="err" />, 400);

  root.get("/tai", async (c) => {
    const staff = c.get("staff");
    const commune = await downloadCommune(opts, staff);
    if (!commune) return forbidden(c);
    const now = opts.now();
    const months = Array.from({ length: REGISTER_MONTHS }, (_, i) => addMonths(monthOf(now), -i));
    const [villages, officers] = await Promise.all([listVillages(db, commune.id), registerOfficers(db, commune.id)]);
    const mayRegister = can(staff, "tip.list", { communeId: commune.id });
    const mayReport = can(staff, "report.read", { communeId: commune.id, provinceId: commune.provinceId });
    return sendPage(
      c,
      <Layout title={t.downloads.title} staff={staff}>
        <h1>{t.downloads.title}</h1>
        {mayRegister ? (
          <section>
            <h2>{t.downloads.register}</h2>
            <form class="filters card" method="get" action={`${CONSOLE_ROOT}/tai/sotinbao.xlsx`}>
              <SelectField label={t.downloads.month} name="thang" options={months.map((m) => ({ value: m, label: viCompliance.period.month(m) }))} />
              <SelectField label={t.queue.filterStatus} name="trangthai" any={t.queue.anyStatusAll} options={STATUSES.map((x) => ({ value: x, label: vi.status[x] ?? x }))} />
              <SelectField label={t.queue.filterCategory} name="loai" any={t.queue.anyCategory} options={categories.map((x) => ({ value: x.id, label: x.label }))} />
              <SelectField label={t.queue.filterVillage} name="thon" any={t.queue.anyVillage} options={villages.map((v) => ({ value: v.code, label: v.name }))} />
              <SelectField label={t.downloads.source} name="nguon" any={t.downloads.anySource} options={tipSources.map((x) => ({ value: x.id, label: x.label }))} />
              <SelectField label={t.downloads.officer} name="canbo" any={t.downloads.anyOfficer} options={officers.map((o) => ({ value: String(o.id), label: o.displayName }))} />
              <button class="btn" type="submit">
                {t.downloads.registerButton}
              </button>
            </form>
          </section>
        ) : null}
        {mayReport ? (
          <section>
            <h2>{t.downloads.report}</h2>
            <form class="filters card" method="get" action={`${CONSOLE_ROOT}/tai/baocao`}>
              <SelectField label={t.downloads.period} name="ky" options={reportPeriods(now, opts.compliance.reportDueDay).map((p) => ({ value: p.key, label: periodLabel(viCompliance.period, p) }))} />
              <SelectField label={t.downloads.format} name="dang" options={[{ value: "xlsx", label: t.downloads.xlsx }, { value: "html", label: t.downloads.html }, { value: "svg", label: t.downloads.chart }]} />
              <button class="btn" type="submit">
                {t.downloads.reportButton}
              </button>
            </form>
          </section>
        ) : null}
      </Layout>,
    );
  });

  root.get("/tai/sotinbao.xlsx", async (c) => {
    const staff = c.get("staff");
    const commune = await downloadCommune(opts, staff);
    if (!commune) return forbidden(c);
    const month = monthOf(opts.now());
    const chosen = c.req.query("thang") ?? month;
    const months = Array.from({ length: REGISTER_MONTHS }, (_, i) => addMonths(month, -i));
    if (!months.includes(chosen)) return bad(c);
    // The filters are the chat's filter words (a status, category, source id or village code): one reader for both.
    const filter: RegisterFilter = {};
    const filters: string[] = [];
    for (const name of ["trangthai", "loai", "thon", "nguon"]) {
      const word = (c.req.query(name) ?? "").trim().slice(0, 32);
      if (!word) continue;
      const described = await addFilterWord(db, commune.id, filter, word);
      if (!described) return bad(c);
      filters.push(described);
    }
    const officerId = c.req.query("canbo") ?? "";
    if (officerId) {
      const officer = (await registerOfficers(db, commune.id)).find((o) => String(o.id) === officerId);
      if (!officer) return bad(c);
      filter.officerStaffId = officer.id;
      filters.push(viIntake.register.mine(officer.displayName));
    }
    const made = await registerFile(db, staff, commune, monthPeriod(chosen), filter, filters, opts.now(), opts.compliance.renderers?.register);
    if (made.ok) return attachment(c, made.bytes, XLSX_MIME, made.fileName);
    if (made.reason === "forbidden") return forbidden(c);
    const text = made.reason === "none" ? viIntake.register.none(made.periodText) : viIntake.register.unavailable;
    return sendPage(c, <Message title={t.downloads.register} text={text} staff={staff} />);
  });

  root.get("/tai/baocao", async (c) => {
    const staff = c.get("staff");
    const commune = await downloadCommune(opts, staff);
    if (!commune || !can(staff, "report.read", { communeId: commune.id, provinceId: commune.provinceId })) return forbidden(c);
    const now = opts.now();
    const period = reportPeriods(now, opts.compliance.reportDueDay).find((p) => p.key === c.req.query("ky"));
    const format = c.req.query("dang") ?? "xlsx";
    if (!period || !["xlsx", "html", "svg"].includes(format)) return bad(c);
    const files = await periodReportFiles(db, opts.compliance, commune, period, now);
    if (format === "html") {
      // The printable page, opened in the browser; its own styles only, nothing it could run.
      return c.body(files.html as Uint8Array<ArrayBuffer>, 200, {
        "Content-Type": "text/html; charset=utf-8",
        "Cache-Control": "private, no-store",
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
        "X-Content-Type-Options": "nosniff",
      });
    }
    if (format === "svg") return attachment(c, new TextEncoder().encode(files.svg), "image/svg+xml", `${files.stem}.svg`);
    if (!files.xlsx) return sendPage(c, <Message title={t.downloads.report} text={viCompliance.report.htmlOnly} staff={staff} />);
    return attachment(c, files.xlsx, XLSX_MIME, `${files.stem}.xlsx`);
  });
}
