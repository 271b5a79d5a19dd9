// The tip-off flow: commune → category → village → what happened → media → confirm → receipt.
import { askLocation, locationAnswer, locationChoices, pendingFrom } from "./location.js";
import { categories, categoryLabel } from "../../src/tips/categories.js";
import { createTip, describeAttachments, type DraftAttachment } from "../../src/tips/service.js";
import { countHits, recordHit, underLimit } from "../../src/tips/limits.js";
import { findCommuneById, findVillageByCode, findVillageById, listVillages, searchCommunes } from "../../src/places/search.js";
import type { Choice, IncomingContent } from "../../src/messaging/types.js";
import { IDLE, MAX_ATTACHMENTS, MAX_TEXT_CHARS, firstStep, previousStep, stepAfterCategory, type Draft, type DraftStep } from "./state.js";
import { mainMenu, navRow, type Turn } from "./turn.js";
import { menu, nav, tipCategory, tipCommune, tipConfirm, tipMedia, tipVillage } from "../../src/messaging/buttons.js";
import type { Messages } from "../../src/i18n/messages.js";

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** Starts a new draft, optionally fixed to a village by a poster's deep link. */
export async function startTipOff(turn: Turn, villageCode?: string): Promise<void> {
  const draft: Draft = { attachments: [] };
  if (villageCode) {
    const village = await findVillageByCode(turn.deps.db, villageCode);
    if (village) {
      draft.communeId = village.communeId;
      draft.villageId = village.id;
      draft.villageFixed = true;
      turn.reply(turn.t.citizen.flow.villageFixed(village.name, village.commune.name));
    } else {
      turn.reply(turn.t.citizen.flow.deepLinkUnknown);
    }
  }
  await enterStep(turn, firstStep(draft), draft);
}

/** A village code typed on its own (from a poster, where Zalo's link cannot carry it): a tip for that village. */
const VILLAGE_CODE_TYPED = /^[A-Za-z]{1,12}-?\d{1,4}$/;

export async function startFromVillageCode(turn: Turn, text: string): Promise<boolean> {
  const code = text.trim();
  if (!VILLAGE_CODE_TYPED.test(code) || !(await findVillageByCode(turn.deps.db, code.toUpperCase()))) return false;
  turn.reply(turn.t.citizen.welcome);
  turn.reply(turn.t.citizen.falseReportNote);
  await startTipOff(turn, code.toUpperCase());
  return true;
}

/** Shows the question of a step and stores the state. */
export async function enterStep(turn: Turn, step: DraftStep, draft: Draft): Promise<void> {
  const { db } = turn.deps;
  turn.state = { step, draft };
  switch (step) {
    case "commune":
      turn.reply(turn.t.citizen.flow.askCommune, [[{ label: turn.t.citizen.buttons.followUp, data: menu.pack("followup") }], navRow(turn.t, false)]);
      return;
    case "category": {
      const commune = await findCommuneById(db, draft.communeId!);
      const rows: Choice[][] = categories.map((c) => [{ label: c.label, data: tipCategory.pack(c.id) }]);
      // Back leads to the commune question: say so, for a commune the search picked on its own.
      const back = previousStep(step, draft) === "commune";
      rows.push(back ? [{ label: turn.t.citizen.buttons.otherCommune, data: nav.pack("back") }, { label: turn.t.citizen.buttons.cancel, data: nav.pack("cancel") }] : navRow(turn.t, false));
      turn.reply(turn.t.citizen.flow.askCategory(commune?.name ?? ""), rows);
      return;
    }
    case "village": {
      const villages = await listVillages(db, draft.communeId!);
      const rows: Choice[][] = [];
      for (let i = 0; i < villages.length; i += 2) {
        rows.push(villages.slice(i, i + 2).map((v) => ({ label: v.name, data: tipVillage.pack(v.id) })));
      }
      rows.push([{ label: turn.t.citizen.buttons.villageUnknown, data: tipVillage.pack("none") }]);
      rows.push(navRow(turn.t));
      turn.reply(villages.length > 0 ? turn.t.citizen.flow.askVillage : turn.t.citizen.flow.noVillages, rows);
      return;
    }
    case "text":
      turn.reply(turn.incoming.channel === "web" ? turn.t.citizen.flow.askTextWeb : turn.t.citizen.flow.askText, [navRow(turn.t)]);
      return;
    case "media":
      turn.reply(turn.incoming.channel === "web" ? turn.t.citizen.flow.askMediaWeb : turn.t.citizen.flow.askMedia, [[{ label: draft.attachments.length > 0 ? turn.t.citizen.buttons.continue : turn.t.citizen.buttons.skipMedia, data: tipMedia.pack("continue") }], navRow(turn.t)]);
      return;
    case "confirm":
      turn.reply(await summary(turn, draft), [
        [{ label: turn.t.citizen.buttons.submit, data: tipConfirm.pack("submit") }],
        [{ label: turn.t.citizen.buttons.editText, data: tipConfirm.pack("edit") }],
        navRow(turn.t),
      ]);
      return;
  }
}

/** "1 ảnh và 1 vị trí": what the draft holds, each kind counted apart. */
export function receivedList(t: Messages, attachments: { kind: string }[]): string {
  const counts = new Map<string, number>();
  for (const a of attachments) counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1);
  const parts = [...counts].map(([kind, n]) => `${n} ${t.citizen.media[kind] ?? kind}`);
  return parts.length > 1 ? t.data.listAnd(parts.slice(0, -1).join(", "), parts.at(-1)!) : (parts[0] ?? t.citizen.flow.summaryNoAttachments);
}

async function summary(turn: Turn, draft: Draft): Promise<string> {
  const { db } = turn.deps;
  const commune = await findCommuneById(db, draft.communeId!);
  const village = draft.villageId ? await findVillageById(db, draft.villageId) : null;
  return [
    turn.t.citizen.flow.summaryTitle,
    `${turn.t.citizen.flow.summaryCommune}: ${commune?.name ?? ""}`,
    `${turn.t.citizen.flow.summaryVillage}: ${village?.name ?? turn.t.citizen.flow.unknownVillage}`,
    `${turn.t.citizen.flow.summaryCategory}: ${categoryLabel(draft.category ?? "other")}`,
    `${turn.t.citizen.flow.summaryText}: ${draft.text ?? ""}`,
    `${turn.t.citizen.flow.summaryAttachments}: ${describeAttachments(draft.attachments)}`,
    "",
    turn.t.citizen.flow.summaryConfirm,
  ].join("\n");
}

/** Turns an incoming media or location into a draft attachment, or explains why not. */
export function attachmentFrom(turn: Turn, content: IncomingContent): DraftAttachment | null {
  const channel = turn.incoming.channel;
  if (content.kind === "location") return { kind: "location", channel, latitude: content.latitude, longitude: content.longitude };
  if (content.kind !== "media") return null;
  switch (content.media) {
    case "photo":
    case "video":
    case "voice":
    case "audio":
      if (!content.fileRef) return null;
      if (channel === "web") return { kind: content.media, channel, webUploadId: content.fileRef };
      return { kind: content.media, channel, fileRef: content.fileRef };
    case "image_file":
      turn.reply(turn.t.citizen.flow.imageAsFile);
      return null;
    case "document":
      turn.reply(turn.t.citizen.flow.documentRefused);
      return null;
    default:
      turn.reply(turn.t.citizen.flow.stickerIgnored);
      return null;
  }
}

export async function goBack(turn: Turn, step: DraftStep, draft: Draft): Promise<void> {
  const previous = previousStep(step, draft);
  if (!previous) {
    turn.state = IDLE;
    turn.reply(turn.t.citizen.flow.cancelled, mainMenu(turn.t));
    return;
  }
  await enterStep(turn, previous, draft);
}

/** Handles one incoming in a draft step. */
export async function continueTipOff(turn: Turn, step: DraftStep, draft: Draft): Promise<void> {
  const { content } = turn.incoming;
  const { db } = turn.deps;
  const choice = content.kind === "choice" ? content.data : null;
  const text = content.kind === "text" ? content.text : null;

  switch (step) {
    case "commune": {
      const id = tipCommune.parse(choice);
      if (id !== null) {
        const commune = await findCommuneById(db, id);
        if (commune) return enterStep(turn, "category", { ...draft, communeId: commune.id });
      }
      if (text !== null && text.trim().length > 0) {
        const query = text.trim().slice(0, 80);
        const found = await searchCommunes(db, query, 8);
        if (found.length === 0) {
          turn.reply(turn.t.citizen.flow.communeNotFound(query), [navRow(turn.t, false)]);
          return;
        }
        if (found.length === 1) {
          // One commune only: go on with it, saying which and how to change it.
          turn.reply(turn.t.citizen.flow.communePicked(found[0]!.name));
          return enterStep(turn, "category", { ...draft, communeId: found[0]!.id });
        }
        turn.reply(turn.t.citizen.flow.communeResults, [...found.map((c) => [{ label: c.name, data: tipCommune.pack(c.id) }]), navRow(turn.t, false)]);
        return;
      }
      turn.reply(turn.t.citizen.flow.askCommune, [navRow(turn.t, false)]);
      return;
    }
    case "category": {
      // A commune button from an earlier search: that commune instead.
      const communeId = tipCommune.parse(choice);
      if (communeId !== null && !draft.villageFixed) {
        const commune = await findCommuneById(db, communeId);
        if (commune) return enterStep(turn, "category", { ...draft, communeId: commune.id });
      }
      const id = tipCategory.parse(choice);
      const picked = categories.find((c) => c.id === id) ?? (text ? categories.find((c) => c.label.toLowerCase() === text.trim().toLowerCase()) : undefined);
      if (picked) return enterStep(turn, stepAfterCategory(draft), { ...draft, category: picked.id });
      turn.reply(turn.t.citizen.flow.useButtons);
      return;
    }
    case "village": {
      const villageId = tipVillage.parse(choice);
      if (villageId === "none") return enterStep(turn, "text", { ...draft, villageId: null });
      if (villageId !== null) {
        const village = await findVillageById(db, villageId);
        if (village && village.communeId === draft.communeId) return enterStep(turn, "text", { ...draft, villageId: village.id });
      }
      if (text) {
        const villages = await listVillages(db, draft.communeId!);
        const match = villages.find((v) => v.name.toLowerCase() === text.trim().toLowerCase());
        if (match) return enterStep(turn, "text", { ...draft, villageId: match.id });
      }
      turn.reply(turn.t.citizen.flow.useButtons);
      return;
    }
    case "text": {
      if (text !== null) {
        const trimmed = text.trim();
        // Zero-width and other invisible characters alone are not a description.
        if (trimmed.replace(/[\p{Cf}\p{Z}]/gu, "").length === 0) {
          turn.reply(turn.t.citizen.flow.textEmpty, [navRow(turn.t)]);
          return;
        }
        if ([...trimmed].length > MAX_TEXT_CHARS) {
          turn.reply(turn.t.citizen.flow.textTooLong(MAX_TEXT_CHARS, [...trimmed].length), [navRow(turn.t)]);
          return;
        }
        return enterStep(turn, "media", { ...draft, text: trimmed });
      }
      if (content.kind === "media" && (content.media === "voice" || content.media === "audio")) {
        const a = attachmentFrom(turn, content);
        if (a) return enterStep(turn, "media", { ...draft, text: draft.text ?? turn.t.citizen.flow.summaryVoice, attachments: [...draft.attachments, a] });
      }
      if (content.kind === "media" || content.kind === "location") {
        turn.reply(turn.t.citizen.flow.mediaWhere, [navRow(turn.t)]);
        return;
      }
      turn.reply(turn.incoming.channel === "web" ? turn.t.citizen.flow.askTextWeb : turn.t.citizen.flow.askText, [navRow(turn.t)]);
      return;
    }
    case "media": {
      const continueRow = [[{ label: turn.t.citizen.buttons.continue, data: tipMedia.pack("continue") }], navRow(turn.t)];
      if (draft.pendingLocation) {
        const answer = locationAnswer(turn);
        const { pendingLocation, ...rest } = draft;
        if (answer === "keep") {
          const next = { ...rest, attachments: [...rest.attachments, { kind: "location" as const, channel: turn.incoming.channel, ...pendingLocation }] };
          turn.state = { step: "media", draft: next };
          turn.reply(`${turn.t.citizen.flow.locationKept}\n${turn.t.citizen.flow.mediaAdded(receivedList(turn.t, next.attachments))}`, continueRow);
          return;
        }
        if (answer === "drop") {
          turn.state = { step: "media", draft: rest };
          turn.reply(turn.t.citizen.flow.locationDropped, continueRow);
          return;
        }
        if (content.kind === "choice") {
          turn.reply(turn.t.citizen.flow.locationPending, locationChoices(turn.t, [navRow(turn.t)]));
          return;
        }
      }
      if (tipMedia.parse(choice) === "continue") return enterStep(turn, "confirm", draft);
      if (content.kind === "media" || content.kind === "location") {
        if (draft.attachments.length >= MAX_ATTACHMENTS) {
          turn.reply(turn.t.citizen.flow.mediaLimit(MAX_ATTACHMENTS), [[{ label: turn.t.citizen.buttons.continue, data: tipMedia.pack("continue") }], navRow(turn.t)]);
          return;
        }
        const pending = pendingFrom(content);
        if (pending) {
          turn.state = { step: "media", draft: { ...draft, pendingLocation: pending } };
          askLocation(turn, [navRow(turn.t)]);
          return;
        }
        const a = attachmentFrom(turn, content);
        if (a) {
          const next = { ...draft, attachments: [...draft.attachments, a] };
          turn.state = { step: "media", draft: next };
          turn.reply(turn.t.citizen.flow.mediaAdded(receivedList(turn.t, next.attachments)), [[{ label: turn.t.citizen.buttons.continue, data: tipMedia.pack("continue") }], navRow(turn.t)]);
          if (next.pendingLocation) askLocation(turn, [navRow(turn.t)]); // still waits for its answer
        }
        return;
      }
      if (text !== null && text.trim().length > 0) {
        // More words after the description: append them rather than lose them.
        const joined = `${draft.text ?? ""}\n${text.trim()}`.trim();
        if ([...joined].length > MAX_TEXT_CHARS) {
          turn.reply(turn.t.citizen.flow.textTooLong(MAX_TEXT_CHARS, [...joined].length), [[{ label: turn.t.citizen.buttons.continue, data: tipMedia.pack("continue") }], navRow(turn.t)]);
          return;
        }
        turn.state = { step: "media", draft: { ...draft, text: joined } };
      }
      turn.reply(turn.incoming.channel === "web" ? turn.t.citizen.flow.askMediaWeb : turn.t.citizen.flow.askMedia, [[{ label: turn.t.citizen.buttons.continue, data: tipMedia.pack("continue") }], navRow(turn.t)]);
      if (draft.pendingLocation) askLocation(turn, [navRow(turn.t)]);
      return;
    }
    case "confirm": {
      const confirmed = tipConfirm.parse(choice);
      if (confirmed === "edit") return enterStep(turn, "text", { ...draft, text: undefined });
      if (confirmed === "submit") {
        await submit(turn, draft);
        // Sent: the menu under the last message, instead of a dead end.
        const last = turn.replies.at(-1);
        if (turn.state.step === "idle" && last && !last.choices && !last.secret) last.choices = mainMenu(turn.t);
        return;
      }
      turn.reply(turn.t.citizen.flow.useButtons);
      return;
    }
  }
}

async function submit(turn: Turn, draft: Draft): Promise<void> {
  const { db } = turn.deps;
  const reason = await holdReason(turn);
  const created = await createTip(turn.deps, {
    communeId: draft.communeId!,
    villageId: draft.villageId ?? null,
    category: draft.category ?? "other",
    text: draft.text ?? "",
    channel: turn.incoming.channel,
    attachments: draft.attachments,
    replyTo: { sealed: turn.incoming.chat.sealed, tag: turn.incoming.chat.tag },
    conversationTag: turn.incoming.chat.tag,
    hold: reason !== null,
  });
  turn.deps.log.info("tips.created", { tipId: created.tipId, attachments: draft.attachments.length });
  const commune = await findCommuneById(db, draft.communeId!);
  turn.state = IDLE;
  turn.replySecret(turn.t.citizen.flow.submitted(created.receiptCode));
  turn.reply(turn.t.citizen.flow.whatNext(commune?.hotline ?? null));
}

/** Why a new tip from this person goes to the held queue, or null; counts it (also a tip a late detail starts). */
export async function holdReason(turn: Turn): Promise<"network" | "sender" | "server" | null> {
  const { db, keys, settings } = turn.deps;
  const now = turn.now();
  // Beyond any limit the tip is still accepted, into the held queue: a flood cannot make the server
  // refuse a genuine citizen, and held tips do not count against the server-wide limit.
  // Both stay on RateHit, also on Workers: the rate limiting binding has no hour period, and counts
  // per Cloudflare location, so it cannot hold a server-wide minute (README, "Floods").
  const personalBucket = await keys.tag("rate-tip", turn.incoming.sender);
  const reason = turn.incoming.hold
    ? "network"
    : !underLimit(await countHits(db, personalBucket, now, HOUR_MS), settings.tipsPerHour)
      ? "sender"
      : !underLimit(await countHits(db, "global-tips", now, MINUTE_MS), settings.globalTipsPerMinute)
        ? "server"
        : null;
  await recordHit(db, personalBucket, now);
  if (reason) turn.deps.log.warn("tips.held", { reason, perMinute: settings.globalTipsPerMinute });
  else await recordHit(db, "global-tips", now);
  return reason;
}
