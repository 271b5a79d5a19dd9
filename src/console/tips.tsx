// The officer's pages: the commune's tip queue (/canbo/tinbao, overdue first, then oldest open first,
// filters by status, category, village and source) and a tip's page (/canbo/tinbao/:id) with its timeline, files and
// the actions the chat has. Each action is a POST form calling the same domain function as the
// chat's button (applyTipAction), after the same scope check (tipForStaff → can()).
// The case forms (ask, note, assign, extend, reopen) and their routes are in tip-case.tsx. To add an
// action: one entry in TIP_ACTIONS, or one form in CaseForms and one POST route under /tinbao/:id/.
import type { Hono } from "hono";
import { formatDateTimeVN, formatDateVN } from "../util/vietnam-time.js";
import { can } from "../staff/roles.js";
import { categories, categoryLabel } from "../tips/categories.js";
import { findSource, sourceLabel, tipSources } from "../tips/sources.js";
import { applyTipAction, listTips, OPEN_STATUSES } from "../tips/service.js";
import { isOpen, isTipAction, nextStatus, type TipAction } from "../tips/status.js";
import { staffName, tipForStaff } from "../tips/staff-access.js";
import { mayOnTip } from "../tips/scope.js";
import { closeTip, officerOf, resultLabel, resultsFor, tipTimeline, type TimelineEntry } from "../tips/case.js";
import { isOverdue, overdueDays } from "../tips/deadlines.js";
import { CaseForms, caseFlash, caseRoutes } from "./tip-case.js";
import { MoveForms, moveFlash, moveRoutes } from "./tip-moves.js";
import { findVillageInCommune, listVillages } from "../places/search.js";
import { openUploadForStaff } from "../media/uploads.js";
import { sealMediaLink } from "../media/links.js";
import { openAddress } from "../crypto/pseudonym.js";
import type { Channel } from "../messaging/types.js";
import { vi } from "../i18n/vi.js";
import { viStaff } from "../i18n/vi-staff.js";
import { viConsole as t } from "../i18n/vi-console.js";
import { viTransfer } from "../i18n/vi-transfer.js";
import { viMarks } from "../i18n/vi-marks.js";
import { Layout, Message, SelectField, sendPage } from "./layout.js";
import { badForm, readForm } from "./forms.js";
import { CONSOLE_ROOT, tipPath, parseTipId } from "./paths.js";
import type { ConsoleEnv, ConsoleOptions, StaffMember } from "./app.js";

const ALL_STATUSES = ["new", "taken", "verifying", "done", "unfounded"] as const;
const QUEUE_SIZE = 50;

/** The chat's actions on a tip, with the chat's own button words. */
const TIP_ACTIONS: ReadonlyArray<{ action: TipAction; label: string; primary?: boolean }> = [
  { action: "take", label: vi.buttons.take, primary: true },
  { action: "verify", label: vi.buttons.verify },
  { action: "done", label: vi.buttons.resolve },
  { action: "unfounded", label: vi.buttons.unfounded },
];

const statusLabel = (status: string) => vi.status[status as keyof typeof vi.status] ?? status;

function Status(props: { status: string }) {
  return <span class={`status s-${props.status}`}>{statusLabel(props.status)}</span>;
}

interface QueueFilter {
  status: string;
  category: string;
  village: string;
  source: string;
  page: number;
}

/** The queue's address with these filters and this page: the pager keeps the filters. */
function queueHref(filter: QueueFilter, page: number): string {
  const query = new URLSearchParams({ trangthai: filter.status, loai: filter.category, thon: filter.village, nguon: filter.source, trang: String(page) });
  return `${CONSOLE_ROOT}/tinbao?${query.toString()}`;
}

async function queuePage(opts: ConsoleOptions, staff: StaffMember, communeId: number, filter: QueueFilter) {
  const villages = await listVillages(opts.db, communeId);
  const statuses = filter.status === "all" ? [...ALL_STATUSES] : (ALL_STATUSES as readonly string[]).includes(filter.status) ? [filter.status] : [...OPEN_STATUSES];
  const category = categories.some((c) => c.id === filter.category) ? filter.category : undefined;
  const village = filter.village ? await findVillageInCommune(opts.db, communeId, filter.village) : null;
  const source = findSource(filter.source)?.id;
  const now = opts.now();
  const skip = (filter.page - 1) * QUEUE_SIZE;
  const { total, tips } = await listTips(opts.db, communeId, { statuses, category, villageId: village?.id, source, oldestFirst: true }, QUEUE_SIZE, now, skip);
  return (
    <Layout title={t.queue.title} staff={staff}>
      <h1>{t.queue.title}</h1>
      <form class="filters card" method="get" action={`${CONSOLE_ROOT}/tinbao`}>
        <label>
          {t.queue.filterStatus}
          <select name="trangthai">
            <option value="open" selected={!["all", ...ALL_STATUSES].includes(filter.status)}>
              {t.queue.anyStatusOpen}
            </option>
            {ALL_STATUSES.map((s) => (
              <option value={s} selected={filter.status === s}>
                {statusLabel(s)}
              </option>
            ))}
            <option value="all" selected={filter.status === "all"}>
              {t.queue.anyStatusAll}
            </option>
          </select>
        </label>
        <SelectField label={t.queue.filterCategory} name="loai" any={t.queue.anyCategory} selected={category} options={categories.map((c) => ({ value: c.id, label: c.label }))} />
        <SelectField label={t.queue.filterVillage} name="thon" any={t.queue.anyVillage} selected={village?.code} options={villages.map((v) => ({ value: v.code, label: v.name }))} />
        <SelectField label={t.queue.filterSource} name="nguon" any={t.queue.anySource} selected={source} options={tipSources.map((s) => ({ value: s.id, label: s.label }))} />
        <button class="btn" type="submit">
          {t.queue.apply}
        </button>
      </form>
      {tips.length === 0 ? (
        <p class="note">{t.queue.empty}</p>
      ) : (
        <>
          <p class="meta">
            {t.queue.count(skip + 1, skip + tips.length, total)} · {t.queue.oldestFirst}
          </p>
          <ul class="tips">
            {tips.map((tip) => (
              <li>
                <a href={tipPath(tip.id)}>
                  <span class="case">{tip.caseNumber}</span> <Status status={tip.status} />
                  <br />
                  <span class="meta">
                    {categoryLabel(tip.category)} · {tip.village?.name ?? vi.flow.unknownVillage}
                    {tip.source !== "chat" ? ` · ${sourceLabel(tip.source)}` : ""} · {formatDateTimeVN(tip.createdAt)}
                  </span>
                  {isOverdue({ dueAt: tip.dueAt, open: isOpen(tip.status) }, now) ? <span class="err"> · {t.queue.overdue(overdueDays({ dueAt: tip.dueAt, open: true }, now))}</span> : null}
                </a>
              </li>
            ))}
          </ul>
          <p class="actions">
            {filter.page > 1 ? <a href={queueHref(filter, filter.page - 1)}>{t.queue.previous}</a> : null}
            {skip + tips.length < total ? <a href={queueHref(filter, filter.page + 1)}>{t.queue.next}</a> : null}
          </p>
        </>
      )}
    </Layout>
  );
}

/** Each kind of timeline entry as a line (the chat's tip view reads the same entries): a new kind is one entry here and its words in vi-console.ts. */
const EVENT_TEXT: Record<string, (e: TimelineEntry, actor: string) => string> = {
  created: () => t.event.created,
  held: () => t.event.held,
  released: (_e, actor) => t.event.released(actor),
  dismissed: (_e, actor) => t.event.dismissed(actor),
  status: (e, actor) => t.event.status(actor, statusLabel(e.status ?? "")),
  question: (e, actor) => t.event.question(actor, e.text ?? ""),
  followup: (e) => t.event.followup(e.text ?? ""),
  address_erased: () => t.event.addressErased,
  address_expired: () => t.event.addressExpired,
  escalated: (e) => t.event.escalated(e.text ?? ""),
  kept: (e, actor) => t.event.kept(actor, e.text ?? ""),
  erased: () => t.event.erased,
  note: (e, actor) => t.event.note(actor, e.text ?? ""),
  assigned: (e, actor) => t.event.assigned(actor, e.to ?? t.event.someone),
  extended: (e, actor) => t.event.extended(actor, e.text ?? ""),
  reopened: (e, actor) => t.event.reopened(actor, e.text ?? ""),
  reopened_detail: () => t.event.reopenedByDetail,
  result: (e, actor) => t.event.result(actor, e.text ?? ""),
  deadline: () => t.event.deadline,
  linked: (e) => t.event.linked(e.text ?? ""),
  transferred: (e, actor) => viTransfer.consoleEvent(actor, e.to ?? "", e.text ?? ""),
  // Duplicates and spam (src/tips/marks.ts).
  duplicate_of: (e, actor) => viMarks.console.duplicateOf(actor, e.text ?? ""),
  duplicate_in: (e, actor) => viMarks.console.duplicateIn(actor, e.text ?? ""),
  duplicate_detail: (e) => viMarks.console.duplicateDetail(e.text ?? ""),
  spam_marked: (_e, actor) => viMarks.console.spamMarked(actor),
  spam_unmarked: (_e, actor) => viMarks.console.spamUnmarked(actor),
};

function eventText(e: TimelineEntry): string {
  const actor = e.who ?? t.event.someone;
  return Object.hasOwn(EVENT_TEXT, e.kind) ? EVENT_TEXT[e.kind]!(e, actor) : t.event.other;
}

type AccessibleTip = Extract<Awaited<ReturnType<typeof tipForStaff>>, { ok: true }>["tip"];

/** Where the officer opens a file: a web chat picture here; a messenger's file by a sealed link made for them. */
async function attachmentLink(opts: ConsoleOptions, staff: StaffMember, a: AccessibleTip["attachments"][number]): Promise<string | null> {
  if (a.kind === "location" && a.latitude !== null && a.longitude !== null) return `https://www.openstreetmap.org/?mlat=${a.latitude}&mlon=${a.longitude}#map=17/${a.latitude}/${a.longitude}`;
  if (a.fileRef?.startsWith("web:")) return `${CONSOLE_ROOT}/tep/${a.fileRef.slice(4)}`;
  if (!a.fileRef || !opts.mediaLinks || !opts.settings.publicUrl) return null;
  const recipient = await openAddress(opts.keys, staff.sealedAddress);
  return sealMediaLink(opts.keys, opts.settings.publicUrl, { kind: a.kind as "photo", channel: a.channel as Channel, fileRef: a.fileRef, citizen: true }, opts.now(), { channel: recipient.channel as Channel, chatId: recipient.chatId });
}

async function tipPage(opts: ConsoleOptions, staff: StaffMember, tip: AccessibleTip, flash: string | undefined) {
  const now = opts.now();
  const [events, takenBy, officer] = await Promise.all([tipTimeline(opts.db, tip.id), staffName(opts.db, tip.takenByStaffId), officerOf(opts.db, tip)]);
  const caseMessage = caseFlash(flash, tip, officer);
  const open = isOpen(tip.status);
  const files = await Promise.all(tip.attachments.map(async (a) => ({ a, href: await attachmentLink(opts, staff, a) })));
  const handles = mayOnTip(staff, "tip.handle", tip);
  const actions = handles ? TIP_ACTIONS.filter((x) => nextStatus(tip.status, x.action) !== null) : [];
  const caseForms = await CaseForms({ opts, staff, tip });
  const moveForms = await MoveForms({ opts, staff, tip });
  const moved = moveFlash(flash, tip);
  return (
    <Layout title={tip.caseNumber} staff={staff}>
      <p>
        <a href={`${CONSOLE_ROOT}/tinbao`}>{t.tip.back}</a>
      </p>
      <h1>
        {tip.caseNumber} <Status status={tip.status} />
      </h1>
      {flash === "ok" ? <p class="ok">{t.tip.done(statusLabel(tip.status))}</p> : null}
      {flash === "refused" ? <p class="err">{t.tip.refused(statusLabel(tip.status))}</p> : null}
      {caseMessage ? <p class={caseMessage.ok ? "ok" : "err"}>{caseMessage.text}</p> : null}
      {moved ? <p class="ok">{moved}</p> : null}
      <div class="card">
        <dl>
          <dt>{t.tip.category}</dt>
          <dd>{categoryLabel(tip.category)}</dd>
          <dt>{t.tip.place}</dt>
          <dd>{`${tip.village?.name ?? vi.flow.unknownVillage}, ${tip.commune.name}`}</dd>
          <dt>{t.tip.received}</dt>
          <dd>{formatDateTimeVN(tip.createdAt)}</dd>
          {takenBy ? (
            <>
              <dt>{t.tip.takenBy}</dt>
              <dd>{takenBy}</dd>
            </>
          ) : null}
          <dt>{t.tip.officer}</dt>
          <dd>{officer ?? t.tip.noOfficer}</dd>
          {tip.dueAt && open ? (
            <>
              <dt>{t.tip.due}</dt>
              <dd class={isOverdue({ dueAt: tip.dueAt, open }, now) ? "err" : undefined}>
                {isOverdue({ dueAt: tip.dueAt, open }, now) ? t.tip.overdue(formatDateVN(tip.dueAt), overdueDays({ dueAt: tip.dueAt, open }, now)) : formatDateVN(tip.dueAt)}
              </dd>
            </>
          ) : null}
          {tip.result ? (
            <>
              <dt>{t.tip.resultShown}</dt>
              <dd>{resultLabel(tip.result)}</dd>
            </>
          ) : null}
        </dl>
      </div>
      <section>
        <h2>{t.tip.content}</h2>
        <div class="card text">{tip.erasedAt ? viStaff.desk.tipErased(formatDateVN(tip.erasedAt)) : tip.text}</div>
      </section>
      <section>
        <h2>{t.tip.actions}</h2>
        {actions.length === 0 && !caseForms && !moveForms ? (
          <p class="meta">{t.tip.noActions}</p>
        ) : (
          <div class="actions">
            {actions.map((x) =>
              x.action === "done" || x.action === "unfounded" ? (
                // Closing asks for its result and an optional note, as in chat (closeTip: the tipster hears it was dealt with).
                <form method="post" action={`${tipPath(tip.id)}/xuly`} class="card">
                  <input type="hidden" name="action" value={x.action} />
                  <label>
                    {t.tip.result}
                    <select name="result" required>
                      {resultsFor(x.action).map((r) => (
                        <option value={r.id}>{r.label}</option>
                      ))}
                    </select>
                  </label>
                  <label>
                    {t.tip.closeNote}
                    <textarea name="note" maxlength={1000} rows={2} />
                  </label>
                  <button class="btn alt" type="submit">
                    {x.label}
                  </button>
                </form>
              ) : (
                <form method="post" action={`${tipPath(tip.id)}/xuly`}>
                  <input type="hidden" name="action" value={x.action} />
                  <button class={x.primary ? "btn" : "btn alt"} type="submit">
                    {x.label}
                  </button>
                </form>
              ),
            )}
          </div>
        )}
        {caseForms}
        {moveForms}
      </section>
      <section>
        <h2>{t.tip.attachments}</h2>
        {files.length === 0 ? (
          <p class="meta">{t.tip.noAttachments}</p>
        ) : (
          <ul>
            {files.map(({ a, href }) => (
              <li>
                {vi.media[a.kind] ?? a.kind}
                {" — "}
                {href ? (
                  <a href={href} rel="noreferrer" target="_blank">
                    {a.kind === "location" ? t.tip.location : t.tip.open}
                  </a>
                ) : (
                  <span class="meta">{t.tip.attachmentElsewhere}</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h2>{t.tip.timeline}</h2>
        <ol class="timeline">
          {events.map((e) => (
            <li>
              <span class="meta">{formatDateTimeVN(e.at)}</span> — {eventText(e)}
            </li>
          ))}
        </ol>
      </section>
    </Layout>
  );
}

export function tipRoutes(root: Hono<ConsoleEnv>, opts: ConsoleOptions): void {
  const { db } = opts;
  const notFound = (staff: StaffMember) => <Message title={t.errors.notFound} text={t.tip.notFound} staff={staff} />;

  root.get("/tinbao", async (c) => {
    const staff = c.get("staff");
    if (staff.communeId === null || !can(staff, "tip.list", { communeId: staff.communeId })) {
      return sendPage(c, <Message title={t.errors.forbidden} text={t.errors.forbidden} staff={staff} />, 403);
    }
    const page = /^[1-9][0-9]{0,4}$/.test(c.req.query("trang") ?? "") ? Number(c.req.query("trang")) : 1;
    const filter = { status: c.req.query("trangthai") ?? "open", category: c.req.query("loai") ?? "", village: (c.req.query("thon") ?? "").slice(0, 32), source: (c.req.query("nguon") ?? "").slice(0, 20), page };
    return sendPage(c, await queuePage(opts, staff, staff.communeId, filter));
  });

  root.get("/tinbao/:id", async (c) => {
    const staff = c.get("staff");
    const id = parseTipId(c.req.param("id"));
    const access = id === null ? null : await tipForStaff(db, staff, id, "tip.read");
    if (!access?.ok) return sendPage(c, notFound(staff), 404);
    return sendPage(c, await tipPage(opts, staff, access.tip, c.req.query("kq")));
  });

  root.post("/tinbao/:id/xuly", async (c) => {
    const staff = c.get("staff");
    const id = parseTipId(c.req.param("id"));
    const form = await readForm(c);
    if (!form) return badForm(c);
    const action = typeof form.action === "string" ? form.action : "";
    const access = id === null ? null : await tipForStaff(db, staff, id, "tip.handle");
    if (!access || (!access.ok && access.reason === "not_found")) return sendPage(c, notFound(staff), 404);
    if (!access.ok) return sendPage(c, <Message title={t.errors.forbidden} text={t.errors.forbidden} staff={staff} kind="err" />, 403);
    if (!isTipAction(action)) return sendPage(c, <Message title={t.errors.badRequest} text={t.errors.badRequest} staff={staff} kind="err" />, 400);
    if (action === "done" || action === "unfounded") {
      const result = typeof form.result === "string" ? form.result : "";
      const note = typeof form.note === "string" && form.note.trim() ? form.note.trim() : null;
      const closed = await closeTip(opts, staff, access.tip.id, action, result, note);
      if (!closed.ok && closed.reason === "bad_result") return sendPage(c, <Message title={t.errors.badRequest} text={t.tip.resultNeeded} staff={staff} kind="err" />, 400);
      return c.redirect(`${tipPath(access.tip.id)}?kq=${closed.ok ? "ok" : "refused"}`, 303);
    }
    const outcome = await applyTipAction(opts, staff, access.tip.id, action);
    return c.redirect(`${tipPath(access.tip.id)}?kq=${outcome.ok ? "ok" : "refused"}`, 303);
  });

  caseRoutes(root, opts);
  moveRoutes(root, opts);

  // A web chat picture of a tip: the same scope check as the web chat's own file route.
  root.get("/tep/:id", async (c) => {
    const staff = c.get("staff");
    const opened = await openUploadForStaff(db, staff, c.req.param("id"));
    if (!opened.ok || opened.report) return sendPage(c, notFound(staff), 404);
    return c.body(opened.bytes as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": opened.mime,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    });
  });
}
