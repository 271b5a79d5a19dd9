// The admin pages of the console (/canbo/quantri, issue 13): the communes in scope, a commune's page
// (its villages with a rename each, the invite form, staff and open invitations with revoke, alert
// groups with remove, the posters' link), the page showing a new invitation's code and QR code.
// Every read and write is a domain function with its one scope check (src/staff/admin.ts,
// src/places/admin.ts, src/staff/alert-groups.ts): out of scope is a 404, as for a missing id.
import type { Context, Hono } from "hono";
import { roleLabel } from "../staff/roles.js";
import { communeInScope, communesInScope, INVITABLE_ROLES, inviteAs, isInvitableRole, listOpenInvitationsAs, listStaffAs, revokeInvitationAs, revokeStaffAs } from "../staff/admin.js";
import { listAlertGroups, removeAlertGroup } from "../staff/alert-groups.js";
import { renameVillageAs } from "../places/admin.js";
import { readLanguageList, BASE_LANGUAGE } from "../bulletins/languages.js";
import { qrSvg } from "../places/poster.js";
import { REPORTING_UNITS, unitByKind } from "../compliance/units.js";
import { findProvinceById, listProvinces } from "../places/search.js";
import { formatDateTimeVN } from "../util/vietnam-time.js";
import { viConsoleAdmin as a } from "../i18n/vi-console-admin.js";
import { viConsole as t } from "../i18n/vi-console.js";
import { Layout, Message, sendPage } from "./layout.js";
import { ADMIN_ROOT, communeAdminPath } from "./paths.js";
import { PlacesUpload } from "./admin-places.js";
import { isAdmin, notFound } from "./admin-common.js";
import { badForm, field, readForm } from "./forms.js";
import type { ConsoleEnv, ConsoleOptions, StaffMember } from "./app.js";
import { kindOfRole, listAudiences } from "../bulletins/audiences.js";

const ID = /^[1-9][0-9]{0,9}$/;

/** "Công an xã": a role's name as a choice of its own, not inside a sentence. */
const capitalized = (text: string) => text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
const CODE = /^[A-Za-z0-9-]{2,16}$/;
const NAME_MAX = 80;

/** What a redirect's ?kq= says on the page it lands on. */
const FLASH: Record<string, string> = {
  ten: a.places.renamed,
  thuhoi: a.staff.revokedDone,
  huymoi: a.staff.invitationRevoked,
  gonhom: a.groups.removed,
};

async function scopeLine(opts: ConsoleOptions, staff: StaffMember): Promise<string> {
  if (staff.communeId !== null) {
    const commune = await opts.db.commune.findUnique({ where: { id: staff.communeId } });
    return a.scopeCommune(commune?.name ?? "");
  }
  if (staff.provinceId) return a.scopeProvince((await findProvinceById(opts.db, staff.provinceId))?.name ?? "");
  return a.scopeAll;
}

function CommunePage(props: {
  staff: StaffMember;
  commune: NonNullable<Awaited<ReturnType<typeof communeInScope>>>;
  members: NonNullable<Awaited<ReturnType<typeof listStaffAs>>>;
  invitations: NonNullable<Awaited<ReturnType<typeof listOpenInvitationsAs>>>;
  groups: { id: number; channel: string; registeredBy: string; registeredAt: Date; active: boolean }[];
  audiences: { id: number; kind: string; name: string }[];
  flash?: string;
  error?: string;
  /** Whether the posters come as a PDF too (the runtime gave the fonts). */
  pdf: boolean;
}) {
  const { commune, staff } = props;
  const path = communeAdminPath(commune.code);
  return (
    <Layout title={commune.name} staff={staff}>
      <p>
        <a href={ADMIN_ROOT}>{a.home}</a>
      </p>
      <h1>{`${commune.name} · ${commune.province.name}`}</h1>
      {props.flash ? <p class="ok">{props.flash}</p> : null}
      {props.error ? <p class="err">{props.error}</p> : null}

      <h2>{a.invite.heading}</h2>
      <form class="card" method="post" action={`${path}/moi`}>
        <div class="field">
          <label for="role">{a.invite.role}</label>
          <select id="role" name="role">
            {INVITABLE_ROLES.map((r) => (
              <option value={r}>{capitalized(roleLabel(r))}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="thon">{a.invite.village}</label>
          <select id="thon" name="thon">
            <option value="">{a.invite.noVillage}</option>
            {commune.villages.map((v) => (
              <option value={v.code}>{v.name}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="donvi">{a.invite.unit}</label>
          <select id="donvi" name="donvi">
            <option value="">{a.invite.noUnit}</option>
            {REPORTING_UNITS.map((u) => (
              <option value={u.kind}>{u.name}</option>
            ))}
          </select>
        </div>
        {props.audiences.length > 0 ? (
          <div class="field">
            <label for="coso">{a.invite.audience}</label>
            <select id="coso" name="coso">
              <option value="">{a.invite.noAudience}</option>
              {props.audiences.map((x) => (
                <option value={String(x.id)}>{x.name}</option>
              ))}
            </select>
          </div>
        ) : null}
        <div class="field">
          <label for="ngonngu">{a.invite.languages}</label>
          <input id="ngonngu" name="ngonngu" maxlength={120} />
        </div>
        <div class="field">
          <label for="ten">{a.invite.name}</label>
          <input id="ten" name="ten" maxlength={NAME_MAX} />
        </div>
        <button class="btn" type="submit">
          {a.invite.submit}
        </button>
      </form>

      <h2>{a.staff.heading}</h2>
      {props.members.length === 0 ? <p class="note">{a.staff.none}</p> : null}
      <ul class="tips">
        {props.members.map((m) => (
          <li class="card" data-staff={String(m.id)}>
            <span class="case">{m.displayName}</span>
            <div class="meta">{a.staff.line(roleLabel(m.role), m.village?.name ?? unitByKind(m.unitKind)?.name ?? null)}</div>
            {m.active ? (
              m.id !== staff.id ? (
                <form method="post" action={`${ADMIN_ROOT}/canbo/${m.id}/thuhoi`}>
                  <button class="btn alt" type="submit">
                    {a.staff.revoke}
                  </button>
                </form>
              ) : null
            ) : (
              <span class="status">{a.staff.revoked}</span>
            )}
          </li>
        ))}
      </ul>

      <h2>{a.staff.invitations}</h2>
      {props.invitations.length === 0 ? <p class="note">{a.staff.noInvitations}</p> : null}
      <ul class="tips">
        {props.invitations.map((i) => (
          <li class="card" data-invitation={String(i.id)}>
            <span class="case">{i.note ?? roleLabel(i.role)}</span>
            <div class="meta">{a.staff.invitationLine(i.village || i.unitKind ? a.staff.line(roleLabel(i.role), i.village?.name ?? unitByKind(i.unitKind)?.name ?? null) : roleLabel(i.role), formatDateTimeVN(i.expiresAt))}</div>
            <form method="post" action={`${ADMIN_ROOT}/loimoi/${i.id}/thuhoi`}>
              <button class="btn alt" type="submit">
                {a.staff.revokeInvitation}
              </button>
            </form>
          </li>
        ))}
      </ul>

      <h2>{a.places.villages}</h2>
      {commune.villages.map((v) => (
        <form class="card field" method="post" action={`${ADMIN_ROOT}/thon/${v.id}/ten`}>
          <label for={`v${v.id}`}>{a.places.villageName(v.code)}</label>
          <input id={`v${v.id}`} name="ten" value={v.name} maxlength={NAME_MAX} required />
          <button class="btn alt" type="submit">
            {a.places.rename}
          </button>
        </form>
      ))}

      <h2>{a.groups.heading}</h2>
      {props.groups.length === 0 ? <p class="note">{a.groups.none}</p> : null}
      <ul class="tips">
        {props.groups.map((g) => (
          <li class="card" data-group={String(g.id)}>
            <div>{a.groups.line(g.channel, g.registeredBy, formatDateTimeVN(g.registeredAt))}</div>
            {g.active ? null : <span class="status">{a.groups.inactive}</span>}
            <form method="post" action={`${ADMIN_ROOT}/nhom/${g.id}/xoa`}>
              <button class="btn alt" type="submit">
                {a.groups.remove}
              </button>
            </form>
          </li>
        ))}
      </ul>

      <h2>{a.posters.heading}</h2>
      <p>{a.posters.help}</p>
      <div class="actions">
        <a class="btn" href={`${path}/apphich`}>
          {a.posters.open}
        </a>
        {props.pdf ? (
          <a class="btn alt" href={`${path}/apphich.pdf`} download>
            {a.posters.pdf}
          </a>
        ) : null}
      </div>

      <h2>{a.configHeading}</h2>
      <div class="actions">
        <a class="btn alt" href={`${path}/lichphat`}>
          {a.bulletins.link}
        </a>
        <a class="btn alt" href={`${path}/tieuchi`}>
          {a.criteria.link}
        </a>
        <a class="btn alt" href={`${path}/xephang`}>
          {a.ranking.villagesLink}
        </a>
      </div>
    </Layout>
  );
}

function InvitationPage(props: { staff: StaffMember; communeName: string; communeCode: string; role: string; village: string | null; code: string; expiresAt: Date; scan: { link: string; viaTelegram: boolean } | null }) {
  const { scan } = props;
  const scope = props.village ? a.invite.scopeVillage(props.village, props.communeName) : a.invite.scopeCommune(props.communeName);
  return (
    <Layout title={a.invite.title} staff={props.staff}>
      <h1>{a.invite.title}</h1>
      <p>{a.invite.forWhom(capitalized(roleLabel(props.role)), scope)}</p>
      <p class="case invite-code" id="code">
        {props.code}
      </p>
      {scan ? (
        <>
          <div class="qr" data-url={scan.link} dangerouslySetInnerHTML={{ __html: qrSvg(scan.link) }} />
          <p>{scan.viaTelegram ? a.invite.scanTelegram : a.invite.scanWeb}</p>
          <p class="meta text">{scan.link}</p>
          <p>{a.invite.typeIt(props.code)}</p>
        </>
      ) : (
        <p>{a.invite.typeOnly(props.code)}</p>
      )}
      <p class="note">{a.invite.expires(formatDateTimeVN(props.expiresAt))}</p>
      <a class="btn" href={communeAdminPath(props.communeCode)}>
        {a.invite.more}
      </a>
    </Layout>
  );
}

/**
 * Where the QR code of an invitation leads: the Telegram bot when its username is known, else the
 * web chat in demo mode (it takes staff codes there only, and `?moi=` registers by itself). Without
 * either there is nothing to scan: the code is typed to the bot (Zalo).
 */
function invitationLink(opts: ConsoleOptions, c: Context, code: string): { link: string; viaTelegram: boolean } | null {
  if (opts.telegramBot) return { link: `https://t.me/${opts.telegramBot}?start=${encodeURIComponent(code)}`, viaTelegram: true };
  if (!opts.settings.demo) return null;
  const web = new URL("/", opts.settings.publicUrl ?? new URL(c.req.url).origin);
  web.searchParams.set("moi", code);
  return { link: web.toString(), viaTelegram: false };
}

export function adminRoutes(root: Hono<ConsoleEnv>, opts: ConsoleOptions): void {
  const { db, keys } = opts;

  // Only admins have these pages; anyone else is told so, as on the other role pages.
  root.use("/quantri/*", async (c, next) => {
    if (!isAdmin(c.get("staff"))) return sendPage(c, <Message title={t.errors.forbidden} text={t.errors.forbidden} staff={c.get("staff")} />, 403);
    await next();
  });
  root.use("/quantri", async (c, next) => {
    if (!isAdmin(c.get("staff"))) return sendPage(c, <Message title={t.errors.forbidden} text={t.errors.forbidden} staff={c.get("staff")} />, 403);
    await next();
  });

  root.get("/quantri", async (c) => {
    const staff = c.get("staff");
    const communes = await communesInScope(db, staff);
    // The province rankings this admin may read (the chat's "ranking.read"): their province, or every one.
    const rankings = staff.communeId !== null ? [] : staff.provinceId ? await db.province.findMany({ where: { id: staff.provinceId } }) : await listProvinces(db, 100);
    const flash = c.req.query("kq") === "nhap" ? a.done : undefined;
    return sendPage(
      c,
      <Layout title={a.title} staff={staff}>
        <h1>{a.title}</h1>
        <p>{await scopeLine(opts, staff)}</p>
        {flash ? <p class="ok">{flash}</p> : null}
        {staff.communeId === null ? (
          <div class="actions">
            <a class="btn" href={`${ADMIN_ROOT}/xamoi`}>
              {a.newCommune}
            </a>
          </div>
        ) : null}
        <h2>{a.communes}</h2>
        {communes.length === 0 ? <p class="note">{a.noCommunes}</p> : null}
        <ul class="tips">
          {communes.map((x) => (
            <li>
              <a href={communeAdminPath(x.code)}>
                <span class="case">{x.name}</span>
                <div class="meta">{a.communeLine(x.province.name, x._count.villages)}</div>
              </a>
            </li>
          ))}
        </ul>
        <h2>{a.configHeading}</h2>
        <ul>
          {rankings.map((p) => (
            <li>
              <a href={`${ADMIN_ROOT}/xephang/${p.code}`}>{a.ranking.provinceLink(p.name)}</a>
            </li>
          ))}
          <li>
            <a href={`${ADMIN_ROOT}/tieuchi/kiemtra`}>{a.criteria.checkLink}</a>
          </li>
        </ul>
        <PlacesUpload />
      </Layout>,
    );
  });

  async function communeByCode(staff: StaffMember, raw: string) {
    if (!CODE.test(raw)) return null;
    const found = await db.commune.findUnique({ where: { code: raw.toUpperCase() }, select: { id: true } });
    return found ? communeInScope(db, staff, found.id) : null;
  }

  async function communePage(c: Context<ConsoleEnv>, staff: StaffMember, code: string, extra: { flash?: string; error?: string } = {}, status: 200 | 400 = 200) {
    const commune = await communeByCode(staff, code);
    if (!commune) return notFound(c);
    const [members, invitations, groups, audiences] = await Promise.all([listStaffAs(db, staff, commune.id), listOpenInvitationsAs(db, staff, commune.id, opts.now()), listAlertGroups(db, staff, commune.id), listAudiences(db, staff, commune.code)]);
    return sendPage(c, <CommunePage staff={staff} commune={commune} members={members ?? []} invitations={invitations ?? []} groups={groups.ok ? groups.groups : []} audiences={audiences.ok ? audiences.value : []} pdf={opts.posterFonts !== undefined} {...extra} />, status);
  }

  root.get("/quantri/xa/:code", async (c) => {
    const kq = c.req.query("kq");
    return communePage(c, c.get("staff"), c.req.param("code"), { flash: kq && Object.hasOwn(FLASH, kq) ? FLASH[kq] : undefined });
  });

  root.post("/quantri/xa/:code/moi", async (c) => {
    const staff = c.get("staff");
    const commune = await communeByCode(staff, c.req.param("code"));
    if (!commune) return notFound(c);
    const form = await readForm(c);
    if (!form) return badForm(c);
    const role = field(form, "role", 20);
    const fail = (error: string) => communePage(c, staff, commune.code, { error }, 400);
    if (!isInvitableRole(role)) return fail(a.invite.badRole);
    const villageCode = field(form, "thon", 16).toUpperCase();
    const village = role === "village_head" ? commune.villages.find((v) => v.code === villageCode) : undefined;
    if (role === "village_head" && !village) return fail(a.invite.needsVillage);
    let languages: string[] | undefined;
    if (role === "translator") {
      const read = readLanguageList(field(form, "ngonngu", 120));
      if (read.unknown.length > 0) return fail(a.invite.unknownLanguages(read.unknown.join(", ")));
      languages = read.codes.filter((x) => x !== BASE_LANGUAGE);
      if (languages.length === 0) return fail(a.invite.needsLanguages);
    }
    const unit = role === "reporting_unit" ? unitByKind(field(form, "donvi", 40)) : undefined;
    if (role === "reporting_unit" && !unit) return fail(a.invite.needsUnit);
    const rawAudience = field(form, "coso", 12);
    const audienceId = kindOfRole(role) && ID.test(rawAudience) ? Number(rawAudience) : undefined;
    if (kindOfRole(role) && audienceId === undefined) return fail(a.invite.needsAudience);
    const result = await inviteAs(db, keys, staff, { communeId: commune.id, role, villageId: village?.id, languages, unitKind: unit?.kind, audienceId, name: field(form, "ten", NAME_MAX), now: opts.now() });
    if (!result.ok) return result.reason === "not_found" ? notFound(c) : fail(result.message);
    const audienceName = audienceId !== undefined ? (await db.audience.findUnique({ where: { id: audienceId }, select: { name: true } }))?.name : undefined;
    const scan = invitationLink(opts, c, result.code);
    return sendPage(c, <InvitationPage staff={staff} communeName={commune.name} communeCode={commune.code} role={role} village={village?.name ?? unit?.name ?? audienceName ?? null} code={result.code} expiresAt={result.expiresAt} scan={scan} />);
  });

  /** A POST on one id: the domain's answer, then back to the commune's page with the flash. */
  function onId(path: string, act: (staff: StaffMember, id: number) => Promise<{ ok: true; communeId: number } | { ok: false }>, flash: string) {
    root.post(path, async (c) => {
      const raw = c.req.param("id") ?? "";
      const result = ID.test(raw) ? await act(c.get("staff"), Number(raw)) : { ok: false as const };
      if (!result.ok) return notFound(c);
      const commune = await db.commune.findUniqueOrThrow({ where: { id: result.communeId }, select: { code: true } });
      return c.redirect(`${communeAdminPath(commune.code)}?kq=${flash}`, 303);
    });
  }

  root.post("/quantri/thon/:id/ten", async (c) => {
    const staff = c.get("staff");
    const raw = c.req.param("id");
    if (!ID.test(raw)) return notFound(c);
    const form = await readForm(c);
    if (!form) return badForm(c);
    const result = await renameVillageAs(db, staff, Number(raw), field(form, "ten", NAME_MAX + 20), opts.now());
    if (!result.ok && result.reason === "not_found") return notFound(c);
    const commune = await db.commune.findUniqueOrThrow({ where: { id: result.communeId }, select: { code: true } });
    if (!result.ok) return communePage(c, staff, commune.code, { error: result.message }, 400);
    return c.redirect(`${communeAdminPath(commune.code)}?kq=ten`, 303);
  });

  onId("/quantri/canbo/:id/thuhoi", (staff, id) => revokeStaffAs(db, keys, staff, id, opts.now()), "thuhoi");
  onId("/quantri/loimoi/:id/thuhoi", (staff, id) => revokeInvitationAs(db, staff, id, opts.now()), "huymoi");
  onId(
    "/quantri/nhom/:id/xoa",
    async (staff, id) => {
      const removed = await removeAlertGroup({ db, now: opts.now }, staff, id);
      return removed.ok ? { ok: true, communeId: removed.group.communeId } : { ok: false };
    },
    "gonhom",
  );

}
