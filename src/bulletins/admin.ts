// An admin's configuration of a commune's bulletins (issue 13, the console's /canbo/quantri): its
// weekly schedule (days, times in Vietnam time, paused or not, re-airing within a day) and its
// bulletin languages. One scope check (`communeToConfigure`, the chat's "bulletin.configure"): a
// commune admin in their commune, a province admin in its communes, a national admin anywhere;
// anything else answers not_found. Every change is audited (StaffAudit), as the staff changes are.
import type { Db } from "../db/client.js";
import { can, type StaffScope } from "../staff/roles.js";
import { nextSlotAfter, scheduleFromForm, type FormScheduleResult } from "./schedule.js";
import { communeSchedule, setRepeatWithinDay, setSchedule } from "./slots.js";
import { communeLanguagesFrom, parseLanguageList, setCommuneLanguages, villagesWithLanguages, BASE_LANGUAGE, type CommuneLanguagesResult } from "./languages.js";

/** The admin acting (a staff member). */
export interface ConfigActor extends StaffScope {
  id: number;
}

export const BULLETIN_AUDIT = {
  schedule: "bulletin.schedule_changed",
  languages: "bulletin.languages_changed",
} as const;

/** The commune (with its province) if this actor may configure its bulletins; null otherwise. */
export async function communeToConfigure(db: Db, actor: ConfigActor, communeId: number) {
  const commune = await db.commune.findUnique({ where: { id: communeId }, include: { province: true } });
  if (!commune) return null;
  return can(actor, "bulletin.configure", { communeId: commune.id, provinceId: commune.provinceId }) ? commune : null;
}

/** What the console shows of a commune's bulletins: the schedule, its next slot, the languages. */
export async function bulletinSettingsAs(db: Db, actor: ConfigActor, communeId: number, now: Date) {
  const commune = await communeToConfigure(db, actor, communeId);
  if (!commune) return null;
  const { schedule, enabled, repeatWithinDay } = await communeSchedule(db, commune.id);
  const own = parseLanguageList(commune.languages);
  const villages = await villagesWithLanguages(db, commune.id);
  return {
    commune,
    schedule,
    enabled,
    repeatWithinDay,
    next: enabled ? nextSlotAfter(schedule, now) : null,
    languages: own.includes(BASE_LANGUAGE) ? own : [BASE_LANGUAGE, ...own],
    villages: villages.map((v) => ({ code: v.code, name: v.name, languages: parseLanguageList(v.languages) })),
  };
}

async function audit(db: Db, communeId: number, action: string, actor: ConfigActor, subject: string, now: Date): Promise<void> {
  await db.staffAudit.create({ data: { communeId, action, actorStaffId: actor.id, subject, createdAt: now } });
}

export type ScheduleChange = { ok: true; next: Date | null } | { ok: false; reason: "not_found" } | { ok: false; reason: "invalid"; problem: Exclude<FormScheduleResult, { ok: true }> };

/**
 * Changes a commune's schedule from a form: days ("1"…"7"), times ("06:30, 18:30"), whether it
 * runs and whether later slots re-air the day's first bulletin. Checked whole before anything is
 * written; from `now` on, as in the chat (earlier slots are not made up for).
 */
export async function setScheduleAs(
  db: Db,
  actor: ConfigActor,
  communeId: number,
  input: { days: readonly string[]; times: string; enabled: boolean; repeatWithinDay: boolean },
  now: Date,
): Promise<ScheduleChange> {
  const commune = await communeToConfigure(db, actor, communeId);
  if (!commune) return { ok: false, reason: "not_found" };
  const read = scheduleFromForm(input.days, input.times);
  if (!read.ok) return { ok: false, reason: "invalid", problem: read };
  const result = await setSchedule(db, commune.id, { schedule: read.schedule, enabled: input.enabled }, now, actor.id);
  await setRepeatWithinDay(db, commune.id, input.repeatWithinDay, now, actor.id);
  const subject = `schedule:${read.schedule.days.join(",")} ${read.schedule.times.join(",")}${input.enabled ? "" : " paused"}${input.repeatWithinDay ? " repeat" : ""}`;
  await audit(db, commune.id, BULLETIN_AUDIT.schedule, actor, subject, now);
  return { ok: true, next: result.next };
}

export type LanguagesChange = { ok: true; codes: string[] } | { ok: false; reason: "not_found" } | { ok: false; reason: "invalid"; problem: Exclude<CommuneLanguagesResult, { ok: true }> };

/** Sets a commune's bulletin languages (codes or names, comma-separated; Vietnamese always kept). */
export async function setCommuneLanguagesAs(db: Db, actor: ConfigActor, communeId: number, text: string, now: Date): Promise<LanguagesChange> {
  const commune = await communeToConfigure(db, actor, communeId);
  if (!commune) return { ok: false, reason: "not_found" };
  const read = communeLanguagesFrom(text);
  if (!read.ok) return { ok: false, reason: "invalid", problem: read };
  await setCommuneLanguages(db, commune.id, read.codes.join(","));
  await audit(db, commune.id, BULLETIN_AUDIT.languages, actor, `languages:${read.codes.join(",")}`, now);
  return { ok: true, codes: read.codes };
}
