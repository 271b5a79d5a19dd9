// The real app on a real SQLite file, with the real work loop run by hand so tests can settle it.
import { nodePosterFonts } from "../../src/places/node-poster-fonts.js";
import type { UploadLimits } from "../../src/media/uploads.js";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createKeyring, randomKeyText, type Keyring } from "../../src/crypto/keys.js";
import { openNodeDatabase } from "../../src/db/node.js";
import type { Db } from "../../src/db/client.js";
import { createLogger } from "../../src/log.js";
import { createApp } from "../../src/app.js";
import { createIngest } from "../../src/inbound/ingest.js";
import { runWorkOnce, type WorkDeps } from "../../bots/core/work/runner.js";
import { importPlacesCsv } from "../../src/places/import.js";
import { defaultComplianceDeps } from "../../src/compliance/service.js";
import { createNodeReportRenderers } from "../../src/reports/node-renderers.js";
import { createInvitation } from "../../src/staff/invitations.js";
import type { CoreSettings } from "../../bots/core/turn.js";
import type { FakeTelegram } from "./fake-telegram.js";
import { setZaloEventClock, type FakeZaloOa } from "./fake-zalo-oa.js";
import type { FakeZaloBot } from "./fake-zalo-bot.js";
import type { ZaloOaClient } from "../../bots/zalo/client.js";
import { createChannels, webhookOptions } from "../../src/channels.js";
import { parseConfig } from "../../src/config/schema.js";
import { SAMPLE_PLACES_CSV } from "../../src/node.js";
import { addressTagOf, sealAddress } from "../../src/crypto/pseudonym.js";
import type { Channel } from "../../src/messaging/types.js";
import { nodeClientAddress } from "../../src/http/client-address.js";
import { freshProof, webTicket, type Fetch } from "./pow.js";

export const WEBHOOK_SECRET = "test_webhook_secret_123";
export const ZALOBOT_SECRET = "zalobot_webhook_secret_456";
/** The public address the app believes it has (sealed media links point here; tests fetch them with app.request). */
export const PUBLIC_URL = "https://phaodai.test";

/** Where the outbox sends to one chat, sealed and tagged as the adapters do it. */
export async function outboxTarget<C extends Channel>(keys: Keyring, channel: C, chatId: string) {
  const address = { channel, chatId };
  return { channel, sealedAddress: await sealAddress(keys, address), addressTag: await addressTagOf(keys, address) };
}

/** Settings for the fakes given: webhooks at PUBLIC_URL, each platform's API on localhost. */
function harnessEnv(opts: { telegram?: FakeTelegram; zalo?: FakeZaloOa; zalobot?: FakeZaloBot }): Record<string, string | undefined> {
  const { telegram, zalo, zalobot } = opts;
  return {
    APP_ENV: "test",
    // Demo mode is the core's setting here (CoreSettings.demo); the settings refuse it beside messenger tokens.
    DEMO_MODE: "off",
    PUBLIC_URL,
    ...(telegram ? { TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.apiRoot, TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET } : {}),
    ...(zalo ? { ZALO_APP_ID: zalo.appId, ZALO_APP_SECRET: zalo.appSecret, ZALO_OA_SECRET_KEY: zalo.oaSecret, ZALO_API_ROOT: zalo.apiRoot, ZALO_OAUTH_ROOT: zalo.oauthRoot } : {}),
    ...(zalobot ? { ZALO_BOT_TOKEN: zalobot.token, ZALO_BOT_API_ROOT: zalobot.apiRoot, ZALO_BOT_WEBHOOK_SECRET: ZALOBOT_SECRET } : {}),
  };
}

export interface Harness {
  dir: string;
  dbPath: string;
  db: Db;
  keys: Keyring;
  app: ReturnType<typeof createApp>;
  deps: WorkDeps;
  logs: string[];
  clock: { now: Date; advanceMinutes(m: number): void };
  settle(): Promise<void>;
  /** A web chat client; `ip` is the socket address the Node server would see (default: none). */
  web(token?: string, opts?: { ip?: string }): WebClient;
  invite(role: string, scope: { provinceCode?: string; communeCode?: string; villageCode?: string; unitKind?: string; audienceId?: number }, note?: string): Promise<string>;
  postTelegram(update: unknown, secret?: string): Promise<Response>;
  /** The OA client (when a fake Zalo OA was given); authorise it with `authorizeZalo()`. */
  zalo?: ZaloOaClient;
  authorizeZalo(): Promise<void>;
  /** Posts a signed Zalo OA event (or a raw body with the given headers). */
  postZalo(event: Record<string, unknown>): Promise<Response>;
  postZaloBot(body: unknown, secret?: string): Promise<Response>;
  close(): Promise<void>;
}

export interface WebMessage {
  id: number;
  text: string;
  choices?: { label: string; data: string }[][];
  media?: { kind: string; uploadUrl?: string; fileName?: string; latitude?: number; longitude?: number };
}

export interface WebClient {
  token: string;
  /** Sends with the session's ticket, paying a fresh proof when the server asks for one (428). */
  send(body: Record<string, unknown>): Promise<Response>;
  /** Headers for a direct request of this client (JSON and its session's ticket). */
  headers(): Promise<Record<string, string>>;
  /** The app as this client reaches it (from its address). */
  fetch: Fetch;
  say(text: string): Promise<WebMessage[]>;
  press(labelOrData: string): Promise<WebMessage[]>;
  /** Messages not read yet. */
  read(): Promise<WebMessage[]>;
  all: WebMessage[];
  last(): WebMessage | undefined;
}

export async function createHarness(
  opts: {
    telegram?: FakeTelegram;
    zalo?: FakeZaloOa;
    zalobot?: FakeZaloBot;
    settings?: Partial<CoreSettings>;
    uploadLimits?: UploadLimits;
    places?: boolean;
    telegramTimeoutSeconds?: number;
    /** The Telegram bot's username as the console knows it (invitation QR codes open the bot). */
    consoleTelegramBot?: string;
    /** The Zalo OA's page as the console knows it (ZALO_OA_URL: the posters print its QR code). */
    consoleZaloOaUrl?: string;
    /** Proof-of-work cost in tests (small: the protocol is the same, the search short). */
    powMaxNumber?: number;
    tipsPerNetworkPerMinute?: number;
  } = {},
): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), "phaodai-"));
  const dbPath = join(dir, "test.db");
  const db = openNodeDatabase(`file:${dbPath}`);
  const keyText = { pseudonymKey: randomKeyText(), vaultKey: randomKeyText() };
  // The admin command line run on this database finds the same keys in its data folder, so the
  // invitation codes it prints redeem here.
  writeFileSync(join(dir, "keys.json"), JSON.stringify(keyText), { mode: 0o600 });
  const keys = await createKeyring(keyText.pseudonymKey, keyText.vaultKey);
  const logs: string[] = [];
  const log = createLogger("debug", (line) => logs.push(line));
  const clock = {
    now: new Date(),
    advanceMinutes(m: number) {
      clock.now = new Date(clock.now.getTime() + m * 60_000);
    },
  };
  const now = () => clock.now;
  if (opts.places !== false) await importPlacesCsv(db, readFileSync(SAMPLE_PLACES_CSV, "utf8"), { isSample: true });

  if (opts.zalo) setZaloEventClock(() => clock.now.getTime());
  // The production wiring builds the clients, senders and media sources, from settings as an operator would write them.
  const config = parseConfig(harnessEnv(opts));
  const { senders, media, zaloOa, articles } = await createChannels({ config, db, keys, log, now, botInfo: opts.telegram?.bot, telegramTimeoutSeconds: opts.telegramTimeoutSeconds });
  const zalo = zaloOa ?? undefined;
  const settings: CoreSettings = {
    draftTtlMinutes: 60,
    tipsPerHour: 5,
    globalTipsPerMinute: 120,
    escalateAfterMinutes: 30,
    addressRetentionDays: 30,
    demo: true,
    ...opts.settings,
  };
  // As on Node (src/node.ts): the chat and the console share the compliance rules and the file renderers.
  const compliance = defaultComplianceDeps({ renderers: createNodeReportRenderers() });
  const deps: WorkDeps = { db, keys, log, now, settings, senders, compliance, articles };
  const app = createApp({
    db,
    keys,
    log,
    now,
    demo: settings.demo,
    demoCommuneCode: "HONGLOC",
    // No bot username, as before: group commands addressed to any bot are taken.
    ...webhookOptions(config),
    media,
    feeds: { publicUrl: PUBLIC_URL },
    uploadLimits: opts.uploadLimits,
    ingest: createIngest({ db, log, now, onStored: () => undefined }),
    webChat: { proof: { maxNumber: opts.powMaxNumber ?? 50 }, tipsPerNetworkPerMinute: opts.tipsPerNetworkPerMinute, clientAddress: nodeClientAddress },
    console: { settings, compliance, telegramBot: opts.consoleTelegramBot, zaloOaUrl: opts.consoleZaloOaUrl, posterFonts: nodePosterFonts },
  });

  async function settle() {
    for (let i = 0; i < 100; i++) {
      const { handled, sent } = await runWorkOnce(deps);
      if (handled === 0 && sent === 0) return;
    }
    throw new Error("work did not settle");
  }

  function web(token = randomKeyText(), webOpts: { ip?: string } = {}): WebClient {
    let lastId = 0;
    // As @hono/node-server hands the socket to the app: the address is read from it, never from a header.
    const env = webOpts.ip ? { incoming: { socket: { remoteAddress: webOpts.ip, remotePort: 50000, remoteFamily: webOpts.ip.includes(":") ? "IPv6" : "IPv4" } } } : undefined;
    const fetch: Fetch = (path, init) => app.request(path, init, env);
    let ticket: Promise<string> | null = null;
    const headers = async () => ({ "Content-Type": "application/json", "X-Chat-Ticket": await (ticket ??= webTicket(fetch, token)) });
    const client: WebClient = {
      token,
      all: [],
      fetch,
      headers,
      async send(body) {
        const post = async (extra: Record<string, unknown>) => fetch("/webchat/api/send", { method: "POST", headers: await headers(), body: JSON.stringify({ token, ...body, ...extra }) });
        let res = await post({});
        // As the page does: a new session when the ticket has expired (the test's clock moved on).
        if (res.status === 401 && ((await res.clone().json()) as { session?: boolean }).session) {
          ticket = null;
          res = await post({});
        }
        return res.status === 428 ? post({ proof: await freshProof(fetch) }) : res;
      },
      async read() {
        await settle();
        const res = await app.request(`/webchat/api/messages?after=${lastId}`, { headers: { "X-Chat-Token": token } });
        const { messages } = (await res.json()) as { messages: WebMessage[] };
        for (const m of messages) lastId = Math.max(lastId, m.id);
        client.all.push(...messages);
        return messages;
      },
      async say(text) {
        const res = await client.send({ text });
        if (res.status !== 202) throw new Error(`send failed: ${res.status} ${await res.text()}`);
        return client.read();
      },
      async press(labelOrData) {
        const recent = [...client.all].reverse().flatMap((m) => (m.choices ?? []).flat());
        const choice =
          recent.find((c) => c.label === labelOrData || c.data === labelOrData) ?? recent.find((c) => c.label.includes(labelOrData));
        if (!choice) throw new Error(`no button "${labelOrData}" in: ${JSON.stringify(client.all.slice(-3))}`);
        const res = await client.send({ choice: choice.data });
        if (res.status !== 202) throw new Error(`press failed: ${res.status}`);
        return client.read();
      },
      last: () => client.all[client.all.length - 1],
    };
    return client;
  }

  return {
    dir,
    dbPath,
    db,
    keys,
    app,
    deps,
    logs,
    clock,
    settle,
    web,
    async invite(role, scope, note) {
      const { code } = await createInvitation(db, keys, { role: role as never, ...scope, note });
      return code;
    },
    async postTelegram(update, secret = WEBHOOK_SECRET) {
      return app.request("/telegram/webhook", {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": secret },
        body: JSON.stringify(update),
      });
    },
    zalo,
    async authorizeZalo() {
      if (!zalo || !opts.zalo) throw new Error("no fake Zalo OA");
      await zalo.exchangeCode(opts.zalo.issueCode());
    },
    async postZalo(event) {
      if (!opts.zalo) throw new Error("no fake Zalo OA");
      const { body, headers } = opts.zalo.signed(event);
      return app.request("/zalo/webhook", { method: "POST", headers, body });
    },
    async postZaloBot(body, secret = ZALOBOT_SECRET) {
      return app.request("/zalobot/webhook", {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Bot-Api-Secret-Token": secret },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
    },
    async close() {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs a whole tip-off in the web chat and returns the receipt code. */
export async function fileWebTip(citizen: WebClient, opts: { commune?: string; category?: string; village?: string; text?: string } = {}): Promise<string> {
  await citizen.say("/start");
  await citizen.say(opts.commune ?? "Hồng Lộc");
  await citizen.press(opts.category ?? "Điểm, người bán lẻ ma túy");
  await citizen.press(opts.village ?? "Không rõ thôn/xóm");
  await citizen.say(opts.text ?? "Có người bán ma túy ở quán nước đầu cầu, tối nào cũng có xe máy đến.");
  await citizen.press("m:continue");
  const after = await citizen.press("s:submit");
  const code = after.map((m) => /([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(m.text)?.[1]).find(Boolean);
  if (!code) throw new Error(`no receipt code in ${JSON.stringify(after)}`);
  return code;
}
