// The OA token pair against the fake Zalo OAuth server (single-use codes and refresh tokens):
// the admin commands, refresh before expiry and on -216, one refresher at a time, and a crash
// injected between Zalo's answer and our write.
import { existsSync, readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../helpers/harness.js";
import { startFakeZaloOa, type FakeZaloOa } from "../helpers/fake-zalo-oa.js";
import { parseConfig } from "../../src/config/schema.js";
import { zaloCommands } from "../../bots/zalo/cli.js";
import type { AdminContext } from "../../src/cli/types.js";
import { ZaloOaClient } from "../../bots/zalo/client.js";
import { createTokenStore } from "../../bots/zalo/tokens.js";
import { openNodeDatabase } from "../../src/db/node.js";
import { createLogger } from "../../src/log.js";
import { nodeFiles } from "../../src/cli/node-files.js";

let fake: FakeZaloOa;
let h: Harness;
const USER = "1234567890123456789";

beforeEach(async () => {
  fake = await startFakeZaloOa();
  h = await createHarness({ zalo: fake, places: false });
});
afterEach(async () => {
  await h.close();
  await fake.close();
});

function admin() {
  const out: string[] = [];
  const err: string[] = [];
  const config = parseConfig({ ZALO_APP_ID: fake.appId, ZALO_APP_SECRET: fake.appSecret, ZALO_OA_SECRET_KEY: fake.oaSecret, ZALO_API_ROOT: fake.apiRoot, ZALO_OAUTH_ROOT: fake.oauthRoot });
  const ctx: AdminContext = { db: h.db, keys: h.keys, config, out: (l) => out.push(l), err: (l) => err.push(l), now: () => h.clock.now, files: nodeFiles };
  const run = (name: string, ...args: string[]) => zaloCommands.find((c) => c.name === name)!.run(ctx, args);
  return { out, err, run };
}

/** A client as another process would build it (same database file, same keys). */
function client(opts: { afterTokenAnswer?: () => void; db?: Harness["db"]; logs?: string[] } = {}) {
  const db = opts.db ?? h.db;
  return new ZaloOaClient({
    appId: fake.appId,
    appSecret: fake.appSecret,
    apiRoot: fake.apiRoot,
    oauthRoot: fake.oauthRoot,
    tokens: createTokenStore(db, h.keys, fake.appId),
    now: () => h.clock.now,
    log: createLogger("debug", (l) => (opts.logs ?? h.logs).push(l)),
    afterTokenAnswer: opts.afterTokenAnswer,
  });
}

const refreshes = () => fake.tokenCalls.filter((c) => c.grant === "refresh_token");
const stored = () => [h.dbPath, `${h.dbPath}-wal`].filter(existsSync).map((f) => readFileSync(f).toString("latin1")).join("");

describe("Zalo OA tokens", () => {
  it("admin commands print the consent link, exchange the code and report the state without tokens", async () => {
    const a = admin();
    expect(await a.run("zalo-status")).toBe(1);
    expect(a.out.join("\n")).toContain("Chưa có token");
    expect(await a.run("zalo-consent")).toBe(2);
    expect(await a.run("zalo-consent", "--redirect", "https://phaodai.example/zalo/callback")).toBe(0);
    const link = new URL(a.out.find((l) => l.startsWith("http"))!);
    expect(link.pathname).toBe("/v4/oa/permission");
    expect(link.searchParams.get("app_id")).toBe(fake.appId);
    expect(link.searchParams.get("redirect_uri")).toBe("https://phaodai.example/zalo/callback");
    expect(link.searchParams.get("state")).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(await a.run("zalo-token", "not-a-real-code")).toBe(1);
    expect(a.err.at(-1)).toContain("-14019");
    expect(await a.run("zalo-token", fake.issueCode())).toBe(0);
    expect(await a.run("zalo-status")).toBe(0);
    expect(a.out.at(-1)).toContain("thế hệ 1");
    for (const token of fake.validRefreshTokens()) {
      expect(a.out.join("\n")).not.toContain(token);
      expect(stored()).not.toContain(token); // sealed with the vault key
    }
  });

  it("refreshes 12 hours before expiry and stores the new pair before using it", async () => {
    await h.authorizeZalo();
    await client().sendText(USER, "một");
    expect(refreshes()).toHaveLength(0);
    h.clock.advanceMinutes(14 * 60); // 11 h left of 25
    await client().sendText(USER, "hai");
    expect(refreshes()).toEqual([{ grant: "refresh_token", ok: true }]);
    const row = await h.db.zaloToken.findFirstOrThrow();
    expect(row.generation).toBe(2);
    expect(row.refreshingUntil).toBeNull();
    // A fresh process finds the new pair: its access token works and its refresh token is the valid one.
    const [first, second] = fake.messages;
    expect(second!.accessToken).not.toBe(first!.accessToken);
    h.clock.advanceMinutes(14 * 60);
    await client().sendText(USER, "ba");
    expect(refreshes()).toEqual([{ grant: "refresh_token", ok: true }, { grant: "refresh_token", ok: true }]);
    expect(fake.textsTo(USER)).toEqual(["một", "hai", "ba"]);
  });

  it("on -216 refreshes once and retries the call once", async () => {
    await h.authorizeZalo();
    await client().sendText(USER, "một");
    fake.revokeAccessToken(fake.messages[0]!.accessToken);
    await client().sendText(USER, "hai");
    expect(refreshes()).toHaveLength(1);
    expect(fake.textsTo(USER)).toEqual(["một", "hai"]);
    // The new token rejected too: the call fails after one retry instead of looping.
    fake.revokeAccessToken(fake.messages[1]!.accessToken);
    fake.failNext("message", -216, 5);
    await expect(client().sendText(USER, "ba")).rejects.toThrow(/-216/);
    expect(refreshes()).toHaveLength(2);
  });

  it("lets only one of two processes spend the refresh token", async () => {
    await h.authorizeZalo();
    h.clock.advanceMinutes(14 * 60);
    const db2 = openNodeDatabase(`file:${h.dbPath}`);
    try {
      await Promise.all([client().sendText(USER, "từ tiến trình 1"), client({ db: db2 }).sendText(USER, "từ tiến trình 2")]);
    } finally {
      await db2.$disconnect();
    }
    expect(refreshes()).toEqual([{ grant: "refresh_token", ok: true }]);
    expect(fake.textsTo(USER).sort()).toEqual(["từ tiến trình 1", "từ tiến trình 2"]);
    expect((await h.db.zaloToken.findFirstOrThrow()).generation).toBe(2);
  });

  it("survives a crash between Zalo's answer and our write: sends go on, the operator is told, one command restores", async () => {
    await h.authorizeZalo();
    h.clock.advanceMinutes(14 * 60);
    const crashing = client({
      afterTokenAnswer: () => {
        throw new Error("process killed");
      },
    });
    await expect(crashing.sendText(USER, "mất?")).rejects.toThrow("process killed");
    expect(refreshes()).toEqual([{ grant: "refresh_token", ok: true }]); // Zalo rotated; our answer is lost
    expect(fake.textsTo(USER)).toEqual([]);

    // Restart after the lease ran out: the stored pair is the old one. Zalo refuses its refresh
    // token, but the old access token still has 11 hours: the message goes out, exactly once.
    h.clock.advanceMinutes(1);
    const logs: string[] = [];
    await client({ logs }).sendText(USER, "vẫn đến");
    expect(fake.textsTo(USER)).toEqual(["vẫn đến"]);
    expect(logs.join("\n")).toContain("zalo.token.reauth_needed");
    const row = await h.db.zaloToken.findFirstOrThrow();
    expect(row.generation).toBe(1);
    expect(row.lastError).toContain("-14014");
    // Later sends do not hammer Zalo with the dead refresh token.
    await client().sendText(USER, "tiếp");
    expect(refreshes()).toHaveLength(2);

    const a = admin();
    expect(await a.run("zalo-status")).toBe(1);
    expect(a.out.at(-1)).toContain("cần cấp quyền lại");
    expect(await a.run("zalo-token", fake.issueCode())).toBe(0);
    expect(await a.run("zalo-status")).toBe(0);
    h.clock.advanceMinutes(14 * 60); // past the old access token's margin: the new pair refreshes normally
    await client().sendText(USER, "sau khi cấp quyền lại");
    expect(refreshes().at(-1)).toEqual({ grant: "refresh_token", ok: true });
    expect(fake.textsTo(USER)).toEqual(["vẫn đến", "tiếp", "sau khi cấp quyền lại"]);
  });

  it("keeps messages waiting (not failed) when no token is usable at all", async () => {
    await h.settle();
    const result = await h.deps.senders.zalo!.send(USER, { text: "chờ token" });
    expect(result).toMatchObject({ ok: false, permanent: false, retryAfterSeconds: 300 });
  });

  it("retries a failed write of the new pair instead of losing the only valid refresh token", async () => {
    await h.authorizeZalo();
    h.clock.advanceMinutes(14 * 60);
    const store = createTokenStore(h.db, h.keys, fake.appId);
    let failures = 2;
    const flaky = {
      ...store,
      async saveRefreshed(...args: Parameters<typeof store.saveRefreshed>) {
        if (failures-- > 0) throw new Error("SQLITE_BUSY");
        return store.saveRefreshed(...args);
      },
    };
    const logs: string[] = [];
    const c = new ZaloOaClient({ appId: fake.appId, appSecret: fake.appSecret, apiRoot: fake.apiRoot, oauthRoot: fake.oauthRoot, tokens: flaky, now: () => h.clock.now, log: createLogger("debug", (l) => logs.push(l)) });
    await c.sendText(USER, "sau hai lần ghi hỏng");
    expect(logs.filter((l) => l.includes("zalo.token.save_failed"))).toHaveLength(2);
    const row = await h.db.zaloToken.findFirstOrThrow();
    expect(row.generation).toBe(2);
    // The stored refresh token is Zalo's valid one: the next refresh works.
    h.clock.advanceMinutes(14 * 60);
    await client().sendText(USER, "lần sau");
    expect(refreshes()).toEqual([{ grant: "refresh_token", ok: true }, { grant: "refresh_token", ok: true }]);
  });
});
