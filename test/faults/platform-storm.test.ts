// The Bot API misbehaves for a while — 429 with retry_after, 500s, connection resets and requests that
// never answer — while citizens keep filing tips by webhook. The webhook side keeps answering at once;
// messages wait and then arrive exactly once; nothing is dropped.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../helpers/harness.js";
import { INTERNAL_ERROR, TOO_MANY_REQUESTS, callbackUpdate, startFakeTelegram, textUpdate, type FakeError, type FakeTelegram, type TestUser } from "../helpers/fake-telegram.js";
import { runWorkOnce } from "../../bots/core/work/runner.js";

const CITIZENS = 12;
let fake: FakeTelegram;
let h: Harness;
const officer: TestUser = { id: 4_000_000_001, is_bot: false, first_name: "Cán bộ" };

beforeAll(async () => {
  fake = await startFakeTelegram();
  // One second per API call at most, so a request that never answers costs the test a second.
  h = await createHarness({ telegram: fake, telegramTimeoutSeconds: 1, settings: { tipsPerHour: 100 } });
});
afterAll(async () => {
  await h.close();
  await fake.close();
});

const delivered = (chatId: number, pattern: string) =>
  fake.calls.filter((c) => c.method === "sendMessage" && c.result !== undefined && String(c.payload.chat_id) === String(chatId) && String(c.payload.text).includes(pattern));

describe("the Bot API misbehaves for a while", () => {
  it("keeps answering webhooks, then delivers every message once", async () => {
    const code = await h.invite("officer", { communeCode: "HONGLOC" });
    await h.postTelegram(textUpdate(`/start ${code}`, { user: officer }));
    await h.settle();
    const commune = await h.db.commune.findUniqueOrThrow({ where: { code: "HONGLOC" } });

    // The storm: every kind of failure, mixed, on the next sends.
    const storm: Array<FakeError | "network" | "hang"> = [];
    for (let i = 0; i < 4; i++) storm.push(TOO_MANY_REQUESTS(1), INTERNAL_ERROR, "network", { error_code: 502, description: "Bad Gateway" });
    storm.push("hang", "hang");
    for (const failure of storm.sort(() => Math.random() - 0.5)) fake.failNext("sendMessage", failure);

    // Background work runs as on the server, the clock moving on so back-offs come due.
    let pumping = true;
    const pump = (async () => {
      while (pumping) {
        await runWorkOnce(h.deps);
        h.clock.advanceMinutes(0.25);
        await new Promise((r) => setTimeout(r, 5));
      }
    })();

    const latencies: number[] = [];
    const statuses: number[] = [];
    await Promise.all(
      Array.from({ length: CITIZENS }, async (_, i) => {
        const user: TestUser = { id: 4_100_000_000 + i, is_bot: false, first_name: `Dân ${i}` };
        const updates = [
          textUpdate("/start", { user }),
          textUpdate("Hồng Lộc", { user }),
          callbackUpdate(`c:${commune.id}`, { user }),
          callbackUpdate("k:online", { user }),
          callbackUpdate("v:none", { user }),
          textUpdate(`Bão ${i}: có người rao bán ma túy trên mạng.`, { user }),
          callbackUpdate("m:continue", { user }),
          callbackUpdate("s:submit", { user }),
        ];
        for (const update of updates) {
          const started = performance.now();
          const res = await h.postTelegram(update);
          latencies.push(performance.now() - started);
          statuses.push(res.status);
          // A citizen answers what they see; give the work loop a moment as a person would.
          await new Promise((r) => setTimeout(r, 20));
        }
      }),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(Math.max(...latencies)).toBeLessThan(1000);

    // Wait until nothing is left to send (the clock keeps moving, so every back-off comes due).
    const deadline = Date.now() + 60_000;
    for (;;) {
      const pending = await h.db.outboxMessage.count({ where: { status: "pending" } });
      const inbound = await h.db.inboundUpdate.count({ where: { status: { not: "done" } } });
      if (pending === 0 && inbound === 0) break;
      if (Date.now() > deadline) throw new Error(`still ${pending} to send, ${inbound} to handle`);
      await new Promise((r) => setTimeout(r, 50));
    }
    pumping = false;
    await pump;

    expect(fake.calls.filter((c) => c.method === "sendMessage" && c.result === undefined).length).toBeGreaterThanOrEqual(storm.length);
    expect(await h.db.outboxMessage.count({ where: { status: "failed" } })).toBe(0);
    const tips = await h.db.tip.findMany({ select: { caseNumber: true } });
    expect(tips).toHaveLength(CITIZENS);
    for (const tip of tips) expect(delivered(officer.id, `TIN BÁO MỚI ${tip.caseNumber}`), tip.caseNumber).toHaveLength(1);
    for (let i = 0; i < CITIZENS; i++) expect(delivered(4_100_000_000 + i, "Mã tiếp nhận của bạn"), `citizen ${i}`).toHaveLength(1);
  }, 120_000);
});
