// The frame of every console page: a header with the staff member's links and "Đăng xuất" (a
// POST form, like every action), and the page's own content. No inline script or style (the one
// script, the translator's recorder, is a file of this site: src/console/recorder.ts).
import type { Child } from "hono/jsx";
import type { Context } from "hono";
import type { StaffScope } from "../staff/roles.js";
import { roleMay } from "../staff/roles.js";
import { viConsole as t } from "../i18n/vi-console.js";
import { viLocalBulletins } from "../i18n/vi-local-bulletins.js";
import { viConsoleAdmin } from "../i18n/vi-console-admin.js";
import { CONSOLE_STYLE } from "./style.js";
import { CONSOLE_ROOT } from "./paths.js";

const ICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='6' fill='%238b1a1a'/%3E%3Cpath d='M6 26V12l4 3V9l6 4 6-4v6l4-3v14z' fill='%23fff'/%3E%3C/svg%3E";

export function Layout(props: { title: string; staff?: StaffScope | null; children?: Child }) {
  const staff = props.staff;
  return (
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${props.title} — ${t.title}`}</title>
        <link rel="icon" href={ICON} />
        <link rel="stylesheet" href={CONSOLE_STYLE.path} />
      </head>
      <body>
        <header>
          <span class="brand">{`${t.brand} · ${t.title}`}</span>
          {staff && roleMay(staff.role, "tip.list") ? <a href={`${CONSOLE_ROOT}/tinbao`}>{t.nav.tips}</a> : null}
          {staff && roleMay(staff.role, "stats.read") ? <a href={`${CONSOLE_ROOT}/thang`}>{t.nav.month}</a> : null}
          {staff && staff.communeId !== null && roleMay(staff.role, "figures.write") ? <a href={`${CONSOLE_ROOT}/thon`}>{t.nav.village}</a> : null}
          {staff && staff.communeId !== null && roleMay(staff.role, "unitfigures.write") ? <a href={`${CONSOLE_ROOT}/donvi`}>{t.nav.unit}</a> : null}
          {staff && staff.communeId !== null && roleMay(staff.role, "audience.confirm") ? <a href={`${CONSOLE_ROOT}/tuyentruyen`}>{t.nav.contact}</a> : null}
          {staff && staff.villageId !== null && roleMay(staff.role, "bulletin.confirm") ? <a href={`${CONSOLE_ROOT}/bantin`}>{t.nav.bulletins}</a> : null}
          {staff && staff.communeId !== null && roleMay(staff.role, "bulletin.write") ? <a href={`${CONSOLE_ROOT}/bantin/viet`}>{viLocalBulletins.console.nav}</a> : null}
          {staff && staff.communeId !== null && roleMay(staff.role, "bulletin.translate") ? <a href={`${CONSOLE_ROOT}/dich`}>{t.nav.translate}</a> : null}
          {staff && staff.communeId !== null && (roleMay(staff.role, "tip.list") || roleMay(staff.role, "report.read")) ? <a href={`${CONSOLE_ROOT}/tai`}>{t.nav.downloads}</a> : null}
          {staff && roleMay(staff.role, "staff.manage") ? <a href={`${CONSOLE_ROOT}/quantri`}>{viConsoleAdmin.nav}</a> : null}
          {staff ? (
            <form method="post" action={`${CONSOLE_ROOT}/dangxuat`}>
              <button type="submit">{t.nav.signOut}</button>
            </form>
          ) : null}
        </header>
        <main>{props.children}</main>
      </body>
    </html>
  );
}

/**
 * A whole page with its doctype, at the status given; never cached (it shows a staff member's work).
 * "same-origin", not the site's "no-referrer": under no-referrer a browser sends `Origin: null` with
 * a form, and the CSRF check would then rest on Sec-Fetch-Site alone, which older browsers lack.
 * Nothing leaves for another site either way.
 */
export async function sendPage(c: Context, node: { toString(): string | Promise<string> }, status: 200 | 400 | 403 | 404 | 410 = 200): Promise<Response> {
  const body = `<!doctype html>${await node.toString()}`;
  return c.html(body, status, { "Cache-Control": "no-store", "Referrer-Policy": "same-origin" });
}

/** A short page that says one thing (errors, signed out). */
export function Message(props: { title: string; text: string; staff?: StaffScope | null; kind?: "note" | "err" | "ok"; back?: { href: string; label: string } }) {
  return (
    <Layout title={props.title} staff={props.staff}>
      <h1>{props.title}</h1>
      <p class={props.kind ?? "note"}>{props.text}</p>
      {props.back ? (
        <p>
          <a href={props.back.href}>{props.back.label}</a>
        </p>
      ) : null}
    </Layout>
  );
}

/** A labelled select of a filter form: an optional "any" first, the chosen value selected. */
export function SelectField(props: { label: string; name: string; any?: string; options: { value: string; label: string }[]; selected?: string }) {
  return (
    <label>
      {props.label}
      <select name={props.name}>
        {props.any !== undefined ? <option value="">{props.any}</option> : null}
        {props.options.map((o) => (
          <option value={o.value} selected={props.selected === o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
