// A fan-out killed mid-way and restarted: a real second process (node + tsx) runs the bulletin job
// and the dispatcher on the same SQLite file against the fake Bot API and is killed with SIGKILL,
// first while the fan-out is being queued, then while messages are going out (a row claimed but not
// sent). A third run finishes the work. Every village head and subscriber gets exactly one copy:
// nobody twice, nobody missed, and the slot's counts are not inflated by the repeated work.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKeyring, randomKeyText, type Keyring } from "../../src/crypto/keys.js";
import { addressTagOf, pseudonymOf, sealAddress } from "../../src/crypto/pseudonym.js";
import { openNodeDatabase } from "../../src/db/node.js";
import type { Db } from "../../src/db/client.js";
import { createLogger } from "../../src/log.js";
import { importPlacesCsv } from "../../src/places/import.js";
import { SAMPLE_PLACES_CSV } from "../../src/node.js";
import { runBulletinTick } from "../../src/bulletins/tick.js";
import { dispatchDue } from "../../src/outbox/dispatcher.js";
import { createTelegramBot } from "../../bots/telegram/bot.js";
import { createTelegramSender } from "../../bots/telegram/sender.js";
import { startFakeTelegram, type FakeTelegram } from "../helpers/fake-telegram.js";
import { vnTime } from "../helpers/bulletins.js";

const SUBSCRIBERS = 300;
const HEAD_CHATS = [7_700_001, 7_700_002, 7_700_003];
const SUBSCRIBER_CHAT = (i: number) => 9_100_000 + i;
const child = resolve(import.meta.dirname, "../helpers/bulletin-child.ts");

let dir: string;
let db: Db;
let keys: Keyring;
let fake: FakeTelegram;
const keyText = { pseudonym: randomKeyText(), vault: randomKeyText() };

function runChild(vars: Record<string, string>): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((done) => {
    const proc = spawn(process.execPath, ["--import", "tsx", child], {
      env: {
        ...process.env,
        DB_PATH: join(dir, "restart.db"),
        PSEUDONYM_KEY: keyText.pseudonym,
        VAULT_KEY: keyText.vault,
        TG_TOKEN: fake.token,
        TG_API_ROOT: fake.apiRoot,
        TG_BOT_INFO: JSON.stringify(fake.bot),
        NOW: vnTime("2026-11-23 06:30").toISOString(),
        ...vars,
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    proc.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    proc.on("exit", (code, signal) => done({ code, signal, stderr }));
  });
}

const bulletinCalls = () => fake.callsTo("sendMessage").filter((c) => String(c.payload.text).includes("ản tin phòng, chống ma túy") || String(c.payload.text).includes("BẢN TIN PHÒNG"));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "phaodai-restart-"));
  db = openNodeDatabase(`file:${join(dir, "restart.db")}`);
  keys = await createKeyring(keyText.pseudonym, keyText.vault);
  fake = await startFakeTelegram();
  await importPlacesCsv(db, readFileSync(SAMPLE_PLACES_CSV, "utf8"), { isSample: true });
  const commune = await db.commune.findUniqueOrThrow({ where: { code: "LUNGPHINH" }, include: { villages: { orderBy: { code: "asc" } } } });
  for (const [i, chatId] of HEAD_CHATS.entries()) {
    const address = { channel: "telegram", chatId: String(chatId) };
    await db.staff.create({
      data: { pseudonym: await pseudonymOf(keys, "telegram", String(chatId)), channel: "telegram", sealedAddress: await sealAddress(keys, address), displayName: `Trưởng thôn ${i + 1}`, role: "village_head", communeId: commune.id, villageId: commune.villages[i]!.id },
    });
  }
  const rows = [];
  for (let i = 0; i < SUBSCRIBERS; i++) {
    const address = { channel: "telegram", chatId: String(SUBSCRIBER_CHAT(i)) };
    rows.push({
      pseudonym: await pseudonymOf(keys, "telegram", address.chatId),
      channel: "telegram",
      sealedAddress: await sealAddress(keys, address),
      addressTag: await addressTagOf(keys, address),
      communeId: commune.id,
      language: i % 2 === 0 ? "vie" : "hnj",
      lastIncomingAt: vnTime("2026-11-20 12:00"),
    });
  }
  await db.bulletinSubscription.createMany({ data: rows });
  // Catalog and schedules exist before the slot, as on a running server.
  await runBulletinTick({ db, keys, log: createLogger("error", () => undefined), now: () => vnTime("2026-11-23 06:00") });
});

afterAll(async () => {
  await db.$disconnect();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("a fan-out killed mid-way and restarted", () => {
  it("is killed while queuing: nothing sent yet, part of the fan-out queued, the cursor not moved past it", async () => {
    const run = await runChild({ KILL_AFTER_ENQUEUES: "3" });
    expect(run.signal, run.stderr).toBe("SIGKILL");
    expect(bulletinCalls()).toHaveLength(0);
    // The village heads' rows are written together in one statement first, then the subscribers' 50
    // to a statement: killed after the third, the heads and 100 subscribers are queued.
    expect(await db.outboxMessage.count({ where: { dedupeKey: { startsWith: "b:" } } })).toBe(100 + HEAD_CHATS.length);
    const slot = await db.bulletinSlot.findFirstOrThrow({ where: { status: "sending" } });
    expect(slot.subscriberCursor).toBe(0);
    expect(slot.subscribersQueued).toBe(0);
  });

  it("is killed again while sending, with a message claimed but not sent", async () => {
    const run = await runChild({ KILL_AFTER_CLAIMS: "91" });
    expect(run.signal, run.stderr).toBe("SIGKILL");
    expect(bulletinCalls()).toHaveLength(90);
    expect(await db.outboxMessage.count({ where: { dedupeKey: { startsWith: "b:" } } })).toBe(SUBSCRIBERS + HEAD_CHATS.length);
    expect(await db.outboxMessage.count({ where: { status: "pending", claimedUntil: { not: null } } })).toBe(1);
  });

  it("finishes after the restart: every recipient exactly once, nobody missed", async () => {
    const bot = createTelegramBot({ token: fake.token, apiRoot: fake.apiRoot, botInfo: fake.bot });
    // Two minutes later: the dead process's claim has expired.
    const deps = { db, keys, log: createLogger("error", () => undefined), now: () => vnTime("2026-11-23 06:32"), senders: { telegram: createTelegramSender(bot.api) } };
    await runBulletinTick(deps, { fanOutBudget: 100_000 });
    while ((await dispatchDue(deps)) > 0);
    await runBulletinTick(deps, { fanOutBudget: 100_000 });
    while ((await dispatchDue(deps)) > 0);

    const perChat = new Map<string, number>();
    for (const call of bulletinCalls()) perChat.set(String(call.payload.chat_id), (perChat.get(String(call.payload.chat_id)) ?? 0) + 1);
    const expected = [...HEAD_CHATS.map(String), ...Array.from({ length: SUBSCRIBERS }, (_, i) => String(SUBSCRIBER_CHAT(i)))];
    expect([...perChat.keys()].sort()).toEqual(expected.sort());
    expect([...perChat.values()].every((n) => n === 1)).toBe(true);

    const slot = await db.bulletinSlot.findFirstOrThrow({ where: { communeId: (await db.commune.findUniqueOrThrow({ where: { code: "LUNGPHINH" } })).id } });
    expect(slot).toMatchObject({ status: "sent", subscribersQueued: SUBSCRIBERS, subscribersSkipped: 0 });
    expect(await db.outboxMessage.count({ where: { dedupeKey: { startsWith: "b:" }, status: { not: "sent" } } })).toBe(0);
    expect(await db.bulletinDelivery.count({ where: { slotId: slot.id } })).toBe(5);
  });
});
