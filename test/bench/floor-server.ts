// The floor for the intake benchmark: the same stack (Hono on @hono/node-server, Prisma with the
// better-sqlite3 adapter, a WAL SQLite file) doing nothing but inserting one row per request.
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import type { AddressInfo } from "node:net";
import { openNodeDatabase } from "../../src/db/node.js";

const db = openNodeDatabase(process.env.DATABASE_URL ?? "file:./bench-results/floor.db");
const app = new Hono();
let n = 0;
app.post("/:channel/webhook", async (c) => {
  const text = await c.req.text();
  await db.inboundUpdate.create({ data: { channel: "floor", externalId: String(++n), incoming: text.length > 0 ? "x" : "" } });
  return c.json({ ok: true });
});
const server = serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: "127.0.0.1" }, () => {
  console.log(`listening ${(server.address() as AddressInfo).port}`);
});
