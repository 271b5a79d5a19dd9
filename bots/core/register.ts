// /sotinbao [period] [filters]: the commune's tip register as an Excel file, for officers and leaders.
import { monthOf } from "../../src/util/vietnam-time.js";
import { addFilterWord, monthPeriod, parsePeriodArg, registerFile, type RegisterFilter, type RegisterPeriod } from "../../src/tips/register.js";
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
    const described = await addFilterWord(db, commune.id, filter, word, staff);
    if (!described) {
      turn.reply(w.badWord(word.slice(0, 40)));
      return;
    }
    filters.push(described);
  }
  period ??= monthPeriod(monthOf(now));
  const made = await registerFile(db, staff, commune, period, filter, filters, now, complianceOf(turn).renderers?.register);
  if (!made.ok) {
    turn.reply(made.reason === "forbidden" ? w.forbidden : made.reason === "none" ? w.none(made.periodText) : w.unavailable);
    return;
  }
  const file = await storeReportUpload(db, { mime: XLSX_MIME, bytes: made.bytes, now, communeId: commune.id, provinceId: commune.provinceId, month: monthOf(period.from), kind: "register", staffId: staff.id });
  turn.replies.push({
    text: w.caption(made.periodText, made.rows),
    media: { kind: "document", channel: turn.incoming.channel, webUploadId: file.publicId, webLink: { reportFileId: file.reportFileId }, fileName: made.fileName },
  });
  turn.deps.log.info("register.made", { communeId: commune.id, staffId: staff.id, rows: made.rows });
}
