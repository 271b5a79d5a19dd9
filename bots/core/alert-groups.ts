// /nhomcanhbao: in a group, registers it for the commune's alerts; in a private chat, lists the
// commune's alert groups with a "Gỡ nhóm" button each (confirmation, and a way back). Rules and
// scope live in src/staff/alert-groups.ts; this file only talks.
import { formatDateTimeVN } from "../../src/util/vietnam-time.js";
import { placeExamples } from "./stats.js";
import { findCommuneByCode } from "../../src/places/search.js";
import { vi } from "../../src/i18n/vi.js";
import { viGroups } from "../../src/i18n/vi-groups.js";
import { findAlertGroupToRemove, listAlertGroups, registerAlertGroup, removeAlertGroup } from "../../src/staff/alert-groups.js";
import { alertGroup } from "../../src/messaging/buttons.js";
import type { Choice } from "../../src/messaging/types.js";
import type { StaffRow, Turn } from "./turn.js";

/** The buttons of this feature, typed: the list of a commune, "remove?" and "yes, remove". */
export type GroupButton = { kind: "list"; communeId: number } | { kind: "ask"; groupId: number } | { kind: "remove"; groupId: number };

export function groupButtonData(button: GroupButton): string {
  return alertGroup.pack(button.kind === "list" ? { kind: "list", id: button.communeId } : { kind: button.kind, id: button.groupId });
}

/** The codec's value as this feature's button. */
export function toGroupButton(value: { kind: GroupButton["kind"]; id: number }): GroupButton {
  return value.kind === "list" ? { kind: "list", communeId: value.id } : { kind: value.kind, groupId: value.id };
}

export async function alertGroupCommand(turn: Turn, staff: StaffRow, args: string): Promise<void> {
  if (turn.incoming.chat.isGroup) return registerHere(turn, staff);
  let communeId = staff.communeId;
  const code = args.trim();
  if (code) {
    const commune = await findCommuneByCode(turn.deps.db, code);
    if (!commune) {
      turn.reply(viGroups.communeUnknown(code));
      return;
    }
    communeId = commune.id;
  }
  if (communeId === null) {
    turn.reply(viGroups.needCommune((await placeExamples(turn, staff)).communeCode));
    return;
  }
  return showList(turn, staff, communeId);
}

async function registerHere(turn: Turn, staff: StaffRow): Promise<void> {
  const { incoming } = turn;
  const outcome = await registerAlertGroup(turn.deps, staff, { channel: incoming.channel, addressTag: incoming.chat.tag, sealedAddress: incoming.chat.sealed });
  if (outcome.ok) {
    turn.reply(outcome.kind === "reactivated" ? viGroups.reactivated(outcome.commune.name, staff.displayName) : viGroups.registered(outcome.commune.name));
    return;
  }
  if (outcome.reason === "already") turn.reply(viGroups.already(outcome.commune.name));
  else turn.reply(outcome.reason === "other_commune" ? viGroups.otherCommune : vi.staff.forbidden);
}

async function showList(turn: Turn, staff: StaffRow, communeId: number): Promise<void> {
  const listed = await listAlertGroups(turn.deps.db, staff, communeId);
  if (!listed.ok) {
    turn.reply(viGroups.forbidden);
    return;
  }
  const { commune, groups } = listed;
  if (groups.length === 0) {
    turn.reply(viGroups.listEmpty(commune.name));
    return;
  }
  const lines = [viGroups.listTitle(commune.name, groups.length)];
  for (const g of groups) lines.push(viGroups.line(g.id, g.channel, formatDateTimeVN(g.registeredAt), g.registeredBy, g.active));
  if (!groups.some((g) => g.active)) lines.push(viGroups.noneActive);
  lines.push(viGroups.listHint);
  const rows: Choice[][] = groups.slice(0, 10).map((g) => [{ label: viGroups.buttons.remove(g.id), data: groupButtonData({ kind: "ask", groupId: g.id }) }]);
  turn.reply(lines.join("\n"), rows);
}

export async function groupButton(turn: Turn, staff: StaffRow, button: GroupButton): Promise<void> {
  if (button.kind === "list") return showList(turn, staff, button.communeId);
  if (button.kind === "ask") {
    const group = await findAlertGroupToRemove(turn.deps.db, staff, button.groupId);
    if (!group) {
      turn.reply(viGroups.notFound);
      return;
    }
    turn.reply(viGroups.confirm(group.id, group.channel, group.registeredBy), [
      [
        { label: viGroups.buttons.confirmRemove, data: groupButtonData({ kind: "remove", groupId: group.id }) },
        { label: viGroups.buttons.back, data: groupButtonData({ kind: "list", communeId: group.communeId }) },
      ],
    ]);
    return;
  }
  const removed = await removeAlertGroup(turn.deps, staff, button.groupId);
  turn.reply(removed.ok ? viGroups.removed(removed.group.id) : viGroups.notFound);
}
