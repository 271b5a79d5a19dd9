import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createKeyring, randomKeyText, type Keyring } from "../../src/crypto/keys.js";
import { createLogger } from "../../src/log.js";
import { pseudonymOf } from "../../src/crypto/pseudonym.js";
import type { Incoming } from "../../src/messaging/types.js";
import { telegramWebhookApp, WEBHOOK_BODY_LIMIT, type TelegramIngest } from "../../bots/telegram/webhook.js";
import { TIPSTER, callbackUpdate, editedTextUpdate, startFakeTelegram, textUpdate, type FakeTelegram } from "../helpers/fake-telegram.js";

const SECRET = "s3cr3t_Webhook-Token_0123456789";
const URL = "http://localhost/telegram/webhook";

let keys: Keyring;
let fake: FakeTelegram;
beforeAll(async () => {
  keys = await createKeyring(randomKeyText(), randomKeyText());
  fake = await startFakeTelegram();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.reset());

type Ingested = { channel: string; externalId: string; incoming: Incoming | null };

function setup(ingestImpl?: TelegramIngest, extra: { secret?: string } = {}) {
  const ingested: Ingested[] = [];
  const logLines: string[] = [];
  const ingest: TelegramIngest = async (channel, externalId, incoming) => {
    ingested.push({ channel, externalId, incoming });
    if (ingestImpl) await ingestImpl(channel, externalId, incoming);
  };
  const app = telegramWebhookApp({
    secret: extra.secret ?? SECRET,
    keys,
    ingest,
    now: () => 1_700_000_000_000,
    log: createLogger("debug", (line) => logLines.push(line)),
  });
  const post = async (body: BodyInit | null, headers: Record<string, string> = { "X-Telegram-Bot-Api-Secret-Token": SECRET, "content-type": "application/json" }) =>
    app.request(URL, { method: "POST", body, headers });
  return { app, ingested, logLines, post };
}

describe("Telegram webhook", () => {
  it("rejects a missing or wrong secret with 401 and does nothing else", async () => {
    const { ingested, post } = setup();
    const body = JSON.stringify(textUpdate("xin chào"));
    const wrong: Array<Record<string, string>> = [
      { "content-type": "application/json" },
      { "X-Telegram-Bot-Api-Secret-Token": "wrong", "content-type": "application/json" },
      { "X-Telegram-Bot-Api-Secret-Token": SECRET + "x", "content-type": "application/json" },
      { "X-Telegram-Bot-Api-Secret-Token": SECRET.slice(0, -1), "content-type": "application/json" },
      { "X-Telegram-Bot-Api-Secret-Token": "", "content-type": "application/json" },
    ];
    for (const headers of wrong) {
      const res = await post(body, headers);
      expect(res.status).toBe(401);
      expect(await res.text()).toBe("");
    }
    // Checked before the body is read: even a huge or broken body gets 401.
    expect((await post("{not json", { "content-type": "application/json" })).status).toBe(401);
    expect((await post("x".repeat(WEBHOOK_BODY_LIMIT + 10), {})).status).toBe(401);
    expect(ingested).toHaveLength(0);
  });

  it("never accepts anything when configured with an empty secret", async () => {
    const { ingested, post } = setup(undefined, { secret: "" });
    const res = await post(JSON.stringify(textUpdate("x")), { "X-Telegram-Bot-Api-Secret-Token": "", "content-type": "application/json" });
    expect(res.status).toBe(401);
    expect(ingested).toHaveLength(0);
  });

  it("answers 4xx, never 500, to bodies that are not updates", async () => {
    const { ingested, post } = setup();
    const cases: Array<[BodyInit | null, number]> = [
      ["{not json", 400],
      ["", 400],
      [null, 400],
      ["[]", 400],
      ["[1,2]", 400],
      ["42", 400],
      ['"update"', 400],
      ["null", 400],
      ["true", 400],
      ["{}", 400],
      ['{"update_id":"1"}', 400],
      ['{"update_id":1.5}', 400],
      ['{"update_id":-1}', 400],
      ['{"update_id":1e300}', 400],
      [new Uint8Array([0xff, 0xfe, 0x00, 0x7b]), 400],
      ["x".repeat(WEBHOOK_BODY_LIMIT + 1), 413],
      [JSON.stringify({ update_id: 1, message: { text: "a".repeat(WEBHOOK_BODY_LIMIT) } }), 413],
    ];
    for (const [body, status] of cases) {
      const res = await post(body);
      expect(res.status, String(body).slice(0, 40)).toBe(status);
    }
    expect(ingested).toHaveLength(0);
  });

  it("answers 413 to a streamed body over the limit without a content-length", async () => {
    const { app, ingested } = setup();
    const chunk = new Uint8Array(64 * 1024).fill(0x61);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > WEBHOOK_BODY_LIMIT * 2) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const init = { method: "POST", body: stream, duplex: "half", headers: { "X-Telegram-Bot-Api-Secret-Token": SECRET } };
    const res = await app.request(new Request(URL, init as RequestInit));
    expect(res.status).toBe(413);
    expect(sent).toBeLessThan(WEBHOOK_BODY_LIMIT * 2); // stopped reading early
    expect(ingested).toHaveLength(0);
  });

  it("stores a valid update once, and answers 200 only after the store resolves", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { ingested, post } = setup(() => gate);
    const update = textUpdate("Có người lạ bán hàng ở bản");
    let settled = false;
    const pending = post(JSON.stringify(update)).then((res) => {
      settled = true;
      return res;
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(settled).toBe(false);
    expect(ingested).toHaveLength(1);
    release();
    const res = await pending;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(ingested).toHaveLength(1);
    const [got] = ingested;
    expect(got!.channel).toBe("telegram");
    expect(got!.externalId).toBe(String(update.update_id));
    expect(got!.incoming).toMatchObject({
      channel: "telegram",
      sender: await pseudonymOf(keys, "telegram", String(TIPSTER.id)),
      content: { kind: "text", text: "Có người lạ bán hàng ở bản" },
      receivedAt: 1_700_000_000_000,
    });
    const json = JSON.stringify(got);
    for (const value of [String(TIPSTER.id), TIPSTER.username!, TIPSTER.first_name, TIPSTER.language_code!]) expect(json).not.toContain(value);
  });

  it("hands ignored updates to ingest as null and answers 200", async () => {
    const { ingested, post } = setup();
    const update = editedTextUpdate("sửa");
    const res = await post(JSON.stringify(update));
    expect(res.status).toBe(200);
    expect(ingested).toEqual([{ channel: "telegram", externalId: String(update.update_id), incoming: null }]);
  });

  it("answers 503 when the store fails, and logs nothing that identifies anyone", async () => {
    const { ingested, logLines, post } = setup(async () => {
      throw new Error(`insert failed for ${TIPSTER.username} ${TIPSTER.id}`);
    });
    const res = await post(JSON.stringify(callbackUpdate("menu:report")));
    expect(res.status).toBe(503);
    expect(ingested).toHaveLength(1);
    expect(logLines.length).toBeGreaterThan(0);
    const logs = logLines.join("\n");
    for (const value of [String(TIPSTER.id), TIPSTER.username!, TIPSTER.first_name, "menu:report"]) expect(logs).not.toContain(value);
  });

  it("acknowledges a button press in its answer, once stored, with no request to Telegram", async () => {
    const { post, ingested } = setup();
    const update = callbackUpdate("menu:help");
    const res = await post(JSON.stringify(update));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(await res.json()).toEqual({ method: "answerCallbackQuery", callback_query_id: (update.callback_query as { id: string }).id });
    expect(ingested).toHaveLength(1);
    expect(fake.callsTo("answerCallbackQuery")).toHaveLength(0);
    // Anything else is answered with a plain acknowledgement.
    expect(await (await post(JSON.stringify(textUpdate("xin chào")))).json()).toEqual({ ok: true });
  });

  it("does not acknowledge a button press it could not store", async () => {
    const { post } = setup(async () => {
      throw new Error("db down");
    });
    const res = await post(JSON.stringify(callbackUpdate("menu:help")));
    expect(res.status).toBe(503);
    expect(await res.json()).not.toHaveProperty("method");
  });

  it("only serves POST /telegram/webhook", async () => {
    const { app } = setup();
    expect((await app.request(URL, { method: "GET", headers: { "X-Telegram-Bot-Api-Secret-Token": SECRET } })).status).toBe(404);
    expect((await app.request("http://localhost/telegram/other", { method: "POST" })).status).toBe(404);
  });
});
