// The admin command line against a deployed server (issue 19, admin on Workers), here the real Node
// server over HTTP with its own SQLite file: `--remote <url> <command>` signs the command with
// ADMIN_API_KEY and the server runs it on its database. A places file is checked in full on the
// operator's machine (every error listed, nothing sent) and sent in parts; files the command writes
// come back; an unsigned, wrongly signed, stale or replayed request is refused and changes nothing;
// a server without ADMIN_API_KEY has no such path. The workerd test runs the same against D1.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, SAMPLE_PLACES_CSV, type RunningServer } from "../../src/node.js";
import { randomKeyText } from "../../src/crypto/keys.js";
import { ADMIN_SIGNATURE_HEADER, signAdminRequest } from "../../src/crypto/admin-signature.js";
import { PLACES_ROWS_PER_REQUEST } from "../../src/cli/remote.js";
import { ADMIN_API_MAX_BYTES } from "../../src/http/admin-api.js";
import { captureAdmin } from "../helpers/admin-cli.js";

const dir = mkdtempSync(join(tmpdir(), "phaodai-remote-"));
const ADMIN_API_KEY = randomKeyText();
let server: RunningServer;
let bare: RunningServer;
/** The operator's machine: only the key, no database. */
const operator = { ADMIN_API_KEY };
const remote = (...argv: string[]) => captureAdmin(["--remote", server.url, ...argv], operator);
/** The server's own command line on its own database: what the remote commands really wrote. */
const serverEnv = { DATABASE_URL: `file:${join(dir, "server.db")}`, PORT: "0", APP_ENV: "test", DEMO_MODE: "off", LOG_LEVEL: "warn", PSEUDONYM_KEY: randomKeyText(), VAULT_KEY: randomKeyText() };
const local = (...argv: string[]) => captureAdmin(argv, serverEnv);

beforeAll(async () => {
  server = await startServer({ ...serverEnv, ADMIN_API_KEY }, { logSink: () => undefined });
  bare = await startServer({ ...serverEnv, DATABASE_URL: `file:${join(dir, "bare.db")}` }, { logSink: () => undefined });
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await bare?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("admin commands on a deployed server", () => {
  it("imports a places file, checked here first and sent in parts", async () => {
    const sample = await remote("import-places", SAMPLE_PLACES_CSV, "--sample");
    expect(sample.code, sample.err).toBe(0);
    expect(sample.out).toContain("Tệp đúng mẫu: 21 dòng, gửi lên máy chủ thành 1 phần.");
    expect(sample.out).toMatch(/Đã nhập \d+ tỉnh, \d+ xã, 21 thôn/);
    expect((await local("places", "--commune", "HONGLOC")).out).toContain("HL-01");

    // A province at scale: more rows than one request takes, in parts that each stay well within a Worker's statements.
    const rows = Array.from({ length: 2 * PLACES_ROWS_PER_REQUEST + 50 }, (_, i) => `LCA,Lào Cai,XA${String(Math.floor(i / 20)).padStart(3, "0")},"Xã số ${Math.floor(i / 20)}, Bắc Hà",,XA${String(Math.floor(i / 20)).padStart(3, "0")}-${String(i % 20).padStart(2, "0")},Thôn ${i},,`);
    const big = join(dir, "lao-cai.csv");
    writeFileSync(big, `${readFileSync(SAMPLE_PLACES_CSV, "utf8").split("\n")[0]}\n${rows.join("\n")}\n`);
    const imported = await remote("import-places", big);
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toContain(`Tệp đúng mẫu: ${rows.length} dòng, gửi lên máy chủ thành 3 phần.`);
    expect(imported.out).toContain("Phần 3/3:");
    const listed = (await local("places")).out;
    expect(listed).toContain("Xã số 22, Bắc Hà");
    expect((await local("places", "--commune", "XA022")).out.split("\n")).toHaveLength(10);
  });

  it("lists every error of a bad file here and sends nothing", async () => {
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, `${readFileSync(SAMPLE_PLACES_CSV, "utf8").split("\n")[0]}\nHTI,Hà Tĩnh,MOIXA,Xã Mới,,MX 01,Thôn 1,,\nHTI,Hà Tĩnh,MOIXA,Xã Mới,,MX-02,,,\n`);
    const run = await remote("import-places", bad);
    expect(run.code).toBe(1);
    expect(run.err.split("\n").filter((l) => l.includes("dòng")).length).toBeGreaterThanOrEqual(2);
    expect(run.err).toContain("province_code,province_name,commune_code");
    expect((await local("places")).out).not.toContain("Xã Mới");
  });

  it("invites a commune's officer and writes the posters file back on the operator's machine", async () => {
    const invited = await remote("invite", "--role", "officer", "--commune", "HONGLOC", "--name", "Đ/c Trần Văn Test");
    expect(invited.code, invited.err).toBe(0);
    expect(invited.out).toMatch(/Mã mời: MOI-[A-Z0-9]{4}-[A-Z0-9]{4}/);
    expect((await local("invites")).out).toContain("Đ/c Trần Văn Test");
    const out = join(dir, "out", "posters.html");
    const posters = await remote("posters", "--commune", "HONGLOC", "--out", out, "--url", "https://phaodai.example");
    expect(posters.code, posters.err).toBe(0);
    expect(posters.out).toContain(`Đã ghi tệp ${out}`);
    expect(readFileSync(out, "utf8")).toContain("https://phaodai.example/?thon=HL-01");
  });

  it("refuses a wrong key, a stale or replayed signature and an unsigned request, changing nothing", async () => {
    const before = (await local("invites")).out;
    const wrong = await captureAdmin(["--remote", server.url, "invite", "--role", "officer", "--commune", "HONGLOC"], { ADMIN_API_KEY: randomKeyText() });
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain("Máy chủ từ chối lệnh");
    const body = JSON.stringify({ command: "invite", args: ["--role", "officer", "--commune", "HONGLOC"], files: {} });
    const post = (headers: Record<string, string>) => fetch(`${server.url}/quantri/lenh`, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body });
    expect((await post({})).status).toBe(401);
    expect((await post({ [ADMIN_SIGNATURE_HEADER]: await signAdminRequest(ADMIN_API_KEY, body, Date.now() - 10 * 60_000) })).status).toBe(401);
    const signature = await signAdminRequest(ADMIN_API_KEY, body);
    expect((await post({ [ADMIN_SIGNATURE_HEADER]: signature })).status).toBe(200);
    expect((await post({ [ADMIN_SIGNATURE_HEADER]: signature })).status).toBe(401);
    // A signature for another body does not carry over.
    expect((await fetch(`${server.url}/quantri/lenh`, { method: "POST", headers: { [ADMIN_SIGNATURE_HEADER]: signature }, body: body.replace("officer", "admin") })).status).toBe(401);
    const after = (await local("invites")).out.split("\n");
    expect(after.length).toBe(before.split("\n").length + 1);
  });

  it("answers a broken request plainly, and says what to do when the server takes no remote commands", async () => {
    const broken = "{not json";
    const res = await fetch(`${server.url}/quantri/lenh`, { method: "POST", headers: { [ADMIN_SIGNATURE_HEADER]: await signAdminRequest(ADMIN_API_KEY, broken) }, body: broken });
    expect(res.status).toBe(400);
    // Past the body limit: 413 before anything is read or checked.
    const huge = JSON.stringify({ command: "places", args: [], files: { "x.csv": "a".repeat(ADMIN_API_MAX_BYTES + 1) } });
    expect((await fetch(`${server.url}/quantri/lenh`, { method: "POST", headers: { [ADMIN_SIGNATURE_HEADER]: await signAdminRequest(ADMIN_API_KEY, huge) }, body: huge })).status).toBe(413);
    const unknown = await remote("khong-co-lenh-nay");
    expect(unknown.code).toBe(2);
    const off = await captureAdmin(["--remote", bare.url, "places"], operator);
    expect(off.code).toBe(1);
    expect(off.err).toContain("chưa nhận lệnh từ xa");
    expect((await captureAdmin(["--remote", server.url, "places"], {})).err).toContain("Thiếu ADMIN_API_KEY");
    expect((await captureAdmin(["--remote", "phaodai.example", "places"], operator)).err).toContain("Địa chỉ máy chủ không đúng");
    expect(existsSync(join(dir, "server.db"))).toBe(true);
  });
});
