// Follow-up with a receipt code: read status and questions, add details or answer, from any channel.
import { addFollowUp, findTipByReceipt, tipFiledFrom, tipsterView, type FollowUpContent } from "../../src/tips/service.js";
import { reopenByDetail, startLinkedTip, tipsterAddMode } from "../../src/tips/case.js";
import { forwardDuplicateDetail, reopenSpamIntoHeld } from "../../src/tips/marks.js";
import { countHits, recordHit, underLimit } from "../../src/tips/limits.js";
import { bindSlipReplyAddress } from "../../src/tips/intake.js";
import { attachmentFrom, holdReason } from "./tipoff.js";
import { askLocation, locationAnswer, locationChoices } from "./location.js";
import { IDLE } from "./state.js";
import { mainMenu, navRow, type Turn } from "./turn.js";
import { followUp } from "../../src/messaging/buttons.js";
import type { Messages } from "../../src/i18n/messages.js";

const WRONG_CODES_PER_HOUR = 10;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
/** Wrong codes server-wide per minute, whoever types them: a new token buys no more guesses. */
export const DEFAULT_WRONG_CODES_PER_MINUTE = 30;
const GLOBAL_WRONG_CODES = "receipt-wrong";

/** A closed tip past the period in which a detail reopens it offers no "add": it would only say it is over. */
const followUpMenu = (t: Messages, mayAdd = true) => [
  ...(mayAdd ? [[{ label: t.citizen.buttons.addInfo, data: followUp.pack("add") }]] : []),
  [{ label: t.citizen.buttons.refreshStatus, data: followUp.pack("refresh") }],
  [{ label: t.citizen.buttons.exit, data: followUp.pack("exit") }],
];

const mayAdd = async (turn: Turn, tipId: number) => (await tipsterAddMode(turn.deps.db, tipId, turn.now())) !== "no";

/**
 * A detail from the tipster. On a closed tip within the period it first reopens the tip for review;
 * closed longer ago, its words start a new tip linked to the old one, with a new receipt code.
 */
async function addDetail(turn: Turn, tipId: number, content: FollowUpContent): Promise<"saved" | "closed" | "reopened" | "linked" | "text_first" | "forwarded" | "text_only"> {
  // A duplicate's detail goes to its open original's officers (src/tips/marks.ts).
  const forwarded = await forwardDuplicateDetail(turn.deps, tipId, content);
  if (forwarded) return forwarded;
  const mode = await tipsterAddMode(turn.deps.db, tipId, turn.now());
  if (mode === "no") return "closed";
  if (mode === "new") {
    if (!("text" in content)) return "text_first";
    const { chat } = turn.incoming;
    const hold = (await holdReason(turn)) !== null;
    const linked = await startLinkedTip(turn.deps, tipId, { text: content.text, channel: turn.incoming.channel, replyTo: { sealed: chat.sealed, tag: chat.tag }, conversationTag: chat.tag, hold });
    if (!linked) return "closed";
    turn.state = { step: "followup_add", tipId: linked.tipId };
    turn.replySecret(turn.t.case.tipster.newLinked(linked.receiptCode));
    return "linked";
  }
  // A tip closed as spam reopens into the held queue instead (src/tips/marks.ts), in the same words to its sender.
  const reopened = mode === "reopen" && ((await reopenSpamIntoHeld(turn.deps, tipId)) || (await reopenByDetail(turn.deps, tipId)));
  const outcome = await addFollowUp(turn.deps, tipId, content, turn.incoming.chat.tag);
  return reopened && outcome === "saved" ? "reopened" : outcome;
}

export function askReceiptCode(turn: Turn): void {
  turn.state = { step: "followup_code" };
  turn.reply(turn.t.citizen.followUp.askCode, [navRow(turn.t, false)]);
}

/** Tries the typed text as a receipt code; wrong guesses are limited per pseudonym and in total. */
export async function openWithCode(turn: Turn, typed: string): Promise<void> {
  const { db, keys, settings } = turn.deps;
  const now = turn.now();
  const bucket = await keys.tag("rate-receipt", turn.incoming.sender);
  if (!underLimit(await countHits(db, bucket, now, HOUR_MS), WRONG_CODES_PER_HOUR)) {
    turn.state = IDLE;
    turn.reply(turn.t.citizen.followUp.tooManyTries);
    return;
  }
  // Beyond the server-wide count every try waits, right or wrong: guessing learns nothing meanwhile.
  // In D1 on Workers too: the rate limiting binding counts per Cloudflare location, and guesses spread
  // over locations would each get the full minute.
  if (!underLimit(await countHits(db, GLOBAL_WRONG_CODES, now, MINUTE_MS), settings.wrongCodesPerMinute ?? DEFAULT_WRONG_CODES_PER_MINUTE)) {
    turn.deps.log.warn("receipt.guard", { perMinute: settings.wrongCodesPerMinute ?? DEFAULT_WRONG_CODES_PER_MINUTE });
    turn.state = { step: "followup_code" };
    turn.reply(turn.t.citizen.followUp.busy, [navRow(turn.t, false)]);
    return;
  }
  const tip = await findTipByReceipt(db, keys, typed);
  if (!tip) {
    await recordHit(db, bucket, now);
    await recordHit(db, GLOBAL_WRONG_CODES, now);
    turn.state = { step: "followup_code" };
    turn.reply(turn.t.citizen.followUp.badCode, [navRow(turn.t, false)]);
    return;
  }
  // A tip-box letter's writer, first time in a chat: officers' questions reach them here from now on.
  const bound = await bindSlipReplyAddress(db, tip.id, { sealed: turn.incoming.chat.sealed, tag: turn.incoming.chat.tag }, now);
  await showTip(turn, tip.id);
  if (bound) turn.reply(turn.t.intake.slipBound);
}

export async function showTip(turn: Turn, tipId: number): Promise<void> {
  turn.state = { step: "followup", tipId };
  turn.reply(await tipsterView(turn.deps.db, tipId, turn.t), followUpMenu(turn.t, await mayAdd(turn, tipId)));
}

/** Opening a tip from the "reply" button under an officer's question: only the chat that filed it may. */
export async function openFromQuestion(turn: Turn, tipId: number): Promise<void> {
  if (!(await tipFiledFrom(turn.deps.db, tipId, turn.incoming.chat.tag))) {
    turn.reply(turn.t.citizen.tipster.replyNotYours);
    return;
  }
  if (!(await mayAdd(turn, tipId))) {
    turn.reply(turn.t.citizen.followUp.closed);
    return;
  }
  turn.state = { step: "followup_add", tipId };
  turn.reply(turn.t.citizen.tipster.replyPrompt, [[{ label: turn.t.citizen.buttons.done, data: followUp.pack("done") }], navRow(turn.t, false)]);
}

export async function continueFollowUp(turn: Turn, tipId: number, adding: boolean): Promise<void> {
  const { content } = turn.incoming;
  const choice = followUp.parse(content.kind === "choice" ? content.data : null);
  if (choice === "exit" || choice === "done") {
    turn.state = IDLE;
    turn.reply(turn.t.citizen.followUp.exited, mainMenu(turn.t));
    return;
  }
  if (choice === "refresh") return showTip(turn, tipId);
  if (choice === "add") {
    if (!(await mayAdd(turn, tipId))) {
      turn.reply(turn.t.citizen.followUp.closed, followUpMenu(turn.t, false));
      return;
    }
    turn.state = { step: "followup_add", tipId };
    turn.reply(turn.t.citizen.followUp.askAddition, [[{ label: turn.t.citizen.buttons.done, data: followUp.pack("done") }]]);
    return;
  }
  if (!adding) {
    turn.reply(turn.t.citizen.flow.useButtons, followUpMenu(turn.t));
    return;
  }
  const doneRow = [[{ label: turn.t.citizen.buttons.done, data: followUp.pack("done") }]];
  let outcome: Awaited<ReturnType<typeof addDetail>> | null = null;
  const pendingLocation = turn.state.step === "followup_add" ? turn.state.pendingLocation : undefined;
  const answer = pendingLocation ? locationAnswer(turn) : null;
  if (pendingLocation && answer === "drop") {
    turn.state = { step: "followup_add", tipId };
    turn.reply(turn.t.citizen.flow.locationDropped, doneRow);
    return;
  }
  if (pendingLocation && answer === "keep") {
    turn.state = { step: "followup_add", tipId };
    outcome = await addDetail(turn, tipId, { attachment: { kind: "location", channel: turn.incoming.channel, ...pendingLocation } });
  } else if (pendingLocation && content.kind === "choice") {
    turn.reply(turn.t.citizen.flow.locationPending, locationChoices(turn.t, doneRow));
    return;
  } else if (content.kind === "location") {
    // Asked first: a phone shares where it is, often the tipster's home.
    turn.state = { step: "followup_add", tipId, pendingLocation: { latitude: content.latitude, longitude: content.longitude } };
    askLocation(turn, doneRow);
    return;
  } else if (content.kind === "text" && content.text.trim().length > 0) {
    outcome = await addDetail(turn, tipId, { text: content.text.trim().slice(0, 3000) });
  } else if (content.kind === "media") {
    const attachment = attachmentFrom(turn, content);
    if (!attachment) return;
    outcome = await addDetail(turn, tipId, { attachment });
  }
  if (outcome === "closed") {
    turn.state = { step: "followup", tipId };
    turn.reply(turn.t.citizen.followUp.closed, followUpMenu(turn.t, false));
    return;
  }
  if (outcome === "reopened") {
    turn.reply(turn.t.case.tipster.reopenedByDetail, doneRow);
    return;
  }
  if (outcome === "linked") {
    turn.reply(turn.t.citizen.followUp.askAddition, doneRow);
    return;
  }
  if (outcome === "text_first") {
    turn.reply(turn.t.case.tipster.newLinkedTextFirst, doneRow);
    return;
  }
  if (outcome === "forwarded" || outcome === "text_only") {
    turn.reply(outcome === "forwarded" ? turn.t.marks.tipster.forwarded : turn.t.marks.tipster.textOnly, doneRow);
    return;
  }
  turn.reply(outcome === "saved" ? turn.t.citizen.followUp.additionSaved : turn.t.citizen.followUp.askAddition, doneRow);
  // Something else came while a location waited for its answer: it still waits.
  if (pendingLocation && !answer) askLocation(turn, doneRow);
}
