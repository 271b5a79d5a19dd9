// Button data: what a Choice carries and comes back as `{ kind: "choice", data }`. Every kind is a
// typed codec here, in one place, so nobody writes or matches these strings by hand. The wire
// strings are fixed: buttons already sitting in people's chats must keep working after an upgrade.
// Telegram allows 64 bytes of callback data; every field below is bounded well under that.
import { parseId } from "../util/ids.js";

/** One ":"-free part of the data. P is what a producer may pack, V what parsing yields. */
interface Field<P, V = P> {
  pack(value: P): string;
  parse(part: string): V | null;
}

/** A database id, read by the bounded parser: huge, signed or odd numbers are no id. */
const id: Field<number> = { pack: String, parse: parseId };

/** One of a fixed list; the type is the union of its words. */
function oneOf<const T extends readonly string[]>(values: T): Field<T[number]> {
  return { pack: (v) => v, parse: (part) => (values.includes(part) ? (part as T[number]) : null) };
}

/** Typed names on the wire as short codes (`{ release: "r" }` packs "release" as "r"). */
function codes<const M extends Record<string, string>>(map: M): Field<keyof M & string> {
  const entries = Object.entries(map);
  return { pack: (v) => map[v]!, parse: (part) => entries.find(([, code]) => code === part)?.[0] ?? null };
}

/** A word matching `pattern`; producers pack only P, but any such word parses (its handler judges it). */
function word<P extends string = string>(pattern: RegExp): Field<P, string> {
  return { pack: (v) => v, parse: (part) => (pattern.test(part) ? part : null) };
}

function either<A, B>(a: Field<A>, b: Field<B>): Field<A | B> {
  return {
    pack: (v) => (a.parse(String(v)) !== null ? a.pack(v as A) : b.pack(v as B)),
    parse: (part) => a.parse(part) ?? b.parse(part),
  };
}

/** A bulletin language code (src/bulletins/languages.json). */
const language = word(/^[a-z]{3}$/);

export interface Codec<P, V = P> {
  readonly prefix: string;
  /** Nothing to pack for a kind without payload (`recentBulletins.pack()`). */
  pack(...value: [P] extends [undefined] ? [] : [P]): string;
  /** The value, or null for data of another kind, forged or malformed data of this one, or none. */
  parse(data: string | null | undefined): V | null;
  /** The data is of this kind (its prefix), even if it does not parse: a forged or stale button. */
  claims(data: string): boolean;
}

type Fields = Record<string, Field<never, unknown>>;
type PackOf<F> = F extends Field<infer P, unknown> ? P : never;
type ParseOf<F> = F extends Field<never, infer V> ? V : never;

function codec(prefix: string): Codec<undefined, true>;
function codec<P, V>(prefix: string, field: Field<P, V>): Codec<P, V>;
function codec<F extends Fields>(prefix: string, fields: F): Codec<{ [K in keyof F]: PackOf<F[K]> }, { [K in keyof F]: ParseOf<F[K]> }>;
function codec(prefix: string, shape?: Field<unknown> | Record<string, Field<unknown>>): Codec<unknown> {
  const single = shape !== undefined && typeof shape.parse === "function" ? (shape as Field<unknown>) : undefined;
  const named = single ? [] : Object.entries((shape ?? {}) as Record<string, Field<unknown>>);
  const arity = single ? 1 : named.length;
  return {
    prefix,
    pack: (...args: unknown[]) => {
      const value = args[0];
      const parts = single ? [single.pack(value)] : named.map(([key, f]) => f.pack((value as Record<string, unknown>)[key]));
      return [prefix, ...parts].join(":");
    },
    parse(data) {
      const parts = (data ?? "").split(":");
      if (parts[0] !== prefix || parts.length !== arity + 1) return null;
      if (single) return single.parse(parts[1]!);
      if (!shape) return true;
      const value: Record<string, unknown> = {};
      for (const [i, [key, f]] of named.entries()) {
        const v = f.parse(parts[i + 1]!);
        if (v === null) return null;
        value[key] = v;
      }
      return value;
    },
    claims: (data) => (arity === 0 ? data === prefix : data.startsWith(`${prefix}:`)),
  };
}

// ---- Everyone -------------------------------------------------------------------------------

/** Quay lại / Hủy under any question. */
export const nav = codec("nav", oneOf(["back", "cancel"]));
/** The citizen's main menu. */
export const menu = codec("menu", oneOf(["report", "followup", "privacy", "help"]));

// ---- The tip-off flow (bots/core/tipoff.ts) ---------------------------------------------------

export const tipCommune = codec("c", id);
/** A tip category's id (src/tips/categories.json). */
export const tipCategory = codec("k", word(/^[a-z_]{1,32}$/));
export const tipVillage = codec("v", either(oneOf(["none"]), id));
export const tipMedia = codec("m", oneOf(["continue"]));
export const tipConfirm = codec("s", oneOf(["submit", "edit"]));
/** Keep or drop a shared location (tip drafts and follow-ups). */
export const location = codec("loc", oneOf(["yes", "no"]));

// ---- Follow-up with a receipt code, and the tipster's answer ---------------------------------

export const followUp = codec("f", oneOf(["add", "refresh", "exit", "done"]));
/** "Trả lời cán bộ" under an officer's question. */
export const tipReply = codec("r", id);

// ---- Staff: tips, alerts, the held queue ------------------------------------------------------

type TipButtonAction = "take" | "verify" | "done" | "unfounded" | "ask" | "note" | "assign" | "extend" | "reopen" | "files";
/** An action on a tip. Any word parses: a stale or forged one gets the real buttons again. */
export const tipAction = codec("t", { tipId: id, action: word<TipButtonAction>(/^\w+$/) });
/** A tip in an officer's list. */
export const tipView = codec("l", id);
/** Reassign a tip to one of the commune's officers (the domain checks both are the commune's). */
export const tipAssign = codec("tas", { tipId: id, staffId: id });
/** Closing a tip: a result's id (src/tips/results.json; the handler checks it), then "skip" the note. */
export const tipResult = codec("trs", word(/^[a-z_]{2,24}$/));
export const tipCloseSkip = codec("tsk");
/** Where an officer's alerts go: the first account, or a linked one. */
export const alertChannel = codec("ac", either(oneOf(["primary"]), id));
/** The reminder's "OK". */
export const reminder = codec("zr", oneOf(["ok"]));
export const heldList = codec("hq", oneOf(["list"]));
/** Release or dismiss the held tips up to an id: asked first, then confirmed. */
export const heldAsk = codec("hq", { decision: codes({ release: "r", dismiss: "d" }), upToId: id });
export const heldConfirm = codec("hq", { decision: codes({ release: "ry", dismiss: "dy" }), upToId: id });
/** /nhomcanhbao: a commune's alert groups, "remove?" and "yes, remove". */
export const alertGroup = codec("ag", { kind: codes({ list: "l", ask: "r", remove: "y" }), id });

// ---- Duplicates and spam on a tip (src/tips/marks.ts) --------------------------------------------

/** "Trùng tin", "Tin rác", "Không phải tin rác" under a tip's view (the domain checks scope and status). */
export const tipMark = codec("tmk", { tipId: id, mark: codes({ duplicate: "d", spam: "s", notSpam: "n" }) });
/** The confirmation of a spam mark or its undoing, read by its flow (bots/core/flows/marks.ts). */
export const tipMarkConfirm = codec("tmy");

// ---- An officer entering a tip that did not come by chat (/nhaptin) ---------------------------

/** A source's id (src/tips/sources.json); the flow checks it is one an officer enters. */
export const intakeSource = codec("ns", word(/^[a-z_]{2,16}$/));
export const intakeSlip = codec("nm", oneOf(["none"]));
export const intakeConfirm = codec("nc", oneOf(["save", "edit"]));

// ---- Figures form (/capnhat) ------------------------------------------------------------------

export const figures = codec("fg", oneOf(["yes", "no", "keep", "zero", "skip", "copy", "save", "edit", "resume", "restart"]));
export const figuresVillage = codec("fgv", id);

// ---- Bulletins: subscribing and reading ---------------------------------------------------------

export const subscription = codec("sub", oneOf(["start", "stop"]));
export const subscribeCommune = codec("sc", id);
export const subscribeLanguage = codec("sl", { communeId: id, language });
export const recentBulletins = codec("bls");
export const otherLanguage = codec("blo");
export const readLanguage = codec("bl", language);
export const readSlot = codec("bv", id);
/** A new commune's first bulletin, aired now (bots/core/bulletins.ts): the commune's id. */
export const airFirst = codec("bf", id);

// ---- Bulletins: village heads and translators -----------------------------------------------------

/** "Đã phát" / "Chưa phát được" under a delivery. */
export const broadcast = codec("bp", id);
export const notBroadcast = codec("bn", id);
/** A reason's id (src/bulletins/reasons.json) for a delivery not broadcast; the handler checks it. */
export const notBroadcastReason = codec("br", { deliveryId: id, reason: word(/^[a-z_]{2,16}$/) });
export const translatorLanguage = codec("tl", either(oneOf(["done"]), language));
export const translationList = codec("tlist");
export const translationOpen = codec("tr", { itemId: id, language });
export const translationSubmit = codec("ts", { itemId: id, language });
export const translationApprove = codec("ta", id);
export const translationReturn = codec("tx", id);
/** A page of /dich for one language (1-based), and "Hủy" under the list. */
export const translationPage = codec("tlp", { language, page: id });
export const translationClose = codec("tlx");
/** A submitted draft a second translator opens from /dich to review it (the version's id). */
export const translationReview = codec("trv", id);

// ---- Bulletins written by the commune (/vietbantin, src/bulletins/local.ts) ------------------------

/** The kind asked first in the writing flow (bots/core/local-bulletins.ts). */
export const localKind = codec("lbk", oneOf(["bulletin", "warning"]));
/** Under the preview: send for approval, or edit the text again. */
export const localConfirm = codec("lbc", oneOf(["submit", "edit"]));
/** After "Sửa": keep the title (or the text) written before instead of typing it again. */
export const localKeep = codec("lbg");
/** "Duyệt" / "Trả lại" under a bulletin waiting for approval (the domain checks mayApprove). */
export const localReview = codec("lbr", { id, decision: codes({ approve: "a", return: "r" }) });
/** After approval: "Phát ngay" or "Phát ở buổi tới". */
export const localAir = codec("lba", { id, when: codes({ now: "n", next: "s" }) });
/** After the text: the audiences it also goes to (src/bulletins/audiences.ts), or none. */
export const localAudience = codec("lbu", oneOf(["school", "business", "both", "none"]));

// ---- Audiences beyond villages: a school's teacher, a business contact (src/bulletins/audiences.ts) --

/** "Đã tuyên truyền" / "Chưa tuyên truyền được" under an audience delivery. */
export const audienceDone = codec("aud", id);
export const audienceNotDone = codec("aun", id);
/** A reason's id (src/bulletins/audiences.json) for an audience delivery not done; the handler checks it. */
export const audienceReason = codec("aur", { deliveryId: id, reason: word(/^[a-z_]{2,16}$/) });

// ---- Sending a tip on to another commune or a police unit (bots/core/transfer.ts) ----------------

/** "Chuyển" on a tip's view: starts the flow (the domain checks role, commune and status). */
export const tipTransfer = codec("ttr", id);
export const transferKind = codec("tfk", oneOf(["commune", "unit"]));
export const transferCommune = codec("tfc", id);
/** A unit's id (src/tips/units.json; the flow checks it). */
export const transferUnit = codec("tfu", word(/^[a-z0-9_]{2,24}$/));
export const transferConfirm = codec("tfy", oneOf(["yes"]));

/** Every kind, for asking which one a piece of data is. */
export const buttonCodecs = [
  nav, menu,
  tipCommune, tipCategory, tipVillage, tipMedia, tipConfirm, location,
  followUp, tipReply,
  tipAction, tipView, tipAssign, tipResult, tipCloseSkip, alertChannel, reminder, heldList, heldAsk, heldConfirm, alertGroup,
  intakeSource, intakeSlip, intakeConfirm,
  tipMark, tipMarkConfirm,
  figures, figuresVillage,
  subscription, subscribeCommune, subscribeLanguage, recentBulletins, otherLanguage, readLanguage, readSlot, airFirst,
  broadcast, notBroadcast, notBroadcastReason, translatorLanguage, translationList, translationOpen, translationSubmit, translationApprove, translationReturn,
  translationPage, translationClose, translationReview,
  tipTransfer, transferKind, transferCommune, transferUnit, transferConfirm,
  localKind, localConfirm, localKeep, localReview, localAir, localAudience,
  audienceDone, audienceNotDone, audienceReason,
] as const;
