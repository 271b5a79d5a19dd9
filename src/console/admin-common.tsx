// What the admin pages share (src/console/admin.tsx, admin-places.tsx): who has them, the 404 that
// answers anything missing or out of scope alike, and reading one text field of a form.
import type { Context } from "hono";
import { roleMay } from "../staff/roles.js";
import { viConsole as t } from "../i18n/vi-console.js";
import { viConsoleAdmin } from "../i18n/vi-console-admin.js";
import { Message, sendPage } from "./layout.js";
import type { ConsoleEnv, StaffMember } from "./app.js";

export const isAdmin = (staff: StaffMember) => staff.active && roleMay(staff.role, "staff.manage");

export const notFound = (c: Context<ConsoleEnv>) => sendPage(c, <Message title={t.errors.notFound} text={t.errors.notFound} staff={c.get("staff")} />, 404);

/** The posted form, or null when its body does not parse (a broken multipart body is a 400, not a failure). */
export async function readForm(c: Context<ConsoleEnv>): Promise<Record<string, unknown> | null> {
  try {
    return await c.req.parseBody();
  } catch {
    return null;
  }
}

export const badForm = (c: Context<ConsoleEnv>) => sendPage(c, <Message title={viConsoleAdmin.badFormTitle} text={viConsoleAdmin.badForm} staff={c.get("staff")} kind="err" />, 400);

/** The form's text field, trimmed and cut to a length; "" when absent or a file. */
export function field(form: Record<string, unknown>, name: string, max = 200): string {
  const value = form[name];
  return typeof value === "string" ? value.trim().slice(0, max) : "";
}
