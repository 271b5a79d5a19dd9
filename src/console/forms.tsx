// Reading a posted form, for every console route: a body that does not parse (a broken multipart
// body, a wrong boundary, a cut-off upload) is the sender's mistake, answered 400 with a polite
// page, never a failure of the server.
import type { Context } from "hono";
import { viConsole as t } from "../i18n/vi-console.js";
import { Message, sendPage } from "./layout.js";
import type { ConsoleEnv } from "./app.js";

export type PostedForm = Record<string, unknown>;

/** The posted form, or null when its body does not parse. `all`: repeated names as arrays. */
export async function readForm(c: Context<ConsoleEnv>, options: { all?: boolean } = {}): Promise<PostedForm | null> {
  try {
    return options.all ? await c.req.parseBody({ all: true }) : await c.req.parseBody();
  } catch {
    return null;
  }
}

/** The page for a form that could not be read. */
export const badForm = (c: Context<ConsoleEnv>) => sendPage(c, <Message title={t.errors.badFormTitle} text={t.errors.badForm} staff={c.get("staff")} kind="err" />, 400);

/** The form's text field, trimmed and cut to a length; "" when absent or a file. */
export function field(form: PostedForm, name: string, max = 200): string {
  const value = form[name];
  return typeof value === "string" ? value.trim().slice(0, max) : "";
}
