// Worker bundle size: `wrangler deploy --dry-run`, then the gzipped size of what would be uploaded
// (script and Wasm modules; source maps are not uploaded) against the 3 MB limit of the free plan.
//
//   npm run bench:bundle
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describeMachine, machineInfo, round, writeResult } from "./machine.js";
import { projectRoot } from "../helpers/server-process.js";

const FREE_PLAN_LIMIT = 3 * 1024 * 1024;
const PAID_PLAN_LIMIT = 10 * 1024 * 1024;

const machine = machineInfo();
console.log(`Worker bundle on ${describeMachine(machine)}\n`);
const outdir = mkdtempSync(join(tmpdir(), "phaodai-bundle-"));
const printed = execFileSync("npm", ["run", "-s", "wrangler", "--", "deploy", "--dry-run", "--outdir", outdir], {
  cwd: projectRoot,
  env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  encoding: "utf8",
  stdio: ["ignore", "pipe", "pipe"],
});
const wranglerLine = /Total Upload: .*/.exec(printed)?.[0] ?? "(no total printed)";
const files = readdirSync(outdir)
  .filter((f) => !f.endsWith(".map") && f !== "README.md")
  .map((name) => {
    const bytes = readFileSync(join(outdir, name));
    return { name: name.replace(/^[0-9a-f]{40}-/, ""), bytes: statSync(join(outdir, name)).size, gzip: gzipSync(bytes, { level: 9 }).length };
  });
rmSync(outdir, { recursive: true, force: true });
const total = files.reduce((a, f) => ({ bytes: a.bytes + f.bytes, gzip: a.gzip + f.gzip }), { bytes: 0, gzip: 0 });
for (const f of files) console.log(`  ${f.name.padEnd(34)} ${round(f.bytes / 1024, 0)} KiB, gzip ${round(f.gzip / 1024, 0)} KiB`);
console.log(`  total                              ${round(total.bytes / 1024, 0)} KiB, gzip ${round(total.gzip / 1024, 0)} KiB`);
console.log(`Wrangler: ${wranglerLine}`);
console.log(`Free plan limit 3 MiB: ${round((100 * total.gzip) / FREE_PLAN_LIMIT, 1)} % used; paid plan 10 MiB: ${round((100 * total.gzip) / PAID_PLAN_LIMIT, 1)} %`);
console.log(`\nWritten to ${writeResult("worker-bundle", { machine, files, total, wrangler: wranglerLine, freePlanLimit: FREE_PLAN_LIMIT, withinFreePlan: total.gzip <= FREE_PLAN_LIMIT })}`);
