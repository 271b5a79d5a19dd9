// Kill the Node server with SIGKILL in the middle of an intake burst, then restart it: every update
// answered 200 was stored (it is in the database the moment the process dies), every tip is filed
// once, and every alert reaches the officer once — the only possible repeat is a message whose send
// to Telegram was in flight at the kill (no messenger API can tell whether it arrived).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callbackUpdate, startFakeTelegram, textUpdate, type FakeTelegram, type TestUser } from "../helpers/fake-telegram.js";
import { createPoster, freePort, startChild, waitUntil, type ChildServer } from "../helpers/server-process.js";
import { runAdmin } from "../../src/cli/admin.js";
import { SAMPLE_PLACES_CSV } from "../../src/node.js";

const CITIZENS = 40;
const CONCURRENCY = 20;
const SECRET = "fault_test_secret";
const dir = mkdtempSync(join(tmpdir(), "phaodai-kill-"));
const dbPath = join(dir, "data", "kill.db");
let fake: FakeTelegram;
let server: ChildServer | undefined;
let env: Record<string, string>;
const officer: TestUser = { id: 6_000_000_001, is_bot: false, first_name: "Cán bộ trực" };

interface Delivery {
  updateId: number;
  body: string;
  status: number;
}

function conversation(i: number, communeId: number): Delivery[] {
  const user: TestUser = { id: 6_100_000_000 + i, is_bot: false, first_name: `Người ${i}`, username: `kill_${i}` };
  const base = 900_000_000 + i * 10;
  const updates = [
    textUpdate("/start", { user, updateId: base }),
    textUpdate("Hồng Lộc", { user, updateId: base + 1 }),
    callbackUpdate(`c:${communeId}`, { user, updateId: base + 2 }),
    callbackUpdate("k:selling", { user, updateId: base + 3 }),
    callbackUpdate("v:none", { user, updateId: base + 4 }),
    textUpdate(`Tin số ${i}: bán ma túy ở bến xe.`, { user, updateId: base + 5 }),
    callbackUpdate("m:continue", { user, updateId: base + 6 }),
    callbackUpdate("s:submit", { user, updateId: base + 7 }),
  ];
  return updates.map((u) => ({ updateId: u.update_id, body: JSON.stringify(u), status: -1 }));
}

async function start(port: number): Promise<ChildServer> {
  return startChild("src/node.ts", { ...env, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` }, /is running/);
}

beforeAll(async () => {
  fake = await startFakeTelegram();
  env = {
    DATABASE_URL: `file:${dbPath}`,
    APP_ENV: "development",
    DEMO_MODE: "off",
    LOG_LEVEL: "warn",
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    TIPS_PER_HOUR: "100",
    GLOBAL_TIPS_PER_MINUTE: "100000",
  };
  const quiet = { out: () => undefined, err: (l: string) => console.error(l) };
  await runAdmin(["import-places", SAMPLE_PLACES_CSV, "--sample"], env, quiet);
});
afterAll(async () => {
  server?.process.kill("SIGKILL");
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("SIGKILL during an intake burst", () => {
  it("loses no answered update and no alert, and repeats nothing that was not in flight", async () => {
    let code = "";
    await runAdmin(["invite", "officer", "--commune", "HONGLOC"], env, { out: (l) => (code ||= /MOI-[A-Z0-9-]{9}/.exec(l)?.[0] ?? ""), err: console.error });
    const communeId = (new Database(dbPath, { readonly: true }).prepare("SELECT id FROM Commune WHERE code = 'HONGLOC'").get() as { id: number }).id;
    const port = await freePort();
    server = await start(port);
    const client = createPoster(port, "/telegram/webhook", { "X-Telegram-Bot-Api-Secret-Token": SECRET }, CONCURRENCY);
    expect((await client.post(JSON.stringify(textUpdate(`/start ${code}`, { user: officer, updateId: 800_000_001 })))).status).toBe(200);
    await waitUntil(() => fake.calls.some((c) => String(c.payload.text ?? "").includes("Đăng ký thành công")), 20_000, "officer registration");

    // The burst: each connection plays whole conversations in order; the kill comes part-way.
    const conversations = Array.from({ length: CITIZENS }, (_, i) => conversation(i, communeId));
    const total = CITIZENS * 8;
    let answered = 0;
    let next = 0;
    const victim = server;
    const killAt = Math.floor(total * 0.45);
    const killed = new Promise<void>((resolveKill) => {
      const timer = setInterval(() => {
        if (answered >= killAt) {
          clearInterval(timer);
          victim.process.kill("SIGKILL");
          resolveKill();
        }
      }, 1);
    });
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (;;) {
          const index = next++;
          if (index >= conversations.length) return;
          for (const delivery of conversations[index]!) {
            const { status } = await client.tryPost(delivery.body);
            delivery.status = status;
            if (status !== 200) break; // Telegram retries this update before sending the chat's next one.
            answered++;
          }
        }
      }),
    );
    await killed;
    await victim.exited;
    client.close();

    // Durability: what was answered 200 is in the file now, before any restart.
    const ok = conversations.flat().filter((d) => d.status === 200);
    expect(ok.length).toBeGreaterThanOrEqual(killAt);
    expect(ok.length).toBeLessThan(total);
    const crashed = new Database(dbPath, { readonly: true });
    const stored = new Set((crashed.prepare("SELECT externalId FROM InboundUpdate WHERE channel = 'telegram'").all() as { externalId: string }[]).map((r) => r.externalId));
    for (const d of ok) expect(stored.has(String(d.updateId)), `update ${d.updateId} answered 200 but not stored`).toBe(true);
    // Messages whose send may have been in flight when the process died.
    const inFlight = (crashed.prepare("SELECT payload FROM OutboxMessage WHERE status = 'pending' AND claimedUntil IS NOT NULL").all() as { payload: string }[]).map((r) => (JSON.parse(r.payload) as { text: string }).text);
    const backlog = (crashed.prepare("SELECT count(*) AS n FROM InboundUpdate WHERE status != 'done'").get() as { n: number }).n;
    crashed.close();
    expect(inFlight.length).toBeLessThanOrEqual(1);
    console.info(`killed after ${ok.length}/${total} updates answered; ${backlog} stored but not yet handled; ${inFlight.length} send in flight`);

    // Restart; Telegram re-sends every update it did not get a 200 for, in each chat's order.
    server = await start(port);
    const again = createPoster(port, "/telegram/webhook", { "X-Telegram-Bot-Api-Secret-Token": SECRET }, CONCURRENCY);
    await Promise.all(
      conversations.map(async (deliveries) => {
        for (const d of deliveries) {
          if (d.status === 200) continue;
          const res = await again.post(d.body);
          expect(res.status).toBe(200);
          d.status = 200;
        }
      }),
    );
    again.close();

    const alerts = () => fake.calls.filter((c) => c.method === "sendMessage" && String(c.payload.chat_id) === String(officer.id) && String(c.payload.text).startsWith("🚨 TIN BÁO MỚI"));
    await waitUntil(() => new Set(alerts().map((c) => /HONGLOC-\d+/.exec(String(c.payload.text))![0])).size >= CITIZENS, 90_000, "every alert");
    // Let anything left over go out, so a repeat would show.
    await new Promise((r) => setTimeout(r, 1500));

    const db = new Database(dbPath, { readonly: true });
    const tips = db.prepare("SELECT text FROM Tip").all() as { text: string }[];
    db.close();
    expect(tips).toHaveLength(CITIZENS);
    for (let i = 0; i < CITIZENS; i++) expect(tips.filter((t) => t.text === `Tin số ${i}: bán ma túy ở bến xe.`), `tip ${i}`).toHaveLength(1);

    const byCase = new Map<string, number>();
    for (const c of alerts()) {
      const caseNumber = /HONGLOC-\d+/.exec(String(c.payload.text))![0];
      byCase.set(caseNumber, (byCase.get(caseNumber) ?? 0) + 1);
    }
    expect(byCase.size).toBe(CITIZENS);
    for (const [caseNumber, count] of byCase) {
      const mayRepeat = inFlight.some((text) => text.includes(caseNumber));
      expect(count, `alert ${caseNumber}`).toBe(mayRepeat ? expect.any(Number) : 1);
      expect(count).toBeLessThanOrEqual(2);
    }
    // Each citizen got their receipt code once.
    const receipts = fake.calls.filter((c) => c.method === "sendMessage" && String(c.payload.text).includes("Mã tiếp nhận của bạn"));
    const perChat = new Map<string, number>();
    for (const r of receipts) perChat.set(String(r.payload.chat_id), (perChat.get(String(r.payload.chat_id)) ?? 0) + 1);
    expect(perChat.size).toBe(CITIZENS);
    const repeats = [...perChat.values()].filter((n) => n > 1).length;
    expect(repeats).toBeLessThanOrEqual(inFlight.filter((t) => t.includes("Mã tiếp nhận")).length);
  }, 180_000);
});
