// National-scale benchmark of the compliance commands on the Node SQLite setup (not part of npm test).
//   npm run bench:compliance            build the database once (reused), then measure
//   npm run bench:compliance -- --rebuild
// Scale: 34 provinces, 3,321 communes, 64,000 villages, five years (60 months) of monthly figures for
// every village, one million tips. Measures the real command handlers (/thongke, /tieuchi, /xephang,
// /baocao with XLSX + PNG) through Prisma on better-sqlite3, and prints p50/p95 with the machine.
import { addMonths, formatMonthVN, monthRange } from "../../src/util/vietnam-time.js";
import Database from "better-sqlite3";
import { existsSync, rmSync, statSync } from "node:fs";
import { cpus, totalmem, tmpdir } from "node:os";
import { join } from "node:path";
import { migrateSqliteFile } from "../../src/db/migrate-node.js";
import { openNodeDatabase } from "../../src/db/node.js";
import { createKeyring, randomKeyText } from "../../src/crypto/keys.js";
import { createLogger } from "../../src/log.js";
import { FIGURE_FIELDS } from "../../src/compliance/fields.js";
import { defaultComplianceDeps } from "../../src/compliance/service.js";
import { createNodeReportRenderers } from "../../src/reports/node-renderers.js";
import { categories } from "../../src/tips/categories.js";
import { Turn, type CoreDeps, type StaffRow } from "../../bots/core/turn.js";
import { IDLE } from "../../bots/core/state.js";
import { registryServices } from "../../bots/core/help.js";
import { sendReport, showCriteria, showRanking, showSummary } from "../../bots/core/stats.js";

const PROVINCES = 34;
const COMMUNES = 3321;
const VILLAGES = 64_000;
const MONTHS = 60;
const TIPS = 1_000_000;
const LAST_MONTH = "2026-10";
const FIRST_MONTH = addMonths(LAST_MONTH, -(MONTHS - 1));

const path = process.env.BENCH_DB ?? join(tmpdir(), "phaodai-bench-compliance.db");
const rebuild = process.argv.includes("--rebuild");

function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function build(): void {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
  migrateSqliteFile(path);
  const db = new Database(path);
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -512000");
  const random = rng(42);
  const int = (max: number) => Math.floor(random() * (max + 1));
  const started = Date.now();
  db.transaction(() => {
    const province = db.prepare(`INSERT INTO "Province" (id, code, name) VALUES (?, ?, ?)`);
    for (let p = 1; p <= PROVINCES; p++) province.run(p, `P${String(p).padStart(2, "0")}`, `Tỉnh số ${p}`);
    const commune = db.prepare(`INSERT INTO "Commune" (id, code, name, searchName, provinceId) VALUES (?, ?, ?, ?, ?)`);
    for (let c = 1; c <= COMMUNES; c++) commune.run(c, `C${String(c).padStart(4, "0")}`, `Xuân Phong ${c}`, `xuan phong ${c}`, ((c - 1) % PROVINCES) + 1);
    const village = db.prepare(`INSERT INTO "Village" (id, code, name, communeId) VALUES (?, ?, ?, ?)`);
    for (let v = 1; v <= VILLAGES; v++) village.run(v, `V${String(v).padStart(5, "0")}`, `Thôn số ${v}`, ((v - 1) % COMMUNES) + 1);
  })();
  console.log(`places: ${Date.now() - started} ms`);

  const figures = db.prepare(`INSERT INTO "VillageFigures" (villageId, communeId, month, data, version, source, updatedAt) VALUES (?, ?, ?, ?, 1, 'csv', ?)`);
  const t0 = Date.now();
  for (let m = 0; m < MONTHS; m++) {
    const month = addMonths(FIRST_MONTH, m);
    const updatedAt = monthRange(month).start.getTime() + 19 * 86_400_000;
    db.transaction(() => {
      for (let v = 1; v <= VILLAGES; v++) {
        // The last month: in a quarter of the communes a third of the villages are late.
        if (m === MONTHS - 1 && (((v - 1) % COMMUNES) + 1) % 4 === 0 && v % 3 === 0) continue;
        const households = 40 + int(200);
        const addicts = int(4);
        const users = int(2);
        const values: Record<string, number> = {};
        for (const f of FIGURE_FIELDS) values[f.id] = f.kind === "yesno" ? (random() < 0.95 ? 1 : 0) : 0;
        Object.assign(values, {
          households,
          households_committed: households - (random() < 0.1 ? 1 : 0),
          propaganda_sessions: int(3),
          addicts_total: addicts,
          addicts_with_file: addicts,
          addicts_in_treatment: Math.max(0, addicts - int(1)),
          illegal_users_total: users,
          illegal_users_managed: users,
          negative_tests_30d: addicts + users,
          addicts_in_community: Math.max(0, addicts - int(1)),
          baseline_addicts: addicts + int(2),
          baseline_illegal_users: users + int(1),
          after_rehab_total: int(3),
          hot_spots: random() < 0.02 ? 1 : 0,
          anti_drug_models: int(1),
        });
        values.after_rehab_managed = values.after_rehab_total!;
        values.after_rehab_tested = values.after_rehab_total!;
        figures.run(v, ((v - 1) % COMMUNES) + 1, month, JSON.stringify(values), updatedAt);
      }
    })();
  }
  console.log(`figures: ${Date.now() - t0} ms`);

  const tip = db.prepare(
    `INSERT INTO "Tip" (caseNumber, receiptHash, communeId, villageId, category, text, channel, status, createdAt, takenAt, closedAt, lastAlertAt) VALUES (?, ?, ?, ?, ?, ?, 'telegram', ?, ?, ?, ?, ?)`,
  );
  const t1 = Date.now();
  const start = monthRange(FIRST_MONTH).start.getTime();
  const span = monthRange(LAST_MONTH).end.getTime() - start;
  const statuses = ["done", "done", "done", "done", "done", "done", "unfounded", "unfounded", "verifying", "taken", "new"];
  db.transaction(() => {
    for (let i = 1; i <= TIPS; i++) {
      const village = 1 + int(VILLAGES - 1);
      const commune = ((village - 1) % COMMUNES) + 1;
      const created = start + Math.floor(random() * span);
      const status = statuses[int(statuses.length - 1)]!;
      const taken = status === "new" ? null : created + (5 + int(600)) * 60_000;
      const closed = status === "done" || status === "unfounded" ? taken! + (1 + int(30)) * 86_400_000 : null;
      tip.run(`C${commune}-${i}`, `h${i}`, commune, random() < 0.8 ? village : null, categories[int(categories.length - 1)]!.id, "Nội dung tin báo thử nghiệm cho phép đo.", status, created, taken, closed, created);
    }
  })();
  console.log(`tips: ${Date.now() - t1} ms`);
  db.exec(`ANALYZE`);
  db.exec(`CREATE TABLE bench_done (at INTEGER)`);
  db.close();
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function measure(label: string, runs: number, fn: (i: number) => Promise<void>): Promise<void> {
  await fn(-1); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(44)} runs ${String(runs).padStart(4)}  p50 ${percentile(times, 50).toFixed(1).padStart(8)} ms  p95 ${percentile(times, 95).toFixed(1).padStart(8)} ms  max ${times.at(-1)!.toFixed(1).padStart(8)} ms`);
}

async function main() {
  const complete = existsSync(path) && (() => {
    const db = new Database(path, { readonly: true });
    try {
      return !!db.prepare(`SELECT name FROM sqlite_master WHERE name = 'bench_done'`).get();
    } finally {
      db.close();
    }
  })();
  if (rebuild || !complete) {
    console.log(`building ${path} …`);
    const t = Date.now();
    build();
    console.log(`built in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  migrateSqliteFile(path); // indexes added by later migrations
  const db = openNodeDatabase(`file:${path}`);
  const keys = await createKeyring(randomKeyText(), randomKeyText());
  const deps: CoreDeps = {
    db,
    keys,
    log: createLogger("error", () => undefined),
    now: () => new Date(monthRange(LAST_MONTH).start.getTime() + 24 * 86_400_000),
    settings: { draftTtlMinutes: 60, tipsPerHour: 5, globalTipsPerMinute: 120, escalateAfterMinutes: 30, addressRetentionDays: 30, demo: false },
    compliance: defaultComplianceDeps({ renderers: createNodeReportRenderers() }),
  };
  const admin: StaffRow = { id: 1, displayName: "Bench", role: "admin", communeId: null, villageId: null, provinceId: null, active: true };
  const turn = () =>
    new Turn(deps, { channel: "web", sender: "bench", chat: { sealed: "x", tag: "x", isGroup: false }, content: { kind: "text", text: "" }, receivedAt: 0 }, IDLE, admin, registryServices);
  const random = rng(7);
  const commune = () => `C${String(1 + Math.floor(random() * COMMUNES)).padStart(4, "0")}`;
  const month = formatMonthVN(LAST_MONTH);
  let lastReply = "";

  console.log(`\nmachine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory, Node ${process.version}`);
  console.log(`database: ${path}, ${(statSync(path).size / 2 ** 30).toFixed(2)} GiB; ${PROVINCES} provinces, ${COMMUNES} communes, ${VILLAGES} villages, ${MONTHS} months of figures, ${TIPS} tips`);
  console.log(`month measured: ${month}\n`);
  await measure("/thongke <commune> (summary + tips)", 200, async () => {
    const t = turn();
    await showSummary(t, admin, `${commune()} ${month}`);
    lastReply = t.replies[0]?.text ?? "";
  });
  await measure("/tieuchi <commune> (criteria checklist)", 200, async () => {
    const t = turn();
    await showCriteria(t, admin, `${commune()} ${month}`);
  });
  let p = 0;
  await measure("/xephang <province> (~98 communes ranked)", 34, async () => {
    const t = turn();
    await showRanking(t, admin, `P${String((p++ % PROVINCES) + 1).padStart(2, "0")} ${month}`);
  });
  await measure("/baocao <commune> (XLSX + HTML + PNG)", 30, async () => {
    const t = turn();
    await sendReport(t, admin, `${commune()} ${month}`);
  });
  console.log(`\nsample /thongke reply:\n${lastReply.split("\n").slice(0, 6).join("\n")}`);
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
