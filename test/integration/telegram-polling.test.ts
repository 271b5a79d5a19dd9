import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createKeyring, randomKeyText, type Keyring } from "../../src/crypto/keys.js";
import { pseudonymOf } from "../../src/crypto/pseudonym.js";
import type { Incoming } from "../../src/messaging/types.js";
import { createTelegramBot, TELEGRAM_ALLOWED_UPDATES } from "../../bots/telegram/bot.js";
import { startTelegramPolling, type TelegramPolling } from "../../bots/telegram/polling.js";
import { TIPSTER, callbackUpdate, editedTextUpdate, photoUpdate, startFakeTelegram, textUpdate, type FakeTelegram } from "../helpers/fake-telegram.js";

let keys: Keyring;
let fake: FakeTelegram;
let polling: TelegramPolling | undefined;

beforeAll(async () => {
  keys = await createKeyring(randomKeyText(), randomKeyText());
  fake = await startFakeTelegram();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.reset());
afterEach(async () => {
  await polling?.stop();
  polling = undefined;
});

async function waitUntil(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
}

type Ingested = { externalId: string; incoming: Incoming | null };

describe("Telegram long polling", () => {
  it("delivers queued and new updates to ingest in order and acknowledges button presses", async () => {
    const first = textUpdate("/start");
    const press = callbackUpdate("menu:report");
    fake.enqueueUpdate(first);
    fake.enqueueUpdate(press);
    const ingested: Ingested[] = [];
    const bot = createTelegramBot({ token: fake.token, apiRoot: fake.apiRoot }); // no botInfo: getMe at start
    polling = startTelegramPolling(bot, keys, async (channel, externalId, incoming) => {
      expect(channel).toBe("telegram");
      ingested.push({ externalId, incoming });
    });

    await waitUntil(() => ingested.length === 2);
    expect(ingested.map((i) => i.externalId)).toEqual([String(first.update_id), String(press.update_id)]);
    expect(ingested[0]!.incoming!.content).toEqual({ kind: "text", text: "/start" });
    expect(ingested[1]!.incoming!.content).toEqual({ kind: "choice", data: "menu:report" });
    expect(ingested[0]!.incoming!.sender).toBe(await pseudonymOf(keys, "telegram", String(TIPSTER.id)));

    const answer = await fake.waitFor((c) => c.method === "answerCallbackQuery");
    expect(answer.payload).toEqual({ callback_query_id: (press.callback_query as { id: string }).id });
    expect(fake.callsTo("answerCallbackQuery")).toHaveLength(1);

    // An update arriving during a long poll is delivered at once.
    const later = photoUpdate({ caption: "ảnh" });
    fake.enqueueUpdate(later);
    await waitUntil(() => ingested.length === 3);
    expect(ingested[2]!.incoming!.content).toMatchObject({ kind: "media", media: "photo" });

    // Ignored kinds still reach ingest (as null) so their ids are known.
    const edit = editedTextUpdate("sửa");
    fake.enqueueUpdate(edit);
    await waitUntil(() => ingested.length === 4);
    expect(ingested[3]).toEqual({ externalId: String(edit.update_id), incoming: null });

    expect(fake.callsTo("getMe")).toHaveLength(1);
    expect(fake.callsTo("deleteWebhook")[0]!.payload).toEqual({ drop_pending_updates: false });
    const firstPoll = fake.callsTo("getUpdates")[0]!;
    expect(firstPoll.payload.allowed_updates).toEqual([...TELEGRAM_ALLOWED_UPDATES]);
    expect(firstPoll.payload.allowed_updates).toEqual(expect.arrayContaining(["message", "callback_query", "my_chat_member"]));

    await polling.stop();
    polling = undefined;
    // stop() confirms what was handled: nothing is left for the next start.
    expect(fake.pendingUpdates()).toBe(0);
    const confirm = fake.callsTo("getUpdates").at(-1)!;
    expect(confirm.payload.offset).toBe(edit.update_id + 1);
  });

  it("retries a failed store instead of skipping the update, keeping order", async () => {
    const a = textUpdate("một");
    const b = textUpdate("hai");
    fake.enqueueUpdate(a);
    fake.enqueueUpdate(b);
    let failures = 2;
    const stored: string[] = [];
    const attempts: string[] = [];
    const logLines: string[] = [];
    const bot = createTelegramBot({ token: fake.token, apiRoot: fake.apiRoot, botInfo: fake.bot });
    polling = startTelegramPolling(
      bot,
      keys,
      async (_channel, externalId) => {
        attempts.push(externalId);
        if (failures-- > 0) throw new Error(`db down for ${TIPSTER.username}`);
        stored.push(externalId);
      },
      { retryDelayMs: 10, log: { debug: () => {}, info: () => {}, warn: (e, f) => logLines.push(JSON.stringify({ e, ...f })), error: (e, f) => logLines.push(JSON.stringify({ e, ...f })) } },
    );
    await waitUntil(() => stored.length === 2);
    expect(stored).toEqual([String(a.update_id), String(b.update_id)]);
    expect(attempts).toEqual([String(a.update_id), String(a.update_id), String(a.update_id), String(b.update_id)]);
    expect(logLines.length).toBe(2);
    expect(logLines.join("\n")).not.toContain(TIPSTER.username!);
    expect(fake.callsTo("getMe")).toHaveLength(0); // botInfo given
  });

  it("does not acknowledge a button press until it is stored, and survives a failing acknowledgement", async () => {
    const press = callbackUpdate("menu:help");
    const next = textUpdate("tiếp");
    fake.failNext("answerCallbackQuery", { error_code: 400, description: "Bad Request: query is too old" });
    fake.enqueueUpdate(press);
    fake.enqueueUpdate(next);
    const stored: string[] = [];
    const bot = createTelegramBot({ token: fake.token, apiRoot: fake.apiRoot, botInfo: fake.bot });
    const answersSeenAtStore: number[] = [];
    polling = startTelegramPolling(bot, keys, async (_c, externalId) => {
      answersSeenAtStore.push(fake.callsTo("answerCallbackQuery").length);
      stored.push(externalId);
    });
    await waitUntil(() => stored.length === 2);
    expect(stored).toEqual([String(press.update_id), String(next.update_id)]);
    expect(answersSeenAtStore).toEqual([0, 1]); // acknowledged after the press was stored, before the next update
    expect(fake.callsTo("answerCallbackQuery")).toHaveLength(1);
  });

  it("stops promptly even while a long poll is open", async () => {
    const bot = createTelegramBot({ token: fake.token, apiRoot: fake.apiRoot, botInfo: fake.bot });
    const p = startTelegramPolling(bot, keys, async () => {});
    await fake.waitFor((c) => c.method === "getUpdates");
    const started = Date.now();
    await p.stop();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(bot.isRunning()).toBe(false);
  });
});
