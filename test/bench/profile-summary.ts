// Summarises a V8 CPU profile (node --cpu-prof, or the intake benchmark's --profile) by where the
// time went: each place (our files, npm packages, Node's internals, garbage collection), the groups
// that matter for the hot path (prisma, better-sqlite3, hono, grammy, our code, Node) and the
// hottest functions by self time.
//
//   npm run bench:intake -- --citizens 600 --skip-drain --profile      (prints this for the handled phase)
//   npx tsx test/bench/profile-summary.ts <file.cpuprofile> [top]
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
export interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A native frame (no URL) counts for the nearest caller with a URL when that is the SQLite driver, Prisma's adapter, the hot path's layer (src/db/sql.ts) or the probe's counting wrapper: `all`, `run`, `Statement` (prepare) are SQLite's work. */
function placeOf(node: ProfileNode, parentOf: Map<number, ProfileNode>): string {
  const { url, functionName } = node.callFrame;
  if (functionName === "(idle)") return "(idle)";
  if (functionName === "(garbage collector)") return "(garbage collector)";
  if (functionName === "(program)") return "(program: native, not attributed)";
  if (url === "") {
    let caller = parentOf.get(node.id);
    while (caller && caller.callFrame.url === "") caller = parentOf.get(caller.id);
    if (caller && /node_modules\/(better-sqlite3|@prisma\/adapter-better-sqlite3)\/|\/src\/db\/sql\.ts$|\/test\/bench\/probe\.ts$/.test(caller.callFrame.url)) return "npm better-sqlite3 (native, SQLite)";
    return `(native) ${functionName || "anonymous"}`;
  }
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return `npm ${pkg[1]}`;
  if (url.startsWith("wasm://")) return "wasm (Prisma's query compiler)";
  if (url.startsWith("node:")) return `node ${url.slice(5).split("/")[0]}`;
  const ours = /\/(src|bots)\/(.+)$/.exec(url);
  if (ours) return `ours ${ours[1]}/${ours[2]}`;
  return url;
}

/** The groups the issue asks about: which package (or ours, or Node) spends the time. */
function groupOf(place: string): string {
  if (/^npm @prisma\//.test(place) || place.startsWith("wasm")) return "prisma";
  if (place.startsWith("npm better-sqlite3")) return "better-sqlite3 (SQLite itself)";
  if (/^npm (hono|@hono\/)/.test(place)) return "hono";
  if (/^npm (grammy|@grammyjs\/)/.test(place)) return "grammy";
  if (place.startsWith("ours ")) return "our code";
  if (place === "(garbage collector)") return "gc";
  if (place.startsWith("npm ")) return `other npm (${place.slice(4)})`;
  return "node (HTTP, sockets, crypto, microtasks, native)";
}

export interface ProfileSummary {
  wallMs: number;
  busyMs: number;
  lines: string[];
}

export function summariseProfile(profile: Profile, top = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, ProfileNode>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parentOf.set(child, n);
  const placeUs = new Map<string, number>();
  const fnUs = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id)!;
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    const place = placeOf(node, parentOf);
    placeUs.set(place, (placeUs.get(place) ?? 0) + dt);
    if (place === "(idle)") return;
    const file = node.callFrame.url.replace(/^.*node_modules\//, "").replace(/^.*\/(src|bots)\//, "$1/");
    const fn = `${node.callFrame.functionName || "(anonymous)"}  [${groupOf(place)}] ${file ? `${file}:${node.callFrame.lineNumber + 1}` : ""}`;
    fnUs.set(fn, (fnUs.get(fn) ?? 0) + dt);
  });
  const busy = total - (placeUs.get("(idle)") ?? 0);
  const pct = (us: number) => `${((100 * us) / busy).toFixed(1).padStart(5)} %`;
  const ms = (us: number) => `${(us / 1e3).toFixed(0).padStart(6)} ms`;
  const groups = new Map<string, number>();
  for (const [place, us] of placeUs) if (place !== "(idle)") groups.set(groupOf(place), (groups.get(groupOf(place)) ?? 0) + us);
  const lines = [`wall ${(total / 1e6).toFixed(2)} s, busy ${(busy / 1e6).toFixed(2)} s (${((100 * busy) / total).toFixed(0)} % of the wall)`, "By group (self time, share of busy time):"];
  for (const [group, us] of [...groups].sort((a, b) => b[1] - a[1])) lines.push(`  ${pct(us)} ${ms(us)}  ${group}`);
  lines.push(`Top ${top} functions by self time:`);
  for (const [fn, us] of [...fnUs].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(us)} ${ms(us)}  ${fn}`);
  lines.push("By place:");
  for (const [place, us] of [...placeUs].filter(([p]) => p !== "(idle)").sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(us)} ${ms(us)}  ${place}`);
  return { wallMs: total / 1e3, busyMs: busy / 1e3, lines };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: tsx test/bench/profile-summary.ts <file.cpuprofile> [top]");
    process.exit(2);
  }
  console.log(`${file}\n${summariseProfile(JSON.parse(readFileSync(file, "utf8")) as Profile, Number(process.argv[3] ?? 25)).lines.join("\n")}`);
}
