// Staff side: registration by invitation, the tip list, actions on a tip, questions to the tipster.
import { contactAudience } from "../../src/bulletins/audiences.js";
import { formatDateTimeVN } from "../../src/util/vietnam-time.js";
import { addressName } from "../../src/staff/names.js";
import { redeemInvitation } from "../../src/staff/invitations.js";
import { can, roleLabel } from "../../src/staff/roles.js";
import { categories, categoryLabel } from "../../src/tips/categories.js";
import { alertTargets, applyTipAction, askTipster, listTips, OPEN_STATUSES, tipActionChoices, tipWithPlaceAndAttachments } from "../../src/tips/service.js";
import { findCommuneById, findProvinceById, findVillageInCommune, findVillageWithCommune } from "../../src/places/search.js";
import { isOpen, isTipAction } from "../../src/tips/status.js";
import { mayOnTip } from "../../src/tips/scope.js";
import { overdueDays } from "../../src/tips/deadlines.js";
import { caseButton } from "./case.js";
import { transferredAway, transfersSentLine } from "../../src/tips/transfer.js";
import { IDLE } from "./state.js";
import { unitByKind } from "../../src/compliance/units.js";
import { navRow, type StaffRow, type Turn } from "./turn.js";
import { tipView } from "../../src/messaging/buttons.js";

export async function scopeText(turn: Turn, staff: StaffRow): Promise<string> {
  const { db } = turn.deps;
  if (staff.villageId) {
    const village = await findVillageWithCommune(db, staff.villageId);
    if (village) return turn.t.staff.desk.scopeVillage(village.name, village.commune.name);
  }
  if (staff.communeId) {
    const commune = await findCommuneById(db, staff.communeId);
    // A reporting unit's member: their unit, of the commune ("Trạm Y tế xã, xã Hồng Lộc").
    const unit = unitByKind(staff.unitKind);
    if (commune && unit) return turn.t.staff.desk.scopeVillage(unit.name, commune.name);
    if (commune) return turn.t.staff.desk.scopeCommune(commune.name);
  }
  if (staff.provinceId) {
    const province = await findProvinceById(db, staff.provinceId);
    if (province) return turn.t.compliance.scope.province(province.name);
  }
  return turn.t.staff.desk.scopeAll;
}

export async function register(turn: Turn, code: string): Promise<void> {
  const { incoming, deps } = turn;
  if (!code) {
    turn.reply(turn.t.staff.desk.inviteMissing);
    return;
  }
  if (incoming.channel === "web" && !deps.settings.demo) {
    turn.reply(turn.t.staff.desk.webStaffDemoOnly);
    return;
  }
  if (incoming.chat.isGroup) {
    turn.reply(turn.t.citizen.flow.groupOnly);
    return;
  }
  const result = await redeemInvitation(deps.db, deps.keys, code, {
    pseudonym: incoming.sender,
    channel: incoming.channel,
    sealedAddress: incoming.chat.sealed,
    now: turn.now(),
  });
  if (!result.ok) {
    const reasons = {
      unknown: turn.t.staff.desk.inviteUnknown,
      used: turn.t.staff.desk.inviteUsed,
      expired: turn.t.staff.desk.inviteExpired,
      revoked: turn.t.staff.desk.inviteRevoked,
      already_staff: turn.t.staff.desk.alreadyStaff,
      sender_paused: turn.t.staff.desk.inviteSenderPaused,
      all_paused: turn.t.staff.desk.inviteAllPaused,
    } as const;
    turn.reply(reasons[result.reason]);
    return;
  }
  deps.log.info("staff.registered", { staffId: result.staff.id, role: result.staff.role });
  const staff = result.staff as StaffRow;
  turn.state = IDLE;
  turn.reply(turn.t.staff.desk.registered(addressName(staff.displayName), roleLabel(staff.role), await scopeText(turn, staff)));
  // A teacher or business contact: which school or business they receive bulletins for.
  const audience = await contactAudience(deps.db, staff.id);
  if (audience) turn.reply(turn.t.audiences.contact.welcome(audience.name));
  turn.reply(turn.helpText(staff));
  turn.replyCommandMenu(staff);
}

export async function whoAmI(turn: Turn, staff: StaffRow): Promise<void> {
  turn.reply(turn.t.staff.desk.me(addressName(staff.displayName), roleLabel(staff.role), await scopeText(turn, staff)));
}

const STATUS_WORDS: Record<string, string[]> = {
  moi: ["new"],
  tiepnhan: ["taken"],
  xacminh: ["verifying"],
  daxuly: ["done"],
  khongcoso: ["unfounded"],
  tatca: ["new", "taken", "verifying", "done", "unfounded"],
};

/** /tinbao [status] [category] [village code]: open tips of the officer's commune. */
export async function listCommuneTips(turn: Turn, staff: StaffRow, args: string): Promise<void> {
  const { db } = turn.deps;
  if (!staff.communeId || !can(staff, "tip.list", { communeId: staff.communeId })) {
    turn.reply(turn.t.staff.desk.forbidden);
    return;
  }
  let statuses = [...OPEN_STATUSES] as string[];
  let filterText: string = turn.t.staff.desk.listFilterOpen;
  let category: string | undefined;
  let villageId: number | undefined;
  for (const word of args.split(/\s+/).filter(Boolean)) {
    const lower = word.toLowerCase();
    // Own keys only: "constructor" or "__proto__" typed as a filter are not status words.
    if (Object.hasOwn(STATUS_WORDS, lower)) {
      statuses = STATUS_WORDS[lower]!;
      filterText = lower === "tatca" ? turn.t.staff.desk.listFilterAll : turn.t.staff.desk.listFilterStatus(turn.t.citizen.status[statuses[0]!] ?? lower);
      continue;
    }
    if (categories.some((c) => c.id === lower)) {
      category = lower;
      continue;
    }
    const village = await findVillageInCommune(db, staff.communeId, word);
    if (village) {
      villageId = village.id;
      continue;
    }
    turn.reply(turn.t.staff.desk.badFilter(word));
    return;
  }
  const now = turn.now();
  const { total, tips } = await listTips(db, staff.communeId, { statuses, category, villageId }, 15, now);
  // What the commune sent on lately: only a line of counts, the tips themselves are elsewhere now.
  const sent = await transfersSentLine(db, staff, staff.communeId, now);
  if (total === 0) {
    turn.reply(sent ? `${turn.t.staff.desk.listEmpty(filterText)}\n\n${sent}` : turn.t.staff.desk.listEmpty(filterText));
    return;
  }
  const lines = [turn.t.staff.desk.listTitle(total, filterText)];
  for (const t of tips) {
    const line = turn.t.staff.desk.listLine(t.caseNumber, formatDateTimeVN(t.createdAt), categoryLabel(t.category), t.village?.name ?? turn.t.citizen.flow.unknownVillage, turn.t.citizen.status[t.status] ?? t.status);
    const late = overdueDays({ dueAt: t.dueAt, open: isOpen(t.status) }, now);
    lines.push(late > 0 ? `${line} — ${turn.t.case.listOverdue(late)}` : line);
  }
  if (total > tips.length) lines.push(turn.t.staff.desk.listMore(total - tips.length));
  if (sent) lines.push("", sent);
  const rows = tips.slice(0, 8).map((t) => [{ label: turn.t.citizen.buttons.view(t.caseNumber), data: tipView.pack(t.id) }]);
  turn.reply(lines.join("\n"), rows);
}

async function loadTipForStaff(turn: Turn, staff: StaffRow, tipId: number, action: "tip.read" | "tip.handle") {
  const tip = await tipWithPlaceAndAttachments(turn.deps.db, tipId);
  if (!tip) {
    turn.reply(turn.t.staff.desk.tipNotFound);
    return null;
  }
  if (!mayOnTip(staff, action, tip)) {
    // An old alert's button on a tip sent on from the officer's commune: where it went.
    const away = await transferredAway(turn.deps.db, staff, tipId);
    turn.reply(away ? turn.t.transfer.gone(away.caseNumber, away.to) : turn.t.staff.desk.forbidden);
    return null;
  }
  return tip;
}

/** A button under an alert: t:<tipId>:<action>. */
export async function tipButton(turn: Turn, staff: StaffRow, tipId: number, action: string): Promise<void> {
  // Notes, reassignment, closing with a result, reopening, extensions (leaders too): bots/core/case.ts.
  if (await caseButton(turn, staff, tipId, action)) return;
  const tip = await loadTipForStaff(turn, staff, tipId, "tip.handle");
  if (!tip) return;
  if (action === "ask") {
    turn.state = { step: "ask", tipId };
    // Asked in a group, the prompt goes to the group; the officer's next message there is the question.
    turn.reply(turn.t.staff.desk.askQuestion(tip.caseNumber), [navRow(turn.t, false)]);
    return;
  }
  if (!isTipAction(action)) {
    // A forged or outdated button: offer the real ones again.
    turn.reply(turn.t.citizen.flow.useButtons, tipActionChoices(tip.id));
    return;
  }
  const outcome = await applyTipAction(turn.deps, staff, tipId, action);
  if (!outcome.ok) {
    turn.reply(outcome.reason === "not_found" ? turn.t.staff.desk.tipNotFound : turn.t.staff.desk.actionRefused(outcome.caseNumber ?? "", turn.t.citizen.status[outcome.status ?? ""] ?? outcome.status ?? ""));
    return;
  }
  // On success the thread message reaches every alert target. Someone who is not one (a national
  // admin, an officer whose alerts go to a group or to another messenger) is told here.
  const targets = await alertTargets(turn.deps.db, tip.communeId);
  const chat = turn.incoming.chat;
  const reachesThisChat = targets.some((t) => t.addressTag === chat.tag || (!chat.isGroup && t.addressTag === `staff:${staff.id}` && t.channel === turn.incoming.channel));
  if (!reachesThisChat) turn.reply(turn.t.staff.desk.actionDone(outcome.caseNumber, staff.displayName, turn.t.citizen.status[outcome.status] ?? outcome.status, formatDateTimeVN(turn.now())));
}

export async function continueAsk(turn: Turn, staff: StaffRow, tipId: number): Promise<void> {
  const { content } = turn.incoming;
  if (content.kind !== "text" || content.text.trim().length === 0) {
    turn.reply(turn.t.staff.desk.questionEmpty, [navRow(turn.t, false)]);
    return;
  }
  const tip = await loadTipForStaff(turn, staff, tipId, "tip.handle");
  turn.state = IDLE;
  if (!tip) return;
  const result = await askTipster(turn.deps, staff, tipId, content.text.trim().slice(0, 2000));
  if (!result.ok) {
    turn.reply(result.reason === "closed" ? turn.t.case.refused.closed(result.caseNumber) : result.reason === "forbidden" ? turn.t.staff.desk.forbidden : turn.t.staff.desk.tipNotFound);
    return;
  }
  // A tip an officer entered has no tipster in a chat unless a slip's writer opened it by its code.
  turn.reply(result.delivered ? turn.t.staff.desk.questionSent(result.caseNumber) : result.source !== "chat" ? turn.t.intake.questionNoTipster(result.caseNumber) : turn.t.staff.desk.questionStored(result.caseNumber));
}
