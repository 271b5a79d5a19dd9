// Benchmark: a bulletin fan-out to thousands of subscribers on Telegram and Zalo, killed with SIGKILL
// at random points and restarted until done, while tip-offs keep arriving by webhook — the large
// version of test/faults/bulletin-kill-load.test.ts (same scenario: test/helpers/bulletin-kill-scenario.ts).
// By default the fakes enforce the platforms' real limits (Telegram 30 messages/s, 429 with
// retry_after; Zalo OA 4,000 requests/min, error -32) and the server paces as it does in production
// (src/outbox/channel-limits.json). Prints the machine, the settings, each kill, what arrived
// (repeats, losses), the 429s, throughput and webhook latency, and writes them to
// bench-results/bulletin-kill-<subscribers>.json. Not part of `npm test`:
//
//   npm run bench:bulletin-kill                                   # 10,000 subscribers, 5 kills
//   npm run bench:bulletin-kill -- --subscribers 3000 --kills 3 --seed 42
//   npm run bench:bulletin-kill -- --tg-pace 40 --zalo-refusal http429 --zalo-limit 3000   # paced above the limits
import { parseArgs } from "node:util";
import { channelLimits } from "../../src/outbox/pacing.js";
import { runBulletinKillScenario } from "../helpers/bulletin-kill-scenario.js";
import { describeMachine, machineInfo, round, writeResult } from "./machine.js";

const { values } = parseArgs({
  options: {
    subscribers: { type: "string", default: "10000" },
    kills: { type: "string", default: "5" },
    seed: { type: "string" },
    "tg-limit": { type: "string", default: "30" },
    "tg-pace": { type: "string", default: String(channelLimits.telegram ?? 25) },
    "zalo-limit": { type: "string", default: "4000" },
    "zalo-window-ms": { type: "string", default: "60000" },
    "zalo-refusal": { type: "string", default: "zalo-32" },
    "zalo-pace": { type: "string", default: String(channelLimits.zalo ?? 60) },
    "webhook-senders": { type: "string", default: "1" },
    "webhook-gap-ms": { type: "string", default: "800" },
    "timeout-min": { type: "string", default: "40" },
  },
});

async function main() {
  const machine = machineInfo();
  const settings = {
    subscribers: Number(values.subscribers),
    kills: Number(values.kills),
    seed: Number(values.seed ?? Math.floor(Math.random() * 2 ** 31)),
    telegramLimitPerSecond: Number(values["tg-limit"]),
    zaloLimit: { max: Number(values["zalo-limit"]), windowMs: Number(values["zalo-window-ms"]), refusal: values["zalo-refusal"] === "http429" ? ("http429" as const) : ("zalo-32" as const) },
    pace: { telegram: Number(values["tg-pace"]), zalo: Number(values["zalo-pace"]) },
    maxCitizens: 20_000,
    webhookConcurrency: Number(values["webhook-senders"]),
    webhookGapMs: Number(values["webhook-gap-ms"]),
    timeoutMs: Number(values["timeout-min"]) * 60_000,
  };
  console.log(`Bulletin fan-out killed under load — ${describeMachine(machine)}`);
  console.log(`  settings: ${JSON.stringify(settings)}`);
  const r = await runBulletinKillScenario({ ...settings, log: (line) => console.log(`  ${line}`) });
  const messages = r.subscribers.telegram + r.subscribers.zalo + r.headMessagesExpected;
  const figures = {
    machine,
    settings,
    finished: r.finished,
    recipients: { subscribersTelegram: r.subscribers.telegram, subscribersZalo: r.subscribers.zalo, villageHeads: r.heads, headMessages: r.headMessagesExpected },
    kills: r.kills.map((k) => ({ phase: k.phase, atSeconds: round(k.msSinceStart / 1000), queued: k.queuedAtKill, delivered: k.deliveredAtKill, inFlight: k.inFlight.length, webhooksAnswered: k.webhooksAnsweredBefore, answeredNotStored: k.answeredNotStored.length, peakRssMiB: k.peakRssMiB })),
    delivered: r.delivered,
    missed: r.missed.length,
    repeatsInFlight: r.explainedRepeats.length,
    repeatsUnexplained: r.unexplainedRepeats.length,
    outboxNotSent: r.outboxNotSent,
    slots: r.slots,
    refused: { telegram429: r.rateLimited.telegram, zalo: r.rateLimited.zalo, zaloAs: settings.zaloLimit.refusal },
    fanOutSeconds: round(r.seconds.fanOut),
    totalSeconds: round(r.seconds.total),
    messagesPerSecondAcrossRestarts: round(r.delivered / r.seconds.fanOut, 1),
    webhooks: { sent: r.webhooks.sent, answered200: r.webhooks.answered200, sentAgainAfterAFailure: r.webhooks.retriedAfterFailure, latencyMs: { p50: round(r.webhooks.latencyMs.p50), p95: round(r.webhooks.latencyMs.p95), p99: round(r.webhooks.latencyMs.p99), max: round(r.webhooks.latencyMs.max) } },
    tips: r.tips,
    inboundNotDone: r.inboundNotDone,
    lastPeakRssMiB: r.lastPeakRssMiB,
  };
  console.log("");
  console.log(`  recipients             ${r.subscribers.telegram} Telegram + ${r.subscribers.zalo} Zalo subscribers, ${r.heads} village heads (${r.headMessagesExpected} messages)`);
  for (const k of figures.kills) console.log(`  SIGKILL at ${k.atSeconds} s     while ${k.phase}: ${k.queued} rows queued, ${k.delivered} delivered, ${k.inFlight} send(s) in flight, ${k.webhooksAnswered} webhooks answered (${k.answeredNotStored} not stored), peak RSS ${k.peakRssMiB ?? "?"} MiB`);
  console.log(`  finished               ${r.finished ? "yes" : "NO (timed out)"} after ${r.restarts} restarts; fan-out ${figures.fanOutSeconds} s, ${figures.messagesPerSecondAcrossRestarts} msg/s across restarts (${messages} expected)`);
  console.log(`  delivered              ${r.delivered}; missed ${r.missed.length}; repeats ${r.explainedRepeats.length} (sends in flight at a kill), unexplained ${r.unexplainedRepeats.length}; outbox rows not sent ${r.outboxNotSent}`);
  console.log(`  refused                Telegram 429 × ${r.rateLimited.telegram}; Zalo (${settings.zaloLimit.refusal}) × ${r.rateLimited.zalo}`);
  console.log(`  webhooks               ${r.webhooks.answered200}/${r.webhooks.sent} answered 200 (${r.webhooks.retriedAfterFailure} sent again after meeting a dead server); latency p50 ${figures.webhooks.latencyMs.p50} ms, p95 ${figures.webhooks.latencyMs.p95} ms, p99 ${figures.webhooks.latencyMs.p99} ms, max ${figures.webhooks.latencyMs.max} ms`);
  console.log(`  tips                   ${r.tips.stored} stored of ${r.tips.expected} filed, ${r.tips.textsTwice} twice; inbound not handled ${r.inboundNotDone}`);
  for (const s of r.slots) console.log(`  slot ${s.commune.padEnd(16)} ${s.status}, ${s.subscribersQueued}/${s.expected} subscribers counted`);
  const file = writeResult(`bulletin-kill-${settings.subscribers}`, figures);
  console.log(`  (saved to ${file})`);
  const ok = r.finished && r.missed.length === 0 && r.unexplainedRepeats.length === 0 && r.kills.every((k) => k.answeredNotStored.length === 0);
  if (!ok) {
    console.error(`FAILED (seed ${settings.seed}): ${JSON.stringify({ missed: r.missed.slice(0, 10), unexplained: r.unexplainedRepeats.slice(0, 10) })}\n${r.childStderr}`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
