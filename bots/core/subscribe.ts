// Citizens: /nhanbantin (commune by name → language) and /huybantin. Only a pseudonym and a sealed
// address are kept; the buttons carry their own context, so a lost state never strands anyone.
import { dayList } from "../../src/i18n/vi-bulletins.js";
import { findCommuneById, searchCommunes } from "../../src/places/search.js";
import { BASE_LANGUAGE, languageInline, languageLabel, parseLanguageList } from "../../src/bulletins/languages.js";
import { communeSchedule } from "../../src/bulletins/slots.js";
import { findSubscription, subscribe, unsubscribe } from "../../src/bulletins/subscriptions.js";
import type { Choice } from "../../src/messaging/types.js";
import { IDLE } from "./state.js";
import type { Turn } from "./turn.js";
import { nav, subscribeCommune, subscribeLanguage, subscription } from "../../src/messaging/buttons.js";
import type { Messages } from "../../src/i18n/messages.js";

const cancelRow = (t: Messages): Choice[] => [{ label: t.bulletins.buttons.cancel, data: nav.pack("cancel") }];
const backCancelRow = (t: Messages): Choice[] => [
  { label: t.bulletins.buttons.back, data: subscription.pack("start") },
  { label: t.bulletins.buttons.cancel, data: nav.pack("cancel") },
];

/** The languages a citizen may choose in a commune: Vietnamese and the commune's own. */
export function communeLanguageChoices(communeLanguages: string): string[] {
  const list = parseLanguageList(communeLanguages);
  return list.includes(BASE_LANGUAGE) ? list : [BASE_LANGUAGE, ...list];
}

export async function startSubscribe(turn: Turn): Promise<void> {
  if (turn.incoming.chat.isGroup) {
    turn.reply(turn.t.bulletins.subscribe.groupOnly);
    return;
  }
  turn.state = { step: "sub_commune" };
  turn.reply(turn.t.bulletins.subscribe.askCommune, [cancelRow(turn.t)]);
}

export async function continueSubCommune(turn: Turn): Promise<void> {
  const { content } = turn.incoming;
  const text = content.kind === "text" ? content.text.trim() : "";
  if (text.replace(/[\p{Cf}\p{Z}]/gu, "") === "") {
    turn.reply(turn.t.bulletins.subscribe.useButtons, [cancelRow(turn.t)]);
    return;
  }
  const query = text.slice(0, 80);
  const found = await searchCommunes(turn.deps.db, query, 8);
  if (found.length === 0) {
    turn.reply(turn.t.bulletins.subscribe.communeNotFound(query), [cancelRow(turn.t)]);
    return;
  }
  turn.reply(turn.t.bulletins.subscribe.communeResults, [...found.map((c) => [{ label: c.name, data: subscribeCommune.pack(c.id) }]), cancelRow(turn.t)]);
}

export async function chooseCommune(turn: Turn, communeId: number): Promise<void> {
  if (turn.incoming.chat.isGroup) {
    turn.reply(turn.t.bulletins.subscribe.groupOnly);
    return;
  }
  const commune = await findCommuneById(turn.deps.db, communeId);
  if (!commune) return startSubscribe(turn);
  turn.state = { step: "sub_commune" }; // typing another name searches again
  const rows: Choice[][] = communeLanguageChoices(commune.languages).map((code) => [{ label: languageLabel(code), data: subscribeLanguage.pack({ communeId: commune.id, language: code }) }]);
  rows.push(backCancelRow(turn.t));
  turn.reply(turn.t.bulletins.subscribe.askLanguage(commune.name), rows);
}

export async function chooseLanguage(turn: Turn, communeId: number, code: string): Promise<void> {
  const { db } = turn.deps;
  if (turn.incoming.chat.isGroup) {
    turn.reply(turn.t.bulletins.subscribe.groupOnly);
    return;
  }
  const commune = await findCommuneById(db, communeId);
  if (!commune) return startSubscribe(turn);
  if (!communeLanguageChoices(commune.languages).includes(code)) {
    turn.reply(turn.t.bulletins.subscribe.noLanguage);
    return chooseCommune(turn, communeId);
  }
  const { incoming } = turn;
  const { replaced } = await subscribe(db, {
    pseudonym: incoming.sender,
    channel: incoming.channel,
    sealedAddress: incoming.chat.sealed,
    addressTag: incoming.chat.tag,
    communeId: commune.id,
    language: code,
    now: turn.now(),
  });
  turn.deps.log.info("bulletins.subscribed", { communeId: commune.id, channel: incoming.channel });
  const { schedule } = await communeSchedule(db, commune.id);
  turn.state = IDLE;
  const done = turn.t.bulletins.subscribe.done(commune.name, languageInline(code), turn.t.bulletins.schedule.describe(dayList(schedule.days), schedule.times.join(", ")));
  turn.reply(replaced ? `${done}\n${turn.t.bulletins.subscribe.changed}` : done);
}

export async function stopSubscription(turn: Turn): Promise<void> {
  const stopped = await unsubscribe(turn.deps.db, turn.incoming.sender);
  turn.state = IDLE;
  turn.reply(stopped ? turn.t.bulletins.subscribe.stopped : turn.t.bulletins.subscribe.notSubscribed);
}

/** The subscription of whoever writes, for /bantin from a citizen. */
export function subscriptionOf(turn: Turn) {
  return findSubscription(turn.deps.db, turn.incoming.sender);
}
