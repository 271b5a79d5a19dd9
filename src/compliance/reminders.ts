// Monthly reminders, run from sweep(): village heads who have not entered the month's figures
// (from the 20th), leaders with what is still missing before the report is due (from the 22nd).
// Once per month and person: the ReminderSent row is claimed first (unique key), so two sweeps
// at once, or a sweep every 30 seconds, send each reminder once. Daytime in Vietnam only.
import { formatDateVN, type MonthKey, monthOf, vnDayOfMonth, vnHour } from "../util/vietnam-time.js";
import type { RuntimeDeps } from "../messaging/deps.js";

type ReminderDeps = RuntimeDeps & { compliance?: ComplianceDeps };
import type { Channel } from "../messaging/types.js";
import { enqueue } from "../outbox/outbox.js";
import { viCompliance as t } from "../i18n/vi-compliance.js";
import { communeMonth, communeRef, type ComplianceDeps } from "./service.js";
import { dueDateOf } from "./periods.js";
import { unitByKind } from "./units.js";
import { communeUnits } from "./unit-figures.js";
import { viUnits } from "../i18n/vi-units.js";
import { deleteUploads } from "../media/uploads.js";

// At most ~98 bound values per query on D1: relation loads of a batch stay under it.
const BATCH = 50;
const FIRST_HOUR = 8;
const LAST_HOUR = 20;
const REPORT_FILE_DAYS = 30;

/** Whether a reminder of this kind is due now: from `day` of the month, between 08:00 and 21:00 Vietnam time. */
export function reminderDue(now: Date, day: number): boolean {
  const hour = vnHour(now);
  return vnDayOfMonth(now) >= day && hour >= FIRST_HOUR && hour <= LAST_HOUR;
}

/** Claims the reminder for this person and month; false when it was already sent (or is being sent). */
async function claim(deps: ReminderDeps, kind: string, month: MonthKey, staffId: number): Promise<boolean> {
  try {
    await deps.db.reminderSent.create({ data: { kind, month, staffId, createdAt: deps.now() } });
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return false;
    throw error;
  }
}

/**
 * Reminders run only where compliance is configured (both entry points do). Tests and tools that
 * build bare deps send none, so no other test depends on the calendar.
 */
function complianceOf(deps: ReminderDeps): ComplianceDeps | null {
  return deps.compliance ?? null;
}

export async function remindVillageHeads(deps: ReminderDeps): Promise<number> {
  const c = complianceOf(deps);
  const now = deps.now();
  if (!c || !reminderDue(now, c.figuresReminderDay)) return 0;
  const month = monthOf(now);
  const heads = await deps.db.staff.findMany({
    where: { role: "village_head", active: true, villageId: { not: null }, village: { figures: { none: { month } } }, reminders: { none: { kind: "figures", month } } },
    include: { village: true },
    orderBy: { id: "asc" },
    take: BATCH,
  });
  let sent = 0;
  for (const s of heads) {
    if (!s.village || !(await claim(deps, "figures", month, s.id))) continue;
    await enqueue(
      deps.db,
      { channel: s.channel as Channel, sealedAddress: s.sealedAddress, addressTag: `staff:${s.id}` },
      { text: t.reminders.villageHead(month, s.village.name, formatDateVN(dueDateOf(month, c.reportDueDay))) },
      { dedupeKey: `reminder:figures:${month}:${s.id}`, now },
    );
    sent++;
  }
  return sent;
}

/**
 * The reporting units' members whose unit has not sent the month's figures, from the same day as
 * the village heads and in the same words' style; once per month and member.
 */
export async function remindReportingUnits(deps: ReminderDeps): Promise<number> {
  const c = complianceOf(deps);
  const now = deps.now();
  if (!c || !reminderDue(now, c.figuresReminderDay)) return 0;
  const month = monthOf(now);
  const members = await deps.db.staff.findMany({
    where: { role: "reporting_unit", active: true, communeId: { not: null }, unitKind: { not: null }, reminders: { none: { kind: "unit_figures", month } } },
    orderBy: { id: "asc" },
    take: BATCH,
  });
  let sent = 0;
  for (const s of members) {
    const unit = unitByKind(s.unitKind);
    if (!unit) continue;
    const entered = await deps.db.unitFigures.findUnique({ where: { communeId_unitKind_month: { communeId: s.communeId!, unitKind: unit.kind, month } }, select: { id: true } });
    // Claimed either way, so a unit that already reported is not looked at again this month.
    if (!(await claim(deps, "unit_figures", month, s.id)) || entered) continue;
    await enqueue(
      deps.db,
      { channel: s.channel as Channel, sealedAddress: s.sealedAddress, addressTag: `staff:${s.id}` },
      { text: viUnits.reminders.unit(month, unit.name, formatDateVN(dueDateOf(month, c.reportDueDay))) },
      { dedupeKey: `reminder:unit_figures:${month}:${s.id}`, now },
    );
    sent++;
  }
  return sent;
}

export async function remindLeaders(deps: ReminderDeps): Promise<number> {
  const c = complianceOf(deps);
  const now = deps.now();
  if (!c || !reminderDue(now, c.leaderReminderDay)) return 0;
  const month = monthOf(now);
  const leaders = await deps.db.staff.findMany({
    where: { role: "leader", active: true, communeId: { not: null }, reminders: { none: { kind: "leader", month } } },
    orderBy: { id: "asc" },
    take: BATCH,
  });
  const texts = new Map<number, string>();
  let sent = 0;
  for (const s of leaders) {
    const communeId = s.communeId!;
    if (!texts.has(communeId)) {
      const commune = await communeRef(deps.db, communeId);
      if (!commune) continue;
      const cm = await communeMonth(deps.db, c, commune, month);
      const unitsMissing = (await communeUnits(deps.db, communeId, [month])).filter((u) => !u.figures).map((u) => u.unit.name);
      texts.set(
        communeId,
        [t.reminders.leader({
          month,
          commune: commune.name,
          due: formatDateVN(dueDateOf(month, c.reportDueDay)),
          missingVillages: cm.villages.filter((v) => !v.figures).map((v) => v.name),
          unknown: cm.counts.unknown,
          notMet: cm.counts.not_met,
          total: cm.results.length,
        }), viUnits.reminders.leaderUnits(unitsMissing)].join("\n"),
      );
    }
    if (!(await claim(deps, "leader", month, s.id))) continue;
    await enqueue(
      deps.db,
      { channel: s.channel as Channel, sealedAddress: s.sealedAddress, addressTag: `staff:${s.id}` },
      { text: texts.get(communeId)! },
      { dedupeKey: `reminder:leader:${month}:${s.id}`, now },
    );
    sent++;
  }
  return sent;
}

/** Report files are made on request and kept a month. */
export async function pruneReportFiles(deps: ReminderDeps): Promise<number> {
  const before = new Date(deps.now().getTime() - REPORT_FILE_DAYS * 86_400_000);
  const old = await deps.db.reportFile.findMany({ where: { createdAt: { lt: before } }, select: { id: true, webUploadId: true }, take: 200 });
  for (const f of old) {
    await deleteUploads(deps.db, { id: f.webUploadId });
    await deps.db.reportFile.deleteMany({ where: { id: f.id } });
  }
  return old.length;
}
