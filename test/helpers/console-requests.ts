// Requests to the staff console through the real Hono app, as a browser on this site makes them:
// forms with the site's Origin (Hono's csrf check), the session cookie, and signing in through
// /dangnhap's one-time link.
import { expect } from "vitest";
import type { Harness, WebClient } from "./harness.js";

export const CONSOLE_ORIGIN = "http://localhost";

type Scope = { communeCode?: string; villageCode?: string; provinceCode?: string; unitKind?: string; audienceId?: number };

/**
 * Binds the console's requests to a harness made later (in beforeAll). `stepMinutes` moves the clock
 * before each chat message, for tests whose chat limits count messages per minute.
 */
export function consoleRequests(harness: () => Harness, opts: { stepMinutes?: number } = {}) {
  const step = () => {
    if (opts.stepMinutes) harness().clock.advanceMinutes(opts.stepMinutes);
  };
  /** A form posted with the session cookie; `origin: null` leaves the Origin header out. */
  function post(path: string, form: Record<string, string | string[]>, cookie = "", origin: string | null = CONSOLE_ORIGIN) {
    const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };
    if (origin) headers.Origin = origin;
    if (cookie) headers.Cookie = cookie;
    // A list is a field sent several times (checkboxes).
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    return harness().app.request(path, { method: "POST", headers, body: body.toString() });
  }
  const get = (path: string, cookie: string, headers: Record<string, string> = {}) => harness().app.request(path, { headers: { Cookie: cookie, ...headers } });

  /** A staff member invited and registered in the web chat. */
  async function register(role: string, scope: Scope, name: string, client = harness().web()): Promise<WebClient> {
    const h = harness();
    step();
    const replies = await client.say(`/dangky ${await h.invite(role, scope, name)}`);
    expect(replies[0]!.text).toContain("Đăng ký thành công");
    return client;
  }

  /** /dangnhap in the chat, the link opened and its button pressed: the session cookie. */
  async function signIn(staff: WebClient): Promise<string> {
    step();
    const text = (await staff.say("/dangnhap")).map((m) => m.text).join("\n");
    const token = /\/canbo\/vao\/([A-Za-z0-9_-]{43})/.exec(text)![1]!;
    const res = await post("/canbo/vao", { token });
    expect(res.status).toBe(303);
    return res.headers.get("set-cookie")!.split(";")[0]!;
  }

  return { post, get, register, signIn };
}
