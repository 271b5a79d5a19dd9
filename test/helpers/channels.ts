// Every platform fake on localhost with one harness across them, as the cross-channel tests use it:
// start, authorise Zalo, post a Telegram update and wait for the work to settle, read what a
// Telegram chat was sent, and close it all.
import { afterAll, beforeAll, expect } from "vitest";
import { createHarness, type Harness } from "./harness.js";
import { callbackUpdate, startFakeTelegram, textUpdate, type ApiCall, type BuildOptions, type FakeTelegram } from "./fake-telegram.js";
import { startFakeZaloOa, type FakeZaloOa } from "./fake-zalo-oa.js";
import { startFakeZaloBot, type FakeZaloBot } from "./fake-zalo-bot.js";

export interface Channels {
  h: Harness;
  tg: FakeTelegram;
  zalo: FakeZaloOa;
  bot?: FakeZaloBot;
  /** Posts a Telegram update (expecting 200) and lets the work settle. */
  telegram(update: unknown): Promise<void>;
  /** A Telegram tip-off up to its description: Hồng Lộc, selling, village unknown, the words given. */
  telegramDraft(text: string, opts?: BuildOptions): Promise<void>;
  /** The texts (or captions) sent to a Telegram chat, in order. */
  telegramTexts(chatId: number): string[];
  close(): Promise<void>;
}

export const toChat = (chatId: number) => (call: ApiCall) => String(call.payload.chat_id) === String(chatId);

/** Posts a Telegram update to the harness (expecting 200) and lets the work settle. */
export async function postTelegramSettled(h: Harness, update: unknown): Promise<void> {
  expect((await h.postTelegram(update)).status).toBe(200);
  await h.settle();
}

export async function startChannels(opts: { zalobot?: boolean } = {}): Promise<Channels> {
  const tg = await startFakeTelegram();
  const zalo = await startFakeZaloOa();
  const bot = opts.zalobot ? await startFakeZaloBot() : undefined;
  const h = await createHarness({ telegram: tg, zalo, zalobot: bot });
  await h.authorizeZalo();
  const channels: Channels = {
    h,
    tg,
    zalo,
    bot,
    telegram: (update) => postTelegramSettled(h, update),
    async telegramDraft(text, opts = {}) {
      const commune = await h.db.commune.findUniqueOrThrow({ where: { code: "HONGLOC" } });
      for (const update of [textUpdate("/start", opts), callbackUpdate("menu:report", opts), textUpdate("Hồng Lộc", opts), callbackUpdate(`c:${commune.id}`, opts), callbackUpdate("k:selling", opts), callbackUpdate("v:none", opts), textUpdate(text, opts)]) {
        await channels.telegram(update);
      }
    },
    telegramTexts: (chatId) => tg.calls.filter(toChat(chatId)).map((c) => String(c.payload.text ?? c.payload.caption ?? "")),
    async close() {
      await h.close();
      await tg.close();
      await zalo.close();
      await bot?.close();
    },
  };
  return channels;
}

/** The inline buttons of a Telegram call (flattened rows). */
export const telegramButtons = (call: ApiCall) => ((call.payload.reply_markup as { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined)?.inline_keyboard ?? []).flat();

/**
 * A fake Bot API and a harness for one test file (started in beforeAll, closed in afterAll), with the
 * readers every Telegram case test uses: what reached a user, their last call, what came since a mark.
 */
export function telegramSession(opts: { setup?: (h: Harness) => Promise<void> } = {}) {
  let fake: FakeTelegram | undefined;
  let h: Harness | undefined;
  beforeAll(async () => {
    fake = await startFakeTelegram();
    h = await createHarness({ telegram: fake });
    await opts.setup?.(h);
  });
  afterAll(async () => {
    await h?.close();
    await fake?.close();
  });
  const calls = () => fake!.calls;
  const textsTo = (user: { id: number }) => calls().filter(toChat(user.id)).map((c) => String(c.payload.text ?? c.payload.caption ?? ""));
  return {
    get h(): Harness {
      return h!;
    },
    get fake(): FakeTelegram {
      return fake!;
    },
    post: (update: unknown) => postTelegramSettled(h!, update),
    textsTo,
    lastTo: (user: { id: number }) => calls().filter(toChat(user.id)).at(-1)!,
    lastText: (user: { id: number }) => textsTo(user).at(-1) ?? "",
    /** What reached the user from the point `mark` (a count of calls) on. */
    since: (mark: number, user: { id: number }) => calls().slice(mark).filter(toChat(user.id)).map((c) => String(c.payload.text ?? "")),
  };
}
