// Places in the admin pages (/canbo/quantri, issue 13): a CSV uploaded, checked in full and shown
// with every error before anything is written (the confirmed file travels back in a hidden field and
// is checked again on "Xác nhận"); a new commune with its villages typed one per line; a commune's
// posters as a print view (the CLI's renderPosters, with an "In" button calling window.print()) and
// as a PDF to download (renderPostersPdf), both from one scope-checked lookup.
import type { Context, Hono } from "hono";
import { createCommuneAs, importPlacesAs, previewPlacesAs, type PlacesPreview } from "../places/admin.js";
import { renderPosters, type PosterInput } from "../places/poster.js";
import { omittedFromPdf, renderPostersPdf } from "../places/poster-pdf.js";
import { posterLanguagePages } from "../bulletins/poster-text.js";
import { readPoliceContacts } from "../places/police-contacts.js";
import { communeInScope } from "../staff/admin.js";
import { listProvinces } from "../places/search.js";
import { viConsoleAdmin as a } from "../i18n/vi-console-admin.js";
import { viConsole as t } from "../i18n/vi-console.js";
import { Layout, Message, sendPage } from "./layout.js";
import { ADMIN_ROOT, communeAdminPath } from "./paths.js";
import { asset } from "./style.js";
import { communeIdByCode, notFound } from "./admin-common.js";
import { badForm, field, readForm } from "./forms.js";
import type { ConsoleEnv, ConsoleOptions, StaffMember } from "./app.js";

const MAX_CSV_BYTES = 512 * 1024;
/** Rows shown in a preview; the rest are counted (the file is checked and written whole). */
const PREVIEW_ROWS = 300;

/** The print view's one script, a file of this site (the policy forbids inline script). */
export const PRINT_SCRIPT = asset("in.js", `document.getElementById("print").addEventListener("click",function(){window.print()});`, "text/javascript; charset=utf-8");

export function PlacesUpload() {
  return (
    <>
      <h2>{a.places.heading}</h2>
      <form class="card" method="post" action={`${ADMIN_ROOT}/diadiem`} enctype="multipart/form-data">
        <p class="meta">{a.places.help}</p>
        <div class="field">
          <label for="tep">{a.places.file}</label>
          <input id="tep" name="tep" type="file" accept=".csv,text/csv" />
        </div>
        <div class="field">
          <label for="noidung">{a.places.orPaste}</label>
          <textarea id="noidung" name="noidung" rows={4} />
        </div>
        <button class="btn" type="submit">
          {a.places.check}
        </button>
      </form>
    </>
  );
}

function PreviewPage(props: { staff: StaffMember; preview: PlacesPreview; text: string }) {
  const { preview } = props;
  const bad = preview.errors.length > 0;
  return (
    <Layout title={a.places.previewTitle} staff={props.staff}>
      <p>
        <a href={ADMIN_ROOT}>{a.home}</a>
      </p>
      <h1>{a.places.previewTitle}</h1>
      {bad ? (
        <>
          <p class="err">{a.places.errorsFound(preview.errors.length)}</p>
          <ul class="errors">
            {preview.errors.map((e) => (
              <li>{e}</li>
            ))}
          </ul>
        </>
      ) : (
        <>
          <p class="ok">{a.places.summary(preview.rows.length, preview.newCommunes.length, preview.changedCommunes.length)}</p>
          <table>
            <thead>
              <tr>
                <th>{a.places.columns.province}</th>
                <th>{a.places.columns.commune}</th>
                <th>{a.places.columns.village}</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.slice(0, PREVIEW_ROWS).map((r) => (
                <tr>
                  <td>{r.provinceName}</td>
                  <td>{`${r.communeName} (${r.communeCode})`}</td>
                  <td>{`${r.villageName} (${r.villageCode})`}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <form method="post" action={`${ADMIN_ROOT}/diadiem/xacnhan`}>
            <input type="hidden" name="noidung" value={props.text} />
            <button class="btn" type="submit">
              {a.places.confirm}
            </button>
          </form>
        </>
      )}
      <PlacesUpload />
    </Layout>
  );
}

function NewCommunePage(props: { staff: StaffMember; provinces: { id: number; name: string }[]; typed: Record<string, string>; errors: string[] }) {
  const { typed } = props;
  return (
    <Layout title={a.create.heading} staff={props.staff}>
      <p>
        <a href={ADMIN_ROOT}>{a.home}</a>
      </p>
      <h1>{a.create.heading}</h1>
      {props.errors.length > 0 ? (
        <>
          <p class="err">{a.create.fix}</p>
          <ul class="errors">
            {props.errors.map((e) => (
              <li>{e}</li>
            ))}
          </ul>
        </>
      ) : null}
      <form class="card" method="post" action={`${ADMIN_ROOT}/xamoi`}>
        <div class="field">
          <label for="tinh">{a.create.province}</label>
          <select id="tinh" name="tinh">
            {props.provinces.map((p) => (
              <option value={String(p.id)} selected={typed.tinh === String(p.id)}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="ma">{a.create.code}</label>
          <input id="ma" name="ma" maxlength={16} autocapitalize="characters" value={typed.ma ?? ""} required />
        </div>
        <div class="field">
          <label for="ten">{a.create.name}</label>
          <input id="ten" name="ten" maxlength={80} value={typed.ten ?? ""} required />
        </div>
        <div class="field">
          <label for="duongday">{a.create.hotline}</label>
          <input id="duongday" name="duongday" maxlength={20} inputmode="tel" value={typed.duongday ?? ""} />
        </div>
        <div class="field">
          <label for="thon">{a.create.villages}</label>
          <textarea id="thon" name="thon" rows={6} required>
            {typed.thon ?? ""}
          </textarea>
          <p class="meta">{a.create.villagesHint}</p>
        </div>
        <button class="btn" type="submit">
          {a.create.submit}
        </button>
      </form>
    </Layout>
  );
}

export function placesRoutes(root: Hono<ConsoleEnv>, opts: ConsoleOptions): void {
  const { db } = opts;

  async function csvOf(c: Context<ConsoleEnv>): Promise<{ text: string } | { error: string }> {
    const length = Number(c.req.header("content-length") ?? "0");
    if (length > MAX_CSV_BYTES * 2 + 4096) return { error: a.places.tooBig(MAX_CSV_BYTES / 1024) };
    const form = await readForm(c);
    if (!form) return { error: t.errors.badForm };
    const file = form.tep;
    const text = file instanceof File && file.size > 0 ? (file.size > MAX_CSV_BYTES ? null : await file.text()) : typeof form.noidung === "string" ? form.noidung : "";
    if (text === null || text.length > MAX_CSV_BYTES) return { error: a.places.tooBig(MAX_CSV_BYTES / 1024) };
    if (!text.trim()) return { error: a.places.noFile };
    return { text };
  }

  root.post("/quantri/diadiem", async (c) => {
    const staff = c.get("staff");
    const read = await csvOf(c);
    if ("error" in read) return sendPage(c, <Message title={a.places.previewTitle} text={read.error} staff={staff} kind="err" back={{ href: ADMIN_ROOT, label: a.home }} />, 400);
    const preview = await previewPlacesAs(db, staff, read.text);
    return sendPage(c, <PreviewPage staff={staff} preview={preview} text={read.text} />, preview.errors.length > 0 ? 400 : 200);
  });

  root.post("/quantri/diadiem/xacnhan", async (c) => {
    const staff = c.get("staff");
    const read = await csvOf(c);
    if ("error" in read) return sendPage(c, <Message title={a.places.previewTitle} text={read.error} staff={staff} kind="err" back={{ href: ADMIN_ROOT, label: a.home }} />, 400);
    const result = await importPlacesAs(db, staff, read.text, opts.now());
    if (!result.ok) return sendPage(c, <PreviewPage staff={staff} preview={{ rows: [], errors: result.errors, newCommunes: [], changedCommunes: [] }} text={read.text} />, 400);
    return sendPage(c, <Message title={a.places.previewTitle} text={a.places.imported(result.provinces, result.communes, result.villages)} staff={staff} kind="ok" back={{ href: ADMIN_ROOT, label: a.home }} />);
  });

  async function provincesFor(staff: StaffMember) {
    if (staff.communeId !== null) return [];
    if (staff.provinceId) return db.province.findMany({ where: { id: staff.provinceId } });
    return listProvinces(db, 100);
  }

  root.get("/quantri/xamoi", async (c) => {
    const staff = c.get("staff");
    const provinces = await provincesFor(staff);
    if (provinces.length === 0) return notFound(c);
    return sendPage(c, <NewCommunePage staff={staff} provinces={provinces} typed={{}} errors={[]} />);
  });

  root.post("/quantri/xamoi", async (c) => {
    const staff = c.get("staff");
    const provinces = await provincesFor(staff);
    if (provinces.length === 0) return notFound(c);
    const form = await readForm(c);
    if (!form) return badForm(c);
    const typed = { tinh: field(form, "tinh", 12), ma: field(form, "ma", 16), ten: field(form, "ten", 100), duongday: field(form, "duongday", 24), thon: field(form, "thon", 8000) };
    const provinceId = /^[1-9][0-9]{0,9}$/.test(typed.tinh) ? Number(typed.tinh) : 0;
    if (provinceId === 0) return sendPage(c, <NewCommunePage staff={staff} provinces={provinces} typed={typed} errors={[a.create.pickProvince]} />, 400);
    const result = await createCommuneAs(db, staff, { provinceId, code: typed.ma, name: typed.ten, hotline: typed.duongday, villages: typed.thon, now: opts.now() });
    if (!result.ok && result.reason === "not_found") return notFound(c);
    if (!result.ok) return sendPage(c, <NewCommunePage staff={staff} provinces={provinces} typed={typed} errors={result.errors} />, 400);
    return c.redirect(communeAdminPath(result.code), 303);
  });

  /**
   * A commune's posters as its admin prints them: the one lookup both the print view and the PDF
   * make (the code read, the scope checked by the domain's communeInScope). Null: a 404.
   */
  async function postersOf(c: Context<ConsoleEnv>): Promise<{ commune: { code: string; name: string }; input: PosterInput | null } | null> {
    const staff = c.get("staff");
    const id = await communeIdByCode(db, c.req.param("code") ?? "");
    const commune = id === null ? null : await communeInScope(db, staff, id);
    if (!commune) return null;
    if (commune.villages.length === 0) return { commune, input: null };
    const input: PosterInput = {
      commune: { name: commune.name, hotline: commune.hotline, isSample: commune.isSample, policeContacts: readPoliceContacts(commune.policeContacts) },
      province: commune.province.name,
      ...(await posterLanguagePages(db, commune, commune.villages)),
      webUrl: opts.settings.publicUrl ?? new URL(c.req.url).origin,
      telegramBot: opts.telegramBot,
      zaloUrl: opts.zaloOaUrl,
    };
    return { commune, input };
  }

  const noVillages = (c: Context<ConsoleEnv>, commune: { code: string; name: string }) =>
    sendPage(c, <Message title={a.posters.heading} text={a.posters.noVillages} staff={c.get("staff")} back={{ href: communeAdminPath(commune.code), label: a.backToCommune(commune.name) }} />);

  root.get("/quantri/xa/:code/apphich", async (c) => {
    const found = await postersOf(c);
    if (!found) return notFound(c);
    const { commune, input } = found;
    if (!input) return noVillages(c, commune);
    const path = communeAdminPath(commune.code);
    const fonts = opts.posterFonts ? await opts.posterFonts() : null;
    // Language pages the PDF cannot write are said beside its button (only translations can be).
    const omitted = fonts && input.translations?.length ? [...new Set(omittedFromPdf(input, fonts).map((o) => o.label))] : [];
    const pdf = fonts ? { href: `${path}/apphich.pdf`, label: a.posters.pdf, note: omitted.length > 0 ? a.posters.pdfOmits(omitted) : undefined } : undefined;
    const html = renderPosters({ ...input, printBar: { label: a.posters.print, script: PRINT_SCRIPT.path, back: { href: path, label: a.backToCommune(commune.name) }, pdf } });
    // The posters' own style sheet is inline: this page alone may use one, and its one script file.
    return c.html(html, 200, {
      "Cache-Control": "no-store",
      "Referrer-Policy": "same-origin",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; script-src 'self'; img-src data:; form-action 'none'; base-uri 'none'; frame-ancestors 'none'",
    });
  });

  // The same posters as a PDF file (fonts given by the runtime's wiring; without them, no such file).
  root.get("/quantri/xa/:code/apphich.pdf", async (c) => {
    const found = opts.posterFonts ? await postersOf(c) : null;
    if (!found || !opts.posterFonts) return notFound(c);
    const { commune, input } = found;
    if (!input) return noVillages(c, commune);
    // A language page in a script the font lacks is left out (the print view still shows it).
    const pdf = await renderPostersPdf(input, await opts.posterFonts());
    return c.body(pdf.bytes as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="ap-phich-${commune.code}.pdf"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    });
  });
}
