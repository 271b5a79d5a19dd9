// The staff console at /canbo/ (issue 13): server-rendered pages over the same domain functions and
// scope checks as the chat. Signing in is a one-time link from /dangnhap; the session cookie is
// HttpOnly, SameSite=Strict and Secure (see cookieOptions); every form is a POST checked by Hono's
// csrf middleware (Origin / Sec-Fetch-Site). Runs on Node and Workers alike: Web APIs only.
import type { PosterFonts } from "../places/poster-pdf.js";
import { Hono, type Context, type MiddlewareHandler } from "hono";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Db } from "../db/client.js";
import type { Keyring } from "../crypto/keys.js";
import type { CoreSettings } from "../messaging/deps.js";
import type { Logger } from "../log.js";
import type { MediaSources } from "../media/fetch.js";
import type { ComplianceDeps } from "../compliance/service.js";
import { endSession, redeemSignInToken, SESSION_IDLE_HOURS, signInTokenUsable, staffOfSession } from "../staff/console-sessions.js";
import { roleMay } from "../staff/roles.js";
import { viConsole as t } from "../i18n/vi-console.js";
import { CONSOLE_STYLE } from "./style.js";
import { RECORDER_SCRIPT } from "./recorder.js";
import { CONSOLE_ROOT } from "./paths.js";
import { Layout, Message, sendPage } from "./layout.js";
import { badForm, readForm } from "./forms.js";
import { tipRoutes } from "./tips.js";
import { monthRoutes } from "./month.js";
import { downloadRoutes } from "./downloads.js";
import { villageRoutes } from "./village.js";
import { unitRoutes } from "./unit.js";
import { contactRoutes } from "./contact.js";
import { bulletinRoutes } from "./bulletins.js";
import { localBulletinRoutes } from "./local-bulletins.js";
import { translateRoutes } from "./translate.js";
import { HomePage } from "./home.js";
import { adminRoutes } from "./admin.js";
import { configRoutes } from "./admin-config.js";
import { placesRoutes, PRINT_SCRIPT } from "./admin-places.js";

export interface ConsoleOptions {
  db: Db;
  keys: Keyring;
  now: () => Date;
  /** The core's settings (the tip rules read escalation and retention from them; PUBLIC_URL). */
  settings: CoreSettings;
  compliance: ComplianceDeps;
  /** Whether /media/<token> links are served (a public URL and media sources are configured). */
  mediaLinks: boolean;
  log: Logger;
  /** Where bulletin recordings are read for a village head's player (as the village feeds read them). */
  media?: MediaSources;
  /** The Telegram bot's username (no "@"), when known: invitation QR codes and posters open it. */
  telegramBot?: string;
  /** The Zalo Official Account's page (ZALO_OA_URL): the posters print a QR code opening it. */
  zaloOaUrl?: string;
  /** The posters' PDF fonts, read by the runtime (Node: the npm package's files; Workers: Data modules); none: no PDF. */
  posterFonts?: () => PosterFonts | Promise<PosterFonts>;
}

export type StaffMember = NonNullable<Awaited<ReturnType<typeof staffOfSession>>>;
export type ConsoleEnv = { Variables: { staff: StaffMember } };

const COOKIE = "canbo_phien";
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Secure everywhere except plain http on this machine (a developer's `npm start`) or in demo mode
 * (a phone trying the demo over the local network): a browser drops a Secure cookie set over plain
 * http, so signing in would silently fail there; demo mode gives any visitor an officer's rights
 * anyway. With an https PUBLIC_URL it is always Secure, even when a proxy hands the request on as
 * http://localhost.
 */
function cookieOptions(c: Context, settings: CoreSettings) {
  const url = new URL(c.req.url);
  const publicHttps = settings.publicUrl?.startsWith("https:") === true;
  const plain = !publicHttps && url.protocol === "http:" && (LOOPBACK.has(url.hostname) || settings.demo);
  return { path: CONSOLE_ROOT, httpOnly: true, secure: !plain, sameSite: "Strict" as const, maxAge: SESSION_IDLE_HOURS * 3600 };
}

/** Hono's csrf middleware (Origin or Sec-Fetch-Site must be this site), answering a refusal as a page. */
function csrfGuard(publicUrl: string | undefined): MiddlewareHandler {
  const publicOrigin = publicUrl ? new URL(publicUrl).origin : null;
  const guard = csrf({ origin: (origin, c) => origin === new URL(c.req.url).origin || origin === publicOrigin });
  return async (c, next) => {
    try {
      await guard(c, next);
    } catch (error) {
      if (error instanceof HTTPException && error.status === 403) return sendPage(c, <Message title={t.errors.forbidden} text={t.errors.csrf} kind="err" />, 403);
      throw error;
    }
  };
}

export function consoleApp(opts: ConsoleOptions): Hono {
  const { db, keys } = opts;
  const app = new Hono();
  const root = new Hono<ConsoleEnv>();

  for (const file of [CONSOLE_STYLE, RECORDER_SCRIPT, PRINT_SCRIPT]) app.get(file.route, (c) => c.body(file.body, 200, { "Content-Type": file.type, "Cache-Control": "public, max-age=86400" }));
  // Hono routes strictly: "/canbo/" is sent to "/canbo", the console's home.
  app.get(`${CONSOLE_ROOT}/`, (c) => c.redirect(CONSOLE_ROOT, 301));
  root.use("*", csrfGuard(opts.settings.publicUrl));

  // The link from /dangnhap. Opening it uses nothing up (a messenger's link preview opens it too):
  // the button below, a POST from this page, does.
  root.get("/vao/:token", async (c) => {
    const token = c.req.param("token");
    if (!(await signInTokenUsable(db, keys, token, opts.now()))) return sendPage(c, <Message title={t.signIn.title} text={t.signIn.bad} kind="err" />, 410);
    return sendPage(
      c,
      <Layout title={t.signIn.title}>
        <h1>{t.signIn.title}</h1>
        <p>{t.signIn.confirm}</p>
        <form method="post" action={`${CONSOLE_ROOT}/vao`}>
          <input type="hidden" name="token" value={token} />
          <button class="btn" type="submit">
            {t.signIn.button}
          </button>
        </form>
      </Layout>,
    );
  });

  root.post("/vao", async (c) => {
    const form = await readForm(c);
    if (!form) return badForm(c);
    const token = typeof form.token === "string" ? form.token : "";
    const result = await redeemSignInToken(db, keys, token, opts.now());
    if (!result.ok) return sendPage(c, <Message title={t.signIn.title} text={t.signIn.bad} kind="err" />, 410);
    setCookie(c, COOKIE, result.sessionId, cookieOptions(c, opts.settings));
    return c.redirect(CONSOLE_ROOT, 303);
  });

  root.post("/dangxuat", async (c) => {
    await endSession(db, keys, getCookie(c, COOKIE));
    deleteCookie(c, COOKIE, cookieOptions(c, opts.settings));
    return sendPage(c, <Message title={t.nav.signOut} text={t.signIn.signedOut} kind="ok" />);
  });

  // Everything below needs a session of an active staff member, checked on every request.
  const signedIn: MiddlewareHandler<ConsoleEnv> = async (c, next) => {
    const sessionId = getCookie(c, COOKIE);
    const staff = await staffOfSession(db, keys, sessionId, opts.now());
    if (!staff || !sessionId) {
      deleteCookie(c, COOKIE, cookieOptions(c, opts.settings));
      return sendPage(c, <Message title={t.signIn.title} text={t.signIn.needed} />, 403);
    }
    c.set("staff", staff);
    // The browser keeps the cookie as long as the server keeps the session: 12 hours from now.
    setCookie(c, COOKIE, sessionId, cookieOptions(c, opts.settings));
    await next();
  };
  root.use("/", signedIn);
  root.use("/tinbao", signedIn);
  root.use("/tinbao/*", signedIn);
  root.use("/thang", signedIn);
  root.use("/thang/*", signedIn);
  root.use("/tep/*", signedIn);
  root.use("/tai", signedIn);
  root.use("/thon", signedIn);
  root.use("/donvi", signedIn);
  root.use("/tuyentruyen", signedIn);
  root.use("/tuyentruyen/*", signedIn);
  root.use("/tai/*", signedIn);
  root.use("/bantin", signedIn);
  root.use("/bantin/*", signedIn);
  root.use("/dich", signedIn);
  root.use("/dich/*", signedIn);
  root.use("/quantri", signedIn);
  root.use("/quantri/*", signedIn);

  root.get("/", async (c) => {
    const staff = c.get("staff");
    // Straight to the main page of the role: the queue for who handles tips, the month for a leader.
    if (staff.communeId !== null && roleMay(staff.role, "tip.handle")) return c.redirect(`${CONSOLE_ROOT}/tinbao`, 303);
    if (staff.communeId !== null && roleMay(staff.role, "stats.read")) return c.redirect(`${CONSOLE_ROOT}/thang`, 303);
    if (staff.villageId !== null && roleMay(staff.role, "figures.write")) return c.redirect(`${CONSOLE_ROOT}/thon`, 303);
    if (staff.communeId !== null && roleMay(staff.role, "bulletin.translate")) return c.redirect(`${CONSOLE_ROOT}/dich`, 303);
    if (staff.communeId !== null && roleMay(staff.role, "unitfigures.write")) return c.redirect(`${CONSOLE_ROOT}/donvi`, 303);
    if (staff.communeId !== null && roleMay(staff.role, "audience.confirm")) return c.redirect(`${CONSOLE_ROOT}/tuyentruyen`, 303);
    // A province or national admin has no commune's queue: their work starts at the admin pages.
    if (roleMay(staff.role, "staff.manage")) return c.redirect(`${CONSOLE_ROOT}/quantri`, 303);
    return sendPage(c, await HomePage({ db, staff }));
  });
  tipRoutes(root, opts);
  monthRoutes(root, opts);
  downloadRoutes(root, opts);
  villageRoutes(root, opts);
  unitRoutes(root, opts);
  contactRoutes(root, opts);
  // Before bulletinRoutes: "/bantin/viet" is the commune's writing page, not a village head's airing "/bantin/:id".
  localBulletinRoutes(root, opts);
  bulletinRoutes(root, opts);
  translateRoutes(root, opts);
  adminRoutes(root, opts);
  configRoutes(root, opts);
  placesRoutes(root, opts);

  root.all("*", (c) => sendPage(c, <Message title={t.errors.notFound} text={t.errors.notFound} />, 404));
  app.route(CONSOLE_ROOT, root);
  return app;
}
