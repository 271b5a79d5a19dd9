// The prepared layer of the hot path (src/db/sql.ts) on the Node driver: rows it writes read back
// through Prisma exactly as Prisma's own (dates, nulls, defaults), a turn's writes are all or none,
// the staff record is found directly or through a linked account, and a reconnect gets a fresh
// connection. (The D1 driver runs under test/workerd, through the whole Worker.)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openNodeDatabase } from "../../src/db/node.js";
import type { Db } from "../../src/db/client.js";
import { sql, sqlDate, sqlOf } from "../../src/db/sql.js";
import { findCommuneById } from "../../src/places/search.js";
import { CLAIM } from "../../src/outbox/dispatcher.js";
import { enqueue, enqueueStatement } from "../../src/outbox/outbox.js";
import { conversationStatement, readTurnStart, writeTurn } from "../../src/conversations/store.js";
import { claimNextInbound, inboundDone, storeIncoming } from "../../src/inbound/store.js";
import type { Incoming } from "../../src/messaging/types.js";

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "phaodai-hotsql-"));
  db = openNodeDatabase(`file:${join(dir, "hot.db")}`);
});
afterEach(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

const target = { channel: "telegram" as const, sealedAddress: "sealed", addressTag: "tag-1" };
const at = new Date("2026-03-01T10:20:30.456Z");

describe("hot-path SQL (better-sqlite3)", () => {
  it("writes outbox rows that Prisma reads back as its own", async () => {
    await enqueue(db, target, { text: "prisma", threadKey: "t1" }, { dedupeKey: "k:prisma", now: at, priority: 2 });
    await writeTurn(db, [enqueueStatement(target, { text: "layer", threadKey: "t1" }, { dedupeKey: "k:layer", now: at, priority: 2 })]);
    const [a, b] = await db.outboxMessage.findMany({ orderBy: { id: "asc" } });
    const { id: _a, payload: pa, dedupeKey: da, ...restA } = a!;
    const { id: _b, payload: pb, dedupeKey: db_, ...restB } = b!;
    expect(restB).toEqual(restA);
    expect([JSON.parse(pa).text, JSON.parse(pb).text, da, db_]).toEqual(["prisma", "layer", "k:prisma", "k:layer"]);
    expect(b!.nextAttemptAt).toEqual(at);
    // A repeated dedupe key is already queued: nothing written, nothing thrown.
    await writeTurn(db, [enqueueStatement(target, { text: "again" }, { dedupeKey: "k:layer", now: at })]);
    expect(await db.outboxMessage.count()).toBe(2);
  });

  it("writes a turn all or none", async () => {
    const write = conversationStatement({ pseudonym: "p1", state: '{"step":"text"}', sealedAddress: "s", updatedAt: at, expiresAt: new Date(at.getTime() + 60_000) });
    await expect(writeTurn(db, [write, sql(`INSERT INTO "NoSuchTable" VALUES (1)`)])).rejects.toThrow();
    expect(await db.conversation.count()).toBe(0);
    await writeTurn(db, [write]);
    expect(await db.conversation.findUnique({ where: { pseudonym: "p1" } })).toEqual({ pseudonym: "p1", state: '{"step":"text"}', sealedAddress: "s", updatedAt: at, expiresAt: new Date(at.getTime() + 60_000) });
    await writeTurn(db, [conversationStatement({ pseudonym: "p1", state: null, sealedAddress: "s", updatedAt: at, expiresAt: at })]);
    expect(await db.conversation.count()).toBe(0);
  });

  it("reads the state and the staff record, direct or through a linked account, in one statement", async () => {
    expect(await readTurnStart(db, "nobody")).toEqual({ conversation: null, staff: null });
    const staff = await db.staff.create({ data: { pseudonym: "officer", channel: "telegram", sealedAddress: "s", displayName: "Cán bộ", role: "officer", createdAt: at } });
    await db.staffLink.create({ data: { staffId: staff.id, channel: "zalo", pseudonym: "officer-on-zalo", sealedAddress: "z", createdAt: at } });
    await db.conversation.create({ data: { pseudonym: "officer-on-zalo", state: "{}", sealedAddress: "z", updatedAt: at, expiresAt: null } });
    expect(await readTurnStart(db, "officer")).toEqual({ conversation: null, staff });
    expect(await readTurnStart(db, "officer-on-zalo")).toEqual({ conversation: { state: "{}", expiresAt: null }, staff });
  });

  it("stores an incoming once, claims the oldest first and marks it done", async () => {
    const incoming = { channel: "telegram", sender: "p", content: { kind: "text", text: "hi" } } as unknown as Incoming;
    expect(await storeIncoming(db, "telegram", "1", incoming, at)).toBe("stored");
    expect(await storeIncoming(db, "telegram", "1", incoming, at)).toBe("duplicate");
    expect(await storeIncoming(db, "telegram", "2", incoming, at)).toBe("stored");
    const first = await claimNextInbound(db, at);
    expect(first).toMatchObject({ channel: "telegram", attempts: 0 });
    const row = await db.inboundUpdate.findUniqueOrThrow({ where: { id: first!.id } });
    expect(row).toMatchObject({ externalId: "1", status: "processing", attempts: 1, claimedAt: at, receivedAt: at });
    await writeTurn(db, [inboundDone(first!.id, at)]);
    expect(await db.inboundUpdate.findUniqueOrThrow({ where: { id: first!.id } })).toMatchObject({ status: "done", incoming: "", processedAt: at });
    expect((await claimNextInbound(db, at))?.id).toBeGreaterThan(first!.id);
    expect(await claimNextInbound(db, at)).toBeNull();
  });

  it("claims one person's updates one at a time and in order, while others go ahead; the lane is blanked once handled", async () => {
    const from = (sender: string) => ({ channel: "telegram", sender, content: { kind: "text", text: "hi" } }) as unknown as Incoming;
    await storeIncoming(db, "telegram", "a1", from("alice"), at);
    await storeIncoming(db, "telegram", "a2", from("alice"), at);
    await storeIncoming(db, "telegram", "b1", from("bob"), at);
    const externalId = async (claimed: { id: number } | null) => (claimed ? (await db.inboundUpdate.findUniqueOrThrow({ where: { id: claimed.id } })).externalId : null);

    // Two passes running at once (Workers): the second may not take alice's next update.
    const a1 = await claimNextInbound(db, at);
    expect(await externalId(a1)).toBe("a1");
    const b1 = await claimNextInbound(db, at);
    expect(await externalId(b1)).toBe("b1");
    expect(await claimNextInbound(db, at)).toBeNull();

    await writeTurn(db, [inboundDone(a1!.id, at)]);
    expect(await externalId(await claimNextInbound(db, at))).toBe("a2");
    // Handled: the pseudonym does not stay beside the time it wrote.
    expect((await db.inboundUpdate.findUniqueOrThrow({ where: { id: a1!.id } })).lane).toBeNull();
  });

  it("follows Prisma onto a new connection after a disconnect", async () => {
    await sqlOf(db).run(sql(`SELECT 1`));
    await db.$disconnect();
    expect((await sqlOf(db).run(sql(`SELECT 2 AS n`))).rows).toEqual([{ n: 2 }]);
  });
  it("reads a commune by id exactly as Prisma's findUnique does", async () => {
    const province = await db.province.create({ data: { code: "HT", name: "Hà Tĩnh" } });
    const plain = await db.commune.create({ data: { code: "A", name: "Xã A", searchName: "xa a", provinceId: province.id } });
    const full = await db.commune.create({ data: { code: "B", name: "Xã B", searchName: "xa b", hotline: "0239", policeContacts: "[]", isSample: true, provinceId: province.id, languages: "vie,hnj" } });
    for (const c of [plain, full]) expect(await findCommuneById(db, c.id)).toEqual(await db.commune.findUnique({ where: { id: c.id } }));
    expect(await findCommuneById(db, full.id + 100)).toBeNull();
    // A non-integer id is Prisma's to answer, as before.
    expect(await findCommuneById(db, plain.id + 0.5)).toEqual(await db.commune.findUnique({ where: { id: plain.id + 0.5 } }));
  });

  it("claims an outbox row once until its claim expires", async () => {
    await enqueue(db, target, { text: "x" }, { dedupeKey: "k:claim", now: at });
    const { id } = (await db.outboxMessage.findFirstOrThrow())!;
    const claim = (now: Date) => sqlOf(db).run(sql(CLAIM, sqlDate(new Date(now.getTime() + 60_000)), id, sqlDate(now)));
    expect((await claim(at)).changes).toBe(1);
    expect((await claim(new Date(at.getTime() + 59_000))).changes).toBe(0);
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id } })).claimedUntil).toEqual(new Date(at.getTime() + 60_000));
    expect((await claim(new Date(at.getTime() + 61_000))).changes).toBe(1);
    await db.outboxMessage.update({ where: { id }, data: { status: "sent" } });
    expect((await claim(new Date(at.getTime() + 200_000))).changes).toBe(0);
  });
});
