// A school's teacher and a business contact (issue 15): "Đã tuyên truyền" / "Chưa tuyên truyền được"
// under a bulletin sent to their audience, with a reason (a list, or typed words), like a village
// head's "Đã phát". Who may answer which is the domain's (src/bulletins/audiences.ts).
import { AUDIENCE_REASONS, deliveryForContact, MAX_REASON_CHARS, reasonLabel, recordAudienceAnswer } from "../../src/bulletins/audiences.js";
import { audienceReason, nav } from "../../src/messaging/buttons.js";
import type { Choice } from "../../src/messaging/types.js";
import { foldVietnamese } from "../../src/places/normalize.js";
import { IDLE } from "./state.js";
import type { StaffRow, Turn } from "./turn.js";

const cancelRow = (turn: Turn): Choice[] => [{ label: turn.t.bulletins.buttons.cancel, data: nav.pack("cancel") }];

export async function audienceAnswer(turn: Turn, staff: StaffRow, deliveryId: number, status: "done" | "not_done", reason?: string, reasonText?: string): Promise<void> {
  const w = turn.t.audiences.contact;
  const outcome = await recordAudienceAnswer(turn.deps, staff, deliveryId, status === "done" ? { status } : { status, reason: reason ?? "other", reasonText });
  turn.state = IDLE;
  if (!outcome.ok) {
    turn.reply(outcome.reason === "unknown" ? w.unknown : w.notYours);
    return;
  }
  turn.reply(outcome.status === "done" ? w.recordedDone(outcome.audience, outcome.when) : w.recordedNot(outcome.audience, outcome.when, outcome.reason ?? ""));
}

export async function askAudienceReason(turn: Turn, staff: StaffRow, deliveryId: number): Promise<void> {
  const w = turn.t.audiences.contact;
  const found = await deliveryForContact(turn.deps.db, staff, deliveryId);
  if (!found.ok) {
    turn.reply(found.reason === "unknown" ? w.unknown : w.notYours);
    return;
  }
  const rows: Choice[][] = AUDIENCE_REASONS.map((id) => [{ label: reasonLabel(id) ?? id, data: audienceReason.pack({ deliveryId, reason: id }) }]);
  rows.push(cancelRow(turn));
  // Words typed in this step are taken as the "other" reason; Hủy records nothing.
  turn.state = { step: "au_reason", deliveryId };
  turn.reply(w.askReason(found.audience.name, found.when), rows);
}

/** A reason chosen from the list: "other" asks for words; an id not in the list is not this button's. */
export async function chooseAudienceReason(turn: Turn, staff: StaffRow, deliveryId: number, reason: string): Promise<void | false> {
  if (!AUDIENCE_REASONS.includes(reason)) return false;
  if (reason !== "other") return audienceAnswer(turn, staff, deliveryId, "not_done", reason);
  const found = await deliveryForContact(turn.deps.db, staff, deliveryId);
  if (!found.ok) {
    turn.reply(found.reason === "unknown" ? turn.t.audiences.contact.unknown : turn.t.audiences.contact.notYours);
    return;
  }
  turn.state = { step: "au_reason", deliveryId };
  turn.reply(turn.t.audiences.contact.askReasonText, [cancelRow(turn)]);
}

export async function continueAudienceReason(turn: Turn, staff: StaffRow | null, deliveryId: number): Promise<void> {
  const w = turn.t.audiences.contact;
  if (!staff) {
    turn.state = IDLE;
    return;
  }
  const { content } = turn.incoming;
  const text = content.kind === "text" ? content.text.trim() : "";
  if (text.replace(/[\p{Cf}\p{Z}]/gu, "") === "") {
    turn.reply(w.reasonEmpty, [cancelRow(turn)]);
    return;
  }
  // "Đã tuyên truyền" typed after pressing "Chưa tuyên truyền được" by mistake is the answer, not a reason.
  const plain = (x: string) => foldVietnamese(x).replace(/[^a-z ]/g, " ").replace(/\s+/g, " ").trim();
  if (plain(text) === plain(w.buttons.done)) return audienceAnswer(turn, staff, deliveryId, "done");
  if ([...text].length > MAX_REASON_CHARS) {
    turn.reply(w.reasonTooLong(MAX_REASON_CHARS), [cancelRow(turn)]);
    return;
  }
  return audienceAnswer(turn, staff, deliveryId, "not_done", "other", text);
}
