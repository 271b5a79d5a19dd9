// The leader's month at a glance (/canbo/thang): the criteria ✅/❌/❔ with what is missing, from the
// compliance service the chat's /tieuchi uses, tip counts by status (/tinbao_tk's numbers), and the
// six-month chart the report code draws (/bieudo's SVG), served as an image of this site.
import type { Hono } from "hono";
import { formatMonthVN, monthOf } from "../util/vietnam-time.js";
import { can } from "../staff/roles.js";
import { communeMonth, communeRef, communeTrend, tipStatsFor, villageRecognition } from "../compliance/service.js";
import { communeUnitsAs } from "../compliance/unit-figures.js";
import { formatNumberVN } from "../compliance/month.js";
import { notBroadcastText, recognitionReason } from "../reports/describe.js";
import { sourceLabel } from "../tips/sources.js";
import { trendChartSvg } from "../reports/chart.js";
import { vi } from "../i18n/vi.js";
import { viCompliance } from "../i18n/vi-compliance.js";
import { viData } from "../i18n/vi-data.js";
import { viUnits } from "../i18n/vi-units.js";
import { viConsole as t } from "../i18n/vi-console.js";
import { Layout, Message, sendPage } from "./layout.js";
import { CONSOLE_ROOT } from "./paths.js";
import type { ConsoleEnv, ConsoleOptions, StaffMember } from "./app.js";

const STATUSES = ["new", "taken", "verifying", "done", "unfounded"] as const;

/** The commune whose month this staff member may read, or null. */
async function readableCommune(opts: ConsoleOptions, staff: StaffMember) {
  if (staff.communeId === null) return null;
  const commune = await communeRef(opts.db, staff.communeId);
  if (!commune || !can(staff, "stats.read", { communeId: commune.id, provinceId: commune.provinceId })) return null;
  return commune;
}

export function monthRoutes(root: Hono<ConsoleEnv>, opts: ConsoleOptions): void {
  const { db } = opts;

  root.get("/thang", async (c) => {
    const staff = c.get("staff");
    const commune = await readableCommune(opts, staff);
    if (!commune) return sendPage(c, <Message title={t.errors.forbidden} text={t.errors.forbidden} staff={staff} />, 403);
    const month = monthOf(opts.now());
    const [cm, stats, units] = await Promise.all([communeMonth(db, opts.compliance, commune, month), tipStatsFor(db, commune.id, month, opts.now()), communeUnitsAs(db, staff, commune.id, [month])]);
    const review = villageRecognition(opts.compliance, cm);
    const icon = { qualifies: viCompliance.status.met, fails: viCompliance.status.not_met, unknown: viCompliance.status.unknown } as const;
    return sendPage(
      c,
      <Layout title={t.nav.month} staff={staff}>
        <h1>{t.month.title(formatMonthVN(month), commune.name)}</h1>
        <section>
          <h2>{t.month.criteria}</h2>
          <p class="meta">{t.month.criteriaSet(cm.criteriaSetName)}</p>
          <p>{t.month.counts(cm.counts.met, cm.counts.not_met, cm.counts.unknown)}</p>
          <ul class="tips">
            {cm.results.map((r) => {
              const missing = [...new Set(r.missing.flatMap((m) => m.villages).filter((v): v is string => v !== null))];
              return (
                <li class="card" data-status={r.status}>
                  <span title={viCompliance.statusWord[r.status]}>{viCompliance.status[r.status]}</span> {r.text}
                  {missing.length > 0 ? (
                    <>
                      <br />
                      <span class="meta">{t.month.missing(missing.join(", "))}</span>
                    </>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
        {review && review.villages.length > 0 ? (
          <section>
            <h2>{t.month.villages}</h2>
            <p>{t.month.villagesCount(review.villages.filter((v) => v.status === "qualifies").length, review.villages.length)}</p>
            <ul class="tips">
              {review.villages.map((v) => (
                <li class="card" data-status={v.status === "qualifies" ? "met" : v.status === "fails" ? "not_met" : "unknown"}>
                  <span title={viCompliance.report.recognitionWord[v.status]}>{icon[v.status]}</span> {v.name}
                  {v.status !== "qualifies" ? (
                    <>
                      <br />
                      <span class="meta">{recognitionReason(v)}</span>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <section>
          <h2>{t.month.tips}</h2>
          {stats.total === 0 ? (
            <p class="meta">{t.month.tipsNone}</p>
          ) : (
            <>
              <p>{t.month.tipsTotal(stats.total, stats.open, stats.closed)}</p>
              <p>{viCompliance.tips.medianTake(stats.medianTakeMinutes)}</p>
              <p class={stats.overdue > 0 ? "err" : "meta"}>{viCompliance.tips.overdue(stats.overdue)}</p>
              <table>
                <tbody>
                  {STATUSES.map((s) => (
                    <tr>
                      <th>{vi.status[s]}</th>
                      <td>{stats.byStatus[s] ?? 0}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <h3>{t.month.bySource}</h3>
              <table>
                <tbody>
                  {stats.bySource.map((s) => (
                    <tr>
                      <th>{sourceLabel(s.source)}</th>
                      <td>{s.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>
        <section>
          <h2>{t.month.coverage}</h2>
          {cm.coverageKnown ? (
            <div class="wide">
              <table>
                <thead>
                  <tr>
                    <th>{viCompliance.report.colVillage}</th>
                    <th>{viCompliance.report.colDelivered}</th>
                    <th>{viCompliance.report.colConfirmed}</th>
                    <th>{viCompliance.report.colNotBroadcast}</th>
                  </tr>
                </thead>
                <tbody>
                  {cm.villages.map((v) => (
                    <tr data-village={v.code}>
                      <th>{v.name}</th>
                      <td>{formatNumberVN(v.coverage?.slotsDelivered ?? 0)}</td>
                      <td>{formatNumberVN(v.coverage?.confirmedBroadcast ?? 0)}</td>
                      <td>{(v.coverage?.noHead ?? 0) > 0 && (v.coverage?.slotsDelivered ?? 0) === 0 ? t.month.noHead : notBroadcastText(v.coverage)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p class="meta">{t.month.coverageNone}</p>
          )}
        </section>
        {units.ok ? (
          <section>
            <h2>{t.month.units}</h2>
            <p>{viUnits.report.reportedOf(units.units.filter((u) => u.figures).length, units.units.length)}</p>
            <ul class="tips">
              {units.units.map((u) => (
                <li class="card" data-status={u.figures ? "met" : "unknown"} data-unit={u.unit.kind}>
                  <span title={u.figures ? t.month.unitSent : t.month.unitNotSent}>{u.figures ? viCompliance.status.met : viCompliance.status.unknown}</span> <b>{u.unit.name}</b>
                  <br />
                  <span class="meta">
                    {u.figures
                      ? u.unit.fields.map((f) => viUnits.summary.figure(f.label, u.figures!.values[f.id] === undefined ? viUnits.report.missing : formatNumberVN(u.figures!.values[f.id]!))).join("; ")
                      : t.month.unitNotSent}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <section>
          <h2>{t.month.chart}</h2>
          <img class="chart" src={`${CONSOLE_ROOT}/thang/bieudo.svg`} alt={t.month.chartAlt} width="800" height="400" />
        </section>
      </Layout>,
    );
  });

  root.get("/thang/bieudo.svg", async (c) => {
    const staff = c.get("staff");
    const commune = await readableCommune(opts, staff);
    if (!commune) return sendPage(c, <Message title={t.errors.forbidden} text={t.errors.forbidden} staff={staff} />, 403);
    const trend = await communeTrend(db, opts.compliance, commune, monthOf(opts.now()), 6);
    const svg = trendChartSvg(trend, `${viCompliance.report.chartTitle} — ${viData.commune(commune.name)}`);
    return c.body(svg, 200, { "Content-Type": "image/svg+xml; charset=utf-8", "Cache-Control": "private, no-store", "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'" });
  });
}
