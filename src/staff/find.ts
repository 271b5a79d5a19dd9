// The staff member behind a pseudonym: their first account (Staff) or a linked one on another
// messenger (StaffLink). Active or not: callers decide what a revoked member may still do.
import type { Db } from "../db/client.js";

export async function findStaff(db: Db, pseudonym: string) {
  const direct = await db.staff.findUnique({ where: { pseudonym } });
  if (direct) return direct;
  const link = await db.staffLink.findUnique({ where: { pseudonym } });
  return link ? db.staff.findUnique({ where: { id: link.staffId } }) : null;
}

export async function findStaffById(db: Db, id: number) {
  return db.staff.findUnique({ where: { id } });
}
