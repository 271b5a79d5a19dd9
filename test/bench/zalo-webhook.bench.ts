// Benchmark (not part of `npm test`): how fast POST /zalo/webhook verifies, stores and answers,
// since Zalo wants its 200 within about 2 seconds; and how fast the stored events are then handled.
// Real app, real SQLite file, fake Zalo OA on localhost. Run: npm run bench:zalo [-- <events>]
import os from "node:os";
import { performance } from "node:perf_hooks";
import { createHarness } from "../helpers/harness.js";
import { startFakeZaloOa, textEvent } from "../helpers/fake-zalo-oa.js";

const EVENTS = Math.max(50, Math.min(20_000, Number(process.argv[2]) || 1_000));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main() {
  const fake = await startFakeZaloOa();
  const h = await createHarness({ zalo: fake });
  await h.authorizeZalo();
  const users = Array.from({ length: 50 }, (_, i) => ({ id: String(8_000_000_000_000_000_000n + BigInt(i)), userIdByApp: String(5_000_000 + i), displayName: `Người ${i}` }));
  // Warm-up: compile queries, open the file.
  for (let i = 0; i < 20; i++) await h.postZalo(textEvent(users[i % users.length]!, "/baomat"));
  await h.settle();

  const ack: number[] = [];
  const started = performance.now();
  for (let i = 0; i < EVENTS; i++) {
    const event = textEvent(users[i % users.length]!, i % 3 === 0 ? "1" : "Xin chào, tôi muốn báo tin.");
    const { body, headers } = fake.signed(event);
    const t0 = performance.now();
    const res = await h.app.request("/zalo/webhook", { method: "POST", headers, body });
    ack.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`status ${res.status}`);
  }
  const ackWall = performance.now() - started;
  const t1 = performance.now();
  await h.settle();
  const handleWall = performance.now() - t1;
  ack.sort((a, b) => a - b);

  const cpus = os.cpus();
  console.log("Zalo OA webhook benchmark");
  console.log(`machine: ${cpus.length} cores (${cpus[0]?.model ?? "?"}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, Node ${process.version}, ${os.platform()} ${os.arch()}`);
  console.log(`events: ${EVENTS} signed text events from ${users.length} users, one at a time, real SQLite file (WAL)`);
  console.log(`answer (verify + pseudonymise + store + 200): p50 ${percentile(ack, 50).toFixed(2)} ms, p95 ${percentile(ack, 95).toFixed(2)} ms, p99 ${percentile(ack, 99).toFixed(2)} ms, max ${ack.at(-1)!.toFixed(2)} ms; ${((EVENTS / ackWall) * 1000).toFixed(0)} events/s`);
  console.log(`handling afterwards (core + replies sent to the fake OA): ${handleWall.toFixed(0)} ms for ${EVENTS} events = ${(handleWall / EVENTS).toFixed(2)} ms/event; ${fake.messages.length} messages sent`);
  await h.close();
  await fake.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
