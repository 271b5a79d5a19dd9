// Button data codecs (src/messaging/buttons.ts): today's wire strings parse to what they mean,
// every value round-trips within Telegram's 64 bytes, anything forged or foreign is no value, and
// no string belongs to two kinds.
import { describe, expect, it } from "vitest";
import * as b from "../../src/messaging/buttons.js";

const MAX = 2_147_483_647;
const bytes = (s: string) => new TextEncoder().encode(s).length;

type Case = { codec: { pack(v?: never): string; parse(d: string): unknown; claims(d: string): boolean }; wire: string; value: unknown };
const c = <P, V>(codec: b.Codec<P, V>, wire: string, value: V): Case => ({ codec: codec as unknown as Case["codec"], wire, value });

// Literal strings as buttons already sent carry them: these must never change.
const cases: Case[] = [
  c(b.nav, "nav:back", "back"),
  c(b.nav, "nav:cancel", "cancel"),
  c(b.menu, "menu:report", "report"),
  c(b.menu, "menu:followup", "followup"),
  c(b.menu, "menu:privacy", "privacy"),
  c(b.menu, "menu:help", "help"),
  c(b.tipCommune, "c:12", 12),
  c(b.tipCategory, "k:use_place", "use_place"),
  c(b.tipVillage, "v:7", 7),
  c(b.tipVillage, "v:none", "none"),
  c(b.tipMedia, "m:continue", "continue"),
  c(b.tipConfirm, "s:submit", "submit"),
  c(b.tipConfirm, "s:edit", "edit"),
  c(b.location, "loc:yes", "yes"),
  c(b.location, "loc:no", "no"),
  c(b.followUp, "f:add", "add"),
  c(b.followUp, "f:refresh", "refresh"),
  c(b.followUp, "f:exit", "exit"),
  c(b.followUp, "f:done", "done"),
  c(b.tipReply, "r:3", 3),
  c(b.tipAction, "t:5:take", { tipId: 5, action: "take" }),
  c(b.tipAction, "t:5:verify", { tipId: 5, action: "verify" }),
  c(b.tipAction, "t:5:done", { tipId: 5, action: "done" }),
  c(b.tipAction, "t:5:unfounded", { tipId: 5, action: "unfounded" }),
  c(b.tipAction, `t:${MAX}:ask`, { tipId: MAX, action: "ask" }),
  c(b.tipView, "l:9", 9),
  c(b.tipAction, "t:5:note", { tipId: 5, action: "note" }),
  c(b.tipAction, "t:5:assign", { tipId: 5, action: "assign" }),
  c(b.tipAction, "t:5:extend", { tipId: 5, action: "extend" }),
  c(b.tipAction, "t:5:reopen", { tipId: 5, action: "reopen" }),
  c(b.tipAssign, `tas:5:${MAX}`, { tipId: 5, staffId: MAX }),
  c(b.tipResult, "trs:administrative", "administrative"),
  c(b.tipCloseSkip, "tsk", true),
  c(b.tipMark, "tmk:5:d", { tipId: 5, mark: "duplicate" }),
  c(b.tipMark, "tmk:5:s", { tipId: 5, mark: "spam" }),
  c(b.tipMark, `tmk:${MAX}:n`, { tipId: MAX, mark: "notSpam" }),
  c(b.tipMarkConfirm, "tmy", true),
  c(b.alertChannel, "ac:primary", "primary"),
  c(b.alertChannel, "ac:4", 4),
  c(b.reminder, "zr:ok", "ok"),
  c(b.heldList, "hq:list", "list"),
  c(b.heldAsk, "hq:r:10", { decision: "release", upToId: 10 }),
  c(b.heldAsk, "hq:d:10", { decision: "dismiss", upToId: 10 }),
  c(b.heldConfirm, "hq:ry:10", { decision: "release", upToId: 10 }),
  c(b.heldConfirm, "hq:dy:10", { decision: "dismiss", upToId: 10 }),
  c(b.alertGroup, "ag:l:1", { kind: "list", id: 1 }),
  c(b.alertGroup, "ag:r:42", { kind: "ask", id: 42 }),
  c(b.alertGroup, `ag:y:${MAX}`, { kind: "remove", id: MAX }),
  c(b.intakeSource, "ns:hotline", "hotline"),
  c(b.intakeSource, "ns:in_person", "in_person"),
  c(b.intakeSlip, "nm:none", "none"),
  c(b.intakeConfirm, "nc:save", "save"),
  c(b.intakeConfirm, "nc:edit", "edit"),
  ...(["yes", "no", "keep", "zero", "skip", "copy", "save", "edit"] as const).map((v) => c(b.figures, `fg:${v}`, v)),
  c(b.figuresVillage, "fgv:8", 8),
  c(b.subscription, "sub:start", "start"),
  c(b.subscription, "sub:stop", "stop"),
  c(b.subscribeCommune, "sc:2", 2),
  c(b.subscribeLanguage, "sl:2:hmn", { communeId: 2, language: "hmn" }),
  c(b.recentBulletins, "bls", true),
  c(b.otherLanguage, "blo", true),
  c(b.readLanguage, "bl:tha", "tha"),
  c(b.readSlot, "bv:31", 31),
  c(b.airFirst, "bf:4", 4),
  c(b.broadcast, "bp:6", 6),
  c(b.notBroadcast, "bn:6", 6),
  c(b.notBroadcastReason, "br:6:speaker", { deliveryId: 6, reason: "speaker" }),
  c(b.notBroadcastReason, "br:6:other", { deliveryId: 6, reason: "other" }),
  c(b.translatorLanguage, "tl:hmn", "hmn"),
  c(b.translatorLanguage, "tl:done", "done"),
  c(b.translationList, "tlist", true),
  c(b.translationOpen, "tr:3:hmn", { itemId: 3, language: "hmn" }),
  c(b.translationSubmit, "ts:3:hmn", { itemId: 3, language: "hmn" }),
  c(b.translationApprove, "ta:11", 11),
  c(b.translationReturn, "tx:11", 11),
  c(b.translationPage, "tlp:blt:3", { language: "blt", page: 3 }),
  c(b.translationClose, "tlx", true),
  c(b.translationReview, "trv:11", 11),
  c(b.tipTransfer, `ttr:${MAX}`, MAX),
  c(b.transferKind, "tfk:commune", "commune"),
  c(b.transferKind, "tfk:unit", "unit"),
  c(b.transferCommune, "tfc:12", 12),
  c(b.transferUnit, "tfu:pc04", "pc04"),
  c(b.transferConfirm, "tfy:yes", "yes"),
  c(b.localKind, "lbk:bulletin", "bulletin"),
  c(b.localKind, "lbk:warning", "warning"),
  c(b.localConfirm, "lbc:submit", "submit"),
  c(b.localConfirm, "lbc:edit", "edit"),
  c(b.localKeep, "lbg", true),
  c(b.localReview, "lbr:7:a", { id: 7, decision: "approve" }),
  c(b.localReview, `lbr:${MAX}:r`, { id: MAX, decision: "return" }),
  c(b.localAir, "lba:7:n", { id: 7, when: "now" }),
  c(b.localAir, `lba:${MAX}:s`, { id: MAX, when: "next" }),
  c(b.localAudience, "lbu:school", "school"),
  c(b.localAudience, "lbu:business", "business"),
  c(b.localAudience, "lbu:both", "both"),
  c(b.localAudience, "lbu:none", "none"),
  c(b.audienceDone, "aud:7", 7),
  c(b.audienceNotDone, `aun:${MAX}`, MAX),
  c(b.audienceReason, "aur:7:no_session", { deliveryId: 7, reason: "no_session" }),
  c(b.audienceReason, `aur:${MAX}:other`, { deliveryId: MAX, reason: "other" }),
];

describe("button codecs", () => {
  it("have a literal case for every codec", () => {
    expect(new Set(cases.map((x) => x.codec))).toEqual(new Set(b.buttonCodecs));
  });

  it.each(cases.map((x) => [x.wire, x] as const))("%s parses, packs back the same, within 64 bytes", (wire, { codec, value }) => {
    expect(codec.parse(wire)).toEqual(value);
    expect(codec.claims(wire)).toBe(true);
    const packed = value === true ? codec.pack() : codec.pack(value as never);
    expect(packed).toBe(wire);
    expect(bytes(packed)).toBeLessThanOrEqual(64);
  });

  it("packs the longest values within Telegram's 64 bytes", () => {
    const longest = [
      b.tipAction.pack({ tipId: MAX, action: "unfounded" }),
      b.heldConfirm.pack({ decision: "dismiss", upToId: MAX }),
      b.notBroadcastReason.pack({ deliveryId: MAX, reason: "x".repeat(16) }),
      b.subscribeLanguage.pack({ communeId: MAX, language: "hmn" }),
      b.translationSubmit.pack({ itemId: MAX, language: "hmn" }),
      b.alertGroup.pack({ kind: "remove", id: MAX }),
      b.tipCategory.pack("x".repeat(32)),
      b.tipAssign.pack({ tipId: MAX, staffId: MAX }),
      b.tipResult.pack("x".repeat(24)),
      b.transferUnit.pack("x".repeat(24)),
      b.localReview.pack({ id: MAX, decision: "return" }),
      b.localAir.pack({ id: MAX, when: "next" }),
      b.audienceReason.pack({ deliveryId: MAX, reason: "x".repeat(16) }),
    ];
    for (const data of longest) expect(bytes(data), data).toBeLessThanOrEqual(64);
  });

  it("gives no two kinds the same string", () => {
    for (const { wire, codec } of cases) {
      const owners = b.buttonCodecs.filter((k) => k.parse(wire) !== null);
      expect(owners, wire).toEqual([codec]);
    }
  });

  const badIds = ["99999999999999999999", "2147483648", "-1", "0", "00", "007", "1e3", "0x10", "1.5", " 1", "١٢", "１２", ""];
  const idCodecs = [b.tipCommune, b.tipVillage, b.tipReply, b.tipView, b.alertChannel, b.figuresVillage, b.subscribeCommune, b.readSlot, b.airFirst, b.broadcast, b.notBroadcast, b.translationApprove, b.translationReturn, b.translationReview, b.audienceDone, b.audienceNotDone];
  it.each(badIds)("reads no id from %j", (bad) => {
    for (const codec of idCodecs) expect(codec.parse(`${codec.prefix}:${bad}`), codec.prefix).toBeNull();
    expect(b.tipAction.parse(`t:${bad}:take`)).toBeNull();
    expect(b.heldAsk.parse(`hq:r:${bad}`)).toBeNull();
    expect(b.heldConfirm.parse(`hq:dy:${bad}`)).toBeNull();
    expect(b.localReview.parse(`lbr:${bad}:a`)).toBeNull();
    expect(b.localAir.parse(`lba:${bad}:n`)).toBeNull();
    expect(b.alertGroup.parse(`ag:y:${bad}`)).toBeNull();
    expect(b.tipAssign.parse(`tas:1:${bad}`)).toBeNull();
    expect(b.tipAssign.parse(`tas:${bad}:1`)).toBeNull();
    expect(b.subscribeLanguage.parse(`sl:${bad}:hmn`)).toBeNull();
    expect(b.notBroadcastReason.parse(`br:${bad}:speaker`)).toBeNull();
    expect(b.translationOpen.parse(`tr:${bad}:hmn`)).toBeNull();
    expect(b.audienceReason.parse(`aur:${bad}:absent`)).toBeNull();
  });

  it.each([
    // wrong or missing prefix, extra or missing parts, words outside their list
    "lbu:", "lbu:all", "lbu:School", "aud:", "aun:1:2", "aur:1", "aur:1:X", "aur:1:a",
    "", ":", "nav", "nav:", "nav:back:1", "NAV:back", "nav:Back", " nav:back", "nav:back ", "x:nav:back",
    "menu:start", "m:stop", "s:send", "loc:maybe", "f:quit", "fg:maybe", "sub:pause", "zr:no", "hq:lists", "hq:x:1", "hq:r", "hq:r:1:2",
    "ag:", "ag:x:1", "ag:l", "ag:l:1:2", "ac:secondary", "ac:", "t:1", "t:1:take:2", "t:1:", "t::take", "t:1:tá", "l:1:2", "r:",
    "k:", "k:Selling", "k:a-b", "v:None", "sl:1:hm", "sl:1:hmnx", "sl:1", "bl:vi", "bl:HMN", "bls:1", "blo:", "tlist:1", "tl:", "tl:al", "tl:doné",
    "tas:1", "tas:1:2:3", "trs:", "trs:A", "trs:" + "x".repeat(25), "tsk:1",
    "tmk:5", "tmk:5:x", "tmk:5:spam", "tmk:0:d", "tmk:5:d:1", "tmy:1",
    "br:1:a", "br:1:" + "x".repeat(17), "br:1:Speaker", "tr:1:hmn:2", "ts:1", "ta:", "tx:1:2", "tlp:blt", "tlp:blt:0", "tlp:BLT:1", "tlx:1", "trv:",
    "😀", "t:1:take\n", "x".repeat(100_000),
  ])("refuses %j", (data) => {
    expect(b.buttonCodecs.filter((k) => k.parse(data) !== null)).toEqual([]);
  });

  it("claims forged data of its own kind, and nothing of another", () => {
    expect(b.tipAction.claims("t:99999999999999999999:take")).toBe(true);
    expect(b.alertGroup.claims("ag:")).toBe(true);
    expect(b.heldList.claims("hq:r:x")).toBe(true);
    for (const data of ["ta:1", "tl:hmn", "tlist", "t", "agx", "ag"]) expect(b.tipAction.claims(data) || b.alertGroup.claims(data), data).toBe(false);
    expect(b.recentBulletins.claims("bls")).toBe(true);
    expect(b.recentBulletins.claims("bls:1")).toBe(false);
  });
});

describe("button codec types", () => {
  it("let producers pack only what a kind means (checked by tsc)", () => {
    // @ts-expect-error not a tip action
    b.tipAction.pack({ tipId: 1, action: "foo" });
    // @ts-expect-error not a way to move
    b.nav.pack("forward");
    // @ts-expect-error an id is a number
    b.tipView.pack("1");
    // @ts-expect-error nothing to pack
    b.translationList.pack("x");
    const reason: { deliveryId: number; reason: string } | null = b.notBroadcastReason.parse("br:1:power");
    const move: "back" | "cancel" | null = b.nav.parse("nav:back");
    expect([reason, move]).toEqual([{ deliveryId: 1, reason: "power" }, "back"]);
  });
});
