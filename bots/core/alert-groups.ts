// /nhomcanhbao: in a group, registers it for the commune's alerts; in a private chat, lists the
// commune's alert groups with a "Gỡ nhóm" button each (confirmation, and a way back). Rules and
// scope live in src/staff/alert-groups.ts; this file only talks.
import { formatDateTimeVN } from "../../src/util/vietnam-time.js";
import { placeExamples } from "./stats.js";
import { findCommuneByCode } from "../../src/places/search.js";
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
      turn.reply(turn.t.staff.groups.communeUnknown(code));
      return;
    }
    communeId = commune.id;
  }
  if (communeId === null) {
    turn.reply(turn.t.staff.groups.needCommune((await placeExamples(turn, staff)).communeCode));
    return;
  }
  return showList(turn, staff, communeId);
}

async function registerHere(turn: Turn, staff: StaffRow): Promise<void> {
  const { incoming } = turn;
  const outcome = await registerAlertGroup(turn.deps, staff, { channel: incoming.channel, addressTag: incoming.chat.tag, sealedAddress: incoming.chat.sealed });
  if (outcome.ok) {
    turn.reply(outcome.kind === "reactivated" ? turn.t.staff.groups.reactivated(outcome.commune.name, staff.displayName) : turn.t.staff.groups.registered(outcome.commune.name));
    return;
  }
  if (outcome.reason === "already") turn.reply(turn.t.staff.groups.already(outcome.commune.name));
  else turn.reply(outcome.reason === "other_commune" ? turn.t.staff.groups.otherCommune : turn.t.staff.desk.forbidden);
}

async function showList(turn: Turn, staff: StaffRow, communeId: number): Promise<void> {
  const listed = await listAlertGroups(turn.deps.db, staff, communeId);
  if (!listed.ok) {
    turn.reply(turn.t.staff.groups.forbidden);
    return;
  }
  const { commune, groups } = listed;
  if (groups.length === 0) {
    turn.reply(turn.t.staff.groups.listEmpty(commune.name));
    return;
  }
  const lines = [turn.t.staff.groups.listTitle(commune.name, groups.length)];
  for (const g of groups) lines.push(turn.t.staff.groups.line(g.id, g.channel, formatDateTimeVN(g.registeredAt), g.registeredBy, g.active));
  if (!groups.some((g) => g.active)) lines.push(turn.t.staff.groups.noneActive);
  lines.push(turn.t.staff.groups.listHint);
  const rows: Choice[][] = groups.slice(0, 10).map((g) => [{ label: turn.t.staff.groups.buttons.remove(g.id), data: groupButtonData({ kind: "ask", groupId: g.id }) }]);
  turn.reply(lines.join("\n"), rows);
}

export async function groupButton(turn: Turn, staff: StaffRow, button: GroupButton): Promise<void> {
  if (button.kind === "list") return showList(turn, staff, button.communeId);
  if (button.kind === "ask") {
    const group = await findAlertGroupToRemove(turn.deps.db, staff, button.groupId);
    if (!group) {
      turn.reply(turn.t.staff.groups.notFound);
      return;
    }
    turn.reply(turn.t.staff.groups.confirm(group.id, group.channel, group.registeredBy), [
      [
        { label: turn.t.staff.groups.buttons.confirmRemove, data: groupButtonData({ kind: "remove", groupId: group.id }) },
        { label: turn.t.staff.groups.buttons.back, data: groupButtonData({ kind: "list", communeId: group.communeId }) },
      ],
    ]);
    return;
  }
  const removed = await removeAlertGroup(turn.deps, staff, button.groupId);
  turn.reply(removed.ok ? turn.t.staff.groups.removed(removed.group.id) : turn.t.staff.groups.notFound);
}
