// The outbox through a queue (the Workers fan-out, src/outbox/queued.ts), on a real SQLite file and
// the fake Bot API, with the queue played by the test: the producer leases each channel's due rows
// and queues their ids; the consumer sends each row once however often a message is delivered,
// claims nothing for a message whose lease was superseded, lets alerts go before bulletins of the
// same channel, and never waits on a row that must itself wait for that bulletin (one chat's order).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, outboxTarget, type Harness } from "../helpers/harness.js";
import { startFakeTelegram, type FakeTelegram } from "../helpers/fake-telegram.js";
import { enqueue } from "../../src/outbox/outbox.js";
import { consumeOutboxWork, LEASE_MS, PRIORITY_WAIT_SECONDS, queueDueWork, type OutboxWork, type WorkMessage } from "../../src/outbox/queued.js";

let fake: FakeTelegram;
let h: Harness;
let queued: OutboxWork[];
const producer = { sendBatch: async (messages: Array<{ body: OutboxWork }>) => void queued.push(...messages.map((m) => m.body)) };

beforeEach(async () => {
  fake = await startFakeTelegram();
  h = await createHarness({ telegram: fake, places: false });
  queued = [];
});
afterEach(async () => {
  await h.close();
  await fake.close();
});

/** A queue message as Cloudflare hands it over, recording what the consumer answered. */
function delivered(body: unknown) {
  const message = { body, acked: false, retried: null as null | { delaySeconds?: number }, ack: () => void (message.acked = true), retry: (o?: { delaySeconds?: number }) => void (message.retried = o ?? {}) };
  return message satisfies WorkMessage;
}

const texts = () => fake.callsTo("sendMessage").map((c) => String(c.payload.text));
const target = (chatId: string) => outboxTarget(h.keys, "telegram", chatId);

describe("the outbox through a queue", () => {
  it("leases a run's share per channel, queues ids only, and sends each row once however often a message arrives", async () => {
    for (let i = 0; i < 7; i++) await enqueue(h.db, await target(String(4_000 + i)), { text: `bản tin ${i}` }, { priority: -1, now: h.clock.now });
    expect(await queueDueWork(h.deps, producer, { perRun: { telegram: 5 } })).toBe(5);
    expect(queued).toHaveLength(1);
    expect(Object.keys(queued[0]!).sort()).toEqual(["channel", "ids", "lease", "priority"]);
    // Leased rows are not queued twice; the next run takes the rest.
    expect(await queueDueWork(h.deps, producer, { perRun: { telegram: 5 } })).toBe(2);
    expect(await queueDueWork(h.deps, producer, { perRun: { telegram: 5 } })).toBe(0);

    const first = delivered(queued[0]);
    expect((await consumeOutboxWork(h.deps, [first])).sent).toBe(5);
    expect(first.acked).toBe(true);
    // At least once: the same message again sends nothing.
    const again = delivered(queued[0]);
    expect(await consumeOutboxWork(h.deps, [again])).toEqual({ sent: 0, waiting: 0, stale: 1 });
    expect(again.acked).toBe(true);
    expect((await consumeOutboxWork(h.deps, [delivered(queued[1])])).sent).toBe(2);
    expect(texts().sort()).toEqual(Array.from({ length: 7 }, (_, i) => `bản tin ${i}`).sort());
    expect(await h.db.outboxMessage.count({ where: { status: "sent" } })).toBe(7);
  });

  it("re-queues rows whose message was lost once the lease ends, and the late old message claims nothing", async () => {
    await enqueue(h.db, await target("4100"), { text: "một lần thôi" }, { priority: -1, now: h.clock.now });
    await queueDueWork(h.deps, producer);
    const lost = queued[0]!;
    h.clock.now = new Date(h.clock.now.getTime() + LEASE_MS + 1_000);
    expect(await queueDueWork(h.deps, producer)).toBe(1);
    expect(await consumeOutboxWork(h.deps, [delivered(lost)])).toEqual({ sent: 0, waiting: 0, stale: 1 });
    expect((await consumeOutboxWork(h.deps, [delivered(queued[1])])).sent).toBe(1);
    expect(texts()).toEqual(["một lần thôi"]);
  });

  it("holds a bulletin message while an alert of its channel is due elsewhere, and sends it after", async () => {
    for (let i = 0; i < 3; i++) await enqueue(h.db, await target(String(4_200 + i)), { text: `bản tin ${i}` }, { priority: -1, now: h.clock.now });
    await enqueue(h.db, await target("777"), { text: "TIN BÁO MỚI" }, { now: h.clock.now });
    await queueDueWork(h.deps, producer);
    const bulletins = queued.find((m) => m.priority === -1)!;
    const alert = queued.find((m) => m.priority === 0)!;
    // The bulletins' message comes first (another consumer took the alert's): it waits.
    const early = delivered(bulletins);
    expect(await consumeOutboxWork(h.deps, [early])).toEqual({ sent: 0, waiting: 1, stale: 0 });
    expect(early.retried).toEqual({ delaySeconds: PRIORITY_WAIT_SECONDS });
    expect(texts()).toEqual([]);
    // In one batch, the alert's message goes first whatever the order it came in.
    expect((await consumeOutboxWork(h.deps, [delivered(bulletins), delivered(alert)])).sent).toBe(4);
    expect(texts()[0]).toBe("TIN BÁO MỚI");
    expect(texts()).toHaveLength(4);
  });

  it("does not hold a bulletin for an alert to the same chat queued after it (the chat's order comes first)", async () => {
    await enqueue(h.db, await target("4300"), { text: "bản tin trước" }, { priority: -1, now: h.clock.now });
    await enqueue(h.db, await target("4300"), { text: "cảnh báo sau" }, { now: h.clock.now });
    await queueDueWork(h.deps, producer);
    const alert = queued.find((m) => m.priority === 0)!;
    const bulletin = queued.find((m) => m.priority === -1)!;
    // The alert may not overtake the earlier bulletin to its chat: it is released, not sent…
    expect((await consumeOutboxWork(h.deps, [delivered(alert)])).sent).toBe(0);
    expect((await h.db.outboxMessage.findFirstOrThrow({ where: { priority: 0 } })).claimedUntil).toBeNull();
    // …and the bulletin does not wait for it: both go, in the chat's order.
    expect((await consumeOutboxWork(h.deps, [delivered(bulletin)])).sent).toBe(1);
    await queueDueWork(h.deps, producer);
    expect((await consumeOutboxWork(h.deps, [delivered(queued.at(-1))])).sent).toBe(1);
    expect(texts()).toEqual(["bản tin trước", "cảnh báo sau"]);
  });

  it("drops a malformed message politely and sends nothing for it", async () => {
    const bad = delivered({ channel: "telegram", ids: "1; DROP TABLE" });
    expect(await consumeOutboxWork(h.deps, [bad])).toEqual({ sent: 0, waiting: 0, stale: 0 });
    expect(bad.acked).toBe(true);
    expect(texts()).toEqual([]);
  });
});
