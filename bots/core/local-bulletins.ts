// /vietbantin in chat: an officer or leader writes the commune's own bulletin or urgent warning
// (kind → title → text → preview with "Gửi duyệt" / "Sửa" / "Hủy", "Quay lại" at each step); the
// approver's "Duyệt" / "Trả lại", then "Phát ngay" / "Phát ở buổi tới". Every rule is the domain's
// (src/bulletins/local.ts), which the console calls too.
import {
  airChoices,
  airLocalBulletin,
  approverRole,
  checkText,
  checkTitle,
  isLocalKind,
  mayWrite,
  problemText,
  reviewLocalBulletin,
  submitLocalBulletin,
  TITLE_MAX,
} from "../../src/bulletins/local.js";
import { formatSlot } from "../../src/bulletins/messages.js";
import { localAudience, localConfirm, localKeep, localKind } from "../../src/messaging/buttons.js";
import { communeAudienceKinds, keepAvailable, type AudienceKind } from "../../src/bulletins/audiences.js";
import type { Choice } from "../../src/messaging/types.js";
import { IDLE } from "./state.js";
import type { LocalDraft, LocalStep } from "./local-bulletin-state.js";
import { navRow, type StaffRow, type Turn } from "./turn.js";

export async function startLocal(turn: Turn, staff: StaffRow): Promise<void> {
  if (!mayWrite(staff)) {
    turn.reply(turn.t.localBulletins.flow.forbidden);
    return;
  }
  await enterLocalStep(turn, "lb_kind", {});
}

/** The step Quay lại leads to; null leaves the flow. */
export function localPrevious(step: LocalStep): LocalStep | null {
  switch (step) {
    case "lb_kind":
      return null;
    case "lb_title":
      return "lb_kind";
    case "lb_text":
      return "lb_title";
    case "lb_audiences":
      return "lb_text";
    case "lb_preview":
      return "lb_audiences";
  }
}

export async function enterLocalStep(turn: Turn, step: LocalStep, draft: LocalDraft): Promise<void> {
  const w = turn.t.localBulletins.flow;
  const kinds = turn.t.localBulletins.kinds;
  turn.state = { step, draft };
  switch (step) {
    case "lb_kind":
      turn.reply(w.askKind, [[{ label: w.buttons.bulletin, data: localKind.pack("bulletin") }], [{ label: w.buttons.warning, data: localKind.pack("warning") }], navRow(turn.t, false)]);
      return;
    case "lb_title":
      turn.reply(withCurrent(w.askTitle(kinds[draft.kind ?? "bulletin"], TITLE_MAX), draft.title, w.current), keepRows(turn, draft.title, w.buttons.keepTitle));
      return;
    case "lb_text":
      turn.reply(withCurrent(w.askText, draft.text, w.current), keepRows(turn, draft.text, w.buttons.keepText));
      return;
    case "lb_audiences": {
      const available = await writerAudienceKinds(turn);
      // A commune with no school or business on its list is not asked.
      if (available.length === 0) return enterLocalStep(turn, "lb_preview", { ...draft, audiences: [] });
      const a = turn.t.audiences.choose;
      const rows: Choice[][] = available.map((k) => [{ label: a[k], data: localAudience.pack(k) }]);
      if (available.length > 1) rows.push([{ label: a.both, data: localAudience.pack("both") }]);
      rows.push([{ label: a.none, data: localAudience.pack("none") }], navRow(turn.t));
      turn.reply(a.ask, rows);
      return;
    }
    case "lb_preview": {
      const role = approverRole(turn.staff?.role ?? "officer");
      const chosen = draft.audiences ?? [];
      const a = turn.t.audiences;
      const lines = [
        w.previewTitle,
        `${w.previewKind}: ${kinds[draft.kind ?? "bulletin"]}`,
        `${w.previewHeading}: ${draft.title ?? ""}`,
        `${w.previewText}:`,
        draft.text ?? "",
        "",
        ...((await writerAudienceKinds(turn)).length > 0 ? [`${a.choose.preview}: ${chosen.length > 0 ? chosen.map((k) => a.kindsInline[k]).join(", ") : a.choose.previewNone}`] : []),
        w.previewApprover(turn.t.localBulletins.approverOf[role] ?? role),
      ];
      turn.reply(lines.join("\n"), [[{ label: w.buttons.submit, data: localConfirm.pack("submit") }], [{ label: w.buttons.edit, data: localConfirm.pack("edit") }], navRow(turn.t)]);
      return;
    }
  }
}

/** After "Sửa" or Quay lại, what was written before is shown and can be kept with one button. */
function withCurrent(question: string, value: string | undefined, current: (v: string) => string): string {
  return value ? `${question}\n${current(value)}` : question;
}

function keepRows(turn: Turn, value: string | undefined, label: string): Choice[][] {
  return value ? [[{ label, data: localKeep.pack() }], navRow(turn.t)] : [navRow(turn.t)];
}

export async function localBack(turn: Turn, step: LocalStep, draft: LocalDraft): Promise<void> {
  let previous = localPrevious(step);
  if (!previous) return cancelLocal(turn);
  // The audience step was skipped on the way (no school or business): back goes past it too.
  if (previous === "lb_audiences" && (await writerAudienceKinds(turn)).length === 0) previous = localPrevious(previous)!;
  await enterLocalStep(turn, previous, draft);
}

/** The audience kinds the writer's commune has on its list. */
async function writerAudienceKinds(turn: Turn): Promise<AudienceKind[]> {
  const communeId = turn.staff?.communeId ?? null;
  return communeId === null ? [] : communeAudienceKinds(turn.deps.db, communeId);
}

export function cancelLocal(turn: Turn): void {
  turn.state = IDLE;
  turn.reply(turn.t.localBulletins.flow.cancelled);
}

export async function continueLocal(turn: Turn, staff: StaffRow, step: LocalStep, draft: LocalDraft): Promise<void> {
  const w = turn.t.localBulletins.flow;
  const { content } = turn.incoming;
  const choice = content.kind === "choice" ? content.data : null;
  const text = content.kind === "text" ? content.text.trim() : null;
  if (!mayWrite(staff)) {
    turn.state = IDLE;
    turn.reply(w.forbidden);
    return;
  }
  switch (step) {
    case "lb_kind": {
      const picked = localKind.parse(choice);
      const typed = text?.toLowerCase();
      const kinds = turn.t.localBulletins.kinds;
      const kind = picked ?? (typed === kinds.bulletin.toLowerCase() ? "bulletin" : typed === kinds.warning.toLowerCase() ? "warning" : null);
      if (!kind || !isLocalKind(kind)) return reask(turn, step, draft);
      return enterLocalStep(turn, "lb_title", { ...draft, kind });
    }
    case "lb_title": {
      if (localKeep.parse(choice) && draft.title) return enterLocalStep(turn, "lb_text", draft);
      if (text === null) return reask(turn, step, draft);
      const problem = checkTitle(text);
      if (problem) {
        turn.reply(problemText(problem, text), [navRow(turn.t)]);
        return;
      }
      return enterLocalStep(turn, "lb_text", { ...draft, title: text });
    }
    case "lb_text": {
      if (localKeep.parse(choice) && draft.text) return enterLocalStep(turn, "lb_audiences", draft);
      if (text === null) return reask(turn, step, draft);
      const problem = checkText(text);
      if (problem) {
        turn.reply(problemText(problem, text), [navRow(turn.t)]);
        return;
      }
      return enterLocalStep(turn, "lb_audiences", { ...draft, text });
    }
    case "lb_audiences": {
      const picked = localAudience.parse(choice);
      if (!picked) return reask(turn, step, draft);
      const wanted: string[] = picked === "both" ? ["school", "business"] : picked === "none" ? [] : [picked];
      return enterLocalStep(turn, "lb_preview", { ...draft, audiences: keepAvailable(wanted, await writerAudienceKinds(turn)) });
    }
    case "lb_preview": {
      const confirmed = localConfirm.parse(choice);
      if (confirmed === "edit") return enterLocalStep(turn, "lb_title", draft);
      if (confirmed !== "submit") return reask(turn, step, draft);
      const outcome = await submitLocalBulletin(turn.deps, staff, { kind: draft.kind ?? "bulletin", title: draft.title ?? "", text: draft.text ?? "", audiences: draft.audiences ?? [] });
      if (!outcome.ok) {
        if (outcome.reason === "forbidden") {
          turn.state = IDLE;
          turn.reply(w.forbidden);
          return;
        }
        turn.reply(problemText(outcome.reason, outcome.reason.startsWith("title") ? (draft.title ?? "") : (draft.text ?? "")));
        return enterLocalStep(turn, outcome.reason.startsWith("title") ? "lb_title" : "lb_text", draft);
      }
      turn.state = IDLE;
      const title = draft.title ?? "";
      turn.reply(outcome.approvers > 0 ? w.submitted(title, outcome.approvers) : w.submittedNoApprover(title, outcome.approverLabel));
      return;
    }
  }
}

function reask(turn: Turn, step: LocalStep, draft: LocalDraft): Promise<void> {
  turn.reply(turn.t.localBulletins.flow.useButtons);
  return enterLocalStep(turn, step, draft);
}

export async function reviewLocal(turn: Turn, staff: StaffRow, id: number, decision: "approve" | "return"): Promise<void> {
  const r = turn.t.localBulletins.review;
  const outcome = await reviewLocalBulletin(turn.deps, staff, id, decision);
  if (!outcome.ok) {
    if (outcome.reason === "forbidden") turn.reply(r.forbidden(outcome.approverLabel ?? ""));
    else turn.reply(outcome.reason === "self" ? r.self : outcome.reason === "handled" ? r.handled : r.notFound);
    return;
  }
  if (outcome.decision === "return") {
    turn.reply(r.returned(outcome.title));
    return;
  }
  turn.reply(r.approved(outcome.title), airChoices(outcome.id));
}

export async function airLocal(turn: Turn, staff: StaffRow, id: number, when: "now" | "next"): Promise<void> {
  const a = turn.t.localBulletins.air;
  const outcome = await airLocalBulletin(turn.deps, staff, id, when);
  if (!outcome.ok) {
    const reasons = { not_found: turn.t.localBulletins.review.notFound, forbidden: turn.t.localBulletins.flow.forbidden, not_approved: a.notApproved, aired_before: a.airedBefore, busy: a.busy };
    turn.reply(reasons[outcome.reason]);
    return;
  }
  if (outcome.when === "now") turn.reply(a.queuedNow(outcome.title));
  else turn.reply(outcome.at ? a.queuedNext(outcome.title, formatSlot(outcome.at)) : a.queuedNextPaused(outcome.title));
}

export function unknownLocal(turn: Turn): void {
  turn.reply(turn.t.localBulletins.review.notFound);
}
