// The set-up the Chromium tests share: the real Node server in this process, with Telegram on a fake
// Bot API on localhost, the sample places imported, and Chromium with a fake microphone and camera.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { SAMPLE_PLACES_CSV, startServer, type RunningServer } from "../../src/node.js";
import { randomKeyText } from "../../src/crypto/keys.js";
import { adminOk } from "./admin-cli.js";
import { startFakeTelegram, type FakeTelegram } from "./fake-telegram.js";
import { launchChromium } from "./webchat-page.js";

export interface BrowserServer {
  fake: FakeTelegram;
  server: RunningServer;
  browser: Browser;
  env: Record<string, string>;
  /** Runs an admin CLI command against the server's database; it must succeed. */
  admin(...argv: string[]): Promise<string>;
  stop(): Promise<void>;
}

/** The Node server's settings for a test: its own database file, fresh keys, Telegram on the fake. */
export function telegramServerEnv(dbPath: string, fake: FakeTelegram): Record<string, string> {
  return {
    DATABASE_URL: `file:${dbPath}`,
    PORT: "0",
    DEMO_MODE: "off",
    LOG_LEVEL: "warn",
    PSEUDONYM_KEY: randomKeyText(),
    VAULT_KEY: randomKeyText(),
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    DISPATCH_INTERVAL_MS: "50",
  };
}

export async function startBrowserServer(name: string): Promise<BrowserServer> {
  const dir = mkdtempSync(join(tmpdir(), `phaodai-${name}-`));
  const fake = await startFakeTelegram();
  const env = telegramServerEnv(join(dir, `${name}.db`), fake);
  const admin = (...argv: string[]) => adminOk(argv, env);
  await admin("import-places", SAMPLE_PLACES_CSV);
  const server = await startServer(env, { logSink: () => undefined });
  const browser = await launchChromium(["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"]);
  return {
    fake,
    server,
    browser,
    env,
    admin,
    async stop() {
      await browser.close();
      await server.stop();
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
