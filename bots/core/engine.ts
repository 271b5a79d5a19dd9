// The channel-neutral dialogue engine: (stored state, incoming) → new state, replies, domain effects.
import { alertChannel, menu, nav, reminder, tipAction, tipReply, tipView } from "../../src/messaging/buttons.js";
import { eraseMessagesToAddress } from "../../src/outbox/erase.js";
import { deletePendingUploads } from "../../src/media/uploads.js";
import { vi } from "../../src/i18n/vi.js";
import { enqueue } from "../../src/outbox/outbox.js";
import { eraseReplyAddresses } from "../../src/tips/service.js";
import { normalizeReceiptCode } from "../../src/crypto/receipt.js";
import type { Incoming } from "../../src/messaging/types.js";
import { IDLE, hasDraft, parseCommand, parseState } from "./state.js";
import { mainMenu, Turn, type CoreDeps, type StaffRow } from "./turn.js";
import { continueTipOff, enterStep, goBack, startTipOff } from "./tipoff.js";
import { askReceiptCode, continueFollowUp, openFromQuestion, openWithCode } from "./followup.js";
import { continueAsk, listCommuneTips, register, tipButton, viewTip, whoAmI } from "./staff.js";
import { alertGroupCommand, groupButton, parseGroupButton } from "./alert-groups.js";
import { helpText } from "./help.js";
import { heldChoice, showHeldTips } from "./held.js";
import { chooseAlertChannel, linkCommand, reminderAnswered, setAlertChannel } from "./staffchannels.js";
import { findStaff } from "../../src/staff/find.js";
import { viZalo } from "../../src/i18n/vi-zalo.js";
import { continueFigures, figuresBack, isFiguresState, startFigures } from "./figures-form.js";
import { sendChart, sendReport, showCriteria, showRanking, showSummary, showTipStats } from "./stats.js";
import { viCompliance } from "../../src/i18n/vi-compliance.js";
import { isBulletinState } from "./bulletin-state.js";
import { bulletinChoice, continueBulletinStep, leaveBulletinStep, manageLanguages, manageSchedule, readBulletin, showProgress } from "./bulletins.js";
import { startSubscribe, stopSubscription } from "./subscribe.js";
import { translatorMenu } from "./translations.js";
import { viBulletins } from "../../src/i18n/vi-bulletins.js";
import { eraseSubscriptionsOfAddress, touchSubscription } from "../../src/bulletins/subscriptions.js";
import { hasInteractionWindow } from "../../src/bulletins/reach.js";

const INVITE_PATTERN = /^MOI[-\s]?[A-Z0-9]{4}[-\s]?[A-Z0-9]{4}$/i;
const VILLAGE_CODE_PATTERN = /^[A-Za-z0-9-]{2,16}$/;

/** Handles one stored incoming. `sourceKey` makes the replies idempotent if the same incoming is handled again. */
export async function handleIncoming(deps: CoreDeps, incoming: Incoming, sourceKey: string): Promise<void> {
  const { db } = deps;
  const now = deps.now();
  const row = await db.conversation.findUnique({ where: { pseudonym: incoming.sender } });
  let state = parseState(row?.state);
  const hadDraft = hasDraft(state);
  const expiredNotices: string[] = [];
  if (row?.expiresAt && row.expiresAt <= now && state.step !== "idle") {
    if (hasDraft(state)) expiredNotices.push(vi.flow.draftExpired(deps.settings.draftTtlMinutes));
    if (isFiguresState(state)) expiredNotices.push(viCompliance.form.expired);
    state = IDLE;
  }
  const staffRow = await findStaff(db, incoming.sender);
  const staff: StaffRow | null = staffRow && staffRow.active ? staffRow : null;
  // Subscribers' last message: channels with an interaction window (Zalo) reach only recent ones.
  // Elsewhere (Telegram, the web chat) it is never read, so it is not written on every message.
  if (hasInteractionWindow(incoming.channel)) await touchSubscription(db, incoming.sender, now);

  const turn = new Turn(deps, incoming, state, staff);
  for (const notice of expiredNotices) turn.reply(notice);
  await route(turn);

  // A draft that ended (sent, cancelled, expired, replaced) takes its unattached pictures with it.
  if (hadDraft && !hasDraft(turn.state) && incoming.channel === "web") await deletePendingUploads(db, incoming.chat.tag);
  if (turn.state.step === "idle") {
    if (row) await db.conversation.delete({ where: { pseudonym: incoming.sender } }).catch(() => undefined);
  } else {
    const data = {
      state: JSON.stringify(turn.state),
      sealedAddress: incoming.chat.sealed,
      updatedAt: now,
      expiresAt: new Date(now.getTime() + deps.settings.draftTtlMinutes * 60_000),
    };
    await db.conversation.upsert({ where: { pseudonym: incoming.sender }, create: { pseudonym: incoming.sender, ...data }, update: data });
  }
  const target = { channel: incoming.channel, sealedAddress: incoming.chat.sealed, addressTag: incoming.chat.tag };
  let n = 0;
  for (const reply of turn.replies) await enqueue(db, target, reply, { dedupeKey: `${sourceKey}:${n++}`, now });
}

async function route(turn: Turn): Promise<void> {
  const { content } = turn.incoming;
  const state = turn.state;
  const staff = turn.staff;

  if (content.kind === "text") {
    const command = parseCommand(content.text);
    if (command) return runCommand(turn, command.command, command.args);
  }
  if (content.kind === "choice") {
    const handled = await globalChoice(turn, content.data);
    if (handled) return;
  }
  // Groups are for staff: anything but commands and buttons is their own conversation.
  if (turn.incoming.chat.isGroup && !(staff && state.step === "ask")) return;
  if (isBulletinState(state)) return continueBulletinStep(turn, state);

  if (isFiguresState(state)) return continueFigures(turn, state);
  if (hasDraft(state)) return continueTipOff(turn, state.step, state.draft);
  switch (state.step) {
    case "followup_code":
      if (content.kind === "text") return openWithCode(turn, content.text);
      turn.reply(vi.followUp.askCode);
      return;
    case "followup":
      return continueFollowUp(turn, state.tipId, false);
    case "followup_add":
      return continueFollowUp(turn, state.tipId, true);
    case "ask":
      if (staff) return continueAsk(turn, staff, state.tipId);
      turn.state = IDLE;
      break;
    case "idle":
      break;
  }
  // Idle: a receipt code typed on its own opens that tip; anything else gets the menu.
  if (content.kind === "text" && normalizeReceiptCode(content.text)) return openWithCode(turn, content.text);
  if (content.kind === "unsupported") turn.reply(vi.flow.unsupported);
  turn.reply(vi.welcome, mainMenu());
}

/** Hủy: leaves whatever is under way, in the words of what it was, and offers the menu to citizens. */
function cancel(turn: Turn): void {
  const state = turn.state;
  turn.state = IDLE;
  if (isFiguresState(state)) return turn.reply(viCompliance.form.cancelled);
  if (state.step === "ask") return turn.reply(vi.staff.askCancelled);
  // A stale Hủy pressed by an officer: staff words, not the citizen's "report a tip".
  if (state.step === "idle") return turn.staff ? turn.reply(vi.staff.nothingToCancel) : turn.reply(vi.flow.nothingToCancel, mainMenu());
  if (state.step === "followup_add") return turn.reply(vi.followUp.addingStopped, mainMenu());
  if (state.step === "followup" || state.step === "followup_code") return turn.reply(vi.followUp.codeCancelled, mainMenu());
  turn.reply(vi.flow.cancelled, mainMenu());
}

async function globalChoice(turn: Turn, data: string): Promise<boolean> {
  const state = turn.state;
  const staff = turn.staff;
  const move = nav.parse(data);
  if (move && isBulletinState(state)) {
    await leaveBulletinStep(turn, state, move === "back");
    return true;
  }
  if (move === "cancel") {
    cancel(turn);
    return true;
  }
  if (move === "back") {
    if (hasDraft(state)) await goBack(turn, state.step, state.draft);
    else if (isFiguresState(state)) figuresBack(turn, state);
    else cancel(turn);
    return true;
  }
  const item = menu.parse(data);
  if (item === "report") {
    if (turn.incoming.chat.isGroup) turn.reply(vi.flow.groupOnly);
    else await startTipOff(turn);
    return true;
  }
  if (item === "followup") {
    askReceiptCode(turn);
    return true;
  }
  if (item === "privacy") {
    turn.reply(vi.privacy);
    return true;
  }
  if (item === "help") {
    turn.reply(helpText(staff, turn.incoming.channel));
    return true;
  }
  // Buttons of these kinds that do not parse are forged or stale: "not found", never another meaning.
  if (tipAction.claims(data)) {
    const button = tipAction.parse(data);
    if (!staff) turn.reply(vi.staff.notStaff);
    else if (!button) turn.reply(vi.staff.tipNotFound);
    else await tipButton(turn, staff, button.tipId, button.action);
    return true;
  }
  if (tipView.claims(data)) {
    const tipId = tipView.parse(data);
    if (!staff) turn.reply(vi.staff.notStaff);
    else if (tipId === null) turn.reply(vi.staff.tipNotFound);
    else await viewTip(turn, staff, tipId);
    return true;
  }
  const groupChoice = parseGroupButton(data);
  if (groupChoice) {
    if (!staff) turn.reply(vi.staff.notStaff);
    else await groupButton(turn, staff, groupChoice);
    return true;
  }
  if (alertChannel.claims(data)) {
    if (!staff) turn.reply(vi.staff.notStaff);
    else await setAlertChannel(turn, staff, alertChannel.parse(data));
    return true;
  }
  if (reminder.parse(data)) {
    reminderAnswered(turn);
    return true;
  }
  if (await heldChoice(turn, staff, data)) return true;
  if (tipReply.claims(data)) {
    const tipId = tipReply.parse(data);
    if (tipId === null) turn.reply(vi.staff.tipNotFound);
    else await openFromQuestion(turn, tipId);
    return true;
  }
  return bulletinChoice(turn, data);
}

async function runCommand(turn: Turn, command: string, args: string): Promise<void> {
  const staff = turn.staff;
  const isGroup = turn.incoming.chat.isGroup;
  switch (command) {
    case "start": {
      if (isGroup) {
        turn.reply(vi.flow.groupOnly);
        return;
      }
      if (INVITE_PATTERN.test(args)) return register(turn, args);
      turn.reply(vi.welcome);
      turn.reply(vi.falseReportNote);
      if (args && VILLAGE_CODE_PATTERN.test(args)) return startTipOff(turn, args);
      return startTipOff(turn);
    }
    case "togiac":
    case "baotin":
      if (isGroup) {
        turn.reply(vi.flow.groupOnly);
        return;
      }
      return startTipOff(turn);
    case "huy":
    case "cancel":
      if (isBulletinState(turn.state)) return leaveBulletinStep(turn, turn.state, false);
      cancel(turn);
      return;
    case "quaylai":
      if (isBulletinState(turn.state)) return leaveBulletinStep(turn, turn.state, true);
      if (hasDraft(turn.state)) return goBack(turn, turn.state.step, turn.state.draft);
      if (isFiguresState(turn.state)) return figuresBack(turn, turn.state);
      if (staff) turn.reply(vi.staff.nothingToCancel);
      else turn.reply(vi.flow.nothingToCancel, mainMenu());
      return;
    case "theodoi":
      if (args && normalizeReceiptCode(args)) return openWithCode(turn, args);
      askReceiptCode(turn);
      return;
    case "baomat":
      turn.reply(vi.privacy);
      return;
    case "help":
    case "trogiup":
      turn.reply(helpText(staff, turn.incoming.channel));
      return;
    case "xoadulieu": {
      const erased = await eraseReplyAddresses(turn.deps, turn.incoming.chat.tag);
      const unsubscribed = await eraseSubscriptionsOfAddress(turn.deps.db, turn.incoming.chat.tag);
      await eraseMessagesToAddress(turn.deps.db, turn.incoming.chat.tag);
      turn.state = IDLE;
      turn.reply(unsubscribed > 0 ? `${vi.erase.done(erased)}\n${viBulletins.subscribe.erased}` : vi.erase.done(erased));
      return;
    }
    case "nhanbantin":
      return startSubscribe(turn);
    case "huybantin":
      return stopSubscription(turn);
    case "bantin":
      return readBulletin(turn, args);
    case "dich":
      if (!staff) turn.reply(vi.staff.notStaff);
      else await translatorMenu(turn, staff, args);
      return;
    case "tiendo":
      if (!staff) turn.reply(vi.staff.notStaff);
      else await showProgress(turn, staff, args);
      return;
    case "lichphat":
      if (!staff) turn.reply(vi.staff.notStaff);
      else await manageSchedule(turn, staff, args);
      return;
    case "ngonngu":
      if (!staff) turn.reply(vi.staff.notStaff);
      else await manageLanguages(turn, staff, args);
      return;
    case "dangky":
      return register(turn, args);
    case "toi":
      if (!staff) turn.reply(vi.staff.notStaff);
      else await whoAmI(turn, staff);
      return;
    case "tinbao":
      if (!staff) turn.reply(vi.staff.notStaff);
      else if (args.trim().toLowerCase() === "giu") await showHeldTips(turn, staff);
      else await listCommuneTips(turn, staff, args);
      return;
    case "chao":
      // A Zalo follow: greet with what the bot can do.
      if (isGroup) return;
      turn.reply(viZalo.follow.hello);
      turn.reply(vi.welcome, mainMenu());
      return;
    case "lienket":
      return linkCommand(turn, staff, args);
    case "kenhcanhbao":
      if (!staff) turn.reply(vi.staff.notStaff);
      else await chooseAlertChannel(turn, staff);
      return;
    case "capnhat":
      if (!staff) turn.reply(vi.staff.notStaff);
      else await startFigures(turn, staff, args);
      return;
    case "thongke":
      if (!staff) turn.reply(vi.staff.notStaff);
      else await showSummary(turn, staff, args);
      return;
    case "tieuchi":
      if (!staff) turn.reply(vi.staff.notStaff);
      else await showCriteria(turn, staff, args);
      return;
    case "tinbao_tk":
    case "tktinbao":
      if (!staff) turn.reply(vi.staff.notStaff);
      else await showTipStats(turn, staff, args);
      return;
    case "baocao":
      if (!staff) turn.reply(vi.staff.notStaff);
      else await sendReport(turn, staff, args);
      return;
    case "bieudo":
      if (!staff) turn.reply(vi.staff.notStaff);
      else await sendChart(turn, staff, args);
      return;
    case "xephang":
      if (!staff) turn.reply(vi.staff.notStaff);
      else await showRanking(turn, staff, args);
      return;
    case "nhomcanhbao":
      if (!staff) turn.reply(vi.staff.notStaff);
      else await alertGroupCommand(turn, staff, args);
      return;
    default:
      if (isGroup) return;
      if (hasDraft(turn.state)) {
        turn.reply(vi.flow.useButtons);
        return enterStep(turn, turn.state.step, turn.state.draft);
      }
      turn.reply(helpText(null), mainMenu());
  }
}
