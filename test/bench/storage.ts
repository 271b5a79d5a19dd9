// Measurement: bytes per stored row of the tables that grow with the years (issue 19,
// docs/storage-five-years.md). One commune of 200 villages (a head each) and 300 subscribers airs
// two weeks of slots through the real bulletin job and dispatcher (a sender that answers at once);
// tips, their events and uploads are added as rows of realistic length. After each step the file is
// VACUUMed and SQLite's dbstat table gives the pages of every table with its indexes; bytes per row
// is that over the row count. Not part of `npm test`:
//
//   npm run bench:storage
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, platform, release, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { createKeyring, randomKeyText } from "../../src/crypto/keys.js";
import { addressTagOf, pseudonymOf, sealAddress } from "../../src/crypto/pseudonym.js";
import { openNodeDatabase } from "../../src/db/node.js";
import { sql, sqlOf } from "../../src/db/sql.js";
import { createLogger } from "../../src/log.js";
import { runBulletinTick } from "../../src/bulletins/tick.js";
import { DEFAULT_SCHEDULE, nextSlotAfter } from "../../src/bulletins/schedule.js";
import { rollUpDeliveries } from "../../src/bulletins/rollup.js";
import { dispatchDue } from "../../src/outbox/dispatcher.js";
import type { ChannelSender } from "../../src/messaging/types.js";
import type { Db } from "../../src/db/client.js";
import { FIGURE_FIELDS, type FigureValues } from "../../src/compliance/fields.js";
import { saveFigures } from "../../src/compliance/service.js";

const root = resolve(import.meta.dirname, "../..");
const VILLAGES = 200;
const SUBSCRIBERS = 300;
const SLOTS = 8;
const TIPS = 500;

/** Bytes of each table with its indexes, after VACUUM, from dbstat. */
async function tableBytes(db: Db): Promise<Map<string, number>> {
  const hot = sqlOf(db);
  await hot.run(sql("VACUUM"));
  const { rows } = await hot.run(sql(`SELECT m."tbl_name" AS t, SUM(s."pgsize") AS bytes FROM "dbstat" s JOIN "sqlite_master" m ON m."name" = s."name" GROUP BY m."tbl_name"`));
  return new Map(rows.map((r) => [String(r.t), Number(r.bytes)]));
}

async function count(db: Db, table: string, where = ""): Promise<number> {
  const { rows } = await sqlOf(db).run(sql(`SELECT count(*) AS n FROM "${table}" ${where}`));
  return Number(rows[0]!.n);
}

const results: Array<{ what: string; rows: number; bytes: number; perRow: number }> = [];
async function measure(db: Db, what: string, table: string, baseline?: Map<string, number>) {
  const bytes = (await tableBytes(db)).get(table) ?? 0;
  const before = baseline?.get(table) ?? 0;
  const rows = await count(db, table);
  results.push({ what, rows, bytes: bytes - before, perRow: Math.round((bytes - before) / Math.max(1, rows)) });
}

const okSender: ChannelSender = {
  channel: "telegram",
  send: async () => ({ ok: true, externalMessageId: String(Math.floor(Math.random() * 1e9)) }),
  leave: async () => ({ ok: true }),
};

const TIP_TEXT =
  "Tối thứ bảy vừa rồi có nhóm 4–5 thanh niên tụ tập ở căn nhà cấp bốn cuối đường bê tông đi ra bãi sông, " +
  "xe máy ra vào liên tục đến gần sáng, có mùi khét lạ và có người đứng canh ở đầu ngõ. Tôi nghi họ sử dụng " +
  "ma túy tổng hợp, có thể có cả người bán. Đề nghị công an xã kiểm tra.";

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "phaodai-storage-"));
  const silent = createLogger("error", () => undefined);
  try {
    const db = openNodeDatabase(`file:${join(dir, "storage.db")}`);
    const keys = await createKeyring(randomKeyText(), randomKeyText());
    const province = await db.province.create({ data: { code: "BENCH", name: "Tỉnh đo" } });
    const commune = await db.commune.create({ data: { code: "DOXA", name: "Xã Đo", searchName: "xa do", provinceId: province.id, languages: "vie,hnj" } });
    for (let v = 0; v < VILLAGES; v++) {
      const village = await db.village.create({ data: { code: `DO-${String(v + 1).padStart(3, "0")}`, name: `Thôn ${v + 1}`, communeId: commune.id } });
      const chatId = String(20_000_000 + v);
      await db.staff.create({
        data: {
          pseudonym: await pseudonymOf(keys, "telegram", chatId),
          channel: "telegram",
          sealedAddress: await sealAddress(keys, { channel: "telegram", chatId }),
          displayName: `Trưởng thôn ${v + 1}`,
          role: "village_head",
          communeId: commune.id,
          villageId: village.id,
        },
      });
    }
    const first = nextSlotAfter(DEFAULT_SCHEDULE, new Date(Date.now() - 30 * 86_400_000))!;
    const noSubscribers = await tableBytes(db);
    for (let i = 0; i < SUBSCRIBERS; i++) {
      const address = { channel: "telegram", chatId: String(10_000_000 + i) };
      await db.bulletinSubscription.create({
        data: {
          pseudonym: await pseudonymOf(keys, "telegram", address.chatId),
          channel: "telegram",
          sealedAddress: await sealAddress(keys, address),
          addressTag: await addressTagOf(keys, address),
          communeId: commune.id,
          language: i % 3 === 0 ? "hnj" : "vie",
          lastIncomingAt: new Date(first.getTime() - 86_400_000),
        },
      });
    }
    await measure(db, "BulletinSubscription", "BulletinSubscription", noSubscribers);
    await runBulletinTick({ db, keys, log: silent, now: () => new Date(first.getTime() - 60_000) });
    const empty = await tableBytes(db);

    const deps = { db, keys, log: silent, now: () => new Date(), senders: { telegram: okSender } };
    let at = first;
    for (let s = 0; s < SLOTS; s++) {
      // The last slot's rows measured while queued (the bulletin's words in them), as they were kept before.
      const last = s === SLOTS - 1;
      const before = last ? { bytes: (await tableBytes(db)).get("OutboxMessage") ?? 0, rows: await count(db, "OutboxMessage") } : null;
      await runBulletinTick({ db, keys, log: silent, now: () => new Date(at.getTime() + 10_000) }, { fanOutBudget: 10_000 });
      if (before) {
        const bytes = ((await tableBytes(db)).get("OutboxMessage") ?? 0) - before.bytes;
        const rows = (await count(db, "OutboxMessage")) - before.rows;
        results.push({ what: "OutboxMessage, queued (the bulletin's words in payload)", rows, bytes, perRow: Math.round(bytes / rows) });
      }
      while ((await dispatchDue(deps, 500)) > 0);
      at = nextSlotAfter(DEFAULT_SCHEDULE, at)!;
    }
    // The last slot's rows were measured while queued; all are sent now.
    const sent = await tableBytes(db);
    const sentRows = await count(db, "OutboxMessage", `WHERE "status" = 'sent'`);
    results.push({ what: "OutboxMessage, sent (payload blanked)", rows: sentRows, bytes: (sent.get("OutboxMessage") ?? 0) - (empty.get("OutboxMessage") ?? 0), perRow: Math.round(((sent.get("OutboxMessage") ?? 0) - (empty.get("OutboxMessage") ?? 0)) / sentRows) });
    await measure(db, "BulletinDelivery (village × slot)", "BulletinDelivery", empty);
    // Slots: a few a week per commune; 2,000 of another commune's to measure them.
    const other = await db.commune.create({ data: { code: "DOXB", name: "Xã Đo B", searchName: "xa do b", provinceId: province.id } });
    const slotsBefore = await tableBytes(db);
    const slotCount = await count(db, "BulletinSlot");
    await db.bulletinSlot.createMany({
      data: Array.from({ length: 2000 }, (_, i) => ({ communeId: other.id, scheduledAt: new Date(first.getTime() + i * 3.5 * 86_400_000), status: "sent", itemId: 1, headsQueuedAt: new Date(), fannedOutAt: new Date() })),
    });
    const slotBytes = ((await tableBytes(db)).get("BulletinSlot") ?? 0) - (slotsBefore.get("BulletinSlot") ?? 0);
    results.push({ what: "BulletinSlot (commune × slot)", rows: (await count(db, "BulletinSlot")) - slotCount, bytes: slotBytes, perRow: Math.round(slotBytes / 2000) });

    // Deliveries rolled up: two years later, every month of them.
    await rollUpDeliveries(db, new Date(at.getTime() + 730 * 86_400_000), { groupsPerRun: 100 });
    await measure(db, "DeliveryTally (village × month × status/reason)", "DeliveryTally", empty);

    // Village figures: every field of the form, saved through the domain for three months.
    const figuresBase = await tableBytes(db);
    const villages = await db.village.findMany({ where: { communeId: commune.id }, select: { id: true } });
    for (const month of ["2026-09", "2026-10", "2026-11"] as const) {
      for (const [n, v] of villages.entries()) {
        const values: FigureValues = {};
        for (const [i, f] of FIGURE_FIELDS.entries()) {
          let value = f.kind === "yesno" ? 1 : f.id === "households" ? 150 + (n % 90) : f.id === "households_committed" ? 140 + (n % 80) : (i * 3 + n) % 9;
          if (f.atMost !== undefined) value = Math.min(value, values[f.atMost] ?? value);
          values[f.id] = value;
        }
        const saved = await saveFigures(db, { villageId: v.id, month, values, staffId: null, source: "chat", basedOnVersion: 0, now: new Date() });
        if (!saved.ok) throw new Error(`figures not saved: ${saved.detail ?? saved.reason}`);
      }
    }
    await measure(db, "VillageFigures (village × month, every field)", "VillageFigures", figuresBase);
    await measure(db, "FigureRevision (one per save)", "FigureRevision", figuresBase);

    // Tips: a text of ~330 characters, six events, one photo, a sealed reply address.
    const base = await tableBytes(db);
    for (let t = 0; t < TIPS; t++) {
      const hash = [...crypto.getRandomValues(new Uint8Array(32))].map((b) => b.toString(16).padStart(2, "0")).join("");
      const tip = await db.tip.create({
        data: { caseNumber: `DOXA-${String(t + 1).padStart(5, "0")}`, receiptHash: hash, communeId: commune.id, category: "selling", text: TIP_TEXT, channel: "telegram", status: "done", closedAt: new Date(), result: "confirmed" },
      });
      for (const kind of ["created", "status", "question", "followup", "status", "result"]) {
        await db.tipEvent.create({ data: { tipId: tip.id, kind, actorStaffId: kind === "followup" ? null : 1, text: kind === "question" || kind === "followup" ? TIP_TEXT.slice(0, 120) : null, fromStatus: "new", toStatus: "taken" } });
      }
      const publicId = hash.slice(0, 32);
      await db.tipAttachment.create({ data: { tipId: tip.id, kind: "photo", channel: "web", fileRef: `web:${publicId}` } });
      await db.webUpload.create({ data: { publicId, ownerTag: null, purpose: "citizen", tipId: tip.id, size: 180_000, mime: "image/jpeg" } });
      await db.replyAddress.create({ data: { tipId: tip.id, sealed: await sealAddress(keys, { channel: "telegram", chatId: String(30_000_000 + t) }), addressTag: hash, expiresAt: new Date() } });
    }
    await measure(db, "Tip (text ~330 characters)", "Tip", base);
    await measure(db, "TipEvent", "TipEvent", base);
    await measure(db, "TipAttachment", "TipAttachment", base);
    await measure(db, "ReplyAddress", "ReplyAddress", base);
    await measure(db, "WebUpload, metadata only (bytes in R2)", "WebUpload", base);
    // The same rows with a 180 kB photo each in the row (Node; a Worker without R2).
    // Random bytes: a JPEG does not compress either.
    const bytes = new Uint8Array(180_000);
    for (let i = 0; i < bytes.length; i += 60_000) crypto.getRandomValues(bytes.subarray(i, i + 60_000));
    await db.webUpload.updateMany({ data: { bytes } });
    await measure(db, "WebUpload, 180 kB photo in the row", "WebUpload", base);

    const version = String((await sqlOf(db).run(sql("SELECT sqlite_version() AS v"))).rows[0]!.v);
    const pageSize = Number((await sqlOf(db).run(sql("PRAGMA page_size"))).rows[0]!.page_size);
    const cpu = cpus();
    const machine = `${cpu.length} cores (${cpu[0]?.model.trim() ?? "?"}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory, Node ${process.version}, ${platform()} ${release()}`;
    console.log(`Storage per row — ${machine}`);
    console.log(`  SQLite ${version}, page size ${pageSize}, dbstat after VACUUM, indexes included`);
    for (const r of results) console.log(`  ${r.what.padEnd(58)} ${String(r.rows).padStart(6)} rows  ${String(r.bytes).padStart(10)} B  ${String(r.perRow).padStart(7)} B/row`);
    mkdirSync(join(root, "bench-results"), { recursive: true });
    const file = join(root, "bench-results", "storage.json");
    writeFileSync(file, `${JSON.stringify({ sqlite: version, pageSize, machine, results }, null, 2)}\n`);
    console.log(`  (saved to ${file})`);
    await db.$disconnect();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
