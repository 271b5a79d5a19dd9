// Staff on several messengers: /lienket links another account of the same person (a one-time
// code taken on one channel and sent from the other), /kenhcanhbao chooses where alerts reach
// them, and the answer to the weekly "stay reachable on Zalo" reminder.
import { addressName } from "../../src/staff/names.js";
import { findStaffById } from "../../src/staff/find.js";
import { addStaffLink, alertChannelChoice, alertsToLink, alertsToPrimary, claimLinkCode, createLinkCode, findLinkCode } from "../../src/staff/links.js";
import { channelName } from "../../src/i18n/vi-zalo.js";
import { IDLE } from "./state.js";
import type { StaffRow, Turn } from "./turn.js";
import { alertChannel, nav } from "../../src/messaging/buttons.js";

const LINK_MINUTES = 15;
const ALPHABET = "3467ACDEFGHJKMNPQRTWXY9";


function newLinkCode(): string {
  const limit = 256 - (256 % ALPHABET.length);
  let out = "";
  while (out.length < 8) {
    for (const b of crypto.getRandomValues(new Uint8Array(16))) if (b < limit && out.length < 8) out += ALPHABET[b % ALPHABET.length];
  }
  return `LK-${out.slice(0, 4)}-${out.slice(4)}`;
}

export function normalizeLinkCode(typed: string): string | null {
  const cleaned = typed.toUpperCase().replace(/[\s\-_.]/g, "");
  const match = /^LK([A-Z0-9]{4})([A-Z0-9]{4})$/.exec(cleaned);
  return match ? `LK-${match[1]}-${match[2]}` : null;
}

/** /lienket: without a code, a staff member gets one; with a code, this account joins that staff member. */
export async function linkCommand(turn: Turn, staff: StaffRow | null, args: string): Promise<void> {
  const { db, keys } = turn.deps;
  const now = turn.now();
  if (turn.incoming.chat.isGroup) {
    turn.reply(turn.t.zalo.staff.linkGroup);
    return;
  }
  if (!args) {
    if (!staff) {
      turn.reply(turn.t.staff.desk.notStaff);
      return;
    }
    const code = newLinkCode();
    await createLinkCode(db, await keys.tag("staff-link", code), staff.id, new Date(now.getTime() + LINK_MINUTES * 60_000));
    turn.reply(turn.t.zalo.staff.linkCode(code, LINK_MINUTES));
    return;
  }
  const code = normalizeLinkCode(args);
  const row = code ? await findLinkCode(db, await keys.tag("staff-link", code)) : null;
  if (!row || row.expiresAt <= now) {
    turn.reply(turn.t.zalo.staff.linkUnknown);
    return;
  }
  if (staff) {
    turn.reply(staff.id === row.staffId ? turn.t.zalo.staff.linkSameAccount : turn.t.zalo.staff.linkOtherStaff);
    return;
  }
  if (row.usedAt) {
    turn.reply(turn.t.zalo.staff.linkUsed);
    return;
  }
  const owner = await findStaffById(db, row.staffId);
  if (!owner?.active) {
    turn.reply(turn.t.zalo.staff.linkUnknown);
    return;
  }
  // Single use even when the code is sent twice at once.
  if (!(await claimLinkCode(db, row.codeHash, now))) {
    turn.reply(turn.t.zalo.staff.linkUsed);
    return;
  }
  await addStaffLink(db, owner.id, { channel: turn.incoming.channel, pseudonym: turn.incoming.sender, sealedAddress: turn.incoming.chat.sealed }, now);
  turn.deps.log.info("staff.linked", { staffId: owner.id, channel: turn.incoming.channel });
  turn.state = IDLE;
  turn.reply(turn.t.zalo.staff.linked(channelName(turn.incoming.channel), addressName(owner.displayName)));
  turn.replyCommandMenu(owner);
}

/** /kenhcanhbao: choose the account that gets alerts. */
export async function chooseAlertChannel(turn: Turn, staff: StaffRow): Promise<void> {
  const { primary, links, current } = await alertChannelChoice(turn.deps.db, staff.id);
  if (links.length === 0) {
    turn.reply(turn.t.zalo.staff.onlyOneChannel(channelName(primary)));
    return;
  }
  const rows = [[{ label: channelName(primary), data: alertChannel.pack("primary") }], ...links.map((l) => [{ label: channelName(l.channel), data: alertChannel.pack(l.id) }])];
  rows.push([{ label: turn.t.citizen.buttons.cancel, data: nav.pack("cancel") }]);
  turn.reply(turn.t.zalo.staff.chooseAlerts(channelName(current)), rows);
}

/** The first account or a linked one, from the pressed button; null for a forged or stale button. */
export async function setAlertChannel(turn: Turn, staff: StaffRow, choice: "primary" | number | null): Promise<void> {
  const { db } = turn.deps;
  const channel = choice === "primary" ? await alertsToPrimary(db, staff.id) : await alertsToLink(db, staff.id, choice);
  if (channel === null) {
    turn.reply(turn.t.citizen.flow.useButtons);
    return;
  }
  turn.deps.log.info("staff.alert_channel", { staffId: staff.id, channel });
  turn.reply(channel === "zalo" ? `${turn.t.zalo.staff.alertsSet(channelName(channel))}\n${turn.t.zalo.staff.alertsZaloNote}` : turn.t.zalo.staff.alertsSet(channelName(channel)));
}

export function reminderAnswered(turn: Turn): void {
  turn.reply(turn.t.zalo.reminder.thanks);
}
