// The Workers build in workerd (wrangler dev, local D1 with the same SQL migrations): a Telegram
// webhook conversation files a tip that ends up stored in D1 and announced to the fake Bot API,
// and a web chat picture is re-encoded by photon's workerd build before it is stored: its bytes in
// the local R2 bucket (wrangler.toml's MEDIA), its D1 row with none, an officer's sealed link serving it; the console's
// admin pages run there too, down to the posters' PDF.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { d1Query, r2Object, startLocalWorker, type LocalWorker } from "../helpers/workerd.js";
import { createKeyring, randomKeyText } from "../../src/crypto/keys.js";
import { pseudonymOf, sealAddress } from "../../src/crypto/pseudonym.js";
import { callbackUpdate, GROUP_CHAT, startFakeTelegram, textUpdate, TIPSTER, type FakeTelegram } from "../helpers/fake-telegram.js";
import { PhotonImage } from "@cf-wasm/photon";
import { fixture, plantedIn } from "../helpers/images.js";
import { viWeb } from "../../src/i18n/vi-web.js";
import { avFixture } from "../helpers/av.js";
import { freshProof, webTicket, type Fetch } from "../helpers/pow.js";
import { captureAdmin } from "../helpers/admin-cli.js";
import { SAMPLE_PLACES_CSV } from "../../src/node.js";
import { pdfText as readPdf } from "../helpers/pdf-text.js";
import { sealMediaLink } from "../../src/media/links.js";
import { DEFAULT_MAX_VIDEO_BYTES } from "../../src/media/uploads.js";
import { MESSAGES_PER_MINUTE } from "../../bots/webchat/api.js";

const SECRET = "workerd_test_secret";
const keyText = { pseudonym: randomKeyText(), vault: randomKeyText() };
/** An officer of Hồng Lộc on Telegram, seeded as staff: the console's sign-in runs on workerd and D1. */
const OFFICER = { id: 5_550_042, is_bot: false, first_name: "Công An" };
/** A province admin of Hà Tĩnh on Telegram: the console's admin pages run on workerd and D1 too. */
const ADMIN = { id: 5_550_077, is_bot: false, first_name: "Quản Trị" };
/** Every other role of the console, seeded on Telegram: each signs in and uses its main page on D1. */
const ROLE_USERS = {
  leader: { id: 5_550_101, is_bot: false, first_name: "Lãnh Đạo" },
  village_head: { id: 5_550_102, is_bot: false, first_name: "Trưởng Thôn" },
  reporting_unit: { id: 5_550_103, is_bot: false, first_name: "Trạm Y Tế" },
  translator: { id: 5_550_104, is_bot: false, first_name: "Người Dịch" },
  business_contact: { id: 5_550_105, is_bot: false, first_name: "Chủ Nhà Nghỉ" },
};
const prismaDate = (d: Date) => d.toISOString().replace("Z", "+00:00");
/** Signs the admin command line's requests to this Worker (`npm run admin -- --remote <url> …`). */
const ADMIN_API_KEY = randomKeyText();

let persistTo: string;
let fake: FakeTelegram;
let worker: LocalWorker | null = null;

beforeAll(async () => {
  fake = await startFakeTelegram();
  const keys = await createKeyring(keyText.pseudonym, keyText.vault);
  const officer = { pseudonym: await pseudonymOf(keys, "telegram", String(OFFICER.id)), sealed: await sealAddress(keys, { channel: "telegram", chatId: String(OFFICER.id) }) };
  const admin = { pseudonym: await pseudonymOf(keys, "telegram", String(ADMIN.id)), sealed: await sealAddress(keys, { channel: "telegram", chatId: String(ADMIN.id) }) };
  const staffRow = async (user: { id: number; first_name: string }, role: string, extra: Record<string, string | number>) => {
    const columns = { pseudonym: await pseudonymOf(keys, "telegram", String(user.id)), channel: "telegram", sealedAddress: await sealAddress(keys, { channel: "telegram", chatId: String(user.id) }), displayName: user.first_name, role, communeId: 1, ...extra };
    return `INSERT INTO Staff (${Object.keys(columns).join(", ")}) VALUES (${Object.values(columns).map((v) => (typeof v === "number" ? String(v) : `'${v}'`)).join(", ")}); `;
  };
  const roleRows =
    `INSERT INTO Audience (communeId, kind, name, createdAt) VALUES (1, 'business', 'Nhà nghỉ Bình Minh', '${prismaDate(new Date())}'); ` +
    (await staffRow(ROLE_USERS.leader, "leader", {})) +
    (await staffRow(ROLE_USERS.village_head, "village_head", { villageId: 1 })) +
    (await staffRow(ROLE_USERS.reporting_unit, "reporting_unit", { unitKind: "health_station" })) +
    (await staffRow(ROLE_USERS.translator, "translator", {})) +
    (await staffRow(ROLE_USERS.business_contact, "business_contact", { audienceId: 1 }));
  worker = await startLocalWorker({
    name: "worker",
    seedSql:
      "INSERT INTO Province (code, name) VALUES ('HTI', 'Hà Tĩnh'); " +
      "INSERT INTO Commune (code, name, searchName, provinceId) VALUES ('HONGLOC', 'Hồng Lộc', 'hong loc', 1); " +
      "INSERT INTO Village (code, name, communeId) VALUES ('HL-01', 'Thôn Thượng Phú', 1); " +
      `INSERT INTO Staff (pseudonym, channel, sealedAddress, displayName, role, communeId) VALUES ('${officer.pseudonym}', 'telegram', '${officer.sealed}', 'Đ/c Công An', 'officer', 1); ` +
      `INSERT INTO Staff (pseudonym, channel, sealedAddress, displayName, role, provinceId) VALUES ('${admin.pseudonym}', 'telegram', '${admin.sealed}', 'Đ/c Quản Trị', 'admin', 1); ` +
      roleRows,
    vars: {
      PSEUDONYM_KEY: keyText.pseudonym,
      VAULT_KEY: keyText.vault,
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      PUBLIC_URL: "https://phaodai.example",
      ZALO_OA_URL: "https://zalo.me/1234567890",
      // The in-memory fallback far above the binding's limit: only Cloudflare's counting can hold a tip.
      WEB_TIPS_PER_NETWORK_PER_MINUTE: "100",
      ADMIN_API_KEY,
      // The Worker's D1 statements per request (worker.statements) are logged at debug.
      LOG_LEVEL: "debug",
    },
  });
  ({ persistTo } = worker);
}, 180_000);

afterAll(async () => {
  await worker?.stop();
  await fake?.close();
});

async function post(update: unknown, secret = SECRET): Promise<Response> {
  return worker!.fetch(`/telegram/webhook`, {
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
  const deadline = Date.now() + 60_000;
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

  it("handles one chat's updates one at a time: a double-pressed 'Gửi tin báo' is one tip with one receipt code", async () => {
    const user = { ...TIPSTER, id: TIPSTER.id + 17, username: "bam_hai_lan_2026", first_name: "Người bấm hai lần" };
    const toUser = () => fake.calls.filter((c) => String(c.payload.chat_id) === String(user.id)).map((c) => String(c.payload.text ?? ""));
    const say = async (update: unknown, expected: string) => {
      const before = toUser().length;
      expect((await post(update)).status).toBe(200);
      await expect.poll(() => toUser().slice(before).join("\n"), { timeout: 60_000, interval: 100 }).toContain(expected);
    };
    await say(textUpdate("/start", { user }), "Bước 1/5");
    await say(textUpdate("hong loc", { user }), "Bước 2/5");
    await say(callbackUpdate("c:1", { user }), "Bước 2/5");
    await say(callbackUpdate("k:trafficking", { user }), "Bước 3/5");
    await say(callbackUpdate("v:1", { user }), "Bước 4/5");
    await say(textUpdate("Hai người lạ giao hàng ở cầu treo lúc nửa đêm.", { user }), "Bước 5/5");
    await say(callbackUpdate("m:continue", { user }), "Xem lại tin báo");

    const tipsBefore = d1Query<{ n: number }>(persistTo, "SELECT count(*) AS n FROM Tip")[0]!.n;
    // Both presses arrive together, as from an impatient thumb: each request starts its own pass.
    const [first, second] = await Promise.all([post(callbackUpdate("s:submit", { user })), post(callbackUpdate("s:submit", { user }))]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const idle = () =>
      d1Query<{ n: number }>(persistTo, "SELECT (SELECT count(*) FROM InboundUpdate WHERE status IN ('pending', 'processing')) + (SELECT count(*) FROM OutboxMessage WHERE status = 'pending') AS n")[0]!.n;
    await expect.poll(idle, { timeout: 60_000, interval: 200 }).toBe(0);
    expect(d1Query<{ n: number }>(persistTo, "SELECT count(*) AS n FROM Tip")[0]!.n).toBe(tipsBefore + 1);
    expect(toUser().filter((t) => /Mã tiếp nhận của bạn: [A-Z0-9]{4}-[A-Z0-9]{4}/.test(t))).toHaveLength(1);
    // Handled: no pseudonym stays in the queue's lane column.
    expect(d1Query<{ n: number }>(persistTo, "SELECT count(*) AS n FROM InboundUpdate WHERE lane IS NOT NULL")[0]!.n).toBe(0);
  }, 180_000);

  it("re-encodes a web chat picture in workerd before it is stored in R2, and refuses one that does not decode", async () => {
    // A session first: the worker asks the same proof of work as the server (solved at the default cost).
    const ticket = await webTicket(worker!.fetch, "w".repeat(40));
    const upload = (name: string) =>
      worker!.fetch(`/webchat/api/upload`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Chat-Ticket": ticket },
        body: JSON.stringify({ token: "w".repeat(40), mime: "image/jpeg", dataBase64: Buffer.from(fixture(name)).toString("base64") }),
      });
    const ok = await upload("gps.jpg");
    expect(ok.status).toBe(200);
    const { uploadId } = (await ok.json()) as { uploadId: string };
    expect(uploadId).toMatch(/^[0-9a-f]{32}$/);
    const [row] = d1Query<{ mime: string; inRow: number }>(persistTo, `SELECT mime, bytes IS NOT NULL AS inRow FROM WebUpload WHERE publicId = '${uploadId}'`);
    expect(row).toEqual({ mime: "image/jpeg", inRow: 0 });
    const bytes = r2Object(persistTo, uploadId)!;
    expect(plantedIn(fixture("gps.jpg")).length).toBeGreaterThan(5);
    expect(plantedIn(bytes)).toEqual([]);
    const image = PhotonImage.new_from_byteslice(bytes);
    expect([image.get_width(), image.get_height()]).toEqual([64, 48]);
    image.free();
    const refused = await upload("garbage.jpg");
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { error: string }).error).toBe(viWeb.server.unsafeUpload);
  });

  it("stores a web chat voice recording in R2 as clean Ogg Opus, and takes videos up to Node's 10 MB", async () => {
    const token = "v".repeat(40);
    const ticket = await webTicket(worker!.fetch, token);
    const upload = (kind: string, bytes: Uint8Array) =>
      worker!.fetch(`/webchat/api/upload`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Chat-Ticket": ticket },
        body: JSON.stringify({ token, kind, dataBase64: Buffer.from(bytes).toString("base64") }),
      });
    const ok = await upload("voice", avFixture("tagged-voice.webm"));
    expect(ok.status).toBe(200);
    const { uploadId } = (await ok.json()) as { uploadId: string };
    const [row] = d1Query<{ mime: string; inRow: number }>(persistTo, `SELECT mime, bytes IS NOT NULL AS inRow FROM WebUpload WHERE publicId = '${uploadId}'`);
    expect(row).toEqual({ mime: "audio/ogg", inRow: 0 });
    const bytes = Buffer.from(r2Object(persistTo, uploadId)!).toString("latin1");
    expect(bytes.startsWith("OggS")).toBe(true);
    expect(bytes).not.toContain("Nguyen Van Tipster");
    // With R2 a D1 row no longer bounds a video: the limit is Node's.
    const big = await upload("video", new Uint8Array(DEFAULT_MAX_VIDEO_BYTES + 16));
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: string }).error).toBe(viWeb.server.videoTooLarge("10"));
    expect(await (await worker!.fetch("/")).text()).toContain(`data-max-video="${DEFAULT_MAX_VIDEO_BYTES}"`);
  });

  it("files a web chat photo tip on Workers: the picture in R2, none in D1, the officer's sealed link serves it", async () => {
    const token = "p".repeat(40);
    const ticket = await webTicket(worker!.fetch, token);
    let after = 0;
    const send = async (body: Record<string, unknown>) => {
      const at = (extra: Record<string, unknown>) =>
        worker!.fetch("/webchat/api/send", { method: "POST", headers: { "Content-Type": "application/json", "X-Chat-Ticket": ticket }, body: JSON.stringify({ token, ...body, ...extra }) });
      let res = await at({});
      if (res.status === 428) res = await at({ proof: await freshProof(worker!.fetch) });
      expect(res.status, JSON.stringify(body)).toBe(202);
    };
    const answer = async (needle: string) =>
      expect
        .poll(
          async () => {
            const { messages } = (await (await worker!.fetch(`/webchat/api/messages?after=${after}`, { headers: { "X-Chat-Token": token } })).json()) as { messages: { id: number; text: string }[] };
            const hit = messages.find((m) => m.text.includes(needle));
            if (hit) after = Math.max(...messages.map((m) => m.id));
            return Boolean(hit);
          },
          { timeout: 60_000, interval: 150 },
        )
        .toBe(true);
    const up = await worker!.fetch("/webchat/api/upload", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Chat-Ticket": ticket },
      body: JSON.stringify({ token, mime: "image/jpeg", dataBase64: Buffer.from(fixture("gps.jpg")).toString("base64") }),
    });
    expect(up.status).toBe(200);
    const { uploadId } = (await up.json()) as { uploadId: string };
    const steps: Array<[Record<string, unknown>, string]> = [
      [{ text: "/start" }, "Bước 1/5"],
      [{ choice: "c:1" }, "Bước 2/5"],
      [{ choice: "k:production" }, "Bước 3/5"],
      [{ choice: "v:1" }, "Bước 4/5"],
      [{ text: "Có xưởng lạ ở cuối thôn, ảnh chụp chiều nay." }, "Bước 5/5"],
      [{ uploadId }, "Tiếp tục"],
      [{ choice: "m:continue" }, "Xem lại tin báo"],
      [{ choice: "s:submit" }, "Mã tiếp nhận của bạn"],
    ];
    for (const [body, needle] of steps) {
      await send(body);
      await answer(needle);
    }
    const [row] = d1Query<{ tipId: number | null; inRow: number; size: number }>(persistTo, `SELECT tipId, bytes IS NOT NULL AS inRow, size FROM WebUpload WHERE publicId = '${uploadId}'`);
    expect(row!.tipId).not.toBeNull();
    expect(row!.inRow).toBe(0);
    const stored = r2Object(persistTo, uploadId)!;
    expect(stored.length).toBe(row!.size);
    // The link the officer's Zalo Bot or a report would carry: sealed with the vault key, naming its recipient.
    const keys = await createKeyring(keyText.pseudonym, keyText.vault);
    const link = await sealMediaLink(keys, "https://phaodai.example", { kind: "photo", channel: "web", webUploadId: uploadId, webLink: { tipId: row!.tipId! } }, new Date(), { channel: "telegram", chatId: String(OFFICER.id) });
    const served = await worker!.fetch(new URL(link).pathname);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/jpeg");
    const image = PhotonImage.new_from_byteslice(new Uint8Array(await served.arrayBuffer()));
    expect([image.get_width(), image.get_height()]).toEqual([64, 48]);
    image.free();
    // Another tip's link to this picture is refused.
    const wrong = await sealMediaLink(keys, "https://phaodai.example", { kind: "photo", channel: "web", webUploadId: uploadId, webLink: { tipId: row!.tipId! + 1000 } }, new Date(), { channel: "telegram", chatId: String(OFFICER.id) });
    expect((await worker!.fetch(new URL(wrong).pathname)).status).toBe(404);
  }, 180_000);

  it("in a group, answers a command addressed to this bot and ignores one for another bot (username from getMe, kept in D1)", async () => {
    const toGroup = () => fake.calls.filter((c) => String(c.payload.chat_id) === String(GROUP_CHAT.id)).map((c) => String(c.payload.text));
    const busy = () =>
      d1Query<{ n: number }>(persistTo, "SELECT (SELECT count(*) FROM InboundUpdate WHERE status IN ('pending', 'processing')) + (SELECT count(*) FROM OutboxMessage WHERE status = 'pending') AS n")[0]!.n;
    expect((await post(textUpdate("/start@OtherBot", { chat: GROUP_CHAT }))).status).toBe(200);
    // Handled and nothing left to send: the other bot's command got no answer here.
    await expect.poll(busy, { timeout: 60_000, interval: 200 }).toBe(0);
    expect(toGroup()).toEqual([]);
    expect((await post(textUpdate("/start@PhaoDaiBot", { chat: GROUP_CHAT }))).status).toBe(200);
    await expect.poll(toGroup, { timeout: 60_000, interval: 100 }).toHaveLength(1);
    expect(toGroup()[0]).toContain("nhắn riêng cho bot");
    expect(d1Query<{ username: string }>(persistTo, "SELECT username FROM BotIdentity WHERE channel = 'telegram'")).toEqual([{ username: "PhaoDaiBot" }]);
  });

  it("holds web tips beyond the network limit, counted by Cloudflare's rate limiting binding, and still gives each a receipt", async () => {
    const at: Fetch = worker!.fetch;
    // Cloudflare sets this header on every request it forwards (a client cannot choose it); local
    // wrangler dev does not, so the test sets it as Cloudflare would for one household's network.
    const CLIENT = { "CF-Connecting-IP": "203.0.113.7" };
    /** A web tip as the page files it, up to its confirmation: a session paid with a proof, each step answered. */
    async function draft(n: number) {
      const token = `${crypto.randomUUID()}${crypto.randomUUID()}`.replace(/-/g, "");
      const ticket = await webTicket(at, token);
      let after = 0;
      const send = async (body: Record<string, unknown>) => {
        const post = (extra: Record<string, unknown>) =>
          at("/webchat/api/send", { method: "POST", headers: { "Content-Type": "application/json", "X-Chat-Ticket": ticket, ...CLIENT }, body: JSON.stringify({ token, ...body, ...extra }) });
        let res = await post({});
        if (res.status === 428) res = await post({ proof: await freshProof(at) });
        expect(res.status, JSON.stringify(body)).toBe(202);
      };
      const answer = async (needle: string) => {
        await expect
          .poll(
            async () => {
              const res = await at(`/webchat/api/messages?after=${after}`, { headers: { "X-Chat-Token": token } });
              const { messages } = (await res.json()) as { messages: { id: number; text: string }[] };
              const hit = messages.find((m) => m.text.includes(needle));
              if (hit) after = Math.max(...messages.map((m) => m.id));
              return Boolean(hit);
            },
            { timeout: 60_000, interval: 150 },
          )
          .toBe(true);
      };
      const steps: Array<[Record<string, unknown>, string]> = [
        [{ text: "/start" }, "Bước 1/5"],
        [{ choice: "c:1" }, "Bước 2/5"],
        [{ choice: "k:production" }, "Bước 3/5"],
        [{ choice: "v:1" }, "Bước 4/5"],
        [{ text: `Tin số ${n}: có xưởng lạ hoạt động ban đêm ở cuối thôn.` }, "Bước 5/5"],
        [{ choice: "m:continue" }, "Xem lại tin báo"],
      ];
      for (const [body, needle] of steps) {
        await send(body);
        await answer(needle);
      }
      return { submit: () => send({ choice: "s:submit" }), receipt: () => answer("Mã tiếp nhận của bạn") };
    }
    // wrangler.toml's binding: 3 tips a minute per network; the fourth from the same place is held,
    // not refused. The binding counts in fixed minutes: four submits that straddle a minute's turn
    // are tried again with four new drafts (it says nothing about the rule).
    for (let attempt = 0; attempt < 3; attempt++) {
      const before = d1Query<{ n: number }>(persistTo, "SELECT count(*) AS n FROM Tip WHERE channel = 'web'")[0]!.n;
      const drafts = [];
      for (let n = 1; n <= 4; n++) drafts.push(await draft(n));
      const minute = Math.floor(Date.now() / 60_000);
      for (const d of drafts) await d.submit();
      const sameMinute = Math.floor(Date.now() / 60_000) === minute;
      for (const d of drafts) await d.receipt();
      const holds = d1Query<{ hold: string | null }>(persistTo, "SELECT hold FROM Tip WHERE channel = 'web' ORDER BY id").slice(before).map((r) => r.hold);
      if (!sameMinute) {
        // The next attempt starts in a minute of its own, so what this one counted does not carry over.
        const last = Math.floor(Date.now() / 60_000);
        await expect.poll(() => Math.floor(Date.now() / 60_000) > last, { timeout: 70_000, interval: 500 }).toBe(true);
        continue;
      }
      expect(holds).toEqual([null, null, null, "held"]);
      return;
    }
    throw new Error("every attempt straddled a minute's turn");
  }, 240_000);
  it("refuses one web conversation's messages beyond the minute's limit, counted by Cloudflare's binding: no RateHit row in D1", async () => {
    const at: Fetch = worker!.fetch;
    const keys = await createKeyring(keyText.pseudonym, keyText.vault);
    const fetchStatements = (from: number) =>
      worker!
        .output()
        .slice(from)
        .split("\n")
        .filter((l) => l.includes('"event":"worker.statements"') && l.includes('"invocation":"fetch"'))
        .map((l) => (JSON.parse(l.slice(l.indexOf("{"))) as { statements: number }).statements);
    // wrangler.toml's WEB_MESSAGE_LIMITER counts in fixed minutes: a run that straddles a minute's turn is tried again.
    for (let attempt = 0; attempt < 3; attempt++) {
      const token = `${crypto.randomUUID()}${crypto.randomUUID()}`.replace(/-/g, "");
      const ticket = await webTicket(at, token);
      const send = (text: string) => at("/webchat/api/send", { method: "POST", headers: { "Content-Type": "application/json", "X-Chat-Ticket": ticket }, body: JSON.stringify({ token, text }) });
      // 41 messages take a few seconds: late in a minute, start in the next one rather than straddle it.
      if (Date.now() % 60_000 > 45_000) {
        const late = Math.floor(Date.now() / 60_000);
        await expect.poll(() => Math.floor(Date.now() / 60_000) > late, { timeout: 20_000, interval: 250 }).toBe(true);
      }
      const from = worker!.output().length;
      const minute = Math.floor(Date.now() / 60_000);
      const answers: Response[] = [];
      for (let i = 0; i <= MESSAGES_PER_MINUTE; i++) answers.push(await send(`xin chào ${i}`));
      const sameMinute = Math.floor(Date.now() / 60_000) === minute;
      // Each accepted message's invocation logs its statements once its own work is done.
      await expect.poll(() => fetchStatements(from).length, { timeout: 120_000, interval: 250 }).toBeGreaterThanOrEqual(MESSAGES_PER_MINUTE);
      if (!sameMinute) {
        const last = Math.floor(Date.now() / 60_000);
        await expect.poll(() => Math.floor(Date.now() / 60_000) > last, { timeout: 70_000, interval: 500 }).toBe(true);
        continue;
      }
      const counts = fetchStatements(from).sort((a, b) => a - b);
      console.log(`[ratelimits] D1 statements per web chat message (fetch): median ${counts[counts.length >> 1]}, min ${counts[0]}, max ${counts.at(-1)}`);
      expect(answers.slice(0, MESSAGES_PER_MINUTE).map((r) => r.status)).toEqual(Array(MESSAGES_PER_MINUTE).fill(202));
      const refused = answers.at(-1)!;
      expect(refused.status).toBe(429);
      expect(await refused.json()).toEqual({ error: viWeb.server.tooFast });
      // Counted by Cloudflare, not in D1: no RateHit row under this conversation's tag.
      const bucket = await keys.tag("rate-web", await pseudonymOf(keys, "web", token));
      expect(d1Query<{ n: number }>(persistTo, `SELECT count(*) AS n FROM RateHit WHERE bucket = '${bucket}'`)[0]!.n).toBe(0);
      return;
    }
    throw new Error("every attempt straddled a minute's turn");
  }, 300_000);
  it("signs an officer in to the staff console by /dangnhap and takes a tip there, on D1", async () => {
    const before = fake.calls.length;
    expect((await post(textUpdate("/dangnhap", { user: OFFICER }))).status).toBe(200);
    let token = "";
    await expect
      .poll(() => {
        const text = fake.calls.slice(before).map((c) => String(c.payload.text ?? "")).join("\n");
        token = /https:\/\/phaodai\.example\/canbo\/vao\/([A-Za-z0-9_-]{43})/.exec(text)?.[1] ?? "";
        return token;
      }, { timeout: 60_000, interval: 200 })
      .not.toBe("");
    const form = { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://phaodai.example" };
    const signedIn = await worker!.fetch("/canbo/vao", { method: "POST", headers: form, body: `token=${token}`, redirect: "manual" });
    expect(signedIn.status).toBe(303);
    const cookie = signedIn.headers.get("set-cookie")!.split(";")[0]!;
    expect(d1Query<{ n: number }>(persistTo, "SELECT count(*) AS n FROM ConsoleSession")[0]!.n).toBe(1);
    const queue = await worker!.fetch("/canbo/tinbao", { headers: { Cookie: cookie } });
    expect(queue.status).toBe(200);
    expect(await queue.text()).toContain("HONGLOC-00001");
    const [tip] = d1Query<{ id: number }>(persistTo, "SELECT id FROM Tip WHERE caseNumber = 'HONGLOC-00001'");
    const page = await worker!.fetch(`/canbo/tinbao/${tip!.id}`, { headers: { Cookie: cookie } });
    expect(await page.text()).toContain("Có xưởng lạ hoạt động ban đêm.");
    const taken = await worker!.fetch(`/canbo/tinbao/${tip!.id}/xuly`, { method: "POST", headers: { ...form, Cookie: cookie }, body: "action=take", redirect: "manual" });
    expect(taken.status).toBe(303);
    expect(d1Query<{ status: string }>(persistTo, `SELECT status FROM Tip WHERE id = ${tip!.id}`)[0]!.status).toBe("taken");
    // Forged from elsewhere: refused before anything happens.
    const forged = await worker!.fetch(`/canbo/tinbao/${tip!.id}/xuly`, { method: "POST", headers: { ...form, Origin: "https://evil.example", Cookie: cookie }, body: "action=done", redirect: "manual" });
    expect(forged.status).toBe(403);
  }, 120_000);

  it("a province admin creates a commune with its villages, invites a village head and prints the posters, on D1", async () => {
    const before = fake.calls.length;
    expect((await post(textUpdate("/dangnhap", { user: ADMIN }))).status).toBe(200);
    let token = "";
    await expect
      .poll(() => {
        const text = fake.calls.slice(before).map((c) => String(c.payload.text ?? "")).join("\n");
        token = /https:\/\/phaodai\.example\/canbo\/vao\/([A-Za-z0-9_-]{43})/.exec(text)?.[1] ?? "";
        return token;
      }, { timeout: 60_000, interval: 200 })
      .not.toBe("");
    const form = { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://phaodai.example" };
    const signedIn = await worker!.fetch("/canbo/vao", { method: "POST", headers: form, body: `token=${token}`, redirect: "manual" });
    const cookie = signedIn.headers.get("set-cookie")!.split(";")[0]!;
    const body = new URLSearchParams({ tinh: "1", ma: "TANLAP", ten: "Tân Lập", thon: "Thôn Một\nThôn Hai" }).toString();
    const created = await worker!.fetch("/canbo/quantri/xamoi", { method: "POST", headers: { ...form, Cookie: cookie }, body, redirect: "manual" });
    expect(created.status).toBe(303);
    expect(d1Query<{ code: string }>(persistTo, "SELECT v.code FROM Village v JOIN Commune c ON c.id = v.communeId WHERE c.code = 'TANLAP' ORDER BY v.code")).toEqual([{ code: "TANLAP-01" }, { code: "TANLAP-02" }]);
    const invited = await worker!.fetch("/canbo/quantri/xa/TANLAP/moi", { method: "POST", headers: { ...form, Cookie: cookie }, body: "role=village_head&thon=TANLAP-02" });
    expect(invited.status).toBe(200);
    expect(await invited.text()).toMatch(/MOI-[A-Z0-9]{4}-[A-Z0-9]{4}/);
    const posters = await worker!.fetch("/canbo/quantri/xa/TANLAP/apphich", { headers: { Cookie: cookie } });
    const postersHtml = await posters.text();
    expect(postersHtml.match(/class="page"/g)).toHaveLength(2);
    // ZALO_OA_URL reaches the console on Workers too: a Zalo QR code on each village's page.
    expect(postersHtml.match(/data-url="https:\/\/zalo\.me\/1234567890"/g)).toHaveLength(2);
    // The same posters as a PDF, made on Workers with the fonts bundled as Data modules.
    const pdf = await worker!.fetch("/canbo/quantri/xa/TANLAP/apphich.pdf", { headers: { Cookie: cookie } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toBe('attachment; filename="ap-phich-TANLAP.pdf"');
    const pdfText = await readPdf(new Uint8Array(await pdf.arrayBuffer()));
    expect(pdfText.pages).toHaveLength(2);
    expect(pdfText.pages[1]).toContain("Thôn Hai, xã Tân Lập, Hà Tĩnh");
    // The link under a code breaks anywhere to fit its column: read without the breaks.
    expect(pdfText.pages[1]!.replace(/ /g, "")).toContain("https://phaodai.example/?thon=TANLAP-02");
    expect(pdfText.pages[0]).toContain("TỐ GIÁC TỘI PHẠM MA TÚY");
    // The commune's schedule changed from the console, on D1; its criteria and villages' ranking shown.
    const schedule = await worker!.fetch("/canbo/quantri/xa/TANLAP/lichphat", { method: "POST", headers: { ...form, Cookie: cookie }, body: "ngay=2&ngay=5&gio=07%3A15&bat=1", redirect: "manual" });
    expect(schedule.status).toBe(303);
    expect(d1Query<{ days: string; times: string }>(persistTo, "SELECT s.days, s.times FROM BulletinSchedule s JOIN Commune c ON c.id = s.communeId WHERE c.code = 'TANLAP'")).toEqual([{ days: "2,5", times: "07:15" }]);
    expect(await (await worker!.fetch("/canbo/quantri/xa/TANLAP/lichphat", { headers: { Cookie: cookie } })).text()).toContain("07:15");
    for (const page of ["tieuchi", "xephang"]) expect((await worker!.fetch(`/canbo/quantri/xa/TANLAP/${page}`, { headers: { Cookie: cookie } })).status, page).toBe(200);
    // Out of the province: a 404.
    expect((await worker!.fetch("/canbo/quantri/xa/NOWHERE", { headers: { Cookie: cookie } })).status).toBe(404);
  }, 120_000);

  it("runs the admin command line's signed commands on D1: places imported, an invitation made, Node-only reports refused", async () => {
    const remote = (...argv: string[]) => captureAdmin(["--remote", worker!.base, ...argv], { ADMIN_API_KEY });
    const imported = await remote("import-places", SAMPLE_PLACES_CSV, "--sample");
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toMatch(/Đã nhập \d+ tỉnh, \d+ xã, 21 thôn/);
    expect(d1Query<{ n: number }>(persistTo, "SELECT count(*) AS n FROM Village WHERE code LIKE 'LP-%'")[0]!.n).toBeGreaterThan(0);
    const invited = await remote("invite", "--role", "admin", "--province", "HTI", "--name", "Đ/c Quản Trị Từ Xa");
    expect(invited.code, invited.err).toBe(0);
    expect(invited.out).toMatch(/Mã mời: MOI-[A-Z0-9]{4}-[A-Z0-9]{4}/);
    expect(d1Query<{ n: number }>(persistTo, "SELECT count(*) AS n FROM Invitation WHERE note = 'Đ/c Quản Trị Từ Xa'")[0]!.n).toBe(1);
    const schedule = await remote("bulletin-schedule", "HONGLOC", "T3,T6", "07:00");
    expect([schedule.code, schedule.out + schedule.err]).toEqual([0, expect.stringContaining("07:00")]);
    const report = await remote("compliance-report", "--commune", "HONGLOC");
    expect(report.code).toBe(1);
    expect(report.err).toContain("chỉ lập được trên máy chạy Node");
    // setWebhook from one command, run on the Worker with its own settings (no token on the operator's machine).
    const hooks = await remote("set-webhooks");
    expect(hooks.code, hooks.err).toBe(0);
    expect(fake.calls.some((c) => c.method === "setWebhook" && String(c.payload.url) === "https://phaodai.example/telegram/webhook" && c.payload.secret_token === SECRET)).toBe(true);
    const wrong = await captureAdmin(["--remote", worker!.base, "places"], { ADMIN_API_KEY: randomKeyText() });
    expect(wrong.err).toContain("Máy chủ từ chối lệnh");
  }, 120_000);

  it("every other role signs in and uses its main page on D1: the leader's month, the village's and the unit's figures, the translator's queue, a contact's bulletins", async () => {
    const form = { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://phaodai.example" };
    const signIn = async (user: { id: number }) => {
      const before = fake.calls.length;
      expect((await post(textUpdate("/dangnhap", { user: user as typeof OFFICER }))).status).toBe(200);
      let token = "";
      await expect
        .poll(() => {
          const text = fake.calls.slice(before).filter((c) => String(c.payload.chat_id) === String(user.id)).map((c) => String(c.payload.text ?? "")).join("\n");
          token = /https:\/\/phaodai\.example\/canbo\/vao\/([A-Za-z0-9_-]{43})/.exec(text)?.[1] ?? "";
          return token;
        }, { timeout: 60_000, interval: 200 })
        .not.toBe("");
      const signedIn = await worker!.fetch("/canbo/vao", { method: "POST", headers: form, body: `token=${token}`, redirect: "manual" });
      expect(signedIn.status).toBe(303);
      const cookie = signedIn.headers.get("set-cookie")!.split(";")[0]!;
      return { cookie, home: (await worker!.fetch("/canbo", { headers: { Cookie: cookie }, redirect: "manual" })).headers.get("location") };
    };
    const page = async (path: string, cookie: string) => {
      const res = await worker!.fetch(path, { headers: { Cookie: cookie } });
      return { status: res.status, text: await res.text(), type: res.headers.get("content-type") ?? "" };
    };
    const month = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7);

    const leader = await signIn(ROLE_USERS.leader);
    expect(leader.home).toBe("/canbo/thang");
    const thang = await page("/canbo/thang", leader.cookie);
    expect(thang.status).toBe(200);
    expect(thang.text).toContain("xã Hồng Lộc");
    expect(thang.text).toContain("ban, ngành, đoàn thể đã gửi số liệu");
    const chart = await page("/canbo/thang/bieudo.svg", leader.cookie);
    expect(chart.type).toContain("image/svg+xml");
    expect(chart.text).toContain("<svg");

    const head = await signIn(ROLE_USERS.village_head);
    expect(head.home).toBe("/canbo/thon");
    expect((await page("/canbo/thon", head.cookie)).text).toContain("Thôn Thượng Phú");
    const saved = await worker!.fetch(`/canbo/thon?thon=HL-01&thang=${month}`, { method: "POST", headers: { ...form, Cookie: head.cookie }, body: "basedOn=0&action=save&f_propaganda_sessions=2", redirect: "manual" });
    expect(saved.status).toBe(303);
    expect(d1Query<{ version: number }>(persistTo, `SELECT version FROM VillageFigures WHERE villageId = 1 AND month = '${month}'`)).toEqual([{ version: 1 }]);
    expect((await page("/canbo/bantin", head.cookie)).status).toBe(200);

    const unit = await signIn(ROLE_USERS.reporting_unit);
    expect(unit.home).toBe("/canbo/donvi");
    expect((await page("/canbo/donvi", unit.cookie)).text).toContain("Trạm Y tế xã, xã Hồng Lộc");
    const unitSaved = await worker!.fetch(`/canbo/donvi?thang=${month}`, { method: "POST", headers: { ...form, Cookie: unit.cookie }, body: "basedOn=0&f_drug_tests=9", redirect: "manual" });
    expect(unitSaved.status).toBe(303);
    expect(d1Query<{ unitKind: string; version: number }>(persistTo, `SELECT unitKind, version FROM UnitFigures WHERE communeId = 1 AND month = '${month}'`)).toEqual([{ unitKind: "health_station", version: 1 }]);
    // The leader's month now counts the unit as sent.
    expect((await page("/canbo/thang", leader.cookie)).text).toContain('data-status="met" data-unit="health_station"');

    const translator = await signIn(ROLE_USERS.translator);
    expect(translator.home).toBe("/canbo/dich");
    expect((await page("/canbo/dich", translator.cookie)).status).toBe(200);

    const contact = await signIn(ROLE_USERS.business_contact);
    expect(contact.home).toBe("/canbo/tuyentruyen");
    expect((await page("/canbo/tuyentruyen", contact.cookie)).text).toContain("Bản tin gửi Nhà nghỉ Bình Minh, xã Hồng Lộc");
  }, 180_000);
});
