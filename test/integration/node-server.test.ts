// The Node entry as a newcomer runs it: a fresh data folder, the database created and migrated on
// first start, sample places in demo mode, the web chat on the port, and one clear line on bad settings.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startServer } from "../../src/node.js";

const root = resolve(import.meta.dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "phaodai-node-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("node server", () => {
  it("creates and migrates the database, generates development keys once, and serves the web chat", async () => {
    const logs: string[] = [];
    const env = { DATABASE_URL: `file:${join(dir, "data", "phaodai.db")}`, PORT: "0" };
    const server = await startServer(env, { logSink: (l) => logs.push(l) });
    try {
      expect(existsSync(join(dir, "data", "phaodai.db"))).toBe(true);
      const keysFile = join(dir, "data", "keys.json");
      expect(statSync(keysFile).mode & 0o077).toBe(0);
      expect(logs.join("\n")).toContain("keys.generated");
      const health = await fetch(`${server.url}/health`);
      expect(await health.json()).toEqual({ ok: true, database: "ok" });
      const page = await fetch(`${server.url}/`);
      expect(page.headers.get("content-type")).toContain("text/html");
      expect(await page.text()).toContain("Pháo Đài");
      const demo = await fetch(`${server.url}/webchat/api/demo/officer`, { method: "POST", body: "{}" });
      expect(((await demo.json()) as { commune: string }).commune).toBe("Hồng Lộc");
      expect(logs.join("\n")).toContain("demo.sample_places");
    } finally {
      await server.stop();
    }
    const keysBefore = readFileSync(join(dir, "data", "keys.json"), "utf8");
    // Later starts read the same file and say so: "generated" only on the start that made them.
    const laterLogs: string[] = [];
    const again = await startServer(env, { logSink: (l) => laterLogs.push(l) });
    await again.stop();
    expect(laterLogs.join("\n")).toContain("keys.loaded");
    expect(laterLogs.join("\n")).not.toContain("keys.generated");
    expect(readFileSync(join(dir, "data", "keys.json"), "utf8")).toBe(keysBefore);
  });

  it.each([
    [{ PORT: "abc" }, /^Setting PORT is invalid/],
    [{ TELEGRAM_BOT_TOKEN: "1:abc", PUBLIC_URL: "https://x.example" }, /^Setting TELEGRAM_WEBHOOK_SECRET is missing/],
    [{ APP_ENV: "production" }, /^Setting PSEUDONYM_KEY is missing/],
  ])("stops with one clear line on a bad setting %j", (bad, pattern) => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/node.ts"], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: `file:${join(dir, "bad", "x.db")}`, ...bad },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(pattern);
    expect(existsSync(join(dir, "bad"))).toBe(false);
  });
});
