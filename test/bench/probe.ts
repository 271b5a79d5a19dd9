// Loaded into the product's process by the intake benchmark's measuring run only (node --import), so
// the product's code stays as it is: counts the SQL statements better-sqlite3 runs, reports the process's CPU
// time, and runs V8's sampling profiler on demand. The benchmark asks over a small HTTP server on
// PROBE_PORT.
import { writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { Session } from "node:inspector/promises";
import { createRequire } from "node:module";
import type BetterSqlite3 from "better-sqlite3";

const require = createRequire(import.meta.url);
// The same module instance the adapter imports (one resolved path, one CommonJS cache entry).
const Database = require("better-sqlite3") as typeof BetterSqlite3;

const statements = new Map<string, number>();
let total = 0;
const count = (sql: string) => {
  total++;
  statements.set(sql, (statements.get(sql) ?? 0) + 1);
};
// A statement counts when it runs, not when it is prepared: Prisma's adapter prepares every query
// anew, the hot path's layer (src/db/sql.ts) prepares once and runs its statements many times.
type Runnable = { source: string } & Record<"run" | "all" | "get" | "iterate", (...args: unknown[]) => unknown>;
let statementProto: Runnable | null = null;
function countRuns(proto: Runnable): void {
  for (const name of ["run", "all", "get", "iterate"] as const) {
    const original = proto[name];
    proto[name] = function (this: Runnable, ...args: unknown[]) {
      count(this.source);
      return original.apply(this, args);
    };
  }
}
const proto = Database.prototype as unknown as { prepare(sql: string): unknown; exec(sql: string): unknown };
const prepare = proto.prepare;
proto.prepare = function (this: unknown, sql: string) {
  const statement = prepare.call(this, sql) as Runnable;
  if (!statementProto) countRuns((statementProto = Object.getPrototypeOf(statement) as Runnable));
  return statement;
};
const exec = proto.exec;
proto.exec = function (this: unknown, sql: string) {
  count(sql);
  return exec.call(this, sql);
};

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

let session: Session | null = null;
const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://probe");
  const answer = (body: unknown) => res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(body));
  (async () => {
    switch (url.pathname) {
      case "/total": // cheap: has any statement run since the last look?
        return answer({ total, cpuMs: cpuMs() });
      case "/take": // the statements since the last take, and the CPU time so far
        answer({ total, cpuMs: cpuMs(), statements: Object.fromEntries(statements) });
        statements.clear();
        return;
      case "/profile/start":
        session = new Session();
        session.connect();
        await session.post("Profiler.enable");
        await session.post("Profiler.start");
        return answer({ ok: true });
      case "/profile/stop": {
        if (!session) return answer({ ok: false });
        const { profile } = await session.post("Profiler.stop");
        session.disconnect();
        session = null;
        writeFileSync(url.searchParams.get("path")!, JSON.stringify(profile));
        return answer({ ok: true });
      }
      default:
        res.writeHead(404).end();
    }
  })().catch((error: unknown) => res.writeHead(500).end(String(error)));
});
server.listen(Number(process.env.PROBE_PORT), "127.0.0.1");
server.unref();
