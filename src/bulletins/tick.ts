// The bulletin job, called from sweep() (Node: the in-process work loop; Workers: the every-minute
// cron). Every step is idempotent and safe to run often and from two places at once.
import { ensureCatalog } from "./catalog.js";
import { advanceFanOuts } from "./fanout.js";
import { sendReminders, sendWeeklySummaries } from "./deliveries.js";
import { ensureSchedules, planSlots } from "./slots.js";
import { requestTranslations } from "./translations.js";
import { sendAudienceReminders } from "./audiences.js";
import type { BulletinDeps } from "./store.js";

export interface TickOptions {
  /** Subscribers queued per run at most (the rest follow on the next run). */
  fanOutBudget?: number;
}

export async function runBulletinTick(deps: BulletinDeps, opts: TickOptions = {}) {
  const now = deps.now();
  await ensureCatalog(deps.db, now);
  await ensureSchedules(deps.db, now, deps.settings?.bulletinSpreadMinutes ?? 0);
  const planned = await planSlots(deps);
  const fanOut = await advanceFanOuts(deps, opts.fanOutBudget ?? 1_000);
  const reminders = (await sendReminders(deps)) + (await sendAudienceReminders(deps));
  const summaries = await sendWeeklySummaries(deps);
  const requests = await requestTranslations(deps);
  return { planned, fanOut, reminders, summaries, requests };
}
