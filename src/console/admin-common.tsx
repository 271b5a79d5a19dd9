// What the admin pages share (src/console/admin*.tsx): who has them and the 404 that answers
// anything missing or out of scope alike. Forms are read with src/console/forms.tsx, as everywhere.
import type { Context } from "hono";
import { roleMay } from "../staff/roles.js";
import { viConsole as t } from "../i18n/vi-console.js";
import { Message, sendPage } from "./layout.js";
import type { Db } from "../db/client.js";
import type { ConsoleEnv, StaffMember } from "./app.js";

export const isAdmin = (staff: StaffMember) => staff.active && roleMay(staff.role, "staff.manage");

export const notFound = (c: Context<ConsoleEnv>) => sendPage(c, <Message title={t.errors.notFound} text={t.errors.notFound} staff={c.get("staff")} />, 404);

const CODE = /^[A-Za-z0-9-]{2,16}$/;

/** A commune's id from the code in an address, or null (a 404). Scope is the domain function's to check. */
export async function communeIdByCode(db: Db, raw: string): Promise<number | null> {
  if (!CODE.test(raw)) return null;
  const found = await db.commune.findUnique({ where: { code: raw.toUpperCase() }, select: { id: true } });
  return found?.id ?? null;
}
