// The bare floor for the intake benchmark: node:http and one prepared better-sqlite3 INSERT per
// update into the product's own InboundUpdate table (same migrations, indexes and WAL file set-up),
// then 200. No framework, no ORM: what this machine does at all with the same bodies.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import Database from "better-sqlite3";
import { migrateSqliteFile, sqlitePathFromUrl } from "../../src/db/migrate-node.js";
import { BUSY_TIMEOUT_MS } from "../../src/db/node.js";

const path = sqlitePathFromUrl(process.env.DATABASE_URL ?? "file:./bench-results/bare-floor.db");
migrateSqliteFile(path); // sets WAL, as the product does
const db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
db.pragma("secure_delete = ON"); // as the product's connection
const insert = db.prepare(`INSERT INTO "InboundUpdate" ("channel", "externalId", "incoming") VALUES (?, ?, ?)`);
let n = 0;
const server = createServer((req, res) => {
  if (req.method !== "POST" || !req.url?.endsWith("/webhook")) {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    // The same row as the Hono + Prisma floor: the body is read whole, not kept.
    insert.run("floor", String(++n), Buffer.concat(chunks).length > 0 ? "x" : "");
    res.writeHead(200, { "Content-Type": "application/json" }).end('{"ok":true}');
  });
});
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  console.log(`listening ${(server.address() as AddressInfo).port}`);
});
