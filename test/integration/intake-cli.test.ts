// The admin command line for tips that do not come by chat: `slips` prints tip-box slips whose codes
// exist only on the page (the database holds their keyed hashes, and a code opens its slip), and
// `register` writes the tip register, read back here cell by cell.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureAdmin } from "../helpers/admin-cli.js";
import { SAMPLE_PLACES_CSV } from "../../src/node.js";
import { randomKeyText } from "../../src/crypto/keys.js";
import { createNodeKeyring } from "../../src/crypto/node-keyring.js";
import { openNodeDatabase } from "../../src/db/node.js";
import { findSlip } from "../../src/tips/slips.js";
import { enterTip } from "../../src/tips/intake.js";
import { applyTipAction, createTip, type TipDeps } from "../../src/tips/service.js";
import { vietnamWallClock } from "../../src/util/vietnam-time.js";

const dir = mkdtempSync(join(tmpdir(), "phaodai-intake-cli-"));
const dbFile = join(dir, "data", "intake.db");
const keyText = { pseudonymKey: randomKeyText(), vaultKey: randomKeyText() };
const env = { DATABASE_URL: `file:${dbFile}`, PORT: "0", DEMO_MODE: "on", PSEUDONYM_KEY: keyText.pseudonymKey, VAULT_KEY: keyText.vaultKey };
const now = new Date("2026-11-20T03:00:00Z");

const admin = (...argv: string[]) => captureAdmin(argv, env, () => now);

beforeAll(async () => {
  expect((await admin("import-places", SAMPLE_PLACES_CSV, "--sample")).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("admin slips", () => {
  let codes: string[] = [];

  it("lists slips and register in its help", async () => {
    const help = await admin("help");
    expect(help.out).toContain("  slips --commune <MÃ XÃ>");
    expect(help.out).toContain("  register --commune <MÃ XÃ>");
  });

  it("refuses what it cannot print, saying what to pass", async () => {
    const out = join(dir, "refused.html");
    expect((await admin("slips", "--commune", "HONGLOC", "--out", out)).err).toContain("--url");
    expect((await admin("slips", "--commune", "HONGLOC", "--url", "http://localhost:9911")).code).toBe(2);
    const badCount = await admin("slips", "--commune", "HONGLOC", "--count", "0", "--out", out, "--url", "http://localhost:9911");
    expect(badCount.code).toBe(2);
    expect(badCount.err).toContain("--count phải là số từ 1 đến 200");
    const noVillage = await admin("slips", "--commune", "HONGLOC", "--village", "PT-01", "--out", out, "--url", "http://localhost:9911");
    expect(noVillage.code).toBe(1);
    expect(noVillage.err).toContain("Xã Hồng Lộc không có thôn mã PT-01.");
    expect((await admin("slips", "--commune", "NOWHERE", "--out", out, "--url", "http://localhost:9911")).code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });

  it("prints slips with fresh codes for a village; the database keeps only their hashes, and each code opens its slip", async () => {
    const out = join(dir, "slips.html");
    const made = await admin("slips", "--commune", "HONGLOC", "--village", "hl-01", "--count", "3", "--out", out, "--url", "http://localhost:9911");
    expect(made.code).toBe(0);
    expect(made.out).toContain("Đã tạo 3 phiếu cho 1 thôn");
    const html = readFileSync(out, "utf8");
    codes = [...html.matchAll(/data-code="([A-Z0-9]{4}-[A-Z0-9]{4})"/g)].map((m) => m[1]!);
    expect(codes).toHaveLength(3);
    expect(new Set(codes).size).toBe(3);
    expect(html).toContain("Thôn Thượng Phú, xã Hồng Lộc, Hà Tĩnh");
    expect(html).toContain("gõ /theodoi rồi gõ mã phiếu");
    expect(html).toContain("http://localhost:9911");
    // Two slips to an A4 page.
    expect(html.match(/<section class="page">/g)).toHaveLength(2);
    // The QR opens the web chat alone: the code is in no link.
    for (const code of codes) expect(html).not.toMatch(new RegExp(`https?://[^"<\\s]*${code}`));

    const db = openNodeDatabase(env.DATABASE_URL);
    try {
      const keys = createNodeKeyring(keyText.pseudonymKey, keyText.vaultKey);
      const village = await db.village.findUniqueOrThrow({ where: { code: "HL-01" } });
      expect(await db.tipSlip.count({ where: { villageId: village.id, usedByTipId: null } })).toBe(3);
      for (const code of codes) {
        const found = await findSlip(db, keys, village.communeId, code);
        expect(found.ok && found.slip.villageId).toBe(village.id);
        // Another commune's officer cannot find it.
        const other = await db.commune.findUniqueOrThrow({ where: { code: "PHUONGTIEN" } });
        expect((await findSlip(db, keys, other.id, code)).ok).toBe(false);
      }
    } finally {
      await db.$disconnect();
    }
    const stored = [dbFile, `${dbFile}-wal`].filter(existsSync).map((f) => readFileSync(f).toString("latin1"));
    for (const code of codes) for (const blob of stored) {
      expect(blob.includes(code)).toBe(false);
      expect(blob.includes(code.replace("-", ""))).toBe(false);
    }
  });

  it("writes the register of a month, filtered, one row per tip, cell by cell", async () => {
    const db = openNodeDatabase(env.DATABASE_URL);
    const keys = createNodeKeyring(keyText.pseudonymKey, keyText.vaultKey);
    const deps: TipDeps = { db, keys, now: () => now, settings: { escalateAfterMinutes: 30, addressRetentionDays: 30 } };
    try {
      const commune = await db.commune.findUniqueOrThrow({ where: { code: "HONGLOC" } });
      const village = await db.village.findUniqueOrThrow({ where: { code: "HL-03" } });
      const officer = await db.staff.create({ data: { displayName: "Đ/c Kiểm Thử", role: "officer", communeId: commune.id, channel: "telegram", pseudonym: "p-test", sealedAddress: "s-test", createdAt: now } });
      const staff = { id: officer.id, displayName: officer.displayName, role: "officer", communeId: commune.id, villageId: null, active: true };
      const chat = await createTip(deps, { communeId: commune.id, villageId: null, category: "online", text: "Bán qua mạng.", channel: "web", attachments: [], replyTo: null, conversationTag: null });
      const phone = await enterTip(deps, staff, { source: "in_person", villageId: village.id, category: "psychosis", text: "Người đến báo: có người ngáo đá.", channel: "telegram" });
      expect(phone.ok).toBe(true);
      // The domain's own checks: another commune's village, a leader, a slip of another commune or used twice.
      const elsewhere = await db.village.findUniqueOrThrow({ where: { code: "PT-01" } });
      expect(await enterTip(deps, staff, { source: "hotline", villageId: elsewhere.id, category: "selling", text: "x", channel: "telegram" })).toEqual({ ok: false, reason: "bad_input" });
      expect(await enterTip(deps, { ...staff, role: "leader" }, { source: "hotline", villageId: null, category: "selling", text: "x", channel: "telegram" })).toEqual({ ok: false, reason: "forbidden" });
      expect(await enterTip(deps, staff, { source: "chat", villageId: null, category: "selling", text: "x", channel: "telegram" })).toEqual({ ok: false, reason: "bad_input" });
      expect(await enterTip(deps, staff, { source: "hotline", villageId: null, category: "selling", text: "x", channel: "telegram", slipId: 1 })).toEqual({ ok: false, reason: "bad_input" });
      const slip = await db.tipSlip.findFirstOrThrow({ where: { communeId: commune.id } });
      const onSlip = await enterTip({ ...deps, now: () => new Date("2026-10-20T03:00:00Z") }, staff, { source: "tipbox", villageId: slip.villageId, category: "selling", text: "Thư.", channel: "telegram", slipId: slip.id });
      expect(onSlip.ok && onSlip.onSlip).toBe(true);
      expect(await enterTip(deps, staff, { source: "tipbox", villageId: null, category: "selling", text: "Thư khác.", channel: "telegram", slipId: slip.id })).toEqual({ ok: false, reason: "slip_used" });
      const otherCommune = await db.commune.findUniqueOrThrow({ where: { code: "PHUONGTIEN" } });
      expect(await enterTip(deps, { ...staff, communeId: otherCommune.id }, { source: "tipbox", villageId: null, category: "selling", text: "x", channel: "telegram", slipId: slip.id })).toEqual({ ok: false, reason: "slip_unknown" });
      // Another month's tip is not in November's register.
      await createTip({ ...deps, now: () => new Date("2026-10-15T03:00:00Z") }, { communeId: commune.id, villageId: null, category: "other", text: "Tháng trước.", channel: "web", attachments: [], replyTo: null, conversationTag: null });

      const out = join(dir, "register.xlsx");
      const made = await admin("register", "--commune", "HONGLOC", "--month", "2026-11", "--out", out);
      expect(made.code).toBe(0);
      expect(made.out).toBe(`Đã ghi sổ tin báo (2 tin) vào ${out}.`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const ws = wb.getWorksheet("Sổ tin báo")!;
      expect(ws.rowCount).toBe(3);
      const cells = (row: number) => Array.from({ length: 10 }, (_, i) => {
        const v = ws.getRow(row).getCell(i + 1).value ?? null;
        return v instanceof Date ? v.toISOString().slice(0, 16) : v;
      });
      const received = vietnamWallClock(now).toISOString().slice(0, 16);
      expect(cells(2)).toEqual([1, chat.caseNumber, received, null, null, "Mới, chờ tiếp nhận", "Mua bán ma túy qua mạng", "Không rõ", "Qua chatbot (Zalo, Telegram, trang web)", 0]);
      expect(cells(3)).toEqual([2, phone.ok ? phone.caseNumber : "", received, null, null, "Mới, chờ tiếp nhận", "Người ngáo đá, loạn thần do ma túy", "Thôn Phú Lộc", "Người dân đến báo trực tiếp", 0]);
      const info = wb.getWorksheet("Thông tin")!;
      expect(info.getRow(3).getCell(2).value).toBe("từ 01/11/2026 đến 30/11/2026");

      const filtered = join(dir, "register-in-person.xlsx");
      expect((await admin("register", "--commune", "HONGLOC", "--from", "2026-11-01", "--to", "2026-11-30", "--source", "in_person", "--village", "HL-03", "--out", filtered)).out).toContain("(1 tin)");
      const wb2 = new ExcelJS.Workbook();
      await wb2.xlsx.readFile(filtered);
      expect(wb2.getWorksheet("Sổ tin báo")!.getRow(2).getCell(2).value).toBe(phone.ok ? phone.caseNumber : "");
      expect(wb2.getWorksheet("Thông tin")!.getRow(4).getCell(2).value).toBe("Thôn/xóm: Thôn Phú Lộc; Nguồn tin: Người dân đến báo trực tiếp");

      // By responsible officer (by name or id): only the tip they took, their name on its row.
      expect(phone.ok && (await applyTipAction(deps, staff, phone.tipId, "take")).ok).toBe(true);
      const mine = join(dir, "register-officer.xlsx");
      expect((await admin("register", "--commune", "HONGLOC", "--month", "2026-11", "--officer", "Đ/c Kiểm Thử", "--out", mine)).out).toContain("(1 tin)");
      const wb3 = new ExcelJS.Workbook();
      await wb3.xlsx.readFile(mine);
      expect([wb3.getWorksheet("Sổ tin báo")!.getRow(2).getCell(2).value, wb3.getWorksheet("Sổ tin báo")!.getRow(2).getCell(12).value]).toEqual([phone.ok ? phone.caseNumber : "", "Đ/c Kiểm Thử"]);
      expect((await admin("register", "--commune", "HONGLOC", "--month", "2026-11", "--officer", String(officer.id), "--out", mine)).out).toContain("(1 tin)");
      expect((await admin("register", "--commune", "HONGLOC", "--month", "2026-11", "--officer", "Người Lạ", "--out", mine)).err).toContain('--officer "Người Lạ"');
    } finally {
      await db.$disconnect();
    }
  });

  it("refuses a filter of the wrong kind, a month beside days, and a bad day", async () => {
    const out = join(dir, "never.xlsx");
    const wrongKind = await admin("register", "--commune", "HONGLOC", "--month", "2026-11", "--status", "hotline", "--out", out);
    expect(wrongKind.code).toBe(2);
    expect(wrongKind.err).toContain('--status "hotline" không có trong danh sách');
    expect((await admin("register", "--commune", "HONGLOC", "--month", "2026-11", "--from", "2026-11-01", "--out", out)).err).toContain("dùng --month, hoặc cả --from và --to");
    expect((await admin("register", "--commune", "HONGLOC", "--from", "2026-02-30", "--to", "2026-03-01", "--out", out)).err).toContain('ngày "2026-02-30"');
    expect(existsSync(out)).toBe(false);
  });
});
