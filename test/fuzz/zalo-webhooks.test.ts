// Property-based fuzzing of the Zalo Official Account and Zalo Bot webhooks: events of every kind in
// Zalo's real envelope, signed or not, mutated, deeply nested, huge, in invalid UTF-8. Unsigned or
// wrongly signed bodies get 401 and change nothing; signed ones 200 or a 4xx; never a 5xx; the
// handlers never fail; no raw body is stored; and every valid message still gets its answer.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, ZALOBOT_SECRET, type Harness } from "../helpers/harness.js";
import * as oa from "../helpers/fake-zalo-oa.js";
import * as zbot from "../helpers/fake-zalo-bot.js";
import { RUNS, anyText, brokenBody, mutatedJson } from "./arbitraries.js";

let fakeOa: oa.FakeZaloOa;
let fakeBot: zbot.FakeZaloBot;
let h: Harness;

beforeAll(async () => {
  fakeOa = await oa.startFakeZaloOa();
  fakeBot = await zbot.startFakeZaloBot();
  h = await createHarness({ zalo: fakeOa, zalobot: fakeBot });
  await h.authorizeZalo();
});
afterAll(async () => {
  await h.close();
  await fakeOa.close();
  await fakeBot.close();
});

const digits = fc.stringMatching(/^[1-9][0-9]{15,18}$/);
const zaloUser = fc.record({ id: digits, userIdByApp: digits, displayName: anyText }) as fc.Arbitrary<oa.ZaloUser>;
const url = fc.oneof(fc.webUrl(), fc.constantFrom("https://photo-stal-1.zadn.vn/x.jpg", "not a url", ""));

/** Events of every kind Zalo sends, in its envelope. */
const oaEvent = fc.oneof(
  fc.tuple(zaloUser, anyText).map(([u, t]) => oa.textEvent(u, t)),
  fc.tuple(zaloUser, url, fc.option(anyText, { nil: undefined })).map(([u, link, t]) => oa.imageEvent(u, link, t)),
  fc.tuple(zaloUser, url).map(([u, link]) => oa.audioEvent(u, link)),
  fc.tuple(zaloUser, url).map(([u, link]) => oa.videoEvent(u, link)),
  fc.tuple(zaloUser, fc.oneof(fc.double(), fc.string()), fc.oneof(fc.double(), fc.string())).map(([u, la, lo]) => oa.locationEvent(u, la, lo)),
  fc.tuple(zaloUser, url, anyText, fc.string()).map(([u, link, name, type]) => oa.fileEvent(u, link, name, type)),
  zaloUser.map((u) => oa.stickerEvent(u)),
  fc.tuple(zaloUser, url).map(([u, link]) => oa.linkEvent(u, link)),
  zaloUser.map((u) => oa.businessCardEvent(u)),
  fc.tuple(zaloUser, fc.constantFrom("follow", "unfollow") as fc.Arbitrary<"follow" | "unfollow">).map(([u, name]) => oa.followEvent(u, name)),
  zaloUser.map((u) => oa.oaEchoEvent(u)),
  fc.tuple(zaloUser, fc.constantFrom("user_seen_message", "user_received_message", "anonymous_send_text", "user_send_gif", "user_submit_info", "user_click_button", "add_user_to_tag", "something_new")).map(([u, name]) =>
    oa.zaloEvent(name, u, { text: "x" }),
  ),
);

/** Signs a raw body as Zalo would, with the timestamp found in it (or none). */
function sign(body: string): Record<string, string> {
  let timestamp = "";
  try {
    const parsed = JSON.parse(body) as { timestamp?: unknown };
    if (typeof parsed?.timestamp === "string" || typeof parsed?.timestamp === "number") timestamp = String(parsed.timestamp);
  } catch {
    // not JSON: the signature below cannot match what the server computes
  }
  return { "Content-Type": "application/json", "X-ZEvent-Signature": oa.zaloSignatureOf(body, timestamp) };
}

const postOa = (body: string | Uint8Array, headers: Record<string, string>) => h.app.request("/zalo/webhook", { method: "POST", headers, body: body as BodyInit });

describe("fuzzing the Zalo OA webhook", () => {
  it("answers signed bodies with 200 or a 4xx and unsigned ones with 401, and never stores those", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(oaEvent.map((e) => JSON.stringify(e)), mutatedJson(oaEvent), brokenBody.map((b) => (typeof b === "string" ? b : Buffer.from(b).toString("latin1")))), fc.boolean(), async (body, signed) => {
        if (!signed) {
          const before = await h.db.inboundUpdate.count();
          const res = await postOa(body, { "Content-Type": "application/json", "X-ZEvent-Signature": "mac=" + "0".repeat(64) });
          expect(res.status).toBe(401);
          expect(await h.db.inboundUpdate.count()).toBe(before);
          return;
        }
        const res = await postOa(body, sign(body));
        expect(res.status === 200 || (res.status >= 400 && res.status < 500), `status ${res.status}`).toBe(true);
      }),
      { numRuns: RUNS },
    );
    await h.settle();
    expect(await h.db.inboundUpdate.count({ where: { status: { not: "done" } } })).toBe(0);
  }, 300_000);

  it("still answers every valid text message", async () => {
    await fc.assert(
      fc.asyncProperty(zaloUser, anyText, async (u, text) => {
        const before = fakeOa.messages.filter((m) => m.userId === u.id).length;
        expect((await h.postZalo(oa.textEvent(u, text))).status).toBe(200);
        await h.settle();
        expect(fakeOa.messages.filter((m) => m.userId === u.id).length).toBeGreaterThan(before);
      }),
      { numRuns: Math.ceil(RUNS / 6) },
    );
  }, 300_000);
});

const botUser = fc.record({ id: fc.stringMatching(/^[0-9a-f]{20}$/), displayName: anyText }) as fc.Arbitrary<zbot.ZaloBotUser>;
const botBody = fc.oneof(
  fc.tuple(botUser, anyText).map(([u, text]) => zbot.botUpdate(u, { text })),
  fc.tuple(botUser, url, fc.option(anyText, { nil: undefined })).map(([u, photo_url, caption]) => zbot.botUpdate(u, { photo_url, caption })),
  botUser.map((u) => zbot.botUpdate(u, { sticker: "abc" })),
  botUser.map((u) => zbot.botUpdate(u, {}, "message.unsupported.received")),
  fc.tuple(botUser, anyText).map(([u, text]) => zbot.flatBody(zbot.botUpdate(u, { text }))),
  fc.tuple(botUser, anyText).map(([u, text]) => zbot.botUpdate(u, { text }, undefined, { id: "group-1" })),
);

describe("fuzzing the Zalo Bot webhook", () => {
  it("answers any body with 200 or a 4xx (401 without the secret) and the handlers never fail", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(botBody.map((b) => JSON.stringify(b)), mutatedJson(botBody), brokenBody), fc.boolean(), async (body, withSecret) => {
        const res = await h.app.request("/zalobot/webhook", {
          method: "POST",
          headers: { "Content-Type": "application/json", "X-Bot-Api-Secret-Token": withSecret ? ZALOBOT_SECRET : "wrong-secret-123" },
          body: body as BodyInit,
        });
        if (!withSecret) expect(res.status).toBe(401);
        else expect(res.status === 200 || (res.status >= 400 && res.status < 500), `status ${res.status}`).toBe(true);
      }),
      { numRuns: RUNS },
    );
    await h.settle();
    expect(await h.db.inboundUpdate.count({ where: { status: { not: "done" } } })).toBe(0);
    const raw = await h.db.$queryRawUnsafe<{ n: bigint }[]>(
      "SELECT count(*) AS n FROM InboundUpdate WHERE incoming LIKE '%user_id_by_app%' OR incoming LIKE '%display_name%' OR incoming LIKE '%event_name%'",
    );
    expect(Number(raw[0]!.n)).toBe(0);
  }, 300_000);
});
