// /sotinbao [period] [filters]: the commune's tip register as an Excel file, for officers and leaders.
import { DAY_MS, formatDateVN, monthOf } from "../../src/util/vietnam-time.js";
import { addFilterWord, monthPeriod, parsePeriodArg, tipRegister, type RegisterFilter, type RegisterPeriod } from "../../src/tips/register.js";
import { findCommuneById } from "../../src/places/search.js";
import { storeReportUpload } from "../../src/media/uploads.js";
import { complianceOf } from "./stats.js";
import type { StaffRow, Turn } from "./turn.js";

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function sendRegister(turn: Turn, staff: StaffRow, args: string): Promise<void> {
  const w = turn.t.intake.register;
  const { db } = turn.deps;
  const commune = staff.communeId !== null ? await findCommuneById(db, staff.communeId) : null;
  if (!commune) {
    turn.reply(w.forbidden);
    return;
  }
  const now = turn.now();
  let period: RegisterPeriod | null = null;
  const filter: RegisterFilter = {};
  const filters: string[] = [];
  for (const word of args.split(/\s+/).filter(Boolean).slice(0, 6)) {
    const p = parsePeriodArg(word);
    if (p === "bad") {
      turn.reply(w.badPeriod);
      return;
    }
    if (p !== "none") {
      period = p;
      continue;
    }
    const described = await addFilterWord(db, commune.id, filter, word);
    if (!described) {
      turn.reply(w.badWord(word.slice(0, 40)));
      return;
    }
    filters.push(described);
  }
  period ??= monthPeriod(monthOf(now));
  const rows = await tipRegister(db, staff, period, filter, now);
  if (!rows) {
    turn.reply(w.forbidden);
    return;
  }
  const periodText = w.periodText(formatDateVN(period.from), formatDateVN(new Date(period.to.getTime() - DAY_MS)));
  if (rows.length === 0) {
    turn.reply(w.none(periodText));
    return;
  }
  const render = complianceOf(turn).renderers?.register;
  if (!render) {
    turn.reply(w.unavailable);
    return;
  }
  const bytes = await render({ communeName: commune.name, periodText, filters, generatedAt: now }, rows);
  const file = await storeReportUpload(db, { mime: XLSX_MIME, bytes, now, communeId: commune.id, provinceId: commune.provinceId, month: monthOf(period.from), kind: "register", staffId: staff.id });
  const iso = (d: Date) => formatDateVN(d).split("/").reverse().join("");
  const fileName = `${w.fileStem(commune.code, iso(period.from), iso(new Date(period.to.getTime() - DAY_MS)))}.xlsx`;
  turn.replies.push({
    text: w.caption(periodText, rows.length),
    media: { kind: "document", channel: turn.incoming.channel, webUploadId: file.publicId, webLink: { reportFileId: file.reportFileId }, fileName },
  });
  turn.deps.log.info("register.made", { communeId: commune.id, staffId: staff.id, rows: rows.length });
}
