// Summarises a V8 CPU profile (node --cpu-prof) by where the time went: our code by file, each npm
// package, Node's internals, garbage collection and idle. Used to explain the intake benchmark:
//
//   BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" npm run bench:intake -- --citizens 600 --skip-drain
//   npx tsx test/bench/profile-summary.ts /tmp/prof/<the larger file>.cpuprofile
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function bucketOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (functionName === "(idle)") return "(idle)";
  if (functionName === "(garbage collector)") return "(garbage collector)";
  if (functionName === "(program)") return "(program: native, not attributed)";
  if (url === "") return `(native) ${functionName || "anonymous"}`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return `npm ${pkg[1]}`;
  if (url.startsWith("node:")) return `node ${url.slice(5).split("/")[0]}`;
  const ours = /\/(src|bots)\/(.+)$/.exec(url);
  if (ours) return `ours ${ours[1]}/${ours[2]}`;
  return url;
}

const file = process.argv[2];
if (!file) {
  console.error("usage: tsx test/bench/profile-summary.ts <file.cpuprofile> [top]");
  process.exit(2);
}
const top = Number(process.argv[3] ?? 25);
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map<string, number>();
const fnUs = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const node = byId.get(id)!;
  const dt = profile.timeDeltas[i] ?? 0;
  total += dt;
  const bucket = bucketOf(node);
  selfUs.set(bucket, (selfUs.get(bucket) ?? 0) + dt);
  const fn = `${node.callFrame.functionName || "(anonymous)"} ${bucket}`;
  fnUs.set(fn, (fnUs.get(fn) ?? 0) + dt);
});
const idle = selfUs.get("(idle)") ?? 0;
const busy = total - idle;
const pct = (us: number) => `${((100 * us) / busy).toFixed(1).padStart(5)} %`;
console.log(`${file}\nwall ${(total / 1e6).toFixed(2)} s, busy ${(busy / 1e6).toFixed(2)} s (${((100 * busy) / total).toFixed(0)} % of the wall)\n`);
console.log("Self time by place (share of busy time):");
for (const [bucket, us] of [...selfUs].filter(([b]) => b !== "(idle)").sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`  ${pct(us)}  ${(us / 1e3).toFixed(0).padStart(7)} ms  ${bucket}`);
}
const groupOf = (bucket: string): string => {
  if (/^npm (@prisma\/|better-sqlite3)/.test(bucket) || bucket.startsWith("wasm://")) return "Prisma and SQLite (query building, the adapter, the driver, SQLite itself)";
  if (bucket.startsWith("ours ")) return "our own code (src/, bots/)";
  if (bucket === "(garbage collector)") return "garbage collection";
  if (/^npm (hono|@hono\/)/.test(bucket)) return "Hono";
  if (bucket.startsWith("npm ")) return "other packages";
  return "Node itself (HTTP, sockets, streams, crypto, microtasks)";
};
const groups = new Map<string, number>();
for (const [bucket, us] of selfUs) if (bucket !== "(idle)") groups.set(groupOf(bucket), (groups.get(groupOf(bucket)) ?? 0) + us);
console.log("\nBy group:");
for (const [group, us] of [...groups].sort((a, b) => b[1] - a[1])) console.log(`  ${pct(us)}  ${(us / 1e3).toFixed(0).padStart(7)} ms  ${group}`);
console.log("\nHottest functions (self time):");
for (const [fn, us] of [...fnUs].filter(([f]) => !f.includes("(idle)")).sort((a, b) => b[1] - a[1]).slice(0, 15)) {
  console.log(`  ${pct(us)}  ${fn}`);
}
