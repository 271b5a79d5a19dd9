import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../src/config/schema.js";

const OA = { ZALO_APP_ID: "360846524940903967", ZALO_APP_SECRET: "app-secret-123", ZALO_OA_SECRET_KEY: "oa-secret-456" };

describe("Zalo settings", () => {
  it("turns the OA on with all three values and Zalo's default roots", () => {
    const c = parseConfig(OA);
    expect(c.zalo).toEqual({
      kind: "on",
      appId: OA.ZALO_APP_ID,
      appSecret: OA.ZALO_APP_SECRET,
      oaSecretKey: OA.ZALO_OA_SECRET_KEY,
      apiRoot: "https://openapi.zalo.me",
      oauthRoot: "https://oauth.zaloapp.com",
    });
    expect(c.demo).toBe(false);
    expect(parseConfig({}).zalo.kind).toBe("off");
  });
  it("uses long polling for Zalo Bot without a public URL, its webhook with one", () => {
    expect(parseConfig({ ZALO_BOT_TOKEN: "12345:abcDEF_-" }).zalobot).toEqual({ kind: "polling", token: "12345:abcDEF_-", apiRoot: "https://bot-api.zaloplatforms.com" });
    expect(parseConfig({ ZALO_BOT_TOKEN: "12345:abc", PUBLIC_URL: "https://x.example", ZALO_BOT_WEBHOOK_SECRET: "s3cret_long" }).zalobot).toMatchObject({ kind: "webhook", secret: "s3cret_long" });
  });
  it.each([
    [{ ZALO_APP_ID: OA.ZALO_APP_ID }, /ZALO_APP_SECRET/],
    [{ ZALO_APP_ID: OA.ZALO_APP_ID, ZALO_APP_SECRET: OA.ZALO_APP_SECRET }, /ZALO_OA_SECRET_KEY/],
    [{ ...OA, ZALO_APP_ID: "abc" }, /ZALO_APP_ID/],
    [{ ...OA, ZALO_API_ROOT: "not a url" }, /ZALO_API_ROOT/],
    [{ ZALO_BOT_TOKEN: "no colon" }, /ZALO_BOT_TOKEN/],
    [{ ZALO_BOT_TOKEN: "1:a", PUBLIC_URL: "https://x.example" }, /ZALO_BOT_WEBHOOK_SECRET/],
    [{ ZALO_BOT_TOKEN: "1:a", PUBLIC_URL: "https://x.example", ZALO_BOT_WEBHOOK_SECRET: "short" }, /ZALO_BOT_WEBHOOK_SECRET/],
  ])("rejects %j with one line naming the setting", (env, pattern) => {
    try {
      parseConfig(env);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(pattern);
      expect((error as Error).message.split("\n")).toHaveLength(1);
    }
  });
});
