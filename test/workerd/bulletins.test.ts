// The bulletin job in the Workers build (wrangler dev, workerd, local D1 with the same SQL
// migrations), run by the cron trigger: it imports the catalog and schedules on D1, and when a
// commune's slot comes it sends the village head the bulletin through the fake Bot API.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKeyring, randomKeyText } from "../../src/crypto/keys.js";
import { pseudonymOf, sealAddress } from "../../src/crypto/pseudonym.js";
import { startFakeTelegram, type FakeTelegram } from "../helpers/fake-telegram.js";

const root = resolve(import.meta.dirname, "../..");
const node22 = join(root, "tools/node22/node_modules/.bin/node");
const wrangler = join(root, "node_modules/wrangler/bin/wrangler.js");
const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true", NO_COLOR: "1" };
const HEAD_CHAT = "7770001";
const keyText = { pseudonym: randomKeyText(), vault: randomKeyText() };

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

function d1<T>(persistTo: string, sql: string): T[] {
  const out = runWrangler(["d1", "execute", "DB", "--local", "--persist-to", persistTo, "--json", "--command", sql]);
  const parsed = JSON.parse(out.slice(out.indexOf("["))) as { results: T[] }[];
  return parsed[0]!.results;
}

/** Prisma's text form of a DateTime in SQLite and D1. */
const prismaDate = (d: Date) => d.toISOString().replace("Z", "+00:00");

let persistTo: string;
let fake: FakeTelegram;
let dev: ChildProcess | null = null;
let base = "";

async function cron(): Promise<void> {
  const res = await fetch(`${base}/__scheduled?cron=*+*+*+*+*`);
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  expect(existsSync(node22), "Node 22 for Wrangler is installed by npm install (tools/node22)").toBe(true);
  persistTo = mkdtempSync(join(tmpdir(), "phaodai-d1-bulletins-"));
  runWrangler(["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo]);
  const keys = await createKeyring(keyText.pseudonym, keyText.vault);
  const sealed = await sealAddress(keys, { channel: "telegram", chatId: HEAD_CHAT });
  const pseudonym = await pseudonymOf(keys, "telegram", HEAD_CHAT);
  runWrangler([
    "d1", "execute", "DB", "--local", "--persist-to", persistTo, "--command",
    "INSERT INTO Province (code, name) VALUES ('LCA', 'Lào Cai'); " +
      "INSERT INTO Commune (code, name, searchName, provinceId, languages) VALUES ('LUNGPHINH', 'Lùng Phình', 'lung phinh', 1, 'vie,hnj'); " +
      "INSERT INTO Village (code, name, communeId) VALUES ('LP-01', 'Thôn Lùng Phình', 1); " +
      `INSERT INTO Staff (pseudonym, channel, sealedAddress, displayName, role, communeId, villageId) VALUES ('${pseudonym}', 'telegram', '${sealed}', 'Trưởng thôn', 'village_head', 1, 1);`,
  ]);
  fake = await startFakeTelegram();
  const port = await freePort();
  const vars = { PSEUDONYM_KEY: keyText.pseudonym, VAULT_KEY: keyText.vault, TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, TELEGRAM_WEBHOOK_SECRET: "workerd_bulletins", PUBLIC_URL: "https://phaodai.example" };
  const args = [wrangler, "dev", "--local", "--test-scheduled", "--ip", "127.0.0.1", "--port", String(port), "--persist-to", persistTo, "--show-interactive-dev-session=false"];
  for (const [k, v] of Object.entries(vars)) args.push("--var", `${k}:${v}`);
  dev = spawn(node22, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  dev.stdout!.on("data", (d) => (output += d));
  dev.stderr!.on("data", (d) => (output += d));
  base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/health`)).ok) break;
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

describe("bulletins on Workers with D1", () => {
  it("imports the catalog and gives the commune its schedule on the first cron run", async () => {
    await cron();
    const deadline = Date.now() + 30_000;
    while (d1<{ n: number }>(persistTo, "SELECT count(*) AS n FROM BulletinSchedule")[0]!.n === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
    expect(d1<{ n: number }>(persistTo, "SELECT count(*) AS n FROM BulletinItem WHERE retiredAt IS NULL")[0]!.n).toBeGreaterThanOrEqual(24);
    expect(d1<{ days: string; times: string }>(persistTo, "SELECT days, times FROM BulletinSchedule")).toEqual([{ days: "1,4", times: "06:30,18:30" }]);
  });

  it("airs a due slot: the village head gets the bulletin with the confirmation buttons", async () => {
    // Make a slot due a minute ago (every day at that minute, Vietnam time).
    const now = new Date();
    const slot = new Date(Math.floor((now.getTime() - 60_000) / 60_000) * 60_000);
    const vn = new Date(slot.getTime() + 7 * 3_600_000);
    const time = `${String(vn.getUTCHours()).padStart(2, "0")}:${String(vn.getUTCMinutes()).padStart(2, "0")}`;
    d1(persistTo, `UPDATE BulletinSchedule SET days = '1,2,3,4,5,6,7', times = '${time}', cursorAt = '${prismaDate(new Date(slot.getTime() - 600_000))}', nextDueAt = '${prismaDate(slot)}'`);
    await cron();
    const call = await fake.waitFor((c) => c.method === "sendMessage" && String(c.payload.chat_id) === HEAD_CHAT && String(c.payload.text).includes("BẢN TIN PHÒNG, CHỐNG MA TÚY"), 30_000);
    const buttons = (call.payload.reply_markup as { inline_keyboard: { text: string }[][] }).inline_keyboard.flat().map((b) => b.text);
    expect(buttons).toEqual(["✅ Đã phát", "⚠️ Chưa phát được"]);
    expect(String(call.payload.text)).toContain("Thôn Lùng Phình");
    const deadline = Date.now() + 20_000;
    let slots: { status: string }[] = [];
    while (Date.now() < deadline) {
      slots = d1<{ status: string }>(persistTo, "SELECT status FROM BulletinSlot");
      if (slots[0]?.status === "sent") break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(slots).toEqual([{ status: "sent" }]);
    expect(d1<{ status: string; languages: string }>(persistTo, "SELECT status, languages FROM BulletinDelivery")).toEqual([{ status: "pending", languages: "vie" }]);
  });
});
