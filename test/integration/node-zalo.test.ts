// The Node entry with Zalo configured: Zalo Bot by long polling (no PUBLIC_URL), the Zalo OA
// webhook on the real port with its token from the admin command, both answered end to end.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "../../src/node.js";
import { randomKeyText, createKeyring } from "../../src/crypto/keys.js";
import { parseConfig } from "../../src/config/schema.js";
import { openNodeDatabase } from "../../src/db/node.js";
import { zaloCommands } from "../../bots/zalo/cli.js";
import { BOT_TIPSTER, botUpdate, startFakeZaloBot, type FakeZaloBot } from "../helpers/fake-zalo-bot.js";
import { ZALO_TIPSTER, startFakeZaloOa, textEvent, type FakeZaloOa } from "../helpers/fake-zalo-oa.js";
import { nodeFiles } from "../../src/cli/node-files.js";

const dir = mkdtempSync(join(tmpdir(), "phaodai-node-zalo-"));
let bot: FakeZaloBot;
let oa: FakeZaloOa;
beforeAll(async () => {
  bot = await startFakeZaloBot();
  oa = await startFakeZaloOa();
});
afterAll(async () => {
  await bot.close();
  await oa.close();
  rmSync(dir, { recursive: true, force: true });
});

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("node server with Zalo", () => {
  it("answers Zalo Bot by long polling and the Zalo OA by its webhook", async () => {
    const env = {
      DATABASE_URL: `file:${join(dir, "phaodai.db")}`,
      PORT: "0",
      PSEUDONYM_KEY: randomKeyText(),
      VAULT_KEY: randomKeyText(),
      ZALO_BOT_TOKEN: bot.token,
      ZALO_BOT_API_ROOT: bot.apiRoot,
      ZALO_APP_ID: oa.appId,
      ZALO_APP_SECRET: oa.appSecret,
      ZALO_OA_SECRET_KEY: oa.oaSecret,
      ZALO_API_ROOT: oa.apiRoot,
      ZALO_OAUTH_ROOT: oa.oauthRoot,
      DISPATCH_INTERVAL_MS: "50",
    };
    // The operator authorises the OA with the admin command, on the same database and keys.
    const db = openNodeDatabase(env.DATABASE_URL);
    const out: string[] = [];
    const ctx = { db, keys: await createKeyring(env.PSEUDONYM_KEY, env.VAULT_KEY), config: parseConfig(env), out: (l: string) => out.push(l), err: (l: string) => out.push(l), now: () => new Date(), files: nodeFiles };
    expect(await zaloCommands.find((c) => c.name === "zalo-token")!.run(ctx, [oa.issueCode()])).toBe(0);
    await db.$disconnect();

    const logs: string[] = [];
    const server = await startServer(env, { logSink: (l) => logs.push(l) });
    try {
      bot.enqueueUpdate(botUpdate(BOT_TIPSTER, { text: "/baomat" }));
      await until(() => bot.textsTo(BOT_TIPSTER.id).some((t) => t.includes("Điều chúng tôi bảo vệ")));

      const { body, headers } = oa.signed(textEvent(ZALO_TIPSTER, "/baomat"));
      const res = await fetch(`${server.url}/zalo/webhook`, { method: "POST", headers, body });
      expect(res.status).toBe(200);
      await until(() => oa.textsTo(ZALO_TIPSTER.id).some((t) => t.includes("Điều chúng tôi bảo vệ")));
      expect(logs.join("\n")).toContain('"zalobot":"polling"');
    } finally {
      await server.stop();
    }
  });
});
