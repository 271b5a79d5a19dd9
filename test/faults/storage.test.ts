// Storage trouble while the server runs as a separate process: another process holding SQLite's
// write lock, a disk that fills up, and a mount that is read-only when the server starts. Requests wait or get a status the platform retries (503),
// the health check and the log say what is wrong, and nothing answered 200 is lost or corrupted.
import { execFileSync, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startFakeTelegram, textUpdate, type FakeTelegram, type TestUser } from "../helpers/fake-telegram.js";
import { createPoster, freePort, startChild, waitUntil, type ChildServer } from "../helpers/server-process.js";

const SECRET = "storage_fault_secret";
const require = createRequire(import.meta.url);
let fake: FakeTelegram;
let server: ChildServer | undefined;

beforeAll(async () => {
  fake = await startFakeTelegram();
});
afterEach(async () => {
  server?.process.kill("SIGKILL");
  await server?.exited;
  server = undefined;
});
afterAll(async () => {
  await fake.close();
});

function envFor(dbPath: string): Record<string, string> {
  return {
    DATABASE_URL: `file:${dbPath}`,
    APP_ENV: "development",
    DEMO_MODE: "off",
    LOG_LEVEL: "info",
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
  };
}

async function startOn(dbPath: string): Promise<{ port: number; child: ChildServer }> {
  const port = await freePort();
  const child = await startChild("src/node.ts", { ...envFor(dbPath), PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` }, /is running/);
  return { port, child };
}

/** Stops the server cleanly (SIGTERM), as an operator would. */
async function stopServer(): Promise<void> {
  server?.process.kill("SIGTERM");
  await server?.exited;
  server = undefined;
}

/** Opens the file as the server left it: SQLite's integrity check must pass. */
function openIntact(dbPath: string): Database.Database {
  const db = new Database(dbPath, { readonly: true });
  expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
  return db;
}

let userSeq = 0;
const helpUpdates = (n: number) =>
  Array.from({ length: n }, () => {
    const user: TestUser = { id: 5_200_000_000 + ++userSeq, is_bot: false, first_name: "Người dân" };
    return { user, body: JSON.stringify(textUpdate("/trogiup", { user })), status: 0 };
  });

const repliedTo = (user: TestUser) => fake.calls.some((c) => c.method === "sendMessage" && String(c.payload.chat_id) === String(user.id));

/** Another process takes SQLite's write lock (BEGIN IMMEDIATE) and holds it. */
function holdWriteLock(dbPath: string, ms: number): Promise<void> {
  const script = `const D=require(${JSON.stringify(require.resolve("better-sqlite3"))});const db=new D(${JSON.stringify(dbPath)});db.exec("BEGIN IMMEDIATE");db.prepare("UPDATE HealthProbe SET at=at").run();console.log("locked");setTimeout(()=>{db.exec("COMMIT");db.close();process.exit(0)},${ms});`;
  return new Promise((resolveLock, reject) => {
    const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
    child.stdout.once("data", () => resolveLock());
    child.once("exit", (code) => (code === 0 ? undefined : reject(new Error(`lock holder exited ${code}`))));
  });
}

describe("another process holds the write lock", () => {
  const dir = mkdtempSync(join(tmpdir(), "phaodai-busy-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("makes webhooks wait for a short lock and answer 503 for a long one; retries then succeed and nothing is lost", async () => {
    const dbPath = join(dir, "busy.db");
    const { port, child } = await startOn(dbPath);
    server = child;
    const client = createPoster(port, "/telegram/webhook", { "X-Telegram-Bot-Api-Secret-Token": SECRET }, 10);
    await fetch(`http://127.0.0.1:${port}/health`); // the probe row exists

    // A short lock (1 s, under the 2 s busy timeout): requests wait, then succeed.
    const short = helpUpdates(5);
    await holdWriteLock(dbPath, 1000);
    await Promise.all(short.map(async (u) => (u.status = (await client.post(u.body)).status)));
    expect(short.map((u) => u.status)).toEqual([200, 200, 200, 200, 200]);

    // A long lock (5 s, over the server's 2 s busy timeout): requests are answered 503 — Telegram
    // retries those — while one that arrives as the lock ends goes through.
    const long = helpUpdates(3);
    await holdWriteLock(dbPath, 5000);
    await Promise.all(long.map(async (u) => (u.status = (await client.post(u.body)).status)));
    expect(long.every((u) => u.status === 503 || u.status === 200)).toBe(true);
    expect(long.filter((u) => u.status === 503).length).toBeGreaterThanOrEqual(1);
    expect(child.output()).toContain('"reason":"busy"');
    // The health check says so too. The lock outlasts a few of the server's 2 s busy waits: a
    // background query blocked on it holds the event loop, and the probe must still meet the lock.
    await holdWriteLock(dbPath, 7000);
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ ok: false, database: "busy" });

    // The lock is gone: the platform's retries go through, and every update gets its answer once.
    await waitUntil(async () => (await fetch(`http://127.0.0.1:${port}/health`)).status === 200, 15_000, "healthy again");
    for (const u of long.filter((x) => x.status !== 200)) expect((await client.post(u.body)).status).toBe(200);
    await waitUntil(() => [...short, ...long].every((u) => repliedTo(u.user)), 30_000, "every answer");
    client.close();
    openIntact(dbPath).close();
  }, 90_000);
});

function canMount(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), "phaodai-mountprobe-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe], { stdio: "ignore" });
    execFileSync("umount", [probe], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}
const mountable = canMount();
if (!mountable) console.warn("Full-disk and read-only tests skipped: mounting a small tmpfs needs root (CI runs as root).");

/** A tmpfs of `sizeMiB` for the enclosing describe: mounted before its tests, gone after them. */
function smallMount(prefix: string, sizeMiB: number): string {
  const mnt = mkdtempSync(join(tmpdir(), prefix));
  beforeAll(() => {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${sizeMiB}m`, "tmpfs", mnt]);
  });
  afterAll(() => {
    try {
      execFileSync("umount", ["-l", mnt]);
    } catch {
      // already gone
    }
    rmSync(mnt, { recursive: true, force: true });
  });
  return mnt;
}

describe.skipIf(!mountable)("the disk fills up", () => {
  const mnt = smallMount("phaodai-full-", 12);

  it("answers 503 while full, says disk_full in the health check and the log, and recovers when space is freed", async () => {
    mkdirSync(join(mnt, "data"), { recursive: true });
    const dbPath = join(mnt, "data", "full.db");
    const { port, child } = await startOn(dbPath);
    server = child;
    const client = createPoster(port, "/telegram/webhook", { "X-Telegram-Bot-Api-Secret-Token": SECRET }, 10);
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    const before = helpUpdates(3);
    for (const u of before) expect((u.status = (await client.post(u.body)).status)).toBe(200);
    await waitUntil(() => before.every((u) => repliedTo(u.user)), 20_000, "answers before the disk fills");

    // Fill the disk to the last byte.
    const filler = join(mnt, "filler.bin");
    try {
      execFileSync("dd", ["if=/dev/zero", `of=${filler}`, "bs=64k"], { stdio: "ignore" });
    } catch {
      // dd stops with "No space left on device", as intended
    }
    // Writes now fail once SQLite needs a new page; keep writing until the health check notices.
    const during = helpUpdates(40);
    let sawFull = false;
    for (const u of during) {
      u.status = (await client.post(u.body)).status;
      expect([200, 503]).toContain(u.status);
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      if (health.status === 503) {
        expect(((await health.json()) as { database: string }).database).toBe("disk_full");
        sawFull = true;
        break;
      }
    }
    expect(sawFull).toBe(true);
    expect(child.output()).toContain('"reason":"disk_full"');
    expect(child.output()).toContain("The disk holding the database is full");

    // Space comes back: health recovers, the platform's retries are taken, and every update is answered.
    rmSync(filler);
    await waitUntil(async () => (await fetch(`http://127.0.0.1:${port}/health`)).status === 200, 15_000, "healthy again");
    const sent = during.filter((u) => u.status !== 0);
    for (const u of sent.filter((x) => x.status !== 200)) expect((await client.post(u.body)).status).toBe(200);
    await waitUntil(() => sent.every((u) => repliedTo(u.user)), 60_000, "every answer after recovery");
    client.close();
    await stopServer();
    openIntact(dbPath).close();
    writeFileSync(join(mnt, "done"), "");
  }, 120_000);
});

describe.skipIf(!mountable)("the database is read-only at start", () => {
  const mnt = smallMount("phaodai-ro-", 16);

  it("listens anyway, says read_only in the health check and the log, answers 503, and starts for real once the mount is writable", async () => {
    mkdirSync(join(mnt, "data"), { recursive: true });
    const dbPath = join(mnt, "data", "ro.db");
    const first = await startOn(dbPath);
    server = first.child;
    const client = createPoster(first.port, "/telegram/webhook", { "X-Telegram-Bot-Api-Secret-Token": SECRET }, 10);
    const before = helpUpdates(3);
    for (const u of before) expect((await client.post(u.body)).status).toBe(200);
    await waitUntil(() => before.every((u) => repliedTo(u.user)), 20_000, "answers before the mount turns read-only");
    client.close();
    await stopServer();

    // The operator's mount goes read-only (as a kernel does after disk errors) while the server is down.
    execFileSync("mount", ["-o", "remount,ro", mnt]);
    const port = await freePort();
    const child = await startChild("src/node.ts", { ...envFor(dbPath), PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` }, /storage\.unavailable_at_start/);
    server = child;
    expect(child.output()).toContain('"reason":"read_only"');
    expect(child.output()).toContain("The database file or its folder is read-only");
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(health.status).toBe(503);
    expect(((await health.json()) as { database: string }).database).toBe("read_only");
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(page.status).toBe(503);
    expect(await page.text()).toContain("tạm thời chưa nhận được tin");

    // Webhooks are refused with a status the platform retries; nothing is taken in.
    const during = helpUpdates(5);
    const retrying = createPoster(port, "/telegram/webhook", { "X-Telegram-Bot-Api-Secret-Token": SECRET }, 10);
    for (const u of during) {
      const res = await retrying.post(u.body);
      expect(res.status).toBe(503);
    }

    // The mount is fixed: the server opens the database by itself and takes the platform's retries.
    execFileSync("mount", ["-o", "remount,rw", mnt]);
    await waitUntil(async () => (await fetch(`http://127.0.0.1:${port}/health`)).status === 200, 20_000, "healthy after the mount is writable");
    expect(child.output()).toContain("storage.recovered");
    for (const u of during) expect((await retrying.post(u.body)).status).toBe(200);
    await waitUntil(() => during.every((u) => repliedTo(u.user)), 30_000, "every answer after recovery");
    retrying.close();
    await stopServer();
    const db = openIntact(dbPath);
    expect((db.prepare("SELECT COUNT(*) AS n FROM InboundUpdate WHERE channel = 'telegram'").get() as { n: number }).n).toBe(before.length + during.length);
    db.close();
  }, 120_000);
});
