// The outbox and dispatcher against the fake Bot API: 429 retry_after honoured, transient errors
// retried, permanent ones given up, and a restart neither loses nor repeats a message.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, outboxTarget, type Harness } from "../helpers/harness.js";
import { INTERNAL_ERROR, BLOCKED, TOO_MANY_REQUESTS, startFakeTelegram, type FakeTelegram } from "../helpers/fake-telegram.js";
import { enqueue } from "../../src/outbox/outbox.js";
import { dispatchDue } from "../../src/outbox/dispatcher.js";
import { openNodeDatabase } from "../../src/db/node.js";

let fake: FakeTelegram;
let h: Harness;
beforeEach(async () => {
  fake = await startFakeTelegram();
  h = await createHarness({ telegram: fake, places: false });
});
afterEach(async () => {
  await h.close();
  await fake.close();
});

async function queue(chatId: string, texts: string[]) {
  const target = await outboxTarget(h.keys, "telegram", chatId);
  for (const text of texts) await enqueue(h.db, target, { text }, { now: h.clock.now });
}

const sentTexts = () => fake.callsTo("sendMessage").map((c) => String(c.payload.text));

describe("outbox dispatcher", () => {
  it("waits out a 429 retry_after and then sends once, keeping the chat's order", async () => {
    await queue("1001", ["một", "hai", "ba"]);
    fake.failNext("sendMessage", TOO_MANY_REQUESTS(30));
    expect(await dispatchDue(h.deps)).toBe(0);
    const row = await h.db.outboxMessage.findFirstOrThrow({ where: { id: 1 } });
    expect(row.nextAttemptAt.getTime() - h.clock.now.getTime()).toBe(30_000);
    h.clock.advanceMinutes(0.25);
    expect(await dispatchDue(h.deps)).toBe(0);
    h.clock.advanceMinutes(0.26);
    const before = fake.callsTo("sendMessage").length;
    expect(await dispatchDue(h.deps)).toBe(3);
    expect(sentTexts().slice(before)).toEqual(["một", "hai", "ba"]);
    expect(await dispatchDue(h.deps)).toBe(0);
    // Delivered: neither the address nor the words stay in the row.
    const sent = await h.db.outboxMessage.findMany({ where: { status: "sent" } });
    expect(sent).toHaveLength(3);
    for (const r of sent) expect([r.payload, r.sealedAddress]).toEqual(["{}", null]);
  });

  it("retries server errors with back-off and gives up on a blocked chat", async () => {
    await queue("2002", ["thử lại"]);
    await queue("3003", ["bị chặn"]);
    fake.failNext("sendMessage", INTERNAL_ERROR); // for the first row: retried later by the outbox
    fake.failNext("sendMessage", BLOCKED); // for the second: given up
    await dispatchDue(h.deps);
    h.clock.advanceMinutes(1);
    await dispatchDue(h.deps);
    const rows = await h.db.outboxMessage.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => r.status)).toEqual(["sent", "failed"]);
    expect(rows[0]!.attempts).toBe(2);
    expect(rows.every((r) => r.sealedAddress === null)).toBe(true);
    const calls = fake.callsTo("sendMessage").length;
    h.clock.advanceMinutes(60);
    expect(await dispatchDue(h.deps)).toBe(0);
    expect(fake.callsTo("sendMessage").length).toBe(calls);
  });

  it("survives a restart: a new process sends what is left, nothing twice", async () => {
    await queue("4004", Array.from({ length: 6 }, (_, i) => `tin ${i + 1}`));
    await dispatchDue(h.deps, 2);
    // A second process on the same file, as after a restart.
    const db2 = openNodeDatabase(`file:${h.dbPath}`);
    try {
      expect(await dispatchDue({ ...h.deps, db: db2 })).toBe(4);
      expect(await dispatchDue({ ...h.deps, db: db2 })).toBe(0);
    } finally {
      await db2.$disconnect();
    }
    expect(sentTexts()).toEqual(Array.from({ length: 6 }, (_, i) => `tin ${i + 1}`));
  });

  it("never sends a row that another dispatcher has claimed", async () => {
    await queue("5005", ["chỉ một lần"]);
    const [a, b] = await Promise.all([dispatchDue(h.deps), dispatchDue(h.deps)]);
    expect(a + b).toBe(1);
    expect(sentTexts()).toEqual(["chỉ một lần"]);
  });

  it("queues a message with a dedupe key once, committed at once", async () => {
    const target = await outboxTarget(h.keys, "telegram", "1009");
    await enqueue(h.db, target, { text: "một lần" }, { dedupeKey: "in:42:0", now: h.clock.now });
    await enqueue(h.db, target, { text: "một lần" }, { dedupeKey: "in:42:0", now: h.clock.now });
    expect(await h.db.outboxMessage.count({ where: { dedupeKey: "in:42:0" } })).toBe(1);
    // A second connection sees the row at once.
    const other = openNodeDatabase(`file:${h.dbPath}`);
    try {
      expect(await other.outboxMessage.count({ where: { dedupeKey: "in:42:0" } })).toBe(1);
    } finally {
      await other.$disconnect();
    }
    await dispatchDue(h.deps);
    expect(sentTexts().filter((t) => t === "một lần")).toHaveLength(1);
  });
});
