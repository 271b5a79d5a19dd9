import type { CoreDeps } from "../turn.js";
import { expiredNotice, flowOf, loadState } from "../flows/index.js";
import { addressTagOf, openAddress } from "../../../src/crypto/pseudonym.js";
import { enqueue } from "../../../src/outbox/outbox.js";
import { escalateStaleTips, expireReplyAddresses } from "../../../src/tips/service.js";
import { remindDeadlines } from "../../../src/tips/case.js";
import { pruneHits } from "../../../src/tips/limits.js";
import { pruneSpamMarks } from "../../../src/tips/spam.js";
import { requeueStaleClaims } from "./process.js";
import { pruneReportFiles, remindLeaders, remindReportingUnits, remindVillageHeads } from "../../../src/compliance/reminders.js";
import type { Channel } from "../../../src/messaging/types.js";
import { yieldToIo } from "../../../src/util/yield.js";
import { remindWindowedStaff } from "../../../src/staff/reminders.js";
import { expireParked, pruneWindowState } from "../../../src/outbox/window.js";
import { runBulletinTick } from "../../../src/bulletins/tick.js";
import { runZaloDigest } from "../../../src/bulletins/zalo-digest.js";
import { deletePendingUploads, pruneUnattachedUploads } from "../../../src/media/uploads.js";
import { rollUpDeliveries } from "../../../src/bulletins/rollup.js";
import { pruneConsoleSessions } from "../../../src/staff/console-sessions.js";
import { pruneInboundUpdates } from "../../../src/inbound/prune.js";
import { DEFAULT_TIP_RETENTION_MONTHS, eraseExpiredTips } from "../../../src/tips/retention.js";
import { messagesFor } from "../../../src/i18n/messages.js";
import { chosenLocale } from "../../../src/conversations/preferences.js";

const DAY_MS = 86_400_000;

/** Conversations nobody finished: delete them, and tell their author in the flow's words (the engine says the same at their next message). */
export async function expireDrafts(deps: CoreDeps): Promise<number> {
  const { db, keys } = deps;
  const now = deps.now();
  const stale = await db.conversation.findMany({ where: { expiresAt: { lte: now } }, take: 500 });
  for (const row of stale) {
    const removed = await db.conversation.deleteMany({ where: { pseudonym: row.pseudonym, updatedAt: row.updatedAt } });
    if (removed.count !== 1) continue;
    const { state } = loadState(row.state);
    // In the locale its author chose (read only here, for the few drafts that expire unfinished).
    const locale = flowOf(state)?.expiredNotice ? await chosenLocale(db, row.pseudonym) : null;
    const notice = expiredNotice(state, deps.settings, messagesFor(locale));
    const ownsUploads = flowOf(state)?.ownsUploads === true;
    if (!notice && !ownsUploads) continue;
    const address = await openAddress(keys, row.sealedAddress);
    const addressTag = await addressTagOf(keys, address);
    if (ownsUploads && address.channel === "web") await deletePendingUploads(db, addressTag);
    if (notice) await enqueue(db, { channel: address.channel as Channel, sealedAddress: row.sealedAddress, addressTag }, { text: notice }, { now });
  }
  return stale.length;
}

/** Periodic work: escalations, expiries and clean-up. Safe to run often and from several places. */
export async function sweep(deps: CoreDeps): Promise<void> {
  const now = deps.now();
  const jobs: Array<[string, () => Promise<unknown>]> = [
    ["requeue", () => requeueStaleClaims(deps)],
    ["escalate", () => escalateStaleTips(deps)],
    ["deadlines", () => remindDeadlines(deps)],
    ["bulletins", () => runBulletinTick(deps)],
    ["zalo_digest", async () => (deps.articles ? runZaloDigest(deps, deps.articles) : null)],
    ["drafts", () => expireDrafts(deps)],
    ["addresses", () => expireReplyAddresses(deps.db, now)],
    ["rate_hits", () => pruneHits(deps.db, new Date(now.getTime() - DAY_MS))],
    ["spam_marks", () => pruneSpamMarks(deps.db, now)],
    ["staff_reminders", () => remindWindowedStaff(deps)],
    ["parked", () => expireParked(deps.db, now)],
    ["window_state", () => pruneWindowState(deps.db, now)],
    ["figures_reminders", () => remindVillageHeads(deps)],
    ["unit_reminders", () => remindReportingUnits(deps)],
    ["leader_reminders", () => remindLeaders(deps)],
    ["report_files", () => pruneReportFiles(deps)],
    ["delivery_rollup", () => rollUpDeliveries(deps.db, now)],
    ["uploads", () => pruneUnattachedUploads(deps.db, now)],
    ["console_sessions", () => pruneConsoleSessions(deps.db, now)],
    ["inbound", () => pruneInboundUpdates(deps.db, now)],
    ["retention", () => eraseExpiredTips(deps.db, now, deps.settings.tipRetentionMonths ?? DEFAULT_TIP_RETENTION_MONTHS)],
    ["web_messages", () => deps.db.webChatMessage.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 7 * DAY_MS) } } })],
    ["outbox", () => deps.db.outboxMessage.deleteMany({ where: { status: { in: ["sent", "cancelled"] }, createdAt: { lt: new Date(now.getTime() - 30 * DAY_MS) } } })],
  ];
  for (const [name, job] of jobs) {
    const started = Date.now();
    await job();
    const ms = Date.now() - started;
    // A slow job holds everything behind it: say which.
    if (ms > 250) deps.log.warn("sweep.slow_job", { job: name, ms });
    await (deps.pause ?? yieldToIo)();
  }
}
