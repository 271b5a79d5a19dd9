// The Workers build in workerd (wrangler dev, local D1 with the same SQL migrations): a Telegram
// webhook conversation files a tip that ends up stored in D1 and announced to the fake Bot API,
// and a web chat picture is re-encoded by photon's workerd build before it reaches D1.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomKeyText } from "../../src/crypto/keys.js";
import { callbackUpdate, GROUP_CHAT, startFakeTelegram, textUpdate, TIPSTER, type FakeTelegram } from "../helpers/fake-telegram.js";
import { PhotonImage } from "@cf-wasm/photon";
import { fixture, plantedIn } from "../helpers/images.js";
import { webText } from "../../bots/webchat/strings.js";

const root = resolve(import.meta.dirname, "../..");
const node22 = join(root, "tools/node22/node_modules/.bin/node");
const wrangler = join(root, "node_modules/wrangler/bin/wrangler.js");
const SECRET = "workerd_test_secret";
const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true", NO_COLOR: "1" };

function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => done(port));
    });
  });
}

function runWrangler(args: string[]): string {
  const result = spawnSync(node22, [wrangler, ...args], { cwd: root, env, encoding: "utf8", timeout: 120_000 });
  if (result.status !== 0) throw new Error(`wrangler ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

function d1Query<T>(persistTo: string, sql: string): T[] {
  const out = runWrangler(["d1", "execute", "DB", "--local", "--persist-to", persistTo, "--json", "--command", sql]);
  const parsed = JSON.parse(out.slice(out.indexOf("["))) as { results: T[] }[];
  return parsed[0]!.results;
}

let persistTo: string;
let fake: FakeTelegram;
let dev: ChildProcess | null = null;
let base = "";

beforeAll(async () => {
  expect(existsSync(node22), "Node 22 for Wrangler is installed by npm install (tools/node22)").toBe(true);
  persistTo = mkdtempSync(join(tmpdir(), "phaodai-d1-"));
  runWrangler(["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo]);
  runWrangler([
    "d1", "execute", "DB", "--local", "--persist-to", persistTo, "--command",
    "INSERT INTO Province (code, name) VALUES ('HTI', 'Hà Tĩnh'); " +
      "INSERT INTO Commune (code, name, searchName, provinceId) VALUES ('HONGLOC', 'Hồng Lộc', 'hong loc', 1); " +
      "INSERT INTO Village (code, name, communeId) VALUES ('HL-01', 'Thôn Thượng Phú', 1);",
  ]);
  fake = await startFakeTelegram();
  const port = await freePort();
  const vars = {
    PSEUDONYM_KEY: randomKeyText(),
    VAULT_KEY: randomKeyText(),
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    PUBLIC_URL: "https://phaodai.example",
  };
  const args = [wrangler, "dev", "--local", "--ip", "127.0.0.1", "--port", String(port), "--persist-to", persistTo, "--show-interactive-dev-session=false"];
  for (const [k, v] of Object.entries(vars)) args.push("--var", `${k}:${v}`);
  dev = spawn(node22, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  dev.stdout!.on("data", (d) => (output += d));
  dev.stderr!.on("data", (d) => (output += d));
  base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      const res = await fetch(`${base}/health`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline || dev.exitCode !== null) throw new Error(`wrangler dev did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}, 180_000);

afterAll(async () => {
  dev?.kill("SIGTERM");
  await fake?.close();
  if (persistTo) rmSync(persistTo, { recursive: true, force: true });
});

async function post(update: unknown, secret = SECRET): Promise<Response> {
  return fetch(`${base}/telegram/webhook`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": secret },
    body: JSON.stringify(update),
  });
}

/** Posts an update and waits for the bot's answer to the tipster (sent from waitUntil). */
async function step(update: unknown): Promise<string> {
  const before = fake.calls.filter((c) => String(c.payload.chat_id) === String(TIPSTER.id)).length;
  const res = await post(update);
  expect(res.status).toBe(200);
  const deadline = Date.now() + 20_000;
  for (;;) {
    const sent = fake.calls.filter((c) => String(c.payload.chat_id) === String(TIPSTER.id));
    if (sent.length > before) {
      await new Promise((r) => setTimeout(r, 200));
      return fake.calls.filter((c) => String(c.payload.chat_id) === String(TIPSTER.id)).slice(before).map((c) => String(c.payload.text)).join("\n");
    }
    if (Date.now() > deadline) throw new Error("no answer from the worker");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("the Workers build in workerd with D1", () => {
  it("refuses a webhook without the secret and stores nothing", async () => {
    const res = await post(textUpdate("/start"), "wrong");
    expect(res.status).toBe(401);
    expect(d1Query<{ n: number }>(persistTo, "SELECT count(*) AS n FROM InboundUpdate")[0]!.n).toBe(0);
  });

  it("files a tip from Telegram webhook updates and stores it in D1", async () => {
    expect(await step(textUpdate("/start"))).toContain("Bước 1/5");
    expect(await step(textUpdate("hong loc"))).toContain("Bước 2/5");
    expect(await step(callbackUpdate("c:1"))).toContain("Bước 2/5");
    expect(await step(callbackUpdate("k:production"))).toContain("Bước 3/5");
    expect(await step(callbackUpdate("v:1"))).toContain("Bước 4/5");
    expect(await step(textUpdate("Có xưởng lạ hoạt động ban đêm."))).toContain("Bước 5/5");
    expect(await step(callbackUpdate("m:continue"))).toContain("Xem lại tin báo");
    expect(await step(callbackUpdate("s:submit"))).toMatch(/Mã tiếp nhận của bạn: [A-Z0-9]{4}-[A-Z0-9]{4}/);
    const tips = d1Query<{ caseNumber: string; category: string; status: string; text: string }>(persistTo, "SELECT caseNumber, category, status, text FROM Tip");
    expect(tips).toEqual([{ caseNumber: "HONGLOC-00001", category: "production", status: "new", text: "Có xưởng lạ hoạt động ban đêm." }]);
    const stored = JSON.stringify(d1Query(persistTo, "SELECT * FROM InboundUpdate")) + JSON.stringify(d1Query(persistTo, "SELECT * FROM Conversation"));
    expect(stored).not.toContain(String(TIPSTER.id));
    expect(stored).not.toContain(TIPSTER.username!);
  });

  it("re-encodes a web chat picture in workerd before it is stored in D1, and refuses one that does not decode", async () => {
    const upload = (name: string) =>
      fetch(`${base}/webchat/api/upload`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ token: "w".repeat(40), mime: "image/jpeg", dataBase64: Buffer.from(fixture(name)).toString("base64") }),
      });
    const ok = await upload("gps.jpg");
    expect(ok.status).toBe(200);
    const { uploadId } = (await ok.json()) as { uploadId: string };
    expect(uploadId).toMatch(/^[0-9a-f]{32}$/);
    const [row] = d1Query<{ mime: string; hex: string }>(persistTo, `SELECT mime, hex(bytes) AS hex FROM WebUpload WHERE publicId = '${uploadId}'`);
    const bytes = new Uint8Array(Buffer.from(row!.hex, "hex"));
    expect(row!.mime).toBe("image/jpeg");
    expect(plantedIn(fixture("gps.jpg")).length).toBeGreaterThan(5);
    expect(plantedIn(bytes)).toEqual([]);
    const image = PhotonImage.new_from_byteslice(bytes);
    expect([image.get_width(), image.get_height()]).toEqual([64, 48]);
    image.free();
    const refused = await upload("garbage.jpg");
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { error: string }).error).toBe(webText.unsafeUpload);
  });

  it("in a group, answers a command addressed to this bot and ignores one for another bot (username from getMe, kept in D1)", async () => {
    const toGroup = () => fake.calls.filter((c) => String(c.payload.chat_id) === String(GROUP_CHAT.id)).map((c) => String(c.payload.text));
    const busy = () =>
      d1Query<{ n: number }>(persistTo, "SELECT (SELECT count(*) FROM InboundUpdate WHERE status IN ('pending', 'processing')) + (SELECT count(*) FROM OutboxMessage WHERE status = 'pending') AS n")[0]!.n;
    expect((await post(textUpdate("/start@OtherBot", { chat: GROUP_CHAT }))).status).toBe(200);
    // Handled and nothing left to send: the other bot's command got no answer here.
    await expect.poll(busy, { timeout: 20_000, interval: 200 }).toBe(0);
    expect(toGroup()).toEqual([]);
    expect((await post(textUpdate("/start@PhaoDaiBot", { chat: GROUP_CHAT }))).status).toBe(200);
    await expect.poll(toGroup, { timeout: 20_000, interval: 100 }).toHaveLength(1);
    expect(toGroup()[0]).toContain("nhắn riêng cho bot");
    expect(d1Query<{ username: string }>(persistTo, "SELECT username FROM BotIdentity WHERE channel = 'telegram'")).toEqual([{ username: "PhaoDaiBot" }]);
  });
});
