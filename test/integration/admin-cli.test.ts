// The admin command line on a real SQLite file, used together with the server as an operator would:
// import places, invite an officer, the officer registers in the chat, list and revoke.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runAdmin } from "../../src/cli/admin.js";
import { captureAdmin } from "../helpers/admin-cli.js";
import { startServer, SAMPLE_PLACES_CSV } from "../../src/node.js";
import { randomKeyText } from "../../src/crypto/keys.js";
import { webTicket } from "../helpers/pow.js";
import { pdfText } from "../helpers/pdf-text.js";
import { openNodeDatabase } from "../../src/db/node.js";
import { POSTER_SLUG, syncPosterItem } from "../../src/bulletins/poster-text.js";

const root = resolve(import.meta.dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "phaodai-admin-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { DATABASE_URL: `file:${join(dir, "data", "admin.db")}`, PORT: "0", DEMO_MODE: "on", WEB_POW_MAX_NUMBER: "1000" };

const admin = (...argv: string[]) => captureAdmin(argv, env);

async function webSay(url: string, token: string, text: string): Promise<void> {
  const ticket = await webTicket((path, init) => fetch(`${url}${path}`, init), token);
  const res = await fetch(`${url}/webchat/api/send`, { method: "POST", headers: { "Content-Type": "application/json", "X-Chat-Ticket": ticket }, body: JSON.stringify({ token, text }) });
  expect(res.status).toBe(202);
}

describe("admin command line", () => {
  it("prints its commands", async () => {
    const help = await admin("help");
    expect(help.code).toBe(0);
    for (const name of ["import-places", "places", "posters", "invite", "invites", "revoke-invite", "staff", "revoke-staff", "groups", "zalo-consent", "zalo-token", "zalo-status", "figures-import", "criteria-check", "compliance-report"]) expect(help.out).toContain(name);
    expect((await admin("no-such-thing")).code).toBe(2);
    // Each command's name once: usage strings do not repeat it ("bulletin-schedule bulletin-schedule …").
    for (const line of help.out.split("\n").filter((l) => /^ {2}\S/.test(l))) {
      const [name, ...rest] = line.trim().split(/\s+/);
      expect(rest, line).not.toContain(name);
    }
    expect(help.out).toContain("  bulletin-schedule <MÃ XÃ>");
    expect(help.out).toContain("  zalo-token <mã cấp quyền>");
  });

  it("names the expected columns and an example row for a bad places file, and writes an empty template", async () => {
    const bad = join(dir, "wrong-header.csv");
    writeFileSync(bad, "tinh,xa,thon\nLào Cai,Lùng Phình,Thôn Mới\n");
    const failed = await admin("import-places", bad);
    expect(failed.code).toBe(1);
    expect(failed.err).toContain("province_code,province_name,commune_code,commune_name,commune_hotline,village_code,village_name");
    expect(failed.err).toContain("commune_languages, village_languages");
    expect(failed.err).toContain("Ví dụ một dòng: LCA,Lào Cai,LUNGPHINH");
    expect(failed.err).toContain("import-places --template");

    const template = join(dir, "template.csv");
    const made = await admin("import-places", "--template", template);
    expect(made.code).toBe(0);
    const header = readFileSync(template, "utf8");
    expect(header).toBe("province_code,province_name,commune_code,commune_name,commune_hotline,village_code,village_name,commune_languages,village_languages\n");
    expect((await admin("import-places", "--template", template)).code).toBe(1); // never overwrites
    // The example row the admin is shown imports as it is.
    const example = /Ví dụ một dòng: (.+)/.exec(failed.err)![1]!;
    writeFileSync(template, `${header}${example}\n`);
    const imported = await admin("import-places", template);
    expect(imported.err).toBe("");
    expect(imported.code).toBe(0);
  });

  it("refuses posters without an address for the QR codes, saying what to pass", async () => {
    expect((await admin("import-places", SAMPLE_PLACES_CSV, "--sample")).code).toBe(0);
    const out = join(dir, "posters.html");
    const refused = await admin("posters", "--commune", "HONGLOC", "--out", out);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("PUBLIC_URL");
    expect(refused.err).toContain("--url");
    expect(existsSync(out)).toBe(false);
    const made = await admin("posters", "--commune", "HONGLOC", "--out", out, "--url", "http://localhost:9911");
    expect(made.code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("localhost:9911");
    // Without --url, PUBLIC_URL is the address the QR codes open.
    const viaEnv = join(dir, "posters-public.html");
    const published = await runAdmin(["posters", "--commune", "HONGLOC", "--out", viaEnv], { ...env, PUBLIC_URL: "https://baotin.example.vn" }, { out: () => undefined, err: () => undefined });
    expect(published).toBe(0);
    expect(readFileSync(viaEnv, "utf8")).toContain("https://baotin.example.vn/?thon=");
    expect(readFileSync(viaEnv, "utf8")).not.toContain("localhost");
  });

  it("writes the posters as a PDF with --pdf, and names the language pages it cannot write", async () => {
    expect((await admin("import-places", SAMPLE_PLACES_CSV, "--sample")).code).toBe(0);
    // Pả Chư Tỷ speaks Black Thai too, its poster words approved in Tai Viet letters (TEST-ONLY text).
    const db = openNodeDatabase(env.DATABASE_URL);
    await db.village.update({ where: { code: "LP-03" }, data: { languages: "hnj,blt" } });
    await syncPosterItem(db, new Date());
    const item = await db.bulletinItem.findUniqueOrThrow({ where: { slug: POSTER_SLUG } });
    await db.bulletinVersion.deleteMany({ where: { itemId: item.id, language: { in: ["hnj", "blt"] } } });
    await db.bulletinVersion.create({ data: { itemId: item.id, language: "blt", status: "approved", text: "\uAA80\uAAB1\uAA99 [TEST]", approvedAt: new Date() } });
    await db.$disconnect();
    const out = join(dir, "posters.pdf");
    const made = await admin("posters", "--commune", "LUNGPHINH", "--pdf", "--out", out, "--url", "https://baotin.example.vn");
    expect(made.code).toBe(0);
    expect(made.out).toBe(`Đã tạo 5 áp phích (5 trang PDF) vào ${out}. In khổ A4, giữ nguyên cỡ thật (không co giãn).`);
    expect(made.err).toMatch(/^Các trang tiếng Thái \(Thái Đen\).* không có trong PDF: phông chữ của PDF chưa có chữ viết này/);
    const { pages } = await pdfText(new Uint8Array(readFileSync(out)));
    expect(pages).toHaveLength(5);
    expect(pages[2]).toContain("Thôn Pả Chư Tỷ, xã Lùng Phình, Lào Cai");
  });

  it("imports places from CSV and lists them; a bad file changes nothing", async () => {
    const imported = await admin("import-places", SAMPLE_PLACES_CSV, "--sample");
    expect(imported.code).toBe(0);
    expect(imported.out).toBe("Đã nhập 5 tỉnh, 5 xã, 21 thôn.");
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, "province_code,province_name,commune_code,commune_name,commune_hotline,village_code,village_name\nLCA,Lào Cai,LUNGPHINH,Lùng Phình,,LP-09,Thôn Mới\nLCA,Lào Cai,???,Sai,,X1,Y\n");
    const failed = await admin("import-places", bad);
    expect(failed.code).toBe(1);
    expect(failed.err).toContain("Dòng 3");
    const villages = await admin("places", "--commune", "lungphinh");
    expect(villages.out).toContain("Thôn Pả Chư Tỷ");
    expect(villages.out).not.toContain("LP-09");
    const communes = await admin("places");
    expect(communes.out.split("\n")).toHaveLength(5);
    expect(communes.out).toContain("DỮ LIỆU MẪU");
    expect((await admin("import-places", join(dir, "missing.csv"))).code).toBe(1);
  });

  it("refuses wrong roles, scopes and arguments with a clear line", async () => {
    const role = await admin("invite", "--role", "boss", "--commune", "HONGLOC");
    expect(role.code).toBe(1);
    expect(role.err).toContain("officer, leader, village_head, translator, reporting_unit, admin");
    const scope = await admin("invite", "--role", "truongthon", "--commune", "HONGLOC");
    expect(scope.code).toBe(1);
    expect(scope.err).toContain("Trưởng thôn cần mã thôn");
    const unknownFlag = await admin("invite", "--rol", "officer");
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.err).toContain("Cách dùng: invite <officer|leader");
    const provincial = await admin("invite", "admin", "--province", "LCA", "--name", "Sở Công an Lào Cai");
    expect(provincial.code).toBe(0);
    expect(provincial.out).toContain("quản trị — tỉnh Lào Cai");
    expect((await admin("invite", "officer", "--province", "LCA")).code).toBe(1);
    expect((await admin("revoke-staff", "abc")).code).toBe(2);
    expect((await admin("revoke-staff", "999")).code).toBe(1);
  });

  it("invites a reporting unit's member with their unit (issue 14), and refuses one without", async () => {
    const missing = await admin("invite", "reporting_unit", "--commune", "HONGLOC");
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("Cán bộ ban, ngành, đoàn thể cần đơn vị (--unit), một trong: culture_social, health_station, schools");
    expect((await admin("invite", "reporting_unit", "--commune", "HONGLOC", "--unit", "football")).code).toBe(1);
    expect((await admin("invite", "reporting_unit", "--village", "HL-01", "--unit", "schools")).err).toContain("không gắn với thôn");
    const made = await admin("invite", "doanthe", "--commune", "HONGLOC", "--unit", "women_union", "--name", "Chủ tịch Hội Phụ nữ xã");
    expect(made.code).toBe(0);
    expect(made.out).toContain("cán bộ ban, ngành, đoàn thể — Hội Liên hiệp Phụ nữ xã, xã Hồng Lộc");
    expect((await admin("invites", "--commune", "HONGLOC")).out).toContain("cán bộ ban, ngành, đoàn thể — Hội Liên hiệp Phụ nữ xã, xã Hồng Lộc");
  });

  it("invites an officer who registers in the chat, lists and revokes them", async () => {
    const invited = await admin("invite", "--role", "congan", "--commune", "HONGLOC", "--name", "Đ/c Lê Văn Tâm");
    expect(invited.code).toBe(0);
    const code = /Mã mời: (MOI-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(invited.out)?.[1];
    expect(code).toBeDefined();
    expect(invited.out).toContain("công an xã — xã Hồng Lộc");

    const server = await startServer(env, { logSink: () => undefined });
    const token = randomKeyText();
    try {
      await webSay(server.url, token, `/dangky ${code}`);
      await server.settle();
      const staff = await admin("staff", "--commune", "HONGLOC");
      expect(staff.out).toMatch(/#1 Đ\/c Lê Văn Tâm — công an xã — xã Hồng Lộc — web — hoạt động từ/);
      expect((await admin("invites")).out).toContain("đã dùng");
      const again = await admin("invite", "lanhdao", "--commune", "HONGLOC");
      const id = Number(/#(\d+) lãnh đạo xã/.exec((await admin("invites")).out)?.[1]);
      expect(again.code).toBe(0);
      expect((await admin("revoke-invite", String(id))).code).toBe(0);
      expect((await admin("invites")).out).toContain("đã thu hồi");

      expect((await admin("revoke-staff", "1")).code).toBe(0);
      expect((await admin("staff")).out).toContain("đã thu hồi");
      await webSay(server.url, token, "/tinbao");
      await server.settle();
      const res = await fetch(`${server.url}/webchat/api/messages?after=0`, { headers: { "X-Chat-Token": token } });
      const { messages } = (await res.json()) as { messages: { text: string }[] };
      expect(messages.at(-1)?.text).toContain("Lệnh này chỉ dành cho cán bộ");
    } finally {
      await server.stop();
    }
  });

  it("runs as the README says: npm run admin -- …", () => {
    const result = spawnSync("npm", ["run", "-s", "admin", "--", "places", "--commune", "NAMSACH"], {
      cwd: root,
      env: { ...process.env, ...env, PSEUDONYM_KEY: randomKeyText(), VAULT_KEY: randomKeyText() },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.stderr).not.toContain("Error");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Thôn Mạc Xá");
  });
});
