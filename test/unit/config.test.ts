import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../src/config/schema.js";
import { randomKeyText } from "../../src/crypto/keys.js";

describe("configuration", () => {
  it("has working defaults: port 8787, SQLite under ./data, web chat demo without messengers", () => {
    const c = parseConfig({});
    expect(c.port).toBe(8787);
    expect(c.databaseUrl).toBe("file:./data/phaodai.db");
    expect(c.telegram.kind).toBe("off");
    expect(c.demo).toBe(true);
    expect(c.escalateAfterMinutes).toBe(30);
    expect(c.tipsPerHour).toBe(5);
  });
  it("uses long polling with a token and no public URL, webhooks with one", () => {
    expect(parseConfig({ TELEGRAM_BOT_TOKEN: "123:abc" }).telegram.kind).toBe("polling");
    const hook = parseConfig({ TELEGRAM_BOT_TOKEN: "123:abc", PUBLIC_URL: "https://x.example", TELEGRAM_WEBHOOK_SECRET: "s3cret_X" });
    expect(hook.telegram).toMatchObject({ kind: "webhook", secret: "s3cret_X" });
    expect(hook.demo).toBe(false);
  });
  it("keeps the Zalo OA's page for the posters' QR code when it is a zalo.me link", () => {
    expect(parseConfig({}).zaloOaUrl).toBeUndefined();
    expect(parseConfig({ ZALO_OA_URL: "https://zalo.me/1234567890" }).zaloOaUrl).toBe("https://zalo.me/1234567890");
    expect(parseConfig({ ZALO_OA_URL: "https://oa.zalo.me/home" }).zaloOaUrl).toBe("https://oa.zalo.me/home");
  });
  it("keeps demo mode to a machine without messengers and outside production", () => {
    expect(parseConfig({ DEMO_MODE: "on" }).demo).toBe(true);
    expect(parseConfig({ DEMO_MODE: "auto", TELEGRAM_BOT_TOKEN: "123:abc" }).demo).toBe(false);
    expect(parseConfig({ APP_ENV: "production", PSEUDONYM_KEY: randomKeyText(), VAULT_KEY: randomKeyText() }).demo).toBe(false);
  });
  it.each([
    [{ PORT: "eighty" }, /PORT/],
    [{ PORT: "70000" }, /PORT/],
    [{ PORT: "-1" }, /PORT/],
    [{ TELEGRAM_BOT_TOKEN: "nonsense" }, /TELEGRAM_BOT_TOKEN/],
    [{ TELEGRAM_BOT_TOKEN: "1:a", PUBLIC_URL: "https://x.example" }, /TELEGRAM_WEBHOOK_SECRET/],
    [{ TELEGRAM_BOT_TOKEN: "1:a", PUBLIC_URL: "https://x.example", TELEGRAM_WEBHOOK_SECRET: "has space" }, /TELEGRAM_WEBHOOK_SECRET/],
    [{ PUBLIC_URL: "not a url" }, /PUBLIC_URL/],
    [{ ZALO_OA_URL: "https://example.com/oa" }, /ZALO_OA_URL/],
    [{ ZALO_OA_URL: "http://zalo.me/123" }, /ZALO_OA_URL/],
    [{ APP_ENV: "production" }, /PSEUDONYM_KEY/],
    [{ APP_ENV: "production", PSEUDONYM_KEY: randomKeyText() }, /VAULT_KEY/],
    [{ PSEUDONYM_KEY: "short" }, /PSEUDONYM_KEY/],
    // Demo mode gives any visitor an officer invitation: never in production, never beside a messenger.
    [{ APP_ENV: "production", PSEUDONYM_KEY: randomKeyText(), VAULT_KEY: randomKeyText(), DEMO_MODE: "on" }, /DEMO_MODE.*production/],
    [{ DEMO_MODE: "on", TELEGRAM_BOT_TOKEN: "123:abc" }, /DEMO_MODE.*messenger/],
    [{ DEMO_MODE: "on", ZALO_BOT_TOKEN: "bot1:secret_X" }, /DEMO_MODE.*messenger/],
    [{ DEMO_MODE: "on", ZALO_APP_ID: "123456", ZALO_APP_SECRET: "appsecret1", ZALO_OA_SECRET_KEY: "oasecret1" }, /DEMO_MODE.*messenger/],
  ])("rejects %j with one line naming the setting", (env, pattern) => {
    try {
      parseConfig(env);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toMatch(pattern);
      expect(message.split("\n")).toHaveLength(1);
    }
  });
});
