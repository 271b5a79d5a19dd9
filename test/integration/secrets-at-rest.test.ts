// No receipt code rests in the database (issue 10): the "your code is …" message is blanked once
// delivered (web chat: once the browser shows it has it, by asking for what comes after), /xoadulieu
// erases every message to that address, and deleted bytes are zeroed (secure_delete) with a WAL
// checkpoint, so the database file and its WAL hold neither the code nor the erased address.
// Real app, real SQLite file, grammY against the fake Bot API.
import { existsSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, fileWebTip, outboxTarget, type Harness } from "../helpers/harness.js";
import { TIPSTER, callbackUpdate, startFakeTelegram, textUpdate, type FakeTelegram } from "../helpers/fake-telegram.js";

let h: Harness;
let fake: FakeTelegram;

/** Every byte on disk of the database: the file and its WAL, read both as UTF-8 and as Latin-1. */
function onDisk(): string {
  return [h.dbPath, `${h.dbPath}-wal`]
    .filter(existsSync)
    .map((f) => readFileSync(f))
    .map((b) => b.toString("utf8") + b.toString("latin1"))
    .join("\n");
}

function codeForms(code: string): string[] {
  return [code, code.replace("-", ""), code.toLowerCase()];
}

beforeAll(async () => {
  fake = await startFakeTelegram();
  h = await createHarness({ telegram: fake });
});
afterAll(async () => {
  await h.close();
  await fake.close();
});

describe("a receipt code leaves the server once delivered", () => {
  it("turns on secure_delete for every connection", async () => {
    const rows = await h.db.$queryRawUnsafe<{ secure_delete: bigint | number }[]>("PRAGMA secure_delete");
    expect(Number(rows[0]!.secure_delete)).toBe(1);
  });

  it("web chat: the browser sees the code once; after its next poll the file and WAL hold no trace", async () => {
    const citizen = h.web();
    const code = await fileWebTip(citizen);
    // Until the browser asks for what comes next, the message waits for it.
    expect(citizen.all.some((m) => m.text.includes(code))).toBe(true);
    await citizen.read();
    const disk = onDisk();
    for (const form of codeForms(code)) expect(disk.includes(form), `disk holds ${form}`).toBe(false);
    // The page still shows a line where the message was (on reload), saying why.
    const again = await h.app.request("/webchat/api/messages?after=0", { headers: { "X-Chat-Token": citizen.token } });
    const { messages } = (await again.json()) as { messages: { text: string }[] };
    expect(messages.some((m) => m.text.includes("mã tiếp nhận đã được xóa khỏi máy chủ"))).toBe(true);
    expect(messages.some((m) => m.text.includes(code))).toBe(false);
  });

  it("Telegram: the outbox row is blanked as soon as the message is sent", async () => {
    const post = async (update: unknown) => {
      expect((await h.postTelegram(update)).status).toBe(200);
      await h.settle();
    };
    const commune = await h.db.commune.findUniqueOrThrow({ where: { code: "HONGLOC" } });
    await post(textUpdate("/start"));
    await post(textUpdate("Hồng Lộc"));
    await post(callbackUpdate(`c:${commune.id}`));
    await post(callbackUpdate("k:selling"));
    await post(callbackUpdate("v:none"));
    await post(textUpdate("Có người lạ bán ma túy ở chợ phiên, sáng chủ nhật nào cũng thấy."));
    await post(callbackUpdate("m:continue"));
    await post(callbackUpdate("s:submit"));
    const sent = fake.calls.filter((c) => String(c.payload.chat_id) === String(TIPSTER.id)).map((c) => String(c.payload.text ?? ""));
    const code = sent.map((t) => /Mã tiếp nhận của bạn: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(t)?.[1]).find(Boolean);
    expect(code, sent.join("\n---\n")).toBeDefined();
    const disk = onDisk();
    for (const form of codeForms(code!)) expect(disk.includes(form), `disk holds ${form}`).toBe(false);
  });
});

describe("a receipt code the citizen types", () => {
  it("is gone from the file and WAL once the message is handled", async () => {
    const first = h.web();
    const code = await fileWebTip(first);
    await first.read();
    const returning = h.web();
    h.clock.advanceMinutes(0.05);
    const out = await returning.say(`/theodoi ${code.toLowerCase().replace("-", " ")}`);
    expect(out.map((m) => m.text).join("\n")).toContain("Tin báo");
    await returning.read();
    const disk = onDisk();
    for (const form of codeForms(code)) expect(disk.includes(form), `disk holds ${form}`).toBe(false);
    expect(disk.includes(code.toLowerCase().replace("-", " "))).toBe(false);
  });
});

describe("/xoadulieu", () => {
  it("erases every message to that address and leaves neither it nor its tag on disk", async () => {
    const citizen = h.web();
    await fileWebTip(citizen);
    await citizen.read();
    const { sealedAddress, addressTag } = await outboxTarget(h.keys, "web", citizen.token);
    expect(await h.db.webChatMessage.count({ where: { addressTag } })).toBeGreaterThan(3);
    const replyAddress = await h.db.replyAddress.findFirstOrThrow({ where: { addressTag } });
    h.clock.advanceMinutes(0.05);
    const out = await citizen.say("/xoadulieu");
    expect(out.map((m) => m.text).join("\n")).toContain("Đã xóa địa chỉ liên lạc của bạn");
    // Only the confirmation is left, until the browser has it too; then it goes with the rest.
    expect(await h.db.outboxMessage.count({ where: { addressTag, status: { not: "sent" } } })).toBe(0);
    const left = await h.db.webChatMessage.findMany({ where: { addressTag } });
    expect(left.map((m) => m.payload).join("")).not.toContain("Có người bán ma túy");
    expect(left.length).toBeLessThanOrEqual(1);
    await citizen.read();
    const disk = onDisk();
    expect(disk.includes(replyAddress.sealed), "the erased sealed address is on disk").toBe(false);
    expect(disk.includes(sealedAddress), "a message's sealed address is on disk").toBe(false);
  });
});
