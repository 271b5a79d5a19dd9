// Shared generators for the fuzz tests: text from every Unicode plane, JSON mutations, deep nesting,
// invalid UTF-8, and Telegram updates of every kind built by the fake's wire-format builders.
import fc from "fast-check";
import * as tg from "../helpers/fake-telegram.js";
import type { TestUser } from "../helpers/fake-telegram.js";

export const RUNS = Number(process.env.FUZZ_RUNS ?? 600);

// Text from every plane: ASCII, Vietnamese, Hmong RPA, Tai Viet, emoji with joiners, zero-width and
// control characters, lone surrogates.
export const anyText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.constantFrom("Hồng Lộc", "Nyob zoo, muaj neeg muag yeeb", "ꪼꪕ ꪻꪒ ꪎꪳ", "👨‍👩‍👧‍👦🏳️‍🌈", "\u200b\u200d\u2060\ufeff", "\u0000\u0007\u001b", "\ud800", "/start", "/start HL-01", "/tinbao tatca", "AB3D-7KMN", "1"),
  fc.string({ unit: "grapheme-ascii", minLength: 4000, maxLength: 20_000 }),
);

export const user = fc.record({
  id: fc.integer({ min: 1, max: 2 ** 40 }),
  is_bot: fc.boolean(),
  first_name: anyText,
  username: fc.option(fc.stringMatching(/^[a-z][a-z0-9_]{4,20}$/), { nil: undefined }),
  language_code: fc.option(fc.constantFrom("vi", "en", "hmn", "zz-Latn"), { nil: undefined }),
}) as fc.Arbitrary<TestUser>;

export const callbackData = fc.oneof(
  fc.constantFrom("menu:report", "menu:followup", "menu:privacy", "menu:help", "nav:back", "nav:cancel", "k:selling", "v:none", "m:continue", "s:submit", "s:edit", "f:add", "f:done", "t:1:take", "t:999999:done", "l:1", "r:1", "c:1", "c:abc", "v:-1"),
  fc.string({ maxLength: 64 }),
);

/** Updates of every kind Telegram sends, from the builders that speak its wire format. */
export const validUpdate = fc.oneof(
  fc.tuple(anyText, user).map(([text, u]) => tg.textUpdate(text, { user: u })),
  fc.tuple(callbackData, user).map(([data, u]) => tg.callbackUpdate(data, { user: u })),
  user.map((u) => tg.photoUpdate({ user: u })),
  user.map((u) => tg.voiceUpdate({ user: u })),
  user.map((u) => tg.videoUpdate({ user: u })),
  user.map((u) => tg.videoNoteUpdate({ user: u })),
  user.map((u) => tg.audioUpdate({ user: u })),
  user.map((u) => tg.stickerUpdate({ user: u })),
  user.map((u) => tg.animationUpdate({ user: u })),
  user.map((u) => tg.documentUpdate("image/jpeg", { user: u })),
  user.map((u) => tg.documentUpdate("application/pdf", { user: u })),
  fc.tuple(fc.double({ min: -90, max: 90, noNaN: true }), fc.double({ min: -180, max: 180, noNaN: true }), user).map(([la, lo, u]) => tg.locationUpdate(la, lo, { user: u })),
  user.map((u) => tg.venueUpdate({ user: u })),
  user.map((u) => tg.contactUpdate({ user: u })),
  user.map((u) => tg.pollUpdate({ user: u })),
  user.map((u) => tg.diceUpdate({ user: u })),
  fc.tuple(anyText, user).map(([text, u]) => tg.editedTextUpdate(text, { user: u })),
  anyText.map((text) => tg.channelPostUpdate(text)),
  user.map((u) => tg.myChatMemberUpdate({ user: u })),
  user.map((u) => tg.chatMemberUpdate({ user: u })),
  user.map((u) => tg.reactionUpdate({ user: u })),
  fc.tuple(anyText, user).map(([q, u]) => tg.inlineQueryUpdate(q, { user: u })),
  user.map((u) => tg.newChatMembersUpdate({ user: u })),
  user.map((u) => tg.leftChatMemberUpdate({ user: u })),
  fc.tuple(anyText, user).map(([text, u]) => tg.textUpdate(text, { user: u, chat: tg.GROUP_CHAT })),
);

export type Json = unknown;

/** Replaces, deletes or nests one value somewhere in a JSON tree. */
export function mutate(value: Json, path: number[], replacement: Json, mode: "replace" | "delete" | "nest"): Json {
  if (typeof value !== "object" || value === null || path.length === 0) {
    if (mode === "nest") return { a: [value, { b: replacement }] };
    return replacement;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return replacement;
  const key = keys[path[0]! % keys.length]!;
  const copy: Record<string, Json> = Array.isArray(value) ? ([...value] as unknown as Record<string, Json>) : { ...(value as Record<string, Json>) };
  if (path.length === 1 && mode === "delete") {
    if (Array.isArray(copy)) (copy as unknown as Json[]).splice(Number(key), 1);
    else delete copy[key];
    return copy;
  }
  copy[key] = mutate(copy[key], path.slice(1), replacement, mode);
  return copy;
}

export const deep = fc.integer({ min: 50, max: 3000 }).map((depth) => {
  let v: Json = "x";
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { v };
  return v;
});

export const mutatedUpdate = fc
  .tuple(validUpdate, fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), fc.oneof(fc.jsonValue(), deep, anyText, fc.constantFrom(null, -1, 2 ** 63, 1e308, "", [], {})), fc.constantFrom("replace", "delete", "nest") as fc.Arbitrary<"replace" | "delete" | "nest">)
  .map(([u, path, replacement, mode]) => JSON.stringify(mutate(u, path, replacement, mode)));

/** Bytes that are not valid UTF-8, or not JSON at all. */
export const brokenBody = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }),
  fc.tuple(validUpdate, fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 })).map(([u, at, junk]) => {
    const bytes = Buffer.from(JSON.stringify(u));
    const i = at % bytes.length;
    return Buffer.concat([bytes.subarray(0, i), Buffer.from([0xff, 0xfe, ...junk]), bytes.subarray(i)]);
  }),
  fc.constantFrom("", "{", "[]", "null", "true", "\"update\"", "{\"update_id\":\"1\"}", "{\"update_id\":-5}", "{\"update_id\":1e400}"),
);

/** A JSON value with one thing changed somewhere inside: replaced, deleted or nested deeper. */
export function mutatedJson(base: fc.Arbitrary<Json>): fc.Arbitrary<string> {
  return fc
    .tuple(base, fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), fc.oneof(fc.jsonValue(), deep, anyText, fc.constantFrom(null, -1, 2 ** 63, 1e308, "", [], {})), fc.constantFrom("replace", "delete", "nest") as fc.Arbitrary<"replace" | "delete" | "nest">)
    .map(([value, path, replacement, mode]) => JSON.stringify(mutate(value, path, replacement, mode)));
}
