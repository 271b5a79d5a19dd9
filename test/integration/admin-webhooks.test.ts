// `npm run admin -- set-webhooks`: a deployment that never starts a Node server (Cloudflare Workers)
// tells Telegram and Zalo Bot its webhook from the same settings, against fakes of both on localhost.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { captureAdmin } from "../helpers/admin-cli.js";
import { startServer } from "../../src/node.js";
import { TELEGRAM_ALLOWED_UPDATES } from "../../bots/telegram/bot.js";
import { startFakeTelegram, type FakeTelegram } from "../helpers/fake-telegram.js";
import { startFakeZaloBot, type FakeZaloBot } from "../helpers/fake-zalo-bot.js";

const dir = mkdtempSync(join(tmpdir(), "phaodai-webhooks-"));
let telegram: FakeTelegram;
let zaloBot: FakeZaloBot;

beforeAll(async () => {
  telegram = await startFakeTelegram();
  zaloBot = await startFakeZaloBot();
});
afterAll(async () => {
  await telegram.close();
  await zaloBot.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  telegram.reset();
  zaloBot.calls.length = 0;
});

const PUBLIC_URL = "https://baotin.tinh.gov.vn";
const base = () => ({ DATABASE_URL: `file:${join(dir, "data", "admin.db")}`, PUBLIC_URL });
const telegramEnv = () => ({ TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.apiRoot, TELEGRAM_WEBHOOK_SECRET: "tg_secret_123" });
const zaloBotEnv = () => ({ ZALO_BOT_TOKEN: zaloBot.token, ZALO_BOT_API_ROOT: zaloBot.apiRoot, ZALO_BOT_WEBHOOK_SECRET: "zb_secret_123" });

const admin = (env: Record<string, string>, ...argv: string[]) => captureAdmin(argv, env);

describe("admin set-webhooks", () => {
  it("sets both webhooks to the public URL with their secrets, as the Node server does at start", async () => {
    const run = await admin({ ...base(), ...telegramEnv(), ...zaloBotEnv() }, "set-webhooks");
    expect(run.err).toBe("");
    expect(run.code).toBe(0);

    const [tg] = telegram.callsTo("setWebhook");
    expect(telegram.callsTo("setWebhook")).toHaveLength(1);
    expect(tg!.payload).toMatchObject({ url: `${PUBLIC_URL}/telegram/webhook`, secret_token: "tg_secret_123", max_connections: 40, allowed_updates: [...TELEGRAM_ALLOWED_UPDATES] });
    // The command does not need to ask Telegram who the bot is.
    expect(telegram.callsTo("getMe")).toHaveLength(0);

    const zb = zaloBot.callsTo("setWebhook");
    expect(zb).toHaveLength(1);
    expect(zb[0]!.payload).toMatchObject({ url: `${PUBLIC_URL}/zalobot/webhook`, secret_token: "zb_secret_123" });

    expect(run.out).toContain(`Đã đặt webhook Telegram: ${PUBLIC_URL}/telegram/webhook`);
    expect(run.out).toContain(`Đã đặt webhook Zalo Bot: ${PUBLIC_URL}/zalobot/webhook`);
  });

  it("sets the same webhooks when the Node server starts", async () => {
    const server = await startServer({ ...base(), PORT: "0", ...telegramEnv(), ...zaloBotEnv() }, { logSink: () => {} });
    try {
      expect(telegram.callsTo("setWebhook").map((c) => c.payload.url)).toEqual([`${PUBLIC_URL}/telegram/webhook`]);
      expect(zaloBot.callsTo("setWebhook").map((c) => c.payload.url)).toEqual([`${PUBLIC_URL}/zalobot/webhook`]);
    } finally {
      await server.stop();
    }
  });

  it("says what to set when no channel runs by webhook, and calls nobody", async () => {
    const run = await admin({ DATABASE_URL: base().DATABASE_URL, TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.apiRoot }, "set-webhooks");
    expect(run.code).toBe(2);
    expect(run.err).toContain("Chưa có kênh nào chạy bằng webhook");
    expect(run.err).toContain("PUBLIC_URL");
    expect(telegram.callsTo("setWebhook")).toHaveLength(0);
  });

  it("passes on the platform's refusal in the operator's words, naming the channel", async () => {
    telegram.failNext("setWebhook", { error_code: 400, description: "Bad Request: bad webhook: Failed to resolve host: Name or service not known" });
    const run = await admin({ ...base(), ...telegramEnv() }, "set-webhooks");
    expect(run.code).toBe(1);
    expect(run.err).toContain("Không đặt được webhook Telegram");
    expect(run.err).toContain("Failed to resolve host");
    expect(run.out).toBe("");
  });

  it("is listed in the help", async () => {
    const help = await admin(base(), "help");
    expect(help.out).toContain("set-webhooks");
    expect(help.out).toContain("Cloudflare Workers");
  });
});
