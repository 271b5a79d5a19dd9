// Property-based fuzzing of what the outside world can post (fast-check): generated and mutated
// Telegram updates of every kind, wrong types, missing fields, deep nesting, huge strings, invalid
// UTF-8 and every Unicode plane to the webhook; random bodies to the web chat API. Never a 5xx,
// never a crash in the handlers, never a raw platform body stored, and every valid private message
// still gets its answer. The seed is printed on failure; FUZZ_RUNS raises the count.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, WEBHOOK_SECRET, type Harness } from "../helpers/harness.js";
import * as tg from "../helpers/fake-telegram.js";
import type { TestUser } from "../helpers/fake-telegram.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 600);
let fake: tg.FakeTelegram;
let h: Harness;

beforeAll(async () => {
  fake = await tg.startFakeTelegram();
  h = await createHarness({ telegram: fake });
});
afterAll(async () => {
  await h.close();
  await fake.close();
});

// Text from every plane: ASCII, Vietnamese, Hmong RPA, Tai Viet, emoji with joiners, zero-width and
// control characters, lone surrogates.
const anyText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.constantFrom("Hồng Lộc", "Nyob zoo, muaj neeg muag yeeb", "ꪼꪕ ꪻꪒ ꪎꪳ", "👨‍👩‍👧‍👦🏳️‍🌈", "\u200b\u200d\u2060\ufeff", "\u0000\u0007\u001b", "\ud800", "/start", "/start HL-01", "/tinbao tatca", "AB3D-7KMN", "1"),
  fc.string({ unit: "grapheme-ascii", minLength: 4000, maxLength: 20_000 }),
);

const user = fc.record({
  id: fc.integer({ min: 1, max: 2 ** 40 }),
  is_bot: fc.boolean(),
  first_name: anyText,
  username: fc.option(fc.stringMatching(/^[a-z][a-z0-9_]{4,20}$/), { nil: undefined }),
  language_code: fc.option(fc.constantFrom("vi", "en", "hmn", "zz-Latn"), { nil: undefined }),
}) as fc.Arbitrary<TestUser>;

const callbackData = fc.oneof(
  fc.constantFrom("menu:report", "menu:followup", "menu:privacy", "menu:help", "nav:back", "nav:cancel", "k:selling", "v:none", "m:continue", "s:submit", "s:edit", "f:add", "f:done", "t:1:take", "t:999999:done", "l:1", "r:1", "c:1", "c:abc", "v:-1"),
  fc.string({ maxLength: 64 }),
);

/** Updates of every kind Telegram sends, from the builders that speak its wire format. */
const validUpdate = fc.oneof(
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

type Json = unknown;

/** Replaces, deletes or nests one value somewhere in a JSON tree. */
function mutate(value: Json, path: number[], replacement: Json, mode: "replace" | "delete" | "nest"): Json {
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

const deep = fc.integer({ min: 50, max: 3000 }).map((depth) => {
  let v: Json = "x";
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { v };
  return v;
});

const mutatedUpdate = fc
  .tuple(validUpdate, fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), fc.oneof(fc.jsonValue(), deep, anyText, fc.constantFrom(null, -1, 2 ** 63, 1e308, "", [], {})), fc.constantFrom("replace", "delete", "nest") as fc.Arbitrary<"replace" | "delete" | "nest">)
  .map(([u, path, replacement, mode]) => JSON.stringify(mutate(u, path, replacement, mode)));

/** Bytes that are not valid UTF-8, or not JSON at all. */
const brokenBody = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }),
  fc.tuple(validUpdate, fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 })).map(([u, at, junk]) => {
    const bytes = Buffer.from(JSON.stringify(u));
    const i = at % bytes.length;
    return Buffer.concat([bytes.subarray(0, i), Buffer.from([0xff, 0xfe, ...junk]), bytes.subarray(i)]);
  }),
  fc.constantFrom("", "{", "[]", "null", "true", "\"update\"", "{\"update_id\":\"1\"}", "{\"update_id\":-5}", "{\"update_id\":1e400}"),
);

async function postRaw(body: string | Uint8Array): Promise<number> {
  const res = await h.app.request("/telegram/webhook", {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET },
    body: body as BodyInit,
  });
  return res.status;
}

describe("fuzzing the Telegram webhook", () => {
  it("answers every generated or mutated body with 200 or a 4xx, and the handlers never fail", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(validUpdate.map((u) => JSON.stringify(u)), mutatedUpdate, brokenBody), async (body) => {
        const status = await postRaw(body);
        expect([200, 400, 413]).toContain(status);
      }),
      { numRuns: RUNS },
    );
    await h.settle();
    expect(await h.db.inboundUpdate.count({ where: { status: "failed" } })).toBe(0);
    expect(await h.db.inboundUpdate.count({ where: { status: { not: "done" } } })).toBe(0);
  }, 300_000);

  it("never stores a raw platform body", async () => {
    const rows = await h.db.inboundUpdate.findMany({ select: { incoming: true } });
    const staged = await h.db.$queryRawUnsafe<{ n: bigint }[]>(
      "SELECT count(*) AS n FROM InboundUpdate WHERE incoming LIKE '%update_id%' OR incoming LIKE '%first_name%' OR incoming LIKE '%\"from\"%' OR incoming LIKE '%language_code%'",
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(Number(staged[0]!.n)).toBe(0);
  });

  it("still answers every valid private message", async () => {
    await fc.assert(
      fc.asyncProperty(fc.tuple(anyText, fc.integer({ min: 10_000_000, max: 2 ** 40 })), async ([text, id]) => {
        const u: TestUser = { id, is_bot: false, first_name: "Fuzz" };
        const before = fake.callsTo("sendMessage").filter((c) => String(c.payload.chat_id) === String(id)).length;
        expect(await postRaw(JSON.stringify(tg.textUpdate(text, { user: u })))).toBe(200);
        await h.settle();
        const after = fake.callsTo("sendMessage").filter((c) => String(c.payload.chat_id) === String(id)).length;
        expect(after).toBeGreaterThan(before);
      }),
      { numRuns: Math.ceil(RUNS / 6) },
    );
  }, 300_000);
});

describe("fuzzing the web chat API", () => {
  const token = fc.oneof(fc.constant("A".repeat(43)), fc.stringMatching(/^[A-Za-z0-9_-]{32,128}$/), fc.string({ maxLength: 200 }));
  const sendBody = fc.oneof(
    fc.record({ token, text: anyText }),
    fc.record({ token, choice: callbackData }),
    fc.record({ token, location: fc.record({ latitude: fc.double(), longitude: fc.double() }) }),
    fc.record({ token, uploadId: fc.oneof(fc.integer(), fc.double(), fc.string()) }),
    fc.jsonValue(),
    deep,
  );

  it("answers 202 or a 4xx to any body, and every message it took is handled", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(sendBody.map((b) => JSON.stringify(b)), brokenBody), async (body) => {
        const res = await h.app.request("/webchat/api/send", { method: "POST", headers: { "Content-Type": "application/json" }, body: body as BodyInit });
        expect(res.status === 202 || (res.status >= 400 && res.status < 500), `status ${res.status}`).toBe(true);
      }),
      { numRuns: RUNS },
    );
    await fc.assert(
      fc.asyncProperty(fc.record({ token, mime: fc.string(), dataBase64: fc.oneof(fc.base64String({ maxLength: 400 }), fc.string({ maxLength: 400 })) }), async (body) => {
        const res = await h.app.request("/webchat/api/upload", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
        expect(res.status === 200 || (res.status >= 400 && res.status < 500), `status ${res.status}`).toBe(true);
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
    await h.settle();
    expect(await h.db.inboundUpdate.count({ where: { status: { not: "done" } } })).toBe(0);
  }, 300_000);
});
