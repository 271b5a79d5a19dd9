// Zalo's interaction window: a reply refused with -230 is parked (not failed, not retried in a
// loop), the officer is told, and it arrives exactly once, in order, when the tipster writes
// again. Rate limits (-32, or HTTP 429 with its Retry-After) and -100 are retried later.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../helpers/harness.js";
import { ZALO_OFFICER, ZALO_TIPSTER, startFakeZaloOa, type FakeZaloOa } from "../helpers/fake-zalo-oa.js";
import { fileZaloTip, zaloSay } from "../helpers/zalo-flow.js";
import { dispatchDue } from "../../src/outbox/dispatcher.js";
import { sweep } from "../../bots/core/work/sweep.js";

let fake: FakeZaloOa;
let h: Harness;
let tipId = 0;

beforeEach(async () => {
  fake = await startFakeZaloOa();
  h = await createHarness({ zalo: fake });
  await h.authorizeZalo();
  const code = await h.invite("officer", { communeCode: "HONGLOC" }, "Đ/c Lò Văn Công An");
  await zaloSay(h, ZALO_OFFICER, `/dangky ${code}`);
  ({ tipId } = await fileZaloTip(h, fake, ZALO_TIPSTER));
});
afterEach(async () => {
  await h.close();
  await fake.close();
});

const toTipster = () => fake.textsTo(ZALO_TIPSTER.id);

describe("the 7-day window", () => {
  it("parks a -230, tells the officer, and delivers exactly once when the tipster writes again", async () => {
    fake.markInactive(ZALO_TIPSTER.id);
    const before = toTipster().length;
    await zaloSay(h, ZALO_OFFICER, "1"); // take: the tipster is told… but cannot be reached
    await zaloSay(h, ZALO_OFFICER, "5"); // ask
    await zaloSay(h, ZALO_OFFICER, "Quán nước mở cửa mấy giờ?");
    expect(toTipster().length).toBe(before);

    const parked = await h.db.outboxMessage.findMany({ where: { status: "parked" }, orderBy: { id: "asc" } });
    expect(parked).toHaveLength(2);
    expect(parked[0]!.attempts).toBe(1);
    expect(parked[1]!.attempts).toBe(0); // waited behind the first: never tried
    expect(parked.every((r) => r.sealedAddress !== null)).toBe(true);
    const officerTexts = fake.textsTo(ZALO_OFFICER.id).join("\n");
    // Told for each of the two messages held back.
    expect(officerTexts.split("sẽ tự động đến người báo tin ngay khi họ nhắn lại").length - 1).toBe(2);
    expect(officerTexts).toContain("Quán nước mở cửa mấy giờ?");

    // Days pass and the dispatcher runs: nothing is retried in a loop, nothing fails.
    for (let day = 0; day < 3; day++) {
      h.clock.advanceMinutes(24 * 60);
      await h.settle();
      expect(await dispatchDue(h.deps)).toBe(0);
    }
    expect(await h.db.outboxMessage.count({ where: { status: "parked" } })).toBe(2);
    expect((await h.db.outboxMessage.findFirstOrThrow({ where: { id: parked[0]!.id } })).attempts).toBe(1);

    // The tipster writes again: both arrive, in order, before the answer to what they wrote.
    await zaloSay(h, ZALO_TIPSTER, "Xin chào");
    await h.settle();
    await h.settle();
    const after = toTipster().slice(before);
    expect(after[0]).toContain("đã được cán bộ công an xã tiếp nhận");
    expect(after[1]).toContain("Quán nước mở cửa mấy giờ?");
    expect(after.filter((t) => t.includes("Quán nước mở cửa mấy giờ?"))).toHaveLength(1);
    expect(after.filter((t) => t.includes("đã được cán bộ công an xã tiếp nhận"))).toHaveLength(1);
    expect(after.at(-1)).toContain("Xin chào! Đây là kênh tiếp nhận tin báo");
    expect(await h.db.outboxMessage.count({ where: { status: { in: ["parked", "pending", "failed"] } } })).toBe(0);

    // The menu came last, so "1" now means its first line; the words of the question's choice still work.
    await zaloSay(h, ZALO_TIPSTER, "trả lời cán bộ");
    await zaloSay(h, ZALO_TIPSTER, "Từ 6 giờ sáng.");
    expect(fake.textsTo(ZALO_OFFICER.id).join("\n")).toContain("Từ 6 giờ sáng.");
    const events = await h.db.tipEvent.findMany({ where: { tipId }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.kind)).toEqual(["created", "status", "question", "followup"]);
  });

  it("retries a rate limit (-32) and -100 later, once each", async () => {
    fake.failNext("message", -32);
    fake.failNext("message", -100);
    await zaloSay(h, ZALO_TIPSTER, "/baomat");
    const row = await h.db.outboxMessage.findFirstOrThrow({ where: { status: "pending" } });
    expect(row.lastError).toContain("-32");
    expect(row.nextAttemptAt.getTime() - h.clock.now.getTime()).toBe(60_000);
    h.clock.advanceMinutes(1.1);
    await h.settle();
    expect((await h.db.outboxMessage.findFirstOrThrow({ where: { id: row.id } })).lastError).toContain("-100");
    h.clock.advanceMinutes(1);
    await h.settle();
    expect(toTipster().filter((t) => t.includes("Điều chúng tôi bảo vệ"))).toHaveLength(1);
  });

  it.each([
    ["with Retry-After", "45", 45_000],
    ["without Retry-After", undefined, 30_000],
  ])("holds the channel for an HTTP 429 %s, then sends once", async (_label, retryAfter, waitMs) => {
    fake.failNextHttp("message", 429, retryAfter);
    await zaloSay(h, ZALO_TIPSTER, "/baomat");
    const row = await h.db.outboxMessage.findFirstOrThrow({ where: { status: "pending" } });
    expect(row.lastError).toContain("zalo http 429");
    expect(row.nextAttemptAt.getTime() - h.clock.now.getTime()).toBe(waitMs);
    h.clock.advanceMinutes(waitMs / 60_000 - 0.1);
    await h.settle();
    expect(toTipster().filter((t) => t.includes("Điều chúng tôi bảo vệ"))).toHaveLength(0);
    h.clock.advanceMinutes(0.2);
    await h.settle();
    expect(toTipster().filter((t) => t.includes("Điều chúng tôi bảo vệ"))).toHaveLength(1);
  });

  it("gives up a message Zalo refuses for good (bad request) without parking it", async () => {
    fake.failNext("message", -201);
    await zaloSay(h, ZALO_TIPSTER, "/baomat");
    expect(await h.db.outboxMessage.count({ where: { status: "failed" } })).toBe(1);
    expect(await h.db.outboxMessage.count({ where: { status: "parked" } })).toBe(0);
  });

  it("reminds an officer registered on Zalo after five silent days, once, and the answer keeps them reachable", async () => {
    const reminders = () => fake.textsTo(ZALO_OFFICER.id).filter((t) => t.includes("Kính gửi đồng chí")).length;
    h.clock.advanceMinutes(6 * 24 * 60);
    await sweep(h.deps);
    await sweep(h.deps);
    await h.settle();
    expect(reminders()).toBe(1);
    // Past the 7-day window Zalo refuses: the next alert is parked, and released when the officer answers.
    h.clock.advanceMinutes(2 * 24 * 60);
    fake.markInactive(ZALO_OFFICER.id);
    await fileZaloTip(h, fake, ZALO_TIPSTER, "Tin thứ hai.");
    expect(fake.textsTo(ZALO_OFFICER.id).some((t) => t.includes("Tin thứ hai."))).toBe(false);
    await zaloSay(h, ZALO_OFFICER, "1");
    await h.settle();
    expect(fake.textsTo(ZALO_OFFICER.id).filter((t) => t.includes("Tin thứ hai."))).toHaveLength(1);
  });

  it("forgets stale numbered choices after 30 days and gives up messages parked for 60", async () => {
    fake.markInactive(ZALO_TIPSTER.id);
    await zaloSay(h, ZALO_OFFICER, "1"); // take: parked for the silent tipster
    expect(await h.db.pendingChoice.count()).toBeGreaterThan(0);
    expect(await h.db.outboxMessage.count({ where: { status: "parked" } })).toBe(1);
    h.clock.advanceMinutes(31 * 24 * 60);
    await sweep(h.deps);
    expect(await h.db.pendingChoice.count()).toBe(0);
    expect(await h.db.outboxMessage.count({ where: { status: "parked" } })).toBe(1);
    h.clock.advanceMinutes(30 * 24 * 60);
    await sweep(h.deps);
    const row = await h.db.outboxMessage.findFirstOrThrow({ where: { lastError: "parked too long" } });
    expect(row.status).toBe("failed");
    expect(row.sealedAddress).toBeNull();
  });
});
