// The channel-neutral dialogue engine: (stored state, incoming) → new state, replies, domain effects.
// What it routes to is declared in the registry: commands in ./commands, buttons in ./buttons, flows in ./flows.
import { deletePendingUploads } from "../../src/media/uploads.js";
import { messagesFor } from "../../src/i18n/messages.js";
import { enqueueStatement } from "../../src/outbox/outbox.js";
import { conversationStatement, readTurnStart, writeTurn, type TurnStart } from "../../src/conversations/store.js";
import type { SqlStatement } from "../../src/db/sql.js";
import { normalizeReceiptCode } from "../../src/crypto/receipt.js";
import type { Incoming } from "../../src/messaging/types.js";
import { IDLE, parseCommand } from "./state.js";
import { mainMenu, Turn, type CoreDeps, type StaffRow } from "./turn.js";
import { openWithCode } from "./followup.js";
import { touchSubscription } from "../../src/bulletins/subscriptions.js";
import { hasInteractionWindow } from "../../src/bulletins/reach.js";
import { findCommand } from "./commands/index.js";
import { expiredNotice, flowOf, loadState, storeState } from "./flows/index.js";
import { pressButton } from "./buttons/index.js";
import { registryServices } from "./help.js";
import { startFromVillageCode } from "./tipoff.js";

/**
 * Handles one stored incoming. `sourceKey` makes the replies idempotent if the same incoming is
 * handled again; `alsoWrite` (the incoming's "done") is written in the one transaction that ends
 * the turn, with the new state and the replies; `start` is the turn's start if the caller read it.
 */
export async function handleIncoming(
  deps: CoreDeps,
  incoming: Incoming,
  sourceKey: string,
  opts: { start?: TurnStart; alsoWrite?: () => SqlStatement[] } = {},
): Promise<void> {
  const { db } = deps;
  const now = deps.now();
  // The dialogue state, the staff record and the chosen locale, in one statement.
  const { conversation: row, staff: staffRow, locale } = opts.start ?? (await readTurnStart(db, incoming.sender));
  const t = messagesFor(locale);
  const loaded = loadState(row?.state);
  let state = loaded.state;
  const startFlow = flowOf(state);
  const notices: string[] = loaded.broken ? [t.citizen.flow.stateReset] : [];
  if (row?.expiresAt && row.expiresAt <= now && state.step !== "idle") {
    const notice = expiredNotice(state, deps.settings, t);
    if (notice) notices.push(notice);
    state = IDLE;
  }
  const staff: StaffRow | null = staffRow && staffRow.active ? staffRow : null;
  // Subscribers' last message: channels with an interaction window (Zalo) reach only recent ones.
  // Elsewhere (Telegram, the web chat) it is never read, so it is not written on every message.
  if (hasInteractionWindow(incoming.channel)) await touchSubscription(db, incoming.sender, now);

  const turn = new Turn(deps, incoming, state, staff, registryServices, t);
  for (const notice of notices) turn.reply(notice);
  await route(turn);

  // A flow that ended (sent, cancelled, expired, replaced) takes its unattached web pictures with it.
  if (startFlow?.ownsUploads && flowOf(turn.state) !== startFlow && incoming.channel === "web") await deletePendingUploads(db, incoming.chat.tag);
  // One transaction ends the turn: the state, the replies in order, and the caller's writes.
  const writes: SqlStatement[] = [];
  const stored = storeState(turn.state);
  if (stored !== null || row) {
    writes.push(
      conversationStatement({
        pseudonym: incoming.sender,
        state: stored,
        sealedAddress: incoming.chat.sealed,
        updatedAt: now,
        expiresAt: new Date(now.getTime() + deps.settings.draftTtlMinutes * 60_000),
      }),
    );
  }
  const target = { channel: incoming.channel, sealedAddress: incoming.chat.sealed, addressTag: incoming.chat.tag };
  // Words the adapter adds when it sends (Zalo's choice hint) follow the reader's locale too.
  const replyLocale = locale && t !== messagesFor(null) ? locale : undefined;
  turn.replies.forEach((reply, n) => writes.push(enqueueStatement(target, replyLocale ? { ...reply, locale: replyLocale } : reply, { dedupeKey: `${sourceKey}:${n}`, now })));
  writes.push(...(opts.alsoWrite?.() ?? []));
  await writeTurn(db, writes);
}

async function route(turn: Turn): Promise<void> {
  const { content } = turn.incoming;
  if (content.kind === "text") {
    const command = parseCommand(content.text);
    if (command) return runCommand(turn, command.command, command.args);
  }
  if (content.kind === "choice" && (await pressButton(turn, content.data))) return;

  const flow = flowOf(turn.state);
  // Groups are for staff: anything but commands and buttons is their own conversation.
  if (turn.incoming.chat.isGroup && !(flow?.inGroups && turn.staff)) return;
  if (flow?.staffOnly) {
    if (turn.staff) return flow.continue(turn, turn.state, turn.staff);
    turn.state = IDLE;
  } else if (flow) return flow.continue(turn, turn.state);

  // Idle: a receipt code typed on its own opens that tip, a poster's village code starts a tip there; anything else gets the menu.
  if (content.kind === "text" && normalizeReceiptCode(content.text)) return openWithCode(turn, content.text);
  if (content.kind === "text" && !turn.incoming.chat.isGroup && (await startFromVillageCode(turn, content.text))) return;
  if (content.kind === "unsupported") turn.reply(turn.t.citizen.flow.unsupported);
  turn.reply(turn.t.citizen.welcome, mainMenu(turn.t));
}

async function runCommand(turn: Turn, name: string, args: string): Promise<void> {
  const command = findCommand(name);
  const isGroup = turn.incoming.chat.isGroup;
  if (!command) {
    if (isGroup) return;
    const flow = flowOf(turn.state);
    if (flow?.reprompt) return flow.reprompt(turn, turn.state);
    turn.reply(turn.helpText(null), mainMenu(turn.t));
    return;
  }
  if (isGroup && command.inGroups === "silent") return;
  if (isGroup && command.inGroups === "private_only") return turn.reply(turn.t.citizen.flow.groupOnly);
  if (command.for === "anyone") return command.run(turn, args);
  if (!turn.staff) return turn.reply(turn.t.staff.desk.notStaff);
  return command.run(turn, args, turn.staff);
}
